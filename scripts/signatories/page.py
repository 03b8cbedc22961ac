"""The HTML of the signing page's pieces, of the signatories list and of the badge.

Every value from data goes through markupsafe (Markup.format escapes it), so that a name,
a city or a statement can never become markup. The words are the language's interface
strings (docs/<lang>/interface.yml); the prose around them is in the Markdown pages.
"""

from __future__ import annotations

import base64
import math
import re
import unicodedata
from functools import cache, lru_cache
from itertools import groupby
from typing import Any

from markupsafe import Markup, escape
from PIL import ImageFont
from pyuca import Collator

from scripts.core.dates import localized_date
from scripts.core.links import UNCITED, PageContext, link
from scripts.core.manifesto import manifesto
from scripts.core.paths import ROOT
from scripts.signatories.intake import issue_url, mailto
from scripts.signatories.records import TYPES, countries, domain_key, signatories
from scripts.text.typography import tie

SIGNING = "signing"  # front matter of the signing page
LIST = "signatories"  # front matter of the signatories page
# Every id this page writes starts with one of these, so that a signatory named like a kind of
# organisation ("association") can never take a section's anchor, nor a section a letter's.
TYPE_ID, LETTER_ID, SIGNATORY_ID = "type-", "letter-", "sig-"
PDF_OMIT = "data-pdf-omit"  # on an appendix with nothing to print: the PDF leaves the page out
SCREEN_ONLY = "mf-screen-only"  # left out of the PDF (editions/print_html.py)
# Where the marker puts the list; insert_list replaces it once the page's HTML is otherwise finished.
LIST_SLOT = '<div id="mf-signatories-list"></div>'
TEXT_BETWEEN_TAGS = re.compile(r">([^<]+)<")


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


@lru_cache(maxsize=1)  # one table, made once
def latin_letters() -> dict[int, str]:
    """The capital A to Z by their first collation weight: "Á", "á" and "Æ" share A's."""
    return {_sort_key(c)[0]: c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}


def letter(name: str, weight: int) -> str:
    """The index letter of a name whose first collation weight is `weight`: A to Z as the collation
    groups them, another alphabet's letter in capitals ("ж" → "Ж"), "#" for a digit or sign first."""
    first = next((c for c in name if not c.isspace()), "")
    if not first.isalpha():
        return "#"
    return latin_letters().get(weight) or unicodedata.normalize("NFKD", first)[0].upper()


def primary(name: str) -> int:
    """The first primary weight of a name's collation key: names that sort together share it."""
    return next((weight for weight in _sort_key(name) if weight), 0)


def letter_groups(members: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Members (sorted by collation) in runs of one index letter, cut where the collation's first weight
    changes and joined while the letter shown is the same: the index follows the list's own order."""
    runs = [list(group) for _, group in groupby(members, key=lambda r: primary(r["name"]))]
    labelled = [(letter(run[0]["name"], primary(run[0]["name"])), run) for run in runs]
    return [(shown, [r for _, run in group for r in run]) for shown, group in groupby(labelled, key=lambda x: x[0])]


def placeholder(text: str) -> Markup:
    return Markup(' <strong class="mf-placeholder">{}</strong>').format(text)


def count_text(ui: dict[str, str], n: int) -> str:
    return ui["sig_count_zero"] if n == 0 else ui["sig_count_one"] if n == 1 else ui["sig_count_many"].format(n=n)


def render_sign_ways(ctx: PageContext) -> str:
    ui, data = ctx.ui, manifesto()
    issue = link(issue_url(ctx.lang), ui["sig_issue_link"], class_=UNCITED)
    if data["repository"]["placeholder"]:
        issue += placeholder(ui["sig_repository_placeholder"])
    if data["contact"]["placeholder"]:
        # A message sent to a placeholder address is lost: no link until a real contact is set.
        mail = escape(ui["sig_mail_link"]) + placeholder(ui["sig_mail_not_open"])
    else:
        contact = data["contact"]["email"]
        mail = link(mailto(ctx.lang), ui["sig_mail_link"], class_=UNCITED) + Markup(" (<code>{}</code>)").format(
            contact
        )
    return str(Markup('<ul class="mf-sign-ways"><li>{}</li><li>{}</li></ul>').format(issue, mail))


@lru_cache(maxsize=8192)  # one link per address, shared by the four languages
def _website(url: str) -> str:
    return str(link(url, domain_key(url), rel="nofollow", class_=UNCITED))


@lru_cache(maxsize=8192)  # a few hundred days at most, asked for by each of thousands of entries
def time_of(iso: str, lang: str) -> Markup:
    return Markup('<time datetime="{}">{}</time>').format(iso, localized_date(iso, lang))


@lru_cache(maxsize=8192)  # thousands of entries share a few hundred dates, versions and methods
def _said(template: str, lang: str, date: str, **values: str) -> Markup:
    """An interface string filled in, its date in the reader's words ("15 janvier 2026") inside a <time>
    that keeps it machine-readable."""
    return escape(template).format(date=time_of(date, lang), **values)


def _entry(record: dict[str, Any], ui: dict[str, str], anchor: str | None, lang: str) -> Markup:
    """One organisation: name, town and country, then what only the screen shows. The PDF's appendix is
    compact (editions/print_html.py leaves out `mf-screen-only` and runs each list into one paragraph,
    `data-pdf-run-in`); the full record is online.

    Written with f-strings over escaped values: Markup.format for 2,000 entries in four languages was
    a second of the build (`python -m scripts bench-signatories`).
    """
    signed = _said(ui["sig_signed"], lang, version=record["version"], date=record["signed"])
    method = ui[f"sig_method_{record['verification']['method']}"]
    verified = _said(ui["sig_verified"], lang, date=record["verification"]["date"], method=method)
    statement = record.get("statement")
    quote = (
        f'<blockquote class="{SCREEN_ONLY}" lang="{escape(statement["lang"])}">{escape(statement["text"])}</blockquote>'
        if statement
        else ""
    )
    ident = f' id="{escape(anchor)}"' if anchor else ""
    country = escape(countries(lang).get(record["country"], record["country"]))
    details = f'<span class="{SCREEN_ONLY}"> · {_website(record["website"])} · {signed} '
    details += f'<span class="mf-sig-verified">({verified})</span></span>'
    return Markup(
        f'<li{ident}><b id="{escape(SIGNATORY_ID + record["id"])}">{escape(record["name"])}</b>, '
        f"{escape(record['city'])}, {country}{details}{quote}</li>"
    )


def render_signatories(ctx: PageContext) -> str:
    """The marker's place: the list is put there after the page's Markdown and HTML passes (list_html)."""
    return LIST_SLOT


def insert_list(html: str, ctx: PageContext) -> str:
    """The page's HTML with the list in its place, when the page has the marker.

    2,000 entries read back by Markdown and BeautifulSoup cost half a second per language: the list
    skips them, and gets the French spacing those passes would give it (tied) here.
    """
    return html.replace(LIST_SLOT, tied(list_html(ctx)), 1) if LIST_SLOT in html else html


def tied(html: str) -> str:
    """French spacing (text/typography.py) in the text between the tags of HTML this module wrote."""
    return TEXT_BETWEEN_TAGS.sub(lambda m: ">" + tie(m.group(1)) + "<", html)


def list_html(ctx: PageContext) -> str:
    ui = ctx.ui
    records = signatories()
    count = Markup('<p class="mf-sig-count">{}</p>').format(count_text(ui, len(records)))
    if not records:
        sign = ctx.flagged(SIGNING)
        invite = link(ctx.url_to(sign), ui["sig_empty_invite"]) if sign else Markup("")
        return str(
            Markup('<div class="mf-sig-none" {}>{}<p class="mf-sig-empty">{}</p></div>').format(
                Markup(PDF_OMIT), count, invite
            )
        )
    count = Markup('<p class="mf-sig-intro">{}</p>').format(ui["sig_list_intro"]) + count
    by_type = {kind: sorted_by_name([r for r in records if r["type"] == kind], ctx.lang) for kind in TYPES}
    index, sections = [], []
    for kind, members in by_type.items():
        if not members:
            continue
        label = ui[f"sig_type_{kind}"]
        letters, items = [], []
        for number, (initial, group) in enumerate(letter_groups(members), 1):
            anchor = f"{LETTER_ID}{kind}-{number}"
            letters.append(link(f"#{anchor}", initial))
            items += [_entry(r, ui, anchor if n == 0 else None, ctx.lang) for n, r in enumerate(group)]
        index.append(Markup("<li>{} {}</li>").format(link(f"#{TYPE_ID}{kind}", label), Markup(" ").join(letters)))
        sections.append(
            Markup('<section class="mf-sig-type"><h2 id="{}">{} ({})</h2><ul data-pdf-run-in>{}</ul></section>').format(
                TYPE_ID + kind, label, len(members), Markup("").join(items)
            )
        )
    nav = Markup('<nav class="mf-sig-index {}" aria-label="{}"><ul>{}</ul></nav>').format(
        SCREEN_ONLY, ui["sig_index"], Markup("").join(index)
    )
    return str(count + nav + Markup('<div class="mf-signatories">{}</div>').format(Markup("").join(sections)))


EXPORT_FILES = ("signatories.json", "signatories.csv")


def render_downloads(ctx: PageContext) -> str:
    links = Markup(" · ").join(
        link(ctx.url_to(name), name.rsplit(".", 1)[1].upper(), download="") for name in EXPORT_FILES
    )
    return str(Markup('<p class="mf-sig-downloads mf-screen-only">{} {}</p>').format(ctx.ui["sig_downloads"], links))


# The badge's lines: (font size, bold). Their widths are measured in the vendored Noto Serif and
# widened by BADGE_SLACK; `textLength` then makes each line exactly that wide in whatever font the
# viewer has (DejaVu Sans, a common Linux default, is some 15 % wider than most): nothing is cut.
BADGE_LINES = ((14, True), (11, False))
BADGE_PADDING = 12
BADGE_SLACK = 1.1


@cache
def badge_font(size: int, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(ROOT / "print" / "fonts" / f"NotoSerif-{'Bold' if bold else 'Regular'}.ttf"), size)


def text_width(text: str, size: int, bold: bool) -> int:
    return math.ceil(badge_font(size, bold).getlength(text) * BADGE_SLACK)


def badge_svg(ui: dict[str, str]) -> str:
    """A small badge with the language's words, even margins; no font or image from elsewhere."""
    title, subject = ui["sig_badge_text"], ui["sig_badge_subject"]
    lines = [f"✓ {title}", subject]
    widths = [text_width(text, size, bold) for text, (size, bold) in zip(lines, BADGE_LINES, strict=True)]
    width = max(widths) + 2 * BADGE_PADDING
    return str(
        Markup(
            '<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="44" viewBox="0 0 {w} 44" role="img"'
            ' aria-label="{t} — {s}"><title>{t} — {s}</title><rect width="{w}" height="44" rx="6" fill="#283593"/>'
            '<text x="{p}" y="19" fill="#fff" font-family="sans-serif" font-size="14" font-weight="bold"'
            ' textLength="{w0}" lengthAdjust="spacingAndGlyphs">{l0}</text>'
            '<text x="{p}" y="36" fill="#fff" font-family="sans-serif" font-size="11"'
            ' textLength="{w1}" lengthAdjust="spacingAndGlyphs">{l1}</text></svg>'
        ).format(w=width, p=BADGE_PADDING, t=title, s=subject, l0=lines[0], l1=lines[1], w0=widths[0], w1=widths[1])
    )


def badge_html(ui: dict[str, str], list_url: str, class_: str | None = None) -> str:
    """The HTML an organisation pastes: a link holding the image itself (a data URL), no request to our
    host. `class_` only on this site's own preview (the checks' mark): none in the code to paste."""
    data = base64.b64encode(badge_svg(ui).encode("utf-8")).decode("ascii")
    alt = f"{ui['sig_badge_text']} — {ui['sig_badge_subject']}"
    attribute = Markup(' class="{}"').format(class_) if class_ else ""
    return str(
        Markup('<a{} href="{}"><img src="data:image/svg+xml;base64,{}" alt="{}"></a>').format(
            attribute, list_url, data, alt
        )
    )


def render_badge(ctx: PageContext) -> str:
    page = ctx.flagged(LIST)
    base = ctx.config.site_url or "/"
    list_url = base.rstrip("/") + "/" + (page.url if page else "")
    html = badge_html(ctx.ui, list_url)
    return str(
        Markup('<figure class="mf-badge"><div>{}</div><figcaption>{}</figcaption></figure>').format(
            Markup(badge_html(ctx.ui, list_url, UNCITED)), ctx.ui["sig_badge_preview"]
        )
        + Markup('<p><label for="mf-badge-code">{}</label></p>').format(ctx.ui["sig_badge_code"])
        + Markup('<textarea id="mf-badge-code" class="mf-badge-code" rows="5" readonly>{}</textarea>').format(html)
        # Shown by assets/share.js where the browser can copy; without it the code is selected by hand.
        + Markup(
            '<p class="mf-copy-item" hidden><button type="button" class="mf-copy" data-copy="mf-badge-code"'
            ' data-copied="{}">{}</button></p>'
        ).format(ctx.ui["sig_badge_copied"], ctx.ui["sig_badge_copy"])
    )
