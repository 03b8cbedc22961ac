"""Facts about the text itself (data/manifesto.yml): authors, edition, where its PDFs live; and its
title in each language, written once: the first heading of `docs/<lang>/index.md`."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from scripts.core.load import DataError, load_checked
from scripts.core.pages import first_heading
from scripts.core.paths import DATA, DOCS, shown
from scripts.core.strings import strings

# The facts of data/manifesto.yml that may be stand-ins. The rule of every data file: a fact is
# settled once its `placeholder: true` line is deleted, so an absent `placeholder` reads as false.
MAY_BE_PLACEHOLDERS = ("contact", "repository")


def manifesto() -> dict[str, Any]:
    data: dict[str, Any] = load_checked(DATA / "manifesto.yml", "manifesto")
    facts = {**data, **{key: {"placeholder": False, **data[key]} for key in MAY_BE_PLACEHOLDERS if key in data}}
    if "repository" in facts and facts["repository"]["placeholder"]:
        facts["repository"] = repository_from_actions() or facts["repository"]
    return facts


GITHUB_REPOSITORY = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+")


def repository_from_actions() -> dict[str, Any] | None:
    """The repository a deployment is built from, in GitHub Actions (GITHUB_SERVER_URL, GITHUB_REPOSITORY):
    while the data's address is a placeholder, a deploy build (DEPLOY=true) links its issue forms there,
    so a site pushed to GitHub works before anyone edits the data. None elsewhere."""
    if os.environ.get("DEPLOY", "").strip().lower() not in ("true", "1", "yes"):
        return None
    server, name = os.environ.get("GITHUB_SERVER_URL", "").strip(), os.environ.get("GITHUB_REPOSITORY", "").strip()
    if not server and not name:
        return None
    if not server.startswith("https://") or not GITHUB_REPOSITORY.fullmatch(name):
        raise DataError(
            f"GITHUB_SERVER_URL={server!r} and GITHUB_REPOSITORY={name!r} do not make a repository's address, "
            "and data/manifesto.yml's repository.url is a placeholder. Fix: write the repository's address "
            "in data/manifesto.yml (repository.url) and delete its `placeholder: true` line."
        )
    return {"url": f"{server.rstrip('/')}/{name}", "placeholder": False}


def author_names(data: dict[str, Any] | None = None) -> list[str]:
    data = data or manifesto()
    return [f"{a['given']} {a['family']}" for a in data["authors"]]


def _edition_file(folder: str, lang: str, suffix: str, data: dict[str, Any] | None) -> str:
    """An edition's file in the built site: `folder/<pdf_name>-<lang>.<suffix>`, one name for every kind."""
    return f"{folder}/{(data or manifesto())['edition']['pdf_name']}-{lang}.{suffix}"


def pdf_path(lang: str, data: dict[str, Any] | None = None) -> str:
    """Where a language's PDF lives in the built site (a stable URL, relative to the site root)."""
    return _edition_file("pdf", lang, "pdf", data)


def epub_path(lang: str, data: dict[str, Any] | None = None) -> str:
    """Where a language's EPUB lives in the built site (scripts/editions/epub.py), named like its PDF."""
    return _edition_file("epub", lang, "epub", data)


def leaflet_path(lang: str, data: dict[str, Any] | None = None) -> str:
    """A language's leaflet (scripts/editions/leaflet.py), beside the easy-to-read PDFs in pdf/."""
    return _edition_file("pdf/leaflet", lang, "pdf", data)


def poster_path(lang: str, data: dict[str, Any] | None = None) -> str:
    """A language's poster (scripts/editions/poster.py)."""
    return _edition_file("pdf/poster", lang, "pdf", data)


def versioned_pdf_path(lang: str, version: str, data: dict[str, Any] | None = None) -> str:
    """Where a language's PDF of one edition stays, for citations that name the edition."""
    return _edition_file(f"pdf/{version}", lang, "pdf", data)


def text_title(lang: str) -> str:
    """The text's title in `lang`: the H1 of its introduction page, the one place each title is written.

    Descriptions, PDF metadata, share texts, citations, the legal notice, the signing forms and
    e-mail read it from here, so a translated title never exists in a second form."""
    path = DOCS / lang / "index.md"
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        raise DataError(f"{shown(path)}: missing. Fix: give the language its introduction page.") from None
    return _first_heading(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)  # keyed by the file's version, bounded (make serve rebuilds after every edit)
def _first_heading(path: str, mtime_ns: int, size: int) -> str:
    heading = first_heading(Path(path).read_text(encoding="utf-8-sig"))
    if heading:
        return heading
    raise DataError(f"{shown(Path(path))}: no `# ` heading. Fix: write the text's title as the page's first heading.")


def original_title(data: dict[str, Any] | None = None) -> str:
    """The title as the authors wrote it: the heading of the original's introduction page."""
    return text_title((data or manifesto())["language"])


def site_description(lang: str) -> str:
    """The site's description in `lang` (home page, feeds, search engines), naming the text by its title."""
    return " ".join(strings(lang)["site_description"].format(title=text_title(lang)).split())
