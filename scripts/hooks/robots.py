"""mkdocs hook: robots.txt, naming the sitemap by its full address (the original language's build writes it).

The pages' preview images are drawn after the build, with the PDFs (scripts/editions/make.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from scripts.core.languages import current_language, default_language
from scripts.share.robots import robots_txt


def on_post_build(config: MkDocsConfig) -> None:
    if current_language(config) == default_language(config):
        (Path(config.site_dir) / "robots.txt").write_text(robots_txt(config.site_url or ""), encoding="utf-8")
