"""Files kept in the repository but made by a command (CITATION.cff, the trimmed theme stylesheet, the
signing issue forms):
written, or checked up to date (`--check`, which the tests run), with the command that fixes them."""

from __future__ import annotations

import sys
from pathlib import Path

from scripts.core.paths import shown, write_atomically


def write_or_check(path: Path, expected: str, fix: str, *, check: bool) -> int:
    """Exit status: with `check`, 1 when the file differs from `expected` (the fix on stderr); else write it."""
    if check:
        if not path.is_file() or path.read_text(encoding="utf-8") != expected:
            print(f"{shown(path)} is not up to date. Fix: {fix}", file=sys.stderr)
            return 1
        return 0
    if path.is_file() and path.read_text(encoding="utf-8") == expected:
        return 0
    write_atomically(path, expected)
    print(f"wrote {shown(path)} ({len(expected) / 1000:.1f} kB)")
    return 0
