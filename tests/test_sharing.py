"""Sharing as a reader does it: a paragraph's own address, the site's pages named for what they are."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from playwright.sync_api import Browser, expect

from scripts.core.languages import built_page, languages
from scripts.core.manifesto import author_names, text_title
from scripts.core.strings import strings
from scripts.share.image import card_of, font, wrapped
from scripts.signatories.page import BADGE_PADDING, badge_svg
from scripts.text.typography import NBSP

from conftest import soup_file

LANGUAGES = languages()
WHOLE_TEXT = "texte-integral.md"
SITE_PAGES = ["signer.md", "presse.md", "sources.md", "signataires.md", "a-propos.md"]
# Waits are on conditions; this only bounds a failure (tests/test_browser.py says why).
TIMEOUT_MS = 120_000
expect.set_options(timeout=TIMEOUT_MS)


def test_sharing_after_tapping_a_paragraph_number_shares_that_paragraph(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800})
    context.set_default_timeout(TIMEOUT_MS)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "texte-integral/#p56", wait_until="load")
    page_address = page.locator("#mf-share").get_attribute("data-url")
    assert page_address and page_address.endswith("/texte-integral/")
    # Arriving with a paragraph in the address: every link carries it, and the reader sees which address.
    expect(page.locator(".mf-share-address")).to_have_text(page_address + "#p56")
    expect(page.locator("a.mf-share-copy")).to_have_attribute("href", page_address + "#p56")
    hrefs = page.locator("a.mf-share-link").evaluate_all("links => links.map(a => a.href)")
    assert len(hrefs) >= 6
    assert all(quote(page_address + "#p56", safe="") in href for href in hrefs), hrefs
    # Tapping another paragraph's number: the links follow it.
    page.locator("#p12 a.mf-para-link").click()
    expect(page.locator(".mf-share-address")).to_have_text(page_address + "#p12")
    whatsapp = page.locator('a.mf-share-link[data-service="whatsapp"]').get_attribute("href") or ""
    assert unquote(whatsapp).endswith(" " + page_address + "#p12")
    shared = re.compile(re.escape(" " + page_address + "#p12") + "$")
    expect(page.locator(".mf-mastodon textarea")).to_have_value(shared)
    # The copy button copies that address and says so.
    page.locator("a.mf-share-copy").click()
    expect(page.locator("a.mf-share-copy")).to_have_text(strings("fr")["share_copied"])
    assert page.evaluate("navigator.clipboard.readText()") == page_address + "#p12"
    # A note's or a heading's anchor is not a paragraph: the page's own address is shared.
    page.goto(site_url + "texte-integral/#fn:3", wait_until="load")
    expect(page.locator(".mf-share-address")).to_have_text(page_address)
    context.close()


def test_without_javascript_each_paragraph_number_is_its_own_link(site: Path) -> None:
    soup = soup_file(built_page(site, "fr", WHOLE_TEXT))
    link = soup.select_one("#p56 a.mf-para-link")
    assert link is not None and link["href"] == "#p56"
    assert soup.select_one("#mf-share .mf-share-hint") is not None
    assert soup_file(built_page(site, "fr", "signer.md")).select_one("#mf-share .mf-share-hint") is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sites_own_pages_are_shared_as_the_manifestos_never_as_the_authors_work(site: Path, lang: str) -> None:
    title = text_title(lang).replace(NBSP, " ")
    authors = [name.split()[-1] for name in author_names()]
    for src in SITE_PAGES:
        path = built_page(site, lang, src)
        block = soup_file(path).select_one("#mf-share")
        text = block.select_one(".mf-mastodon textarea").get_text()
        assert title in text and strings(lang)["site_name"] in text, (src, text)
        assert not any(name in text for name in authors), (src, text)
        found = card_of(path.read_text(encoding="utf-8"), lang)
        assert found is not None
        _, card = found
        assert title in card.byline.replace(NBSP, " ") and not any(name in card.byline for name in authors), card
        alt = soup_file(path).select_one('meta[property="og:image:alt"]')["content"]
        assert title in alt and not any(name in alt for name in authors), (src, alt)
    # The text's own pages keep their authors; the whole text is shared by the text's title, not by its
    # menu label ("Texte intégral" is not a work of theirs).
    whole = soup_file(built_page(site, lang, WHOLE_TEXT))
    shared = whole.select_one("#mf-share .mf-mastodon textarea").get_text().replace(NBSP, " ")
    assert all(name in shared for name in authors) and title in shared, shared
    assert whole.select_one('meta[property="og:title"]')["content"].replace(NBSP, " ") == title
    _, card = card_of(built_page(site, lang, WHOLE_TEXT).read_text(encoding="utf-8"), lang)
    assert all(name in card.byline for name in authors) and card.title.replace(NBSP, " ") == title, card


def test_french_share_texts_never_start_a_line_with_a_colon_or_a_guillemet(site: Path) -> None:
    raw = built_page(site, "fr", "signer.md").read_text(encoding="utf-8")
    # The Mastodon help: « unique : chacun » keeps its colon on the word's line.
    assert f"unique{NBSP}:" in raw and "unique :" not in raw
    assert f"«{NBSP}Pourquoi" in raw
    # The preview image breaks lines at ordinary spaces only.
    face = font("Bold", 40)
    lines = wrapped(f"Un mot{NBSP}: l’autre d’{NBSP}«{NBSP}élémentaire{NBSP}» et encore", face, 180)
    assert not any(line.startswith((":", "«", "»")) for line in lines), lines
    assert not any(line.endswith("d’") for line in lines), lines


@pytest.mark.parametrize("family", ["sans-serif", "DejaVu Sans", "serif"])
def test_the_badge_text_fits_with_even_margins_whatever_the_font(browser: Browser, family: str) -> None:
    page = browser.new_page()
    for lang in LANGUAGES:
        svg = badge_svg(strings(lang)).replace('font-family="sans-serif"', f'font-family="{family}"')
        page.set_content(f"<!doctype html><body style='margin:0'>{svg}</body>")
        width = float(page.locator("svg").get_attribute("width") or 0)
        boxes = page.locator("svg text").evaluate_all(
            "texts => texts.map(t => { const b = t.getBBox(); return [b.x, b.width]; })"
        )
        assert len(boxes) == 2
        for x, w in boxes:
            assert x >= BADGE_PADDING - 1 and x + w <= width - BADGE_PADDING + 1, (lang, family, x, w, width)
        widest = max(x + w for x, w in boxes)
        assert abs((width - widest) - BADGE_PADDING) <= 1, (lang, family, "uneven margins")
    page.close()


def test_the_badge_code_to_paste_has_no_internal_class_and_a_copy_button(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "signer/", wait_until="load")
    code = page.locator("#mf-badge-code").input_value()
    assert code.startswith("<a href=") and "class=" not in code, code
    button = page.locator("button.mf-copy")
    expect(button).to_be_visible()
    button.click()
    expect(button).to_have_text(strings("fr")["sig_badge_copied"])
    assert page.evaluate("navigator.clipboard.readText()") == code
    context.close()


def test_a_preview_image_from_the_cache_is_the_one_drawn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds share drawn cards through a cache outside the project: what it gives back is byte for byte
    what drawing gives, and a card it holds is not drawn again."""
    import scripts.share.image as image

    monkeypatch.setattr(image, "CACHE", tmp_path / "previews")
    card = image.Card("« Cosigner » : le manifeste", "Christine Mahy et Jean Blairon", "Refuser le travail social")
    first = image.drawn(card)
    assert first == image.draw(card) and first.startswith(b"\x89PNG")
    (kept,) = (tmp_path / "previews").glob("*.png")
    monkeypatch.setattr(image, "draw", lambda card: pytest.fail("drawn again"))
    assert image.drawn(card) == first
    monkeypatch.undo()
    monkeypatch.setattr(image, "CACHE", tmp_path / "previews")
    kept.write_bytes(first[:100])  # a damaged entry (a full disk, a killed build) is drawn again
    assert image.drawn(card) == first and kept.read_bytes() == first
