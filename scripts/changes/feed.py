"""Each language's Atom feed of the changes page (RFC 4287), from data/changes.yml.

Deterministic: the timestamps are the changes' dates (from midnight UTC), the ids are derived from the
edition's name and the change's id, so they survive a move of the site to another address. Changes of
one day get distinct times, a minute apart in the file's order (newest first, so the latest minute), so
that feed readers sort them as the changes page does.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET

from scripts.changes.records import changes, text_in
from scripts.core.languages import default_language
from scripts.core.manifesto import manifesto
from scripts.core.strings import strings

ATOM = "http://www.w3.org/2005/Atom"


def stamp(date: str, minute: int = 0) -> str:
    return f"{date}T00:{minute:02d}:00Z"


def stamps(entries: list[dict]) -> list[str]:
    """Each change's time: its day, plus one minute per older change of the same day listed after it."""
    return [
        stamp(entry["date"], sum(1 for later in entries[i + 1 :] if later["date"] == entry["date"]))
        for i, entry in enumerate(entries)
    ]


def entry_id(lang: str, change_id: str) -> str:
    name = f"{manifesto()['edition']['pdf_name']}/changes/{lang}/{change_id}"
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


def atom(lang: str, page_url: str, feed_url: str) -> bytes:
    """The feed of one language; `page_url` is the changes page's public address, `feed_url` the feed's."""
    ui = strings(lang)
    entries = changes()
    ET.register_namespace("", ATOM)

    def add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        element.text = text
        return element

    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    add(feed, "id", entry_id(lang, "feed"))
    add(feed, "title", ui["changes_feed_title"].format(site=ui["site_name"]))
    times = stamps(entries)
    add(feed, "updated", max(times))
    add(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    add(feed, "link", rel="alternate", type="text/html", href=page_url)
    add(add(feed, "author"), "name", ui["site_name"])
    for change, time in zip(entries, times, strict=True):
        entry = add(feed, "entry")
        add(entry, "id", entry_id(lang, change["id"]))
        text_lang, text = text_in(change, lang, default_language())
        xml_lang = {"{http://www.w3.org/XML/1998/namespace}lang": text_lang}
        add(entry, "title", text, **xml_lang)
        add(entry, "category", term=change["kind"], label=ui["changes_kind_" + change["kind"]])
        add(entry, "updated", time)
        add(entry, "link", rel="alternate", type="text/html", href=f"{page_url}#{change['id']}")
        version = ui["changes_version"].format(version=change["version"])
        add(entry, "content", f"{text} ({version})", type="text", **xml_lang)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
