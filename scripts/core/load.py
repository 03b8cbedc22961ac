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
    if error.validator == "dependentRequired" and isinstance(error.schema, dict):
        # The missing key's own description says what to write, not the whole entry's.
        missing = next(
            (
                needed
                for present, needs in error.validator_value.items()
                if present in error.instance
                for needed in needs
                if needed not in error.instance
            ),
            "",
        )
        described = error.schema.get("properties", {}).get(missing, {}).get("description")
        hint = f"add `{missing}:`" + (f", {described}" if described else "")
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


# What the data may not use, found while the parser streams events (before anything is built), so that
# a 300-byte alias bomb is refused at its first alias and libyaml's speed stays for every valid file.
STRICT_FIX = {
    "alias": "write the value out again instead of `*name` (the data is read without aliases)",
    "anchor": "remove `&name` (the data is read without anchors and aliases)",
    "tag": "remove the `!tag` and quote the value if it must stay text",
    "merge": "write the keys out instead of `<<:` (merge keys are not read)",
    "complex": "use a plain text key",
    "duplicate": "keep one of the two: YAML would silently keep the last",
    "documents": "keep one YAML document per file (remove the `---` line that starts a second one)",
}


def _strict_problem(text: str) -> tuple[int, str, str] | None:
    """The first construct the data may not use, as (line, what, fix kind), or None.

    Refused: anchors, aliases, tags, merge keys (`<<:`), keys that are not plain text, duplicate keys
    (YAML keeps the last one silently, which would hide a value from a reviewer) and a second document.
    """
    # One frame per open collection: [keys seen, expecting a key] for a mapping, None for a sequence.
    stack: list[list[Any] | None] = []
    documents = 0

    def value_done() -> None:
        if stack and stack[-1] is not None:
            stack[-1][1] = True

    for event in yaml.parse(text, Loader=SAFE_LOADER):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            return line, f"an alias `*{event.anchor}`", "alias"
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                return line, "a second document", "documents"
        if not isinstance(event, yaml.NodeEvent | yaml.CollectionEndEvent):
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            stack.pop()
            value_done()
            continue
        if event.anchor is not None:
            return line, f"an anchor `&{event.anchor}`", "anchor"
        if event.tag is not None:
            return line, f"a tag `{event.tag}`", "tag"
        frame = stack[-1] if stack else None
        key_expected = frame is not None and frame[1]
        if isinstance(event, yaml.ScalarEvent):
            if key_expected:
                assert frame is not None
                if event.implicit[0] and event.value == "<<":
                    return line, "a merge key `<<`", "merge"
                if event.value in frame[0]:
                    return line, f"the key `{event.value}` a second time in one mapping", "duplicate"
                frame[0].add(event.value)
                frame[1] = False
            else:
                value_done()
            continue
        if key_expected:
            return line, "a key that is a list or a mapping", "complex"
        stack.append([set(), True] if isinstance(event, yaml.MappingStartEvent) else None)
    return None


def read_data_text(path: Path) -> str:
    """A data file's text: never through a symbolic link, and UTF-8 or an error naming the line."""
    if path.is_symlink():
        raise DataError(
            f"{shown(path)}:1: is a symbolic link. Fix: replace it with the file itself (data is never read elsewhere)."
        )
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(
            f"{shown(path)}:{line}: byte 0x{raw[error.start]:02X} is not UTF-8. "
            "Fix: save the file as UTF-8 (the editor's encoding setting)."
        ) from None


def load_strict(text: str, path: Path) -> Any:
    """YAML text as data, or DataError: only plain mappings, lists and values (see _strict_problem)."""
    try:
        problem = _strict_problem(text)
        if problem is None:
            return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else 1
        raise DataError(
            f"{shown(path)}:{line}: not valid YAML: {exc.problem}. Fix: check indentation and quoting on that line."
        ) from None
    line, what, kind = problem
    raise DataError(f"{shown(path)}:{line}: holds {what}. Fix: {STRICT_FIX[kind]}.")


@cache
def schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def load_checked(path: Path, schema_name: str) -> Any:
    """Parse a YAML file and validate it; raise DataError listing every problem.

    The file is read on every call and parsed once per distinct content: an edit is seen at once
    (`make serve` rebuilds in one process), an unchanged file costs a read. Callers must not modify the result.
    """
    if not path.is_symlink() and not path.is_file():
        raise DataError(
            f"{shown(path)}: file missing. Fix: create it (format: data/schemas/{schema_name}.schema.json)."
        )
    stat = path.lstat()
    return _read_checked(path, stat.st_mtime_ns, stat.st_size, schema_name)


@lru_cache(maxsize=4096)
def _read_checked(path: Path, mtime_ns: int, size: int, schema_name: str) -> Any:
    # Labels are asked for a thousand times a build: the file is read again only when it changed.
    return _parse_checked(path, read_data_text(path), schema_name)


# Bounded, like every cache keyed by a file's content: `make serve` adds an entry at each edit.
@lru_cache(maxsize=4096)
def _parse_checked(path: Path, text: str, schema_name: str) -> Any:
    data = load_strict(text, path)
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
