"""The pages of a build: the navigation's order, each page's front matter, Markdown body and title."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from scripts.core.languages import current_language


def nav_sources(nav: list[Any] | None) -> Iterator[str]:
    """The Markdown files of the navigation, in reading order (nested sections flattened)."""
    for item in nav or []:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for value in item.values():
                yield from nav_sources(value) if isinstance(value, list) else nav_sources([value])


def in_language(src_uri: str, lang: str) -> str:
    """A page's path inside its language folder (`nl/conclusion.md` -> `conclusion.md`): the same in every language."""
    return src_uri.removeprefix(f"{lang}/")


def nav_pages(files: Files, config: MkDocsConfig) -> list[Page]:
    """The pages of the language being built, in the navigation's order, from the event's own arguments.

    Hooks take their pages from here rather than keeping them from `on_nav`: no state outlives a build.
    """
    lang = current_language(config)
    # Straight from the files' index: static-i18n's get_file_from_path tries fallbacks with path
    # objects, a cost paid thousands of times a build; a missing translation stops the build anyway
    # (translations/steps.py).
    by_uri = files.src_uris
    found = (by_uri.get(f"{lang}/{src}") for src in nav_sources(config.nav))
    return [file.page for file in found if file is not None and file.page is not None]


def front_matter(file: File) -> dict[str, Any]:
    return _source(file)[1]


def body(file: File) -> str:
    """The page's Markdown without its front matter."""
    return _source(file)[0]


def _source(file: File) -> tuple[str, dict[str, Any]]:
    # Hooks ask for a page's front matter thousands of times a build: read and parse each file once
    # per version of it (its modification time and size), not once per question.
    if file.abs_src_path is None:
        return _split(file.content_string)
    stat = os.stat(file.abs_src_path)
    return _read_and_split(file.abs_src_path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=1024)
def _read_and_split(path: str, mtime_ns: int, size: int) -> tuple[str, dict[str, Any]]:
    return _split(Path(path).read_text(encoding="utf-8-sig"))


@lru_cache(maxsize=1024)
def _split(text: str) -> tuple[str, dict[str, Any]]:
    return meta.get_data(text)


def page_title(page: Page) -> str:
    """A page's title as plain text, also before it is rendered: the one way every concern reads it.

    mkdocs gives a rendered page's title (its front matter's `title`, else its first heading) as HTML
    text, tags stripped and entities kept; before rendering, the same is read from the Markdown."""
    if page.title:
        return html.unescape(page.title)
    return first_heading(body(page.file)) or page.file.src_uri


def first_heading(markdown: str) -> str | None:
    """The words of a Markdown text's first `# ` heading, as plain text (None without one)."""
    heading = next((line[2:].strip() for line in markdown.splitlines() if line.startswith("# ")), None)
    return markdown_text(heading) if heading is not None else None


def markdown_text(heading: str) -> str:
    """A Markdown heading's words as plain text: inline tags dropped, entities read (as mkdocs does)."""
    return html.unescape(" ".join(re.sub(r"<[^>]*>", "", heading).split()))
