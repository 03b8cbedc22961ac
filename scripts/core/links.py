"""Links between the pages of the language being built, for HTML that the build writes itself."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from scripts.core.languages import current_language
from scripts.core.pages import front_matter, in_language, nav_pages, page_title
from scripts.core.strings import strings

# Links that are not cited sources but services: the signing forms, signatories' own websites, the
# badge's address, share targets. The weekly external check leaves them out (they are not the
# text's references), and translations may point them at their own language's version.
UNCITED = "mf-uncited"


@dataclass
class PageContext:
    """What a renderer needs: the language, its strings, the page and the other pages."""

    lang: str
    ui: dict[str, str]
    page: Page
    pages: list[Page]
    config: MkDocsConfig

    @classmethod
    def of(cls, page: Page, config: MkDocsConfig, files: Files) -> PageContext:
        """The context of a page of the language being built, from the event's own arguments."""
        lang = current_language(config)
        return cls(lang=lang, ui=strings(lang), page=page, pages=nav_pages(files, config), config=config)

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
        return page_title(page)

    def url_to(self, target: Page | str, anchor: str = "") -> str:
        """Relative URL from this page to a page (or a site path such as 'pdf/x.pdf')."""
        url = target if isinstance(target, str) else target.url
        relative = get_relative_url(url, self.page.url)
        # A folder stays a folder ("../", not ".."), as mkdocs writes its own links.
        if url in ("", "/") or url.endswith("/"):
            relative = relative.rstrip("/") + "/"
        return relative + (f"#{anchor}" if anchor else "")


# Addresses that may become links: the web and e-mail; anything else (javascript:, data:, …) never.
LINK_SCHEMES = {"http", "https", "mailto"}


def link(href: str, text: str, **attributes: Any) -> Markup:
    """An <a> element, every value escaped; attribute names as Python spells them (class_, aria_label)."""
    scheme = urlsplit(href).scheme.lower()
    if scheme and scheme not in LINK_SCHEMES:
        raise PluginError(
            f"{href!r} is not made into a link: only http://, https:// and mailto: addresses are. "
            "Fix: correct the address in the data (data/*.yml)."
        )
    extra = Markup("").join(
        Markup(' {}="{}"').format(Markup(name.rstrip("_").replace("_", "-")), str(value))
        for name, value in attributes.items()
    )
    return Markup('<a href="{}"{}>{}</a>').format(href, extra, text)
