"""The changes page's list and each language's feed address (marker `changes`)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from scripts.changes.records import changes, text_in
from scripts.core.addresses import pdf_enabled
from scripts.core.dates import time_html
from scripts.core.languages import default_language, language_folder, languages
from scripts.core.links import PageContext, link
from scripts.core.manifesto import versioned_pdf_path

FEED = "feed.xml"  # each language's Atom feed, in its folder of the built site


def feed_path(lang: str, config: Any = None) -> str:
    return language_folder(lang, config) + FEED


def language_names(ctx: PageContext) -> dict[str, str]:
    i18n = ctx.config.plugins["i18n"]
    return {language.locale: language.name for language in i18n.config.languages}


def render_changes(ctx: PageContext) -> str:
    """Every change, newest first, with its anchor; each kept edition links its PDFs in every language."""
    ui = ctx.ui
    names = language_names(ctx)
    feed = link(ctx.url_to(feed_path(ctx.lang, ctx.config)), ui["changes_feed"])
    items = []
    for entry in changes():
        heading = Markup("{} · {} · {}").format(
            time_html(entry["date"], ctx.lang),
            ui[f"changes_kind_{entry['kind']}"],
            ui["changes_version"].format(version=entry["version"]),
        )
        lang, text = text_in(entry, ctx.lang, default_language(ctx.config))
        body = Markup('<p class="mf-change-meta">{}</p><p lang="{}">{}</p>').format(heading, lang, text)
        if entry.get("pdf") and pdf_enabled(ctx.config):
            pdfs = Markup(" · ").join(
                link(
                    ctx.url_to(versioned_pdf_path(other, entry["version"])),
                    names.get(other, other),
                    type="application/pdf",
                    hreflang=other,
                )
                for other in languages(ctx.config)
            )
            body += Markup('<p class="mf-change-pdfs">{} {}</p>').format(ui["changes_pdfs"], pdfs)
        items.append(Markup('<li id="{}">{}</li>').format(entry["id"], body))
    listing = Markup('<ol class="mf-changes" reversed>{}</ol>').format(Markup("").join(items))
    # A feed link opens raw XML in a browser: one sentence says what a feed is and how to follow it.
    return str(Markup('<p class="mf-feed">{} {}</p>{}').format(feed, ui["changes_feed_help"], listing))
