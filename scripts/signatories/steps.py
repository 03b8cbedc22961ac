"""The signatories' step in the build: the exports and each language's badge, written after the build.

Writes signatories.json, its schema and signatories.csv at the site's root, and each
language's badge (badges/cosigned-<lang>.svg). Withdrawing a file removes the organisation
from every page, export and PDF at the next build: nothing is kept from a previous one.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from scripts.core.languages import current_language
from scripts.core.strings import strings
from scripts.signatories.export import csv_text, json_text, schema_text
from scripts.signatories.page import badge_svg


def write_exports(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    site.mkdir(parents=True, exist_ok=True)
    files = {
        "signatories.json": json_text(config.site_url or "/"),
        "signatories.schema.json": schema_text(),
        "signatories.csv": csv_text(),
        f"badges/cosigned-{current_language(config)}.svg": badge_svg(strings(current_language(config))),
    }
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8", newline="")
