"""Paragraph numbers: unique, continuous, the same on a part page and on the whole text."""

from __future__ import annotations

from pathlib import Path

from bs4 import Tag

from conftest import soup_of
from test_site import READING_ORDER

PART_PAGES = READING_ORDER[:8]


def numbered(site: Path, src: str) -> list[Tag]:
    return soup_of(site, "fr", src).select("article p.mf-para")


def text_of(p: Tag) -> str:
    return p.get_text(" ", strip=True).removesuffix("¶").strip()


def test_whole_text_paragraphs_are_numbered_from_one_without_gaps(site: Path) -> None:
    paragraphs = numbered(site, "texte-integral.md")
    assert len(paragraphs) > 70
    assert [p["id"] for p in paragraphs] == [f"p{n}" for n in range(1, len(paragraphs) + 1)]
    numbers = [p.select_one("a.mf-para-link")["data-para"] for p in paragraphs]
    assert numbers == [str(n) for n in range(1, len(paragraphs) + 1)]


def test_part_pages_continue_the_numbering_in_reading_order(site: Path) -> None:
    ids = [p["id"] for src in PART_PAGES for p in numbered(site, src)]
    assert ids == [f"p{n}" for n in range(1, len(ids) + 1)]
    assert len(ids) == len(numbered(site, "texte-integral.md"))


def test_same_number_same_paragraph_on_part_and_whole_text(site: Path) -> None:
    whole = {p["id"]: text_of(p) for p in numbered(site, "texte-integral.md")}
    for src in PART_PAGES:
        paragraphs = numbered(site, src)
        assert paragraphs, f"{src}: no numbered paragraph"
        for p in paragraphs:
            assert text_of(p) == whole[p["id"]], (src, p["id"])


def test_each_paragraph_links_to_itself(site: Path) -> None:
    for src in [*PART_PAGES, "texte-integral.md"]:
        soup = soup_of(site, "fr", src)
        ids = [el["id"] for el in soup.select("[id]")]
        assert len(ids) == len(set(ids)), f"{src}: duplicate ids"
        paragraphs = numbered(site, src)
        assert paragraphs, f"{src}: no numbered paragraph"
        for p in paragraphs:
            link = p.select_one("a.mf-para-link")
            assert link is not None and link["href"] == f"#{p['id']}" and link["data-para"] == p["id"][1:]
            assert p.contents[0] is link and link.get_text() == "", "the number (drawn by CSS) starts the paragraph"
            assert link["aria-label"] == f"Paragraphe {p['id'][1:]}"


def test_byline_and_notes_are_not_numbered(site: Path) -> None:
    """The authors' names and the notes' text are shown, without a paragraph number or self-link."""
    article = soup_of(site, "fr", "texte-integral.md").select_one("article")
    bylines = article.select("p.byline")
    assert len(bylines) == 1, "the authors' names are not shown once above the text"
    byline = bylines[0]
    assert byline.get_text(strip=True) == "Christine Mahy et Jean Blairon"
    notes = article.select("div.footnote p")
    assert len(notes) >= 9  # one paragraph or more for each of the nine notes
    for p in [byline, *notes]:
        assert "mf-para" not in p.get("class", []) and not p.has_attr("data-para"), p.get_text()[:60]
        assert p.select("a.mf-para-link") == [], p.get_text()[:60]
