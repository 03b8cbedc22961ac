"""data/easy_read.yml: whether readers with learning disabilities have checked each language's summary.

A check is a fact about people who read the page: it is recorded only once it has happened, with who
(an organisation), when and what changed; the schema refuses a check without them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.structure.pages import Page

from scripts.core.load import load_checked
from scripts.core.pages import front_matter
from scripts.core.paths import DATA

EASY_READ = DATA / "easy_read.yml"
# The front matter key that marks a language's easy-to-read page.
FLAG = "easy_read"
NOT_CHECKED: dict[str, Any] = {"checked": False}


def easy_read_data(path: Path = EASY_READ) -> dict[str, Any]:
    return load_checked(path, "easy_read")


def readers_check(lang: str, path: Path = EASY_READ) -> dict[str, Any]:
    """The language's entry: `{checked: false}`, or the check with `by`, `date` and `changes`. A language
    without an entry (one just added) is not checked: nothing is ever claimed that the data does not say."""
    return easy_read_data(path)["readers_check"].get(lang, NOT_CHECKED)


def unchecked_languages(langs: list[str], path: Path = EASY_READ) -> list[str]:
    """The languages whose summary no readers have checked yet."""
    return [lang for lang in langs if not readers_check(lang, path)["checked"]]


def easy_read_pdf_path(lang: str, path: Path = EASY_READ) -> str:
    """The summary's PDF, site-relative: kept apart from the text's editions in pdf/."""
    return f"pdf/easy-read/{easy_read_data(path)['pdf_name']}-{lang}.pdf"


def easy_read_epub_path(lang: str, path: Path = EASY_READ) -> str:
    """The summary's EPUB, site-relative (scripts/editions/epub.py), apart from the text's in epub/."""
    return f"epub/easy-read/{easy_read_data(path)['pdf_name']}-{lang}.epub"


def is_easy_read(page: Page) -> bool:
    return bool(front_matter(page.file).get(FLAG))


def easy_read_page(pages: list[Page]) -> Page | None:
    return next((p for p in pages if is_easy_read(p)), None)
