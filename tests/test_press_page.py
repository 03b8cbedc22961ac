"""The press page: the six arguments, key quotations with paragraph links, the facts, a contact."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts.core.languages import languages, mkdocs_config
from scripts.core.manifesto import manifesto, pdf_path
from scripts.core.pages import nav_sources

from conftest import page_path, paragraph_words, soup_file, soup_of
from test_site import ARGUMENTS


def test_press_page_lists_the_six_arguments_with_links(site: Path) -> None:
    links = soup_of(site, "fr", "presse.md").select("article ol.mf-press-arguments a")
    assert [a.get_text() for a in links] == list(ARGUMENTS.values())
    for a, src in zip(links, ARGUMENTS, strict=True):
        target = (page_path(site, "fr", "presse.md").parent / a["href"] / "index.html").resolve()
        assert target == page_path(site, "fr", src).resolve()


def test_key_quotations_are_the_paragraphs_they_link_to(site: Path) -> None:
    quotes = soup_of(site, "fr", "presse.md").select("article ul.mf-quotes > li")
    assert len(quotes) == len(manifesto()["key_quotes"])
    for item, wanted in zip(quotes, manifesto()["key_quotes"], strict=True):
        text = item.select_one("blockquote").get_text(" ", strip=True)
        assert text.startswith(wanted["starts"])
        href = item.select_one("p a")["href"]
        assert href.endswith(f"/#p{wanted['paragraph']}")
        page = (page_path(site, "fr", "presse.md").parent / href.split("#")[0] / "index.html").resolve()
        paragraph = soup_file(page).select_one(f"#p{wanted['paragraph']}")
        assert paragraph is not None and paragraph.get_text(" ", strip=True).startswith(wanted["starts"])


def test_facts_give_authors_first_publication_contact_and_version(site: Path) -> None:
    facts = soup_of(site, "fr", "presse.md").select_one("article dl.mf-press-facts")
    text = facts.get_text(" ", strip=True)
    assert "Christine Mahy et Jean Blairon" in text
    assert "RTA asbl, intermag.be, analyse n° 724, novembre 2021 [date non vérifiée]" in text
    hrefs = [a["href"] for a in facts.select("a")]
    publication = manifesto()["first_publication"]
    assert publication["url"] in hrefs and publication["pdf_url"] in hrefs
    # The contact is a stand-in until a real one is given: the page says so, and gives no link that
    # would send a journalist's message where nobody reads it.
    assert manifesto()["contact"]["placeholder"]
    assert manifesto()["contact"]["email"] in text
    assert not [href for href in hrefs if href.startswith("mailto:")]
    assert facts.select_one(".mf-placeholder").get_text().startswith("(adresse provisoire")
    assert [
        dd.get_text()
        for dt, dd in zip(facts.select("dt"), facts.select("dd"), strict=True)
        if dt.get_text() == "Version du texte"
    ] == [manifesto()["edition"]["version"]]


@pytest.mark.pdf
def test_the_pdf_is_linked_when_the_pdf_step_is_on(site: Path) -> None:
    facts = soup_of(site, "fr", "presse.md").select_one("article dl.mf-press-facts")
    links = [a["href"] for a in facts.select("a") if a["href"].endswith(".pdf") and "intermag" not in a["href"]]
    # The text's PDF first, then the print editions (leaflet, poster), each a file of the build.
    assert links[0] == f"../{pdf_path('fr')}" and len(links) == 3
    assert all((site / "presse" / link).resolve().is_file() for link in links)


def test_sources_and_press_pages_come_before_the_about_page(site: Path) -> None:
    order = list(nav_sources(mkdocs_config()["nav"]))
    assert order.index("sources.md") < order.index("presse.md") < order.index("a-propos.md")
    next_link = soup_of(site, "fr", "sources.md").select_one("a.md-footer__link--next")
    assert next_link["href"].rstrip("/").endswith("presse")
    assert soup_of(site, "fr", "sources.md").select_one("article h1").get_text(" ", strip=True).startswith("Sources")


def test_each_language_quotes_its_own_paragraph_n_word_for_word(site: Path) -> None:
    """The quotations are read from each language's Markdown: the words are those of the paragraph the
    quotation links to, on that language's built page."""
    for lang in languages():
        press = page_path(site, lang, "presse.md")
        quotes = soup_file(press).select("article ul.mf-quotes > li")
        assert len(quotes) == len(manifesto()["key_quotes"]), lang
        for item, wanted in zip(quotes, manifesto()["key_quotes"], strict=True):
            href = item.select_one("p a")["href"]
            paragraph = soup_file((press.parent / href.split("#")[0] / "index.html").resolve()).select_one(
                f"#p{wanted['paragraph']}"
            )
            quoted = " ".join(item.select_one("blockquote").get_text().split())
            assert quoted == paragraph_words(paragraph), (lang, wanted["paragraph"])


def test_the_home_and_press_pages_quote_a_paragraph_alike(site: Path) -> None:
    """The demand and the first key quotation are the same paragraph: the same characters on both pages,
    French no-break spaces included (« évolution » does not break after «)."""
    n = manifesto()["demand"]["paragraph"]
    assert manifesto()["key_quotes"][0]["paragraph"] == n
    for lang in languages():
        home = BeautifulSoup(page_path(site, lang, "index.md").read_text("utf-8"), "lxml")
        press = BeautifulSoup(page_path(site, lang, "presse.md").read_text("utf-8"), "lxml")
        demand = home.select_one(".mf-demand blockquote").get_text().strip()
        assert press.select_one("ul.mf-quotes blockquote").get_text().strip() == demand, lang
        if lang == "fr":
            assert "«\u00a0évolution\u00a0»" in demand
