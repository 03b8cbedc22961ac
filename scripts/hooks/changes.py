"""mkdocs hook: the publisher's and the changes' data checked before building; each language's
Atom feed written beside its changes page (scripts/changes/feed.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from scripts.changes.feed import atom
from scripts.changes.page import feed_path
from scripts.changes.records import changes
from scripts.core.addresses import absolute_url
from scripts.core.languages import current_language, languages
from scripts.core.load import DataError
from scripts.core.pages import front_matter
from scripts.legal.publisher import publisher


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        publisher()
        changes(langs=languages(config))
    except DataError as error:
        raise PluginError(str(error)) from None
    return config


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The page marked `changes: true` gets its language's feed, written as the page is."""
    if front_matter(page.file).get("changes"):
        lang = current_language(config)
        path = feed_path(lang, config)
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        page_url = page.canonical_url or absolute_url(page.url, config)
        target.write_bytes(atom(lang, page_url, absolute_url(path, config)))
    return output
