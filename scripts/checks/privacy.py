"""Check that the built site makes no request to any host but its own.

Every resource a page loads (scripts, styles, images, fonts, frames, forms, CSS
`url()` and `@import`) must be relative or on the site's own host. Links that a
reader follows are allowed to leave the site only inside the text (its cited
sources) and as share links (a link is not a request); the theme's frame links only to the
site. `python -m scripts privacy [SITE_DIR]` (scripts/checks/commands.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from scripts.core.languages import own_host
from scripts.share.links import is_share_link

RESOURCE_ATTRIBUTES = {
    "script": ["src"],
    "link": ["href"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "iframe": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "form": ["action"],
    "input": ["formaction"],
    "button": ["formaction"],
    "track": ["src"],
}
# <link> relations that name a page rather than load it.
NAVIGATION_RELS = {"canonical", "alternate", "prev", "next"}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")


def foreign(url: str, host: str) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme in ("data", "mailto", "tel"):
        return False
    return bool(parts.netloc) and parts.netloc != host


def _urls(value: str, attribute: str) -> list[str]:
    if attribute == "srcset":
        return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
    return [value]


def page_findings(html: str, host: str) -> list[str]:
    soup = BeautifulSoup(html, "lxml")
    findings = []
    for tag, attributes in RESOURCE_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            if tag == "link" and NAVIGATION_RELS & set(element.get("rel", [])):
                continue
            for attribute in attributes:
                for url in _urls(element.get(attribute, ""), attribute):
                    if url and foreign(url, host):
                        findings.append(f"<{tag} {attribute}> loads {url}")
    for style in [*soup.find_all("style"), *soup.select("[style]")]:
        css = (style.string or "") if style.name == "style" else style["style"]
        findings += [f"inline CSS loads {url}" for url in CSS_URL.findall(css) if foreign(url, host)]
    content = soup.select_one("article")
    for link in soup.find_all("a", href=True):
        # A share link loads nothing: it is followed only when the reader chooses (scripts/share/links.py).
        if is_share_link(link.get("class")):
            continue
        if foreign(link["href"], host) and (content is None or content not in link.parents):
            findings.append(f"<a href> outside the text leaves the site for {link['href']}")
    return findings


def site_findings(site_dir: Path, host: str | None = None) -> dict[str, list[str]]:
    host = own_host() if host is None else host
    findings: dict[str, list[str]] = {}
    for path in sorted(site_dir.rglob("*")):
        if path.suffix == ".html":
            found = page_findings(path.read_text(encoding="utf-8"), host)
        elif path.suffix == ".css":
            found = [
                f"CSS loads {url}" for url in CSS_URL.findall(path.read_text(encoding="utf-8")) if foreign(url, host)
            ]
        else:
            continue
        if found:
            findings[str(path.relative_to(site_dir))] = found
    return findings
