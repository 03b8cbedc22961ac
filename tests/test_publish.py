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
from scripts.checks.publish import (
    INVALID,
    PLACEHOLDER,
    UNKNOWN,
    UNVERIFIED,
    WARNING,
    Item,
    as_markdown,
    blocking,
    items_to_settle,
    permission_uses,
)
from scripts.checks.publish_values import address_problem, enterprise_number_problem, value_items
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
    lines = MANIFESTO.read_text(encoding="utf-8").splitlines()
    contact_line = next(n for n, line in enumerate(lines, 1) if "email:" in line) + 1  # its `placeholder: true`
    assert lines[contact_line - 1].strip() == "placeholder: true"
    assert (
        f"data/manifesto.yml:{contact_line}: placeholder: the contact address {data['contact']['email']}"
        in result.stdout
    )
    assert "security.txt" in result.stdout
    assert "Fix: write the real one as contact.email, then delete the line `placeholder: true`" in result.stdout
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


GIVEN = {"enterprise_number": "0123.456.749", "date": "2026-11-25"}  # valid check digits; the changes' first day


def settled(node: object, key: str = "") -> object:
    """The publisher's file with every placeholder given a value."""
    if isinstance(node, dict):
        if node.get("placeholder"):
            return {"value": node.get("proposed", GIVEN.get(key, "Given"))}  # a legal basis: the one proposed
        return {name: settled(child, name) for name, child in node.items()}
    return node


def test_the_publishers_missing_facts_are_listed_with_their_line(tmp_path: Path) -> None:
    items = [item for item in items_to_settle(MANIFESTO, SOURCES, PUBLISHER) if item.path == PUBLISHER]
    assert items and {item.kind for item in items} == {PLACEHOLDER}
    lines = PUBLISHER.read_text(encoding="utf-8").splitlines()
    for item in items:
        assert "placeholder: true" in lines[item.line - 1], item


def test_nothing_blocks_once_every_placeholder_is_settled(tmp_path: Path) -> None:
    data = yaml.safe_load(MANIFESTO.read_text(encoding="utf-8"))
    data["contact"] = {"email": "press@association-of-the-test.be"}
    data["repository"] = {"url": "https://github.com/owner/manifesto"}
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
    assert not blocking(items), blocking(items)
    assert {item.kind for item in items} <= {UNVERIFIED, UNKNOWN, WARNING}
    assert not any("first publication" in item.what for item in items)


def test_the_summary_shows_data_as_text_never_as_markup() -> None:
    item = Item(MANIFESTO, 1, PLACEHOLDER, "<img src=x> | [a](javascript:alert(1)) *b*", "fix")
    table = as_markdown([item], allowed=False)
    row = next(line for line in table.splitlines() if "manifesto.yml:1" in line)
    assert not re.search(r"(?<!\\)[<*]", row), "an unescaped < or * could make HTML or emphasis"
    assert not re.search(r"(?<!\\)[\[\]]", row), "an unescaped bracket could make a link"
    assert len(re.findall(r"(?<!\\)\|", row)) == 5, "a | from the data must not open a new cell"


def test_an_enterprise_number_is_checked_by_its_check_digits() -> None:
    # 97 - (01234567 mod 97) = 49: the handbook's example 0123.456.789 is mistyped, 0123.456.749 is well formed.
    assert enterprise_number_problem("0123.456.749") is None
    assert enterprise_number_problem("BE 0123 456 749") is None
    assert "check digits" in (enterprise_number_problem("0123.456.789") or "")
    assert "ten digits" in (enterprise_number_problem("123.456.789") or "")


@pytest.mark.parametrize(
    "address",
    [
        "contact@example.org",
        "a@mail.example.com",
        "x@site.example",
        "https://example.be/",
        "http://localhost:8000/",
        "http://127.0.0.1/",
        "presse@asbl.invalid",
        "not-an@address",
    ],
)
def test_an_address_nobody_reads_is_refused(address: str) -> None:
    assert address_problem(address), address


@pytest.mark.parametrize(
    "address", ["presse@association-of-the-test.be", "https://github.com/owner/manifesto", "Namur"]
)
def test_a_real_looking_address_or_plain_text_passes(address: str) -> None:
    assert address_problem(address) is None


def settle_like_a_volunteer(
    tmp_path: Path, contact: str, launch: str = "2026-11-25", keep_comment: bool = False
) -> tuple[Path, Path]:
    """The data files edited as the handbook says: the value written, the `placeholder: true` line deleted."""
    text = MANIFESTO.read_text(encoding="utf-8")
    text = text.replace("email: contact@example.org\n  placeholder: true\n", f"email: {contact}\n")
    if keep_comment:
        text = text.replace("# Who answers the press", "# No contact has been given yet: a placeholder.\n# Who answers")
    manifesto = tmp_path / "manifesto.yml"
    manifesto.write_text(text, encoding="utf-8")
    publisher = tmp_path / "publisher.yml"
    data = yaml.safe_load(PUBLISHER.read_text(encoding="utf-8"))
    data = settled(data) | {"launch": {"date": {"value": launch}}}
    publisher.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return manifesto, publisher


def test_an_example_contact_marked_settled_blocks_even_when_placeholders_are_allowed(tmp_path: Path) -> None:
    manifesto, publisher = settle_like_a_volunteer(tmp_path, "contact@example.org")
    items = [i for i in items_to_settle(manifesto, SOURCES, publisher) if i.kind == INVALID]
    assert [i.what for i in items] == [
        "contact.email contact@example.org is on example.org, a name reserved for "
        "examples or this machine: nobody reads it"
    ]
    assert items[0].line == next(n for n, l in enumerate(manifesto.read_text().splitlines(), 1) if "email:" in l)
    assert blocking(items, allowed=True) == items


def test_the_launch_date_is_checked_against_the_changes_and_the_accessibility_statement(tmp_path: Path) -> None:
    manifesto, publisher = settle_like_a_volunteer(tmp_path, "presse@association-of-the-test.be", launch="2026-12-20")
    day = __import__("datetime").date(2026, 12, 21)
    items = value_items(manifesto, publisher, ROOT / "data" / "changes.yml", None, today=day)
    wrong = [i for i in items if i.kind == INVALID]
    changes = yaml.safe_load((ROOT / "data" / "changes.yml").read_text(encoding="utf-8"))
    assert {f"change {c['id']} is dated {c['date']}, before the site went online (2026-12-20)" for c in changes} <= {
        i.what for i in wrong
    }
    # Launched on the changes' own day: nothing is wrong; a year later the statement's review is due (a warning).
    manifesto, publisher = settle_like_a_volunteer(tmp_path, "presse@association-of-the-test.be")
    assert not value_items(manifesto, publisher, ROOT / "data" / "changes.yml", None, today=day)
    later = value_items(manifesto, publisher, ROOT / "data" / "changes.yml", None, today=day.replace(year=2028))
    assert [i.kind for i in later] == [WARNING] and "over a year ago" in later[0].what


def test_a_comment_that_still_calls_a_settled_value_a_placeholder_is_listed(tmp_path: Path) -> None:
    manifesto, publisher = settle_like_a_volunteer(tmp_path, "presse@association-of-the-test.be", keep_comment=True)
    items = value_items(manifesto, publisher, ROOT / "data" / "changes.yml", None)
    stale = [i for i in items if "a comment still calls contact" in i.what]
    assert len(stale) == 1 and "No contact has been given yet" in manifesto.read_text().splitlines()[stale[0].line - 1]


def test_a_public_address_with_a_path_is_a_warning_that_does_not_block(tmp_path: Path) -> None:
    manifesto, publisher = settle_like_a_volunteer(tmp_path, "presse@association-of-the-test.be")
    project_site = "https://owner.github.io/manifeste/"
    items = value_items(manifesto, publisher, ROOT / "data" / "changes.yml", project_site)
    (warning,) = [i for i in items if i.where() == "SITE_URL"]
    assert warning.kind == WARNING and "https://owner.github.io/robots.txt" in warning.what
    assert not blocking(items)
    assert not value_items(manifesto, publisher, ROOT / "data" / "changes.yml", "https://manifeste.test-asbl.be/")


def test_make_publish_check_exits_with_makes_own_code_and_the_command_with_its_own() -> None:
    """GNU make turns any failed recipe into its exit 2: the README documents both, as they are."""
    make = subprocess.run(
        ["make", "--no-print-directory", "-o", ".venv/.installed-from-lock", f"PY={sys.executable}", "publish-check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert make.returncode == 2 and "block a deployment" in make.stdout
    assert run("publish-check").returncode == 1
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`make publish-check` exits 0 when nothing blocks and 2 otherwise" in readme
