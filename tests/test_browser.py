"""What a reader's browser does with the built site (headless Debian Chromium)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from browser import chromium

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


def html_pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site).parent).replace(".", "") for p in site.rglob("index.html"))


def open_page(browser: Browser, url: str, **context: object) -> Page:
    page = browser.new_context(**context).new_page()
    page.goto(url, wait_until="networkidle")
    return page


def test_pages_request_nothing_but_the_site(browser: Browser, site: Path, site_url: str) -> None:
    own = urlsplit(site_url).netloc
    requested: list[str] = []
    refused: list[str] = []
    context = browser.new_context()
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    for path in html_pages(site):
        page.goto(site_url + (path + "/" if path else ""), wait_until="networkidle")
    assert len(requested) > len(html_pages(site))
    assert [url for url in requested if urlsplit(url).netloc != own and not url.startswith("data:")] == []
    assert refused == [], "the site's own resources break its Content-Security-Policy"
    context.close()


def test_the_browser_refuses_requests_to_other_hosts(browser: Browser, site_url: str) -> None:
    """Should a page ever embed something from elsewhere, its Content-Security-Policy blocks it."""
    elsewhere = "http://127.0.0.2:9/tracker.png"  # another origin, still on this machine
    page = open_page(browser, site_url + "conclusion/")
    failed: list[tuple[str, str | None]] = []
    refused: list[str] = []
    page.on("requestfailed", lambda request: failed.append((request.url, request.failure)))
    page.on("console", lambda message: refused.append(message.text))
    page.evaluate("url => { const img = new Image(); img.src = url; document.body.append(img); }", elsewhere)
    page.wait_for_timeout(300)
    assert (elsewhere, "csp") in failed  # stopped by the policy, before any connection
    assert any("Content Security Policy" in text and elsewhere in text for text in refused), refused


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
    assert page.get_by_role("link", name="Lien vers le paragraphe 70").count() == 1
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


@pytest.mark.parametrize("scheme", ["default"])
def test_every_page_passes_axe_wcag_21_aa(browser: Browser, site: Path, site_url: str, scheme: str) -> None:
    page = browser.new_context().new_page()
    failures = {}
    for path in html_pages(site):
        page.goto(site_url + (path + "/" if path else ""), wait_until="networkidle")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
        if result["violations"]:
            failures[path or "/"] = [
                {"rule": v["id"], "nodes": [n["target"] for n in v["nodes"][:3]]} for v in result["violations"]
            ]
    assert failures == {}, json.dumps(failures, indent=1, ensure_ascii=False)
