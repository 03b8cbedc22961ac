"""Files of the built site that are not pages: robots.txt, and which pages belong to a language."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin


def robots_txt(site_url: str) -> str:
    """Every page may be read; the sitemap is named by its full address, as the standard asks."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(site_url, 'sitemap.xml')}\n"


def language_pages(folder: Path, other_languages: list[str]) -> list[Path]:
    """The built pages under a language's folder, leaving out the other languages' folders inside it."""
    skipped = {folder / name for name in other_languages}
    return sorted(page for page in folder.rglob("index.html") if not any(parent in skipped for parent in page.parents))
