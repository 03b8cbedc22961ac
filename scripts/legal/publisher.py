"""data/publisher.yml: who publishes the site, and the facts of its legal pages.

A fact is `{value: …}` when known and `{placeholder: true, hint: …}` while not: the pages show
a placeholder as a visible mark, and `placeholders()` lists every one for `make publish-check`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.core.load import line_in, load_checked
from scripts.core.paths import DATA, shown

PUBLISHER = DATA / "publisher.yml"


@dataclass(frozen=True)
class Placeholder:
    """A fact still to be given: where it is, and what to write there."""

    path: Path
    line: int
    field: str  # dotted, e.g. association.name
    hint: str

    def __str__(self) -> str:
        return (
            f"{shown(self.path)}:{self.line}: {self.field} is a placeholder ({self.hint}). "
            "Fix: write the fact as `value:` and remove `placeholder:` and `hint:`."
        )


def publisher(path: Path = PUBLISHER) -> dict[str, Any]:
    return load_checked(path, "publisher")


def is_fact(node: Any) -> bool:
    return isinstance(node, dict) and ("value" in node or node.get("placeholder") is True)


def value(fact: dict[str, Any]) -> str | None:
    """A fact's value, or None while it is a placeholder."""
    return None if fact.get("placeholder") else fact["value"]


def placeholders(path: Path = PUBLISHER) -> list[Placeholder]:
    """Every fact of the file that is still a placeholder, in the file's order."""
    found: list[Placeholder] = []

    def walk(node: Any, keys: list[str]) -> None:
        if is_fact(node):
            if node.get("placeholder"):
                found.append(Placeholder(path, line_in(path, [*keys, "placeholder"]), ".".join(keys), node["hint"]))
        elif isinstance(node, dict):
            for key, child in node.items():
                walk(child, [*keys, key])

    walk(publisher(path), [])
    return found


def publisher_urls(data: dict[str, Any] | None = None) -> list[str]:
    """The web addresses the legal pages link to (known facts only): registered like the text's sources."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if is_fact(node):
            known = value(node)
            if known and known.startswith("https://"):
                found.append(known)
        elif isinstance(node, dict):
            for child in node.values():
                walk(child)

    walk(data or publisher())
    return found
