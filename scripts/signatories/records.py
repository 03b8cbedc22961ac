"""The organisations that co-signed the manifesto: one file each in data/signatories/.

Every file, made by `python -m scripts signatories add` or by hand, gets the same checks:
the schema (data/schemas/signatory.schema.json), then what a schema cannot say (invisible,
control and lookalike characters, personal data, web addresses, real dates, a version that
exists, a country code) and duplicates across files (same website domain, or the same name
once width, case, accents, punctuation and legal-form words are set aside). Errors name the
file, the line and the fix.
"""

from __future__ import annotations

import datetime
import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from babel import Locale
from jsonschema import Draft202012Validator

from scripts.changes.records import changes
from scripts.core.build_date import build_epoch
from scripts.core.load import SAFE_LOADER, DataError, line_of, load_checked, read_data_text, schema
from scripts.core.manifesto import manifesto
from scripts.core.paths import DATA, shown

FOLDER = DATA / "signatories"
README = "README.md"  # the folder's one file that is not a signatory
SCHEMA = "signatory"
TYPES = ("association", "trade_union", "public_service", "network", "collective", "research", "other")
METHODS = ("reply_from_public_address", "phone_call_to_office", "statement_on_website", "other")
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
# Default-ignorable code points that are letters or marks (Unicode's DerivedCoreProperties), so
# not caught by category: fillers that render as nothing (U+3164 after a known name looks like the
# name), variation selectors, and the blank braille pattern U+2800, which shows as a space.
INVISIBLE = frozenset(
    [
        *(0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x2800, 0x3164, 0xFFA0),
        *range(0x180B, 0x1810),
        *range(0xFE00, 0xFE10),
        *range(0x1D173, 0x1D17B),
        *range(0xE0100, 0xE01F0),
    ]
)
MAX_MARKS = 2  # combining marks in a row: Vietnamese needs two ("ệ"); a hundred would cover the lines around
# Scripts that one word may mix, as writing systems do: Japanese (kanji and kana), Korean (hangul and hanja).
MIXES = ({"CJK", "HIRAGANA", "KATAKANA"}, {"CJK", "HANGUL"})
# Two-letter codes Babel names that are not countries (EU, UN, …) or are reserved for private use.
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


def name_key(name: str) -> str:
    """A name without width, case, accents, punctuation or legal-form words, to find duplicates."""
    text = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()
    text = text.replace(".", "")  # a.s.b.l. → asbl, e.V. → ev
    words = re.sub(r"[\W_]+", " ", text).split()
    kept = [w for w in words if w not in LEGAL_FORMS]
    return " ".join(kept or words)


def ascii_host(host: str) -> str:
    """A host as DNS knows it: width and case folded (NFKC, as browsers do), each non-ASCII label in punycode."""
    labels = unicodedata.normalize("NFKC", host).casefold().rstrip(".").split(".")
    return ".".join(label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii") for label in labels)


def openable_host(host: str) -> bool:
    """DNS's limits (RFC 1035): each label 1 to 63 characters, the name at most 253, once in punycode."""
    name = ascii_host(host)
    return len(name) <= 253 and all(0 < len(label) <= 63 for label in name.split("."))


def domain_key(url: str) -> str:
    """The website's domain as compared and shown: punycode, without `www.`."""
    return ascii_host(urlsplit(url).hostname or "").removeprefix("www.")


def script_of(char: str) -> str | None:
    """A letter's script, from its Unicode name's first word (LATIN, CYRILLIC, GREEK, CJK, …); None for the rest."""
    if not unicodedata.category(char).startswith("L"):
        return None
    first = unicodedata.name(char, "").split(" ", 1)[0]
    return None if first in ("", "MODIFIER") else first


def mixed_script_word(value: str) -> str | None:
    """The first word (or host label) whose letters come from scripts that no language mixes, or None.

    A Cyrillic `е` in a Latin name or host looks the same and makes another name, or another site.
    """
    for word in re.split(r"[\s./:@_-]+", unicodedata.normalize("NFKC", value)):
        scripts = {s for s in map(script_of, word) if s}
        if len(scripts) > 1 and not any(scripts <= allowed for allowed in MIXES):
            return word
    return None


def stacked_marks(value: str) -> bool:
    """More than MAX_MARKS combining marks on one letter (after decomposition)."""
    run = 0
    for char in unicodedata.normalize("NFD", value):
        run = run + 1 if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me") else 0
        if run > MAX_MARKS:
            return True
    return False


@lru_cache(maxsize=16)  # one table per language
def countries(lang: str = "en") -> dict[str, str]:
    """ISO 3166-1 alpha-2 codes and their names in a language (CLDR, through Babel)."""
    names = Locale.parse(lang).territories
    return {code: names[code] for code in sorted(names) if re.fullmatch("[A-Z]{2}", code) and code not in NOT_COUNTRIES}


def latest_date() -> datetime.date:
    """The latest date a signature or verification may carry: the build's date (SOURCE_DATE_EPOCH, else the
    last commit's) plus one day, for time zones; today's outside a git checkout."""
    epoch = build_epoch()
    day = (
        datetime.datetime.fromtimestamp(epoch, datetime.UTC).date()
        if epoch
        else datetime.datetime.now(datetime.UTC).date()
    )
    return day + datetime.timedelta(days=1)


def edition_versions() -> list[str]:
    """The versions of the text that exist: the editions of data/changes.yml."""
    return [entry["version"] for entry in changes(langs=[]) if entry["kind"] == "edition"]


def slug(name: str, website: str) -> str:
    """The file name (and page anchor) of a new signatory: its name in plain letters, else its domain."""
    ascii_words = name_key(name).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_words).strip("-")
    return (words or re.sub(r"[^a-z0-9]+", "-", domain_key(website)).strip("-"))[:60].strip("-") or "signatory"


def hidden_character(value: str) -> str | None:
    """The first character that must not be there, described for the fix, or None."""
    for position, char in enumerate(value, 1):
        if unicodedata.category(char) in HIDDEN_CATEGORIES or ord(char) in INVISIBLE:
            name = unicodedata.name(char, "unnamed")
            return f"U+{ord(char):04X} ({name}) at character {position}"
    return None


def _get(record: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = record
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _date_problem(value: Any, latest: datetime.date) -> str | None:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None  # the schema says it
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return f'{value} is not a date. Fix: give a real date as "YYYY-MM-DD".'
    if day > latest:
        return f"{value} is in the future. Fix: give the day it happened."
    return None


def _text_problems(path: tuple[str, ...], value: str) -> list[str]:
    found = []
    hidden = hidden_character(value)
    if hidden:
        found.append(f"holds the invisible or control character {hidden}. Fix: retype the text without it.")
    if stacked_marks(value):
        found.append(f"holds more than {MAX_MARKS} accents on one letter. Fix: retype the text.")
    if path in (("name",), ("city",), ("website",)) and (word := mixed_script_word(value)):
        found.append(
            f"«{word}» mixes letters of different alphabets (e.g. a Cyrillic е among Latin letters). "
            "Fix: retype it in one alphabet."
        )
    if value != value.strip():
        found.append("starts or ends with a space. Fix: remove the space.")
    folded = unicodedata.normalize("NFKC", value)  # a fullwidth ＠ or digits are still an address or a number
    if path != ("website",) and EMAIL.search(folded):
        found.append("holds an e-mail address. Fix: remove it (no personal data is published).")
    if path in (("statement", "text"), ("verification", "note")) and PHONE.search(folded):
        found.append("holds a phone number. Fix: remove it (no personal data is published).")
    return found


@lru_cache(maxsize=1)  # one schema
def validator() -> Draft202012Validator:
    return Draft202012Validator(schema(SCHEMA))


def problems(
    record: Any, latest: datetime.date | None = None, *, schema_checked: bool = False
) -> list[tuple[tuple[str | int, ...], str]]:
    """Everything wrong with one signatory, as (field path, message with its fix).

    `latest`: the latest date allowed (default: the build's date plus one day, see latest_date).
    `schema_checked`: the record was read by load_checked, which has validated it against the schema.
    """
    found: list[tuple[tuple[str | int, ...], str]] = []
    errors = () if schema_checked else validator().iter_errors(record)
    for error in sorted(errors, key=lambda e: list(map(str, e.path))):
        hint = error.schema.get("description") if isinstance(error.schema, dict) else None
        found.append((tuple(error.absolute_path), f"{error.message}." + (f" Fix: {hint}." if hint else "")))
    if not isinstance(record, dict):
        return found
    for path in TEXT_FIELDS:
        value = _get(record, path)
        if isinstance(value, str):
            found += [(path, message) for message in _text_problems(path, value)]
    website = record.get("website")
    if isinstance(website, str) and not hidden_character(website):
        parts = urlsplit(website)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
            found.append(
                (("website",), "is not a web address. Fix: give the site's address, e.g. https://example.be/.")
            )
        elif not openable_host(parts.hostname):
            found.append(
                (
                    ("website",),
                    "names a host no browser can open (a part over 63 characters, or empty). "
                    "Fix: copy the address from the browser's address bar.",
                )
            )
    country = record.get("country")
    if isinstance(country, str) and re.fullmatch("[A-Z]{2}", country) and country not in countries():
        found.append((("country",), f"{country} is not a country code. Fix: give its ISO 3166-1 code, e.g. BE."))
    latest = latest or latest_date()
    for path in (("signed",), ("verification", "date")):
        if message := _date_problem(_get(record, path), latest):
            found.append((path, message))
    version, versions = record.get("version"), edition_versions()
    if isinstance(version, str) and re.fullmatch(r"[0-9]+(\.[0-9]+)*", version) and version not in versions:
        found.append(
            (("version",), f"{version} is not an edition of the text. Fix: give one of {', '.join(versions)}.")
        )
    return found


def check_record(record: Any, path: Path, *, schema_checked: bool = False) -> None:
    """Raise DataError naming the file and line of every problem of one signatory."""
    found = problems(record, schema_checked=schema_checked)
    if not found:
        return
    root = yaml.compose(read_data_text(path), Loader=SAFE_LOADER)  # read again for line numbers, on errors only
    lines = []
    for where, message in found:
        lines.append(
            f"{shown(path)}:{line_of(root, list(where))}: {'/'.join(map(str, where)) or '(top level)'}: {message}"
        )
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
    check_record(record, path, schema_checked=True)
    return {"id": path.stem, **record}


# What makes two records one organisation: (what the message calls it, field, compared key).
IDENTITY = (("website domain", "website", domain_key), ("name", "name", name_key))


def duplicates(records: list[tuple[Path, dict[str, Any]]]) -> list[str]:
    """Every file naming an organisation an earlier file names (website domain, or name as compared).

    Each record's keys are computed once and looked up in a table: 2,000 signatories compared pair by
    pair took 98 s (`python -m scripts bench-signatories`).
    """
    errors = []
    first: dict[tuple[str, str], int] = {}  # (field, key) → index of the first record holding it
    for n, (path, record) in enumerate(records):
        keys = [(what, field, key(record[field])) for what, field, key in IDENTITY]
        earlier = [first[(field, value)] for _, field, value in keys if (field, value) in first]
        if earlier:
            other = min(earlier)
            same = [(what, value) for what, field, value in keys if first.get((field, value)) == other]
            kinds, shown_keys = " and ".join(kind for kind, _ in same), ", ".join(key for _, key in same)
            errors.append(
                f"{shown(path)}:1: same {kinds} as {shown(records[other][0])} ({shown_keys}). "
                "Fix: keep one file per organisation (python -m scripts signatories withdraw ID removes one)."
            )
        for _, field, value in keys:
            first.setdefault((field, value), n)
    return errors


def files(folder: Path = FOLDER) -> list[Path]:
    """Every entry of the folder but its README: each must be a signatory's `<id>.yml` (checked by _load)."""
    if not folder.is_dir():
        return []
    with os.scandir(folder) as entries:  # one directory read: the build asks on every page
        return sorted(Path(e.path) for e in entries if e.name != README)


def _state(folder: Path) -> tuple[tuple[str, int, int], ...]:
    if not folder.is_dir():
        return ()
    with os.scandir(folder) as entries:
        found = [(e.name, e.stat(follow_symlinks=False)) for e in entries]
    return tuple(sorted((name, st.st_mtime_ns, st.st_size) for name, st in found))


def signatories(folder: Path = FOLDER) -> list[dict[str, Any]]:
    """Every signatory, checked; read again only when a file changed (the build asks once per language)."""
    return _load(folder, _state(folder), manifesto()["edition"]["version"], latest_date())


def _misplaced(path: Path) -> str | None:
    """Why an entry of the folder is not a signatory's file, with the fix; None when it is one."""
    if path.is_symlink():
        return "is a symbolic link. Fix: replace it with the file itself (data is never read elsewhere)."
    if not path.is_file():
        return "is not a file. Fix: keep only <id>.yml files (and README.md) in this folder."
    if path.suffix != ".yml":
        return f"is not a .yml file. Fix: rename it to {path.stem.split('.')[0]}.yml, or move it out of this folder."
    return None


@lru_cache(maxsize=4)  # keyed by the folder's state: bounded under `make serve`
def _load(
    folder: Path, state: tuple[tuple[str, int, int], ...], version: str, latest: datetime.date
) -> list[dict[str, Any]]:
    errors: list[str] = []
    records: list[tuple[Path, dict[str, Any]]] = []
    for path in files(folder):
        if reason := _misplaced(path):
            errors.append(f"{shown(path)}:1: {reason}")
            continue
        try:
            records.append((path, load_file(path)))
        except DataError as error:
            errors.append(str(error))
    errors += duplicates(records)
    if errors:
        raise DataError("\n".join(errors))
    return [record for _, record in records]
