"""The organisations that co-signed the manifesto: one file each in data/signatories/.

Every file, made by `python -m scripts signatories add` or by hand, gets the same checks:
the schema (data/schemas/signatory.schema.json), then what a schema cannot say
(invisible and control characters, personal data, web addresses, the version signed) and
duplicates across files (same website domain, or the same name once case, accents,
punctuation and legal-form words are set aside). Errors name the file, the line and the fix.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from jsonschema import Draft202012Validator

from scripts.core.load import SAFE_LOADER, DataError, line_of, load_checked, schema
from scripts.core.manifesto import manifesto
from scripts.core.paths import DATA, shown

FOLDER = DATA / "signatories"
SCHEMA = "signatory"
TYPES = ("association", "trade_union", "public_service", "network", "collective", "research", "other")
METHODS = ("reply_from_public_address", "statement_on_website", "other")
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Words that name a legal form, not the organisation: "Le Maillon asbl" and "Le Maillon" are one.
LEGAL_FORMS = frozenset(
    [
        "asbl",
        "aisbl",
        "vzw",
        "ivzw",
        "vog",
        "ev",
        "gmbh",
        "ggmbh",
        "sprl",
        "srl",
        "scrl",
        "nv",
        "bv",
        "cv",
        "cvba",
        "bvba",
        "ltd",
        "inc",
    ]
)
TEXT_FIELDS = (("name",), ("city",), ("country",), ("website",), ("statement", "text"), ("verification", "note"))
EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
PHONE = re.compile(r"\+?\d[\d .()/-]{7,}\d")
# Characters a reader cannot see or that reorder what is shown around them (bidirectional
# overrides, zero-width spaces), control characters, and code points with no character.
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def name_key(name: str) -> str:
    """A name without case, accents, punctuation or legal-form words, to find duplicates."""
    text = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()
    text = text.replace(".", "")  # a.s.b.l. → asbl, e.V. → ev
    words = re.sub(r"[\W_]+", " ", text).split()
    kept = [w for w in words if w not in LEGAL_FORMS]
    return " ".join(kept or words)


def domain_key(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return host.removeprefix("www.")


def slug(name: str, website: str) -> str:
    """The file name (and page anchor) of a new signatory: its name in plain letters, else its domain."""
    ascii_words = name_key(name).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_words).strip("-")
    return (words or re.sub(r"[^a-z0-9]+", "-", domain_key(website)).strip("-"))[:60].strip("-") or "signatory"


def hidden_character(value: str) -> str | None:
    """The first character that must not be there, described for the fix, or None."""
    for position, char in enumerate(value, 1):
        if unicodedata.category(char) in HIDDEN_CATEGORIES:
            name = unicodedata.name(char, "unnamed")
            return f"U+{ord(char):04X} ({name}) at character {position}"
    return None


def _get(record: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = record
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def problems(record: Any) -> list[tuple[tuple[str | int, ...], str]]:
    """Everything wrong with one signatory, as (field path, message with its fix)."""
    found: list[tuple[tuple[str | int, ...], str]] = []
    for error in sorted(Draft202012Validator(schema(SCHEMA)).iter_errors(record), key=lambda e: list(map(str, e.path))):
        hint = error.schema.get("description") if isinstance(error.schema, dict) else None
        found.append((tuple(error.absolute_path), f"{error.message}." + (f" Fix: {hint}." if hint else "")))
    if not isinstance(record, dict):
        return found
    for path in TEXT_FIELDS:
        value = _get(record, path)
        if not isinstance(value, str):
            continue
        hidden = hidden_character(value)
        if hidden:
            found.append((path, f"holds the invisible or control character {hidden}. Fix: retype the text without it."))
        if value != value.strip():
            found.append((path, "starts or ends with a space. Fix: remove the space."))
        if path != ("website",) and EMAIL.search(value):
            found.append((path, "holds an e-mail address. Fix: remove it (no personal data is published)."))
        if path in (("statement", "text"), ("verification", "note")) and PHONE.search(value):
            found.append((path, "holds a phone number. Fix: remove it (no personal data is published)."))
    website = record.get("website")
    if isinstance(website, str) and not hidden_character(website):
        parts = urlsplit(website)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
            found.append(
                (("website",), "is not a web address. Fix: give the site's address, e.g. https://example.be/.")
            )
    version = record.get("version")
    current = manifesto()["edition"]["version"]
    well_formed = isinstance(version, str) and re.fullmatch(r"[0-9]+(\.[0-9]+)*", version)
    if well_formed and version_tuple(version) > version_tuple(current):
        found.append((("version",), f"{version} is newer than this edition ({current}). Fix: give the version signed."))
    return found


def check_record(record: Any, path: Path, text: str | None = None) -> None:
    """Raise DataError naming the file and line of every problem of one signatory."""
    found = problems(record)
    if not found:
        return
    root = yaml.compose(text, Loader=SAFE_LOADER) if text is not None else None
    lines = []
    for where, message in found:
        line = line_of(root, list(where)) if root is not None else 1
        lines.append(f"{shown(path)}:{line}: {'/'.join(map(str, where)) or '(top level)'}: {message}")
    raise DataError("\n".join(lines))


def load_file(path: Path) -> dict[str, Any]:
    if not ID.fullmatch(path.stem):
        raise DataError(
            f"{shown(path)}:1: the file name is not an id. "
            "Fix: name it with lower-case letters, digits and hyphens, e.g. le-maillon.yml."
        )
    try:
        record = load_checked(path, SCHEMA)
    except DataError as error:
        raise DataError(f"{error}\n{shown(path)}: see data/schemas/signatory.schema.json.") from None
    check_record(record, path, path.read_text(encoding="utf-8"))
    return {"id": path.stem, **record}


def duplicates(records: list[tuple[Path, dict[str, Any]]]) -> list[str]:
    """Pairs of files naming the same organisation (website domain, or name as compared)."""
    errors = []
    seen: dict[tuple[str, str], Path] = {}
    for path, record in records:
        for kind, key in (("website domain", domain_key(record["website"])), ("name", name_key(record["name"]))):
            other = seen.setdefault((kind, key), path)
            if other != path:
                errors.append(
                    f"{shown(path)}:1: same {kind} as {shown(other)} ({key}). "
                    "Fix: keep one file per organisation (python -m scripts signatories withdraw ID removes one)."
                )
    return errors


def files(folder: Path = FOLDER) -> list[Path]:
    if not folder.is_dir():
        return []
    with os.scandir(folder) as entries:  # one directory read: the build asks on every page
        return sorted(Path(e.path) for e in entries if e.name.endswith((".yml", ".yaml")) and e.is_file())


def _state(folder: Path) -> tuple[tuple[str, int, int], ...]:
    if not folder.is_dir():
        return ()
    with os.scandir(folder) as entries:
        found = [(e.name, e.stat()) for e in entries if e.name.endswith((".yml", ".yaml"))]
    return tuple(sorted((name, st.st_mtime_ns, st.st_size) for name, st in found))


def signatories(folder: Path = FOLDER) -> list[dict[str, Any]]:
    """Every signatory, checked; read again only when a file changed (the build asks once per language)."""
    return _load(folder, _state(folder), manifesto()["edition"]["version"])


@lru_cache(maxsize=4)  # keyed by the folder's state: bounded under `make serve`
def _load(folder: Path, state: tuple[tuple[str, int, int], ...], version: str) -> list[dict[str, Any]]:
    errors: list[str] = []
    records: list[tuple[Path, dict[str, Any]]] = []
    for path in files(folder):
        if path.suffix == ".yaml":
            errors.append(f"{shown(path)}:1: ends in .yaml. Fix: rename it to {path.stem}.yml.")
            continue
        try:
            records.append((path, load_file(path)))
        except DataError as error:
            errors.append(str(error))
    errors += duplicates(records)
    if errors:
        raise DataError("\n".join(errors))
    return [record for _, record in records]
