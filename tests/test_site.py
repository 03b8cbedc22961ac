"""The French site: pages, titles, reading order, credit, whole text."""

from __future__ import annotations

import itertools
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.core.languages import mkdocs_config
from scripts.core.pages import nav_sources

from conftest import ROOT, page_path, soup_file, soup_of

ARGUMENTS = {
    "arguments/1-deux-evidences-crues.md": "Deux évidences crues",
    "arguments/2-democratie-culturelle.md": "Le travail social est un travail de démocratie culturelle",
    "arguments/3-champ-obscur-et-obscurci.md": "Le champ du travail social est un champ obscur et obscurci",
    "arguments/4-acceptation-de-la-difference.md": (
        "Le travail social en distanciel n’aidera pas à faire progresser l’acceptation de la différence"
    ),
    "arguments/5-au-nom-de-l-efficacite.md": "Au nom de l’efficacité",
    "arguments/6-illusions-de-la-digitalisation.md": "Les illusions de la digitalisation",
}
# The text first, then the pages about it; the other pages follow in the order of the nav in mkdocs.yml.
TEXT_ORDER = ["index.md", *ARGUMENTS, "conclusion.md", "texte-integral.md"]
READING_ORDER = list(nav_sources(mkdocs_config()["nav"]))


def h1(site: Path, src: str) -> str:
    heading = soup_of(site, "fr", src).select_one("article h1")
    assert heading is not None, f"{src}: no h1"
    return heading.get_text(" ", strip=True).removesuffix("¶").strip()


def test_every_argument_page_exists_with_its_title(site: Path) -> None:
    for src, title in ARGUMENTS.items():
        assert page_path(site, "fr", src).is_file(), src
        assert h1(site, src) == title
    assert h1(site, "index.md") == "Pourquoi il faut refuser l’exercice du travail social en distanciel"
    assert h1(site, "conclusion.md") == "Conclusion"


def test_arguments_say_their_rank(site: Path) -> None:
    for rank, src in enumerate(ARGUMENTS, start=1):
        kicker = soup_of(site, "fr", src).select_one(".mf-kicker")
        assert kicker is not None and kicker.get_text(strip=True) == f"Raison {rank} sur 6"


def test_previous_and_next_links_follow_the_reading_order(site: Path) -> None:
    assert READING_ORDER[: len(TEXT_ORDER)] == TEXT_ORDER and "a-propos.md" in READING_ORDER
    for before, after in itertools.pairwise(READING_ORDER):
        next_link = soup_of(site, "fr", before).select_one("a.md-footer__link--next")
        prev_link = soup_of(site, "fr", after).select_one("a.md-footer__link--prev")
        assert next_link is not None and prev_link is not None, (before, after)
        target = (page_path(site, "fr", before).parent / next_link["href"]).resolve()
        assert (
            target / "index.html" == page_path(site, "fr", after).resolve()
            or target == page_path(site, "fr", after).resolve()
        )
        back = (page_path(site, "fr", after).parent / prev_link["href"]).resolve()
        assert page_path(site, "fr", before).resolve() in (back, back / "index.html")


def test_home_page_leads_to_the_six_arguments(site: Path) -> None:
    links = soup_of(site, "fr", "index.md").select("nav.mf-toc ol a")
    assert [a.get_text(strip=True) for a in links] == list(ARGUMENTS.values())


def test_whole_text_page_holds_every_part_in_order(site: Path) -> None:
    whole = soup_of(site, "fr", "texte-integral.md").select_one("article")
    headings = [h.get_text(" ", strip=True).removesuffix("¶").strip() for h in whole.select("h2:not(.mf-share h2)")]
    assert headings == ["Introduction", *ARGUMENTS.values(), "Conclusion"]
    whole_text = whole.get_text(" ", strip=True)
    for src in READING_ORDER[:8]:
        paragraphs = soup_of(site, "fr", src).select("article p.mf-para")
        assert paragraphs, f"{src}: no numbered paragraph"
        for p in paragraphs:
            assert p.get_text(" ", strip=True) in whole_text


def test_every_page_credits_the_authors_and_first_publication(site: Path) -> None:
    for html in site.rglob("*.html"):
        credit = soup_file(html).select_one("footer .md-copyright")
        assert credit is not None, html
        footer = credit.get_text(" ", strip=True)
        assert "Christine Mahy" in footer and "Jean Blairon" in footer, html
        assert "RTA asbl" in footer and "724" in footer, html
    assert "Texte de Christine Mahy et Jean Blairon" in soup_file(site / "404.html").select_one("footer").get_text()


def test_about_page_lists_the_three_slips_and_flags_unverified_facts(site: Path) -> None:
    text = soup_of(site, "fr", "a-propos.md").select_one("article").get_text(" ", strip=True)
    for slip in ("une une compréhension", "tordre le coup", "tâtillons"):
        assert f"« {slip} »" in text
    assert "non vérifiés" in text


@pytest.mark.skipif(shutil.which("unshare") is None, reason="unshare (util-linux) is not installed")
def test_the_build_makes_no_network_access(tmp_path: Path, with_pdfs: bool) -> None:
    """Built in a network namespace with no interface up: any fetch (fonts, plugins) would fail."""
    probe = subprocess.run(["unshare", "--net", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"cannot make a network namespace here: {probe.stderr.decode().strip()}")
    # With the PDFs when the session makes them (`make test`); `make test-fast` checks the pages' build.
    command = ["unshare", "--net", sys.executable, "-m", "scripts", "build", "--site-dir", str(tmp_path / "site")]
    result = subprocess.run(
        command if with_pdfs else [*command, "--no-pdf"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "site" / "index.html").is_file()
