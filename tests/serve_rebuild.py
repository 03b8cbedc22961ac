"""Run in a copy of the project: build twice in one process, as `mkdocs serve` does, with an edit between.

`python tests/serve_rebuild.py FIRST SECOND`: builds into FIRST, then applies the edits given as
JSON on standard input ({"relative/path": [old, new], ...}) and builds into SECOND in the same process.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def build_once(site_dir: str) -> None:
    # What `mkdocs serve` does on each change: a fresh config (hooks loaded again), the same process.
    config = load_config("mkdocs.yml", site_dir=site_dir, strict=True)
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)


def main() -> None:
    first, second = sys.argv[1:3]
    edits = json.load(sys.stdin)
    build_once(first)
    for path, (old, new) in edits.items():
        file = Path(path)
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{path}: {old!r} not found"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
    build_once(second)


if __name__ == "__main__":
    main()
