"""What the easy-to-read page shows from data: whether readers checked it, and its PDF.

Each sentence is a paragraph of its own, as the page's Markdown writes its sentences (one per line).
"""

from __future__ import annotations

from markupsafe import Markup

from scripts.core.dates import localized_date
from scripts.core.links import PageContext
from scripts.easy_read.records import easy_read_epub_path, easy_read_pdf_path, readers_check

# Filled with the PDF's size by the editions step (scripts/editions/easy_read.py), like the text's PDF links.
SIZE_CLASS = "mf-easy-pdf-size"


def render_check(ctx: PageContext) -> str:
    """Whether readers with learning disabilities have checked this language's summary, and what changed.

    Never more than the data says: no easy-to-read logo, whose use requires such a check."""
    check = readers_check(ctx.lang)
    if not check["checked"]:
        return Markup('<p class="mf-easy-check">{}</p>').format(ctx.ui["easy_read_unchecked"])
    return Markup('<p class="mf-easy-check">{}</p>\n<p class="mf-easy-check">{}</p>').format(
        ctx.ui["easy_read_checked"].format(by=check["by"], date=localized_date(check["date"], ctx.lang)),
        ctx.ui["easy_read_changed"].format(changes=check["changes"]),
    )


def render_pdf_link(ctx: PageContext) -> str:
    """The summary's PDF, when this build makes PDFs (`extra.pdf`); its size is written in by the editions step."""
    if not ctx.config.extra.get("pdf"):
        return ""
    return Markup(
        '<p class="mf-easy-pdf mf-screen-only"><a href="{}" type="application/pdf" hreflang="{}">{} '
        '<span class="{}" data-pdf-lang="{}"></span></a> · '
        '<a href="{}" type="application/epub+zip" hreflang="{}">{}</a></p>'
    ).format(
        ctx.url_to(easy_read_pdf_path(ctx.lang)),
        ctx.lang,
        ctx.ui["easy_read_pdf"],
        SIZE_CLASS,
        ctx.lang,
        ctx.url_to(easy_read_epub_path(ctx.lang)),
        ctx.lang,
        ctx.ui["easy_read_epub"],
    )
