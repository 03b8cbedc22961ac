"""Number the paragraphs of the text, continuously across its pages.

Paragraph N has the id `pN` and starts with its number, a link to itself; the same paragraph has the same
number on its own page and on the whole-text page. Numbering runs once every page's
HTML exists (on_env), in the navigation's order.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from markdown import Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from scripts.core.languages import current_language, default_language
from scripts.core.pages import in_language
from scripts.text.parts import is_whole_text, text_parts

# A paragraph's number while its page is rendered: its rank on the page between two private-use
# characters, which no text holds (scripts/hooks/page_html.py writes them, `place` fills them in).
SLOT_START, SLOT_END = "\ue000", "\ue001"
SLOT = re.compile(f"{SLOT_START}(\\d+){SLOT_END}")

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


def slot(local: int) -> str:
    return f"{SLOT_START}{local}{SLOT_END}"


def mark(soup: BeautifulSoup, ui: dict[str, str]) -> int:
    """Give the text's paragraphs ids and numbers, written as slots counted from 1 on this page.

    A page is parsed once, while it is rendered; the numbers across the whole text are known only
    once every page exists (`place`, on_env), which then needs no second parse.
    """
    paragraphs = text_paragraphs(soup)
    for n, p in zip(map(slot, range(1, len(paragraphs) + 1)), paragraphs, strict=True):
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


def place(html: str, first: int) -> tuple[str, int]:
    """Turn a page's slots into the paragraph numbers from `first` on; return the HTML and how many."""
    count = html.count(f'id="p{SLOT_START}')
    return SLOT.sub(lambda m: str(first - 1 + int(m.group(1))), html), count


def original_count(path: Path, config: MkDocsConfig) -> int:
    """Paragraphs of an original page, rendered with the site's Markdown settings.

    Worked out from the file itself rather than remembered from the original's build, so that a
    translated language is checked the same whatever order the languages are built in.
    """
    settings = json.dumps([config.markdown_extensions, config.mdx_configs], default=repr, sort_keys=True)
    return _paragraph_count(path.read_text(encoding="utf-8"), settings)


@cache
def _paragraph_count(text: str, settings: str) -> int:
    extensions, configs = json.loads(settings)
    html = Markdown(extensions=extensions, extension_configs=configs).convert(meta.get_data(text)[0])
    return len(text_paragraphs(BeautifulSoup(html, "lxml")))


def number_text(pages: list[Page], config: MkDocsConfig) -> None:
    """Number the text's paragraphs on its part pages and on the whole-text page, in place.

    A translated page must have as many paragraphs as its original (§N means the same everywhere);
    the whole-text page as many as the parts together.
    """
    lang, original = current_language(config), default_language(config)
    total = 0
    for part in text_parts(pages):
        part.content, count = place(part.content or "", total + 1)
        total += count
        if lang != original:
            source = Path(config.docs_dir) / original / in_language(part.file.src_uri, lang)
            expected = original_count(source, config)
            if count != expected:
                raise PluginError(
                    f"docs/{part.file.src_uri}: {count} paragraphs, but the original page has {expected}. "
                    "Fix: keep the original's paragraphs one for one (no merged or split paragraphs), "
                    "so that paragraph numbers are the same in every language."
                )
    for page in pages:
        if is_whole_text(page):
            page.content, count = place(page.content or "", 1)
            if count != total:
                raise PluginError(
                    f"{page.file.src_uri}: {count} paragraphs on the whole-text page but {total} on the part pages. "
                    "Fix: the whole-text page must hold nothing but the parts (it is assembled by the build)."
                )
