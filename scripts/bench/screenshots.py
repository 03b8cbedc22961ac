"""`python -m scripts screenshots [--out screenshots]` (`make screenshots`): what readers see.

Builds the site (without PDFs) and saves, for each language, the home page, an argument page, the
whole text and the 404 page, at 360×800 (a phone) and 1280×800 (a desktop), in the light and the
dark scheme: PNG files named LANG-PAGE-WIDTH-SCHEME.png, in headless Debian Chromium.
The command is in scripts/bench/commands.py.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from scripts.bench.site import CHROMIUM, CHROMIUM_FLAGS, compressing_server, page_url
from scripts.build import build_site
from scripts.core.languages import languages

PAGES = {
    "home": "index.md",
    "argument": "arguments/1-deux-evidences-crues.md",
    "whole-text": "texte-integral.md",
    "404": None,
}
WIDTHS = [360, 1280]
SCHEMES = ["light", "dark"]


def take_screenshots(out: Path) -> list[Path]:
    """Every page of PAGES in every language, width and scheme, into `out`; the PNG files there."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        site = Path(folder)
        build_site(site, pdf=False)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS[1:])
        with compressing_server(site) as base:
            for lang in languages():
                for name, page in PAGES.items():
                    # One 404 page for every language (static hosts serve one): reached from a missing address.
                    url = page_url(base, site, lang, page) if page else f"{base}{lang}/missing-page/"
                    for width in WIDTHS:
                        for scheme in SCHEMES:
                            context = browser.new_context(
                                viewport={"width": width, "height": 800}, color_scheme=scheme, locale=lang
                            )
                            tab = context.new_page()
                            tab.goto(url, wait_until="networkidle")
                            tab.screenshot(path=str(out / f"{lang}-{name}-{width}-{scheme}.png"))
                            context.close()
        browser.close()
    return sorted(out.glob("*.png"))
