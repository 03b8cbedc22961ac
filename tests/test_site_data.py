"""Invalid data stops everything with the file, the line and the fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from projects import build_project, copy_project

from scripts.data.load import DATA, ROOT, DataError, interface_file, languages, load_checked

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


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    bad = GOOD.replace("title: Pourquoi", "title: [Pourquoi", 1)
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


def test_each_build_rereads_the_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`make serve` rebuilds in one process: an edited label must show without a restart."""
    from mkdocs.config import load_config

    import scripts.data.load as site_data
    from scripts.hooks import site_context

    config = load_config(str(ROOT / "mkdocs.yml"))
    site_context.on_config(config)
    before = config.site_name
    docs = tmp_path / "docs"
    shutil.copytree(site_data.DOCS, docs)
    interface = docs / languages()[0] / site_data.INTERFACE
    interface.write_text(interface.read_text(encoding="utf-8") + "\nsite_name: Nom modifié\n", encoding="utf-8")
    monkeypatch.setattr(site_data, "DOCS", docs)
    site_context.on_config(config)
    assert (before, config.site_name) == (before, "Nom modifié") and before != "Nom modifié"
