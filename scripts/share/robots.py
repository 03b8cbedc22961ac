"""robots.txt: every page may be read, and the sitemap is named by its full address."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig

from scripts.core.languages import current_language, default_language


def robots_txt(site_url: str) -> str:
    """Every page may be read; the sitemap is named by its full address, as the standard asks."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(site_url, 'sitemap.xml')}\n"


def write_robots_txt(config: MkDocsConfig) -> None:
    """Written once, by the original language's build (the file is the site's, at its root)."""
    if current_language(config) == default_language(config):
        (Path(config.site_dir) / "robots.txt").write_text(robots_txt(config.site_url or ""), encoding="utf-8")
