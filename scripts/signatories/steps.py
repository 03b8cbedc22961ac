"""The signatories' steps in the build: the list put in its page, then the exports and each language's
badge, written after the build.

Writes signatories.json, its schema and signatories.csv at the site's root, and each
language's badge (badges/cosigned-<lang>.svg). Withdrawing a file removes the organisation
from every page, export and PDF at the next build: nothing is kept from a previous one.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.core.languages import current_language, default_language
from scripts.core.links import PageContext
from scripts.core.strings import strings
from scripts.signatories.export import csv_text, json_text, schema_text
from scripts.signatories.page import LIST_SLOT, badge_svg, insert_list


def write_exports(config: MkDocsConfig) -> None:
    """Each language's badge; the exports, at the site's root, once (by the original language's build)."""
    site, lang = Path(config.site_dir), current_language(config)
    files = {f"badges/cosigned-{lang}.svg": badge_svg(strings(lang))}
    if lang == default_language(config):
        files |= {
            "signatories.json": json_text(config.site_url or "/"),
            "signatories.schema.json": schema_text(),
            "signatories.csv": csv_text(),
        }
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8", newline="")


def list_in_place(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The signatories list put where its marker was, once the page's own HTML is finished (page.insert_list)."""
    return insert_list(html, PageContext.of(page, config, files)) if LIST_SLOT in html else html
