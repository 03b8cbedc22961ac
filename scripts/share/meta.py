"""What a page says of itself to search engines and to the services it is shared on.

Its own title and description in its language, its canonical address, its alternates in the
other languages (absolute, with `x-default` the original), Open Graph and card tags, and its
preview image (drawn after the build: scripts/share/image.py). Values are plain text: the
templates escape them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lxml_html
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from scripts.core.languages import default_language, languages
from scripts.core.manifesto import author_names, manifesto, site_description, text_title
from scripts.core.pages import front_matter, in_language, page_title
from scripts.core.strings import strings

# The preview image sits beside each page's index.html (scripts/share/image.py draws it after the build).
SHARE_IMAGE = "share.png"
SHARE_IMAGE_SIZE = (1200, 630)
# Search engines show about 155 characters of a description.
DESCRIPTION_LENGTH = 155
# Paragraphs that do not describe the page: the byline, the translation notice, the argument's rank,
# and inside a paragraph its number and note calls.
NOT_DESCRIPTIVE = etree.XPath(
    "//aside | //sup | //*[contains(concat(' ', @class, ' '), ' byline ')]"
    " | //*[contains(concat(' ', @class, ' '), ' mf-kicker ')]"
    " | //div[contains(concat(' ', @class, ' '), ' footnote ')]"
    " | //a[contains(concat(' ', @class, ' '), ' mf-para-link ')]"
)


@dataclass(frozen=True)
class PageMeta:
    title: str  # the page's heading, as shown on the page
    html_title: str
    description: str
    canonical: str
    og_type: str
    locale: str
    image: str
    image_alt: str
    alternates: list[tuple[str, str]] = field(default_factory=list)  # (language, absolute URL)
    locale_alternates: list[str] = field(default_factory=list)
    x_default: str | None = None


def shortened(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """At most `limit` characters, cut at a word's end, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–—-(«“„ ")
    return cut + "…"


def first_paragraph(html: str) -> str:
    """The text of the page's first paragraph of its own (notices and numbers left out)."""
    # It is near the top: the page's start is read first, the whole page only if it holds none.
    return _first_paragraph(html[:PAGE_START]) or (_first_paragraph(html) if len(html) > PAGE_START else "")


PAGE_START = 12_000


def _first_paragraph(html: str) -> str:
    if not html.strip():
        return ""
    # lxml's own tree, not BeautifulSoup's: this runs on every page of every language.
    root = lxml_html.document_fromstring(html)
    for skipped in NOT_DESCRIPTIVE(root):
        skipped.drop_tree()  # its tail, the text after it, stays
    return next((text for p in root.iter("p") if (text := p.text_content()).strip()), "")


def is_home(page: Page, lang: str) -> bool:
    """The language's home page (mkdocs calls only the original's the homepage)."""
    return in_language(page.file.src_uri, lang) == "index.md"


def description(page: Page, lang: str, home: bool) -> str:
    """The front matter's `description`; on the home page the site's; else the page's first paragraph."""
    given = front_matter(page.file).get("description")
    if given:
        return " ".join(str(given).split())
    if home:
        return site_description(lang)
    return shortened(first_paragraph(page.content or "")) or site_description(lang)


def byline(page: Page, lang: str, authors: str) -> str:
    """Under the title in the preview image: the authors on the text's pages; on the site's own
    pages the manifesto they are about (scripts/share/image.py draws the same)."""
    found = front_matter(page.file)
    if found.get("text_part") or found.get("whole_text"):
        return authors
    return strings(lang)["share_image_site"].format(title=text_title(lang))


def page_meta(page: Page, config: MkDocsConfig, lang: str) -> PageMeta:
    ui = strings(lang)
    data = manifesto()
    authors = ui["author_join"].join(author_names(data))
    # The whole text is shared, cited and previewed as the text it is, not by its menu label ("Texte intégral").
    title = text_title(lang) if front_matter(page.file).get("whole_text") else page_title(page)
    site_url = config.site_url or ""
    canonical = page.canonical_url or urljoin(site_url, page.url)
    found = getattr(page.file, "alternates", {})
    alternates = [(other, urljoin(site_url, found[other].url)) for other in languages(config) if other in found]
    original = default_language(config)
    home = is_home(page, lang)
    return PageMeta(
        title=title,
        html_title=f"{title} – {authors if home else ui['site_name']}",
        description=description(page, lang, home),
        canonical=canonical,
        og_type="website" if home else "article",
        locale=ui["og_locale"],
        locale_alternates=[strings(other)["og_locale"] for other, _ in alternates if other != lang],
        alternates=alternates,
        x_default=dict(alternates).get(original),
        image=urljoin(canonical, SHARE_IMAGE),
        image_alt=ui["share_image_alt"].format(title=title, authors=byline(page, lang, authors), site=ui["site_name"]),
    )
