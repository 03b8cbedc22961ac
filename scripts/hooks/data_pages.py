"""mkdocs hook: `<!-- data: NAME -->` markers replaced by HTML from the data (scripts/markers.py).

The registry (data/sources.yml) is checked before anything is built. Runs after paragraphs.py:
the press page quotes numbered paragraphs.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.core.load import DataError
from scripts.core.pages import nav_pages
from scripts.markers import fill_quotes, replace_markers
from scripts.sources.registry import sources


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        sources()
    except DataError as error:
        raise PluginError(str(error)) from None
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return replace_markers(markdown, page, config, files)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    fill_quotes(nav_pages(files, config), config, files)
    return env
