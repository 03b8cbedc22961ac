"""No id twice in a built page: the strict build stops on one (scripts/hooks.py, on_post_page).

A link to a repeated id opens at its first element only, whatever the link meant: a signatory
named like a section once took that section's anchor. Ids come from headings (the toc extension),
`{#id}` attributes, the notes and paragraph numbers, and the HTML the concerns render from data.
The page is read as it is written out (after scripts/theme/compact.py), so the lines named are
the lines of the file in site/.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from scripts.core.paths import shown

# An id attribute inside a start tag. Values are always double-quoted and escaped by the build
# (markupsafe, mkdocs, BeautifulSoup): a `>` or `"` inside one is written as an entity.
ID_ATTRIBUTE = re.compile(r'<([a-zA-Z][\w-]*)\b[^>]*?\sid="([^"]*)"')


def repeated_ids(html: str) -> dict[str, list[tuple[int, str]]]:
    """Every id that more than one element carries, with each element's (line, tag name)."""
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)  # id → (offset, tag name)
    for match in ID_ATTRIBUTE.finditer(html):
        found[match.group(2)].append((match.start(), match.group(1)))
    # Lines counted for the repeated ids only: counting for each of a list page's 16,000 ids cost seconds.
    return {
        ident: [(html.count("\n", 0, offset) + 1, tag) for offset, tag in where]
        for ident, where in found.items()
        if len(where) > 1
    }


def source_of(page: Page) -> str:
    """The page's Markdown file as the project names it (docs/en/a-propos.md)."""
    return shown(Path(page.file.abs_src_path)) if page.file.abs_src_path else page.file.src_uri


def check_unique_ids(html: str, page: Page) -> None:
    """PluginError naming the page, each repeated id with its lines, and the fix."""
    repeated = repeated_ids(html)
    if not repeated:
        return
    described = "; ".join(
        f'id "{ident}" on ' + ", ".join(f"<{tag}> at line {line}" for line, tag in where)
        for ident, where in repeated.items()
    )
    raise PluginError(
        f"{source_of(page)} (built as {page.file.dest_uri}): {described}. A link to it would open at the "
        "first only. Fix: give one of them another id (a heading's text or `{#id}`, or the data value the "
        "id is made from)."
    )
