"""The site's languages, from mkdocs.yml alone, and where each sits in the built site."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import yaml_load

from scripts.core.load import DataError
from scripts.core.paths import ROOT


def mkdocs_config() -> dict[str, Any]:
    """mkdocs.yml as written (environment tags resolved); parsed again only when it changed."""
    return _parse_mkdocs_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


@lru_cache(maxsize=4)  # keyed by the file's text: bounded under `make serve`
def _parse_mkdocs_config(text: str) -> dict[str, Any]:
    return yaml_load(text)


def languages(config: Any = None, built_only: bool = True) -> list[str]:
    """The site's language codes, default first, as declared in mkdocs.yml (the only list).

    Languages declared with `build: false` (a translation in progress) count only when
    `built_only` is false.
    """
    i18n = getattr(config, "plugins", {}).get("i18n") if config is not None else None
    if i18n is not None:  # a loaded MkDocsConfig: ask the plugin
        langs = [{"locale": l.locale, "default": l.default, "build": l.build} for l in i18n.config.languages]
        return [l["locale"] for l in sorted(langs, key=lambda l: not l["default"]) if l["build"] or not built_only]
    config = config or mkdocs_config()
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            langs = plugin["i18n"]["languages"]
            ordered = sorted(langs, key=lambda l: not l.get("default", False))
            return [l["locale"] for l in ordered if l.get("build", True) or not built_only]
    raise DataError(
        "mkdocs.yml: no i18n plugin with languages. Fix: declare the languages under plugins > i18n > languages."
    )


def default_language(config: Any = None) -> str:
    return languages(config)[0]


def language_folder(lang: str, config: Any = None) -> str:
    """A language's folder in the built site, relative to its root: the default language at the root."""
    return "" if lang == default_language(config) else f"{lang}/"


def own_host() -> str:
    """The host of the site's public address (mkdocs.yml `site_url`): links to it are internal."""
    return urlsplit(mkdocs_config().get("site_url") or "").netloc


def built_page(site_dir: Path, lang: str, page: str, config: Any = None) -> Path:
    """The built HTML of docs/<lang>/<page>: the default language at the root, the others under /<lang>/."""
    base = site_dir / language_folder(lang, config)
    stem = page.removesuffix(".md")
    return base / "index.html" if stem == "index" else base / stem / "index.html"


def current_language(config: MkDocsConfig) -> str:
    """The language being built (static-i18n builds each language in turn)."""
    plugin = config.plugins.get("i18n")
    language = getattr(plugin, "current_language", None)
    return language or config.theme["language"]


def language_pages(folder: Path, other_languages: list[str]) -> list[Path]:
    """The built pages under a language's folder, leaving out the other languages' folders inside it."""
    skipped = {folder / name for name in other_languages}
    return sorted(page for page in folder.rglob("index.html") if not any(parent in skipped for parent in page.parents))
