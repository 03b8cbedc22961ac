"""The changes' step in the build: each language's Atom feed, written beside its changes page."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from scripts.changes.feed import atom
from scripts.changes.page import feed_path
from scripts.core.addresses import absolute_url
from scripts.core.languages import current_language
from scripts.core.pages import front_matter


def write_feed(page: Page, config: MkDocsConfig) -> None:
    """The page marked `changes: true` gets its language's feed, written as the page is."""
    if not front_matter(page.file).get("changes"):
        return
    lang = current_language(config)
    path = feed_path(lang, config)
    target = Path(config.site_dir) / path
    target.parent.mkdir(parents=True, exist_ok=True)
    page_url = page.canonical_url or absolute_url(page.url, config)
    target.write_bytes(atom(lang, page_url, absolute_url(path, config)))
