"""Each language's interface strings: docs/<lang>/interface.yml, beside its pages."""

from __future__ import annotations

from pathlib import Path

from scripts.core.load import load_checked
from scripts.core.paths import DOCS

INTERFACE = "interface.yml"


def interface_file(lang: str) -> Path:
    """A language's interface strings live in its own folder, beside its pages (excluded from the site)."""
    return DOCS / lang / INTERFACE


def strings(lang: str) -> dict[str, str]:
    return load_checked(interface_file(lang), "strings")
