"""HANDBOOK.md walked in a copy of the project, as a volunteer would: every placeholder settled as written,
publish-check with nothing to block, a deploy build with no local or example address, and a signature
added and withdrawn by the handbook's own command lines."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from projects import build_only
from test_signatories import issue_body

from scripts.checks.publish_values import enterprise_number_problem

from conftest import ROOT

HANDBOOK = (ROOT / "HANDBOOK.md").read_text(encoding="utf-8")
SITE_URL = "https://manifeste-asbl-du-test.be/"  # a deployment's address, never an example one
# What a volunteer writes for each placeholder of data/publisher.yml (values for this copy only).
GIVEN = {
    "name": "Association du test ASBL",
    "legal_form": "association sans but lucratif (ASBL)",
    "seat": "Rue du Test 1, 5000 Namur",
    "enterprise_number": "0123.456.749",
    "register": "RPM Liège, division Namur",
    "email_retention": "six mois",
    "issue_retention": "fermés et gardés comme trace publique de la demande",
    "email_provider": "Messagerie du test SRL, Belgique",
    "transfer_safeguard": "clauses contractuelles types de l’accord de traitement de GitHub",
}
NO_READER = re.compile(r"(?:https?://|@)[\w.-]*\bexample\.[a-z]+|https?://(?:localhost|127\.0\.0\.1)")


def handbook_line(prefix: str) -> str:
    """The one command line of the handbook that starts with `prefix`, inside backticks."""
    found = re.findall(r"`(" + re.escape(prefix) + r"[^`]*)`", HANDBOOK)
    assert len(found) == 1, f"HANDBOOK.md: {len(found)} lines start with {prefix!r}"
    return found[0]


def shell(project: Path, line: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(project.parent)}
    return subprocess.run(
        ["bash", "-c", line], cwd=project, env={**base, **env}, capture_output=True, text=True, check=False
    )


def settle_as_written(project: Path, launch: str) -> None:
    """Section 1's rule: write the fact in place, delete `placeholder: true` (and `hint:`)."""
    publisher = project / "data" / "publisher.yml"
    text = publisher.read_text(encoding="utf-8")

    def value(match: re.Match[str]) -> str:
        key, indent = match["key"], match["indent"]
        given = launch if key == "date" else GIVEN[key]
        return f'{match["head"]}{indent}value: "{given}"\n'

    text, count = re.subn(r"(?P<head>  (?P<key>\w+):\n)(?P<indent> +)placeholder: true\n +hint: .*\n", value, text)
    assert count == len(GIVEN) + 1
    # A legal basis the association confirms: the one proposed becomes the value.
    text = re.sub(
        r"(?P<indent> +)proposed: (?P<basis>\w+)\n +placeholder: true\n +hint: .*\n",
        r"\g<indent>value: \g<basis>\n",
        text,
    )
    assert not re.search(r"^ +placeholder: true", text, re.M)
    publisher.write_text(text, encoding="utf-8")
    manifesto = project / "data" / "manifesto.yml"
    text = manifesto.read_text(encoding="utf-8")
    text = text.replace(
        "email: contact@example.org\n  placeholder: true\n", "email: presse@manifeste-asbl-du-test.be\n"
    )
    text = text.replace(
        "url: https://github.com/example/manifesto\n  placeholder: true\n", "url: https://github.com/asbl/manifeste\n"
    )
    text = re.sub(
        r"permission:\n  placeholder: true\n  hint: .*\n",
        'permission:\n  given_by: [Christine Mahy, Jean Blairon]\n  date: "2026-12-01"\n'
        "  uses: [site, translations, pdf, cosigning, easy_read, epub, leaflet, poster]\n"
        "  record: lettre signée, archives de l’association\n",
        text,
    )
    assert "\n  placeholder: true" not in text
    manifesto.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from projects import copy_project

    copy = copy_project(tmp_path_factory.mktemp("handbook"))
    (copy / ".venv").symlink_to(Path(sys.prefix))  # the handbook's `.venv/bin/python`
    return copy


def test_the_handbook_example_of_an_enterprise_number_is_a_placeholder_not_a_number() -> None:
    assert "0XXX.XXX.XXX" in HANDBOOK and enterprise_number_problem(GIVEN["enterprise_number"]) is None


def test_a_volunteer_settles_every_placeholder_as_written_then_deploys_with_no_example_address(project: Path) -> None:
    # The launch is the day of the first change on record (the first edition's).
    first_day = min(re.findall(r'date: "(\d{4}-\d{2}-\d{2})"', (project / "data" / "changes.yml").read_text()))
    before = shell(project, ".venv/bin/python -m scripts publish-check")
    assert before.returncode == 1 and "placeholder:" in before.stdout
    settle_as_written(project, launch=first_day)
    after = shell(project, ".venv/bin/python -m scripts publish-check", SITE_URL=SITE_URL)
    assert after.returncode == 0, after.stdout + after.stderr
    assert not re.search(r": (placeholder|wrong): ", after.stdout), after.stdout
    built = shell(project, ".venv/bin/python -m scripts build --no-pdf", SITE_URL=SITE_URL, DEPLOY="true")
    assert built.returncode == 0, built.stderr[-3000:]
    files = [p for p in (project / "site").rglob("*") if p.suffix in {".html", ".xml", ".txt", ".json", ".csv"}]
    assert len(files) > 50
    found = {
        str(p.relative_to(project / "site")): m.group(0) for p in files if (m := NO_READER.search(p.read_text("utf-8")))
    }
    assert not found, found
    assert (
        "Contact: mailto:presse@manifeste-asbl-du-test.be"
        in (project / "site" / ".well-known" / "security.txt").read_text()
    )


def test_a_signature_added_and_withdrawn_by_the_handbooks_commands_appears_and_disappears(project: Path) -> None:
    (project / "body.md").write_text(issue_body(name="Le Maillon du test asbl"), encoding="utf-8")
    add = shell(project, handbook_line(".venv/bin/python -m scripts signatories add --issue body.md"))
    assert add.returncode == 0, add.stdout + add.stderr
    (added,) = (project / "data" / "signatories").glob("*.yml")
    assert "signed: '2026-12-01'" in added.read_text() or 'signed: "2026-12-01"' in added.read_text()
    assert shell(project, handbook_line(".venv/bin/python -m scripts signatories check")).returncode == 0
    page = project / "site" / "signataires" / "index.html"
    config = project / "mkdocs.yml"
    as_copied = config.read_text(encoding="utf-8")
    build_only(project, "fr")  # the French list is read; the copy is the module's: put back after
    try:
        assert shell(project, ".venv/bin/python -m scripts build --no-pdf").returncode == 0
        assert "Le Maillon du test asbl" in page.read_text(encoding="utf-8")
        withdraw = handbook_line(".venv/bin/python -m scripts signatories withdraw ID").replace(" ID", f" {added.stem}")
        assert shell(project, withdraw).returncode == 0 and not added.exists()
        assert shell(project, ".venv/bin/python -m scripts build --no-pdf").returncode == 0
        assert "Le Maillon du test asbl" not in page.read_text(encoding="utf-8")
    finally:
        config.write_text(as_copied, encoding="utf-8")
