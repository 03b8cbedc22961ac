"""The repository around the site: every label a form or workflow applies exists; a release tag names the edition."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scripts.core.languages import languages
from scripts.repository.labels import labels

from conftest import ROOT

GITHUB = ROOT / ".github"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "scripts", *args], cwd=ROOT, env=env, capture_output=True, text=True)


def applied_labels() -> set[str]:
    """Every label the issue forms give and the workflows add, wait for or look up."""
    found: set[str] = set()
    forms = sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml"))
    assert forms, "no issue form"
    for form in forms:
        found |= set(yaml.safe_load(form.read_text(encoding="utf-8")).get("labels", []))
    for workflow in sorted((GITHUB / "workflows").glob("*.yml")):
        text = workflow.read_text(encoding="utf-8")
        found |= set(re.findall(r"--label ([\w-]+)", text))
        found |= set(re.findall(r"label\.name == '([\w-]+)'", text))
        found |= set(re.findall(r"labels\.\*\.name, '([\w-]+)'", text))
    return found


def test_every_label_a_form_or_workflow_applies_is_created_by_the_setup_workflow() -> None:
    applied = applied_labels()
    assert {"signature", "signature-verified-reply", "dead-links"} | {f"lang-{lang}" for lang in languages()} <= applied
    created = {label.name for label in labels()}
    assert applied <= created, f"missing from data/labels.yml: {sorted(applied - created)}"
    printed = run("labels")
    assert printed.returncode == 0, printed.stderr
    rows = [line.split("\t") for line in printed.stdout.splitlines()]
    assert {row[0] for row in rows} == created and all(
        len(row) == 3 and re.fullmatch(r"[0-9A-F]{6}", row[1]) for row in rows
    )
    setup = (GITHUB / "workflows" / "setup.yml").read_text(encoding="utf-8")
    assert "workflow_dispatch" in setup and ".venv/bin/python -m scripts labels" in setup
    assert 'gh label create "$name" --color "$color" --description "$description" --force' in setup


def test_each_language_gets_its_label_and_a_bad_label_is_refused_with_its_line(tmp_path: Path) -> None:
    names = [label.name for label in labels()]
    assert "lang-de" in names and "lang-{lang}" not in names
    bad = tmp_path / "labels.yml"
    bad.write_text('- name: Signature Verified\n  color: "#0E8A16"\n  description: x\n', encoding="utf-8")
    with pytest.raises(Exception, match=r"labels.yml:2: 0/color.*Fix: six hexadecimal digits"):
        labels(bad)


@pytest.mark.parametrize(("tag", "code"), [("v1.0", 0), ("v1.1", 1), ("1.0", 1), ("v1.0.0", 1)])
def test_a_release_tag_must_name_this_edition(tag: str, code: int) -> None:
    version = yaml.safe_load((ROOT / "data" / "manifesto.yml").read_text(encoding="utf-8"))["edition"]["version"]
    assert version == "1.0", "the edition changed: update the tags above"
    result = run("release-tag", tag)
    assert result.returncode == code, result.stdout + result.stderr
    if code:
        assert f"tag {tag} does not name this edition" in result.stderr and "Fix:" in result.stderr
