"""Make the printable edition: one PDF per built language, from the built site.

`python -m scripts build` runs it after the mkdocs build (`python -m scripts pdf [SITE_DIR]` runs it alone).
For each language of mkdocs.yml it reads the BUILT whole-text page (so the PDF can never
say something the site does not), adds the pages marked `pdf_appendix: true` (in nav
order), wraps them in print/edition.html (cover, contents, colophon) and lays them out
with print/edition.css. Then it writes each PDF's size into the download links of the
built pages, which the templates leave empty for this step.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.utils import meta

from scripts.changes.records import changes, pdf_editions
from scripts.citation.reference import Translation, reference_html, translation_reference_html
from scripts.core.build_date import build_epoch
from scripts.core.dates import localized_date
from scripts.core.languages import language_folder, languages
from scripts.core.links import link
from scripts.core.manifesto import author_names, manifesto, pdf_path, versioned_pdf_path
from scripts.core.pages import nav_sources
from scripts.core.paths import ROOT, shown
from scripts.core.strings import strings
from scripts.editions import print_html
from scripts.editions.print_html import PrintError
from scripts.theme.credit import credit, translation_credit

PRINT_DIR = ROOT / "print"
# The PDFs of past editions, as released (pdf/<version>/ in a release's files): HANDBOOK.md, "Making a release".
ARCHIVE_DIR = ROOT / "archive" / "pdf"
# Filled in by this step; the template (overrides/partials/copyright.html) leaves the span empty.
SIZE_SLOT = re.compile(r'(<span class="mf-pdf-size" data-pdf-lang="([^"]+)">)[^<]*(</span>)')


@dataclass(frozen=True)
class BuiltPage:
    html: Path  # the built file
    url: str  # its public address


@dataclass(frozen=True)
class Edition:
    """What one language's PDF is made of, and where it goes."""

    lang: str
    whole_text: BuiltPage
    appendices: list[BuiltPage]
    home_url: str
    pdf: Path
    # A translation's parts (text and appendices) by the authors' review (`translation: status:`), by title.
    reviewed: tuple[str, ...] = ()
    unreviewed: tuple[str, ...] = ()


def editions(site_dir: Path, config: MkDocsConfig) -> list[Edition]:
    """One edition per language built by mkdocs.yml; pages found by their front matter."""
    if not config.nav:
        raise PrintError("mkdocs.yml: no `nav`. Fix: list the pages under `nav:`; the PDF follows its order.")
    docs = Path(config.docs_dir)
    result = []
    for lang in languages(config):
        prefix = language_folder(lang, config)
        home_url = urljoin(config.site_url or "/", prefix)
        whole_text: BuiltPage | None = None
        appendices = []
        review: dict[bool, list[str]] = {True: [], False: []}
        for src in nav_sources(config.nav):
            source = docs / lang / src
            if not source.is_file():
                continue  # a missing translation is reported by the build itself
            front = meta.get_data(source.read_text(encoding="utf-8"))[1]
            file = File(src, str(docs / lang), str(site_dir), config.use_directory_urls)
            page = BuiltPage(site_dir / prefix / file.dest_uri, urljoin(home_url, file.url))
            if front.get("whole_text"):
                whole_text = page
            # An appendix with nothing to print (no signatory yet) marks itself: no page for it in the PDF.
            appendix = front.get("pdf_appendix") and "data-pdf-omit" not in page.html.read_text(encoding="utf-8")
            if appendix:
                appendices.append(page)
            if front.get("text_part") or appendix:
                status = (front.get("translation") or {}).get("status")
                review[status == "reviewed"].append(heading(source.read_text(encoding="utf-8"), src))
        if whole_text is None:
            raise PrintError(
                f"{shown(docs / lang)}: no page of the nav has `whole_text: true`. "
                "Fix: mark the whole-text page in its front matter; the PDF is made from it."
            )
        result.append(
            Edition(
                lang,
                whole_text,
                appendices,
                home_url,
                site_dir / pdf_path(lang),
                tuple(review[True]),
                tuple(review[False]),
            )
        )
    return result


def heading(markdown: str, src: str) -> str:
    """A page's title as its Markdown writes it (first `# ` heading), to name a part in the colophon."""
    line = next((line for line in markdown.splitlines() if line.startswith("# ")), None)
    return line[2:].strip() if line else src


def edition_date() -> str:
    """The last commit's date (W3C format), so that one commit always gives the same PDF.

    SOURCE_DATE_EPOCH (the reproducible-builds convention) wins, for builds outside git
    (scripts/core/build_date.py, which also dates the site).
    """
    epoch = build_epoch()
    if epoch is None:
        raise PrintError(
            f"{ROOT}: no .git folder with a commit here (a downloaded archive, or a new repository), so the "
            "edition has no date: it is dated from the last commit. "
            "Fix: build from a git clone with at least one commit, or set SOURCE_DATE_EPOCH (seconds since 1970)."
        )
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="seconds")


def linked(template: str, **values: str) -> Markup:
    """Fill a string of docs/<lang>/interface.yml with values; `url` becomes a link showing the address."""
    fields = {k: link(v, v) if k == "url" else v for k, v in values.items()}
    return Markup.escape(template).format(**fields)


def edition_html(edition: Edition, date: str) -> str:
    """The whole document WeasyPrint lays out: cover, contents, text, appendices, colophon."""
    ui = strings(edition.lang)
    data = manifesto()
    publication = data["first_publication"]
    text = print_html.printable_text(edition.whole_text.html, edition.whole_text.url)
    appendices = [
        print_html.printable_appendix(page.html, page.url, edition.whole_text.url, f"a{n}")
        for n, page in enumerate(edition.appendices, start=1)
    ]
    authors = ui["author_join"].join(author_names(data))
    year = publication["date"][:4]
    first_publication = ui["pdf_first_publication"].format(
        publisher=publication["publisher"],
        website=publication["website"],
        number=publication.get("number", ""),
        date=localized_date(publication["date"], edition.lang),  # in the reader's words, not ISO
    )
    if not publication["date_verified"]:
        first_publication += " " + ui["pdf_date_unverified"]
    version = data["edition"]["version"]
    original = edition.lang == data["language"]
    translation = Translation(edition.lang, text.title, edition.home_url)
    env = Environment(loader=FileSystemLoader(PRINT_DIR), autoescape=True, undefined=StrictUndefined)
    return env.get_template("edition.html").render(
        lang=edition.lang,
        ui=ui,
        title=text.title,
        authors=author_names(data),
        byline=authors,
        subject=ui["pdf_subject"].format(authors=authors, year=year),
        keywords=ui["pdf_keywords"],
        date=date,
        first_publication=first_publication,
        first_publication_url=publication["url"],
        unverified=None if publication["verified"] else ui["pdf_publication_unverified"],
        edition=ui["pdf_edition"].format(version=version, date=localized_date(date[:10], edition.lang)),
        online=linked(ui["pdf_online"], url=edition.home_url),
        contents=[
            *text.contents,
            *(entry for appendix in appendices for entry in appendix.contents),
            print_html.Entry("pdf-colophon", ui["pdf_colophon"]),
        ],
        text=Markup(text.html),
        appendices=[Markup(a.html) for a in appendices],
        # How to cite: the first publication, and a translation as the translation it is (never its
        # translated title as the publisher's), both in the language's citation style (citeproc-py).
        reference=reference_html(edition.lang, data),
        translation_reference=None if original else translation_reference_html(translation, data),
        credit=credit(ui, data),
        # The original is reproduced as published; a translation says by whom and what the authors reviewed.
        credit_status=ui["credit_original"]
        if original
        else translation_credit(ui, list(edition.reviewed), list(edition.unreviewed)),
    )


def identifier(edition: Edition) -> bytes:
    """A fixed PDF /ID: the same edition of the same language keeps the same one."""
    name = f"{manifesto()['edition']['pdf_name']}-{edition.lang}-{manifesto()['edition']['version']}"
    return hashlib.md5(name.encode()).hexdigest().encode()


def write_pdf(edition: Edition, date: str) -> Path:
    """Lay out one edition and write it atomically: a failed run leaves no half-written PDF."""
    return lay_out(edition_html(edition, date), edition.pdf, identifier(edition))


def lay_out(html: str, pdf: Path, pdf_identifier: bytes) -> Path:
    """A printable document laid out by WeasyPrint (tagged, PDF/UA-1) and written atomically: a failed
    run leaves no half-written PDF. Its fonts and stylesheet come from print/, never from the network."""
    # Imported here so that a build without PDFs does not need WeasyPrint's system libraries.
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    document = HTML(
        string=html,
        base_url=f"{PRINT_DIR}/",
        # Only local files (the stylesheet, the fonts); a missing one stops the build.
        url_fetcher=URLFetcher(allowed_protocols={"file"}, fail_on_errors=True),
    )
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=pdf.parent, prefix=".", suffix=".pdf", delete=False) as temp:
        try:
            document.write_pdf(
                temp,
                font_config=FontConfiguration(),
                pdf_variant="pdf/ua-1",
                pdf_identifier=pdf_identifier,
            )
            temp.close()
            os.chmod(temp.name, 0o644)
            os.replace(temp.name, pdf)
        except BaseException as error:
            Path(temp.name).unlink(missing_ok=True)
            if isinstance(error, FatalURLFetchingError):
                raise PrintError(
                    f"{shown(PRINT_DIR)}: {error}. Fix: restore the file, or correct the url() in its stylesheet "
                    "(print/*.css: fonts and stylesheets are read from print/, never from the network)."
                ) from None
            raise
    return pdf


def human_size(size: int) -> str:
    """Kilobytes (1000 bytes), rounded up so that a small file never shows as 0."""
    return str(-(-size // 1000))


# A size slot: the empty span a page's link leaves for a made file's size, by language; the file's name
# in the error; and the size of each language's file, as that file's interface string says it.
SizeSlot = tuple[re.Pattern[str], str, dict[str, str]]


def size_labels(files: dict[str, Path], key: str) -> dict[str, str]:
    """Each language's file size as its interface string `key` says it ("PDF, 94 kB")."""
    return {lang: strings(lang)[key].format(size=human_size(file.stat().st_size)) for lang, file in files.items()}


def fill_sizes(site_dir: Path, slots: list[SizeSlot]) -> int:
    """Write each made file's size into the links of the built pages, all kinds in one pass over them;
    return how many were filled. A link to a language whose file this build did not make stops it."""
    filled = 0
    for page in sorted(site_dir.rglob("*.html")):
        html = written = page.read_text(encoding="utf-8")
        for slot, what, labels in slots:
            for lang in {match.group(2) for match in slot.finditer(written)} - labels.keys():
                raise PrintError(
                    f"{shown(page)}: links to the {lang} {what}, which this build did not make. "
                    f"Fix: build {lang} in mkdocs.yml, or run the editions step for every built language."
                )
            written, count = slot.subn(
                lambda m, labels=labels: f"{m.group(1)}{labels[m.group(2)]}{m.group(3)}", written
            )
            filled += count
        if written != html:
            page.write_text(written, encoding="utf-8")
    return filled


def keep_editions(site_dir: Path, pdfs: dict[str, Path], archive: Path = ARCHIVE_DIR) -> list[Path]:
    """Each edition's PDFs at pdf/<version>/ (the changes page links them): this one's from this build,
    earlier ones from the archive. A missing earlier PDF stops the build rather than leave a dead link."""
    current = manifesto()["edition"]["version"]
    kept = []
    for version in pdf_editions(changes()):
        for lang, pdf in pdfs.items():
            target = site_dir / versioned_pdf_path(lang, version)
            source = pdf if version == current else archive / version / pdf.name
            if not source.is_file():
                raise PrintError(
                    f"data/changes.yml: edition {version} keeps its PDFs, but {shown(source)} is missing. "
                    f"Fix: copy {pdf.name} from the release v{version} into {shown(archive / version)}/."
                )
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            kept.append(target)
    return kept


def layout_work(edition: Edition) -> int:
    """A measure of the work of laying an edition out: the size of the pages it prints."""
    return sum(page.html.stat().st_size for page in (edition.whole_text, *edition.appendices))


def longest_first(todo: list[Edition]) -> list[int]:
    """The editions' indexes, the longest first: with the longest laid out first, the cores finish
    together rather than one waiting for a long edition started last."""
    return sorted(range(len(todo)), key=lambda i: -layout_work(todo[i]))
