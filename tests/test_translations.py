"""Translations kept in step: missing pages, notes and paragraphs that differ, outdated pages.

These tests build small copies of the project in which a translation language is
switched on and its pages start as copies of the French ones.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from projects import build_project, copy_project, set_built, translate_by_copy

from scripts.core.languages import built_page, languages
from scripts.translations.status import all_states, failures_report, stamp, status_table, version_of

ORIGINAL = languages()[0]
TRANSLATION = languages(built_only=False)[-1]


def only_translation(tmp_path: Path) -> Path:
    """A copy in which TRANSLATION is the only translation built, and has no pages yet."""
    project = copy_project(tmp_path)
    for lang in languages(built_only=False)[1:]:
        shutil.rmtree(project / "docs" / lang, ignore_errors=True)
        set_built(project, lang, lang == TRANSLATION)
    return project


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = only_translation(tmp_path)
    translate_by_copy(project, TRANSLATION)
    return project


def test_a_missing_translation_stops_the_build(tmp_path: Path) -> None:
    project = only_translation(tmp_path)
    result = build_project(project)
    assert result.returncode != 0
    assert f"docs/{TRANSLATION}/conclusion.md: missing translation of docs/{ORIGINAL}/conclusion.md" in result.stderr
    assert not (project / "site" / "index.html").exists()


def test_a_complete_translation_builds_with_its_notice(project: Path) -> None:
    result = build_project(project)
    assert result.returncode == 0, result.stderr
    page = built_page(project / "site", TRANSLATION, "conclusion.md")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    assert soup.html["lang"] == TRANSLATION
    notice = soup.select_one("aside.mf-translation")
    assert notice is not None and notice.select_one("a")["href"] == "../../conclusion/"


def test_a_translation_with_other_notes_stops_the_build(project: Path) -> None:
    edit(project / "docs" / TRANSLATION / "arguments" / "1-deux-evidences-crues.md", "engagé[^1].", "engagé.")
    result = build_project(project)
    assert result.returncode != 0
    assert f"docs/{TRANSLATION}/arguments/1-deux-evidences-crues.md: footnotes differ" in result.stderr
    assert "calls ['2', '3'] vs ['1', '2', '3']" in result.stderr


def test_a_translation_with_merged_paragraphs_stops_the_build(project: Path) -> None:
    edit(project / "docs" / TRANSLATION / "conclusion.md", "productive.\n\nSi l’on", "productive. Si l’on")
    result = build_project(project)
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
    # The easy-to-read summary follows the text it summarises: it goes stale with it (tests/test_easy_read.py).
    assert failures_report(all_states(docs, langs)).startswith(f"docs/{TRANSLATION}/facile-a-lire.md: stale")
    edit(docs / TRANSLATION / "facile-a-lire.md", "  status: unreviewed\n", "  status: unreviewed\n  outdated: true\n")
    states = all_states(docs, langs)
    assert failures_report(states) == ""
    assert next(s for s in states if s.page == "conclusion.md").state == "outdated"
    result = build_project(project)
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup(built_page(project / "site", TRANSLATION, "conclusion.md").read_text("utf-8"), "lxml")
    assert soup.select_one("aside.mf-translation .mf-outdated") is not None

    stamp(docs, ORIGINAL, TRANSLATION, "conclusion.md")
    stamp(docs, ORIGINAL, TRANSLATION, "facile-a-lire.md")
    text = (docs / TRANSLATION / "conclusion.md").read_text(encoding="utf-8")
    assert "outdated" not in text and f'source: "{version_of(docs / ORIGINAL / "conclusion.md")}"' in text
    assert failures_report(all_states(docs, langs)) == ""
