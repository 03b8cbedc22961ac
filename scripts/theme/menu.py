"""The site's menu: the reasons carry their number, as in the text ("Raison 3 sur 6")."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup
from mkdocs.structure.pages import Page


@dataclass(frozen=True)
class NumberedTitle:
    """Material's menu shows a page's `typeset.title` in place of its title, when there is one.

    The title is read when the menu is drawn, after the page's Markdown has given it.
    """

    page: Page
    number: int

    @property
    def title(self) -> Markup:
        return Markup('<span class="mf-nav-number">{}.</span> {}').format(self.number, self.page.title)


def number_reasons(arguments: list[Page]) -> None:
    for number, page in enumerate(arguments, 1):
        page.typeset = NumberedTitle(page, number)  # type: ignore[attr-defined]
