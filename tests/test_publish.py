"""Going live: a deployment build refuses the local preview address; `make publish-check` lists what to settle."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scripts.build import DeployError, check_deploy_address
from scripts.checks.publish import PLACEHOLDER, UNVERIFIED, Item, as_markdown, items_to_settle, permission_uses
from scripts.legal.publisher import PUBLISHER

from conftest import ROOT

MANIFESTO = ROOT / "data" / "manifesto.yml"
SOURCES = ROOT / "data" / "sources.yml"


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "DEPLOY", "ALLOW_PLACEHOLDERS")}
    return subprocess.run(
        [sys.executable, "-m", "scripts", *args],
        cwd=ROOT,
        env={**base, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("site_url", [None, "", "http://127.0.0.1:8000/", "http://localhost:8000/", "http://[::1]/"])
def test_a_deployment_build_refuses_the_local_preview_and_writes_nothing(tmp_path: Path, site_url: str | None) -> None:
    env = {"DEPLOY": "true"} | ({"SITE_URL": site_url} if site_url is not None else {})
    result = run("build", "--no-pdf", "--site-dir", str(tmp_path / "site"), **env)
    assert result.returncode == 1
    assert "build for deployment refused" in result.stderr and "Fix: set SITE_URL" in result.stderr
    assert not (tmp_path / "site").exists()


def test_the_deploy_flag_is_the_same_as_deploy_true(tmp_path: Path) -> None:
    result = run("build", "--deploy", "--no-pdf", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1 and "SITE_URL is not set" in result.stderr


def test_a_public_address_is_accepted() -> None:
    assert check_deploy_address("https://example.org/manifesto/") == "https://example.org/manifesto/"
    with pytest.raises(DeployError, match="not an http"):
        check_deploy_address("file:///srv/site/")


def test_publish_check_lists_the_contact_placeholder_and_every_unverified_fact() -> None:
    result = run("publish-check")
    data = yaml.safe_load(MANIFESTO.read_text(encoding="utf-8"))
    sources = yaml.safe_load(SOURCES.read_text(encoding="utf-8"))
    assert data["contact"]["placeholder"], "the contact is no longer a placeholder: update this test"
    # A placeholder is left: exit 1, and the line names the file, the line and the fix.
    assert result.returncode == 1, result.stdout + result.stderr
    contact_line = next(n for n, line in enumerate(MANIFESTO.read_text().splitlines(), 1) if "email:" in line)
    assert (
        f"data/manifesto.yml:{contact_line}: placeholder: the contact address {data['contact']['email']}"
        in result.stdout
    )
    assert "security.txt" in result.stdout and "Fix: set contact.email" in result.stdout
    unverified = [(entry["id"], field) for entry in sources for field in entry.get("unverified", [])]
    assert unverified, "no source detail is unverified any more: update this test"
    for entry_id, field in unverified:
        assert f"source {entry_id}: its {field}" in result.stdout
    assert "the first publication's date" in result.stdout
    assert "block a deployment" in result.stdout


def test_allow_placeholders_lets_a_deployment_through_but_still_lists_them() -> None:
    result = run("publish-check", "--markdown", ALLOW_PLACEHOLDERS="true")
    assert result.returncode == 0
    assert "| placeholder |" in result.stdout and "allowed" in result.stdout


def settled(node: object) -> object:
    """The publisher's file with every placeholder given a value."""
    if isinstance(node, dict):
        if node.get("placeholder"):
            return {"value": node.get("proposed", "Given")}  # a legal basis: the one proposed
        return {key: settled(child) for key, child in node.items()}
    return node


def test_the_publishers_missing_facts_are_listed_with_their_line(tmp_path: Path) -> None:
    items = [item for item in items_to_settle(MANIFESTO, SOURCES, PUBLISHER) if item.path == PUBLISHER]
    assert items and {item.kind for item in items} == {PLACEHOLDER}
    lines = PUBLISHER.read_text(encoding="utf-8").splitlines()
    for item in items:
        assert "placeholder: true" in lines[item.line - 1], item


def test_nothing_blocks_once_every_placeholder_is_settled(tmp_path: Path) -> None:
    data = yaml.safe_load(MANIFESTO.read_text(encoding="utf-8"))
    data["contact"] = {"email": "press@example.net", "placeholder": False}
    data["repository"] = {"url": "https://github.com/owner/manifesto", "placeholder": False}
    data["first_publication"] |= {"verified": True, "date_verified": True}
    data["permission"] = {"given_by": ["A", "B"], "date": "2027-01-15", "uses": permission_uses(), "record": "kept"}
    manifesto = tmp_path / "manifesto.yml"
    manifesto.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    publisher = tmp_path / "publisher.yml"
    publisher.write_text(
        yaml.safe_dump(settled(yaml.safe_load(PUBLISHER.read_text(encoding="utf-8"))), allow_unicode=True),
        encoding="utf-8",
    )
    items = items_to_settle(manifesto, SOURCES, publisher)
    assert {item.kind for item in items} <= {UNVERIFIED, "unknown"} and PLACEHOLDER not in {i.kind for i in items}
    assert not any("first publication" in item.what for item in items)


def test_the_summary_shows_data_as_text_never_as_markup() -> None:
    item = Item(MANIFESTO, 1, PLACEHOLDER, "<img src=x> | [a](javascript:alert(1)) *b*", "fix")
    table = as_markdown([item], allowed=False)
    row = next(line for line in table.splitlines() if "manifesto.yml:1" in line)
    assert not re.search(r"(?<!\\)[<*]", row), "an unescaped < or * could make HTML or emphasis"
    assert not re.search(r"(?<!\\)[\[\]]", row), "an unescaped bracket could make a link"
    assert len(re.findall(r"(?<!\\)\|", row)) == 5, "a | from the data must not open a new cell"
