"""A fifth language from files alone, as the README's "Adding a language" says, in a copy of the project.

Italian, its pages a copy of the English (marked as an unreviewed translation), is built without
PDFs: its pages, its place in every page's language switcher and hreflang alternates, its exports.
The language is never added to the project itself.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from projects import build_project, copy_project

from scripts.core.languages import default_language, languages

NEW, NAME, FROM = "it", "Italiano", "en"


def run_in(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(project)}
    return subprocess.run([sys.executable, *args], cwd=project, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("copy"))
    docs = project / "docs"
    # 1. Its folder: the strings and pages of a translation to start from, each page an unreviewed translation.
    shutil.copytree(docs / FROM, docs / NEW)
    for page in (docs / NEW).rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"(?m)^  status: \w+$", "  status: unreviewed", text), encoding="utf-8")
    # 2. One entry at the end of the languages in mkdocs.yml.
    config = project / "mkdocs.yml"
    entry = f"        - locale: {NEW}\n          name: {NAME}\n          build: true\n"
    text, count = re.subn(
        r"(      languages:\n(?:        .*\n)+)", lambda m: m.group(1) + entry, config.read_text("utf-8")
    )
    assert count == 1
    config.write_text(text, encoding="utf-8")
    # 3. Record which version of each French page the pages translate.
    stamped = run_in(project, "-m", "scripts", "translations", "stamp", NEW)
    assert stamped.returncode == 0, stamped.stderr
    built = build_project(project)
    assert built.returncode == 0, built.stderr
    return project


def page(site: Path, path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def test_the_new_language_has_every_page_in_its_language(project: Path) -> None:
    site = project / "site"
    source = sorted(p.relative_to(site / FROM) for p in (site / FROM).rglob("index.html"))
    built = sorted(p.relative_to(site / NEW) for p in (site / NEW).rglob("index.html"))
    assert built == source and len(built) > 15
    for path in built:
        soup = page(site, site / NEW / path)
        assert soup.html["lang"] == NEW, path
        if path.parent.name != "":  # every page but the home page is a translation of a French one
            assert soup.select_one("aside.mf-translation"), path


def test_every_page_offers_it_in_the_switcher_and_its_alternates(project: Path) -> None:
    site = project / "site"
    for path in [site / "index.html", site / "conclusion" / "index.html", site / "de" / "index.html"]:
        soup = page(site, path)
        option = soup.select_one(f"a.md-select__link[hreflang={NEW}]")
        assert option is not None and option.get_text(strip=True) == NAME, path
        alternate = soup.select_one(f"link[rel=alternate][hreflang={NEW}]")
        assert alternate is not None and f"/{NEW}/" in alternate["href"], path
    assert f"/{NEW}/conclusion/" in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_the_new_language_gets_its_exports_and_passes_the_translation_check(project: Path) -> None:
    site = project / "site"
    for export in ["cite/mahy-blairon-2021.bib", "cite/mahy-blairon-2021.ris", "cite/mahy-blairon-2021.json"]:
        assert (site / NEW / export).stat().st_size > 100, export
    assert f'xml:lang="{NEW}"' in (site / NEW / "feed.xml").read_text(encoding="utf-8")
    assert (site / NEW / "share.png").is_file()
    checked = run_in(project, "-m", "scripts", "translations", "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_project_itself_does_not_publish_it() -> None:
    assert NEW not in languages() and default_language() == "fr"
    assert not (Path(__file__).resolve().parent.parent / "docs" / NEW).exists()
