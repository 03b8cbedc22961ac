"""Number the paragraphs of the text, continuously across its pages.

Paragraph N has the id `pN` and starts with its number, a link to itself; the same paragraph has the same
number on its own page and on the whole-text page. Numbering runs once every page's
HTML exists (on_env), in the navigation's order.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup, Tag
from markdown import Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from scripts.data.load import default_language, strings
from scripts.data.text import current_language, in_language, is_whole_text, text_parts

# Paragraphs that are not the authors' running text: the byline, and the notes (cited by their own number).
NOT_NUMBERED = ".byline, div.footnote p"


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
        # The number is the link. It has no text of its own: the stylesheet shows `data-para`, so that
        # copying the paragraph copies the authors' words only; screen readers hear the aria-label.
        link = soup.new_tag(
            "a",
            href=f"#p{n}",
            attrs={"class": "mf-para-link", "data-para": str(n), "aria-label": ui["paragraph_link_label"].format(n=n)},
        )
        p.insert(0, link)
    return str(soup), len(paragraphs)


def original_count(path: Path, config: MkDocsConfig) -> int:
    """Paragraphs of an original page, rendered with the site's Markdown settings.

    Worked out from the file itself rather than remembered from the original's build, so that a
    translated language is checked the same whatever order the languages are built in.
    """
    markdown = Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    html = markdown.convert(meta.get_data(path.read_text(encoding="utf-8"))[0])
    return len(text_paragraphs(BeautifulSoup(html, "html.parser")))


def number_text(pages: list[Page], config: MkDocsConfig) -> None:
    """Number the text's paragraphs on its part pages and on the whole-text page, in place.

    A translated page must have as many paragraphs as its original (§N means the same everywhere);
    the whole-text page as many as the parts together.
    """
    lang, original = current_language(config), default_language(config)
    ui = strings(lang)
    total = 0
    for part in text_parts(pages):
        part.content, count = number(part.content or "", total + 1, ui)
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
            page.content, count = number(page.content or "", 1, ui)
            if count != total:
                raise PluginError(
                    f"{page.file.src_uri}: {count} paragraphs on the whole-text page but {total} on the part pages. "
                    "Fix: the whole-text page must hold nothing but the parts (it is assembled by the build)."
                )
