"""Shared fixtures: the site is built once per test session, in a temporary folder."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts.build import build_site
from scripts.site_data import default_language, languages

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("site")
    build_site(site_dir)
    return site_dir


def language_dir(site: Path, lang: str) -> Path:
    """Where a language's pages are built: the default language at the root."""
    return site if lang == default_language() else site / lang


def page_path(site: Path, lang: str, src: str) -> Path:
    """The built HTML of docs/<lang>/<src> (e.g. 'arguments/x.md')."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return language_dir(site, lang) / "index.html"
    return language_dir(site, lang) / stem / "index.html"


@functools.cache
def soup_file(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def soup_of(site: Path, lang: str, src: str) -> BeautifulSoup:
    return soup_file(page_path(site, lang, src))


@pytest.fixture(scope="session")
def all_languages() -> list[str]:
    return languages()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


def serve_directory(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    server, url = serve_directory(site)
    yield url
    server.shutdown()
