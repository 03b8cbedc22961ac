"""The translations' steps in the build: a missing translated page, or one whose notes differ from
the original's, stops the build before anything else fails, naming the translated page."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from scripts.core.languages import current_language, default_language, languages
from scripts.core.strings import INTERFACE
from scripts.translations.status import all_states, check_translated_page, pages


def check_every_page_is_translated(config: MkDocsConfig) -> None:
    """Every page of the original, and the interface strings, exist in every built language."""
    docs = Path(config.docs_dir)
    langs = languages(config)
    missing = [(s.lang, s.page) for s in all_states(docs, langs) if s.state == "missing"]
    missing += [(lang, INTERFACE) for lang in langs[1:] if not (docs / lang / INTERFACE).is_file()]
    if missing:
        raise PluginError(
            "\n".join(
                f"docs/{lang}/{page}: missing translation of docs/{langs[0]}/{page}. "
                f"Fix: translate it, or set `build: false` for '{lang}' in mkdocs.yml until it is ready."
                for lang, page in missing
            )
        )


def check_translated_pages(config: MkDocsConfig) -> None:
    """The language being built keeps the original's notes, page by page (checked before any page is rendered)."""
    lang, source_lang = current_language(config), default_language(config)
    if lang == source_lang:
        return
    docs = Path(config.docs_dir)
    for page in pages(docs, source_lang):
        check_translated_page(
            docs / lang / page, docs / source_lang / page, f"docs/{lang}/{page}", f"docs/{source_lang}/{page}"
        )
