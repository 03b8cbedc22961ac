"""Shared fixtures: the site is built once per test session, in a temporary folder."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from hypothesis import settings
from playwright.sync_api import Browser

from scripts.build import build_site
from scripts.checks.links import serve
from scripts.core.languages import built_page as page_path

from browser import chromium

# Property tests draw the same examples on every run (derandomize) and never fail for taking long on a
# loaded machine (no deadline): a test's verdict depends on the code alone.
settings.register_profile("project", derandomize=True, deadline=None)
settings.load_profile("project")

# The tools under test (zizmor, ruff, linkchecker, epubcheck…) print plain text whatever terminal or CI
# runs the suite: a runner that forces colour would otherwise put escape codes inside the lines the
# tests read. NO_COLOR is the common convention; the FORCE variables override it in some tools.
for _forcing in ("FORCE_COLOR", "CLICOLOR_FORCE", "PY_COLORS"):
    os.environ.pop(_forcing, None)
os.environ["NO_COLOR"] = "1"

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


# What a test needs beyond Python, as pytest markers (declared in pyproject.toml). `make test-fast`
# leaves these out; `make test` runs everything.
NEEDS = ("pdf", "browser", "java", "nginx")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that drives Chromium is marked `browser` by its fixture, so no marker can be forgotten."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def with_pdfs(request: pytest.FixtureRequest) -> bool:
    """Whether a selected test is marked `pdf`: builds make the PDFs only then (they take most of the time)."""
    return any(item.get_closest_marker("pdf") for item in request.session.items)


@pytest.fixture(scope="session")
def site(with_pdfs: bool, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once; with its PDFs when a selected test reads them."""
    site_dir = tmp_path_factory.mktemp("site")
    build_site(site_dir, pdf=with_pdfs)
    return site_dir


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


@functools.cache
def soup_file(path: Path) -> BeautifulSoup:
    """A built page as a reader sees its text: no-break spaces read as spaces (see test_typography).

    Shared by every test that reads the page: read it, never change it (copy what you must change)."""
    return BeautifulSoup(path.read_text(encoding="utf-8").replace("\u00a0", " "), "lxml")


def paragraph_words(paragraph: Tag) -> str:
    """A built paragraph's words as a reader quotes them: without its number's link and note calls."""
    kept = BeautifulSoup(str(paragraph), "lxml")
    for skipped in kept.select("a.mf-para-link, sup"):
        skipped.decompose()
    return " ".join(kept.get_text().replace("\u00a0", " ").split())


def soup_of(site: Path, lang: str, src: str) -> BeautifulSoup:
    return soup_file(page_path(site, lang, src))


def line_of(text: str, needle: str) -> int:
    """The 1-based line of `text` where `needle` first appears (for error messages that name a line)."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url
