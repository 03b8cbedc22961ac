"""Load the project's data files and check them against their schemas (data/schemas/).

Every error names the file, the line and the fix, so that an editor can correct the
data without reading Python. The schemas document each format.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from scripts.core.paths import SCHEMAS, shown

# libyaml's parser when present: the same YAML, read several times faster (many signatory files).
SAFE_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # mkdocs.yml `exclude_docs` keeps it out of the site


class DataError(Exception):
    """Invalid project data; the message says where and how to fix it."""


def line_of(node: yaml.Node | None, path: list[str | int]) -> int:
    """Line (1-based) of the YAML node at `path`, or of its closest existing parent."""
    line = node.start_mark.line + 1 if node else 1
    for key in path:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            node = None
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def line_in(path: Path, keys: list[str | int]) -> int:
    """Line (1-based) of the value at `keys` in a YAML file (or of its closest existing parent)."""
    return line_of(yaml.compose(path.read_text(encoding="utf-8")), keys)


def _describe(error: ValidationError, path: Path, root: yaml.Node | None) -> str:
    where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
    line = line_of(root, list(error.absolute_path))
    hint = error.schema.get("description") if isinstance(error.schema, dict) else None
    fix = f" Fix: {hint}" if hint else ""
    return f"{shown(path)}:{line}: {where}: {error.message}.{fix}"


def _control_characters(value: Any, path: list[str | int]) -> Iterator[tuple[list[str | int], str]]:
    """Every string value holding a control character or a line separator, with the character found.

    Every value is one line of text: a line break or control character in a title or a name
    would end a line of a RIS export or of a meta tag, or hide text from readers.
    """
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _control_characters(item, [*path, key])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _control_characters(item, [*path, index])
    elif isinstance(value, str):
        found = next((c for c in value if unicodedata.category(c) in ("Cc", "Zl", "Zp")), None)
        if found is not None:
            yield path, found


def _describe_control(path: list[str | int], char: str, file: Path, root: yaml.Node | None) -> str:
    where = "/".join(map(str, path)) or "(top level)"
    name = unicodedata.name(char, "control character")
    return (
        f"{shown(file)}:{line_of(root, path)}: {where}: contains U+{ord(char):04X} ({name}). "
        "Fix: write the value on one line, without control characters "
        "(a folded block `>-` joins its lines with spaces)."
    )


@cache
def schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def load_checked(path: Path, schema_name: str) -> Any:
    """Parse a YAML file and validate it; raise DataError listing every problem.

    The file is read on every call and parsed once per distinct content: an edit is seen at once
    (`make serve` rebuilds in one process), an unchanged file costs a read. Callers must not modify the result.
    """
    if not path.is_file():
        raise DataError(
            f"{shown(path)}: file missing. Fix: create it (format: data/schemas/{schema_name}.schema.json)."
        )
    stat = path.stat()
    return _read_checked(path, stat.st_mtime_ns, stat.st_size, schema_name)


@lru_cache(maxsize=4096)
def _read_checked(path: Path, mtime_ns: int, size: int, schema_name: str) -> Any:
    # Labels are asked for a thousand times a build: the file is read again only when it changed.
    return _parse_checked(path, path.read_text(encoding="utf-8"), schema_name)


# Bounded, like every cache keyed by a file's content: `make serve` adds an entry at each edit.
@lru_cache(maxsize=4096)
def _parse_checked(path: Path, text: str, schema_name: str) -> Any:
    try:
        data = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else 1
        raise DataError(
            f"{shown(path)}:{line}: not valid YAML: {exc.problem}. Fix: check indentation and quoting on that line."
        ) from None
    errors = sorted(
        Draft202012Validator(schema(schema_name)).iter_errors(data), key=lambda e: list(map(str, e.absolute_path))
    )
    controls = list(_control_characters(data, []))
    if errors or controls:
        root = yaml.compose(text, Loader=SAFE_LOADER)  # for line numbers; only when needed (2,000 files)
        problems = [_describe(e, path, root) for e in errors]
        problems += [_describe_control(where, char, path, root) for where, char in controls]
        raise DataError("\n".join(problems))
    return data
