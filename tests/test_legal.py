"""Legal pages (privacy, legal notice, accessibility) and the changes page: in every language,
linked from every footer, their facts from data with placeholders visible; the Atom feeds; the
PDFs of each edition at their versioned address; the data's checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import feedparser
import pytest

from scripts.changes.records import changes, pdf_editions
from scripts.core.languages import languages
from scripts.core.links import PageContext
from scripts.core.load import DataError
from scripts.core.manifesto import manifesto, pdf_path, versioned_pdf_path
from scripts.core.strings import strings
from scripts.editions import pdf as pdf_step
from scripts.editions.print_html import PrintError
from scripts.legal import pages as legal_pages
from scripts.legal.publisher import placeholders, publisher

from conftest import ROOT, page_path, soup_file, soup_of

# Each page and the section headings every language has (the French titles name them here).
PAGES = {
    "vie-privee.md": 9,
    "mentions-legales.md": 4,
    "accessibilite.md": 5,
    "changements.md": 1,
}
FOOTER = ["changements.md", "vie-privee.md", "mentions-legales.md", "accessibilite.md"]


@pytest.mark.parametrize("lang", languages())
@pytest.mark.parametrize("src", PAGES)
def test_each_page_exists_in_every_language_with_its_headings(site: Path, lang: str, src: str) -> None:
    article = soup_of(site, lang, src).select_one("article")
    assert article.select_one("h1") is not None
    assert len(article.select("h2")) == PAGES[src]


@pytest.mark.parametrize("lang", languages())
def test_unknown_publisher_facts_are_visible_placeholders(site: Path, lang: str) -> None:
    label = strings(lang)["legal_placeholder"]
    association = publisher()["association"]
    unknown = [key for key, fact in association.items() if fact.get("placeholder")]
    unknown += ["contact"] if manifesto()["contact"].get("placeholder") else []
    notice = soup_of(site, lang, "mentions-legales.md").select_one("dl.mf-publisher")
    marks = notice.select("mark.mf-placeholder")
    assert len(marks) == len(unknown) > 0
    assert {mark.get_text() for mark in marks} == {label}
    retention = soup_of(site, lang, "vie-privee.md").select_one("dl.mf-retention")
    assert (retention.select_one("mark.mf-placeholder") is not None) == bool(
        publisher()["signatures"]["email_retention"].get("placeholder")
    )


@pytest.mark.parametrize("lang", languages())
def test_legal_notice_names_the_host_and_the_code_licence(site: Path, lang: str) -> None:
    article = soup_of(site, lang, "mentions-legales.md").select_one("article")
    host = article.select_one("dl.mf-host").get_text(" ", strip=True)
    assert publisher()["host"]["name"]["value"] in host
    licence = article.select_one("p.mf-code-licence").get_text()
    assert publisher()["code_licence"]["id"] in licence and publisher()["code_licence"]["file"] in licence


def test_privacy_page_links_the_data_protection_authority(site: Path) -> None:
    for lang in languages():
        links = [a["href"] for a in soup_of(site, lang, "vie-privee.md").select("p.mf-authority a")]
        authority = publisher()["data_protection_authority"]  # its own pages in the reader's language
        assert links == [authority.get("url_in", {}).get(lang, authority["url"])["value"]]


def test_the_code_licence_in_data_is_the_licence_file() -> None:
    licence = publisher()["code_licence"]
    path = ROOT / licence["file"]
    if not path.is_file():
        pytest.skip(f"{licence['file']} is not in this checkout yet")
    text = path.read_text(encoding="utf-8")
    assert licence["name"].split(" ")[0] in text or licence["id"] in text


def test_every_page_footer_shows_the_edition_and_links_the_four_pages(site: Path) -> None:
    version = manifesto()["edition"]["version"]
    pages = sorted(p for p in site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 20
    for page in [*pages, site / "404.html"]:
        footer = soup_file(page).select_one("footer .mf-legal")
        assert footer is not None, page
        assert version in footer.get_text(), page
        if page.name == "404.html":
            continue
        targets = [(page.parent / a["href"] / "index.html").resolve() for a in footer.select("a")]
        lang = soup_file(page).html["lang"]
        assert targets == [page_path(site, lang, src).resolve() for src in FOOTER], page


@pytest.mark.parametrize("lang", languages())
def test_feed_parses_and_holds_every_change(site: Path, lang: str) -> None:
    home = soup_of(site, lang, "index.md")
    href = home.select_one('head link[rel="alternate"][type="application/atom+xml"]')["href"]
    feed_file = (page_path(site, lang, "index.md").parent / href).resolve()
    parsed = feedparser.parse(feed_file.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    entries = changes()
    assert [e.title for e in parsed.entries] == [c["text"][lang] for c in entries]
    # Each entry its own time, on its change's day, newest first as on the changes page.
    times = [e.updated for e in parsed.entries]
    assert [t[:10] for t in times] == [c["date"] for c in entries]
    assert len(set(times)) == len(times) and times == sorted(times, reverse=True), times
    assert [e.link.rsplit("#", 1)[1] for e in parsed.entries] == [c["id"] for c in entries]
    assert len({e.id for e in parsed.entries}) == len(entries)
    assert parsed.feed.updated == max(times)
    # Beside the feed's link, a sentence says what a feed is.
    beside = " ".join(soup_of(site, lang, "changements.md").select_one("p.mf-feed").get_text().split())
    assert " ".join(strings(lang)["changes_feed_help"].split()) in beside, beside


def test_every_change_is_written_in_every_language() -> None:
    for change in changes():
        assert set(change["text"]) >= set(languages()), change["id"]


def test_changes_page_lists_every_change_with_its_anchor(site: Path) -> None:
    for lang in languages():
        items = soup_of(site, lang, "changements.md").select("ol.mf-changes > li")
        assert [li["id"] for li in items] == [c["id"] for c in changes()]
        assert [li.select_one("time")["datetime"] for li in items] == [c["date"] for c in changes()]


@pytest.mark.pdf
def test_each_kept_edition_pdf_is_at_its_versioned_address_and_linked(site: Path) -> None:
    versions = pdf_editions(changes())
    assert manifesto()["edition"]["version"] in versions
    current = manifesto()["edition"]["version"]
    for lang in languages():
        versioned = site / versioned_pdf_path(lang, current)
        assert versioned.read_bytes() == (site / pdf_path(lang)).read_bytes()
        page = page_path(site, lang, "changements.md")
        links = {(page.parent / a["href"]).resolve() for a in soup_file(page).select(".mf-change-pdfs a")}
        for version in versions:
            for other in languages():
                assert (site / versioned_pdf_path(other, version)).resolve() in links


def test_placeholders_lists_each_unknown_fact_with_its_line(tmp_path: Path) -> None:
    listed = placeholders()
    assert {p.field for p in listed} >= {"association.name", "association.enterprise_number"}
    text = (ROOT / "data/publisher.yml").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert all(lines[p.line - 1].strip() == "placeholder: true" for p in listed)
    assert "data/publisher.yml:" in str(listed[0]) and "Fix:" in str(listed[0])
    settled = tmp_path / "publisher.yml"
    unknown_name = "  name:\n    placeholder: true\n    hint: the association's name"
    settled.write_text(text.replace(unknown_name, "  name:\n    value: X\n    #"), encoding="utf-8")
    assert "association.name" not in {p.field for p in placeholders(settled)}
    assert len(placeholders(settled)) == len(listed) - 1


def context(lang: str = "en") -> PageContext:
    return PageContext(lang=lang, ui=strings(lang), page=None, pages=[], config=None)  # type: ignore[arg-type]


def test_publisher_values_are_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    data: dict[str, Any] = {
        **publisher(),
        "association": {k: {"value": '<script>alert("x")</script>'} for k in publisher()["association"]},
    }
    facts = {**manifesto(), "contact": {"email": 'a"onmouseover="x@example.org', "placeholder": False}}
    monkeypatch.setattr(legal_pages, "publisher", lambda: data)
    monkeypatch.setattr(legal_pages, "manifesto", lambda: facts)
    html = legal_pages.render_publisher(context())
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="mailto:a&#34;onmouseover=&#34;x@example.org"' in html


def test_the_erratum_form_is_linked_once_the_repository_is_known(monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = context()
    unknown = {**manifesto(), "repository": {"url": "https://github.com/example/x", "placeholder": True}}
    monkeypatch.setattr(legal_pages, "manifesto", lambda: unknown)
    assert "mf-placeholder" in legal_pages.render_erratum(ctx) and "example/x" not in legal_pages.render_erratum(ctx)
    known = {**manifesto(), "repository": {"url": "https://github.com/org/repo", "placeholder": False}}
    monkeypatch.setattr(legal_pages, "manifesto", lambda: known)
    assert 'href="https://github.com/org/repo/issues/new?template=erratum.yml"' in legal_pages.render_erratum(ctx)


def write_changes(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "changes.yml"
    path.write_text(body, encoding="utf-8")
    return path


ENTRY = """- id: {id}
  date: "{date}"
  kind: {kind}
  version: "{version}"
  text:
    fr: Un changement.
"""


def test_changes_out_of_order_missing_language_or_old_edition_are_refused(tmp_path: Path) -> None:
    path = write_changes(
        tmp_path,
        ENTRY.format(id="a", date="2026-01-01", kind="edition", version="1.0")
        + ENTRY.format(id="a", date="2026-02-01", kind="correction", version="1.0"),
    )
    with pytest.raises(DataError) as error:
        changes(path, langs=["fr", "nl"], version="1.1")
    message = str(error.value)
    assert f"{path}:1: id a is used twice" not in message  # the second entry is the one named
    assert f"{path}:7: id a is used twice" in message
    assert f"{path}:8: 2026-02-01 is newer than the entry above" in message
    assert "no text in" not in message  # the other languages fall back to the original's text
    with pytest.raises(DataError, match=r"no text in nl\. Fix: add `nl: …` under text\."):
        changes(path, langs=["nl", "fr"], version="1.0")
    assert "the newest edition is 1.0, but data/manifesto.yml says 1.1" in message


def test_a_missing_earlier_edition_pdf_stops_the_pdf_step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    current = manifesto()["edition"]["version"]
    entries = [
        {"id": "new", "date": "2027-01-01", "kind": "edition", "version": "9.9", "pdf": True, "text": {}},
        {"id": "old", "date": "2026-01-01", "kind": "edition", "version": current, "pdf": True, "text": {}},
    ]
    monkeypatch.setattr(pdf_step, "changes", lambda: entries)
    monkeypatch.setattr(pdf_step, "manifesto", lambda: {**manifesto(), "edition": {**manifesto()["edition"]}})
    built = tmp_path / "site" / "x-fr.pdf"
    built.parent.mkdir()
    built.write_bytes(b"%PDF-1.7 this edition")
    archive = tmp_path / "archive"
    with pytest.raises(PrintError, match=r"edition 9\.9 keeps its PDFs.*Fix: copy x-fr\.pdf from the release v9\.9"):
        pdf_step.keep_editions(tmp_path / "site", {"fr": built}, archive)
    (archive / "9.9").mkdir(parents=True)
    (archive / "9.9" / "x-fr.pdf").write_bytes(b"%PDF-1.7 archived")
    kept = pdf_step.keep_editions(tmp_path / "site", {"fr": built}, archive)
    assert [p.read_bytes() for p in kept] == [b"%PDF-1.7 archived", b"%PDF-1.7 this edition"]
