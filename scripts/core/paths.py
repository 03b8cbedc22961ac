"""Where the project's files are: one ROOT for all the code."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
DOCS = ROOT / "docs"
SCHEMAS = DATA / "schemas"  # one JSON Schema per data format: the documentation of the format


def shown(path: Path) -> str:
    """A path as an editor would type it: relative to the project when inside it."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
