"""Internal links: linkchecker finds missing pages and files, scripts/checks/anchors.py missing anchors."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from projects import build_project, copy_project

from scripts.checks.anchors import check_anchors
from scripts.checks.links import check_internal
from scripts.core.languages import languages
from scripts.core.manifesto import pdf_path

from conftest import ROOT, line_of

# In a copy of the built site: (page, the link as built, the link planted in its place).
SAME_PAGE = ("conclusion/index.html", 'href="#p70"', 'href="#p999"')
CROSS_PAGE = ("conclusion/index.html", 'href="#p71"', 'href="../texte-integral/#p998"')
CROSS_LANGUAGE = ("nl/conclusion/index.html", '<a href="../../en/conclusion/"', '<a href="../../en/conclusion/#p997"')
MISSING_PAGE = (
    "conclusion/index.html",
    '<a href="../texte-integral/" class="md-footer__link',
    '<a href="../texte-disparu/" class="md-footer__link',
)


def plant(site: Path, page: str, built: str, planted: str) -> int:
    """Replace the first `built` of `page` by `planted`; the line it is on."""
    path = site / page
    html = path.read_text(encoding="utf-8")
    assert built in html, f"{page}: the site no longer has {built}: choose another link to break"
    html = html.replace(built, planted, 1)
    path.write_text(html, encoding="utf-8")
    return line_of(html, planted)


def links_command(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts", "check-links", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_built_site_has_no_broken_link_or_anchor(site: Path) -> None:
    assert check_internal(site) == []
    assert check_anchors(site) == []


def test_the_checks_catch_every_kind_of_broken_link(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    lines = {case: plant(copy, *case) for case in (SAME_PAGE, CROSS_PAGE, CROSS_LANGUAGE, MISSING_PAGE)}

    anchors = check_anchors(copy)
    assert {(p.page, p.line, p.link, p.message) for p in anchors} == {
        ("conclusion/index.html", lines[SAME_PAGE], "#p999", "no id 'p999' in this page"),
        (
            "conclusion/index.html",
            lines[CROSS_PAGE],
            "../texte-integral/#p998",
            "no id 'p998' in texte-integral/index.html",
        ),
        (
            "nl/conclusion/index.html",
            lines[CROSS_LANGUAGE],
            "../../en/conclusion/#p997",
            "no id 'p997' in en/conclusion/index.html",
        ),
    }
    assert check_anchors(copy) == anchors  # one pass over files, no threads: the same answer every time

    # The command: linkchecker's one missing page (with the page linking to it), then the anchors.
    command = links_command(copy)
    assert command.returncode == 1, command.stdout + command.stderr
    (missing,) = [line for line in command.stdout.splitlines() if "texte-disparu/" in line]
    assert re.search(rf"/conclusion/ \(line {lines[MISSING_PAGE]}\): \S+/texte-disparu/: 404", missing), missing
    for needle in ("#p999", "../texte-integral/#p998", "../../en/conclusion/#p997"):
        assert needle in command.stdout


def test_an_anchor_removed_from_its_page_is_reported_wherever_it_is_linked(site: Path, tmp_path: Path) -> None:
    """Links written by the hooks (note calls, the sources page's note links) are checked too."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    plant(copy, "texte-integral/index.html", 'id="fn:3"', 'id="fn-gone"')

    reported = {(p.page, p.link) for p in check_anchors(copy)}

    assert ("texte-integral/index.html", "#fn:3") in reported  # the note call on the same page
    assert ("sources/index.html", "../texte-integral/#fn:3") in reported
    assert {link for _, link in reported} <= {"#fn:3", "../texte-integral/#fn:3"}


@pytest.fixture(scope="module")
def site_without_pdfs(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (site / "pdf").exists():
        return site  # the session's build, when no selected test needs the PDFs (`make test-fast`)
    project = copy_project(tmp_path_factory.mktemp("no-pdf"))
    result = build_project(project, pdf=False)  # BUILD_PDF=false
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_a_build_without_pdfs_does_not_link_to_them(site: Path, site_without_pdfs: Path) -> None:
    assert not (site_without_pdfs / "pdf").exists()
    pdfs = [pdf_path(lang) for lang in languages()]
    for html in sorted(site_without_pdfs.rglob("*.html")):
        text = html.read_text(encoding="utf-8")
        assert not [pdf for pdf in pdfs if pdf in text], f"{html}: links to a PDF that was not made"
        assert "citation_pdf_url" not in text, html
    if site_without_pdfs != site:  # else test_built_site_has_no_broken_link_or_anchor checked this very site
        command = links_command(site_without_pdfs)
        assert command.returncode == 0, command.stdout + command.stderr
