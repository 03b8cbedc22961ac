"""Invalid data stops everything with the file, the line and the fix."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from projects import build_only, build_project, copy_project

from scripts.core.languages import languages
from scripts.core.load import DataError, load_checked
from scripts.core.paths import DATA, ROOT
from scripts.core.strings import interface_file

from conftest import line_of

GOOD = (DATA / "manifesto.yml").read_text(encoding="utf-8")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "manifesto.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_project_data_is_valid() -> None:
    assert load_checked(DATA / "manifesto.yml", "manifesto")["authors"][0]["family"] == "Mahy"
    for lang in languages():
        load_checked(interface_file(lang), "strings")


def test_a_wrong_value_names_file_line_and_fix(tmp_path: Path) -> None:
    bad = GOOD.replace('version: "1.0"', "version: 1.0")
    path = write(tmp_path, bad)
    with pytest.raises(DataError) as error:
        load_checked(path, "manifesto")
    message = str(error.value)
    assert f"{path}:{line_of(bad, 'version: 1.0')}: edition/version:" in message
    assert "Fix: the edition's version as a quoted string" in message


def test_a_missing_field_and_an_unknown_field_are_both_reported(tmp_path: Path) -> None:
    bad = GOOD.replace("  publisher: RTA asbl\n", "  publsher: RTA asbl\n")
    with pytest.raises(DataError) as error:
        load_checked(write(tmp_path, bad), "manifesto")
    message = str(error.value)
    assert "'publisher' is a required property" in message
    assert "'publsher' was unexpected" in message


@pytest.mark.parametrize("char", ["\\n", "\\r", "\\t", "\\x1b", "\\x85", "\\u2028"])
def test_a_line_break_or_control_character_in_a_value_names_file_line_and_fix(tmp_path: Path, char: str) -> None:
    # A title broken over two lines would end a line of the RIS export and start a forged one.
    bad = GOOD.replace("  publisher: RTA asbl\n", f'  publisher: "RTA asbl{char}ER  - "\n')
    path = write(tmp_path, bad)
    with pytest.raises(DataError) as error:
        load_checked(path, "manifesto")
    message = str(error.value)
    assert f"{path}:{line_of(bad, 'publisher: ')}: first_publication/publisher: contains U+" in message
    assert "Fix: write the value on one line" in message


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    bad = GOOD.replace("\nlanguage: fr\n", "\nlanguage: [fr\n", 1)
    assert bad != GOOD
    with pytest.raises(DataError, match=r"manifesto\.yml:\d+: not valid YAML"):
        load_checked(write(tmp_path, bad), "manifesto")


def test_the_build_stops_on_invalid_data_and_writes_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    manifesto = project / "data" / "manifesto.yml"
    manifesto.write_text(GOOD.replace("  - given: Jean\n", "  - given: 42\n"), encoding="utf-8")
    result = build_project(project, tmp_path / "out")
    assert result.returncode != 0
    assert "data/manifesto.yml:" in result.stderr and "authors/1/given: 42 is not of type 'string'" in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


# The newest change on record: a new edition goes above it (the list is newest first).
CHANGES = (DATA / "changes.yml").read_text(encoding="utf-8").splitlines()
NEWEST_CHANGE = next(line for line in CHANGES if line.startswith("- id: "))


def test_a_rebuild_after_an_edit_equals_a_fresh_build(tmp_path: Path) -> None:
    """`make serve` rebuilds in one process: after an edit of data, a label and a page, its pages are
    byte for byte those of a fresh build, and show the edit (no state kept from the build before)."""
    project = copy_project(tmp_path)
    build_only(project, "fr", "nl")  # the languages edited
    edits = {
        "data/manifesto.yml": ['version: "1.0"', 'version: "1.1"'],
        # A new edition is announced on the changes page (the build checks it is there).
        "data/changes.yml": [
            NEWEST_CHANGE,
            '- id: edition-1-1\n  date: "2027-01-01"\n  kind: edition\n  version: "1.1"\n'
            f"  text: {{fr: Édition 1.1., nl: Editie 1.1., en: Edition 1.1., de: Ausgabe 1.1.}}\n{NEWEST_CHANGE}",
        ],
        "docs/fr/interface.yml": ["site_name: ", "site_name: Nom modifié · "],
        "docs/nl/conclusion.md": ["De gezondheidscrisis", "Gewijzigd: de gezondheidscrisis"],
    }
    env = {**os.environ, "PYTHONPATH": str(project), "BUILD_PDF": "false", "NO_MKDOCS_2_WARNING": "1"}
    served = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "serve_rebuild.py"), str(tmp_path / "a"), str(tmp_path / "b")],
        cwd=project,
        input=json.dumps(edits),
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert served.returncode == 0, served.stderr[-3000:]
    fresh = build_project(project, tmp_path / "fresh")
    assert fresh.returncode == 0, fresh.stderr[-3000:]

    def tree(root: Path) -> dict[str, bytes]:
        # Preview images are drawn after mkdocs, by the editions step, which `mkdocs serve` does not run.
        files = (p for p in sorted(root.rglob("*")) if p.is_file() and p.name != "share.png")
        return {str(p.relative_to(root)): p.read_bytes() for p in files}

    rebuilt, expected = tree(tmp_path / "b"), tree(tmp_path / "fresh")
    assert rebuilt.keys() == expected.keys()
    assert [name for name in expected if rebuilt[name] != expected[name]] == []
    assert "Nom modifié" in (tmp_path / "b" / "index.html").read_text(encoding="utf-8")
    assert "Gewijzigd: " in (tmp_path / "b" / "nl" / "conclusion" / "index.html").read_text(encoding="utf-8")
    assert "Nom modifié" not in (tmp_path / "a" / "index.html").read_text(encoding="utf-8")
