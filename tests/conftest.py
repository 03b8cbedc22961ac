"""Shared fixtures: the site is built once per test session, in a temporary folder."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts.build import build_site
from scripts.checks.links import serve
from scripts.core.languages import built_page as page_path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("site")
    build_site(site_dir)
    return site_dir


@functools.cache
def soup_file(path: Path) -> BeautifulSoup:
    """A built page as a reader sees its text: no-break spaces read as spaces (see test_typography).

    Shared by every test that reads the page: read it, never change it (copy what you must change)."""
    return BeautifulSoup(path.read_text(encoding="utf-8").replace("\u00a0", " "), "lxml")


def soup_of(site: Path, lang: str, src: str) -> BeautifulSoup:
    return soup_file(page_path(site, lang, src))


def line_of(text: str, needle: str) -> int:
    """The 1-based line of `text` where `needle` first appears (for error messages that name a line)."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url
