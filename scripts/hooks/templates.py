"""mkdocs hook: the theme's templates are compiled once per process, not once per language
(scripts/theme/templates.py)."""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from scripts.theme.templates import SHARED


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = SHARED
    return env
