"""Pages rendered from data: a marker in the Markdown is replaced by HTML that a concern renders from the data.

`<!-- data: NAME -->` on a line of its own; the names are the keys of RENDERERS. An unknown
marker stops the build. Each renderer lives in its concern's `page.py`; this table says which.
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
from scripts.core.links import PageContext
from scripts.easy_read.page import render_check, render_pdf_link
from scripts.legal import pages as legal_pages
from scripts.press.page import render_arguments, render_cite, render_facts, render_quotes
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
    "press-quotes": render_quotes,
    # The legal pages and the changes page (data/publisher.yml, data/changes.yml).
    "publisher": legal_pages.render_publisher,
    "controller": legal_pages.render_controller,
    "host": legal_pages.render_host,
    "email-retention": legal_pages.render_retention,
    "legal-bases": legal_pages.render_legal_bases,
    "transfer": legal_pages.render_transfer,
    "text-rights": legal_pages.render_text_rights,
    "permission": legal_pages.render_permission,
    "cosigning-drive": legal_pages.render_drive,
    "enforcement": legal_pages.render_enforcement,
    "data-protection-authority": legal_pages.render_authority,
    "contact": legal_pages.render_contact,
    "erratum": legal_pages.render_erratum,
    "code-licence": legal_pages.render_code_licence,
    "accessibility": legal_pages.render_accessibility,
    "changes": changes_page.render_changes,
    # The easy-to-read page: whether readers checked it (data/easy_read.yml), its PDF.
    "easy-read-check": render_check,
    "easy-read-pdf": render_pdf_link,
}


def replace_markers(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    page_context = cache(lambda: PageContext.of(page, config, files))  # once for all the page's markers, if any

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
