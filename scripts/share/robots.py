"""robots.txt: every page may be read, and the sitemap is named by its full address."""

from __future__ import annotations

from urllib.parse import urljoin


def robots_txt(site_url: str) -> str:
    """Every page may be read; the sitemap is named by its full address, as the standard asks."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(site_url, 'sitemap.xml')}\n"
