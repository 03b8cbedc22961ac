"""The press page's pieces: the six arguments, key quotations, the facts a journalist needs, how to cite.

The quotations are whole paragraphs of the text, chosen by number in data/manifesto.yml
(`key_quotes`); each language shows its own paragraph N, so a translation quotes itself.
They are read from the text's Markdown files, so the press page waits for no other page.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from scripts.citation.export import EXPORTS, MEDIA_TYPES, export_path
from scripts.citation.reference import references_html, shown_date
from scripts.core.addresses import pdf_enabled
from scripts.core.languages import language_folder
from scripts.core.links import PageContext, link
from scripts.core.manifesto import author_names, epub_path, leaflet_path, manifesto, pdf_path, poster_path
from scripts.core.pages import front_matter
from scripts.text.parts import text_parts
from scripts.text.quote import quote


def render_arguments(ctx: PageContext) -> str:
    arguments = [p for p in text_parts(ctx.pages) if front_matter(p.file)["text_part"] == "argument"]
    items = "".join(f"<li>{link(ctx.url_to(p), ctx.title(p))}</li>" for p in arguments)
    return f'<ol class="mf-press-arguments">{items}</ol>'


def render_facts(ctx: PageContext) -> str:
    ui, data = ctx.ui, manifesto()
    pub = data["first_publication"]
    first = ui["press_first_publication_value"].format(
        publisher=pub["publisher"], website=pub["website"], number=pub.get("number", ""), date=shown_date(ctx.lang)
    )
    first_links = [link(pub["url"], ui["press_first_publication_page"])]
    if "pdf_url" in pub:
        first_links.append(link(pub["pdf_url"], ui["press_first_publication_pdf"]))
    facts = [
        (ui["press_authors"], escape(ui["author_join"].join(author_names(data)))),
        (ui["press_first_publication"], f"{escape(first)} — {' · '.join(first_links)}"),
    ]
    if pdf_enabled(ctx.config):
        facts.append((ui["press_pdf"], link(ctx.url_to(pdf_path(ctx.lang)), ui["press_pdf_link"])))
        # The editions made beside the PDF (scripts/editions/): for e-readers, and to print and post.
        facts.append((ui["epub_download"], link(ctx.url_to(epub_path(ctx.lang)), ui["pdf_download"])))
        sheets = [(leaflet_path, "print_leaflet"), (poster_path, "print_poster")]
        posted = Markup(" · ").join(link(ctx.url_to(path(ctx.lang)), ui[label]) for path, label in sheets)
        facts.append((ui["print_heading"], posted))
    contact = data["contact"]
    if contact.get("placeholder"):
        # A message sent to a stand-in address is lost: shown, never a link, until the real one is set.
        shown = Markup('{} <strong class="mf-placeholder">{}</strong>').format(
            contact["email"], ui["press_contact_placeholder"]
        )
    else:
        shown = link(f"mailto:{contact['email']}", contact["email"])
    facts += [(ui["press_contact"], shown), (ui["press_version"], escape(data["edition"]["version"]))]
    rows = "".join(f"<dt>{escape(term)}</dt><dd>{value}</dd>" for term, value in facts)
    return f'<dl class="mf-press-facts">{rows}</dl>'


def render_cite(ctx: PageContext) -> str:
    ui = ctx.ui
    downloads = " · ".join(
        link(
            ctx.url_to(language_folder(ctx.lang, ctx.config) + export_path(ext)),
            label,
            type=MEDIA_TYPES[ext],
            download="",
        )
        for ext, label in zip(EXPORTS, ("BibTeX", "RIS", "CSL-JSON"), strict=True)
    )
    references = references_html(ctx.lang, ctx.config, ctx.pages)
    return f'<div class="mf-cite">{references}<p>{escape(ui["cite_download"])} {downloads}</p></div>'


def render_quotes(ctx: PageContext) -> str:
    """The key quotations: paragraph N's words and a link to it, read from the text's Markdown files."""
    items = []
    for wanted in manifesto().get("key_quotes", []):
        n = wanted["paragraph"]
        part, text = quote(n, ctx, "key_quotes", wanted["starts"])
        source = link(ctx.url_to(part, f"p{n}"), ctx.ui["press_quote_source"].format(n=n, title=ctx.title(part)))
        items.append(f"<li><blockquote><p>{escape(text)}</p></blockquote><p>— {source}</p></li>")
    return f'<ul class="mf-quotes">{"".join(items)}</ul>'
