"""mkdocs hook: fill the whole-text page with the text parts, in reading order (scripts/text/whole_text.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.core.pages import nav_pages
from scripts.text.parts import is_whole_text, text_parts
from scripts.text.whole_text import assemble


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_whole_text(page):
        return markdown
    parts = text_parts(nav_pages(files, config))
    if not parts:
        raise PluginError(
            f"{page.file.src_uri}: no page of the navigation has `text_part`. Fix: mark the text's pages."
        )
    return assemble(parts)
