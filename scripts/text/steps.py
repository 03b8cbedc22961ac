"""The text's steps in the build: the whole-text page assembled from the parts, and each page's HTML
(original note numbers, French spacing, French kept in a translation marked lang="fr", numbered
paragraphs) finished in one parse."""

from __future__ import annotations

from bs4 import BeautifulSoup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.core.languages import current_language, default_language
from scripts.core.manifesto import text_title
from scripts.core.pages import front_matter, nav_pages
from scripts.core.strings import strings
from scripts.text.footnotes import UNRESOLVED_CALL, renumber_soup
from scripts.text.original_language import mark_original_language
from scripts.text.paragraphs import number_page
from scripts.text.parts import is_whole_text, text_parts
from scripts.text.typography import tie_soup
from scripts.text.whole_text import assemble


def whole_text_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The whole-text page's Markdown is the text's parts, in reading order; other pages are left as they are."""
    if not is_whole_text(page):
        return markdown
    parts = text_parts(nav_pages(files, config))
    if not parts:
        raise PluginError(
            f"{page.file.src_uri}: no page of the navigation has `text_part`. Fix: mark the text's pages."
        )
    return assemble(parts)


def finish_html(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A page's HTML, parsed once: every note shows its original number, French spacing does not
    break at the end of a line and, on the text's pages, the paragraphs are numbered."""
    ui = strings(current_language(config))
    # lxml parses several times faster than html.parser; the fragment is read inside <body> and
    # written back without it (the build's own pages are well-formed: the output is the same).
    soup = BeautifulSoup(html, "lxml")
    if "footnote" in html or UNRESOLVED_CALL.search(html):
        renumber_soup(soup, page, ui)
    tie_soup(soup)
    original = default_language(config)
    if current_language(config) != original:
        mark_original_language(soup, original, text_title(original))
    meta = front_matter(page.file)
    if meta.get("text_part") or meta.get("whole_text"):
        number_page(soup, ui, page, text_parts(nav_pages(files, config)), config)
    return soup.body.decode_contents() if soup.body else ""
