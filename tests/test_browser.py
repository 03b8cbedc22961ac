"""What a reader's browser does with the built site (headless Debian Chromium)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from browser import chromium

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Every wait below is on a condition (a load event, an event, a style); this only bounds a failure,
# generously, so that a loaded machine makes the tests slower, never red.
TIMEOUT_MS = 120_000
expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


def html_pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site).parent).replace(".", "") for p in site.rglob("index.html"))


def new_context(browser: Browser, **options: object) -> BrowserContext:
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    return context


def load(page: Page, url: str) -> None:
    """Open `url` once the page and everything it asks for have loaded (fonts included).

    Not "networkidle" (500 ms without a request): that is a guess about timing. The pages run
    no script, so every request they make starts before the load event, or for a font, before
    `document.fonts.ready`.
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
    number = first.evaluate("p => getComputedStyle(p, '::before').content")
    assert number == f'"{first.get_attribute("data-para")}"'
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, "the page scrolls sideways on a small phone"
    assert page.locator("a.md-footer__link--next").is_visible()


def test_paragraph_self_link_appears_on_hover_and_keyboard_focus(browser: Browser, site_url: str) -> None:
    page = open_page(browser, site_url + "conclusion/")
    link = page.locator("#p70 a.mf-para-link")
    # expect() retries until the style is there: a style change is not applied in the same instant.
    expect(link).to_have_css("opacity", "0")
    page.hover("#p70")
    expect(link).to_have_css("opacity", "1")
    page.mouse.move(0, 0)
    expect(link).to_have_css("opacity", "0")
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('#p70 a.mf-para-link')"):
            break
    else:
        pytest.fail("the paragraph link of §70 cannot be reached with the keyboard")
    expect(link).to_have_css("opacity", "1")


@pytest.mark.parametrize("scheme", ["default"])
def test_every_page_passes_axe_wcag_21_aa(browser: Browser, site: Path, site_url: str, scheme: str) -> None:
    page = new_context(browser).new_page()
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
