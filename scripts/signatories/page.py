"""The HTML of the signing page's pieces, of the signatories list and of the badge.

Every value from data goes through markupsafe (Markup.format escapes it), so that a name,
a city or a statement can never become markup. The words are the language's interface
strings (docs/<lang>/interface.yml); the prose around them is in the Markdown pages.
"""

from __future__ import annotations

import base64
import unicodedata
from functools import cache, lru_cache
from itertools import groupby
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from pyuca import Collator

from scripts.core.dates import localized_date
from scripts.core.links import UNCITED, PageContext
from scripts.core.manifesto import manifesto
from scripts.signatories.intake import issue_url, mailto
from scripts.signatories.records import TYPES, domain_key, signatories

SIGNING = "signing"  # front matter of the signing page
LIST = "signatories"  # front matter of the signatories page
SAFE_SCHEMES = ("", "http", "https", "mailto")  # "": a link inside the site


@cache
def collator() -> Collator:
    # The Unicode Collation Algorithm's default table (DUCET): accents sort with their letter.
    # French, Dutch, English and German use it unchanged (CLDR tailors none of them for sorting).
    return Collator()


@lru_cache(maxsize=8192)  # one key per name: bounded under `make serve`
def _sort_key(name: str) -> tuple[int, ...]:
    return collator().sort_key(name)


def sorted_by_name(records: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """By name with the language's collation (the same table for every language of the site, see collator)."""
    return sorted(records, key=lambda r: (_sort_key(r["name"]), r["id"]))


def letter(name: str) -> str:
    """The index letter of a name: its first letter without accent ("É" → "E"), else "#"."""
    for char in unicodedata.normalize("NFKD", name):
        if char.isalpha():
            base = char.upper()
            return base if "A" <= base <= "Z" else "#"
    return "#"


def safe_link(href: str, text: str, **attributes: str) -> Markup:
    """A link only to a web or mail address; anything else is shown as text."""
    if urlsplit(href).scheme not in SAFE_SCHEMES:
        return escape(text)
    extra = Markup("").join(Markup(' {}="{}"').format(k.rstrip("_"), v) for k, v in attributes.items())
    return Markup('<a href="{}"{}>{}</a>').format(href, extra, text)


def placeholder(text: str) -> Markup:
    return Markup(' <strong class="mf-placeholder">{}</strong>').format(text)


def count_text(ui: dict[str, str], n: int) -> str:
    return ui["sig_count_zero"] if n == 0 else ui["sig_count_one"] if n == 1 else ui["sig_count_many"].format(n=n)


def render_sign_ways(ctx: PageContext) -> str:
    ui, data = ctx.ui, manifesto()
    issue = safe_link(issue_url(ctx.lang), ui["sig_issue_link"], **{"class": UNCITED})
    if data["repository"]["placeholder"]:
        issue += placeholder(ui["sig_repository_placeholder"])
    contact = data["contact"]["email"]
    mail = safe_link(mailto(ctx.lang), ui["sig_mail_link"], **{"class": UNCITED}) + Markup(" (<code>{}</code>)").format(
        contact
    )
    if data["contact"]["placeholder"]:
        mail += placeholder(ui["press_contact_placeholder"])
    return str(Markup('<ul class="mf-sign-ways"><li>{}</li><li>{}</li></ul>').format(issue, mail))


def _entry(record: dict[str, Any], ui: dict[str, str], anchor: str | None, lang: str) -> Markup:
    website = safe_link(record["website"], domain_key(record["website"]), rel="nofollow", **{"class": UNCITED})
    # The date in the reader's words ("15 janvier 2026"), inside a <time> that keeps it machine-readable.
    when = Markup('<time datetime="{}">{}</time>').format(record["signed"], localized_date(str(record["signed"]), lang))
    signed = escape(ui["sig_signed"]).format(version=record["version"], date=when)
    statement = record.get("statement")
    quote = (
        Markup('<blockquote lang="{}">{}</blockquote>').format(statement["lang"], statement["text"])
        if statement
        else Markup("")
    )
    ident = Markup(' id="{}"').format(anchor) if anchor else Markup("")
    return Markup('<li{}><b id="{}">{}</b>, {}, {} · {} · {}{}</li>').format(
        ident, record["id"], record["name"], record["city"], record["country"], website, signed, quote
    )


def render_signatories(ctx: PageContext) -> str:
    ui = ctx.ui
    records = signatories()
    count = Markup('<p class="mf-sig-count">{}</p>').format(count_text(ui, len(records)))
    if not records:
        sign = ctx.flagged(SIGNING)
        invite = safe_link(ctx.url_to(sign), ui["sig_empty_invite"]) if sign else Markup("")
        return str(count + Markup('<p class="mf-sig-empty">{}</p>').format(invite))
    by_type = {kind: sorted_by_name([r for r in records if r["type"] == kind], ctx.lang) for kind in TYPES}
    index, sections = [], []
    for kind, members in by_type.items():
        if not members:
            continue
        label = ui[f"sig_type_{kind}"]
        letters, items = [], []
        for initial, group in groupby(members, key=lambda r: letter(r["name"])):
            anchor = f"{kind}-{initial if initial != '#' else 'other'}"
            letters.append(Markup('<a href="#{}">{}</a>').format(anchor, initial))
            items += [_entry(r, ui, anchor if n == 0 else None, ctx.lang) for n, r in enumerate(group)]
        index.append(Markup('<li><a href="#{}">{}</a> {}</li>').format(kind, label, Markup(" ").join(letters)))
        sections.append(
            Markup('<section class="mf-sig-type"><h2 id="{}">{} ({})</h2><ul>{}</ul></section>').format(
                kind, label, len(members), Markup("").join(items)
            )
        )
    nav = Markup('<nav class="mf-sig-index mf-screen-only" aria-label="{}"><ul>{}</ul></nav>').format(
        ui["sig_index"], Markup("").join(index)
    )
    return str(count + nav + Markup('<div class="mf-signatories">{}</div>').format(Markup("").join(sections)))


EXPORT_FILES = ("signatories.json", "signatories.csv")


def render_downloads(ctx: PageContext) -> str:
    links = Markup(" · ").join(
        safe_link(ctx.url_to(name), name.rsplit(".", 1)[1].upper(), download="") for name in EXPORT_FILES
    )
    return str(Markup('<p class="mf-sig-downloads mf-screen-only">{} {}</p>').format(ctx.ui["sig_downloads"], links))


def badge_svg(ui: dict[str, str]) -> str:
    """A small badge with the language's words; no font or image from elsewhere."""
    title, subject = ui["sig_badge_text"], ui["sig_badge_subject"]
    width = 12 + 6 * max(len(title) + 2, round(len(subject) * 0.85))
    return str(
        Markup(
            '<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="44" viewBox="0 0 {w} 44" role="img"'
            ' aria-label="{t} — {s}"><title>{t} — {s}</title><rect width="{w}" height="44" rx="6" fill="#283593"/>'
            '<text x="10" y="19" fill="#fff" font-family="sans-serif" font-size="14" font-weight="bold">✓ {t}</text>'
            '<text x="10" y="36" fill="#fff" font-family="sans-serif" font-size="11">{s}</text></svg>'
        ).format(w=width, t=title, s=subject)
    )


def badge_html(ui: dict[str, str], list_url: str) -> str:
    """The HTML an organisation pastes: a link holding the image itself (a data URL), no request to our host."""
    data = base64.b64encode(badge_svg(ui).encode("utf-8")).decode("ascii")
    alt = f"{ui['sig_badge_text']} — {ui['sig_badge_subject']}"
    return str(
        Markup('<a class="{}" href="{}"><img src="data:image/svg+xml;base64,{}" alt="{}"></a>').format(
            UNCITED, list_url, data, alt
        )
    )


def render_badge(ctx: PageContext) -> str:
    page = ctx.flagged(LIST)
    base = ctx.config.site_url or "/"
    list_url = base.rstrip("/") + "/" + (page.url if page else "")
    html = badge_html(ctx.ui, list_url)
    return str(
        Markup('<figure class="mf-badge"><div>{}</div><figcaption>{}</figcaption></figure>').format(
            Markup(html), ctx.ui["sig_badge_preview"]
        )
        + Markup('<p><label for="mf-badge-code">{}</label></p>').format(ctx.ui["sig_badge_code"])
        + Markup('<textarea id="mf-badge-code" class="mf-badge-code" rows="5" readonly>{}</textarea>').format(html)
    )
