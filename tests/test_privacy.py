"""No request to a third party: the built pages load nothing from another host."""

from __future__ import annotations

import shutil
from pathlib import Path

from scripts.checks.privacy import page_findings, site_findings
from scripts.core.languages import built_page


def test_built_site_references_no_other_host(site: Path) -> None:
    assert site_findings(site) == {}


def test_the_check_finds_a_script_and_a_font_from_elsewhere_in_a_built_site(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("*.pdf"))
    page = built_page(copy, "nl", "conclusion.md")
    html = page.read_text(encoding="utf-8")
    assert html.count("</head>") == 1
    page.write_text(html.replace("</head>", '<script src="https://cdn.example.com/x.js"></script></head>'), "utf-8")
    css = copy / "assets" / "site.css"
    css.write_text('@import "https://fonts.example.net/x.css";\n' + css.read_text(encoding="utf-8"), "utf-8")
    assert site_findings(copy) == {
        "assets/site.css": ["CSS loads https://fonts.example.net/x.css"],
        "nl/conclusion/index.html": ["<script src> loads https://cdn.example.com/x.js"],
    }


def test_theme_fonts_are_the_readers_own(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_the_check_catches_fonts_scripts_and_css_from_elsewhere() -> None:
    html = """<html><head>
      <link rel="stylesheet" href="https://fonts.example.net/css?family=Roboto">
      <link rel="canonical" href="https://elsewhere.example/page/">
      <script src="//cdn.example.com/lib.js"></script>
      <style>@import "https://cdn.example.com/x.css"; body { background: url(/local.png) }</style>
    </head><body>
      <img srcset="/a.png 1x, https://img.example.org/b.png 2x">
      <article><a href="https://source.example/cited.pdf">source</a></article>
      <footer><a href="https://tracker.example/">made with</a></footer>
    </body></html>"""
    found = page_findings(html, host="manifeste.example")
    assert found == [
        "<script src> loads //cdn.example.com/lib.js",
        "<link href> loads https://fonts.example.net/css?family=Roboto",
        "<img srcset> loads https://img.example.org/b.png",
        "inline CSS loads https://cdn.example.com/x.css",
        "<a href> outside the text leaves the site for https://tracker.example/",
    ]
