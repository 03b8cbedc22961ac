"""mkdocs hook: pages rendered from data. A marker in the Markdown is replaced by generated HTML.

`<!-- data: NAME -->` on a line of its own; the names are the keys of RENDERERS. An unknown
marker stops the build. The registry (data/sources.yml) is checked before anything is built.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from scripts.data.load import DataError, default_language, manifesto, strings
from scripts.data.sources import sources
from scripts.data.text import current_language
from scripts.site.page_links import PageContext
from scripts.site.press_page import QUOTES_PLACEHOLDER, quotes_html, render_arguments, render_cite, render_facts
from scripts.site.signatories_page import render_badge, render_downloads, render_sign_ways, render_signatories
from scripts.site.sources_page import render_sources

MARKER = re.compile(r"^<!--\s*data:\s*([\w-]+)\s*-->\s*$", re.MULTILINE)

RENDERERS: dict[str, Callable[[PageContext], str]] = {
    "sources": render_sources,
    "cite": render_cite,
    "press-arguments": render_arguments,
    "press-facts": render_facts,
    "sign-ways": render_sign_ways,
    "signatories": render_signatories,
    "signatories-downloads": render_downloads,
    "signatories-badge": render_badge,
    # Paragraphs are numbered after every page is rendered: the quotations are filled in on_env.
    "press-quotes": lambda ctx: QUOTES_PLACEHOLDER,
}

_pages: list[Page] = []
_waiting_for_quotes: list[Page] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        sources()
    except DataError as error:
        raise PluginError(str(error)) from None
    return config


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _pages[:] = nav.pages
    _waiting_for_quotes.clear()
    return nav


def context(page: Page, config: MkDocsConfig) -> PageContext:
    lang = current_language(config)
    return PageContext(lang=lang, ui=strings(lang), page=page, pages=_pages, config=config)


def replace_markers(markdown: str, page: Page, config: MkDocsConfig) -> str:
    def render(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in RENDERERS:
            raise PluginError(
                f"{page.file.src_uri}: unknown marker <!-- data: {name} -->. "
                f"Fix: use one of {', '.join(sorted(RENDERERS))} (scripts/data_pages.py)."
            )
        if name == "press-quotes":
            _waiting_for_quotes.append(page)
        # A blank line on each side keeps the HTML a block of its own for Markdown.
        return "\n" + RENDERERS[name](context(page, config)) + "\n"

    return MARKER.sub(render, markdown)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return replace_markers(markdown, page, config)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    original = current_language(config) == default_language(config) == manifesto()["language"]
    for page in _waiting_for_quotes:
        page.content = (page.content or "").replace(
            QUOTES_PLACEHOLDER, quotes_html(page, context(page, config), original)
        )
    return env
