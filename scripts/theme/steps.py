"""The theme's steps in the build: the site named in its language, what templates get (`mf`), the
language switcher to the same page, one 404 page, and every page and asset written compact."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import markupsafe
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from scripts.core.languages import current_language, default_language, languages
from scripts.core.manifesto import manifesto, site_description
from scripts.core.pages import front_matter
from scripts.core.strings import strings
from scripts.text.parts import text_parts
from scripts.theme.compact import compact_assets, compact_html, write_stylesheet
from scripts.theme.context import not_found, page_extras, site_context
from scripts.theme.markup import valid_theme_markup
from scripts.theme.menu import number_reasons
from scripts.theme.templates import SHARED


def name_the_site(config: MkDocsConfig) -> None:
    """The facts and every language's strings are checked; the site's name and description come from
    the language's strings. Material prints them unescaped (and escaped in a few places): as Markup
    they are escaped exactly once everywhere."""
    manifesto()
    for lang in languages(config):  # a language still in progress (build: false) may lack its labels
        strings(lang)
    ui = strings(current_language(config))
    config.site_name = markupsafe.escape(ui["site_name"])
    config.site_description = markupsafe.escape(site_description(current_language(config)))


# Material's scripts (its bundle, the search's worker and lunr): no page loads them, the site's own
# scripts are in assets/ (overrides/partials/javascripts/); 2.3 MB that would be published for nothing.
UNUSED_THEME_FILES = "assets/javascripts/"


def leave_out_unused_theme_files(files: Files) -> None:
    for file in [f for f in files if f.src_uri.startswith(UNUSED_THEME_FILES) and not f.is_documentation_page()]:
        files.remove(file)


def number_the_reasons(nav: Navigation) -> None:
    """The menu shows each reason with its number."""
    number_reasons([p for p in text_parts(nav.pages) if front_matter(p.file)["text_part"] == "argument"])


def share_compiled_templates(env: Environment) -> None:
    """The theme's templates are compiled once per process, not once per language (theme/templates.py)."""
    env.bytecode_cache = SHARED


def heading_link_titles(html: str, config: MkDocsConfig) -> str:
    """Heading self-links get their title in the page's language."""
    title = escape(strings(current_language(config))["heading_link_title"], quote=True)
    return html.replace('class="headerlink" href=', f'class="headerlink" title="{title}" href=').replace(
        ' title="Permanent link"', ""
    )


def page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> None:
    """`mf` for the page's template; the language switcher and the hreflang alternates lead to this
    same page in each language, home page included, by relative links (static-i18n leaves
    root-absolute ones on home pages). Runs after static-i18n's own page context, which sets them."""
    context["mf"] = site_context(config, nav.pages, page)
    page_extras(context, page, config, nav.pages)
    alternates = getattr(page.file, "alternates", {})
    # static-i18n sets `config.extra.alternate` as an attribute, which is what the templates read.
    for alternate in getattr(config.extra, "alternate", None) or []:
        if alternate["lang"] in alternates:
            alternate["link"] = alternates[alternate["lang"]].url or "./"


def template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> None:
    """Pages made from a template alone (404.html) get the same footer; the 404 page every language."""
    context["mf"] = site_context(config, context["nav"].pages)
    if template_name == "404.html":
        context["mf"]["not_found"] = not_found(config, context["nav"].pages)


def written_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """The site has one 404 page, at its root: only the original language's build writes it.

    Every language's build renders 404.html to the same place; mkdocs skips a template whose output is empty.
    """
    if template_name == "404.html" and current_language(config) != default_language(config):
        return ""
    return written_page(output)


def written_page(output: str) -> str:
    """A page as it is sent: the theme's markup made valid, without indentation and comments."""
    return compact_html(valid_theme_markup(output))


def write_assets(config: MkDocsConfig) -> None:
    """The shared assets/ folder is written by the original language's build: one stylesheet, compact scripts."""
    if current_language(config) == default_language(config):
        write_stylesheet(Path(config.docs_dir) / "assets", Path(config.site_dir) / "assets")
        compact_assets(Path(config.site_dir) / "assets")
