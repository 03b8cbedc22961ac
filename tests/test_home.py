"""The home page asks: on a phone's first screen, the title, the authors, the demand in their words, the ways in."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts.core.languages import built_page, languages
from scripts.core.manifesto import manifesto
from scripts.core.paths import DOCS
from scripts.core.strings import strings

from conftest import paragraph_words, soup_file

LANGUAGES = languages()
ORIGINAL = LANGUAGES[0]
ARGUMENTS = 6


def home_url(site_url: str, lang: str) -> str:
    return site_url + ("" if lang == ORIGINAL else f"{lang}/")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_demand_is_the_authors_paragraph_quoted_exactly_and_linked(site: Path, lang: str) -> None:
    soup = soup_file(built_page(site, lang, "index.md"))
    n = manifesto()["demand"]["paragraph"]
    quoted = soup.select_one(".mf-home .mf-demand blockquote")
    paragraph = soup.select_one(f"p#p{n}")
    assert quoted is not None and paragraph is not None
    # The quotation is the paragraph, word for word, and nothing else (no editorial words inside it).
    assert " ".join(quoted.get_text().split()) == paragraph_words(paragraph)
    source = soup.select_one(".mf-demand figcaption a")
    assert source["href"].endswith(f"#p{n}") and f"§ {n}" in source.get_text()
    if lang == ORIGINAL:
        assert quoted.get_text(" ", strip=True).startswith("Il faut refuser cette « évolution »")


@pytest.mark.pdf
@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_offers_the_numbered_reasons_the_whole_text_the_pdf_with_its_size_and_sharing(
    site: Path, lang: str
) -> None:
    ui = strings(lang)
    path = built_page(site, lang, "index.md")
    soup = soup_file(path)
    actions = soup.select_one(".mf-home nav.mf-actions")
    reasons = actions.select("ol.mf-reasons > li > a")
    assert len(reasons) == ARGUMENTS
    for rank, a in enumerate(reasons, 1):
        target = (path.parent / a["href"] / "index.html").resolve()
        heading = soup_file(target).select_one(".mf-kicker").get_text(strip=True)
        assert heading == ui["argument_kicker"].format(n=rank, total=ARGUMENTS)
    row = {a.get_text(" ", strip=True): a["href"] for a in actions.select(".mf-action-row a")}
    assert row[ui["home_whole_text_short"]].endswith("texte-integral/")
    pdf = next(label for label, href in row.items() if href.endswith(f"-{lang}.pdf"))
    size = ui["pdf_size"].split("{")[0]
    assert pdf.startswith(ui["home_pdf_short"]) and size in pdf, "the PDF's size is written into the link"
    assert (path.parent / next(h for h in row.values() if h.endswith(".pdf"))).resolve().is_file()
    assert row[ui["home_share_short"]] == "#mf-share" and soup.select_one("section#mf-share") is not None
    # Co-signing is offered only once a signing page exists (front matter `signing: true`).
    signing = any("\nsigning: true\n" in p.read_text(encoding="utf-8") for p in (DOCS / lang).rglob("*.md"))
    assert (ui["home_sign_short"] in row) == signing


@pytest.mark.pdf
@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_says_what_a_reader_can_do_in_its_language(site: Path, lang: str) -> None:
    ui = strings(lang)
    soup = soup_file(built_page(site, lang, "index.md"))
    part = soup.select_one("section.mf-do")
    assert part.select_one("h2").get_text(strip=True) == ui["do_heading"]
    terms = [dt.get_text(strip=True) for dt in part.select("dt")]
    assert terms[:4] == [ui["do_read"], ui["do_share"], ui["do_print"], ui["do_cite"]]
    cite = part.select("dt a")[3]["href"]
    assert cite.split("#")[1], "the cite link leads to the reference's heading"


def test_the_first_screen_is_outside_the_numbered_text(site: Path) -> None:
    home = soup_file(built_page(site, ORIGINAL, "index.md"))
    assert home.select(".mf-home .mf-para, .mf-home .mf-para-link") == []
    whole = soup_file(built_page(site, ORIGINAL, "texte-integral.md"))
    assert whole.select(".mf-demand, .mf-actions, .mf-do") == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_on_a_phone_the_first_screen_shows_the_demand_and_every_action(
    browser: Browser, site_url: str, lang: str
) -> None:
    # A reader whose browser speaks the page's language (another would also see the offer of theirs).
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale=lang)
    page = context.new_page()
    page.goto(home_url(site_url, lang), wait_until="load")
    assert page.evaluate("window.scrollY") == 0
    bottom = page.evaluate("window.innerHeight")
    for selector in ("article h1", ".mf-home .byline", ".mf-demand blockquote", ".mf-actions a"):
        boxes = [page.locator(selector).nth(i).bounding_box() for i in range(page.locator(selector).count())]
        assert boxes, selector
        for box in boxes:
            assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= bottom, (lang, selector, box)
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_on_a_phone_the_translation_notice_takes_one_line(browser: Browser, site_url: str, lang: str) -> None:
    # A reader whose browser speaks the page's language (another would also see the offer of theirs).
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale=lang)
    page = context.new_page()
    page.goto(home_url(site_url, lang), wait_until="load")
    notice = page.locator("aside.mf-translation p").first
    height = notice.bounding_box()["height"]
    line = notice.evaluate("p => parseFloat(getComputedStyle(p).lineHeight)")
    assert height < 1.5 * line, (lang, height, line)
    context.close()
