"""Two builds of one commit, in two folders at two times, give byte-identical sites (PDFs included)."""

from __future__ import annotations

import gzip
import re
import struct
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from scripts.build import build_site

from conftest import ROOT

pytestmark = pytest.mark.pdf  # the second build makes the PDFs too, compared byte for byte


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (dot files too), by its path relative to it."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_a_second_build_elsewhere_later_is_byte_identical(site: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "another" / "folder"
    build_site(elsewhere)  # with PDFs, like the session's build, which ran earlier in another folder
    first, second = tree(site), tree(elsewhere)
    assert sorted(first) == sorted(second)
    assert ".well-known/security.txt" in first and any(name.endswith(".pdf") for name in first)
    differing = sorted(name for name in first if first[name] != second[name])
    assert not differing, f"differ between two builds of one commit: {differing}"


def test_the_sitemap_is_dated_from_the_last_commit_not_from_the_clock(site: Path) -> None:
    committed = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    day = datetime.fromtimestamp(int(committed), UTC).date()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {day.isoformat()}
    packed = (site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed).decode("utf-8") == sitemap
    (stamp,) = struct.unpack("<I", packed[4:8])  # the gzip header's MTIME field
    assert datetime.fromtimestamp(stamp, UTC).date() == day
