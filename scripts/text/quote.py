"""Quoting a paragraph of the text: its words as a reader would quote them, without its number's
self-link, its note calls or its line breaks.

The home page quotes the authors' demand with its no-break spaces (« évolution »), as the page shows
it; the press page's quotations fold every space, no-break ones included, into one plain space.
"""

from __future__ import annotations

import copy
import re

from bs4 import BeautifulSoup, Tag


def quoted_text(paragraph: Tag) -> str:
    """A paragraph's words without its self-link and note calls, its no-break spaces kept (« évolution »)."""
    for skipped in [*paragraph.find_all("a", class_="mf-para-link"), *paragraph.find_all("sup")]:
        skipped.decompose()
    for line_break in paragraph.find_all("br"):
        line_break.replace_with(" ")
    return re.sub(r"[ \t\r\n]+", " ", paragraph.get_text()).strip()


def paragraph_text(paragraph: BeautifulSoup) -> str:
    """A paragraph's words as a reader would quote them: no number, no note call (the page is left as it is)."""
    paragraph = copy.copy(paragraph)
    for self_link in paragraph.find_all("a", class_="mf-para-link"):
        self_link.decompose()
    for call in paragraph.find_all("sup"):
        call.decompose()
    for line_break in paragraph.find_all("br"):
        line_break.replace_with(" ")
    # No separator between inline elements, so that no space appears before punctuation.
    return " ".join(paragraph.get_text().split())
