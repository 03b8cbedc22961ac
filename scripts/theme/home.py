"""The home page's first screen: the title and the authors, what the text asks in their own words, the ways in.

All of it is the template's (overrides/main.html), outside the numbered text: anything added to
the page's content would be numbered as a paragraph and copied into the whole text and the PDF.
The demand is quoted from the built text itself, paragraph `demand.paragraph` of data/manifesto.yml,
so each language quotes its own translation, exactly, with a link to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from bs4 import BeautifulSoup
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from scripts.core.languages import current_language
from scripts.core.links import PageContext
from scripts.core.manifesto import manifesto
from scripts.text.quote import quote


@dataclass(frozen=True)
class Home:
    head: Markup  # the page's own title and byline (the authors' Markdown)
    rest: Markup  # the rest of the page: the introduction
    demand: str
    demand_number: int
    demand_url: str
    year: str
    cite_url: str | None


def split_head(html: str) -> tuple[str, str]:
    """The page's heading and byline apart from what follows them."""
    soup = BeautifulSoup(html, "lxml")  # the page's own HTML, as page_html.py wrote it with lxml
    head = [node for node in (soup.find("h1"), soup.find("p", class_="byline")) if node is not None]
    for node in head:
        node.extract()
    return "".join(map(str, head)), soup.body.decode_contents() if soup.body else ""


def cite_target(ctx: PageContext) -> str | None:
    """The heading above the first reference block (`<!-- data: cite -->`) in the navigation (a page title counts)."""
    for page in ctx.pages:
        if 'class="mf-cite"' not in (page.content or ""):
            continue
        # The block itself, not a source entry that shows the same reference (class "mf-source-ref mf-cite").
        block = BeautifulSoup(page.content or "", "lxml").find(lambda tag: tag.get("class") == ["mf-cite"])
        heading = block.find_previous(["h1", "h2", "h3"]) if block else None
        return ctx.url_to(page, heading["id"] if heading and heading.get("id") else "")
    return None


def home(page: Page, pages: list[Page], config: MkDocsConfig, ui: dict[str, str]) -> Home:
    ctx = PageContext(lang=current_language(config), ui=ui, page=page, pages=pages, config=config)
    wanted = manifesto()["demand"]
    n = wanted["paragraph"]
    part, text = quote(n, ctx, "demand", wanted["starts"])
    head, rest = split_head(page.content or "")
    return Home(
        # The page's own HTML, rendered by Markdown from docs/ (escaped there).
        head=Markup(head),
        rest=Markup(rest),
        demand=text,
        demand_number=n,
        demand_url=ctx.url_to(part, f"p{n}"),
        year=manifesto()["first_publication"]["date"][:4],
        cite_url=cite_target(ctx),
    )
