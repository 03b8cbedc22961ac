"""Facts about the text itself (data/manifesto.yml): authors, edition, where its PDFs live."""

from __future__ import annotations

from typing import Any

from scripts.core.load import load_checked
from scripts.core.paths import DATA

# The facts of data/manifesto.yml that may be stand-ins. The rule of every data file: a fact is
# settled once its `placeholder: true` line is deleted, so an absent `placeholder` reads as false.
MAY_BE_PLACEHOLDERS = ("contact", "repository")


def manifesto() -> dict[str, Any]:
    data: dict[str, Any] = load_checked(DATA / "manifesto.yml", "manifesto")
    return {**data, **{key: {"placeholder": False, **data[key]} for key in MAY_BE_PLACEHOLDERS if key in data}}


def author_names(data: dict[str, Any] | None = None) -> list[str]:
    data = data or manifesto()
    return [f"{a['given']} {a['family']}" for a in data["authors"]]


def pdf_path(lang: str, data: dict[str, Any] | None = None) -> str:
    """Where a language's PDF lives in the built site (a stable URL, relative to the site root)."""
    data = data or manifesto()
    return f"pdf/{data['edition']['pdf_name']}-{lang}.pdf"


def versioned_pdf_path(lang: str, version: str, data: dict[str, Any] | None = None) -> str:
    """Where a language's PDF of one edition stays, for citations that name the edition."""
    data = data or manifesto()
    return f"pdf/{version}/{data['edition']['pdf_name']}-{lang}.pdf"
