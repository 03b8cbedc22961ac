"""mkdocs hook: number the paragraphs of the text, continuously across its pages (scripts/site/paragraphs.py).

Numbering runs once every page's HTML exists (on_env), in the navigation's order.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from scripts.data.text import nav_pages
from scripts.site.paragraphs import number_text


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    number_text(nav_pages(files, config), config)
    return env
