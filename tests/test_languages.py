"""Every language edition: same structure as the original, interface in its own language."""

from __future__ import annotations

import functools
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from scripts.core.languages import built_page, languages, mkdocs_config
from scripts.core.paths import DOCS
from scripts.core.strings import strings
from scripts.translations.status import all_states, failures_report, pages, parity_differences

from conftest import soup_file

SITE_URL = mkdocs_config()["site_url"]
LANGUAGES = languages()
ORIGINAL, TRANSLATIONS = LANGUAGES[0], LANGUAGES[1:]
PAGES = pages(DOCS, ORIGINAL)
assert "texte-integral.md" in PAGES, f"docs/{ORIGINAL}: its pages are not found"  # the loops below check them
NOTED = "arguments/6-illusions-de-la-digitalisation.md"  # a page with a note
needs_translation = pytest.mark.skipif(not TRANSLATIONS, reason="no translation is built")


def resolve(page: Path, href: str) -> Path:
    target = (page.parent / href.split("#")[0]).resolve()
    return target / "index.html" if target.is_dir() else target


@needs_translation
def test_every_translation_has_the_structure_of_the_original(site: Path) -> None:
    assert parity_differences(site) == []


@needs_translation
def test_the_structure_check_finds_a_lost_paragraph_note_and_page(site: Path, tmp_path: Path) -> None:
    """On a copy of the build where translations lost a paragraph, a note and a page."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("*.pdf", "assets"))
    first, second = TRANSLATIONS[0], TRANSLATIONS[-1]
    for src, lost in (("conclusion.md", "article p.mf-para"), (NOTED, "article div.footnote li")):
        page = built_page(copy, first, src)
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        soup.select(lost)[-1].decompose()
        page.write_text(str(soup), encoding="utf-8")
    built_page(copy, second, "a-propos.md").unlink()
    before = parity_differences(site)
    found = [line for line in parity_differences(copy) if line not in before]
    assert {line.split(" differ ")[0] for line in found if " differ " in line} == {
        f"docs/{first}/conclusion.md: paragraph numbers",
        f"docs/{first}/{NOTED}: footnotes",
    }
    assert f"{second}/a-propos.md: not built" in found
    assert len(found) == 3, found


@needs_translation
def test_every_translation_records_the_current_french_version() -> None:
    assert failures_report(all_states()) == ""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_declare_their_language_and_all_alternates(site: Path, lang: str) -> None:
    for page in PAGES:
        path = built_page(site, lang, page)
        soup = soup_file(path)
        assert soup.html["lang"] == lang, path
        links = soup.select("head link[rel=alternate][hreflang]:not([hreflang=x-default])")
        alternates = {link["hreflang"]: link["href"] for link in links}
        assert set(alternates) == set(LANGUAGES), path
        for other, href in alternates.items():
            # Absolute, at the site's public address (mkdocs.yml site_url).
            assert href.startswith(SITE_URL), (path, href)
            target = site / href.removeprefix(SITE_URL) / "index.html"
            assert target.resolve() == built_page(site, other, page).resolve(), (path, other)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_switcher_names_each_language_in_itself_and_keeps_the_page(site: Path, lang: str) -> None:
    path = built_page(site, lang, "conclusion.md")
    entries = soup_file(path).select("a.md-select__link")
    assert {a["lang"] for a in entries} == set(LANGUAGES)
    for a in entries:
        assert a["hreflang"] == a["lang"]
        assert resolve(path, a["href"]) == built_page(site, a["lang"], "conclusion.md").resolve()


@needs_translation
@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_translated_pages_say_so_link_the_original_and_show_their_status(site: Path, lang: str) -> None:
    ui = strings(lang)
    for page in PAGES:
        path = built_page(site, lang, page)
        notice = soup_file(path).select_one("aside.mf-translation")
        assert notice is not None, path
        text = notice.get_text(" ", strip=True)
        assert notice["aria-label"] == ui["translation_notice"]
        assert ui["translation_line_unreviewed"] in text or ui["translation_line_reviewed"] in text
        link = notice.select_one(f"a[hreflang={ORIGINAL}]")
        assert link is not None and resolve(path, link["href"]) == built_page(site, ORIGINAL, page).resolve()
    assert soup_file(built_page(site, ORIGINAL, "conclusion.md")).select_one("aside.mf-translation") is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_interface_strings_are_in_the_page_language(site: Path, lang: str) -> None:
    ui = strings(lang)
    soup = soup_file(built_page(site, lang, "arguments/3-champ-obscur-et-obscurci.md"))
    assert soup.select_one(".mf-kicker").get_text(strip=True) == ui["argument_kicker"].format(n=3, total=6)
    back = soup.select_one("li#fn\\:7 a.footnote-backref")
    assert back["title"] == ui["footnote_backlink"].format(n=7)
    para = soup.select_one("p.mf-para a.mf-para-link")
    assert para["aria-label"].startswith(ui["paragraph_link_label"].split("{")[0])
    assert soup.select_one("h1 a.headerlink")["title"] == ui["heading_link_title"]
    assert soup.select_one("title").get_text().endswith(ui["site_name"])


@functools.cache
def detector() -> LanguageDetector:
    codes = [Language.from_iso_code_639_1(IsoCode639_1.from_str(code)) for code in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*codes).build()


# Left in the original on purpose: titles of works (italic), glosses [in brackets], words quoted «in French».
KEPT_IN_ORIGINAL = re.compile(r"\[[^\]]*\]|«[^»]*»")


def untranslated(html_path: Path) -> list[str]:
    """Paragraphs and headings of a translated page that read as the original's language."""
    article = BeautifulSoup(html_path.read_text(encoding="utf-8"), "lxml").select_one("article")
    # Bibliographic entries and references name French works in French: not text to translate.
    skipped_selector = (
        "div.footnote, .byline, aside.mf-translation, a.mf-para-link, a.headerlink, em, .mf-sources, .mf-cite,"
        " .mf-share"
    )
    for skipped in article.select(skipped_selector):
        skipped.decompose()
    found = []
    for block in article.select("p, h1, h2, h3, li"):
        text = KEPT_IN_ORIGINAL.sub(" ", block.get_text(" ", strip=True))
        if len(text) < 60:  # too short for a reliable guess
            continue
        best = detector().compute_language_confidence_values(text)[0]
        if best.language.iso_code_639_1.name.lower() == ORIGINAL and best.value >= 0.9:
            found.append(f"{block.get('id') or block.name}: {text[:70]}")
    return found


@needs_translation
@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_no_french_is_left_untranslated(site: Path, lang: str) -> None:
    leftovers = {page: untranslated(built_page(site, lang, page)) for page in PAGES}
    assert {page: found for page, found in leftovers.items() if found} == {}


def test_the_detector_finds_french_left_in_a_translation(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        "<article><p id='p1'>This paragraph has been translated into the language of the page, as it should be.</p>"
        "<p id='p2'>La crise sanitaire que nous venons de vivre a suspendu l’exercice d’un tel travail.</p></article>",
        encoding="utf-8",
    )
    assert untranslated(page) == ["p2: La crise sanitaire que nous venons de vivre a suspendu l’exercice d’un"]


def material_label(lang: str, key: str) -> str:
    """A label from Material's own translation table for `lang`."""
    import material

    table = Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{lang}.html"
    found = re.search(rf'"{re.escape(key)}": "([^"]*)"', table.read_text(encoding="utf-8"))
    assert found, f"{key} not in {table}"
    return found.group(1)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_theme_labels_are_in_the_page_language(site: Path, lang: str) -> None:
    soup = soup_file(built_page(site, lang, "conclusion.md"))
    assert soup.select_one("a.md-skip").get_text(strip=True) == material_label(lang, "action.skip")
    direction = soup.select_one("a.md-footer__link--next .md-footer__direction").get_text(strip=True)
    assert direction == material_label(lang, "footer.next")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_landmarks_and_language_button_are_named_in_the_page_language(site: Path, lang: str) -> None:
    soup = soup_file(built_page(site, lang, "conclusion.md"))
    names = {soup.select_one(f"nav.md-{part}__inner")["aria-label"] for part in ["header", "footer"]}
    assert lang == "en" or not names & {"Header", "Footer"}, names  # Material leaves them in English in Dutch
    button = soup.select_one("button.mf-language__button")
    assert button["aria-label"].startswith(material_label(lang, "select.language"))
    assert button.get_text(strip=True) == next(
        a.get_text(strip=True) for a in soup.select(f"a.md-select__link[hreflang={lang}]")
    )
