"""French spacing: no line break between « and its word, or before ; : ! ?"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from scripts.text.typography import NBSP, tie

from conftest import page_path


def test_spaces_inside_guillemets_and_before_signs_do_not_break() -> None:
    assert (
        tie("le « champ » : oui ; non ! quoi ?") == f"le «{NBSP}champ{NBSP}»{NBSP}: oui{NBSP}; non{NBSP}! quoi{NBSP}?"
    )
    assert tie("https://example.org/a?b=1 et 10:30") == "https://example.org/a?b=1 et 10:30"


def test_built_pages_keep_guillemets_with_their_words(site: Path) -> None:
    html = page_path(site, "fr", "arguments/3-champ-obscur-et-obscurci.md").read_text(encoding="utf-8")
    text = BeautifulSoup(html, "lxml").select_one("#p20").get_text()
    assert f"«{NBSP}champ{NBSP}»" in text
    assert "« " not in text and " »" not in text


def test_an_elided_article_stays_with_the_guillemet_it_precedes() -> None:
    # The authors write « d’ « élémentaire » »: a line never ends on « d’ ».
    assert tie("social d’ « élémentaire »") == f"social d’{NBSP}«{NBSP}élémentaire{NBSP}»"
    assert tie("qu’ « il » et l' « autre »") == f"qu’{NBSP}«{NBSP}il{NBSP}» et l'{NBSP}«{NBSP}autre{NBSP}»"
    # Not after any apostrophe: only an elided word (d’, l’, qu’…), not a closing quote.
    assert tie("les pays’ « x »") == f"les pays’ «{NBSP}x{NBSP}»"


def test_built_pages_keep_an_elided_article_with_its_guillemet(site: Path) -> None:
    html = page_path(site, "fr", "index.md").read_text(encoding="utf-8")
    text = BeautifulSoup(html, "lxml").get_text()
    assert f"d’{NBSP}«{NBSP}élémentaire" in text
