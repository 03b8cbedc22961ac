"""mkdocs hook: after each language's build, every page's preview image beside it (scripts/site/share_image.py).

static-i18n builds the languages in turn; each build draws its own pages' images (and, the original
language's build, robots.txt naming the sitemap). Nothing is kept between builds.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from scripts.data.load import author_names, default_language, language_folder, languages, strings
from scripts.data.text import current_language
from scripts.site.share_image import write_images
from scripts.site.site_files import language_pages, robots_txt


def on_post_build(config: MkDocsConfig) -> None:
    lang = current_language(config)
    site_dir = Path(config.site_dir)
    others = [language_folder(other, config).rstrip("/") for other in languages(config) if other != lang]
    pages = language_pages(site_dir / language_folder(lang, config), [o for o in others if o])
    write_images(pages, strings(lang)["author_join"].join(author_names()))
    if lang == default_language(config):
        (site_dir / "robots.txt").write_text(robots_txt(config.site_url or ""), encoding="utf-8")
