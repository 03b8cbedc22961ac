"""Pages rendered from data: a marker in the Markdown is replaced by generated HTML (hook: hooks/data_pages.py).

`<!-- data: NAME -->` on a line of its own; the names are the keys of RENDERERS. An unknown
marker stops the build. The registry (data/sources.yml) is checked before anything is built.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.changes import page as changes_page
from scripts.core.languages import current_language, default_language
from scripts.core.links import PageContext
from scripts.core.manifesto import manifesto
from scripts.core.pages import nav_pages
from scripts.core.strings import strings
from scripts.legal import pages as legal_pages
from scripts.press.page import QUOTES_PLACEHOLDER, quotes_html, render_arguments, render_cite, render_facts
from scripts.signatories.page import render_badge, render_downloads, render_sign_ways, render_signatories
from scripts.sources.page import render_sources

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
    # The legal pages and the changes page (data/publisher.yml, data/changes.yml).
    "publisher": legal_pages.render_publisher,
    "controller": legal_pages.render_controller,
    "host": legal_pages.render_host,
    "email-retention": legal_pages.render_retention,
    "data-protection-authority": legal_pages.render_authority,
    "contact": legal_pages.render_contact,
    "erratum": legal_pages.render_erratum,
    "code-licence": legal_pages.render_code_licence,
    "accessibility": legal_pages.render_accessibility,
    "changes": changes_page.render_changes,
}


def context(page: Page, config: MkDocsConfig, files: Files) -> PageContext:
    lang = current_language(config)
    return PageContext(lang=lang, ui=strings(lang), page=page, pages=nav_pages(files, config), config=config)


def replace_markers(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    page_context = cache(lambda: context(page, config, files))  # once for all the page's markers, if any

    def render(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in RENDERERS:
            raise PluginError(
                f"{page.file.src_uri}: unknown marker <!-- data: {name} -->. "
                f"Fix: use one of {', '.join(sorted(RENDERERS))} (scripts/markers.py)."
            )
        # A blank line on each side keeps the HTML a block of its own for Markdown.
        return "\n" + RENDERERS[name](page_context()) + "\n"

    return MARKER.sub(render, markdown)


def fill_quotes(pages: list[Page], config: MkDocsConfig, files: Files) -> None:
    """The press quotations, once paragraphs are numbered; quoted from the original only on the original's pages."""
    original = current_language(config) == default_language(config) == manifesto()["language"]
    for page in pages:
        if page.content and QUOTES_PLACEHOLDER in page.content:
            quotes = quotes_html(page, context(page, config, files), original)
            page.content = page.content.replace(QUOTES_PLACEHOLDER, quotes)
