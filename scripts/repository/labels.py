"""data/labels.yml: the labels the issue forms and the workflows apply, one per language where named so.

GitHub drops a label that does not exist when a form or `gh` applies it, and a workflow that waits
for it never starts: .github/workflows/setup.yml creates these before the first signing issue.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from scripts.core.languages import languages, mkdocs_config
from scripts.core.load import load_checked
from scripts.core.paths import DATA

LABELS = DATA / "labels.yml"


class Label(NamedTuple):
    name: str
    color: str
    description: str


def language_names() -> dict[str, str]:
    """Each declared language's code and name, as mkdocs.yml gives them."""
    for plugin in mkdocs_config().get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return {lang["locale"]: lang.get("name", lang["locale"]) for lang in plugin["i18n"]["languages"]}
    return {}


def labels(path: Path = LABELS) -> list[Label]:
    """Every label, a `{lang}` entry made once per language (in progress ones too: their forms may come)."""
    entries: list[dict[str, Any]] = load_checked(path, "labels")
    names = language_names()
    found: list[Label] = []
    for entry in entries:
        if "{lang}" in entry["name"]:
            for lang in languages(built_only=False):
                found.append(
                    Label(
                        entry["name"].format(lang=lang),
                        entry["color"],
                        entry["description"].format(name=names.get(lang, lang)),
                    )
                )
        else:
            found.append(Label(entry["name"], entry["color"], entry["description"]))
    return found


def as_tsv(found: list[Label]) -> str:
    """One label a line, name, colour and description separated by tabs (read by the setup workflow's shell)."""
    return "".join(f"{label.name}\t{label.color}\t{label.description}\n" for label in found)
