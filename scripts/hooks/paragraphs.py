"""mkdocs hook: number the paragraphs of the text, continuously across its pages (scripts/text/paragraphs.py).

page_html.py marks them while each page is rendered; once every page exists (on_env) the numbers are
placed in the navigation's order, and a translation with more or fewer paragraphs than its original stops the build.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from scripts.core.pages import nav_pages
from scripts.text.paragraphs import number_text


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    number_text(nav_pages(files, config), config)
    return env
