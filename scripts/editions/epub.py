"""The EPUB 3 edition, one per language, from the same built whole-text page as the PDF (so that it can never
say something the site does not): a cover drawn here, the navigation document, the text with its paragraph
numbers and its notes as EPUB footnotes keeping their original numbers, and the colophon with the citation.
No font is embedded (e-readers bring their own). Zipped with fixed dates and order: reproducible byte for byte.
"""

from __future__ import annotations

import re
import textwrap
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from scripts.citation.reference import Translation, reference_html, translation_reference_html
from scripts.core.dates import localized_date
from scripts.core.manifesto import author_names, epub_path, manifesto, text_title
from scripts.core.paths import shown
from scripts.core.strings import strings
from scripts.easy_read.records import easy_read_data, easy_read_epub_path
from scripts.editions import print_html
from scripts.editions.easy_read import EasyReadEdition
from scripts.editions.pdf import PRINT_DIR, Edition, linked
from scripts.editions.print_html import PrintError
from scripts.theme.credit import credit, translation_credit

EPUB_DIR = PRINT_DIR / "epub"
CONTAINER = """<?xml version="1.0" encoding="utf-8"?>
<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0">
<rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"""
# In a translation's notes, a French title is followed by its translation in brackets: “Titre” [Title].
QUOTED_TITLE = re.compile(r"([“„«]\s?)([^”“»]+?)(\s?[”“»])(?=\s\[)")


@dataclass(frozen=True)
class Text:
    title: str
    body: str
    contents: list[print_html.Entry]


def epub_text(edition: Edition, original_lang: str) -> Text:
    """The whole-text page's article as EPUB markup: numbered paragraphs, notes after the block calling them."""
    page = edition.whole_text
    article = print_html.article_of(page.html)
    h1 = article.find("h1")
    if h1 is None:
        raise PrintError(f"{shown(page.html)}: no title (h1). Fix: the first part of the text starts with '# Title'.")
    title = print_html.heading_text(h1)
    for element in [h1, *article.select(".byline, aside.mf-translation")]:
        element.decompose()  # the title page names the text, its authors and whether it is a translation
    print_html.resolve_links(article, page.url, page.url, {})
    soup = BeautifulSoup("", "lxml")
    for paragraph in article.select("[data-para]"):
        number = soup.new_tag("span", attrs={"class": "para-number"})
        number.string = paragraph.attrs.pop("data-para")
        paragraph.insert(0, number)
        paragraph.insert(1, NavigableString(" "))
    notes = footnotes(article, page.html, soup)
    for call in article.select('sup[id^="fnref:"]'):
        label = call["id"].split(":", 1)[1]
        note = notes.pop(label, None)
        if note is None:
            raise PrintError(f"{shown(page.html)}: note {label} is called but has no text. Fix: add '[^{label}]: …'.")
        call.attrs = {}
        call.clear()
        anchor = soup.new_tag("a", attrs={"id": f"fnref-{label}", "href": f"#fn-{label}", "role": "doc-noteref"})
        anchor["epub:type"] = "noteref"
        anchor.string = label
        call.append(anchor)
        block = call.find_parent(lambda tag: tag.parent is article)
        (block or call).insert_after(note)
    if notes:
        raise PrintError(f"{shown(page.html)}: note(s) {', '.join(notes)} never called. Fix: call each note ([^N]).")
    if edition.lang != original_lang:
        mark_french_titles(article, original_lang)
    headings = [h2 for h2 in article.find_all("h2") if h2.get("id")]
    contents = [print_html.Entry(h2["id"], print_html.heading_text(h2)) for h2 in headings]
    return Text(title, article.decode_contents(), contents)


def footnotes(article: Tag, html_file: Path, soup: BeautifulSoup) -> dict[str, Tag]:
    """Each note as an EPUB footnote (an aside) by its original number, its list taken out of the article."""
    notes = {}
    for item in article.select('div.footnote li[id^="fn:"]'):
        label = item["id"].split(":", 1)[1]
        aside = soup.new_tag("aside", attrs={"id": f"fn-{label}", "class": "footnote", "role": "doc-footnote"})
        aside["epub:type"] = "footnote"
        blocks = item.find_all("p", recursive=False) or [item]
        back = soup.new_tag("a", attrs={"href": f"#fnref-{label}"})
        back.string = f"{label}."
        for block in blocks:
            block.name, block.attrs = "p", {}
            aside.append(block.extract())
        first = aside.find("p")
        if first is None:
            raise PrintError(f"{shown(html_file)}: note {label} is empty. Fix: write its text after '[^{label}]:'.")
        first.insert(0, back)
        first.insert(1, NavigableString(" "))
        notes[label] = aside
    for block in article.select("div.footnote"):
        block.decompose()
    return notes


def mark_french_titles(article: Tag, original_lang: str) -> None:
    """In a translation's notes, the French titles left untranslated (each followed by its translation in
    brackets) are marked as French, so that a reading voice reads them in French."""
    french = {"lang": original_lang, "xml:lang": original_lang}
    maker = BeautifulSoup("", "lxml")
    # What the site's pages already mark as French (scripts/text/original_language.py) keeps its mark, in
    # the form XHTML reads too.
    for marked in article.find_all(attrs={"lang": original_lang}):
        marked["xml:lang"] = original_lang
    for aside in article.select("aside.footnote"):
        for em in aside.find_all(["em", "i"]):
            following = em.next_sibling
            if isinstance(following, NavigableString) and following.startswith(" ["):
                em["lang"] = em["xml:lang"] = original_lang
        for text in list(aside.find_all(string=QUOTED_TITLE)):
            if text.find_parent(attrs={"lang": original_lang}) is not None:
                continue  # marked already
            parts = QUOTED_TITLE.split(str(text))
            pieces: list[str | Tag] = []
            for index, part in enumerate(parts):
                if index % 4 == 2:  # the title between its quotation marks
                    span = maker.new_tag("span", attrs=french)
                    span.string = part
                    pieces.append(span)
                elif part:
                    pieces.append(NavigableString(part))
            text.replace_with(*pieces)


@dataclass(frozen=True)
class Book:
    """One EPUB: the text of a built page and what its title page and colophon say about it."""

    lang: str
    name: str  # the file's name without language: the edition's or the summary's PDF name
    path: str  # where it goes in the built site
    text: Text
    source: str  # the built page's address
    home_url: str
    status: str  # the credit's second half: reproduced as published, translated, or the site's summary
    summary: str  # schema:accessibilitySummary
    notes: list[str]  # the colophon's last lines


def text_book(edition: Edition) -> Book:
    """The whole text's EPUB."""
    data = manifesto()
    ui = strings(edition.lang)
    original = edition.lang == data["language"]
    status = ui["credit_original"] if original else translation_credit(ui, [*edition.reviewed], [*edition.unreviewed])
    return Book(
        edition.lang,
        data["edition"]["pdf_name"],
        epub_path(edition.lang),
        epub_text(edition, data["language"]),
        edition.whole_text.url,
        edition.home_url,
        status,
        ui["epub_accessibility_summary"],
        [ui["epub_numbering"], ui["epub_made"]],
    )


def easy_read_book(summary: EasyReadEdition, home_url: str) -> Book:
    """The easy-to-read summary's EPUB: its built page as it is (no notes, no paragraph numbers)."""
    ui = strings(summary.lang)
    article = print_html.article_of(summary.page.html)
    h1 = article.find("h1")
    if h1 is None:
        raise PrintError(f"{shown(summary.page.html)}: no title (h1). Fix: start the page with '# Title'.")
    title = print_html.heading_text(h1)
    for element in [h1, *article.select("aside.mf-translation")]:
        element.decompose()
    print_html.resolve_links(article, summary.page.url, summary.page.url, {})
    headings = [h2 for h2 in article.find_all("h2") if h2.get("id")]
    text = Text(
        title, article.decode_contents(), [print_html.Entry(h["id"], print_html.heading_text(h)) for h in headings]
    )
    credit_status = ui["credit_easy_read"].format(translator=ui["site_name"])
    name = easy_read_data()["pdf_name"]
    return Book(
        summary.lang,
        name,
        easy_read_epub_path(summary.lang),
        text,
        summary.page.url,
        home_url,
        credit_status,
        ui["epub_easy_read_summary"],
        [ui["epub_made"]],
    )


def documents(book: Book, date: str) -> dict[str, str]:
    """Every file of the EPUB but the mimetype and container, by its path inside EPUB/."""
    data = manifesto()
    ui = strings(book.lang)
    text = book.text
    authors = ui["author_join"].join(author_names(data))
    version = data["edition"]["version"]
    edition_line = ui["pdf_edition"].format(version=version, date=localized_date(date[:10], book.lang))
    publication = data["first_publication"]
    first_publication = ui["pdf_first_publication"].format(
        publisher=publication["publisher"],
        website=publication["website"],
        number=publication.get("number", ""),
        date=localized_date(publication["date"], book.lang),
    )
    if not publication["date_verified"]:
        first_publication += " " + ui["pdf_date_unverified"]
    translation = Translation(book.lang, text_title(book.lang), book.home_url)
    env = Environment(loader=FileSystemLoader(EPUB_DIR), autoescape=True, undefined=StrictUndefined)
    common = {"lang": book.lang, "title": text.title, "byline": authors}
    page = env.get_template("page.xhtml")
    online = linked(ui["pdf_online"], url=book.source)
    title_page = env.get_template("title.xhtml").render(
        **common, status=book.status, edition=edition_line, online=online
    )
    colophon = env.get_template("colophon.xhtml").render(
        **common,
        ui=ui,
        reference=reference_html(book.lang, data),
        translation_reference=None if book.lang == data["language"] else translation_reference_html(translation, data),
        credit=f"{credit(ui, data)} {book.status}",
        first_publication=first_publication,
        first_publication_url=publication["url"],
        unverified=None if publication["verified"] else ui["pdf_publication_unverified"],
        edition=edition_line,
        online=online,
        notes=book.notes,
    )
    return {
        "package.opf": env.get_template("package.opf").render(
            **common,
            identifier=f"urn:uuid:{book_uuid(book)}",
            authors=author_names(data),
            date=date[:10],
            modified=date[:19] + "Z",
            subject=ui["pdf_subject"].format(authors=authors, year=publication["date"][:4]),
            source=book.source,
            summary=book.summary,
        ),
        "nav.xhtml": env.get_template("nav.xhtml").render(**common, ui=ui, contents=text.contents),
        "cover.svg": env.get_template("cover.svg").render(
            **common, title_lines=textwrap.wrap(text.title, 16), edition=edition_line
        ),
        "cover.xhtml": page.render(
            lang=book.lang,
            page_title=text.title,
            body_type="cover",
            body=Markup(
                f'<section class="cover"><img src="cover.svg" alt="{Markup.escape(text.title)}, '
                f'{Markup.escape(authors)}"/></section>'
            ),
        ),
        "text.xhtml": page.render(
            lang=book.lang,
            page_title=text.title,
            body_type="bodymatter",
            body=Markup(title_page) + Markup(f'<section epub:type="chapter">{text.body}</section>'),
        ),
        "colophon.xhtml": page.render(
            lang=book.lang, page_title=ui["pdf_colophon"], body_type="backmatter", body=Markup(colophon)
        ),
        "epub.css": (EPUB_DIR / "epub.css").read_text(encoding="utf-8"),
    }


def book_uuid(book: Book) -> uuid.UUID:
    """The same edition in the same language keeps the same identifier, build after build."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{book.name}/{book.lang}/{manifesto()['edition']['version']}")


def write_epub(book: Book, site_dir: Path, date: str) -> Path:
    """The EPUB at its place in the built site: mimetype first and stored, every entry dated from the edition
    and in a fixed order, so that one commit always gives the same bytes. Written whole or not at all."""
    target = site_dir / book.path
    target.parent.mkdir(parents=True, exist_ok=True)
    stamp = tuple(int(part) for part in re.split(r"[-T:]", date[:19]))
    entries = [("mimetype", "application/epub+zip"), ("META-INF/container.xml", CONTAINER)]
    entries += [(f"EPUB/{name}", content) for name, content in documents(book, date).items()]
    temporary = target.with_name(f".{target.name}")
    with zipfile.ZipFile(temporary, "w") as archive:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)  # type: ignore[arg-type]
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content.encode("utf-8"), compresslevel=9)
    temporary.replace(target)
    return target


# Filled in by this step; overrides/partials/copyright.html leaves the span empty.
SIZE_SLOT = re.compile(r'(<span class="mf-epub-size" data-epub-lang="([^"]+)">)[^<]*(</span>)')
