"""Hostile text in every data field, every interface label and in headings: shown as text, never run.

A copy of the project gets markup, quotes, comment openers and script in every free-text value of
data/manifesto.yml, data/sources.yml and docs/<lang>/interface.yml, hostile addresses and an English
heading with quotes, a tag and an escaped tag. Chromium opens every built page: no injected element,
attribute or script, every page with its text. Every export is read back by a real reader
(bibtexparser, rispy, json, yaml) to the same values.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import bibtexparser
import pytest
import rispy
import yaml
from bibtexparser.middlewares import LatexDecodingMiddleware
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator
from mkdocs.exceptions import PluginError
from playwright.sync_api import Browser
from projects import build_project, copy_project
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from scripts.checks.links import serve
from scripts.citation.reference import citation_key
from scripts.core.dates import date_parts
from scripts.core.languages import languages
from scripts.core.links import link
from scripts.core.load import schema
from scripts.core.manifesto import original_title
from scripts.core.strings import INTERFACE

# Markup, both quotes, an entity, a comment opener and script: in an attribute or an element, any
# of them unescaped shows as an element or attribute named mf-injected, or sets window.mfInjected.
HOSTILE = (
    'Q"A\'<b>&amp;</title><img src=x onerror="window.mfInjected=1"> '
    "\" data-mf-injected=\"1 ' data-mf-injected='1 <!--<script>window.mfInjected=2</script>"
)
# Data values also carry what BibTeX, LaTeX and RIS treat specially (interface labels are
# templates: their braces are placeholders).
HOSTILE_DATA = HOSTILE + " }, note = {\\input{x}} % _ $ # ^ ~ & ER  - "
HOSTILE_URL = "https://example.org/a_b%20c?q=\"'><svg/onload=window.mfInjected=3>&r={s}"
HOSTILE_EMAIL = "\"'><svg/onload=window.mfInjected=4>@example.org"
# Values the build checks against the text itself: they cannot hold anything but the text.
TIED_TO_THE_TEXT = {"slips", "key_quotes", "demand"}
# An English heading with quotes, a real tag and an escaped one (text that looks like a tag).
HEADING = '# Why we must refuse "remote" <b>x</b> &amp; &lt;img src=x onerror=window.mfInjected=5&gt; social work'
HEADING_TEXT = 'Why we must refuse "remote" x & <img src=x onerror=window.mfInjected=5> social work'
ARGUMENT = "arguments/3-champ-obscur-et-obscurci.md"
ARGUMENT_HEADING = '# The field "is" <i>obscure</i> &lt;script&gt;window.mfInjected=6&lt;/script&gt;'

# What an unescaped value would make. The headings' own <b> and <i> are the authors' (the whole text
# shows each part's heading as an h2).
INJECTED = (
    "[data-mf-injected], [onerror], [onload], img[src='x'], meta[http-equiv='refresh'], "
    "b:not(:is(h1, h2) b), i:not(:is(h1, h2) i)"
)


def poisoned(value: Any, path: tuple[Any, ...], accepts: Any) -> Any:
    """Every string that the schema accepts with the hostile text appended gets it."""
    if isinstance(value, dict):
        return {k: v if k in TIED_TO_THE_TEXT else poisoned(v, (*path, k), accepts) for k, v in value.items()}
    if isinstance(value, list):
        return [poisoned(v, (*path, i), accepts) for i, v in enumerate(value)]
    if isinstance(value, str):
        if path[-1] in ("url", "archive"):
            candidate = HOSTILE_URL
        elif path[-1] == "email":
            candidate = HOSTILE_EMAIL
        else:
            candidate = f"{value} {HOSTILE_DATA}"
        # A schema that pins a value's form (e.g. the repository's address) keeps it as it is.
        return candidate if accepts(path, candidate) else value
    return value


def poison_file(path: Path, schema_name: str) -> Any:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema(schema_name))

    def accepts(where: tuple[Any, ...], candidate: str) -> bool:
        trial = json.loads(json.dumps(data))
        node = trial
        for key in where[:-1]:
            node = node[key]
        node[where[-1]] = candidate
        return validator.is_valid(trial)

    result = poisoned(data, (), accepts)
    assert validator.is_valid(result)
    path.write_text(yaml.safe_dump(result, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return result


def replace_heading(page: Path, heading: str) -> None:
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith("# "))
    lines[index] = heading + "\n"
    page.write_text("".join(lines), encoding="utf-8")


class Hostile:
    def __init__(self, project: Path, site: Path, data: dict[str, Any], sources: list[Any]) -> None:
        self.project, self.site, self.data, self.sources = project, site, data, sources

    def ui(self, lang: str) -> dict[str, str]:
        return yaml.safe_load((self.project / "docs" / lang / INTERFACE).read_text(encoding="utf-8"))

    def folder(self, lang: str) -> Path:
        return self.site if lang == languages()[0] else self.site / lang


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    data = poison_file(project / "data" / "manifesto.yml", "manifesto")
    sources = poison_file(project / "data" / "sources.yml", "sources")
    for lang in languages():
        path = project / "docs" / lang / INTERFACE
        strings = yaml.safe_load(path.read_text(encoding="utf-8"))
        # Every label, but those whose form the schema pins (a locale code, a style's name).
        pinned = {key for key, rule in schema("strings")["properties"].items() if "pattern" in rule or "enum" in rule}
        strings = {key: value if key in pinned else f"{value} {HOSTILE}" for key, value in strings.items()}
        path.write_text(yaml.safe_dump(strings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    replace_heading(project / "docs" / "en" / "index.md", HEADING)
    replace_heading(project / "docs" / "en" / ARGUMENT, ARGUMENT_HEADING)
    site = project / "site"
    result = build_project(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return Hostile(project, site, data, sources)


def test_hostile_values_reach_the_pages_whole_and_as_text(hostile: Hostile) -> None:
    """What the copy plants is on its pages, character for character: a data field, a label, an address."""
    organisation = hostile.sources[3]["authors"][0]["organisation"]
    assert organisation.endswith(HOSTILE_DATA)
    sources = BeautifulSoup((hostile.site / "sources" / "index.html").read_text("utf-8"), "lxml")
    assert organisation in sources.select_one(f"#{hostile.sources[3]['id']}").get_text()
    argument = BeautifulSoup((hostile.folder("de") / ARGUMENT.removesuffix(".md") / "index.html").read_bytes(), "lxml")
    kicker = hostile.ui("de")["argument_kicker"]
    assert kicker.endswith(HOSTILE) and argument.select_one(".mf-kicker").get_text() == kicker.format(n=3, total=6)
    press = BeautifulSoup((hostile.site / "presse" / "index.html").read_text("utf-8"), "lxml")
    assert HOSTILE_URL in [a["href"] for a in press.select("article dl.mf-press-facts a")]


PAGE_STATE = """(injected) => ({
  flag: window.mfInjected ?? null,
  injected: [...document.querySelectorAll(injected)].map(e => e.outerHTML.slice(0, 120)),
  scripts: [...document.scripts].filter(s => s.type !== 'application/ld+json' && s.text.includes('mfInjected')).length,
  heading: document.querySelector('article h1')?.innerText ?? '',
  paragraphs: document.querySelectorAll('article p').length,
  credit: document.querySelector('.mf-credit')?.innerText ?? '',
  title: document.title,
})"""


def test_no_hostile_value_becomes_markup_or_script_and_every_page_keeps_its_text(
    hostile: Hostile, browser: Browser
) -> None:
    pages = sorted(p.relative_to(hostile.site) for p in hostile.site.rglob("*.html"))
    assert len(pages) >= 12 * len(languages())
    author = f"{hostile.data['authors'][0]['given']} {hostile.data['authors'][0]['family']}"
    with serve(hostile.site) as url:
        tab = browser.new_page()
        for page in pages:
            tab.goto(f"{url}{page.as_posix()}", wait_until="load")
            state = tab.evaluate(PAGE_STATE, INJECTED)
            where = page.as_posix()
            assert state["flag"] is None and state["scripts"] == 0, where
            assert state["injected"] == [], where
            assert state["heading"], where
            assert state["paragraphs"] > 0 or where == "404.html", where
            # The hostile author's name is shown, as text, in the credit on every page.
            assert one_line(author) in one_line(state["credit"]), where
            assert HOSTILE in state["title"], where  # the site's name, in the page's title
        tab.goto(f"{url}en/", wait_until="load")
        assert HEADING_TEXT in tab.evaluate("document.querySelector('article h1').innerText")
        authors = hostile.ui("en")["author_join"].join(f"{a['given']} {a['family']}" for a in hostile.data["authors"])
        assert one_line(tab.title()) == one_line(f"{HEADING_TEXT} – {authors}")


def test_meta_tags_and_json_ld_read_back_the_values(hostile: Hostile, browser: Browser) -> None:
    data, pub = hostile.data, hostile.data["first_publication"]
    with serve(hostile.site) as url:
        tab = browser.new_page()
        tab.goto(f"{url}en/{ARGUMENT.removesuffix('.md')}/", wait_until="load")
        meta = tab.evaluate(
            "() => [...document.querySelectorAll('meta[name^=citation_]')].map(m => [m.name, m.content])"
        )
        tab_meta_dc = tab.evaluate(
            "() => [...document.querySelectorAll('meta[name^=\"DC.\"]')].map(m => [m.name, m.content])"
        )
        ld = json.loads(tab.evaluate("document.querySelector('script[type=\"application/ld+json\"]').text"))
        description = tab.evaluate("document.querySelector('meta[name=description]').content")
        first = tab.evaluate("document.querySelector('article p.mf-para').innerText")
    # A translated page cites the original (its title as data gives it) and names itself in DC.title.
    assert ["citation_title", original_title()] in meta
    dublin_core = tab_meta_dc
    assert ["DC.title", HEADING_TEXT] in dublin_core
    assert ["DC.contributor", hostile.ui("en")["site_name"]] in dublin_core
    assert [["citation_author", f"{a['family']}, {a['given']}"] for a in data["authors"]] == [
        m for m in meta if m[0] == "citation_author"
    ]
    assert ["citation_publisher", pub["publisher"]] in meta
    # The page's own description: the start of its first paragraph, as text.
    assert description and " ".join(first.split()).startswith(description.removesuffix("…").strip())
    assert ld["headline"] == HEADING_TEXT and ld["translationOfWork"]["name"] == original_title()
    assert [a["familyName"] for a in ld["author"]] == [a["family"] for a in data["authors"]]
    assert ld["isBasedOn"]["name"] == original_title() and ld["isBasedOn"]["url"] == HOSTILE_URL
    assert ld["isBasedOn"]["publisher"]["name"] == pub["publisher"]
    organisations = [p.get("name") for work in ld["citation"] for p in work["author"]]
    assert hostile.sources[3]["authors"][0]["organisation"] in organisations


# LaTeX's text macros for braces and the caret, which the BibTeX export writes: pylatexenc knows
# the first two not at all and reads the third as a modifier letter (U+02C6).
LATEX = get_default_latex_context_db().filter_context()  # a copy: the default is shared
LATEX.add_context_category(
    "mf",
    macros=[
        MacroTextSpec("textbraceleft", "{"),
        MacroTextSpec("textbraceright", "}"),
        MacroTextSpec("textasciicircum", "^"),
    ],
    prepend=True,
)


def read_bibtex(text: str, entries: int = 1) -> list[dict[str, str]]:
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == [] and len(library.entries) == entries
    decoded = bibtexparser.parse_string(
        text, append_middleware=[LatexDecodingMiddleware(decoder=LatexNodes2Text(latex_context=LATEX))]
    )
    result = []
    for raw_entry, entry in zip(library.entries, decoded.entries, strict=True):
        raw = {field.key: field.value for field in raw_entry.fields}
        values = {field.key: field.value for field in entry.fields}
        # The address is written verbatim (biblatex reads `url` so): no LaTeX decoding.
        values["url"] = raw["url"].removeprefix("{").removesuffix("}")
        result.append(values)
    return result


def one_line(value: str) -> str:
    """Exports write each value on one line, spaces collapsed (BibTeX ignores them; a RIS value ends with its line)."""
    return " ".join(value.split())


def test_exports_read_back_to_the_same_values(hostile: Hostile) -> None:
    data, pub = hostile.data, hostile.data["first_publication"]
    key = citation_key(data)
    year, month = date_parts(pub["date"])[:2]
    for lang in languages():
        ui = hostile.ui(lang)
        cite = hostile.folder(lang) / "cite"
        # A translated language's exports add the translation after the original.
        translated = lang != data["language"]
        bib, *bib_translation = read_bibtex((cite / f"{key}.bib").read_text(encoding="utf-8"), 1 + translated)
        expected_bib = {
            "author": " and ".join(f"{a['family']}, {a['given']}" for a in data["authors"]),
            "title": original_title(),
            "institution": pub["publisher"],
            "address": pub["publisher_place"],
            "type": ui["cite_number_label"],
            "number": pub["number"],
            "year": str(year),
            "month": str(month),
            # Braces are not allowed in an address: the export writes them percent-encoded, as browsers send them.
            "url": pub["url"].replace("{", "%7B").replace("}", "%7D"),
            "langid": data["language"],
            "note": ui["cite_note_date_unverified"],
        }
        assert bib == {field: one_line(value) for field, value in expected_bib.items()}, lang
        ris, *ris_translation = rispy.loads((cite / f"{key}.ris").read_bytes().decode("utf-8"))
        expected_ris = {
            "type_of_reference": "RPRT",
            "authors": [f"{a['family']}, {a['given']}" for a in data["authors"]],
            "title": original_title(),
            "year": str(year),
            "date": f"{year}/{month:02d}",
            "publisher": pub["publisher"],
            "place_published": pub["publisher_place"],
            "issn": pub["number"],
            "type_of_work": ui["cite_number_label"],
            "urls": [pub["url"]],
            "language": data["language"],
            "notes": [ui["cite_note_date_unverified"]],
        }
        assert ris == {
            tag: [one_line(v) for v in value] if isinstance(value, list) else one_line(value)
            for tag, value in expected_ris.items()
        }, lang
        csl, *csl_translation = json.loads((cite / f"{key}.json").read_text(encoding="utf-8"))
        assert csl["title"] == original_title() and csl["URL"] == pub["url"]
        assert csl["author"] == [{"family": a["family"], "given": a["given"]} for a in data["authors"]]
        assert csl["publisher"] == pub["publisher"] and csl["note"] == ui["cite_note_date_unverified"]
        assert len(bib_translation) == len(ris_translation) == len(csl_translation) == translated, lang
        if translated:
            (bib_t,), (ris_t,), (csl_t,) = bib_translation, ris_translation, csl_translation
            assert bib_t["origtitle"] == one_line(original_title()) and bib_t["translator"] == one_line(ui["site_name"])
            assert ris_t["subsidiary_authors"] == [one_line(ui["site_name"])]
            assert csl_t["original-title"] == original_title() and csl_t["original-publisher"] == pub["publisher"]
            if lang == "en":  # the heading planted in the English introduction
                assert bib_t["title"] == csl_t["title"] == HEADING_TEXT and ris_t["title"] == HEADING_TEXT


def test_citation_cff_reads_back_to_the_same_values(hostile: Hostile) -> None:
    project = hostile.project
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(project)}
    subprocess.run([sys.executable, "-m", "scripts", "cff"], cwd=project, env=env, check=True)
    cff = yaml.safe_load((project / "CITATION.cff").read_text(encoding="utf-8"))
    data, pub = hostile.data, hostile.data["first_publication"]
    assert list(Draft202012Validator(schema("citation-cff")).iter_errors(cff)) == []
    assert cff["title"] == original_title() and cff["message"] == hostile.ui(languages()[0])["cite_cff_message"]
    assert cff["authors"] == [{"family-names": a["family"], "given-names": a["given"]} for a in data["authors"]]
    preferred = cff["preferred-citation"]
    assert preferred["institution"] == {"name": pub["publisher"], "city": pub["publisher_place"]}
    assert preferred["url"] == pub["url"]


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,x"]
)
def test_only_web_and_mail_addresses_become_links(href: str) -> None:
    with pytest.raises(PluginError, match="only http://, https:// and mailto: addresses"):
        link(href, "x")


def test_links_escape_every_value_and_name_attributes_as_html_does() -> None:
    html = link('https://example.org/?a=1&b="', 'T<b>"', class_="mf-archive", aria_label="Note 1")
    (a,) = BeautifulSoup(html, "html.parser").find_all(True)
    assert a.attrs == {"href": 'https://example.org/?a=1&b="', "class": ["mf-archive"], "aria-label": "Note 1"}
    assert a.get_text() == 'T<b>"'
    assert link("../texte-integral/#fn:1", "1").startswith('<a href="../texte-integral/#fn:1">')
    assert link("mailto:contact@example.org", "contact").startswith('<a href="mailto:')
