"""Internal links and anchors of the built site, checked by linkchecker over loopback."""

from __future__ import annotations

import shutil
from pathlib import Path

from scripts.checks.links import check_internal


def test_built_site_has_no_broken_link_or_anchor(site: Path) -> None:
    assert check_internal(site) == []


def test_the_check_catches_a_broken_link_and_a_broken_anchor(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "conclusion" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert 'href="../texte-integral/"' in html and 'href="#p70"' in html
    html = html.replace('href="../texte-integral/"', 'href="../texte-disparu/"', 1)
    html = html.replace('href="#p70"', 'href="../texte-integral/#p999"', 1)
    page.write_text(html, encoding="utf-8")

    problems = check_internal(copy)

    assert {(p.url.rsplit("/", 2)[-2] + "/" + p.url.rsplit("/", 1)[-1]) for p in problems} == {
        "texte-disparu/",
        "texte-integral/#p999",
    }
    assert all(p.parent.endswith("/conclusion/") for p in problems)
    missing_page = next(p for p in problems if "texte-disparu" in p.url)
    assert "404" in missing_page.message
    missing_anchor = next(p for p in problems if "#p999" in p.url)
    assert "Anchor" in missing_anchor.message
