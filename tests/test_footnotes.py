"""Footnotes show their original number everywhere; calls and back-links resolve."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from scripts.core.strings import strings
from scripts.text.footnotes import renumber_soup

from conftest import soup_of

NOTES_BY_PAGE = {
    "arguments/1-deux-evidences-crues.md": ["1", "2", "3"],
    "arguments/3-champ-obscur-et-obscurci.md": ["4", "5", "6", "7", "8"],
    "arguments/6-illusions-de-la-digitalisation.md": ["9"],
    "texte-integral.md": [str(n) for n in range(1, 10)],
}


def calls_and_notes(site: Path, src: str) -> tuple[list[str], list[str]]:
    soup = soup_of(site, "fr", src)
    calls = [a.get_text(strip=True) for a in soup.select("article sup a.footnote-ref")]
    notes = [li["value"] for li in soup.select("article div.footnote li")]
    return calls, notes


@pytest.mark.parametrize("src", NOTES_BY_PAGE)
def test_notes_carry_their_original_number(site: Path, src: str) -> None:
    calls, notes = calls_and_notes(site, src)
    assert calls == NOTES_BY_PAGE[src]
    assert notes == NOTES_BY_PAGE[src]


@pytest.mark.parametrize("src", NOTES_BY_PAGE)
def test_each_call_links_to_its_note_and_back(site: Path, src: str) -> None:
    soup = soup_of(site, "fr", src)
    calls = soup.select("article sup a.footnote-ref")
    assert len(calls) == len(NOTES_BY_PAGE[src])
    for call in calls:
        number = call.get_text(strip=True)
        note = soup.find(id=call["href"].removeprefix("#"))
        assert note is not None and note.name == "li" and note["value"] == number
        back = note.select_one("a.footnote-backref")
        assert back is not None and soup.find(id=back["href"].removeprefix("#")) is call.parent
        assert back["title"] == f"Revenir à l’appel de la note {number}"


def test_there_are_nine_notes_in_all(site: Path) -> None:
    calls, notes = calls_and_notes(site, "texte-integral.md")
    assert len(calls) == len(notes) == 9


def fake_page(src: str = "fr/test.md") -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src))


def test_a_call_without_its_note_stops_the_build() -> None:
    html = '<p>Texte<sup id="fnref:7"><a class="footnote-ref" href="#fn:7">1</a></sup></p>'
    with pytest.raises(PluginError, match=r"fr/test\.md: footnote calls and notes do not match .*7"):
        renumber_soup(BeautifulSoup(html, "html.parser"), fake_page(), strings("fr"))


def test_a_note_label_that_is_not_its_number_stops_the_build() -> None:
    html = '<p>Texte<sup id="fnref:hicter"><a class="footnote-ref" href="#fn:hicter">1</a></sup></p>'
    with pytest.raises(PluginError, match=r"\[\^hicter\].*Fix: write the note as \[\^N\]"):
        renumber_soup(BeautifulSoup(html, "html.parser"), fake_page(), strings("fr"))


def test_an_undefined_call_left_as_text_stops_the_build() -> None:
    with pytest.raises(PluginError, match=r"'\[\^10\]' has no note"):
        renumber_soup(BeautifulSoup("<p>Texte[^10].</p>", "html.parser"), fake_page(), strings("fr"))
