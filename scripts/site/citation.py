"""How to cite the text, from data/manifesto.yml: references, exports and page metadata.

As a library: the formatted reference in a language's usual style (templates in
docs/<lang>/interface.yml), BibTeX, RIS and CSL-JSON, Highwire Press meta tags and schema.org
JSON-LD. As an mkdocs hook: gives templates `mf_citation` on the text's pages and writes
`cite/<key>.{bib,ris,json}` into each language's folder of the built site.
As a command: `python -m scripts.citation cff` writes CITATION.cff, `--check` verifies it.

A detail that is not verified is never stated bare: exports carry a note saying so, and
machine-read metadata that cannot carry a note (meta tags, JSON-LD, CITATION.cff's date)
give the publication date only to the precision that is certain (the year).
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from typing import Any

import rispy
import yaml
from babel.dates import format_date, format_skeleton
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from scripts.data.load import ROOT, default_language, manifesto, pdf_path, strings
from scripts.data.sources import Entry, sources
from scripts.data.text import front_matter
from scripts.site.page_links import plain_title

CFF = ROOT / "CITATION.cff"
EXPORTS = ("bib", "ris", "json")
MEDIA_TYPES = {"bib": "application/x-bibtex", "ris": "application/x-research-info-systems", "json": "application/json"}
SCHEMA_TYPES = {
    "book": "Book",
    "chapter": "Chapter",
    "article": "Article",
    "report": "Report",
    "speech": "CreativeWork",
}

Data = dict[str, Any]


# --- dates and names -------------------------------------------------------------------------


def date_parts(date: str) -> list[int]:
    return [int(part) for part in date.split("-")]


def localized_date(date: str, lang: str) -> str:
    """'2021' stays as is; '2021-11' and '2021-10-12' in the language's usual words (CLDR, via Babel)."""
    parts = date_parts(date)
    if len(parts) == 1:
        return date
    if len(parts) == 2:
        return format_skeleton("yMMMM", datetime.date(*parts, 1), locale=lang)
    return format_date(datetime.date(*parts), format="long", locale=lang)


def publication(data: Data | None = None) -> Data:
    return (data or manifesto())["first_publication"]


def certain_date(data: Data | None = None) -> str:
    """The publication date to the precision that is certain: the year alone while the date is unverified."""
    pub = publication(data)
    return pub["date"] if pub["date_verified"] else pub["date"][:4]


def initial(given: str) -> str:
    return given if given.endswith(".") and len(given) <= 3 else f"{given[0]}."


def name_fields(person: Data) -> dict[str, str]:
    given, family = person["given"], person["family"]
    return {"given": given, "family": family, "FAMILY": family.upper(), "initial": initial(given)}


def author_list(people: list[Data], ui: dict[str, str]) -> str:
    """Authors in the language's citation style: first and other names, separators (docs/<lang>/interface.yml)."""
    names = [
        ui["cite_author_first" if i == 0 else "cite_author_other"].format(**name_fields(p))
        for i, p in enumerate(people)
    ]
    if len(names) == 1:
        return names[0]
    return ui["cite_author_sep"].join(names[:-1]) + ui["cite_author_last_sep"] + names[-1]


def citation_key(data: Data | None = None) -> str:
    """e.g. mahy-blairon-2021: the file name of the exports and the BibTeX key."""
    data = data or manifesto()
    families = [unicodedata.normalize("NFKD", a["family"]).encode("ascii", "ignore").decode() for a in data["authors"]]
    words = [re.sub(r"[^a-z0-9]+", "", f.lower()) for f in families]
    return "-".join([*words, publication(data)["date"][:4]])


# --- the reference as people read it ---------------------------------------------------------


def shown_date(lang: str, data: Data | None = None) -> str:
    pub = publication(data)
    date = localized_date(pub["date"], lang)
    return date if pub["date_verified"] else strings(lang)["cite_date_unverified"].format(date=date)


def reference(lang: str, data: Data | None = None) -> str:
    """The formatted reference, in the style usual for `lang` (template `cite_reference`)."""
    data = data or manifesto()
    ui = strings(lang)
    pub = publication(data)
    return ui["cite_reference"].format(
        authors=author_list(data["authors"], ui),
        title=data["title"],
        year=pub["date"][:4],
        date=shown_date(lang, data),
        publisher=pub["publisher"],
        place=pub.get("publisher_place", ""),
        website=pub["website"],
        number=pub.get("number", ""),
        url=pub["url"],
    )


def unverified_note(lang: str, data: Data | None = None) -> str | None:
    return None if publication(data)["date_verified"] else strings(lang)["cite_note_date_unverified"]


# --- exports ------------------------------------------------------------------------------------


# LaTeX's special characters as text. Braces become macros, so that a value never holds an
# unbalanced brace: BibTeX counts braces whether a backslash precedes them or not, and one too
# many would end the field and let the rest be read as new fields.
_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
    **{char: "\\" + char for char in "&%$#_"},
}
_LATEX_SPECIAL = re.compile("|".join(map(re.escape, _LATEX)))
# Not allowed in an address (RFC 3986) and special to BibTeX: written percent-encoded, as a browser sends them.
_URL_SPECIAL = re.compile(r"[{}\\\s]")


def one_line(text: str) -> str:
    """A value on one line, whatever whitespace it holds (data are checked, this is defence in depth)."""
    return " ".join(text.split())


# TeX's ligatures (-- and --- as dashes, `` '' ,, << >> as quotes, !` ?` as inverted signs) are
# broken by an empty group, so that the characters print as written.
_LIGATURE = re.compile(r"(?<=([-`',<>]))(?=\1)|(?<=[!?])(?=`)")


def bibtex_text(text: str) -> str:
    return _LIGATURE.sub("{}", _LATEX_SPECIAL.sub(lambda m: _LATEX[m.group()], one_line(text)))


def bibtex_url(url: str) -> str:
    """`url` is read verbatim by biblatex: no LaTeX escapes (they would corrupt `_` and `%`)."""
    return _URL_SPECIAL.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)


def bibtex(lang: str, data: Data | None = None) -> str:
    data = data or manifesto()
    pub = publication(data)
    parts = date_parts(pub["date"])
    fields = {
        "author": " and ".join(f"{a['family']}, {a['given']}" for a in data["authors"]),
        "title": data["title"],
        "institution": pub["publisher"],
        "address": pub.get("publisher_place"),
        "type": strings(lang)["cite_number_label"],
        "number": pub.get("number"),
        "year": str(parts[0]),
        "month": str(parts[1]) if len(parts) > 1 else None,
        "url": pub["url"],
        "langid": data["language"],
        "note": unverified_note(lang, data),
    }
    body = ",\n".join(
        f"  {key} = {{{bibtex_url(value) if key == 'url' else bibtex_text(value)}}}"
        for key, value in fields.items()
        if value
    )
    return f"@techreport{{{citation_key(data)},\n{body}\n}}\n"


class _RisWriter(rispy.RisWriter):
    """RIS as reference managers expect it: lines ending in CR LF, no numbered header."""

    NEWLINE = "\r\n"

    def set_header(self, count: int) -> str:
        return ""


def ris(lang: str, data: Data | None = None) -> str:
    data = data or manifesto()
    pub = publication(data)
    parts = date_parts(pub["date"])
    note = unverified_note(lang, data)
    reference: Data = {
        "type_of_reference": "RPRT",
        "authors": [f"{a['family']}, {a['given']}" for a in data["authors"]],
        "title": data["title"],
        "year": str(parts[0]),
        "date": "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts)),
        "publisher": pub["publisher"],
        "place_published": pub.get("publisher_place"),
        "issn": pub.get("number"),
        "type_of_work": strings(lang)["cite_number_label"],
        "urls": [pub["url"]],
        "language": data["language"],
        "notes": [note] if note else [],
    }
    # A RIS value ends at the line's end: a line break in a value would start a forged line.
    lines = {
        key: [one_line(v) for v in value] if isinstance(value, list) else one_line(value)
        for key, value in reference.items()
        if value
    }
    return rispy.dumps([lines], implementation=_RisWriter)


def csl_item(lang: str, data: Data | None = None) -> Data:
    data = data or manifesto()
    pub = publication(data)
    item = {
        "id": citation_key(data),
        "type": "report",
        "title": data["title"],
        "author": [{"family": a["family"], "given": a["given"]} for a in data["authors"]],
        "issued": {"date-parts": [date_parts(pub["date"])]},
        "publisher": pub["publisher"],
        "publisher-place": pub.get("publisher_place"),
        "genre": strings(lang)["cite_number_label"],
        "number": pub.get("number"),
        "URL": pub["url"],
        "language": data["language"],
        "note": unverified_note(lang, data),
    }
    return {key: value for key, value in item.items() if value}


def csl_json(lang: str, data: Data | None = None) -> str:
    return json.dumps([csl_item(lang, data)], ensure_ascii=False, indent=2) + "\n"


EXPORTERS = {"bib": bibtex, "ris": ris, "json": csl_json}


def export_path(extension: str, data: Data | None = None) -> str:
    """Where an export lives in a language's folder of the built site."""
    return f"cite/{citation_key(data)}.{extension}"


# --- metadata for reference managers and search engines ------------------------------------


def highwire(lang: str, title: str, pdf_url: str | None, data: Data | None = None) -> list[tuple[str, str]]:
    data = data or manifesto()
    pub = publication(data)
    tags = [("citation_title", title)]
    tags += [("citation_author", f"{a['family']}, {a['given']}") for a in data["authors"]]
    tags += [
        ("citation_publication_date", certain_date(data).replace("-", "/")),
        ("citation_language", lang),
        ("citation_publisher", pub["publisher"]),
        ("citation_technical_report_institution", pub["publisher"]),
    ]
    if "number" in pub:
        tags.append(("citation_technical_report_number", pub["number"]))
    if pdf_url:
        tags.append(("citation_pdf_url", pdf_url))
    return tags


def _person(person: Data) -> Data:
    if "organisation" in person:
        return {"@type": "Organization", "name": person["organisation"]}
    return {
        "@type": "Person",
        "givenName": person["given"],
        "familyName": person["family"],
        "name": f"{person['given']} {person['family']}",
    }


def cited_work(entry: Entry) -> Data | None:
    """A registry entry as schema.org; unverified details are left out (JSON-LD cannot say so)."""
    if entry["type"] == "mention":
        return None
    unverified = set(entry.get("unverified", []))
    work: Data = {"@type": SCHEMA_TYPES[entry["type"]], "author": [_person(p) for p in entry["authors"]]}
    if "title" in entry and "title" not in unverified:
        work["name"] = entry["title"]
    if "date" in entry and "date" not in unverified:
        work["datePublished"] = entry["date"]
    if "isbn" in entry and "isbn" not in unverified:
        work["isbn"] = entry["isbn"]
    if "publisher" in entry:
        work["publisher"] = {"@type": "Organization", "name": entry["publisher"]}
    if "container" in entry:
        work["isPartOf"] = {"@type": "CreativeWork", "name": entry["container"]}
    if "pages" in entry:
        work["pagination"] = entry["pages"]
    urls = [link["url"] for link in entry.get("links", []) if link["role"] != "successor"]
    if urls:
        work["url"] = urls[0]
    return work


def json_ld(lang: str, title: str, page_url: str, data: Data | None = None) -> Markup:
    data = data or manifesto()
    pub = publication(data)
    first = {
        "@type": "Report",
        "name": data["title"],
        "inLanguage": data["language"],
        "datePublished": certain_date(data),
        "publisher": {"@type": "Organization", "name": pub["publisher"]},
        "url": pub["url"],
    }
    if "number" in pub:
        first["reportNumber"] = pub["number"]
    article = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": title,
        "name": title,
        "inLanguage": lang,
        "author": [_person(a) for a in data["authors"]],
        "datePublished": certain_date(data),
        "version": data["edition"]["version"],
        "url": page_url,
        "isBasedOn": first,
        "citation": [work for work in map(cited_work, sources()) if work],
    }
    if lang != data["language"]:
        article["translationOfWork"] = first
    # JSON for HTML, as Jinja's `tojson`: <, >, & and ' escaped, so no value can end the <script>
    # element or open a comment in it.
    return htmlsafe_json_dumps(article, ensure_ascii=False, indent=1)


# --- CITATION.cff -----------------------------------------------------------------------------


def cff(data: Data | None = None) -> Data:
    data = data or manifesto()
    pub = publication(data)
    lang = default_language()
    authors = [{"family-names": a["family"], "given-names": a["given"]} for a in data["authors"]]
    parts = date_parts(pub["date"])
    preferred: Data = {
        "type": "report",
        "title": data["title"],
        "authors": [dict(a) for a in authors],
        "institution": {
            "name": pub["publisher"],
            **({"city": pub["publisher_place"]} if "publisher_place" in pub else {}),
        },
        "year": parts[0],
        "url": pub["url"],
        "languages": [data["language"]],
    }
    if len(parts) > 1:
        preferred["month"] = parts[1]
    if "number" in pub:
        preferred["number"] = pub["number"]
    if note := unverified_note(lang, data):
        preferred["notes"] = note
    return {
        "cff-version": "1.2.0",
        "message": strings(lang)["cite_cff_message"],
        "title": data["title"],
        "authors": authors,
        "version": data["edition"]["version"],
        "preferred-citation": preferred,
    }


def cff_text(data: Data | None = None) -> str:
    header = "# Generated from data/manifesto.yml by `python -m scripts.citation cff`: edit the data, not this file.\n"
    return header + yaml.safe_dump(cff(data), allow_unicode=True, sort_keys=False, width=1000)


# --- addresses in the built site ----------------------------------------------------------------


def pdf_enabled(config: MkDocsConfig) -> bool:
    """Whether the PDF step runs after this build (mkdocs.yml `extra.pdf`, from BUILD_PDF)."""
    return bool(config.extra.get("pdf"))


def pdf_url(lang: str, config: MkDocsConfig) -> str | None:
    return absolute_url(pdf_path(lang), config) if pdf_enabled(config) else None


def absolute_url(path: str, config: MkDocsConfig) -> str:
    return (config.site_url or "/").rstrip("/") + "/" + path


def is_text_page(page: Page) -> bool:
    meta = front_matter(page.file)
    return bool(meta.get("text_part") or meta.get("whole_text"))


def text_title(pages: list[Page]) -> str:
    """The text's title in the language being built: the heading of its introduction page."""
    intro = next((p for p in pages if front_matter(p.file).get("text_part") == "introduction"), None)
    return (plain_title(intro) if intro else None) or manifesto()["title"]
