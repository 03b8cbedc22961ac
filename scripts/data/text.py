"""Which pages hold the authors' text, and in what order.

A page is part of the text when its front matter has `text_part` (introduction,
argument or conclusion); the order is the navigation's (mkdocs.yml `nav`). The page
with `whole_text: true` shows all parts on one page.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

PART_KINDS = ("introduction", "argument", "conclusion")


def front_matter(file: File) -> dict[str, Any]:
    return meta.get_data(file.content_string)[1]


def body(file: File) -> str:
    """The page's Markdown without its front matter."""
    return meta.get_data(file.content_string)[0]


def text_parts(pages: Iterable[Page]) -> list[Page]:
    parts = []
    for page in pages:
        kind = front_matter(page.file).get("text_part")
        if kind is None:
            continue
        if kind not in PART_KINDS:
            raise PluginError(
                f"{page.file.src_uri}:2: text_part: {kind!r} is unknown. Fix: use one of {', '.join(PART_KINDS)}."
            )
        parts.append(page)
    return parts


def is_whole_text(page: Page) -> bool:
    return bool(front_matter(page.file).get("whole_text"))


def current_language(config: MkDocsConfig) -> str:
    """The language being built (static-i18n builds each language in turn)."""
    plugin = config.plugins.get("i18n")
    language = getattr(plugin, "current_language", None)
    return language or config.theme["language"]
