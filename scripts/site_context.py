"""mkdocs hook: check the data before building, and give templates what they show.

Templates read `mf` (manifesto data, the language's strings, the argument pages);
they hold no prose of their own.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from scripts.site_data import DataError, author_names, languages, manifesto, pdf_path, strings
from scripts.text_parts import current_language, front_matter, text_parts

_pages: list[Page] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        manifesto()
        for lang in languages(config):
            strings(lang)
    except DataError as error:
        raise PluginError(str(error)) from None
    return config


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Heading self-links get their title in the page's language."""
    title = strings(current_language(config))["heading_link_title"]
    return html.replace('class="headerlink" href=', f'class="headerlink" title="{title}" href=').replace(
        ' title="Permanent link"', ""
    )


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _pages[:] = nav.pages
    return nav


def credit(ui: dict[str, str], data: dict[str, Any]) -> str:
    publication = data["first_publication"]
    return ui["credit"].format(
        authors=ui["author_join"].join(author_names(data)),
        publisher=publication["publisher"],
        website=publication["website"],
        number=publication.get("number", ""),
    )


def site_context(config: MkDocsConfig, page: Page | None = None) -> dict[str, Any]:
    lang = current_language(config)
    ui = strings(lang)
    data = manifesto()
    arguments = [p for p in text_parts(_pages) if front_matter(p.file)["text_part"] == "argument"]
    return {
        "strings": ui,
        "manifesto": data,
        "credit": credit(ui, data),
        "arguments": arguments,
        "argument_number": next((i for i, p in enumerate(arguments, 1) if p is page), None),
        "about_page": next((p for p in _pages if front_matter(p.file).get("about")), None),
        "whole_text_page": next((p for p in _pages if front_matter(p.file).get("whole_text")), None),
        "lang": lang,
        # The printable edition of this language; scripts/pdf.py writes its size into the link after the build.
        "pdf_path": pdf_path(lang, data),
    }


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    context["mf"] = site_context(config, page)
    return context


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    """Pages made from a template alone (404.html) get the same footer."""
    context["mf"] = site_context(config)
    return context
