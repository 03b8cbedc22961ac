"""Links between the pages of the language being built, for HTML that the build writes itself."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from scripts.data.text import body, front_matter, in_language


@dataclass
class PageContext:
    """What a renderer needs: the language, its strings, the page and the other pages."""

    lang: str
    ui: dict[str, str]
    page: Page
    pages: list[Page]
    config: MkDocsConfig

    def src(self, page: Page) -> str:
        """A page's path inside its language folder (the same in every language)."""
        uri = page.file.src_uri
        return in_language(uri, self.lang)

    def page_for(self, src: str) -> Page:
        found = next((p for p in self.pages if self.src(p) == src), None)
        if found is None:
            raise PluginError(
                f"{self.page.file.src_uri}: links to {src}, which is not in the navigation. "
                "Fix: add the page to `nav` in mkdocs.yml or correct the path in the data."
            )
        return found

    def flagged(self, key: str) -> Page | None:
        return next((p for p in self.pages if front_matter(p.file).get(key)), None)

    def title(self, page: Page) -> str:
        """A page's title, also before it is rendered: its front matter's, else its first heading."""
        if page.title:
            return page.title
        heading = next((l[2:].strip() for l in body(page.file).splitlines() if l.startswith("# ")), None)
        return heading or self.src(page)

    def url_to(self, target: Page | str, anchor: str = "") -> str:
        """Relative URL from this page to a page (or a site path such as 'pdf/x.pdf')."""
        url = target if isinstance(target, str) else target.url
        relative = get_relative_url(url, self.page.url)
        # A folder stays a folder ("../", not ".."), as mkdocs writes its own links.
        if url in ("", "/") or url.endswith("/"):
            relative = relative.rstrip("/") + "/"
        return relative + (f"#{anchor}" if anchor else "")


def link(href: str, text: str, **attributes: Any) -> str:
    # Python names stand for HTML ones: class_ is class, aria_label is aria-label.
    extra = "".join(f' {k.rstrip("_").replace("_", "-")}="{escape(str(v))}"' for k, v in attributes.items())
    return f'<a href="{escape(href)}"{extra}>{escape(text)}</a>'
