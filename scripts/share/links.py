"""Share links: plain links to each service's own sharing address, with the page's title and address.

They load nothing: a link is followed only when the reader chooses to. They are not cited sources,
so the checks leave them out by their class (SHARE_LINK_CLASS): the privacy check does not count
them as leaving the site, and the weekly external link check does not knock on those services
(they answer robots with errors). Mastodon has no single address: the page offers the text to
copy, and `docs/assets/share.js` adds a field for the reader's own server.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from scripts.text.typography import tie

SHARE_LINK_CLASS = "mf-share-link"

# Each service's sharing address; {text} and {url} are filled in percent-encoded.
SERVICES: tuple[tuple[str, str], ...] = (
    ("Bluesky", "https://bsky.app/intent/compose?text={text}%20{url}"),
    ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url={url}"),
    ("Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    ("WhatsApp", "https://wa.me/?text={text}%20{url}"),
    ("Telegram", "https://t.me/share/url?url={url}&text={text}"),
)


@dataclass(frozen=True)
class ShareLink:
    name: str
    label: str
    href: str


@dataclass(frozen=True)
class Share:
    """What the share block of one page shows."""

    url: str
    text: str
    links: list[ShareLink]


def encoded(value: str) -> str:
    # Spaces as %20, not "+": mail programs and several services show a "+" literally.
    return quote(value, safe="")


def share_text(title: str, ui: dict[str, str], authors: str, text_title: str | None) -> str:
    """What a share link says of its page. A page of the text is credited to its authors; the
    site's own pages (co-signing, press…), `text_title` given, name the manifesto and the site,
    never the authors as their writers. French spaces tied: « : » never starts a line."""
    if text_title is None:
        return tie(ui["share_text"].format(title=title, authors=authors))
    return tie(ui["share_text_site"].format(page=title, title=text_title, site=ui["site_name"]))


def share(title: str, url: str, ui: dict[str, str], authors: str, text_title: str | None) -> Share:
    """The share links of a page, from its title and its public address (`text_title` on the site's
    own pages: see share_text). docs/assets/share.js puts the reader's paragraph into each address."""
    text = share_text(title, ui, authors, text_title)
    mail = f"mailto:?subject={encoded(text)}&body={encoded(text)}%0A%0A{encoded(url)}"
    links = [ShareLink("email", ui["share_email"], mail)]
    links += [
        ShareLink(name.lower(), name, template.format(text=encoded(text), url=encoded(url)))
        for name, template in SERVICES
    ]
    return Share(url=url, text=f"{text} {url}", links=links)


def is_share_link(classes: list[str] | str | None) -> bool:
    """Whether an <a>'s class attribute marks it as a share link (for the checks)."""
    if not classes:
        return False
    return SHARE_LINK_CLASS in (classes.split() if isinstance(classes, str) else classes)
