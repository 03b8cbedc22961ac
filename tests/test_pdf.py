"""The printable edition: one PDF per language, made from the built whole-text page."""

from __future__ import annotations

import dataclasses
import re
import shutil
import urllib.request
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.utils import meta
from projects import add_language, build_project, copy_project
from pypdf import PdfReader

import scripts.editions.pdf as pdf_module
from scripts.citation.reference import Translation, reference, translation_reference
from scripts.core.dates import localized_date
from scripts.core.languages import default_language, languages
from scripts.core.manifesto import author_names, manifesto, pdf_path
from scripts.core.paths import DOCS
from scripts.core.strings import strings
from scripts.editions.pdf import edition_date, editions, human_size
from scripts.editions.print_html import PrintError, printable_text
from scripts.translations.status import stamp

from conftest import ROOT, page_path, soup_file

pytestmark = pytest.mark.pdf

A4 = (595.28, 841.89)  # points
# What hyphenation and line breaks add or remove: spaces of every kind and hyphens of every kind.
LAYOUT_NOISE = re.compile(r"[\s\u00ad\u2010\u2011-]+")


def squeeze(text: str) -> str:
    return LAYOUT_NOISE.sub("", text)


@dataclass(frozen=True)
class Run:
    """A piece of text as drawn on a page, with its size in points and position."""

    page: int
    text: str
    size: float
    x: float


@cache
def reader(pdf: Path) -> PdfReader:
    return PdfReader(pdf)


@cache
def runs(pdf: Path) -> list[Run]:
    found: list[Run] = []
    for number, page in enumerate(reader(pdf).pages, start=1):

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float, number: int = number) -> None:
            if text.strip():
                scale = (tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3])
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                found.append(Run(number, text, round(size * (scale[0] ** 2 + scale[1] ** 2) ** 0.5, 2), x))

        page.extract_text(visitor_text=visit)
    return found


def body_size(pdf: Path) -> float:
    """The running text's size: the one most characters are set in."""
    sizes: Counter[float] = Counter()
    for run in runs(pdf):
        sizes[run.size] += len(run.text)
    return sizes.most_common(1)[0][0]


def running_text(pdf: Path) -> str:
    """The text at running-text sizes (quotations are a little smaller): no notes, numbers, headers."""
    body = body_size(pdf)
    return squeeze("".join(run.text for run in runs(pdf) if 0.9 * body <= run.size <= body))


def page_text(pdf: Path, number: int) -> str:
    return reader(pdf).pages[number - 1].extract_text()


def pdf_of(site: Path, lang: str) -> Path:
    return site / pdf_path(lang)


def whole_text(site: Path, lang: str) -> BeautifulSoup:
    return soup_file(page_path(site, lang, whole_text_source(lang)))


def whole_text_source(lang: str) -> str:
    for source in sorted((DOCS / lang).rglob("*.md")):
        if meta.get_data(source.read_text(encoding="utf-8"))[1].get("whole_text"):
            return source.relative_to(DOCS / lang).as_posix()
    raise AssertionError(f"docs/{lang}: no whole-text page")


def paragraphs(site: Path, lang: str) -> list[tuple[int, str]]:
    """The built whole-text page's numbered paragraphs, without note calls and self-links."""
    result = []
    for p in whole_text(site, lang).select("article p.mf-para"):
        p = BeautifulSoup(str(p), "lxml").p
        for furniture in p.select("sup, a.mf-para-link"):
            furniture.decompose()
        result.append((int(p["id"].removeprefix("p")), p.get_text()))
    assert result, f"{lang}: the whole-text page has no numbered paragraph"
    return result


def destination_page(pdf: Path, name: str) -> int:
    pdf_reader = reader(pdf)
    return pdf_reader.get_destination_page_number(pdf_reader.named_destinations[name]) + 1


LANGUAGES = languages()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_paragraph_is_in_the_pdf_in_order(site: Path, lang: str) -> None:
    text = running_text(pdf_of(site, lang))
    cursor = 0
    for number, paragraph in paragraphs(site, lang):
        found = text.find(squeeze(paragraph), cursor)
        assert found >= 0, f"paragraph {number} is missing or out of order: {paragraph[:80]}…"
        cursor = found + len(squeeze(paragraph))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_paragraph_numbers_are_printed_in_the_margin(site: Path, lang: str) -> None:
    pdf = pdf_of(site, lang)
    body = body_size(pdf)
    left_edge = min(run.x for run in runs(pdf) if run.size == body)
    in_margin = [int(run.text) for run in runs(pdf) if run.x < left_edge - 5 and run.text.strip().isdigit()]
    assert in_margin == [number for number, _ in paragraphs(site, lang)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_note_is_on_the_page_of_its_call_with_its_original_number(site: Path, lang: str) -> None:
    pdf = pdf_of(site, lang)
    notes = whole_text(site, lang).select("article div.footnote li[id^='fn:']")
    assert notes, "the whole text has no notes"
    for note in notes:
        note = BeautifulSoup(str(note), "lxml").li  # a copy: the parsed page is shared by other tests
        number = note["value"]
        call_page = destination_page(pdf, f"fnref:{number}")
        note_page = destination_page(pdf, f"fn:{number}")
        assert note_page == call_page, f"note {number} is on page {note_page}, its call on page {call_page}"
        for back in note.select("a.footnote-backref"):
            back.decompose()
        start = squeeze(f"{number}. {note.get_text()}")[:40]
        assert start in squeeze(page_text(pdf, call_page)), f"note {number} is not printed as {start!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_addresses_are_printed_in_full_and_clickable(site: Path, lang: str) -> None:
    pdf = pdf_of(site, lang)
    article = whole_text(site, lang).select_one("article")
    # Share links are screen furniture, left out of the PDF.
    addresses = {a["href"] for a in article.select("a[href^='http']:not(.mf-share a)")}
    assert addresses, "the whole text has no web address"
    clickable = {
        annotation.get_object()["/A"]["/URI"]
        for page in reader(pdf).pages
        for annotation in page.get("/Annots", [])
        if "/URI" in annotation.get_object().get("/A", {})
    }
    text = squeeze("".join(page.extract_text() for page in reader(pdf).pages))
    for address in addresses:
        assert address in clickable, address
        assert squeeze(address) in text, address


@pytest.mark.parametrize("lang", LANGUAGES)
def test_metadata_and_language(site: Path, lang: str) -> None:
    pdf_reader = reader(pdf_of(site, lang))
    ui = strings(lang)
    authors = author_names()
    title = whole_text(site, lang).select_one("article h1").get_text(" ", strip=True).removesuffix("¶").strip()
    info = pdf_reader.metadata
    assert info.title == title
    assert info.author == ", ".join(authors)
    assert info.subject == ui["pdf_subject"].format(
        authors=ui["author_join"].join(authors), year=manifesto()["first_publication"]["date"][:4]
    )
    assert info["/Keywords"] == ui["pdf_keywords"]
    assert pdf_reader.trailer["/Root"]["/Lang"] == lang
    assert 'pdfuaid:part="1"' in pdf_reader.xmp_metadata.rdf_root.toxml()  # tagged as PDF/UA-1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_font_is_embedded_and_is_the_vendored_one(site: Path, lang: str) -> None:
    fonts = {}
    for page in reader(pdf_of(site, lang)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            fonts[font["/BaseFont"]] = described["/FontDescriptor"]
    for name, descriptor in fonts.items():
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), f"{name} is not embedded"
    # Subsets are named ABCDEF+<CSS family>-<face>; the family of print/edition.css is the vendored Noto Serif
    # and nothing else, and the text uses its regular, italic and bold faces.
    faces = {name.split("+", 1)[1] for name in fonts}
    assert faces == {"Noto-Serif-Print", "Noto-Serif-Print-Italic", "Noto-Serif-Print-Bold"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a4_pages_with_running_title_and_page_numbers(site: Path, lang: str) -> None:
    pdf = pdf_of(site, lang)
    pages = reader(pdf).pages
    title = reader(pdf).metadata.title
    for number, page in enumerate(pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width, 1), round(height, 1)) == (round(A4[0], 1), round(A4[1], 1)), f"page {number}"
        if number > 1:  # the cover has neither
            text = page.extract_text()
            assert f"{number} / {len(pages)}" in text, f"page {number}: no page number"
            assert squeeze(title) in squeeze(text), f"page {number}: no running title"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_bookmarks_and_contents_for_every_section(site: Path, lang: str) -> None:
    pdf = pdf_of(site, lang)
    pdf_reader = reader(pdf)
    bookmarks = {
        item.title: pdf_reader.get_destination_page_number(item) + 1
        for item in pdf_reader.outline
        if not isinstance(item, list)
    }
    headings = whole_text(site, lang).select("article h2:not(.mf-share h2)")
    sections = [h.get_text(" ", strip=True).removesuffix("¶").strip() for h in headings]
    assert len(sections) >= 8  # introduction, six arguments, conclusion
    contents = squeeze(page_text(pdf, 2))
    for section in sections:
        assert section in bookmarks, f"no bookmark for {section!r}"
        assert re.search(re.escape(squeeze(section)) + r"\.*" + str(bookmarks[section]), contents), (
            f"contents: {section!r} is not listed with page {bookmarks[section]}"
        )


def home_url(site: Path, lang: str) -> str:
    return next(e.home_url for e in editions(site, load_config(str(ROOT / "mkdocs.yml"))) if e.lang == lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cover_and_colophon_state_the_facts(site: Path, lang: str) -> None:
    pdf = pdf_of(site, lang)
    ui = strings(lang)
    data = manifesto()
    publication = data["first_publication"]
    cover = squeeze(page_text(pdf, 1))
    colophon = squeeze(page_text(pdf, len(reader(pdf).pages)))
    for text in (cover, colophon):
        assert squeeze(ui["author_join"].join(author_names())) in text
        assert squeeze(publication["publisher"]) in text and publication["number"] in text
        # Dates in the reader's words ("25 novembre 2026"), never ISO ("2026-11-25") on the cover and colophon.
        day = localized_date(edition_date()[:10], lang)
        assert squeeze(ui["pdf_edition"].format(version=data["edition"]["version"], date=day)) in text
        assert not re.search(r"\b\d{4}-\d{2}(-\d{2})?\b", text), re.findall(r"\d{4}-\d{2}\S*", text)
        assert (squeeze(ui["pdf_date_unverified"]) in text) is not publication["date_verified"]
        assert (squeeze(ui["pdf_publication_unverified"]) in text) is not publication["verified"]
    assert squeeze(reader(pdf).metadata.title) in cover
    assert squeeze(publication["url"]) in colophon
    assert squeeze(ui["pdf_how_to_cite"]) in colophon
    # How to cite: the original, in the language's style; a translation as a translation, with its address.
    assert squeeze(reference(lang)) in colophon
    if lang == data["language"]:
        assert squeeze(ui["credit_original"]) in colophon
    else:
        assert squeeze(ui["cite_translation_label"]) in colophon
        assert (
            squeeze(translation_reference(Translation(lang, reader(pdf).metadata.title, home_url(site, lang))))
            in colophon
        )
        assert squeeze(ui["credit_translation_unreviewed"].format(translator=ui["site_name"])) in colophon
        assert squeeze(strings(data["language"])["credit_original"]) not in colophon


def test_every_page_links_to_its_pdf_with_its_size(site: Path, site_url: str) -> None:
    default = default_language()
    for html in sorted(site.rglob("*.html")):
        soup = soup_file(html)
        lang = soup.html["lang"]
        # The footer's link on every page (the home page's own are tested in test_home.py; the changes
        # page also links each edition's PDFs, at their versioned addresses).
        links = soup.select("footer a[type='application/pdf']")
        assert len(links) == 1, f"{html}: {len(links)} links to the PDF"
        link = links[0]
        href = link["href"]
        target = (site / href.lstrip("/")) if href.startswith("/") else (html.parent / href).resolve()
        assert target == (site / pdf_path(lang)).resolve(), f"{html}: links to {href}"
        size = strings(lang)["pdf_size"].format(size=human_size(target.stat().st_size))
        assert link.get_text(" ", strip=True) == f"{strings(lang)['pdf_download']} {size}", html
        assert lang == default or html.is_relative_to(site / lang)
    for lang in LANGUAGES:
        with urllib.request.urlopen(site_url + pdf_path(lang)) as response:
            assert response.status == 200
            assert response.read() == pdf_of(site, lang).read_bytes()


# A copy of the project with one more language switched on (its pages copied from the default
# language) and, in every language, a page of our own marked `pdf_appendix: true`.
APPENDIX_TITLE = "Annexe d’essai"
APPENDIX_TEXT = "Phrase témoin de l’annexe, qui renvoie au paragraphe 3."


# A language no edition has: added as the README says, its pages copied from the original.
EXTRA_LANGUAGE = ("it", "Italiano")


@pytest.fixture(scope="module")
def extended_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    project = copy_project(tmp_path_factory.mktemp("copy"))
    extra, name = EXTRA_LANGUAGE
    add_language(project, extra, name)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    nav_items = re.findall(r"(?m)^  - .*\.md$", text)
    config.write_text(text.replace(nav_items[-1], f"{nav_items[-1]}\n  - annexe-essai.md", 1), encoding="utf-8")
    docs = project / "docs"
    whole = whole_text_source(default_language()).removesuffix(".md")
    for lang in [*LANGUAGES, extra]:
        translated = "" if lang == default_language() else 'translation:\n  source: ""\n  status: unreviewed\n'
        (docs / lang / "annexe-essai.md").write_text(
            # Raw HTML: mkdocs checks Markdown links' anchors before the build numbers the paragraphs.
            f"---\npdf_appendix: true\n{translated}---\n\n# {APPENDIX_TITLE}\n\n"
            f'{APPENDIX_TEXT} <a href="../{whole}/#p3">§ 3</a>\n',
            encoding="utf-8",
        )
    for lang in LANGUAGES[1:]:
        stamp(docs, default_language(), lang, "annexe-essai.md")
    site = project / "site"
    result = build_project(project, site, pdf=True)
    assert result.returncode == 0, result.stderr
    return site, extra


def test_a_language_switched_on_gets_its_pdf_with_no_code(extended_site: tuple[Path, str]) -> None:
    site, extra = extended_site
    ui = strings(default_language())  # the added language's strings are a copy of the original's
    pdf = pdf_of(site, extra)
    assert reader(pdf).trailer["/Root"]["/Lang"] == extra
    assert reader(pdf).metadata["/Keywords"] == ui["pdf_keywords"]
    assert squeeze(ui["pdf_contents"]) in squeeze(page_text(pdf, 2))
    link = soup_file(page_path(site, extra, "index.md")).select_one("a[type='application/pdf']")
    assert (page_path(site, extra, "index.md").parent / link["href"]).resolve() == pdf.resolve()
    assert ui["pdf_size"].format(size=human_size(pdf.stat().st_size)) in link.get_text()


def test_pages_marked_pdf_appendix_come_after_the_text(extended_site: tuple[Path, str]) -> None:
    site, _ = extended_site
    for lang in languages():
        pdf = pdf_of(site, lang)
        text = running_text(pdf)
        last_paragraph = squeeze(paragraphs(site, lang)[-1][1])
        assert text.index(last_paragraph) < text.index(squeeze(APPENDIX_TEXT)), lang
        outline = [item.title for item in reader(pdf).outline if not isinstance(item, list)]
        assert outline[-2:] == [APPENDIX_TITLE, strings(lang)["pdf_colophon"]], lang
        # The appendix's link into the whole text stays inside the PDF.
        page = next(p for p in reader(pdf).pages if squeeze(APPENDIX_TEXT) in squeeze(p.extract_text()))
        targets = [a.get_object().get("/Dest") for a in page.get("/Annots", [])]
        assert any(target is not None for target in targets), "the link to paragraph 3 left the PDF"


def test_missing_built_page_or_note_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PrintError, match=r"missing\. Fix: build the site first"):
        printable_text(tmp_path / "texte-integral" / "index.html", "http://x/")
    page = tmp_path / "page.html"
    page.write_text('<article><h1>T</h1><p>x<sup id="fnref:7"><a href="#fn:7">7</a></sup></p></article>')
    with pytest.raises(PrintError, match=r"page\.html: note 7 is called but has no text\. Fix:"):
        printable_text(page, "http://x/")


def test_a_failed_pdf_leaves_the_previous_one_untouched(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "print"
    shutil.copytree(ROOT / "print", broken)
    (broken / "fonts" / "NotoSerif-Bold.ttf").unlink()
    monkeypatch.setattr(pdf_module, "PRINT_DIR", broken)
    edition = editions(site, load_config(str(ROOT / "mkdocs.yml")))[0]
    out = tmp_path / "out" / edition.pdf.name
    out.parent.mkdir()
    out.write_bytes(b"previous edition")
    with pytest.raises(PrintError, match=r"NotoSerif-Bold\.ttf.*Fix: restore the file"):
        pdf_module.write_pdf(dataclasses.replace(edition, pdf=out), edition_date())
    assert out.read_bytes() == b"previous edition"
    assert [p.name for p in out.parent.iterdir()] == [out.name]


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_a_translated_pdfs_appendices_do_not_repeat_the_translation_notice(site: Path, lang: str) -> None:
    """The pages' one-line notice is screen furniture: before each appendix it would repeat the colophon."""
    pages = reader(pdf_of(site, lang)).pages
    text = squeeze("".join(page.extract_text() for page in pages[len(pages) // 2 :]))
    for key in ("translation_line_unreviewed", "translation_line_reviewed"):
        assert squeeze(strings(lang)[key]) not in text, key
    assert squeeze(strings(lang)["translation_original_short"]) + " <" not in text
