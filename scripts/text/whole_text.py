"""The whole-text page's Markdown: the text parts with the text parts, in reading order.

The whole-text page is made from the same Markdown files as the part pages, never
from a second copy: the first part keeps its headings (it carries the title), the
following parts' headings move one level down under it.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from scripts.core.pages import body
from scripts.text.parts import FOOTNOTE_DEF

HEADING = re.compile(r"^(#{1,5}) ", re.MULTILINE)


def assemble(parts: list[Page]) -> str:
    """The parts' Markdown, concatenated; a footnote label defined twice is an error."""
    chunks: list[str] = []
    defined: dict[str, str] = {}
    for index, part in enumerate(parts):
        markdown = body(part.file)
        for label in FOOTNOTE_DEF.findall(markdown):
            if label in defined:
                raise PluginError(
                    f"{part.file.src_uri}: footnote [^{label}] is also defined in {defined[label]}. "
                    "Fix: each note keeps its original number, used once in the whole text."
                )
            defined[label] = part.file.src_uri
        if index > 0:
            markdown = HEADING.sub(r"#\1 ", markdown)
        chunks.append(markdown.strip())
    return "\n\n".join(chunks) + "\n"
