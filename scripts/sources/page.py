"""The sources page: every work of the registry, with its anchor, the notes that cite it and its links.

Rendered from data/sources.yml and data/manifesto.yml with the words of docs/<lang>/interface.yml;
the page's Markdown holds only its title, an introduction and the marker `<!-- data: sources -->`.
"""

from __future__ import annotations

from html import escape
from typing import Any

from markupsafe import Markup

from scripts.citation.reference import initial, publication, references_html
from scripts.core.dates import localized_date
from scripts.core.links import PageContext, link
from scripts.sources.registry import Entry, sources

QUOTED_TYPES = {"chapter", "article"}
THE_TEXT_ANCHOR = "mahy-blairon"


def person_short(person: dict[str, str]) -> str:
    if "organisation" in person:
        return person["organisation"]
    return f"{initial(person['given'])} {person['family']}"


def people(persons: list[dict[str, str]], ui: dict[str, str]) -> str:
    return ui["author_join"].join(person_short(p) for p in persons)


def bibliographic(entry: Entry, ui: dict[str, str], lang: str) -> str:
    """The entry as one reference line (HTML), with only the details the registry holds."""
    parts = [escape(people(entry["authors"], ui))]
    if entry["type"] == "mention":
        parts.append(escape(ui["sources_mention"]))
        return ", ".join(parts)
    # The title and container in the work's language, marked as such on a page in another (WCAG 3.1.2).
    marked = f' lang="{entry["language"]}"' if entry.get("language", lang) != lang else ""
    if "title" in entry:
        title = escape(entry["title"])
        parts.append(
            escape(ui["bib_quoted"]).format(title=f"<span{marked}>{title}</span>" if marked else title)
            if entry["type"] in QUOTED_TYPES
            else f"<cite{marked}>{title}</cite>"
        )
    else:
        parts.append(escape(ui["sources_untitled"]))
    if "translators" in entry:
        parts.append(escape(ui["bib_translators"].format(names=people(entry["translators"], ui))))
    if "container" in entry:
        container = (
            f"<cite{marked}>{escape(entry['container'])}</cite>"
            if entry["type"] != "speech"
            else (f"<span{marked}>{escape(entry['container'])}</span>" if marked else escape(entry["container"]))
        )
        if "editors" in entry:
            container = escape(ui["bib_editors"].format(names=people(entry["editors"], ui))) + ", " + container
        parts.append(f"{escape(ui['bib_in'])} {container}" if entry["type"] == "chapter" else container)
    parts += [escape(entry[key]) for key in ("place", "publisher") if key in entry]
    if "series" in entry:
        parts.append(escape(ui["bib_series"].format(series=entry["series"])))
    if "date" in entry:
        parts.append(escape(localized_date(entry["date"], lang)))
    if "pages" in entry:
        parts.append(escape(ui["sources_pages"].format(pages=entry["pages"])))
    if "isbn" in entry:
        parts.append(f"ISBN {escape(entry['isbn'])}")
    text = ", ".join(parts)
    if "reissue" in entry:
        text += ". " + escape(reissue(entry["reissue"], ui, lang))
    return text


def reissue(data: dict[str, Any], ui: dict[str, str], lang: str) -> str:
    details = [data["publisher"]]
    if "editors" in data:
        details.append(ui["bib_editors"].format(names=people(data["editors"], ui)))
    details.append(localized_date(data["date"], lang))
    text = ui["bib_reissue"].format(details=", ".join(details))
    if "text_says" in data:
        text += " " + ui["bib_text_says"].format(date=data["text_says"])
    return text


def where_cited(entry: Entry, ctx: PageContext) -> list[str]:
    ui = ctx.ui
    lines = []
    whole = ctx.flagged("whole_text")
    pins = {p["note"]: p["pages"] for p in entry.get("pinpoints", [])}
    if entry.get("footnotes") and whole is not None:
        notes = []
        for n in entry["footnotes"]:
            note = link(ctx.url_to(whole, f"fn:{n}"), str(n), aria_label=ui["footnote_ref_label"].format(n=n))
            if n in pins:
                note += Markup(" ({})").format(ui["sources_pages"].format(pages=pins[n]))
            notes.append(note)
        lines.append(f"{escape(ui['sources_cited_in_notes'])} {', '.join(notes)}")
    if entry.get("named_in"):
        pages = [ctx.page_for(src) for src in entry["named_in"]]
        named = ", ".join(link(ctx.url_to(p), ctx.title(p)) for p in pages)
        lines.append(f"{escape(ui['sources_named_in'])} {named}")
    return lines


def status(entry: Entry, ui: dict[str, str]) -> list[str]:
    lines = []
    for key, template in (("unverified", "sources_unverified"), ("missing", "sources_missing")):
        if entry.get(key):
            fields = ", ".join(ui[f"sources_field_{field}"] for field in entry[key])
            lines.append(escape(ui[template].format(fields=fields)))
    return lines


def link_item(data: dict[str, Any], ui: dict[str, str], lang: str) -> str:
    role = escape(ui[f"sources_link_{data['role']}"])
    if data.get("dead"):
        state = escape(ui["sources_link_dead"])
        archive = (
            link(data["archive"], ui["sources_link_archive"], class_="mf-archive")
            if "archive" in data
            else escape(ui["sources_no_archive"])
        )
        return f'<li class="mf-dead"><s>{link(data["url"], data["url"])}</s> — {role} ({state}) — {archive}</li>'
    # An unchecked address is not flagged item by item: one note under the list says so (render_sources).
    if "checked" not in data:
        return f"<li>{link(data['url'], data['url'])} — {role}</li>"
    checked = ui["sources_link_checked"].format(date=localized_date(data["checked"], lang))
    return f"<li>{link(data['url'], data['url'])} — {role} ({escape(checked)})</li>"


def entry_html(entry: Entry, ctx: PageContext) -> str:
    paragraphs = [f'<p class="mf-source-ref">{bibliographic(entry, ctx.ui, ctx.lang)}.</p>']
    paragraphs += [f'<p class="mf-source-where">{line}</p>' for line in where_cited(entry, ctx)]
    paragraphs += [f'<p class="mf-source-status">{line}</p>' for line in status(entry, ctx.ui)]
    if entry.get("links"):
        items = "".join(link_item(data, ctx.ui, ctx.lang) for data in entry["links"])
        paragraphs.append(f'<ul class="mf-source-links">{items}</ul>')
    return f'<li id="{escape(entry["id"])}" class="mf-source">{"".join(paragraphs)}</li>'


def the_text_html(ctx: PageContext) -> str:
    """The text itself comes first: its first publication, from data/manifesto.yml (and, on a translation,
    the translation as read on this site)."""

    pub = publication()
    links = [{"url": pub["url"], "role": "page"}]
    if "pdf_url" in pub:
        links.append({"url": pub["pdf_url"], "role": "pdf"})
    items = "".join(link_item(data, ctx.ui, ctx.lang) for data in links)
    return (
        f'<li id="{THE_TEXT_ANCHOR}" class="mf-source">'
        f'<p class="mf-source-where">{escape(ctx.ui["sources_the_text"])}</p>'
        f'<div class="mf-source-ref mf-cite">{references_html(ctx.lang, ctx.config, ctx.pages)}</div>'
        f'<ul class="mf-source-links">{items}</ul></li>'
    )


def render_sources(ctx: PageContext) -> str:
    entries = "".join(entry_html(entry, ctx) for entry in sources())
    listed = f'<ol class="mf-sources">{the_text_html(ctx)}{entries}</ol>'
    # The text's own addresses (the_text_html) carry no check date: they count as unchecked.
    links = [{"url": publication()["url"]}, *(data for entry in sources() for data in entry.get("links", []))]
    if any("checked" not in data and not data.get("dead") for data in links):
        listed += f'<p class="mf-sources-note">{escape(ctx.ui["sources_links_unchecked_note"])}</p>'
    return listed
