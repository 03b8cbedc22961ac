"""The leaflet, one per language: an A5 flyer printed two to a landscape A4 sheet, for a waiting room or a
union office. Every word comes from the built pages (the title, the demand's paragraph, the reasons' titles,
the easy-to-read edition's plain line for each reason) or from docs/<lang>/interface.yml and data/: nothing is
typed twice. Its QR codes (vectors, drawn here by segno) lead to the language's home and signing pages at the
site's address; a build for a local address says on the sheet that they lead to a local preview.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.utils import meta

from scripts.core.dates import localized_date
from scripts.core.languages import language_folder
from scripts.core.manifesto import author_names, leaflet_path, manifesto
from scripts.core.pages import nav_sources
from scripts.core.paths import shown
from scripts.core.strings import strings
from scripts.editions import print_html
from scripts.editions.easy_read import EasyReadEdition
from scripts.editions.pdf import PRINT_DIR, Edition, lay_out
from scripts.editions.print_html import PrintError
from scripts.theme.credit import translation_credit


@dataclass(frozen=True)
class Reason:
    title: str  # the authors' title of the argument, as its built page shows it
    plain: str  # the easy-to-read edition's line for it: the site's words, marked as such


@dataclass(frozen=True)
class Sheet:
    """What the leaflet and the poster of one language say, read from the built site."""

    lang: str
    title: str
    byline: str
    demand: str
    demand_number: int
    reasons: list[Reason]
    home_url: str
    sign_url: str | None
    edition: str
    status: str
    local: bool


def page_url(config: MkDocsConfig, lang: str, src: str, site_dir: Path) -> tuple[Path, str]:
    """A page's built file and its public address."""
    prefix = language_folder(lang, config)
    file = File(src, str(Path(config.docs_dir) / lang), str(site_dir), config.use_directory_urls)
    return site_dir / prefix / file.dest_uri, urljoin(urljoin(config.site_url or "/", prefix), file.url)


def is_local(site_url: str | None) -> bool:
    """Whether the site is built for a local preview (the deployment would refuse this address)."""
    from scripts.build import DeployError, check_deploy_address

    try:
        check_deploy_address(site_url)
    except DeployError:
        return True
    return False


def plain_lines(summary: EasyReadEdition, count: int) -> list[str]:
    """Each reason's line in the easy-to-read edition: its heading `## Reason N: the line { #reason-N }`."""
    article = print_html.article_of(summary.page.html)
    lines = []
    for n in range(1, count + 1):
        heading = article.find(id=f"reason-{n}")
        text = print_html.heading_text(heading) if heading else ""
        if ":" not in text:
            raise PrintError(
                f"{shown(summary.page.html)}: no heading 'reason-{n}' of the form 'Reason {n}: the plain line'. "
                f"Fix: give reason {n} its heading '## … {n}: … {{ #reason-{n} }}' in the easy-to-read page."
            )
        lines.append(text.split(":", 1)[1].strip())
    return lines


def demand_text(edition: Edition, number: int) -> str:
    """The demand's paragraph, word for word from the built whole-text page (without its number)."""
    article = print_html.article_of(edition.whole_text.html)
    paragraph = article.find(id=f"p{number}")
    if paragraph is None:
        raise PrintError(
            f"{shown(edition.whole_text.html)}: no paragraph {number}, which data/manifesto.yml `demand` names. "
            "Fix: give `demand.paragraph` the number the site shows."
        )
    return " ".join(paragraph.get_text(" ", strip=True).split())


def sheet(edition: Edition, summary: EasyReadEdition, config: MkDocsConfig, site_dir: Path, date: str) -> Sheet:
    data = manifesto()
    ui = strings(edition.lang)
    docs = Path(config.docs_dir) / edition.lang
    reasons: list[str] = []
    sign_url = None
    for src in nav_sources(config.nav):
        source = docs / src
        if not source.is_file():
            continue
        front = meta.get_data(source.read_text(encoding="utf-8"))[1]
        html, url = page_url(config, edition.lang, src, site_dir)
        if front.get("text_part") == "argument":
            h1 = print_html.article_of(html).find("h1")
            reasons.append(print_html.heading_text(h1) if h1 else src)
        if front.get("signing"):
            sign_url = url
    number = data["demand"]["paragraph"]
    original = edition.lang == data["language"]
    return Sheet(
        lang=edition.lang,
        title=print_html.printable_text(edition.whole_text.html, edition.whole_text.url).title,
        byline=ui["author_join"].join(author_names(data)),
        demand=demand_text(edition, number),
        demand_number=number,
        reasons=[Reason(t, line) for t, line in zip(reasons, plain_lines(summary, len(reasons)), strict=True)],
        home_url=edition.home_url,
        sign_url=sign_url,
        edition=ui["pdf_edition"].format(
            version=data["edition"]["version"], date=localized_date(date[:10], edition.lang)
        ),
        status=ui["credit_original"]
        if original
        else translation_credit(ui, list(edition.reviewed), list(edition.unreviewed)),
        local=is_local(config.site_url),
    )


def qr_svg(url: str, label: str) -> Markup:
    """A QR code for `url` as inline SVG (vector, drawn offline), named for a reading voice."""
    import segno

    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, dark="#000", light=None, omitsize=True)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{Markup.escape(label)}" class="qr" ', 1)
    return Markup(svg)


def render(template: str, item: Sheet, date: str) -> str:
    ui = strings(item.lang)
    env = Environment(loader=FileSystemLoader(PRINT_DIR), autoescape=True, undefined=StrictUndefined)
    codes = {"home": qr_svg(item.home_url, ui["print_qr_label"].format(url=item.home_url))}
    if item.sign_url:
        codes["sign"] = qr_svg(item.sign_url, ui["print_qr_label"].format(url=item.sign_url))
    return env.get_template(template).render(
        sheet=item,
        ui=ui,
        date=date,
        authors=author_names(),
        codes=codes,
        demand_source=ui["home_demand_source"].format(authors=item.byline, n=item.demand_number),
        reasons_heading=ui["home_reasons_heading"].format(n=len(item.reasons)),
    )


def identifier(kind: str, lang: str) -> bytes:
    """A fixed PDF /ID: the same sheet in the same language and edition keeps the same one."""
    name = f"{manifesto()['edition']['pdf_name']}-{kind}-{lang}-{manifesto()['edition']['version']}"
    return hashlib.md5(name.encode()).hexdigest().encode()


def write_leaflet(item: Sheet, site_dir: Path, date: str) -> Path:
    html = render("leaflet.html", item, date)
    return lay_out(html, site_dir / leaflet_path(item.lang), identifier("leaflet", item.lang))
