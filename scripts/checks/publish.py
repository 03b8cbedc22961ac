"""What a publisher should settle before going live: placeholders, wrong values and unverified facts in data/.

Placeholders (a fact given only to hold the place) block a deployment unless the publisher allows
them; wrong values (a mistyped enterprise number, an address nobody reads, dates that contradict
the launch) always block; unverified facts, unknowns and warnings are listed but never block,
since the site already says of each that it is not verified or not known.

The rule for settling a fact is the same in every data file: write it in place and delete its
`placeholder: true` line (and `hint:`). A new placeholder in data/manifesto.yml is one entry of
MANIFESTO_PLACEHOLDERS (what it is, where it shows); data/publisher.yml's are found by themselves.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from scripts.core.load import line_in, load_checked
from scripts.core.paths import DATA, SCHEMAS, shown
from scripts.legal.publisher import PUBLISHER, placeholders
from scripts.sources.registry import SOURCES

MANIFESTO = DATA / "manifesto.yml"
CHANGES = DATA / "changes.yml"
PLACEHOLDER = "placeholder"  # blocks a deployment unless allowed
INVALID = "wrong"  # a value that cannot be right: always blocks
UNVERIFIED = "unverified"
UNKNOWN = "unknown"
WARNING = "warning"  # worth knowing, never blocks


@dataclass(frozen=True)
class Item:
    path: Path
    line: int
    kind: str
    what: str
    fix: str

    def where(self) -> str:
        """file:line, or the file (or setting) alone for what has no line."""
        return f"{shown(self.path)}:{self.line}" if self.line else shown(self.path)


class Described(NamedTuple):
    field: str  # the key that holds the value, under the fact
    what: str  # what the value is
    shown_on: str  # where readers meet it


# data/manifesto.yml's facts that may be placeholders, by their key. A fact not listed here is still
# found (any `placeholder: true`), only described by its key.
MANIFESTO_PLACEHOLDERS: dict[str, Described] = {
    "contact": Described("email", "the contact address", "press page, legal pages, /.well-known/security.txt"),
    "repository": Described("url", "the repository address", "signing forms, error reports"),
}
SETTLE = "delete the line `placeholder: true`"


def manifesto_placeholders(path: Path, data: dict[str, Any]) -> list[Item]:
    items = []
    for key, fact in data.items():
        # The permission has its own check (permission_items): which uses it covers, once recorded.
        if key == "permission" or not (isinstance(fact, dict) and fact.get("placeholder") is True):
            continue
        described = MANIFESTO_PLACEHOLDERS.get(key)
        if described:
            what = f"{described.what} {fact.get(described.field)} is a placeholder ({described.shown_on})"
            fix = f"write the real one as {key}.{described.field}, then {SETTLE}"
        else:
            what = f"{key} is a placeholder" + (f" ({fact['hint']})" if fact.get("hint") else "")
            fix = f"write the fact under {key}, then {SETTLE} (and `hint:`)"
        items.append(Item(path, line_in(path, [key, "placeholder"]), PLACEHOLDER, what, fix))
    return items


def manifesto_items(path: Path = MANIFESTO) -> list[Item]:
    data: dict[str, Any] = load_checked(path, "manifesto")
    items = manifesto_placeholders(path, data)
    items += permission_items(path, data["permission"])
    publication = data["first_publication"]
    if not publication["verified"]:
        items.append(
            Item(
                path,
                line_in(path, ["first_publication", "verified"]),
                UNVERIFIED,
                f"the first publication ({publication['publisher']}, no. {publication['number']}) "
                "is not checked against the publisher's records",
                "check it with the publisher, then first_publication.verified: true",
            )
        )
    if not publication["date_verified"]:
        items.append(
            Item(
                path,
                line_in(path, ["first_publication", "date_verified"]),
                UNVERIFIED,
                f"the first publication's date {publication['date']} is not verified",
                "check it against a dated record, then first_publication.date_verified: true",
            )
        )
    if data.get("licence") is None:
        items.append(
            Item(
                path,
                line_in(path, ["licence"]),
                UNKNOWN,
                "no reuse licence is known for the text (nor, therefore, for its translations)",
                "only the authors can grant one: ask them, then record it under licence",
            )
        )
    return items


def permission_items(path: Path, permission: dict[str, Any]) -> list[Item]:
    """The authors' permission (reproduction, translation: Code de droit économique, art. XI.165):
    a placeholder until recorded, then each use the site makes that it does not cover."""
    if permission.get("placeholder"):
        return [
            Item(
                path,
                line_in(path, ["permission", "placeholder"]),
                PLACEHOLDER,
                "the authors' permission to reproduce, translate and print their text and to run the "
                "co-signing drive is not recorded (legal notice)",
                "record it under permission (given_by, date, uses, record) as the comment above it shows",
            )
        ]
    return [
        Item(
            path,
            line_in(path, ["permission", "uses"]),
            PLACEHOLDER,
            f"the authors' permission does not cover {use}",
            f"ask them, then add {use} to permission.uses, or stop publishing it",
        )
        for use in permission_uses()
        if use not in permission["uses"]
    ]


def permission_uses() -> list[str]:
    """Every use the schema names (the site, its translations, PDFs, co-signing drive and later formats)."""
    schema: dict[str, Any] = json.loads((SCHEMAS / "manifesto.schema.json").read_text(encoding="utf-8"))
    return schema["properties"]["permission"]["oneOf"][1]["properties"]["uses"]["items"]["enum"]


def sources_items(path: Path = SOURCES) -> list[Item]:
    entries: list[dict[str, Any]] = load_checked(path, "sources")
    items = []
    for index, entry in enumerate(entries):
        for field in entry.get("unverified", []):
            given = f" ({entry[field]})" if isinstance(entry.get(field), str) else ""
            items.append(
                Item(
                    path,
                    line_in(path, [index, "unverified"]),
                    UNVERIFIED,
                    f"source {entry['id']}: its {field}{given} is not verified",
                    f"check it, then remove {field} from unverified (or move it to missing if it cannot be found)",
                )
            )
    return items


def publisher_items(path: Path = PUBLISHER) -> list[Item]:
    """The publisher's facts still to be given (legal notice, privacy page): each one a placeholder."""
    return [
        Item(
            found.path,
            found.line,
            PLACEHOLDER,
            f"{found.field} is a placeholder ({found.hint})",
            f'write it as `value: "…"`, then {SETTLE} and the `hint:` line',
        )
        for found in placeholders(path)
    ]


def items_to_settle(
    manifesto: Path = MANIFESTO,
    sources: Path = SOURCES,
    publisher: Path = PUBLISHER,
    changes: Path = CHANGES,
    site_url: str | None = None,
) -> list[Item]:
    from scripts.checks.publish_values import local_preview_items, value_items

    listed = manifesto_items(manifesto) + publisher_items(publisher)
    values = value_items(manifesto, publisher, changes, site_url) + local_preview_items(site_url)
    return listed + values + sources_items(sources)


def blocking(items: list[Item], allowed: bool = False) -> list[Item]:
    """What stops a deployment: wrong values always, placeholders unless they are allowed."""
    return [item for item in items if item.kind == INVALID or (item.kind == PLACEHOLDER and not allowed)]


def as_text(items: list[Item], allowed: bool) -> str:
    if not items:
        return "Nothing to settle: no placeholder, no unverified fact.\n"
    lines = [f"To settle before publishing ({len(items)}):"]
    lines += [f"  {item.where()}: {item.kind}: {item.what}. Fix: {item.fix}." for item in items]
    lines.append(verdict(items, allowed))
    return "\n".join(lines) + "\n"


# Inside a table cell, these are the characters that could make markup, a link or HTML.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def md(text: str) -> str:
    """Text from the data, shown as itself in Markdown (no link, markup or HTML can come from it)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def as_markdown(items: list[Item], allowed: bool) -> str:
    lines = ["## What a publisher should settle", ""]
    if not items:
        return "\n".join([*lines, "Nothing: no placeholder, no unverified fact.", ""])
    lines += ["| where | kind | what | fix |", "|---|---|---|---|"]
    lines += [f"| `{item.where()}` | {item.kind} | {md(item.what)} | {md(item.fix)} |" for item in items]
    return "\n".join([*lines, "", md(verdict(items, allowed)), ""])


def verdict(items: list[Item], allowed: bool) -> str:
    wrong = sum(item.kind == INVALID for item in items)
    count = sum(item.kind == PLACEHOLDER for item in items)
    said = [f"{wrong} wrong value(s) block a deployment: correct them."] if wrong else []
    if count and allowed:
        said.append(f"{count} placeholder(s) allowed (ALLOW_PLACEHOLDERS=true): the site is published with them.")
    elif count:
        said.append(
            f"{count} placeholder(s) block a deployment. Settle them, or set ALLOW_PLACEHOLDERS=true to publish them."
        )
    return " ".join(said) or "Nothing blocks a deployment (unverified facts are shown as such on the site)."
