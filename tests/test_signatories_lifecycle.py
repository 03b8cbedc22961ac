"""After signing: an organisation corrects its entry (same routes, same checks), or withdraws, and every
current output follows (pages, home count, exports, badge page, PDF appendix)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from projects import build_project, copy_project
from pypdf import PdfReader
from test_signatories import FIXTURES, issue_body

from scripts.core.load import DataError
from scripts.core.paths import ROOT
from scripts.signatories.intake import InputError, add
from scripts.signatories.records import signatories


def correct(folder: Path, **answers: str) -> Path:
    return add(
        issue_body(**answers),
        "issue",
        "2026-03-01",
        "statement_on_website",
        "2026-03-02",
        folder=folder,
        lang="fr",
        correct=True,
    )


@pytest.fixture
def listed(tmp_path: Path) -> Path:
    add(
        issue_body(statement="Nous signons."),
        "issue",
        "2026-01-01",
        "phone_call_to_office",
        "2026-01-02",
        folder=tmp_path,
        lang="fr",
    )
    return tmp_path


def test_an_organisation_corrects_its_entry_through_the_same_form(listed: Path) -> None:
    path = correct(listed, name="Le Maillon", city="Namur-Jambes", website="https://www.le-maillon.example/")
    assert path == listed / "le-maillon.yml"  # the same file: its id and its address on the list stay
    [record] = signatories(listed)
    assert record["name"] == "Le Maillon" and record["city"] == "Namur-Jambes"
    # A correction does not sign again: the day and the version signed stay; the verification is this one.
    assert record["signed"] == "2026-01-01" and record["version"] == "1.0"
    assert record["verification"] == {"method": "statement_on_website", "date": "2026-03-02"}
    assert "statement" not in record  # the whole entry is sent again: a statement left out is removed


def test_a_correction_gets_every_check_of_a_signature(listed: Path) -> None:
    before = (listed / "le-maillon.yml").read_text("utf-8")
    with pytest.raises(InputError, match="personal data"):
        correct(listed, statement="Écrivez à marie@le-maillon.example")
    with pytest.raises(InputError, match="alphabets"):
        correct(listed, name="Le Mаillon")  # a Cyrillic а
    assert (listed / "le-maillon.yml").read_text("utf-8") == before


def test_only_the_listed_website_corrects_an_entry_and_never_takes_another_s_name(listed: Path) -> None:
    add(
        issue_body(name="Autre Lien", website="https://autre-lien.example/"),
        "issue",
        "2026-01-03",
        "phone_call_to_office",
        "2026-01-04",
        folder=listed,
        lang="fr",
    )
    # Another site with a listed name is another organisation, not a correction: refused, with the rule.
    with pytest.raises(InputError, match=r"has already signed.*must give the same website"):
        correct(listed, name="Le Maillon", website="https://maillon-namur.example/")
    # The listed site taking another listed organisation's name: refused.
    with pytest.raises(InputError, match="another listed organisation's"):
        correct(listed, name="Autre Lien asbl")
    # Without --correct, a second submission of a listed site is still refused.
    with pytest.raises(InputError, match="has already signed"):
        add(issue_body(), "issue", "2026-03-01", "phone_call_to_office", "2026-03-02", folder=listed, lang="fr")
    assert len(signatories(listed)) == 2


def test_the_command_says_corrected(listed: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    body = tmp_path_factory.mktemp("body") / "body.md"
    body.write_text(issue_body(city="Jambes"), encoding="utf-8")
    command = [sys.executable, "-m", "scripts", "signatories", "--folder", str(listed), "add", "--issue", str(body)]
    command += ["--lang", "fr", "--signed", "2026-03-01", "--verified-by", "phone_call_to_office", "--correct"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("corrected ") and result.stdout.strip().endswith("le-maillon.yml")
    assert signatories(listed)[0]["city"] == "Jambes"


def outputs(site: Path) -> dict[str, str]:
    """What a reader or a machine gets about the signatories, as text."""
    pages = {f"{prefix}signataires": site / prefix / "signataires" / "index.html" for prefix in ("", "en/")}
    texts = {name: BeautifulSoup(path.read_text("utf-8"), "lxml").get_text(" ") for name, path in pages.items()}
    texts["json"] = (site / "signatories.json").read_text("utf-8")
    texts["csv"] = (site / "signatories.csv").read_text("utf-8")
    for pdf in sorted((site / "pdf").glob("*.pdf")):
        texts[pdf.name] = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    return texts


@pytest.mark.pdf
def test_a_withdrawn_signatory_leaves_every_current_output(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    for fixture in FIXTURES.glob("*.yml"):
        shutil.copy(fixture, project / "data" / "signatories")
    site = project / "site"
    assert build_project(project, site, pdf=True).returncode == 0
    before = outputs(site)
    assert len([name for name in before if name.endswith(".pdf")]) == 4
    for name, text in before.items():
        assert "Zorgnetwerk Antwerpen" in text, name
    assert json.loads(before["json"])["count"] == 3
    assert "3 organisations ont cosigné le manifeste." in (site / "index.html").read_text("utf-8")

    withdrawn = subprocess.run(
        [sys.executable, "-m", "scripts", "signatories", "withdraw", "zorgnetwerk"],
        cwd=project,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(project)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert withdrawn.returncode == 0, withdrawn.stderr
    shutil.rmtree(site)
    assert build_project(project, site, pdf=True).returncode == 0
    after = outputs(site)
    assert after.keys() == before.keys()
    for name, text in after.items():
        assert "Zorgnetwerk" not in text and "zorgnetwerk" not in text, name
        assert "Solidarität Ostbelgien" in text, name  # the others stay
    assert json.loads(after["json"])["count"] == 2
    assert "2 organisations ont cosigné le manifeste." in (site / "index.html").read_text("utf-8")
    # Nothing else in the site names it either (feeds, badge page, citations, sitemap).
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".csv", ".txt", ".svg"}:
            assert "zorgnetwerk" not in path.read_text("utf-8", errors="replace").casefold(), path


def test_a_correction_refuses_a_file_that_does_not_check(listed: Path) -> None:
    (listed / "le-maillon.yml").write_text("name: [broken\n", encoding="utf-8")
    with pytest.raises(DataError):
        correct(listed, city="Jambes")
