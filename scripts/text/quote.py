"""Quoting paragraph N of the text, for the home page (the authors' demand) and the press page
(key quotations): the words a reader would quote, from the language's own Markdown files.

One function for both pages, so they quote alike: no number, no note call, no line break, and the
French no-break spaces the pages themselves show (« évolution »). Read from the Markdown, no page
has to wait for another page's HTML. On the original, the paragraph is checked to start with the
words data/manifesto.yml gives, so that a renumbering cannot quote the wrong paragraph.
"""

from __future__ import annotations

import copy
import re

from bs4 import Tag
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from scripts.core.languages import default_language
from scripts.core.links import PageContext
from scripts.core.manifesto import manifesto
from scripts.text.paragraphs import numbered_paragraph
from scripts.text.parts import text_parts
from scripts.text.typography import tie


def quote(n: int, ctx: PageContext, field: str, starts: str) -> tuple[Page, str]:
    """Paragraph N's words in the language being built, and the part of the text that holds it.

    `field` names the entry of data/manifesto.yml that asks for it and `starts` its opening words in
    the original, both for the error a wrong number gets."""
    found = numbered_paragraph(n, text_parts(ctx.pages), ctx.config)
    if found is None:
        raise PluginError(
            f"data/manifesto.yml: {field}: paragraph {n} does not exist in {ctx.lang}. "
            "Fix: choose a paragraph number shown on the site (¶)."
        )
    part, paragraph = found
    text = words(paragraph)
    original = ctx.lang == default_language(ctx.config) == manifesto()["language"]
    if original and not text.replace("\u00a0", " ").startswith(" ".join(starts.split())):
        raise PluginError(
            f"data/manifesto.yml: {field}: paragraph {n} starts “{text[:60]}…”, not “{starts}”. "
            "Fix: give the number of the paragraph that starts with these words."
        )
    return part, text


def words(paragraph: Tag) -> str:
    """A paragraph's words without its self-link and note calls, on one line, French spaces tied."""
    paragraph = copy.copy(paragraph)  # the paragraph is shared (cached rendering): leave it as it is
    for skipped in [*paragraph.find_all("a", class_="mf-para-link"), *paragraph.find_all("sup")]:
        skipped.decompose()
    for line_break in paragraph.find_all("br"):
        line_break.replace_with(" ")
    return tie(re.sub(r"[ \t\r\n]+", " ", paragraph.get_text()).strip())
