"""mkdocs hook: citation metadata on the text's pages (Highwire tags, JSON-LD) and the exports
(`cite/<key>.{bib,ris,json}` in each language's folder of the built site). Formats: scripts/site/citation.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from scripts.data.load import language_folder
from scripts.data.text import current_language
from scripts.site.citation import (
    EXPORTERS,
    absolute_url,
    export_path,
    highwire,
    is_text_page,
    json_ld,
    pdf_url,
    text_title,
)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    if is_text_page(page):
        lang = current_language(config)
        title = text_title(nav.pages)
        context["mf_citation"] = {
            "highwire": highwire(lang, title, pdf_url(lang, config)),
            "json_ld": json_ld(lang, title, page.canonical_url or absolute_url(page.url, config)),
        }
    return context


def on_post_build(config: MkDocsConfig) -> None:
    lang = current_language(config)
    folder = Path(config.site_dir) / language_folder(lang, config)
    for extension, export in EXPORTERS.items():
        path = folder / export_path(extension)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(export(lang), encoding="utf-8", newline="")
