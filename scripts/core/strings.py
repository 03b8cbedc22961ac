"""Each language's interface strings: docs/<lang>/interface.yml, beside its pages.

The original language's file (docs/fr/interface.yml) is the reference: it says which strings exist,
with a comment on what each is for, and which {placeholders} each one takes. Every other language must
have the same keys and, in each string, the same placeholders: a new string is one line in each
language's file, and a dropped or misspelt `{n}` stops the build with the file, the line and the fix
instead of vanishing from the page or failing as a bare KeyError. The schema
(data/schemas/strings.schema.json) checks only what every string is: one line of text.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from string import Formatter

from scripts.core.languages import default_language
from scripts.core.load import DataError, line_in, load_checked
from scripts.core.paths import DOCS, shown

INTERFACE = "interface.yml"
# Labels of Material's own templates that a language's file replaces (`material_header` replaces
# Material's "header"): Material leaves some untranslated in some languages (Dutch "Header", "Footer").
MATERIAL_PREFIX = "material_"


def interface_file(lang: str) -> Path:
    """A language's interface strings live in its own folder, beside its pages (excluded from the site)."""
    return DOCS / lang / INTERFACE


def strings(lang: str) -> dict[str, str]:
    """The language's strings, checked against the reference language's keys and placeholders."""
    loaded: dict[str, str] = load_checked(interface_file(lang), "strings")
    reference = default_language()
    if lang != reference:
        _check_against(lang, reference, _version(lang), _version(reference))
    return loaded


def material_labels(ui: dict[str, str]) -> dict[str, str]:
    """The labels of Material's templates this language replaces, by Material's key."""
    return {key.removeprefix(MATERIAL_PREFIX): text for key, text in ui.items() if key.startswith(MATERIAL_PREFIX)}


def placeholders(text: str, file: Path, key: str) -> set[str]:
    """The {names} a string takes (what Python's str.format fills)."""
    try:
        return {field for _, field, _, _ in Formatter().parse(text) if field is not None}
    except ValueError as error:  # a lone brace
        line = line_in(file, [key])
        raise DataError(
            f"{shown(file)}:{line}: `{key}`: {error}. Fix: write braces only around a placeholder, e.g. {{n}}."
        ) from None


def _version(lang: str) -> tuple[int, int]:
    stat = interface_file(lang).stat()
    return stat.st_mtime_ns, stat.st_size


# Asked for a thousand times a build: checked again only when either file changed. Bounded, since
# `make serve` adds an entry at each edit.
@lru_cache(maxsize=64)
def _check_against(lang: str, reference: str, _version: tuple[int, int], _reference_version: tuple[int, int]) -> None:
    ref_file, file = interface_file(reference), interface_file(lang)
    expected: dict[str, str] = load_checked(ref_file, "strings")
    found: dict[str, str] = load_checked(file, "strings")
    problems = []
    for key in expected.keys() - found.keys():
        problems.append(
            f"{shown(file)}: `{key}` is missing ({shown(ref_file)}:{line_in(ref_file, [key])} has it). "
            f"Fix: add `{key}:` with its text in this language."
        )
    for key in found.keys() - expected.keys():
        problems.append(
            f"{shown(file)}:{line_in(file, [key])}: `{key}` is not a string of {shown(ref_file)}. "
            f"Fix: correct the key's spelling, or add the string to {shown(ref_file)} first."
        )
    for key in sorted(expected.keys() & found.keys()):
        want, have = placeholders(expected[key], ref_file, key), placeholders(found[key], file, key)
        if want != have:
            problems.append(
                f"{shown(file)}:{line_in(file, [key])}: `{key}` has {_names(have)} where {shown(ref_file)} has "
                f"{_names(want)}. Fix: keep exactly {_names(want)}; translate the words around them, not the names."
            )
    if problems:
        raise DataError("\n".join(sorted(problems)))


def _names(fields: set[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(fields)) or "no placeholder"
