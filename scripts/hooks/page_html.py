"""mkdocs hook: each page's HTML, parsed once while it is rendered.

In that one pass: every note and call shows its number in the original (scripts/site/footnotes.py);
French spacing that does not break at the end of a line (scripts/site/typography.py); on the text's
pages, the paragraphs get their ids and self-links, numbered across the whole text later by
paragraphs.py (scripts/site/paragraphs.py).
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.data.load import strings
from scripts.data.text import current_language, front_matter
from scripts.site.footnotes import UNRESOLVED_CALL, renumber_soup
from scripts.site.paragraphs import mark
from scripts.site.typography import tie_soup


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
