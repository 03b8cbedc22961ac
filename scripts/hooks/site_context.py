"""mkdocs hook: check the data before building, and give templates what they show.

Templates read `mf` (manifesto data, the language's strings, the argument pages);
they hold no prose of their own.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import markupsafe
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from scripts.changes.page import feed_path
from scripts.core.languages import current_language, default_language, language_folder, languages
from scripts.core.load import DataError
from scripts.core.manifesto import author_names, manifesto, pdf_path
from scripts.core.pages import front_matter
from scripts.core.strings import strings
from scripts.share.links import share
from scripts.share.meta import page_meta
from scripts.signatories.records import signatories
from scripts.text.parts import text_parts
from scripts.theme.compact import compact_assets, compact_html, write_stylesheet
from scripts.theme.credit import credit_line
from scripts.theme.home import home
from scripts.theme.markup import valid_theme_markup
from scripts.theme.menu import number_reasons


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


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    number_reasons([p for p in text_parts(nav.pages) if front_matter(p.file)["text_part"] == "argument"])
    return nav


def site_context(config: MkDocsConfig, pages: list[Page], page: Page | None = None) -> dict[str, Any]:
    lang = current_language(config)
    ui = strings(lang)
    data = manifesto()
    arguments = [p for p in text_parts(pages) if front_matter(p.file)["text_part"] == "argument"]
    return {
        "strings": ui,
        "manifesto": data,
        # A translated page says by whom, and whether the authors reviewed it (its `translation: status:`).
        "credit": credit_line(ui, data, lang == default_language(config), page_status(page) if page else None),
        "authors": author_names(data),
        "arguments": arguments,
        "argument_number": next((i for i, p in enumerate(arguments, 1) if p is page), None),
        "about_page": next((p for p in pages if front_matter(p.file).get("about")), None),
        "whole_text_page": next((p for p in pages if front_matter(p.file).get("whole_text")), None),
        # The home page's count and the invitation that ends every argument (scripts/signatories/records.py).
        "signatories_count": len(signatories()),
        "signing_page": next((p for p in pages if front_matter(p.file).get("signing")), None),
        "signatories_page": next((p for p in pages if front_matter(p.file).get("signatories")), None),
        "translation": page.meta.get("translation") if page else None,
        "original_url": original_url(page, config) if page else None,
        "original_lang": default_language(config),
        "lang": lang,
        # The home page offers each language's link in that language (shown by assets/offer.js).
        "language_offers": {code: strings(code)["language_offer"] for code in languages(config)},
        # The printable edition of this language; scripts/editions/pdf.py writes its size into the link after the build.
        "pdf_path": pdf_path(lang, data),
        "sign_page": next((p for p in pages if front_matter(p.file).get("signing")), None),
        # Every page's footer: the edition, and the pages marked `footer: true` (changes, legal pages).
        "version": data["edition"]["version"],
        "footer_pages": [p for p in pages if front_matter(p.file).get("footer")],
        "feed_path": feed_path(lang, config),
    }


def page_extras(context: dict[str, Any], page: Page, config: MkDocsConfig, pages: list[Page]) -> None:
    """Head tags, share links and, on the home page, its first screen (scripts/*/page.py)."""
    mf = context["mf"]
    meta = page_meta(page, config, mf["lang"])
    mf["meta"] = meta
    # The pages a reader would pass on; not the legal and changes pages of the footer.
    if not front_matter(page.file).get("footer"):
        mf["share"] = share(
            meta.title, meta.canonical, mf["strings"], mf["strings"]["author_join"].join(author_names())
        )
    if front_matter(page.file).get("text_part") == "introduction":
        mf["home"] = home(page, pages, config, mf["strings"])


def not_found(config: MkDocsConfig, pages: list[Page]) -> list[dict[str, Any]]:
    """The 404 page speaks every built language: its words, and links to its home and whole text."""
    whole = next((p for p in pages if front_matter(p.file).get("whole_text")), None)
    names = {language.locale: language.name for language in config.plugins["i18n"].config.languages}
    # Served at any depth: links start from the site's root path, as mkdocs does for this page.
    root = urlsplit(config.site_url or "/").path or "/"
    return [
        {
            "lang": lang,
            "name": names.get(lang, lang),
            "strings": strings(lang),
            "home": root + language_folder(lang, config),
            "whole_text": root + language_folder(lang, config) + whole.url if whole else None,
        }
        for lang in languages(config)
    ]


def page_status(page: Page) -> str | None:
    translation = page.meta.get("translation")
    return translation.get("status") if isinstance(translation, dict) else None


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
    page_extras(context, page, config, nav.pages)
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
    if template_name == "404.html":
        context["mf"]["not_found"] = not_found(config, context["nav"].pages)
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str | None:
    """The site has one 404 page, at its root: only the original language's build writes it.

    Every language's build renders 404.html to the same place; mkdocs skips a template whose output is empty.
    """
    if template_name == "404.html" and current_language(config) != default_language(config):
        return ""
    return compact_html(valid_theme_markup(output))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return compact_html(valid_theme_markup(output))


def on_post_build(config: MkDocsConfig) -> None:
    """The shared assets/ folder is written by the original language's build."""
    if current_language(config) == default_language(config):
        write_stylesheet(Path(config.docs_dir) / "assets", Path(config.site_dir) / "assets")
        compact_assets(Path(config.site_dir) / "assets")
