"""The citation exports: BibTeX, RIS and CSL-JSON, written into `cite/` of each language.

A detail that is not verified carries a note saying so in every export.
"""

from __future__ import annotations

import json
import re

import rispy

from scripts.citation.reference import (
    Data,
    Translation,
    citation_key,
    csl_item,
    csl_translation,
    publication,
    reference,
    translation_year,
    translator,
    unverified_note,
)
from scripts.core.dates import date_parts
from scripts.core.manifesto import manifesto, original_title
from scripts.core.strings import strings

EXPORTS = ("bib", "ris", "json")


MEDIA_TYPES = {"bib": "application/x-bibtex", "ris": "application/x-research-info-systems", "json": "application/json"}


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


class Corporate(str):
    """An organisation's name in a BibTeX name field: braced once more, so that BibTeX and biblatex
    read it whole ("{{Refusing remote social work}}"), not as a person whose family name is "work"."""


def _bibtex_value(name: str, value: str) -> str:
    if name == "url":
        return bibtex_url(value)
    return f"{{{bibtex_text(value)}}}" if isinstance(value, Corporate) else bibtex_text(value)


def _bibtex_entry(kind: str, key: str, fields: dict[str, str | None]) -> str:
    body = ",\n".join(f"  {name} = {{{_bibtex_value(name, value)}}}" for name, value in fields.items() if value)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def bibtex(lang: str, data: Data | None = None, translation: Translation | None = None) -> str:
    """The first publication; with a translation, the translated edition too (biblatex's orig* fields)."""
    data = data or manifesto()
    pub = publication(data)
    parts = date_parts(pub["date"])
    fields = {
        "author": " and ".join(f"{a['family']}, {a['given']}" for a in data["authors"]),
        "title": original_title(data),
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
            "translator": Corporate(translator(translation.lang)),
            "origtitle": original_title(data),
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
        "title": original_title(data),
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
