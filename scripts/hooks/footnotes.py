"""mkdocs hook: every note and call shows its number in the original (scripts/site/footnotes.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.data.load import strings
from scripts.data.text import current_language
from scripts.site.footnotes import renumber


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return renumber(html, page, strings(current_language(config)))
