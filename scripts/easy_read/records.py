"""data/easy_read.yml: whether readers with learning disabilities have checked each language's summary.

A check is a fact about people who read the page: it is recorded only once it has happened, and every
built language must have its entry, so that a new language cannot be published as if it were checked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.structure.pages import Page

from scripts.core.load import DataError, line_in, load_checked
from scripts.core.pages import front_matter
from scripts.core.paths import DATA, shown

EASY_READ = DATA / "easy_read.yml"
# The front matter key that marks a language's easy-to-read page.
FLAG = "easy_read"


def easy_read_data(path: Path = EASY_READ) -> dict[str, Any]:
    return load_checked(path, "easy_read")


def readers_check(lang: str, path: Path = EASY_READ) -> dict[str, Any]:
    """The language's entry: `{checked: false}`, or the check with `by`, `date` and `changes`."""
    checks = easy_read_data(path)["readers_check"]
    if lang not in checks:
        raise DataError(
            f"{shown(path)}:{line_in(path, ['readers_check'])}: readers_check has no entry for '{lang}'. "
            f"Fix: add `{lang}: {{checked: false}}` under `readers_check:` (HANDBOOK.md, section 7)."
        )
    return checks[lang]


def unchecked_languages(langs: list[str], path: Path = EASY_READ) -> list[str]:
    """The languages whose summary no readers have checked yet."""
    return [lang for lang in langs if not readers_check(lang, path)["checked"]]


def easy_read_pdf_path(lang: str, path: Path = EASY_READ) -> str:
    """The summary's PDF, site-relative: kept apart from the text's editions in pdf/."""
    return f"pdf/easy-read/{easy_read_data(path)['pdf_name']}-{lang}.pdf"


def is_easy_read(page: Page) -> bool:
    return bool(front_matter(page.file).get(FLAG))


def easy_read_page(pages: list[Page]) -> Page | None:
    return next((p for p in pages if is_easy_read(p)), None)
