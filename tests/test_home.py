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
    # The reasons are listed once on the home page, right after the first screen's ways in.
    assert len(soup.select("article ol.mf-reasons")) == 1
    reasons = soup.select(".mf-home nav.mf-toc ol.mf-reasons > li > a")
    assert len(reasons) == ARGUMENTS
    first = actions.select_one(".mf-action-row a")
    assert first["href"] == "#mf-reasons" and soup.select_one("#mf-reasons") is not None
    assert first.get_text(strip=True) == ui["home_reasons_heading"].format(n=ARGUMENTS)
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
    # Co-signing is offered only once a signing page exists (front matter `signing: true`), apart from
    # the readers' row: it is for organisations, and says so.
    signing = any("\nsigning: true\n" in p.read_text(encoding="utf-8") for p in (DOCS / lang).rglob("*.md"))
    assert ui["home_sign_short"] not in row
    apart = soup.select_one(".mf-home section.mf-home-sign")
    assert (apart is not None) == signing
    if apart is not None:
        assert apart.select_one("h2").get_text(strip=True) == ui["home_for_organisations"]
        assert apart.select_one("a.mf-sign-button").get_text(strip=True) == ui["home_sign_short"]


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
    selectors = ("article h1", ".mf-home .byline", ".mf-demand blockquote", ".mf-actions a", ".mf-home-sign a")
    # It says what this is: a manifesto (the word, in the page's language), above the title.
    kind = page.locator(".mf-home-kind")
    assert kind.inner_text() == strings(lang)["home_published"].format(
        year=manifesto()["first_publication"]["date"][:4]
    )
    assert "manifest" in kind.inner_text().lower()
    for selector in (".mf-home-kind", *selectors):
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


# Each word of an element's text on one line: no ellipsis, no word broken across two lines (a
# compound may break at its own hyphen, as written).
WORDS_WHOLE = """element => {
  const broken = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(/[^\\s\\u00a0\\-\\u2010]+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(match[0]);
    }
  }
  const cut = element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1;
  return {broken, cut};
}"""


TITLE_STYLE = (
    "h => [getComputedStyle(h).fontWeight, getComputedStyle(h).color, getComputedStyle(h.closest('article')).color]"
)


@pytest.mark.parametrize("width", [320, 360])
def test_on_small_phones_the_sites_name_and_the_titles_keep_every_word_whole(
    browser: Browser, site_url: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    checked = 0
    for lang in LANGUAGES:
        for path in (
            "",
            "arguments/1-deux-evidences-crues/",
            "arguments/4-acceptation-de-la-difference/",
            "texte-integral/",
        ):
            page.goto(home_url(site_url, lang) + path, wait_until="load")
            name = page.locator(".md-header__topic:first-child .md-ellipsis")
            assert name.evaluate(WORDS_WHOLE) == {"broken": [], "cut": False}, (lang, path, "header")
            assert name.inner_text().strip() == strings(lang)["site_name"]
            inside = name.evaluate(
                "e => { const r = e.getBoundingClientRect(), h = document.querySelector('.md-header')"
                ".getBoundingClientRect(); return r.top >= h.top + 2 && r.bottom <= h.bottom - 2; }"
            )
            assert inside, (lang, path, "the site's name sticks out of the header")
            # The page's title, and on the whole text the parts' titles (an argument's title is an h2 there).
            titles = page.locator("article h1, article h2:not(.mf-share h2)")
            for i in range(min(titles.count(), 8)):
                title = titles.nth(i)
                assert title.evaluate(WORDS_WHOLE)["broken"] == [], (lang, path, "title")
                # In the text's colour and bold in both schemes, not light grey and thin.
                style = title.evaluate(TITLE_STYLE)
                assert int(style[0]) >= 700 and style[1] == style[2], (lang, path, style)
                assert title.bounding_box()["height"] < 0.25 * 800, (lang, path, "the title fills the screen")
            checked += 1
    assert checked == 4 * len(LANGUAGES)
    context.close()
