"""Translations kept in step with the French original.

Each translated page records, in its front matter, which version of its French page
it translates:

    translation:
      source: "3f1c9a0b7d2e"   # hash of the French page (written by `stamp`)
      status: unreviewed       # unreviewed | reviewed (by the authors)
      outdated: true           # optional: the French page changed; a notice says so

As an mkdocs hook it stops the build on a missing translation and on footnotes that
differ from the French page. As a command:

    python -m scripts translations status          # table: every page, every language
    python -m scripts translations check           # exit 1 on a missing or stale page
    python -m scripts translations stamp LANG [PAGE ...]   # record the French version translated
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.utils import meta

from scripts.core.languages import built_page, languages
from scripts.core.links import UNCITED
from scripts.core.paths import DOCS
from scripts.easy_read.records import FLAG as EASY_READ_FLAG
from scripts.text.parts import FOOTNOTE_CALL, FOOTNOTE_DEF

STATUSES = ("unreviewed", "reviewed")
SOURCE_LINE = re.compile(r"^(\s+source:\s*).*$", re.MULTILINE)
OUTDATED_LINE = re.compile(r"^\s+outdated:.*\n", re.MULTILINE)


def version_of(path: Path) -> str:
    """A short hash of a page's text: it changes whenever the page changes."""
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8")).replace("\r\n", "\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def source_version(docs: Path, lang: str, page: str) -> str:
    """The version a translation records of its original page. The easy-to-read summary (`easy_read: true`)
    also follows the text it summarises: a change to any of the text's pages (`text_part`) makes every
    translation of the summary stale too, until it is checked against the new text and stamped."""
    path = docs / lang / page
    if not meta.get_data(path.read_text(encoding="utf-8"))[1].get(EASY_READ_FLAG):
        return version_of(path)
    parts = [docs / lang / other for other in pages(docs, lang) if is_text_part(docs / lang / other)]
    versions = "".join(version_of(part) for part in [path, *parts])
    return hashlib.sha256(versions.encode("ascii")).hexdigest()[:12]


def is_text_part(path: Path) -> bool:
    return bool(meta.get_data(path.read_text(encoding="utf-8"))[1].get("text_part"))


def pages(docs: Path, lang: str) -> list[str]:
    """The Markdown pages of a language, as paths relative to its folder."""
    return sorted(str(p.relative_to(docs / lang)) for p in (docs / lang).rglob("*.md"))


def translation_meta(path: Path) -> dict[str, Any]:
    return meta.get_data(path.read_text(encoding="utf-8"))[1].get("translation") or {}


@dataclass(frozen=True)
class PageState:
    page: str
    lang: str
    state: str  # "up to date" | "outdated" | "stale" | "missing" | "unstamped"
    detail: str = ""

    @property
    def fails(self) -> bool:
        return self.state in ("stale", "missing", "unstamped")


def page_state(docs: Path, source_lang: str, lang: str, page: str) -> PageState:
    target = docs / lang / page
    if not target.is_file():
        return PageState(page, lang, "missing", f"docs/{lang}/{page} does not exist")
    recorded = str(translation_meta(target).get("source") or "")
    current = source_version(docs, source_lang, page)
    if translation_meta(target).get("outdated"):
        return PageState(page, lang, "outdated", "marked outdated")
    if not recorded:
        return PageState(page, lang, "unstamped", "no `translation: source:` recorded")
    if recorded != current:
        return PageState(page, lang, "stale", f"translates {recorded}, French page is now {current}")
    return PageState(page, lang, "up to date")


def all_states(docs: Path = DOCS, langs: list[str] | None = None) -> list[PageState]:
    langs = langs or languages()
    source_lang, targets = langs[0], langs[1:]
    return [page_state(docs, source_lang, lang, page) for page in pages(docs, source_lang) for lang in targets]


def status_table(states: list[PageState]) -> str:
    langs = list(dict.fromkeys(s.lang for s in states))
    rows = {s.page: {} for s in states}
    for s in states:
        rows[s.page][s.lang] = s.state
    width = max([len("page"), *map(len, rows)])
    lines = [f"| {'page':<{width}} | " + " | ".join(f"{l:<10}" for l in langs) + " |"]
    lines.append(f"|{'-' * (width + 2)}|" + "|".join("-" * 12 for _ in langs) + "|")
    lines += [f"| {page:<{width}} | " + " | ".join(f"{row[l]:<10}" for l in langs) + " |" for page, row in rows.items()]
    return "\n".join(lines)


WORD = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*")
MARKUP = re.compile(r"<[^>]+>|\{[#.:][^}]*\}|\]\([^)]*\)|<https?://[^>]+>|https?://\S+|\[\^\d+\]:?")


def word_count(docs: Path, lang: str) -> int:
    """Words of a language's pages: body text and notes, without front matter, markup or URLs."""
    return sum(
        len(WORD.findall(MARKUP.sub(" ", meta.get_data(path.read_text(encoding="utf-8"))[0])))
        for path in (docs / lang).rglob("*.md")
    )


def word_counts_line(docs: Path, langs: list[str]) -> str:
    original = word_count(docs, langs[0]) or 1
    counts = [f"{lang} {word_count(docs, lang)} ({word_count(docs, lang) / original:.0%})" for lang in langs]
    return "words: " + ", ".join(counts)


def failures_report(states: list[PageState]) -> str:
    fixes = {
        "missing": "translate the French page into that file",
        "unstamped": "run `python -m scripts translations stamp {lang} {page}` once the translation is complete",
        "stale": "update the translation, then `python -m scripts translations stamp {lang} {page}`; "
        "or add `outdated: true` under `translation:` to publish it with a notice",
    }
    return "\n".join(
        f"docs/{s.lang}/{s.page}: {s.state} ({s.detail}). Fix: {fixes[s.state].format(lang=s.lang, page=s.page)}."
        for s in states
        if s.fails
    )


def stamp(docs: Path, source_lang: str, lang: str, page: str) -> None:
    """Record the French page's current version in the translation; clear `outdated`."""
    target = docs / lang / page
    text = target.read_text(encoding="utf-8")
    front = re.match(r"^---\n.*?\n---\n", text, re.S)
    if front is None or not SOURCE_LINE.search(front.group()):
        raise SystemExit(f"docs/{lang}/{page}: no `translation:` block with a `source:` line in the front matter.")
    block = SOURCE_LINE.sub(rf'\g<1>"{source_version(docs, source_lang, page)}"', front.group(), count=1)
    target.write_text(OUTDATED_LINE.sub("", block) + text[front.end() :], encoding="utf-8")


def structure(html: str) -> dict[str, list[str]]:
    """What must be the same in every language: heading levels, paragraph numbers, notes, URLs."""
    article = BeautifulSoup(html, "lxml").select_one("article")
    if article is None:
        return {}
    # The share links carry each page's own address: the template's, not the translation's.
    for block in article.select(".mf-share"):
        block.decompose()
    return {
        "headings": [h.name for h in article.select("h1, h2, h3, h4, h5, h6")],
        "paragraph numbers": [p["id"] for p in article.select("p.mf-para")],
        "footnote calls": [a.get_text(strip=True) for a in article.select("sup a.footnote-ref")],
        "footnotes": [li.get("value", "") for li in article.select("div.footnote li")],
        # The text's references: not the services' links (UNCITED), which each language may point at its own page.
        "URLs": sorted(a["href"] for a in article.select(f"a[href^='http']:not(.{UNCITED})")),
    }


def parity_differences(site_dir: Path, docs: Path = DOCS, langs: list[str] | None = None) -> list[str]:
    """Every difference of structure between a built translated page and its original."""
    langs = langs or languages()
    differences = []
    for page in pages(docs, langs[0]):
        original = structure(built_page(site_dir, langs[0], page).read_text(encoding="utf-8"))
        for lang in langs[1:]:
            path = built_page(site_dir, lang, page)
            if not path.is_file():
                differences.append(f"{lang}/{page}: not built")
                continue
            translated = structure(path.read_text(encoding="utf-8"))
            for aspect, expected in original.items():
                if translated.get(aspect) != expected:
                    missing = [x for x in expected if x not in translated.get(aspect, [])]
                    extra = [x for x in translated.get(aspect, []) if x not in expected]
                    differences.append(
                        f"docs/{lang}/{page}: {aspect} differ from docs/{langs[0]}/{page} "
                        f"(missing: {missing or 'none'}; extra: {extra or 'none'}; "
                        f"{len(translated.get(aspect, []))} vs {len(expected)})"
                    )
    return differences


def footnote_labels(markdown: str) -> tuple[list[str], list[str]]:
    return FOOTNOTE_CALL.findall(markdown), FOOTNOTE_DEF.findall(markdown)


def check_translated_page(path: Path, source: Path, shown: str, shown_source: str) -> None:
    """A translated page declares its status and has the original's notes: same numbers, same order."""
    markdown, front = meta.get_data(path.read_text(encoding="utf-8"))
    info = front.get("translation")
    if not isinstance(info, dict) or info.get("status") not in STATUSES:
        raise PluginError(
            f"{shown}: the front matter needs `translation:` with `status:` ({' or '.join(STATUSES)}) "
            "and `source:`. Fix: copy the block from another translated page."
        )
    ours, theirs = footnote_labels(markdown), footnote_labels(meta.get_data(source.read_text(encoding="utf-8"))[0])
    if ours != theirs:
        raise PluginError(
            f"{shown}: footnotes differ from {shown_source} "
            f"(calls {ours[0]} vs {theirs[0]}; notes {ours[1]} vs {theirs[1]}). "
            "Fix: keep every [^N] call and note of the original, with its number."
        )
