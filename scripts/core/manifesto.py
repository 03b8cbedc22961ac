"""Facts about the text itself (data/manifesto.yml): authors, edition, where its PDFs live."""

from __future__ import annotations

from typing import Any

from scripts.core.load import load_checked
from scripts.core.paths import DATA


def manifesto() -> dict[str, Any]:
    return load_checked(DATA / "manifesto.yml", "manifesto")


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
