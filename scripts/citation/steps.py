"""Citation's steps in the build: metadata on the text's pages (Highwire and Dublin Core tags, JSON-LD),
and the exports `cite/<key>.{bib,ris,json}` in each language's folder of the built site (the first
publication and, in a translated language, the translation read on this site)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from scripts.citation.export import EXPORTERS, export_path
from scripts.citation.meta import highwire, json_ld, works_cited
from scripts.citation.reference import Translation, is_text_page, translation_of
from scripts.core.addresses import absolute_url, pdf_url
from scripts.core.languages import current_language, language_folder
from scripts.core.manifesto import text_title
from scripts.core.pages import front_matter


def citation_context(context: dict[str, Any], page: Page, config: MkDocsConfig, pages: list[Page]) -> None:
    """`mf_citation` for the templates on the text's pages; the exports written with the whole text."""
    if not is_text_page(page):
        return
    lang = current_language(config)
    title = text_title(lang)
    url = page.canonical_url or absolute_url(page.url, config)
    context["mf_citation"] = {
        "highwire": highwire(lang, title, pdf_url(lang, config), page_url=url),
        "json_ld": json_ld(lang, title, url, cited=works_cited(page, lang)),
    }
    # The exports: written once, with the whole text.
    if front_matter(page.file).get("whole_text"):
        write_exports(lang, config, translation_of(lang, config, title))


def write_exports(lang: str, config: MkDocsConfig, translation: Translation | None) -> None:
    folder = Path(config.site_dir) / language_folder(lang, config)
    for extension, export in EXPORTERS.items():
        path = folder / export_path(extension)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(export(lang, translation=translation), encoding="utf-8", newline="")
