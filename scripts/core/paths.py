"""Where the project's files are: one ROOT for all the code; how a file is written whole."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
DOCS = ROOT / "docs"
SCHEMAS = DATA / "schemas"  # one JSON Schema per data format: the documentation of the format


def shown(path: Path) -> str:
    """A path as an editor would type it: relative to the project when inside it."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def write_atomically(path: Path, text: str) -> None:
    """The whole file or none: written beside its place, then renamed (an interrupted run leaves no half file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
