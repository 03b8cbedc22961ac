"""What the templates show: `mf`, the language's strings and facts, the argument pages, head tags,
share links, the home page's first screen, the 404 page's languages. Templates hold no prose of their own."""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from scripts.changes.page import feed_path
from scripts.core.build_date import build_epoch
from scripts.core.dates import localized_date
from scripts.core.languages import current_language, default_language, language_folder, languages
from scripts.core.manifesto import author_names, epub_path, leaflet_path, manifesto, pdf_path, poster_path, text_title
from scripts.core.pages import front_matter
from scripts.core.strings import material_labels, strings
from scripts.easy_read.records import easy_read_page, is_easy_read
from scripts.share.links import share
from scripts.share.meta import page_meta
from scripts.signatories.records import signatories
from scripts.text.parts import text_parts
from scripts.text.typography import tie
from scripts.theme.credit import credit_line
from scripts.theme.home import home


def site_context(config: MkDocsConfig, pages: list[Page], page: Page | None = None) -> dict[str, Any]:
    lang = current_language(config)
    ui = strings(lang)
    data = manifesto()
    arguments = [p for p in text_parts(pages) if front_matter(p.file)["text_part"] == "argument"]
    return {
        # Shown as written, with French spaces tied (« : » never starts a line): templates write
        # these strings after the pages' own text has been tied (scripts/text/steps.py).
        "strings": {key: tie(value) for key, value in ui.items()},
        # Labels of Material's templates this language replaces (overrides/partials/language.html).
        "material_labels": material_labels(ui),
        # A translated page says by whom, and whether the authors reviewed it (its `translation: status:`).
        "credit": credit_line(
            ui,
            data,
            lang == default_language(config),
            page_status(page) if page else None,
            bool(page and is_easy_read(page)),
        ),
        "authors": author_names(data),
        "arguments": arguments,
        "argument_number": next((i for i, p in enumerate(arguments, 1) if p is page), None),
        "about_page": next((p for p in pages if front_matter(p.file).get("about")), None),
        "whole_text_page": next((p for p in pages if front_matter(p.file).get("whole_text")), None),
        # The easy-to-read summary, linked from the home page and every argument (scripts/easy_read/).
        "easy_read_page": easy_read_page(pages),
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
        # The printable edition of this language; the editions step (editions/make.py) writes its size into the link.
        "pdf_path": pdf_path(lang, data),
        # The EPUB beside it (scripts/editions/epub.py), made by the same step.
        "epub_path": epub_path(lang, data),
        # The leaflet and poster to print and post (scripts/editions/leaflet.py, poster.py), linked from the home page.
        "leaflet_path": leaflet_path(lang, data),
        "poster_path": poster_path(lang, data),
        # Every page's footer: the edition, and the pages marked `footer: true` (changes, legal pages).
        "version": data["edition"]["version"],
        "footer_pages": [p for p in pages if front_matter(p.file).get("footer")],
        "feed_path": feed_path(lang, config),
        # A page printed from the browser names the text and the edition's date (overrides/main.html).
        "text_title": text_title(lang),
        "edition_date": edition_day(lang),
    }


def edition_day(lang: str) -> str | None:
    """The build's day (the last commit's), in the reader's conventions; None outside git without a date."""
    epoch = build_epoch()
    if epoch is None:
        return None
    return localized_date(datetime.datetime.fromtimestamp(epoch, datetime.UTC).date().isoformat(), lang)


def page_extras(context: dict[str, Any], page: Page, config: MkDocsConfig, pages: list[Page]) -> None:
    """Head tags, share links and, on the home page, its first screen (scripts/*/page.py)."""
    mf = context["mf"]
    meta = page_meta(page, config, mf["lang"])
    mf["meta"] = meta
    # The pages a reader would pass on; not the legal and changes pages of the footer.
    found = front_matter(page.file)
    if not found.get("footer"):
        authors = mf["strings"]["author_join"].join(author_names())
        of_the_text = bool(found.get("text_part") or found.get("whole_text"))
        mf["share"] = share(
            meta.title, meta.canonical, mf["strings"], authors, None if of_the_text else text_title(mf["lang"])
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
