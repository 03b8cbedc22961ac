"""The easy-to-read summary's PDF, one per language, from its built page (so that the PDF can never say
something the page does not): large sans-serif type (Noto Sans, 14 pt and up), one sentence per line and
never split across two pages, left aligned, no hyphenation (print/easy-read.css). Made by the editions
step beside the text's PDFs (scripts/editions/make.py), dated and identified the same way: reproducible.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.utils import meta

from scripts.core.dates import localized_date
from scripts.core.languages import language_folder, languages
from scripts.core.manifesto import author_names, manifesto
from scripts.core.pages import nav_sources
from scripts.core.paths import shown
from scripts.core.strings import strings
from scripts.easy_read.page import SIZE_CLASS
from scripts.easy_read.records import FLAG, easy_read_data, easy_read_pdf_path
from scripts.editions import print_html
from scripts.editions.pdf import PRINT_DIR, BuiltPage, lay_out, linked
from scripts.editions.print_html import PrintError
from scripts.theme.credit import credit_line

# Filled in by this step; scripts/easy_read/page.py leaves the span empty.
SIZE_SLOT = re.compile(rf'(<span class="{SIZE_CLASS}" data-pdf-lang="([^"]+)">)[^<]*(</span>)')


@dataclass(frozen=True)
class EasyReadEdition:
    lang: str
    page: BuiltPage
    pdf: Path


def easy_read_editions(site_dir: Path, config: MkDocsConfig) -> list[EasyReadEdition]:
    """One per built language that has a page marked `easy_read: true` in the navigation."""
    docs = Path(config.docs_dir)
    result = []
    for lang in languages(config):
        prefix = language_folder(lang, config)
        home_url = urljoin(config.site_url or "/", prefix)
        for src in nav_sources(config.nav):
            source = docs / lang / src
            if source.is_file() and meta.get_data(source.read_text(encoding="utf-8"))[1].get(FLAG):
                file = File(src, str(docs / lang), str(site_dir), config.use_directory_urls)
                page = BuiltPage(site_dir / prefix / file.dest_uri, urljoin(home_url, file.url))
                result.append(EasyReadEdition(lang, page, site_dir / easy_read_pdf_path(lang)))
    return result


def easy_read_html(edition: EasyReadEdition, date: str) -> str:
    """The page's article in print/easy-read.html: the text as on the site, then who made it and when."""
    ui = strings(edition.lang)
    article = print_html.article_of(edition.page.html)
    print_html.resolve_links(article, edition.page.url, edition.page.url, {})
    h1 = article.find("h1")
    if h1 is None:
        raise PrintError(f"{shown(edition.page.html)}: no title (h1). Fix: start the page with '# Title'.")
    authors = ui["author_join"].join(author_names())
    original = edition.lang == manifesto()["language"]
    env = Environment(loader=FileSystemLoader(PRINT_DIR), autoescape=True, undefined=StrictUndefined)
    return env.get_template("easy-read.html").render(
        lang=edition.lang,
        title=print_html.heading_text(h1),
        authors=author_names(),
        subject=ui["easy_read_pdf_subject"].format(authors=authors),
        date=date,
        text=Markup(article.decode_contents()),
        credit=credit_line(ui, manifesto(), original, None, summary=True),
        online=linked(ui["easy_read_pdf_online"], url=edition.page.url),
        made=ui["easy_read_pdf_made"].format(date=localized_date(date[:10], edition.lang)),
    )


def identifier(edition: EasyReadEdition) -> bytes:
    """A fixed PDF /ID: the same summary in the same language and edition keeps the same one."""
    name = f"{easy_read_data()['pdf_name']}-{edition.lang}-{manifesto()['edition']['version']}"
    return hashlib.md5(name.encode()).hexdigest().encode()


def write_easy_read_pdf(edition: EasyReadEdition, date: str) -> Path:
    return lay_out(easy_read_html(edition, date), edition.pdf, identifier(edition))
