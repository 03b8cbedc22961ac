"""mkdocs hook: check the data before building, and give templates what they show.

Templates read `mf` (manifesto data, the language's strings, the argument pages);
they hold no prose of their own.
"""

from __future__ import annotations

from html import escape
from typing import Any

import markupsafe
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from scripts.data.load import DataError, default_language, languages, manifesto, pdf_path, strings
from scripts.data.signatories import signatories
from scripts.data.text import current_language, front_matter, text_parts
from scripts.site.credit import credit
from scripts.site.legal_pages import feed_path


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        manifesto()
        for lang in languages(config):  # a language still in progress (build: false) may lack its labels
            strings(lang)
    except DataError as error:
        raise PluginError(str(error)) from None
    # The site's name and description are interface text: they come from the language's table.
    # Material prints them unescaped (and escaped in a few places): as Markup they are escaped
    # exactly once everywhere.
    ui = strings(current_language(config))
    config.site_name = markupsafe.escape(ui["site_name"])
    config.site_description = markupsafe.escape(ui["site_description"])
    return config


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Heading self-links get their title in the page's language."""
    title = escape(strings(current_language(config))["heading_link_title"], quote=True)
    return html.replace('class="headerlink" href=', f'class="headerlink" title="{title}" href=').replace(
        ' title="Permanent link"', ""
    )


def site_context(config: MkDocsConfig, pages: list[Page], page: Page | None = None) -> dict[str, Any]:
    lang = current_language(config)
    ui = strings(lang)
    data = manifesto()
    arguments = [p for p in text_parts(pages) if front_matter(p.file)["text_part"] == "argument"]
    return {
        "strings": ui,
        "manifesto": data,
        "credit": credit(ui, data),
        "arguments": arguments,
        "argument_number": next((i for i, p in enumerate(arguments, 1) if p is page), None),
        "about_page": next((p for p in pages if front_matter(p.file).get("about")), None),
        "whole_text_page": next((p for p in pages if front_matter(p.file).get("whole_text")), None),
        # The home page's count and the invitation that ends every argument (scripts/data/signatories.py).
        "signatories_count": len(signatories()),
        "signing_page": next((p for p in pages if front_matter(p.file).get("signing")), None),
        "signatories_page": next((p for p in pages if front_matter(p.file).get("signatories")), None),
        "translation": page.meta.get("translation") if page else None,
        "original_url": original_url(page, config) if page else None,
        "original_lang": default_language(config),
        "lang": lang,
        # The printable edition of this language; scripts/pdf.py writes its size into the link after the build.
        "pdf_path": pdf_path(lang, data),
        # Every page's footer: the edition, and the pages marked `footer: true` (changes, legal pages).
        "version": data["edition"]["version"],
        "footer_pages": [p for p in pages if front_matter(p.file).get("footer")],
        "feed_path": feed_path(lang, config),
    }


def original_url(page: Page, config: MkDocsConfig) -> str | None:
    """Site-relative URL of the same page in the original language (None on an original page)."""
    source = default_language(config)
    if current_language(config) == source:
        return None
    alternate = getattr(page.file, "alternates", {}).get(source)
    return alternate.url if alternate else None


@event_priority(-50)  # after static-i18n's own page context (priority 50), which resets the alternates
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    context["mf"] = site_context(config, nav.pages, page)
    # The language switcher and the hreflang alternates lead to this same page in each language,
    # home page included, by relative links (static-i18n leaves root-absolute ones on home pages).
    alternates = getattr(page.file, "alternates", {})
    # static-i18n sets `config.extra.alternate` as an attribute, which is what the templates read.
    for alternate in getattr(config.extra, "alternate", None) or []:
        if alternate["lang"] in alternates:
            alternate["link"] = alternates[alternate["lang"]].url or "./"
    return context


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    """Pages made from a template alone (404.html) get the same footer."""
    context["mf"] = site_context(config, context["nav"].pages)
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str | None:
    """The site has one 404 page, at its root: only the original language's build writes it.

    Every language's build renders 404.html to the same place; mkdocs skips a template whose output is empty.
    """
    if template_name == "404.html" and current_language(config) != default_language(config):
        return ""
    return output
