"""The sources registry (data/sources.yml): every work the text cites or names.

Loaded against data/schemas/sources.schema.json, then cross-checked with the text:
each footnote of the original is cited by at least one entry, each entry's footnotes
and pages exist. Every error names the file, the entry's line and the fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from scripts.core.languages import default_language
from scripts.core.load import DataError, load_checked
from scripts.core.manifesto import manifesto
from scripts.core.paths import DATA, DOCS, shown
from scripts.legal.publisher import publisher_urls
from scripts.text.parts import FOOTNOTE_DEF

SOURCES = DATA / "sources.yml"
# Addresses in Markdown: autolinks <…>, inline links (…) and bare ones; the text's own punctuation is not part of them.
URL = re.compile(r"https?://[^\s<>()\"'`\]]+")
TRAILING = ".,;:!?»"

Entry = dict[str, Any]


@dataclass(frozen=True)
class Citation:
    """Where a URL is cited: a registry entry (and its footnotes) or a content page."""

    url: str
    entry: str | None = None
    footnotes: tuple[int, ...] = ()
    page: str | None = None


def _entry_lines(path: Path) -> list[int]:
    """The line on which each entry starts, for error messages."""
    root = yaml.compose(path.read_text(encoding="utf-8"))
    return [node.start_mark.line + 1 for node in root.value] if isinstance(root, yaml.SequenceNode) else []


def text_footnotes(docs_lang: Path) -> set[int]:
    """The footnote numbers defined in one language's pages."""
    return {
        int(n)
        for md in docs_lang.rglob("*.md")
        for n in FOOTNOTE_DEF.findall(md.read_text(encoding="utf-8"))
        if n.isdigit()
    }


def cross_check(entries: list[Entry], path: Path, docs_lang: Path) -> None:
    """Ties between the registry and the text; raise DataError listing every broken one."""
    lines = _entry_lines(path)
    problems: list[str] = []
    notes = text_footnotes(docs_lang)
    seen: dict[str, int] = {}
    cited: set[int] = set()

    def report(index: int, message: str) -> None:
        line = lines[index] if index < len(lines) else 1
        problems.append(f"{shown(path)}:{line}: entry {entries[index]['id']!r}: {message}")

    for index, entry in enumerate(entries):
        if entry["id"] in seen:
            report(
                index, f"the id is also used by the entry on line {seen[entry['id']]}. Fix: give each entry its own id."
            )
        seen.setdefault(entry["id"], lines[index] if index < len(lines) else 1)
        footnotes = set(entry.get("footnotes", []))
        cited |= footnotes
        for n in sorted(footnotes - notes):
            report(index, f"footnote {n} does not exist in the text. Fix: use the note's original number (see docs/).")
        for pin in entry.get("pinpoints", []):
            if pin["note"] not in footnotes:
                report(index, f"pinpoint for note {pin['note']}, which is not in `footnotes`. Fix: add it there.")
        for page in entry.get("named_in", []):
            if not (docs_lang / page).is_file():
                report(index, f"named_in: {page} does not exist. Fix: give a file under {shown(docs_lang)}/.")
        if not footnotes and not entry.get("named_in"):
            report(index, "neither `footnotes` nor `named_in`. Fix: say where the text cites or names this work.")
        if "title" not in entry and entry["type"] != "mention" and "title" not in entry.get("missing", []):
            report(index, "no title. Fix: give the title, or list `title` under `missing` when it is unknown.")
        for field in set(entry.get("unverified", [])) & set(entry.get("missing", [])):
            report(index, f"{field!r} is both unverified and missing. Fix: keep it in one list only.")
    for n in sorted(notes - cited):
        problems.append(
            f"{shown(path)}: footnote {n} is cited by no entry. Fix: add `footnotes: [{n}]` to the entry it cites."
        )
    if problems:
        raise DataError("\n".join(problems))


def load_sources(path: Path = SOURCES, docs_lang: Path | None = None) -> list[Entry]:
    entries = load_checked(path, "sources")
    cross_check(entries, path, docs_lang or DOCS / default_language())
    return entries


def sources() -> list[Entry]:
    """The registry, checked against the original's notes; worked out again whenever one of its inputs changed."""
    docs_lang = DOCS / default_language()
    inputs = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(docs_lang.rglob("*.md")))
    return _sources(SOURCES.read_text(encoding="utf-8"), inputs)


@lru_cache(maxsize=4)  # keyed by the files' state: bounded under `make serve`
def _sources(registry: str, pages: tuple[tuple[str, int, int], ...]) -> list[Entry]:
    return load_sources()


def cited_on(page: str, notes: Iterable[int]) -> list[Entry]:
    """The entries a page of the text cites in its notes (their original numbers) or names (`named_in`,
    the page's path inside its language folder)."""
    wanted = set(notes)
    return [e for e in sources() if wanted & set(e.get("footnotes", [])) or page in e.get("named_in", [])]


def first_publication_urls(data: dict[str, Any] | None = None) -> list[str]:
    """The text's own first publication: described in data/manifesto.yml, registered from there."""
    publication = (data or manifesto())["first_publication"]
    return [publication[key] for key in ("url", "pdf_url") if key in publication]


def registered_citations(entries: Iterable[Entry] | None = None) -> list[Citation]:
    """Every registered URL (links and their archived copies), with the entry and footnotes citing it."""
    found = [Citation(url, entry="mahy-blairon") for url in first_publication_urls()]
    # The legal pages' links (the host's privacy statement, the data protection authority): checked like the rest.
    found += [Citation(url, entry="data/publisher.yml") for url in publisher_urls()]
    for entry in sources() if entries is None else entries:
        footnotes = tuple(entry.get("footnotes", []))
        for link in entry.get("links", []):
            found.append(Citation(link["url"], entry=entry["id"], footnotes=footnotes))
            if "archive" in link:
                found.append(Citation(link["archive"], entry=entry["id"], footnotes=footnotes))
    return found


def registered_urls(entries: Iterable[Entry] | None = None) -> set[str]:
    return {c.url for c in registered_citations(entries)}


def markdown_urls(markdown: str) -> list[str]:
    return [m.group().rstrip(TRAILING) for m in URL.finditer(markdown)]


def content_urls(docs: Path = DOCS) -> dict[str, list[str]]:
    """External URLs written in the content, by page (relative to docs/)."""
    found: dict[str, list[str]] = {}
    for md in sorted(docs.rglob("*.md")):
        urls = markdown_urls(md.read_text(encoding="utf-8"))
        if urls:
            found[md.relative_to(docs).as_posix()] = urls
    return found


def unregistered_urls(docs: Path = DOCS, entries: Iterable[Entry] | None = None) -> dict[str, list[str]]:
    known = registered_urls(entries)
    found = {page: [u for u in urls if u not in known] for page, urls in content_urls(docs).items()}
    return {page: urls for page, urls in found.items() if urls}


def entry_link(entry: Entry, url: str) -> dict[str, Any] | None:
    return next((link for link in entry.get("links", []) if url in (link["url"], link.get("archive"))), None)


def archive_for(url: str, entries: Iterable[Entry] | None = None) -> str | None:
    """The archived copy registered for `url`, if any."""
    for entry in sources() if entries is None else entries:
        link = entry_link(entry, url)
        if link and link["url"] == url and "archive" in link:
            return link["archive"]
    return None
