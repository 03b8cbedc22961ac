"""Footnotes keep the number they have in the original.

Notes are written `[^7]` with their original number as label. Python-Markdown
numbers notes from 1 on each page; here every call and every note shows its label
instead, so that "note 7" means the same on every page, in every language and in
the original. Link titles come from the language's string table.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

UNRESOLVED_CALL = re.compile(r"\[\^[^\]\s]+\]")
CALL_ID = re.compile(r"^fnref")
NOTE_ID = re.compile(r"^fn:")


def notes_of(soup: BeautifulSoup) -> list[Tag]:
    """The notes, as `div.footnote > ol > li[id^="fn:"]` finds them."""
    return [
        item
        for box in soup.find_all("div", class_="footnote")
        for ordered in box.find_all("ol", recursive=False)
        for item in ordered.find_all("li", id=NOTE_ID, recursive=False)
    ]


def _label(element_id: str, page: Page) -> str:
    label = element_id.split(":", 1)[1]
    if not label.isdigit():
        raise PluginError(
            f"{page.file.src_uri}: footnote [^{label}]: labels are the note's number in the original. "
            "Fix: write the note as [^N] with its original number (1 to 9)."
        )
    return label


def renumber_soup(soup: BeautifulSoup, page: Page, ui: dict[str, str]) -> None:
    """Every call and note shows its label; calls and notes must match one for one."""
    # find_all rather than CSS selectors: soupsieve's selectors cost more than the rest of the page.
    calls: list[str] = []
    for sup in soup.find_all("sup", id=CALL_ID):
        label = _label(sup["id"], page)
        link = sup.find("a", class_="footnote-ref")
        link.string = label
        link["aria-label"] = ui["footnote_ref_label"].format(n=label)
        calls.append(label)
    notes: list[str] = []
    for item in notes_of(soup):
        label = _label(item["id"], page)
        item["value"] = label
        for back in item.find_all("a", class_="footnote-backref"):
            back["title"] = ui["footnote_backlink"].format(n=label)
            back["aria-label"] = ui["footnote_backlink"].format(n=label)
        notes.append(label)
    missing = sorted(set(calls) - set(notes), key=int)
    unused = sorted(set(notes) - set(calls), key=int)
    if missing or unused:
        raise PluginError(
            f"{page.file.src_uri}: footnote calls and notes do not match "
            f"(called without a note: {missing or 'none'}; note never called: {unused or 'none'}). "
            "Fix: every [^N] in the text needs one '[^N]: …' note on the same page, and the reverse."
        )
    for text in soup.find_all(string=UNRESOLVED_CALL):
        if text.find_parent(["code", "pre"]) is None:
            raise PluginError(
                f"{page.file.src_uri}: '{UNRESOLVED_CALL.search(text).group()}' has no note. "
                "Fix: add the note '[^N]: …' on this page, or remove the call."
            )
