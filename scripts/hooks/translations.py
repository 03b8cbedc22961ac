"""mkdocs hook: a missing translated page, or one whose notes differ from the original's, stops the build.

Runs first (mkdocs.yml `hooks:`), so the error names the translated page before anything else fails.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from scripts.core.languages import current_language, default_language, languages
from scripts.core.strings import INTERFACE
from scripts.translations.status import all_states, check_translated_page, pages


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Every page of the original exists in every built language, before anything is built."""
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
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Checked before any page is rendered, so the error names the translated page itself."""
    lang, source_lang = current_language(config), default_language(config)
    if lang != source_lang:
        docs = Path(config.docs_dir)
        for page in pages(docs, source_lang):
            check_translated_page(
                docs / lang / page, docs / source_lang / page, f"docs/{lang}/{page}", f"docs/{source_lang}/{page}"
            )
    return files
