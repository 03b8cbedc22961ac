"""mkdocs hook: each page's HTML, parsed once while it is rendered.

In that one pass: every note and call shows its number in the original (scripts/text/footnotes.py);
French spacing that does not break at the end of a line (scripts/text/typography.py); on the text's
pages, the paragraphs get their ids and self-links, numbered across the whole text later by
paragraphs.py (scripts/text/paragraphs.py).
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.core.languages import current_language
from scripts.core.pages import front_matter
from scripts.core.strings import strings
from scripts.text.footnotes import UNRESOLVED_CALL, renumber_soup
from scripts.text.paragraphs import mark
from scripts.text.typography import tie_soup


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    ui = strings(current_language(config))
    # lxml parses several times faster than html.parser; the fragment is read inside <body> and
    # written back without it (the build's own pages are well-formed: the output is the same).
    soup = BeautifulSoup(html, "lxml")
    if "footnote" in html or UNRESOLVED_CALL.search(html):
        renumber_soup(soup, page, ui)
    tie_soup(soup)
    meta = front_matter(page.file)
    if meta.get("text_part") or meta.get("whole_text"):
        mark(soup, ui)
    return soup.body.decode_contents() if soup.body else ""
