"""Copies of the project, for tests that change its content or configuration and build it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from scripts.core.build_date import build_epoch
from scripts.core.languages import languages
from scripts.core.paths import ROOT
from scripts.core.strings import INTERFACE
from scripts.translations.status import stamp

# Build output and tools at the project's top only (scripts/ is code), caches anywhere.
TOP_LEVEL_IGNORED = {".venv", "site", "node_modules", ".git", "reports"}
CACHES = shutil.ignore_patterns("*cache*")


def ignored(directory: str, names: list[str]) -> set[str]:
    top = {n for n in names if n in TOP_LEVEL_IGNORED} if Path(directory) == ROOT else set()
    return top | set(CACHES(directory, names))


FRONT_MATTER = re.compile(r"^---\n(.*?)\n---\n", re.S)
TRANSLATION_BLOCK = 'translation:\n  source: ""\n  status: unreviewed\n'


def copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=ignored)
    return project


def build_project(
    project: Path, site_dir: Path | None = None, *, pdf: bool = False
) -> subprocess.CompletedProcess[str]:
    """`python -m scripts build` in the copy; PDFs only when asked (they take time and a date)."""
    command = [sys.executable, "-m", "scripts", "build", "--site-dir", str(site_dir or project / "site")]
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(project)}
    if pdf:
        # The copy is no git checkout: dated like the project it copies, so that its data's dates (a
        # signatory's, checked against the build's day) are not in the future.
        env["SOURCE_DATE_EPOCH"] = str(build_epoch() or 1700000000)
    else:
        command.append("--no-pdf")
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, check=False)


def set_built(project: Path, lang: str, built: bool) -> None:
    """Switch a declared language's `build:` in the copy's mkdocs.yml."""
    config = project / "mkdocs.yml"
    text, count = re.subn(
        rf"(- locale: {lang}\n(?:\s+\w+: .*\n)*?\s+build: )\w+",
        rf"\g<1>{str(built).lower()}",
        config.read_text("utf-8"),
    )
    assert count == 1, f"mkdocs.yml: no `build:` for {lang}"
    config.write_text(text, encoding="utf-8")


def build_only(project: Path, *langs: str) -> None:
    """Build only these languages in the copy (`build: false` for the others): for a test that reads
    the pages of one or two languages, a build in half the time or less."""
    for lang in languages():
        if lang not in langs:
            set_built(project, lang, False)


def add_language(project: Path, lang: str, name: str) -> None:
    """Declare a new language as the README says: one line in mkdocs.yml, its strings, its pages."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "      languages:\n", f"      languages:\n        - {{locale: {lang}, name: {name}, build: true}}\n", 1
    )
    config.write_text(text, encoding="utf-8")
    translate_by_copy(project, lang)


def translate_by_copy(project: Path, lang: str) -> None:
    """A stand-in translation: the original's pages with a translation block, stamped."""
    original = languages()[0]
    source, target = project / "docs" / original, project / "docs" / lang
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    shutil.copy(source / INTERFACE, target / INTERFACE)  # the interface strings, to be translated too
    for page in source.rglob("*.md"):
        text = FRONT_MATTER.sub(
            lambda m: f"---\n{m.group(1)}\n{TRANSLATION_BLOCK}---\n", page.read_text(encoding="utf-8"), count=1
        )
        out = target / page.relative_to(source)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        stamp(project / "docs", original, lang, str(page.relative_to(source)))
