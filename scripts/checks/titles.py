"""Every page has a written title: the menu, the footer's previous/next links, the tab and the share
text all take mkdocs' title of the page.

mkdocs takes it from the front matter's `title`, else from the `# ` heading only when that heading
comes first in the page: after a comment, it falls back to the file's name ("Facile a lire", unaccented,
in French on a German page). The strict build stops on that fallback (scripts/hooks.py, on_page_content).
"""

from __future__ import annotations

import html

from mkdocs.structure.pages import Page

from scripts.checks.ids import source_of
from scripts.core.load import DataError
from scripts.core.pages import body, first_heading


def check_title_is_written(page: Page) -> None:
    if "title" in page.meta:
        return
    heading = first_heading(body(page.file))
    title = html.unescape(page.title or "")
    if heading is None or title != heading:
        raise DataError(
            f"{source_of(page)}, line 1: the menu and the page's title would read «{title}», made from the "
            "file's name. Fix: give the page a short `title:` in its front matter (as the other pages of "
            "the menu have), or move its `# ` heading above any comment."
        )
