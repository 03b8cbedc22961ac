"""WCAG 2.2 AA criteria that axe-core does not test, measured in Chromium on every page type.

Target size (2.5.8), focus not obscured by the sticky header (2.4.11), non-text contrast of
control borders and focus indicators in both schemes (1.4.11), and the language of parts kept
in French inside a translation (3.1.2). The accessibility statement lists what is tested here
and what is not verified (docs/<lang>/accessibilite.md).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from scripts.core.languages import languages
from scripts.core.manifesto import text_title
from scripts.sources.registry import sources

LANGUAGES = languages()
ORIGINAL = LANGUAGES[0]
# One page of each type: home, an argument (the long one), the whole text, a page of the site's own
# with a form and buttons (co-signing), a page rendered from data (sources).
PAGE_TYPES = ["", "arguments/3-champ-obscur-et-obscurci/", "texte-integral/", "signer/", "sources/"]
MIN_TARGET = 24
MIN_CONTRAST = 3.0
TIMEOUT_MS = 120_000  # bounds a failure only: every wait is on a condition (see test_browser.py)

# Targets a reader taps: paragraph numbers, note back links, buttons and button-like links, controls.
TARGETS = (
    "a.mf-para-link, a.footnote-backref, .mf-action-row a, a.mf-sign-button, .mf-share-links a,"
    " .mf-share-links button:not([hidden] *), .mf-mastodon summary, .mf-mastodon-form button,"
    " button.mf-copy, .md-header__button, .mf-language__button"
)
# Controls drawn with a border of their own, whose edge is how they are seen (1.4.11).
BORDERED = ".mf-action-row a, a.mf-sign-button, button.mf-copy, .mf-mastodon-form input, .mf-mastodon-form button"

JS_COLOURS = """
function parse(c) {
  const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
  const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
}
function over(top, bottom) {
  const a = top[3];
  return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
}
function background(el) {
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
  }
  let colour = [255, 255, 255, 1];
  for (const layer of layers.reverse()) colour = over(layer, colour);
  return colour;
}
function luminance(c) {
  const [r, g, b] = c.slice(0, 3).map(v => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
"""

JS_BORDERS = (
    "selector => {"
    + JS_COLOURS
    + """
  return [...document.querySelectorAll(selector)].filter(e => e.offsetParent).map(e => {
    const style = getComputedStyle(e);
    const outside = background(e.parentElement);
    const border = over(parse(style.borderTopColor), outside);
    return [e.className || e.tagName, parseFloat(style.borderTopWidth), contrast(border, outside)];
  });
}"""
)

JS_FOCUS = (
    "element => {"
    + JS_COLOURS
    + """
  element.focus();
  const style = getComputedStyle(element);
  const outside = background(element.parentElement);
  const ring = over(parse(style.outlineColor), outside);
  return [style.outlineStyle, parseFloat(style.outlineWidth), contrast(ring, outside)];
}"""
)


def url_of(site_url: str, lang: str, path: str) -> str:
    return site_url + ("" if lang == ORIGINAL else f"{lang}/") + path


def open_tab(browser: Browser, width: int, scheme: str = "light") -> Page:
    # Reduced motion: colours are read at once, never halfway through a theme's transition.
    context = browser.new_context(
        viewport={"width": width, "height": 800}, color_scheme=scheme, reduced_motion="reduce"
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


@pytest.mark.parametrize("width", [360, 1280])
def test_targets_are_at_least_24_by_24_css_pixels(browser: Browser, site_url: str, width: int) -> None:
    page = open_tab(browser, width)
    small: list[tuple[str, str, float, float]] = []
    measured = 0
    for path in PAGE_TYPES:
        page.goto(url_of(site_url, ORIGINAL, path), wait_until="load")
        boxes = page.locator(TARGETS).evaluate_all(
            "targets => targets.filter(e => e.offsetParent).map(e => {"
            " const r = e.getBoundingClientRect(); return [e.className || e.tagName, r.width, r.height]; })"
        )
        measured += len(boxes)
        small += [(path, name, w, h) for name, w, h in boxes if w < MIN_TARGET - 0.5 or h < MIN_TARGET - 0.5]
    assert measured > 100 and small == []
    page.context.close()


def test_note_calls_inside_sentences_have_the_largest_hit_area_the_line_allows(browser: Browser, site_url: str) -> None:
    # Inline targets are exempt from 2.5.8; still, a thumb should find them: at least 24 px high and
    # 16 px wide, while the lines keep their height.
    page = open_tab(browser, 360)
    page.goto(url_of(site_url, ORIGINAL, "texte-integral/"), wait_until="load")
    sizes = page.locator("a.footnote-ref").evaluate_all(
        "calls => calls.map(a => { const r = a.getBoundingClientRect(); return [r.width, r.height]; })"
    )
    assert len(sizes) > 5
    assert min(w for w, _ in sizes) >= 16 and min(h for _, h in sizes) >= MIN_TARGET, sizes[:3]
    page.context.close()


def header_bottom(page: Page) -> float:
    return page.locator("header.md-header").evaluate("h => h.getBoundingClientRect().bottom")


def test_notes_paragraphs_and_focus_are_never_under_the_sticky_header(browser: Browser, site_url: str) -> None:
    page = open_tab(browser, 360)
    page.goto(url_of(site_url, ORIGINAL, "texte-integral/"), wait_until="load")
    # Going to a note and back from it: the calling line shows below the header.
    page.locator('a.footnote-ref[href="#fn:3"]').click()
    assert page.locator('[id="fn:3"]').evaluate("e => e.getBoundingClientRect().top") >= header_bottom(page)
    page.locator('[id="fn:3"] a.footnote-backref').click()
    call = page.locator('[id="fnref:3"]')
    assert call.evaluate("e => e.getBoundingClientRect().top") >= header_bottom(page)
    # A paragraph reached by its address.
    page.goto(url_of(site_url, ORIGINAL, "texte-integral/#p56"), wait_until="load")
    assert page.locator("#p56").evaluate("e => e.getBoundingClientRect().top") >= header_bottom(page)
    # Keyboard focus moving up the page (Shift+Tab) to a link the header would hide.
    links = page.locator("article a.mf-para-link")
    checked = 0
    for index in (40, 20, 10):
        target = links.nth(index)
        target.scroll_into_view_if_needed()
        # Put the link right under the header's lower half, then focus it as the keyboard would.
        page.evaluate(
            "([e, h]) => window.scrollBy(0, e.getBoundingClientRect().top - h / 2)",
            [target.element_handle(), header_bottom(page)],
        )
        target.focus()
        top = target.evaluate("e => e.getBoundingClientRect().top")
        assert top >= header_bottom(page) - 0.5, (index, top)
        checked += 1
    assert checked == 3
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_control_borders_and_focus_rings_have_3_to_1_contrast(browser: Browser, site_url: str, scheme: str) -> None:
    page = open_tab(browser, 1280, scheme)
    weak: list[object] = []
    borders = 0
    for path in ("", "signer/"):
        page.goto(url_of(site_url, ORIGINAL, path), wait_until="load")
        page.evaluate("document.querySelectorAll('details.mf-mastodon').forEach(d => d.open = true)")
        for name, width, ratio in page.evaluate(JS_BORDERS, BORDERED):
            borders += 1
            if width < 1 or ratio < MIN_CONTRAST:
                weak.append((path, name, width, round(ratio, 2)))
        focusable = page.locator(
            "article a, article button, article summary, article input, article textarea, .md-header a"
        )
        # Every third control, and every field and button (few, and drawn by the site, not the theme).
        own = "input, textarea, button, .mf-home a, [class*='button']"
        fields = {i for i in range(focusable.count()) if focusable.nth(i).evaluate(f"e => e.matches({own!r})")}
        for i in sorted(set(range(0, focusable.count(), 3)) | fields):
            item = focusable.nth(i)
            if not item.is_visible():
                continue
            page.keyboard.press("Tab")  # focus-visible applies after keyboard use
            style, width, ratio = item.evaluate(JS_FOCUS)
            if style == "none" or width < 2 or ratio < MIN_CONTRAST:
                weak.append((path, "focus", i, style, width, round(ratio, 2)))
    assert borders >= 6 and weak == [], weak
    page.context.close()


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_french_kept_in_a_translation_is_marked_french(browser: Browser, site_url: str, lang: str) -> None:
    """The original's title in references and notices, glossed titles in the notes, « words » in French."""
    page = open_tab(browser, 1280)
    title = text_title(ORIGINAL)
    languages_of = (
        "(nodes, needle) => nodes.filter(e => e.textContent.includes(needle))"
        ".map(e => (e.closest('[lang]') || document.documentElement).lang)"
    )
    for path in ("sources/", "presse/", "mentions-legales/"):
        page.goto(url_of(site_url, lang, path), wait_until="load")
        found = page.locator("article cite, article span, article p").evaluate_all(
            "(nodes, t) => nodes.filter(e => e.children.length === 0 && e.textContent.includes(t))"
            ".map(e => (e.closest('[lang]') || document.documentElement).lang)",
            title,
        )
        assert found and set(found) == {ORIGINAL}, (path, found)
    # Every cited work's title and container, as the registry gives them, read in the work's language.
    page.goto(url_of(site_url, lang, "sources/"), wait_until="load")
    for entry in sources():
        for needle in (entry.get(key) for key in ("title", "container") if key in entry):
            found = page.locator(".mf-source-ref cite, .mf-source-ref span").evaluate_all(languages_of, needle)
            assert found == [entry["language"]], (entry["id"], needle, found)
    page.goto(url_of(site_url, lang, "arguments/1-deux-evidences-crues/"), wait_until="load")
    for needle in ("Pour une démocratie culturelle", "Animation et démocratie culturelles"):
        found = page.locator(".footnote em, .footnote span").evaluate_all(languages_of, needle)
        assert found == [ORIGINAL], (needle, found)
    # The page itself stays in its language.
    assert page.evaluate("document.documentElement.lang") == lang
    page.context.close()
