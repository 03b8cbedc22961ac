"""Which pages hold the authors' text, and in what order.

A page is part of the text when its front matter has `text_part` (introduction,
argument or conclusion); the order is the navigation's (mkdocs.yml `nav`). The page
with `whole_text: true` shows all parts on one page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from scripts.core.pages import front_matter

PART_KINDS = ("introduction", "argument", "conclusion")


# A footnote's definition `[^7]: …` and its call `…[^7]` in the Markdown (labels: the original numbers).
FOOTNOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:", re.MULTILINE)


FOOTNOTE_CALL = re.compile(r"\[\^([^\]\s]+)\](?!:)")


def text_parts(pages: Iterable[Page]) -> list[Page]:
    parts = []
    for page in pages:
        kind = front_matter(page.file).get("text_part")
        if kind is None:
            continue
        if kind not in PART_KINDS:
            raise PluginError(
                f"{page.file.src_uri}:2: text_part: {kind!r} is unknown. Fix: use one of {', '.join(PART_KINDS)}."
            )
        parts.append(page)
    return parts


def is_whole_text(page: Page) -> bool:
    return bool(front_matter(page.file).get("whole_text"))
