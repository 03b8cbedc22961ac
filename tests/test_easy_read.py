"""The easy-to-read summaries: in every language, the demand, the six reasons and the conclusion in short
sentences, one a line, easier to read than the full text by a measure, quoting the authors word for word,
saying whether readers checked them, linked from the home page and every argument, and printable."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser
from projects import build_only, build_project, copy_project
from pypdf import PdfReader

from scripts.core.languages import built_page, languages
from scripts.core.paths import DOCS
from scripts.core.strings import strings
from scripts.easy_read.readability import (
    as_sentences,
    easy_read_blocks,
    reading_ease,
    sentences,
    text_blocks,
    words,
)
from scripts.easy_read.records import easy_read_pdf_path
from scripts.translations.status import all_states, stamp

from conftest import paragraph_words, soup_file

LANGUAGES = languages()
ORIGINAL = LANGUAGES[0]
PAGE = "facile-a-lire.md"
ARGUMENTS = sorted(str(p.relative_to(DOCS / ORIGINAL)) for p in (DOCS / ORIGINAL / "arguments").glob("*.md"))
PARTS = ["demand", *(f"reason-{n}" for n in range(1, 7)), "conclusion"]
MAX_WORDS = 15
# The floor: at least 20 points easier than the full text in the same language's formula.
MARGIN = 20
# What a reader with learning disabilities should not meet: Latin and abbreviations, per language.
FORBIDDEN = {
    "fr": ["etc", "cfr", "cf", "p. ex", "c.-à-d", "sine qua non", "a priori", "via", "ONEM", "CPAS", "CO2", "N-va"],
    "nl": ["enz", "bijv", "bv", "d.w.z", "m.a.w", "o.a", "sine qua non", "a priori", "RVA", "OCMW", "CO2"],
    "en": ["etc", "e.g", "i.e", "cf", "vs", "sine qua non", "a priori", "per se", "ONEM", "CO2"],
    "de": ["usw", "z. B", "z.B", "bzw", "d. h", "u. a", "ggf", "sine qua non", "a priori", "LfA", "CO2"],
}


def easy_page(site: Path, lang: str) -> Path:
    return built_page(site, lang, PAGE)


def content(site: Path, lang: str) -> BeautifulSoup:
    found = soup_file(easy_page(site, lang)).select_one(".mf-easy-read")
    assert found is not None, f"{lang}: the easy-to-read page has no .mf-easy-read block"
    return found


def test_every_language_has_the_demand_the_six_reasons_and_the_conclusion(site: Path) -> None:
    for lang in LANGUAGES:
        block = content(site, lang)
        assert block.select_one("h1") is not None
        assert [h["id"] for h in block.select("h2[id]")][: len(PARTS)] == PARTS, lang
        # It says whether readers checked it (data/easy_read.yml: none has been yet), and shows no logo.
        assert strings(lang)["easy_read_unchecked"] in block.get_text(" ").replace("\u00a0", " "), lang
        assert not block.select("img, svg, picture"), f"{lang}: no picture, no easy-to-read logo"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_part_links_to_its_full_text_and_the_whole_text(site: Path, lang: str) -> None:
    path = easy_page(site, lang)
    targets = {
        (path.parent / a["href"].split("#")[0] / "index.html").resolve()
        for a in content(site, lang).select("a[href]")
        if not a["href"].startswith(("#", "http")) and not a["href"].endswith(".pdf")
    }
    for src in ["index.md", *ARGUMENTS, "conclusion.md", "texte-integral.md"]:
        assert built_page(site, lang, src).resolve() in targets, f"{lang}: no link to {src}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_sentence_per_line_of_at_most_15_words(site: Path, lang: str) -> None:
    lines = [" ".join(p.get_text(" ").split()) for p in content(site, lang).select("p")]
    assert len(lines) > 100, lang
    for line in lines:
        assert len(sentences(line)) == 1, f"{lang}: more than one sentence on a line: {line!r}"
        assert len(words(line)) <= MAX_WORDS, f"{lang}: {len(words(line))} words: {line!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_summary_reads_at_least_20_points_easier_than_the_full_text(site: Path, lang: str) -> None:
    easy = reading_ease(as_sentences(easy_read_blocks(easy_page(site, lang))), lang)
    full = reading_ease(as_sentences(text_blocks(built_page(site, lang, "texte-integral.md"))), lang)
    longest = max(len(words(s)) for s in sentences(as_sentences(easy_read_blocks(easy_page(site, lang)))))
    print(f"{lang}: reading ease {easy:.1f}, full text {full:.1f}, longest sentence {longest} words")
    assert easy >= full + MARGIN, f"{lang}: reading ease {easy:.1f}, full text {full:.1f}"


def test_the_english_measure_counts_syllables_from_the_dictionary() -> None:
    # Offline: the dictionary ships with the package; short everyday words score high, long Latinate ones low.
    easy = reading_ease("The cat sat on the mat. The dog ran.", "en")
    hard = reading_ease("Institutional responsibilities necessitate comprehensive administrative reorganisation.", "en")
    assert easy > 100 > 0 > hard


@pytest.mark.parametrize("lang", LANGUAGES)
def test_quotations_of_the_authors_are_word_for_word_from_the_text(site: Path, lang: str) -> None:
    quotes = [" ".join(q.get_text(" ").split()) for q in content(site, lang).select("blockquote")]
    assert quotes, f"{lang}: the summary quotes the authors at least once"
    text = [paragraph_words(p) for p in soup_file(built_page(site, lang, "texte-integral.md")).select("p.mf-para")]
    for quote in quotes:
        words_only = quote.strip("«»“”„\"' ").replace("\u00a0", " ").strip()
        assert any(words_only in paragraph for paragraph in text), f"{lang}: not in the text: {quote!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_latin_and_no_abbreviations(site: Path, lang: str) -> None:
    text = " ".join(easy_read_blocks(easy_page(site, lang)))
    for term in FORBIDDEN[lang]:
        assert not re.search(rf"(?<![\w.]){re.escape(term)}(?![\w])", text, re.IGNORECASE), f"{lang}: {term!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_linked_from_the_home_page_ways_in_and_from_every_argument(site: Path, lang: str) -> None:
    ui = strings(lang)
    home = built_page(site, lang, "index.md")
    row = {a.get_text(strip=True): a["href"] for a in soup_file(home).select(".mf-home .mf-actions a")}
    assert (home.parent / row[ui["home_easy_read_short"]] / "index.html").resolve() == easy_page(site, lang).resolve()
    ids = {h["id"] for h in content(site, lang).select("h2[id]")}
    for rank, src in enumerate(ARGUMENTS, 1):
        path = built_page(site, lang, src)
        link = soup_file(path).select_one(".mf-easy-link a")
        assert link is not None and link.get_text(strip=True) == ui["easy_read_link"], (lang, src)
        address, anchor = link["href"].split("#")
        assert (path.parent / address / "index.html").resolve() == easy_page(site, lang).resolve()
        assert anchor == f"reason-{rank}" and anchor in ids, (lang, src, anchor)


def test_a_change_to_the_french_text_makes_the_summarys_translations_stale(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    summary = [s for s in all_states(docs, LANGUAGES) if s.page == PAGE]
    assert summary and all(s.state == "up to date" for s in summary), summary
    conclusion = docs / ORIGINAL / "conclusion.md"
    conclusion.write_text(conclusion.read_text(encoding="utf-8") + "\n<!-- an editor's comment -->\n", "utf-8")
    stale = {s.lang for s in all_states(docs, LANGUAGES) if s.page == PAGE and s.state == "stale"}
    assert stale == set(LANGUAGES[1:])
    stamp(docs, ORIGINAL, LANGUAGES[1], PAGE)
    states = {s.lang: s.state for s in all_states(docs, LANGUAGES) if s.page == PAGE}
    assert states[LANGUAGES[1]] == "up to date" and states[LANGUAGES[2]] == "stale"


def test_the_readers_check_comes_from_the_data_and_a_check_without_its_facts_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    data = project / "data" / "easy_read.yml"
    original = data.read_text(encoding="utf-8")
    # A check claimed without who made it, when and what changed is refused, with the file, line and fix.
    data.write_text(original.replace("  de:\n    checked: false\n", "  de:\n    checked: true\n"), encoding="utf-8")
    failed = build_project(project)
    assert failed.returncode != 0
    line = original.splitlines().index("  de:") + 2  # the entry's first line
    assert f"data/easy_read.yml:{line}: readers_check/de:" in failed.stderr, failed.stderr[-2000:]
    assert "Fix: either `checked: false` alone, or `checked: true` with `by`, `date`" in failed.stderr
    # A fixture organisation in a copy of the project: nothing here is published as a real check.
    checked = '  nl:\n    checked: true\n    by: Fixture readers\n    date: "2026-03-02"\n    changes: Zin 3 korter.\n'

    data.write_text(original.replace("  nl:\n    checked: false\n", checked), encoding="utf-8")
    build_only(project, "fr", "nl")
    built = build_project(project)
    assert built.returncode == 0, built.stderr[-2000:]
    text = BeautifulSoup((project / "site" / "nl" / "facile-a-lire" / "index.html").read_text("utf-8"), "lxml")
    notice = " ".join(p.get_text(" ", strip=True) for p in text.select(".mf-easy-check"))
    assert "Fixture readers" in notice and "2 maart 2026" in notice and "Zin 3 korter." in notice
    french = BeautifulSoup((project / "site" / "facile-a-lire" / "index.html").read_text("utf-8"), "lxml")
    assert strings(ORIGINAL)["easy_read_unchecked"] in french.select_one(".mf-easy-check").get_text()


@pytest.mark.pdf
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_pdf_is_set_in_the_vendored_sans_serif_at_14_pt_or_more_with_every_sentence(site: Path, lang: str) -> None:
    pdf = site / easy_read_pdf_path(lang)
    reader = PdfReader(pdf)
    sizes: list[float] = []

    def size_of(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes.append(size * (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * (cm[2] ** 2 + cm[3] ** 2) ** 0.5)

    printed = " ".join(page.extract_text(visitor_text=size_of) for page in reader.pages)
    assert sizes and min(sizes) >= 14 - 0.01, f"{lang}: text at {min(sizes):.1f} pt"
    fonts = {
        font["/BaseFont"]
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
        if "/BaseFont" in font.get_object()
    }
    assert fonts and all("Noto-Sans-Print" in str(f) for f in fonts), fonts
    assert reader.trailer["/Root"].get("/MarkInfo", {}).get("/Marked"), "a tagged PDF"
    flat = " ".join(printed.replace("\u00a0", " ").split())
    lines = [" ".join(p.get_text(" ").split()) for p in content(site, lang).select(".mf-easy-group p")]
    missing = [line for line in lines if line.replace("\u00a0", " ") not in flat]
    assert not missing, f"{lang}: sentences missing from the PDF (or split by a line break): {missing[:3]}"
    link = soup_file(easy_page(site, lang)).select_one(".mf-easy-pdf a")
    assert link["href"].endswith(pdf.name) and strings(lang)["pdf_size"].split("{")[0] in link.get_text()


def test_on_screen_the_type_is_1_25_times_the_text_left_aligned_and_never_hyphenated(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(f"{site_url}texte-integral/", wait_until="load")
    body = page.evaluate("parseFloat(getComputedStyle(document.querySelector('p.mf-para')).fontSize)")
    page.goto(f"{site_url}facile-a-lire/", wait_until="load")
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.querySelector('.mf-easy-group p'));"
        " return {size: parseFloat(s.fontSize), align: s.textAlign, hyphens: s.hyphens, italic: s.fontStyle}; })()"
    )
    context.close()
    assert style["size"] >= 1.25 * body - 0.01, (style, body)
    assert style["align"] in ("left", "start") and style["hyphens"] in ("none", "manual")
    assert style["italic"] == "normal"
