"""mkdocs hook: French spacing that does not break at the end of a line (scripts/site/typography.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.site.typography import tie_html


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return tie_html(html)
