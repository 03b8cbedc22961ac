"""What a reader's browser does with the built site (headless Debian Chromium)."""

from __future__ import annotations

import http.server
import io
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from pypdf import PdfReader

from scripts.checks.links import serve
from scripts.core.manifesto import author_names, text_title
from scripts.core.strings import strings

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Every wait below is on a condition (a load event, an event, a style); this only bounds a failure,
# generously, so that a loaded machine makes the tests slower, never red.
TIMEOUT_MS = 120_000
expect.set_options(timeout=TIMEOUT_MS)


def html_pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site).parent).replace(".", "") for p in site.rglob("index.html"))


def new_context(browser: Browser, **options: object) -> BrowserContext:
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    return context


def load(page: Page, url: str) -> None:
    """Open `url` once the page and everything it asks for have loaded (fonts included).

    Not "networkidle" (500 ms without a request): that is a guess about timing. The pages' own
    scripts (deferred, run before the load event) request nothing, so every request a page makes
    starts before the load event, or for a font, before `document.fonts.ready`.
    """
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")


def open_page(browser: Browser, url: str, **context: object) -> Page:
    page = new_context(browser, **context).new_page()
    load(page, url)
    return page


def test_pages_request_nothing_but_the_site(browser: Browser, site: Path, site_url: str) -> None:
    own = urlsplit(site_url).netloc
    requested: list[str] = []
    refused: list[str] = []
    context = new_context(browser)
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    for path in html_pages(site):
        load(page, site_url + (path + "/" if path else ""))
    assert len(requested) > len(html_pages(site))
    assert [url for url in requested if urlsplit(url).netloc != own and not url.startswith("data:")] == []
    assert refused == [], "the site's own resources break its Content-Security-Policy"
    context.close()


def test_the_browser_refuses_requests_to_other_hosts(browser: Browser, site_url: str) -> None:
    """Should a page ever embed something from elsewhere, its Content-Security-Policy blocks it."""
    elsewhere = "http://127.0.0.2:9/tracker.png"  # another origin, still on this machine
    page = open_page(browser, site_url + "conclusion/")
    # Wait for the two events themselves (each bounded by TIMEOUT_MS), not for a fixed time.
    with (
        page.expect_event("requestfailed", lambda request: request.url == elsewhere) as failed,
        page.expect_console_message(lambda m: "Content Security Policy" in m.text and elsewhere in m.text),
    ):
        page.evaluate("url => { const img = new Image(); img.src = url; document.body.append(img); }", elsewhere)
    assert failed.value.failure == "csp"  # stopped by the policy, before any connection


def test_text_reads_on_a_small_phone_without_javascript(browser: Browser, site_url: str) -> None:
    page = open_page(
        browser,
        site_url + "arguments/2-democratie-culturelle/",
        java_script_enabled=False,
        viewport={"width": 360, "height": 740},
    )
    assert (
        page.locator("article h1").inner_text().startswith("Le travail social est un travail de démocratie culturelle")
    )
    first = page.locator("article p.mf-para").first
    assert first.is_visible()
    assert first.inner_text().startswith("Nous venons de rappeler le travail de M. Hicter")
    number = first.locator("a.mf-para-link").evaluate("a => getComputedStyle(a, '::before').content")
    assert number == f'"{first.get_attribute("id").removeprefix("p")}"'
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, "the page scrolls sideways on a small phone"
    assert page.locator("a.md-footer__link--next").is_visible()


@pytest.mark.parametrize("width", [360, 1280])
def test_paragraph_numbers_are_visible_links_left_out_of_copied_text(
    browser: Browser, site_url: str, width: int
) -> None:
    page = open_page(
        browser,
        site_url + "conclusion/",
        viewport={"width": width, "height": 800},
        permissions=["clipboard-read", "clipboard-write"],
    )
    link = page.locator("#p70 a.mf-para-link")
    assert link.is_visible()
    box = link.bounding_box()
    assert box is not None and box["width"] >= 24 and box["height"] >= 24, box  # WCAG 2.5.8 target size
    assert link.evaluate("a => getComputedStyle(a, '::before').content") == '"70"'
    assert page.get_by_role("link", name="Paragraphe 70").count() == 1
    link.focus()
    assert link.evaluate("a => getComputedStyle(a).outlineStyle") != "none", "no focus ring on the number"
    link.click()
    assert page.evaluate("location.hash") == "#p70"
    # Select the whole paragraph as a reader would, and copy it.
    page.evaluate(
        """() => { const range = document.createRange(); range.selectNodeContents(document.getElementById('p70'));
        getSelection().removeAllRanges(); getSelection().addRange(range); }"""
    )
    page.keyboard.press("Control+C")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("La crise sanitaire"), copied[:40]
    assert "70" not in copied and "¶" not in copied


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe_wcag_21_aa(browser: Browser, site: Path, site_url: str, scheme: str) -> None:
    # bypass_csp: axe is injected as an inline script, which the pages' policy refuses.
    page = new_context(browser, color_scheme=scheme, bypass_csp=True).new_page()
    failures = {}
    for path in html_pages(site):
        load(page, site_url + (path + "/" if path else ""))
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
        if result["violations"]:
            failures[path or "/"] = [
                {"rule": v["id"], "nodes": [n["target"] for n in v["nodes"][:3]]} for v in result["violations"]
            ]
    assert failures == {}, json.dumps(failures, indent=1, ensure_ascii=False)


def test_pages_follow_the_systems_dark_scheme_without_javascript(browser: Browser, site_url: str) -> None:
    backgrounds = {}
    for scheme in ["light", "dark"]:
        page = open_page(browser, site_url + "conclusion/", color_scheme=scheme, java_script_enabled=False)
        backgrounds[scheme] = page.evaluate("getComputedStyle(document.body).backgroundColor")
        text = page.locator("#p70").evaluate("p => getComputedStyle(p).color")
        page.context.close()
        assert text != backgrounds[scheme]
    assert backgrounds["light"] == "rgb(255, 255, 255)"
    assert backgrounds["dark"] != backgrounds["light"]


def test_reduced_motion_turns_transitions_off(browser: Browser, site_url: str) -> None:
    page = open_page(browser, site_url + "conclusion/", reduced_motion="reduce")
    durations = page.evaluate(
        "[...document.querySelectorAll('.md-header, .md-skip, .md-sidebar, .md-select__inner')]"
        ".map(e => getComputedStyle(e).transitionDuration)"
    )
    assert durations and set(durations) == {"0s"}, durations


@pytest.mark.parametrize("width", [320, 640])  # 640 CSS pixels: a 1280-pixel window at 200 % zoom
def test_no_sideways_scrolling_on_small_screens_and_at_200_percent_zoom(
    browser: Browser, site: Path, site_url: str, width: int
) -> None:
    page = new_context(browser, viewport={"width": width, "height": 600}).new_page()
    wide = {}
    for path in html_pages(site):
        load(page, site_url + (path + "/" if path else ""))
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            wide[path or "/"] = scroll_width
    assert wide == {}, f"pages that scroll sideways at {width} px"


def test_every_focusable_control_shows_focus(browser: Browser, site_url: str) -> None:
    for width in [360, 1280]:
        page = open_page(browser, site_url + "conclusion/", viewport={"width": width, "height": 800})
        seen, unmarked = set(), []
        for _ in range(200):
            page.keyboard.press("Tab")
            focused = page.evaluate(
                """() => { const e = document.activeElement; const s = getComputedStyle(e);
                return [e.outerHTML.slice(0, 200), s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0]; }"""
            )
            if focused[0] in seen or focused[0].startswith("<body"):  # past the last control
                continue
            seen.add(focused[0])
            if not focused[1]:
                unmarked.append(focused[0])
        page.context.close()
        assert len(seen) > 20
        assert unmarked == [], f"at {width} px, controls without a focus ring"
    # The two the theme left without one.
    assert any("md-logo" in html for html in seen) and any("mf-language__button" in html for html in seen)


def test_an_injected_inline_script_is_refused(browser: Browser, site_url: str) -> None:
    page = open_page(browser, site_url + "conclusion/")
    page.evaluate(
        "() => document.addEventListener('securitypolicyviolation', e => { window.refused = e.violatedDirective; })"
    )
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.injected = true';"
        " document.body.append(s); }"
    )
    page.wait_for_function("window.refused !== undefined")
    assert page.evaluate("window.injected") is None
    assert page.evaluate("window.refused").startswith("script-src")
    assert page.locator("script:not([src]):not([type='application/ld+json'])").count() == 1  # the injected one


def choose_language(page: Page, lang: str) -> None:
    """With the keyboard, as a reader would (a scripted click first scrolls the menu "into view")."""
    page.locator("button.mf-language__button").focus()
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hreflang") == lang:
            break
    page.keyboard.press("Enter")


def test_switching_language_keeps_the_paragraph(browser: Browser, site_url: str) -> None:
    page = open_page(browser, site_url + "texte-integral/#p72", viewport={"width": 1280, "height": 800})
    assert page.locator("button.mf-language__button").inner_text().strip() == "Français"
    choose_language(page, "de")
    page.wait_for_url("**/de/texte-integral/#p72")
    assert page.locator("button.mf-language__button").inner_text().strip() == "Deutsch"
    # Scrolled elsewhere: §40's top just under the header's top edge, §39 out of sight.
    page.evaluate(
        "window.scrollBy({top: document.getElementById('p40').getBoundingClientRect().top - 20, behavior: 'instant'})"
    )
    choose_language(page, "nl")
    page.wait_for_url("**/nl/texte-integral/#p40")


@pytest.mark.parametrize(("locale", "offered"), [("de-DE", "de"), ("fr-BE", None), ("es-ES", None)])
def test_the_home_page_offers_the_browsers_language_without_redirecting(
    browser: Browser, site_url: str, locale: str, offered: str | None
) -> None:
    page = open_page(browser, site_url, locale=locale)
    assert page.url == site_url
    shown = page.locator(".mf-offer:visible")
    if offered is None:
        assert shown.count() == 0
    else:
        assert shown.count() == 1 and shown.get_attribute("lang") == offered
        assert shown.locator("a").get_attribute("hreflang") == offered
    # Nothing on the page moves when the offer appears (Chromium's layout-shift entries).
    shifts = page.evaluate(LAYOUT_SHIFTS)
    assert shifts == 0, f"the page moved by {shifts} (layout shift) while loading"


@contextmanager
def held_home_page(site: Path, release: threading.Event) -> Iterator[str]:
    """The site on loopback, its home page sent in two parts: up to its content, then, once `release`
    is set, the rest, as a slow connection delivers it."""
    home = (site / "index.html").read_bytes()
    cut = home.index(b'<div class="md-content"')

    class Held(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's signature
            pass

        def do_GET(self) -> None:
            if self.path != "/":
                return super().do_GET()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(home)))
            self.end_headers()
            self.wfile.write(home[:cut])
            self.wfile.flush()
            release.wait(TIMEOUT_MS / 1000)
            self.wfile.write(home[cut:])
            return None

    with serve(site, Held) as url:
        yield url


def test_nothing_drawn_moves_when_the_home_pages_content_arrives_late(browser: Browser, site: Path) -> None:
    """On a slow connection the header and menus are drawn before the content arrives: its arrival
    must not move them (a rule on `:has(.mf-home)` once pulled the whole page up by 18 px)."""
    release = threading.Event()
    with held_home_page(site, release) as url:
        page = new_context(browser, locale="es-ES").new_page()
        page.goto(url, wait_until="commit")
        page.wait_for_selector(".md-sidebar--secondary", state="attached")
        # Two animation frames: the part that has arrived is drawn on screen.
        page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))")
        release.set()
        page.wait_for_load_state("load")
        assert page.locator(".mf-home h1").count() == 1
        assert page.evaluate(LAYOUT_SHIFTS) == 0
        page.context.close()


# The entries buffered since the page started: observe() with `buffered` puts them in the observer's
# buffer at once, and takeRecords() reads them there (no waiting for the observer's callback).
LAYOUT_SHIFTS = """() => {
    const observer = new PerformanceObserver(() => {});
    observer.observe({type: "layout-shift", buffered: true});
    const shifts = observer.takeRecords();
    observer.disconnect();
    return shifts.reduce((sum, entry) => sum + entry.value, 0);
}"""


def test_a_printed_page_has_the_text_and_notes_and_its_address_without_navigation(
    browser: Browser, site_url: str
) -> None:
    page = open_page(browser, site_url + "arguments/3-champ-obscur-et-obscurci/")
    page.emulate_media(media="print")
    for furniture in [".md-header", ".md-sidebar--primary", ".md-footer", "a.headerlink"]:
        assert page.locator(furniture).first.is_hidden(), furniture
    assert page.locator("article p.mf-para").first.is_visible()
    assert page.locator("div.footnote li").first.is_visible()
    address = page.locator(".mf-print-address")
    assert address.is_visible() and address.inner_text().endswith("/arguments/3-champ-obscur-et-obscurci/")
    # Paragraph numbers inside the page, not in a margin the paper does not have.
    lefts = page.locator("a.mf-para-link").evaluate_all("links => links.map(a => a.getBoundingClientRect().left)")
    assert lefts and min(lefts) >= 0, min(lefts)
    # The first printed page says what it is: the text, its authors, the page's address, the edition's date.
    first = PdfReader(io.BytesIO(page.pdf(format="A4"))).pages[0].extract_text()
    words = " ".join(first.split())
    ui = strings("fr")
    for expected in (
        text_title("fr"),
        *author_names(),
        "/arguments/3-champ-obscur-et-obscurci/",
        ui["pdf_edition"].split("{")[0],
    ):
        assert expected in words.replace("- ", "-"), (expected, words[:400])
    assert ui["argument_kicker"].format(n=3, total=6) in words and " 20 " in f" {words} "
    page.emulate_media(media="screen")
    assert address.is_hidden()


def test_an_injected_inline_style_is_refused(browser: Browser, site_url: str) -> None:
    """No page needs an inline style (test_pages_request_nothing_but_the_site hears no refusal), so the
    policy refuses them: injected markup cannot restyle a page to hide or fake its text."""
    page = open_page(browser, site_url + "signataires/")
    page.evaluate(
        "() => document.addEventListener('securitypolicyviolation', e => { window.refused = e.violatedDirective; })"
    )
    page.evaluate(
        "() => { const s = document.createElement('style'); s.textContent = 'body { display: none }';"
        " document.head.append(s); }"
    )
    page.wait_for_function("window.refused !== undefined")
    assert page.evaluate("window.refused").startswith("style-src")
    assert page.locator("body").is_visible()
