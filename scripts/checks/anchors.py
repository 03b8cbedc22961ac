"""Check every link with a fragment in the built site against the ids its target really has.

One pass over the HTML files on disk, in a fixed order, with no server and no threads: the
result depends only on the files. Same-page (`#p14`), cross-page (`../texte-integral/#fn:3`)
and cross-language (`../../en/conclusion/#p3`) links are all resolved the way a browser
resolves them (a directory URL opens its index.html) and their fragment looked up among the
`id` attributes (and the `name` of `<a>` elements) of the target page.

linkchecker (scripts/checks/links.py) checks that pages and files exist; fragments are checked
here because its AnchorCheck plugin caches a page without its fragment, so whether an anchor
is checked depends on the order in which its threads reach the page (linkchecker issues #542
and #555; disabled by default upstream since pull request #575).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html

from scripts.core.languages import mkdocs_config

HTML_SUFFIXES = {".html", ".htm"}
ORIGIN = "http://site.invalid"  # a stand-in origin, only to resolve relative URLs against


@dataclass(frozen=True)
class Problem:
    page: str
    line: int
    link: str
    message: str

    def __str__(self) -> str:
        return f"{self.page} (line {self.line}): {self.link}: {self.message}"


def base_path() -> str:
    """The path the site is served under (from mkdocs.yml `site_url`): root-absolute links start with it."""
    path = urlsplit(mkdocs_config().get("site_url") or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def page_url(site_dir: Path, html: Path, base: str) -> str:
    """The URL a browser shows for a built file: `x/index.html` is served as `x/`."""
    relative = html.relative_to(site_dir).as_posix()
    if relative == "index.html" or relative.endswith("/index.html"):
        relative = relative.removesuffix("index.html")
    return ORIGIN + base + relative


def target_file(site_dir: Path, url: str, base: str) -> Path | None:
    """The file a resolved URL of the site names, or None when it points outside the site."""
    path = unquote(urlsplit(url).path)
    if not path.startswith(base):
        return None
    relative = PurePosixPath(path.removeprefix(base))
    target = site_dir.joinpath(*relative.parts)
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


@cache
def _parsed(html: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(html.read_bytes(), parser=lxml.html.HTMLParser(encoding="utf-8"))


def anchors_of(html: Path) -> frozenset[str]:
    """The fragments a page can be opened at: every id, and the name of every <a>."""
    tree = _parsed(html)
    return frozenset(tree.xpath("//@id") + tree.xpath("//a/@name"))


def _found(fragment: str, anchors: frozenset[str]) -> bool:
    # As browsers do: the fragment as written, then percent-decoded; empty or "top" opens the page's top.
    return fragment in anchors or unquote(fragment) in anchors or fragment in ("", "top")


def check_anchors(site_dir: Path) -> list[Problem]:
    """Every link with a fragment, in every built page, whose target file or fragment is missing."""
    site_dir = site_dir.resolve()
    base = base_path()
    problems = []
    _parsed.cache_clear()  # a file may have changed since the last call (the tests plant broken links)
    for html in sorted(site_dir.rglob("*.html")):
        here = page_url(site_dir, html, base)
        shown = html.relative_to(site_dir).as_posix()
        for element in _parsed(html).xpath("//*[@href]"):
            href = element.get("href").strip()
            parts = urlsplit(href)
            if "#" not in href or parts.scheme or parts.netloc:
                continue  # no fragment, or another site's (the external link check's business)
            resolved = urljoin(here, href)
            target = target_file(site_dir, resolved, base)
            line = element.sourceline or 0
            fragment = urlsplit(resolved).fragment
            if target is None:
                problems.append(Problem(shown, line, href, f"points outside the site (not under {base})"))
            elif not target.is_file():
                problems.append(Problem(shown, line, href, f"no such page: {target.relative_to(site_dir)}"))
            elif target.suffix in HTML_SUFFIXES and not _found(fragment, anchors_of(target)):
                where = "this page" if target == html else target.relative_to(site_dir).as_posix()
                problems.append(Problem(shown, line, href, f"no id {fragment!r} in {where}"))
    return problems
