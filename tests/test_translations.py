"""Translations kept in step: missing pages, notes and paragraphs that differ, outdated pages.

These tests build small copies of the project in which a translation language is
switched on and its pages start as copies of the French ones.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts.site_data import ROOT, built_page, languages
from scripts.translations import all_states, failures_report, stamp, status_table, version_of

ORIGINAL = languages()[0]
TRANSLATION = languages(built_only=False)[-1]
FRONT_MATTER = re.compile(r"^---\n(.*?)\n---\n", re.S)
BLOCK = 'translation:\n  source: ""\n  status: unreviewed\n'


def copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(
        ROOT, project, ignore=shutil.ignore_patterns(".venv", "site", "node_modules", ".git", "*cache*", "reports")
    )
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for lang in languages(built_only=False)[1:]:
        shutil.rmtree(project / "docs" / lang, ignore_errors=True)
        build = "true" if lang == TRANSLATION else "false"
        text = re.sub(rf"(- locale: {lang}\n(?:\s+\w+: .*\n)*?\s+build: )\w+", rf"\g<1>{build}", text)
    config.write_text(text, encoding="utf-8")
    return project


def translate_by_copy(project: Path) -> None:
    """A stand-in translation: the French pages with a translation block, stamped."""
    source, target = project / "docs" / ORIGINAL, project / "docs" / TRANSLATION
    for page in source.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        text = FRONT_MATTER.sub(lambda m: f"---\n{m.group(1)}\n{BLOCK}---\n", text, count=1)
        out = target / page.relative_to(source)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        stamp(project / "docs", ORIGINAL, TRANSLATION, str(page.relative_to(source)))


def build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts.build", "--site-dir", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(project)},
        check=False,
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path)
    translate_by_copy(project)
    return project


def test_a_missing_translation_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    result = build(project)
    assert result.returncode != 0
    assert f"docs/{TRANSLATION}/conclusion.md: missing translation of docs/{ORIGINAL}/conclusion.md" in result.stderr
    assert not (project / "site" / "index.html").exists()


def test_a_complete_translation_builds_with_its_notice(project: Path) -> None:
    result = build(project)
    assert result.returncode == 0, result.stderr
    page = built_page(project / "site", TRANSLATION, "conclusion.md")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    assert soup.html["lang"] == TRANSLATION
    notice = soup.select_one("aside.mf-translation")
    assert notice is not None and notice.select_one("a")["href"] == "../../conclusion/"


def test_a_translation_with_other_notes_stops_the_build(project: Path) -> None:
    edit(project / "docs" / TRANSLATION / "arguments" / "1-deux-evidences-crues.md", "engagé[^1].", "engagé.")
    result = build(project)
    assert result.returncode != 0
    assert f"docs/{TRANSLATION}/arguments/1-deux-evidences-crues.md: footnotes differ" in result.stderr
    assert "calls ['2', '3'] vs ['1', '2', '3']" in result.stderr


def test_a_translation_with_merged_paragraphs_stops_the_build(project: Path) -> None:
    edit(project / "docs" / TRANSLATION / "conclusion.md", "productive.\n\nSi l’on", "productive. Si l’on")
    result = build(project)
    assert result.returncode != 0
    assert f"docs/{TRANSLATION}/conclusion.md: 6 paragraphs, but the original page has 7" in result.stderr


def test_a_changed_original_fails_the_check_until_marked_outdated(project: Path) -> None:
    docs = project / "docs"
    langs = [ORIGINAL, TRANSLATION]
    assert failures_report(all_states(docs, langs)) == ""
    edit(docs / ORIGINAL / "conclusion.md", "ni acceptable ni productive", "ni acceptable ni productive (modifié)")

    report = failures_report(all_states(docs, langs))
    assert report.startswith(f"docs/{TRANSLATION}/conclusion.md: stale (translates ")
    assert "add `outdated: true`" in report
    assert "| conclusion.md" in status_table(all_states(docs, langs))

    edit(docs / TRANSLATION / "conclusion.md", "  status: unreviewed\n", "  status: unreviewed\n  outdated: true\n")
    states = all_states(docs, langs)
    assert failures_report(states) == ""
    assert next(s for s in states if s.page == "conclusion.md").state == "outdated"
    result = build(project)
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup(built_page(project / "site", TRANSLATION, "conclusion.md").read_text("utf-8"), "lxml")
    assert soup.select_one("aside.mf-translation .mf-outdated") is not None

    stamp(docs, ORIGINAL, TRANSLATION, "conclusion.md")
    text = (docs / TRANSLATION / "conclusion.md").read_text(encoding="utf-8")
    assert "outdated" not in text and f'source: "{version_of(docs / ORIGINAL / "conclusion.md")}"' in text
    assert failures_report(all_states(docs, langs)) == ""
