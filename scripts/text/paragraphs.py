"""Number the paragraphs of the text, continuously across its pages.

Paragraph N has the id `pN` and starts with its number, a link to itself; the same paragraph has the same
number on its own page and on the whole-text page, in every language. Each page is numbered while it is
rendered: a part's first number follows the paragraphs of the parts before it in the navigation, counted
in the original's Markdown (rendered with the site's settings), so no page waits for another.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from markdown import Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from scripts.core.languages import current_language, default_language
from scripts.core.pages import body, in_language
from scripts.text.parts import is_whole_text

# Paragraphs that are not the authors' running text: the byline, and the notes (cited by their own number).
NOT_NUMBERED = ".byline, div.footnote p"


def text_paragraphs(soup: BeautifulSoup) -> list[Tag]:
    """The paragraphs to number: every <p> but those of NOT_NUMBERED (walked by hand: CSS selectors
    cost more than the rest of a page's processing)."""
    return [
        p
        for p in soup.find_all("p")
        if "byline" not in p.get("class", [])
        and not any(div.name == "div" and "footnote" in div.get("class", []) for div in p.parents)
    ]


def mark(soup: BeautifulSoup, ui: dict[str, str], first: int) -> int:
    """Give the text's paragraphs of this page their ids and numbers from `first` on; return how many."""
    paragraphs = text_paragraphs(soup)
    for n, p in enumerate(paragraphs, first):
        p["id"] = f"p{n}"
        p["class"] = [*p.get("class", []), "mf-para"]
        # The number is the link (the paragraph has it in its id only, `pN`: every byte counts on the
        # whole text). It has no text of its own: the stylesheet shows `data-para`, so that
        # copying the paragraph copies the authors' words only; screen readers hear the aria-label.
        link = soup.new_tag(
            "a",
            href=f"#p{n}",
            attrs={"class": "mf-para-link", "data-para": str(n), "aria-label": ui["paragraph_link_label"].format(n=n)},
        )
        p.insert(0, link)
    return len(paragraphs)


def original_source(page: Page, config: MkDocsConfig) -> Path:
    """The Markdown file of a page of the text in the original language."""
    lang, original = current_language(config), default_language(config)
    return Path(config.docs_dir) / original / in_language(page.file.src_uri, lang)


def original_count(path: Path, config: MkDocsConfig) -> int:
    """Paragraphs of an original page, rendered with the site's Markdown settings.

    Worked out from the file itself rather than remembered from the original's build, so that every
    language is numbered and checked the same whatever order the languages and pages are built in.
    """
    return _paragraph_count(meta.get_data(path.read_text(encoding="utf-8"))[0], markdown_settings(config))


def source_paragraphs(page: Page, config: MkDocsConfig) -> list[Tag]:
    """The text's paragraphs of a page as its Markdown renders them (before the build's own steps)."""
    html = _rendered(body(page.file), markdown_settings(config))
    return text_paragraphs(BeautifulSoup(html, "lxml"))


def markdown_settings(config: MkDocsConfig) -> str:
    return json.dumps([config.markdown_extensions, config.mdx_configs], default=repr, sort_keys=True)


# Bounded: `make serve` renders an edited page again; the few pages of the text fit many times over.
@lru_cache(maxsize=64)
def _rendered(markdown: str, settings: str) -> str:
    extensions, configs = json.loads(settings)
    return Markdown(extensions=extensions, extension_configs=configs).convert(markdown)


@lru_cache(maxsize=64)
def _paragraph_count(markdown: str, settings: str) -> int:
    return len(text_paragraphs(BeautifulSoup(_rendered(markdown, settings), "lxml")))


def numbered_paragraph(n: int, parts: list[Page], config: MkDocsConfig) -> tuple[Page, Tag] | None:
    """Paragraph N of the text in the language being built, and the part that holds it (None when the
    text has fewer paragraphs), found from the Markdown files: no page needs to be rendered first."""
    first = 1
    for part in parts:
        count = original_count(original_source(part, config), config)
        if first <= n < first + count:
            paragraphs = source_paragraphs(part, config)
            return (part, paragraphs[n - first]) if n - first < len(paragraphs) else None
        first += count
    return None


def first_number(page: Page, parts: list[Page], config: MkDocsConfig) -> int:
    """The number of the page's first paragraph: 1 on the whole text, else after the parts before it."""
    if is_whole_text(page):
        return 1
    before = parts[: parts.index(page)]
    return 1 + sum(original_count(original_source(part, config), config) for part in before)


def number_page(soup: BeautifulSoup, ui: dict[str, str], page: Page, parts: list[Page], config: MkDocsConfig) -> None:
    """Number a page of the text in place, and check its count.

    A part must have as many paragraphs as its original (§N means the same everywhere); the
    whole-text page as many as the parts together.
    """
    count = mark(soup, ui, first_number(page, parts, config))
    if is_whole_text(page):
        total = sum(original_count(original_source(part, config), config) for part in parts)
        if count != total:
            raise PluginError(
                f"{page.file.src_uri}: {count} paragraphs on the whole-text page but {total} on the part pages. "
                "Fix: the whole-text page must hold nothing but the parts (it is assembled by the build)."
            )
        return
    expected = original_count(original_source(page, config), config)
    if count != expected:
        raise PluginError(
            f"docs/{page.file.src_uri}: {count} paragraphs, but the original page has {expected}. "
            "Fix: keep the original's paragraphs one for one (no merged or split paragraphs), "
            "so that paragraph numbers are the same in every language."
        )
