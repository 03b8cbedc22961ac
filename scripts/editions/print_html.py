"""Turn a built page's article into markup for print (used by scripts/editions/pdf.py).

What a screen needs and paper does not goes (self-links, back-links); each footnote's
content moves to where it is called, as WeasyPrint's `float: footnote` requires, keeping
its original number; site links become absolute addresses, or links inside the PDF when
they point into the text it holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag, urljoin

from bs4 import BeautifulSoup, Tag

from scripts.core.paths import shown

# Screen furniture, by class: heading and paragraph self-links, notes' back-links, Material's page
# buttons, share links, and what a page marks `mf-screen-only`; and every script. Matched by a set
# lookup on each element: a CSS selector list took a second on a page of 2,000 signatories.
SCREEN_ONLY_CLASSES = frozenset(
    {
        "mf-screen-only",
        "headerlink",
        "mf-para-link",
        "footnote-backref",
        "md-source-file",
        "md-content__button",
        "mf-share",
    }
)


def screen_only(tag: Tag) -> bool:
    return tag.name == "script" or not SCREEN_ONLY_CLASSES.isdisjoint(tag.get("class") or ())


# A long list that prints as one paragraph, its items separated by RUN_IN_SEPARATOR (the signatories:
# 2,000 list items took WeasyPrint four times as long to lay out as one paragraph of the same words).
RUN_IN = "ul[data-pdf-run-in]"
RUN_IN_SEPARATOR = " · "


class PrintError(Exception):
    """A built page cannot be printed; the message names the file and the fix."""


@dataclass(frozen=True)
class Entry:
    """A line of the table of contents."""

    id: str
    title: str


@dataclass(frozen=True)
class Printable:
    title: str
    html: str
    contents: list[Entry]


def article_of(html_file: Path) -> Tag:
    if not html_file.is_file():
        raise PrintError(f"{shown(html_file)}: missing. Fix: build the site first (make build), then make the PDF.")
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "lxml")
    article = soup.select_one("article")
    if article is None:
        raise PrintError(f"{shown(html_file)}: no <article>. Fix: keep the theme's article block in overrides/.")
    # The self-link goes; its number stays in the margin, drawn from the paragraph (print/edition.css).
    for link in article.find_all("a", class_="mf-para-link"):
        link.parent["data-para"] = link["data-para"]
    for element in article.find_all(screen_only):
        element.decompose()
    for listing in article.select(RUN_IN):
        paragraph = BeautifulSoup("", "lxml").new_tag("p", attrs={"class": "pdf-run-in"})
        paragraph.string = RUN_IN_SEPARATOR.join(" ".join(li.get_text().split()) for li in listing.find_all("li"))
        listing.replace_with(paragraph)
    return article


def heading_text(heading: Tag) -> str:
    return " ".join(heading.get_text(" ", strip=True).split())


def move_notes_to_calls(article: Tag, html_file: Path) -> None:
    """Each note's content goes where it is called, in a span.pdf-footnote carrying its original number."""
    notes = {li["id"]: li for li in article.select('div.footnote li[id^="fn:"]')}
    soup = BeautifulSoup("", "lxml")
    for call in article.select('sup[id^="fnref:"]'):
        label = call["id"].split(":", 1)[1]
        note = notes.pop(f"fn:{label}", None)
        if note is None:
            raise PrintError(
                f"{shown(html_file)}: note {label} is called but has no text. Fix: add '[^{label}]: …' to the page."
            )
        footnote = soup.new_tag("span", attrs={"class": "pdf-footnote", "id": f"fn:{label}", "data-note": label})
        for block in note.find_all("p", recursive=False) or [note]:
            block.name = "span"
            block.attrs = {"class": "pdf-note-para"}
            footnote.append(block.extract())
        # The call keeps its id: in the PDF, destination fnref:N is where note N is called.
        call.name = "span"
        call.attrs = {"id": call["id"], "class": "pdf-call"}
        call.clear()
        call.append(footnote)
    if notes:
        raise PrintError(
            f"{shown(html_file)}: note(s) {', '.join(n.removeprefix('fn:') for n in notes)} are never called. "
            "Fix: call each note in the text ([^N]) or remove it."
        )
    for block in article.select("div.footnote"):
        block.decompose()


def resolve_links(article: Tag, page_url: str, text_url: str, ids: dict[str, str]) -> None:
    """Site links become absolute addresses, or in-PDF links when they point into the text.

    Links whose words are not their address get class pdf-url: the stylesheet prints the address.
    """
    for link in article.select("a[href]"):
        href = link["href"]
        if href.startswith("#"):
            link["href"] = "#" + ids.get(href[1:], href[1:])
            continue
        absolute = urljoin(page_url, href)
        address, fragment = urldefrag(absolute)
        if address == text_url and fragment:
            link["href"] = f"#{fragment}"
            continue
        link["href"] = absolute
        if link.get_text(strip=True) != absolute:
            link["class"] = [*link.get("class", []), "pdf-url"]


def printable_text(html_file: Path, page_url: str) -> Printable:
    """The whole text: its title goes to the cover, its sections make the contents."""
    article = article_of(html_file)
    h1 = article.find("h1")
    if h1 is None:
        raise PrintError(f"{shown(html_file)}: no title (h1). Fix: the first part of the text starts with '# Title'.")
    title = heading_text(h1)
    h1.decompose()
    for byline in article.select(".byline"):
        byline.decompose()  # the cover names the authors
    move_notes_to_calls(article, html_file)
    resolve_links(article, page_url, page_url, {})
    contents = [Entry(h2["id"], heading_text(h2)) for h2 in article.find_all("h2") if h2.get("id")]
    return Printable(title, article.decode_contents(), contents)


def printable_appendix(html_file: Path, page_url: str, text_url: str, prefix: str) -> Printable:
    """An appended page (sources…): headings one level down under the text, ids made unique in the PDF."""
    article = article_of(html_file)
    # A translated page's one-line notice: the colophon says once, for the whole edition, what is translated.
    for notice in article.select("aside.mf-translation"):
        notice.decompose()
    move_notes_to_calls(article, html_file)
    ids = {element["id"]: f"{prefix}-{element['id']}" for element in article.select("[id]")}
    for element in article.select("[id]"):
        element["id"] = ids[element["id"]]
    resolve_links(article, page_url, text_url, ids)
    for level in range(5, 0, -1):
        for heading in article.find_all(f"h{level}"):
            heading.name = f"h{level + 1}"
    first = article.find("h2")
    if first is None:
        raise PrintError(f"{shown(html_file)}: no title (h1). Fix: start the page with '# Title'.")
    if not first.get("id"):
        first["id"] = prefix
    return Printable(heading_text(first), article.decode_contents(), [Entry(first["id"], heading_text(first))])
