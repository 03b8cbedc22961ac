"""mkdocs hook: number the paragraphs of the text, continuously across its pages.

Paragraph N has the id `pN` and shows its number; the same paragraph has the same
number on its own page and on the whole-text page. Numbering runs once every page's
HTML exists (on_env), in the navigation's order.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from scripts.data.load import default_language, strings
from scripts.data.text import current_language, is_whole_text, text_parts

# Paragraphs that are not the authors' running text: the byline, and the notes (cited by their own number).
NOT_NUMBERED = ".byline, div.footnote p"

_pages: list[Page] = []
# Paragraphs per page of the original, recorded while it is built (static-i18n builds it first),
# so that a translation with more or fewer paragraphs stops the build: §N must mean the same everywhere.
_original_counts: dict[str, int] = {}


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _pages[:] = nav.pages
    return nav


def text_paragraphs(soup: BeautifulSoup) -> list[Tag]:
    excluded = set(map(id, soup.select(NOT_NUMBERED)))
    return [p for p in soup.find_all("p") if id(p) not in excluded]


def number(html: str, first: int, ui: dict[str, str]) -> tuple[str, int]:
    """Give ids and numbers from `first` on; return the HTML and how many were numbered."""
    soup = BeautifulSoup(html, "html.parser")
    paragraphs = text_paragraphs(soup)
    for n, p in enumerate(paragraphs, start=first):
        p["id"] = f"p{n}"
        p["data-para"] = str(n)
        p["class"] = [*p.get("class", []), "mf-para"]
        link = soup.new_tag(
            "a", href=f"#p{n}", attrs={"class": "mf-para-link", "aria-label": ui["paragraph_link_label"].format(n=n)}
        )
        link.string = "¶"
        p.append(" ")
        p.append(link)
    return str(soup), len(paragraphs)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    ui = strings(current_language(config))
    parts = text_parts(_pages)
    total = 0
    is_original = current_language(config) == default_language(config)
    for part in parts:
        part.content, count = number(part.content or "", total + 1, ui)
        total += count
        relative = part.file.src_uri.split("/", 1)[-1]
        if is_original:
            _original_counts[relative] = count
        elif _original_counts.get(relative, count) != count:
            expected = _original_counts[relative]
            raise PluginError(
                f"docs/{part.file.src_uri}: {count} paragraphs, but the original page has {expected}. "
                "Fix: keep the original's paragraphs one for one (no merged or split paragraphs), "
                "so that paragraph numbers are the same in every language."
            )
    for page in _pages:
        if is_whole_text(page):
            page.content, count = number(page.content or "", 1, ui)
            if count != total:
                raise PluginError(
                    f"{page.file.src_uri}: {count} paragraphs on the whole-text page but {total} on the part pages. "
                    "Fix: the whole-text page must hold nothing but the parts (it is assembled by the build)."
                )
    return env
