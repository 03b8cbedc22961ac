"""data/changes.yml: the editions, corrections, new translations and formats, newest first.

Checked beyond its schema: ids unique, dates newest first, a text in the original language
(the others fall back to it), and the newest edition is the current one (data/manifesto.yml edition.version).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scripts.core.languages import languages
from scripts.core.load import DataError, line_in, load_checked
from scripts.core.manifesto import manifesto
from scripts.core.paths import DATA, shown

CHANGES = DATA / "changes.yml"

Change = dict[str, Any]


def changes(path: Path = CHANGES, langs: list[str] | None = None, version: str | None = None) -> list[Change]:
    entries: list[Change] = load_checked(path, "changes")
    langs = langs if langs is not None else languages()
    version = version or manifesto()["edition"]["version"]
    errors = []

    def report(index: int, keys: list[str | int], message: str) -> None:
        errors.append(f"{shown(path)}:{line_in(path, [index, *keys])}: {message}")

    seen: set[str] = set()
    for index, entry in enumerate(entries):
        if entry["id"] in seen:
            report(index, ["id"], f"id {entry['id']} is used twice. Fix: give each change its own id.")
        seen.add(entry["id"])
        if index and entry["date"] > entries[index - 1]["date"]:
            report(index, ["date"], f"{entry['date']} is newer than the entry above. Fix: list changes newest first.")
        # Other languages fall back to the original's text (so a new language needs no entry here).
        if langs and langs[0] not in entry["text"]:
            report(index, ["text"], f"no text in {langs[0]}. Fix: add `{langs[0]}: …` under text.")
    editions = [(i, e) for i, e in enumerate(entries) if e["kind"] == "edition"]
    if not editions:
        errors.append(f"{shown(path)}:1: no edition. Fix: add an entry of kind edition for version {version}.")
    elif editions[0][1]["version"] != version:
        index, newest = editions[0]
        report(
            index,
            ["version"],
            f"the newest edition is {newest['version']}, but data/manifesto.yml says {version}. "
            "Fix: add the new edition at the top, or correct edition.version in data/manifesto.yml.",
        )
    if errors:
        raise DataError("\n".join(errors))
    return entries


def pdf_editions(entries: list[Change]) -> list[str]:
    """The versions whose PDFs stay downloadable at pdf/<version>/."""
    return [e["version"] for e in entries if e["kind"] == "edition" and e.get("pdf")]


def text_in(change: Change, lang: str, original: str) -> tuple[str, str]:
    """A change's text in `lang`, else in the original language; with the language it is in."""
    return (lang, change["text"][lang]) if lang in change["text"] else (original, change["text"][original])
