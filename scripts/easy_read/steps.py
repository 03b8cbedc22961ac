"""The easy-to-read page's step in the build: each sentence on a line of its own, and the content marked
for the layout the standards ask for (large sans-serif type, no hyphenation: docs/assets/manifesto.css).

The page's Markdown writes one sentence per line and a blank line between groups of sentences, which
Markdown would run together into one paragraph: each line becomes a paragraph of its own, so that no
sentence starts in the middle of a line and, on paper, none is split across two pages.
"""

from __future__ import annotations

import re

from mkdocs.structure.pages import Page

from scripts.easy_read.records import is_easy_read

LAYOUT_CLASS = "mf-easy-read"
GROUP_CLASS = "mf-easy-group"
# A paragraph as Markdown writes it (no attributes): the sentences of one group, a line each.
PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)


def one_sentence_per_line(html: str) -> str:
    def split(match: re.Match[str]) -> str:
        lines = [line.strip() for line in match.group(1).split("\n") if line.strip()]
        if len(lines) < 2:
            return match.group(0)
        return f'<div class="{GROUP_CLASS}">' + "".join(f"<p>{line}</p>" for line in lines) + "</div>"

    return PARAGRAPH.sub(split, html)


def mark_easy_read(html: str, page: Page) -> str:
    """The page's content inside one block that the stylesheet lays out as easy to read."""
    if not is_easy_read(page):
        return html
    return f'<div class="{LAYOUT_CLASS}">\n{one_sentence_per_line(html)}\n</div>'
