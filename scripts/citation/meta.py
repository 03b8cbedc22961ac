"""Citation metadata in the text's pages: Highwire Press and Dublin Core meta tags, schema.org JSON-LD.

Machine-read metadata cannot carry a note: the first publication's date is given only to the
precision that is certain (the year) while it is not verified.
"""

from __future__ import annotations

from collections.abc import Iterable

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from mkdocs.structure.pages import Page

from scripts.citation.reference import Data, certain_date, publication, reference, translator
from scripts.core.manifesto import manifesto, original_title
from scripts.core.pages import body, front_matter, in_language
from scripts.sources.registry import Entry, cited_on, sources
from scripts.text.parts import FOOTNOTE_DEF

SCHEMA_TYPES = {
    "book": "Book",
    "chapter": "Chapter",
    "article": "Article",
    "report": "Report",
    "speech": "CreativeWork",
}


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
    tags = [("citation_title", title if original else original_title(data))]
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
        "name": original_title(data),
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
