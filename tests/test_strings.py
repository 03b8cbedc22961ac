"""Interface strings check themselves: the French file is the reference for keys and {placeholders}."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import scripts.core.strings as strings_module
from scripts.core.languages import default_language, languages
from scripts.core.load import DataError
from scripts.core.paths import ROOT
from scripts.core.strings import INTERFACE, interface_file, strings

REFERENCE = default_language()
OTHER = languages()[1]


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of two languages' interface files, read in place of the project's."""
    for lang in (REFERENCE, OTHER):
        (tmp_path / lang).mkdir()
        shutil.copy(interface_file(lang), tmp_path / lang / INTERFACE)
    monkeypatch.setattr(strings_module, "DOCS", tmp_path)
    return tmp_path


def edit(docs: Path, lang: str, old: str, new: str) -> None:
    file = docs / lang / INTERFACE
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def problem(lang: str) -> str:
    with pytest.raises(DataError) as error:
        strings(lang)
    return str(error.value)


def test_every_language_has_the_references_keys_and_placeholders() -> None:
    for lang in languages():
        assert strings(lang).keys() == strings(REFERENCE).keys(), lang


def test_a_dropped_or_misspelt_placeholder_names_file_line_key_and_fix(docs: Path) -> None:
    line = next(
        n
        for n, text in enumerate((docs / OTHER / INTERFACE).read_text("utf-8").splitlines(), 1)
        if text.startswith("paragraph_link_label:")
    )
    original = strings(OTHER)["paragraph_link_label"]
    edit(docs, OTHER, original, original.replace("{n}", "{nr}"))
    message = problem(OTHER)
    assert f"{OTHER}/interface.yml:{line}: `paragraph_link_label` has {{nr}} where " in message
    assert f"{REFERENCE}/interface.yml has {{n}}. Fix: keep exactly {{n}}" in message
    edit(docs, OTHER, "{nr}", "")
    assert "has no placeholder where" in problem(OTHER)


def test_a_missing_or_unknown_key_is_named_with_its_fix(docs: Path) -> None:
    edit(docs, OTHER, "heading_link_title:", "heading_link_titel:")
    message = problem(OTHER)
    assert f"{OTHER}/interface.yml: `heading_link_title` is missing (" in message
    assert "Fix: add `heading_link_title:` with its text in this language." in message
    assert "`heading_link_titel` is not a string of" in message and "Fix: correct the key's spelling" in message


def test_a_lone_brace_is_refused_with_its_line(docs: Path) -> None:
    edit(docs, REFERENCE, "credit_about: À propos de ce texte", 'credit_about: "À propos { de ce texte"')
    with pytest.raises(DataError, match=r"interface.yml:\d+: `credit_about`: .*Fix: write braces only around"):
        strings(OTHER)


def test_a_change_to_the_reference_is_seen_at_once(docs: Path) -> None:
    """`make serve` rebuilds in one process: a string added to the reference alone is reported."""
    strings(OTHER)
    file = docs / REFERENCE / INTERFACE
    file.write_text(file.read_text("utf-8") + 'press_new_label: "Nouveau"\n', encoding="utf-8")
    assert "`press_new_label` is missing" in problem(OTHER)


# Where the code reads strings: Python by key (`ui["key"]`, `ui[f"sig_type_{kind}"]`), templates by name.
CODE = [*(ROOT / "scripts").rglob("*.py"), *(ROOT / "overrides").rglob("*.html"), *(ROOT / "print").glob("*.html")]
DYNAMIC = re.compile(r"""["']([a-z_]+_)["']\s*[+~]|f["']([a-z_]+_)\{""")


def test_every_string_is_read_by_the_code() -> None:
    code = "\n".join(path.read_text(encoding="utf-8") for path in CODE)
    prefixes = {a or b for a, b in DYNAMIC.findall(code)} | {strings_module.MATERIAL_PREFIX}
    unused = [
        key
        for key in strings(REFERENCE)
        if not re.search(rf"\b{key}\b", code) and not any(key.startswith(prefix) for prefix in prefixes)
    ]
    assert unused == [], (
        f"docs/{REFERENCE}/interface.yml: strings no code reads: {unused}; remove them in every language"
    )
