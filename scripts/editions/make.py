"""The editions step: everything made from the built site, laid out side by side on every core.

The PDFs (scripts/editions/pdf.py) and the pages' preview images (scripts/share/image.py)
are independent of one another and each takes a share of a core: a pool of forked processes
(WeasyPrint and Pillow hold the interpreter's lock) runs them together, and the build waits for all.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from scripts.core.languages import language_folder, language_pages, languages
from scripts.core.paths import ROOT
from scripts.editions.easy_read import SIZE_SLOT as EASY_READ_SLOT
from scripts.editions.easy_read import easy_read_editions, write_easy_read_pdf
from scripts.editions.epub import SIZE_SLOT as EPUB_SLOT
from scripts.editions.epub import easy_read_book, text_book, write_epub
from scripts.editions.leaflet import sheet, write_leaflet
from scripts.editions.pdf import SIZE_SLOT as PDF_SLOT
from scripts.editions.pdf import (
    Edition,
    edition_date,
    editions,
    fill_sizes,
    keep_editions,
    longest_first,
    size_labels,
    write_pdf,
)
from scripts.editions.poster import write_poster
from scripts.share.image import write_images

Job = tuple[Callable[..., Any], tuple[Any, ...]]


def run_side_by_side(jobs: list[Job], workers: int | None = None) -> list[Any]:
    """Each job's result, in the jobs' order; an error in one is raised here once all have ended."""
    workers = min(len(jobs), workers or os.cpu_count() or 1)
    if workers <= 1:
        return [function(*arguments) for function, arguments in jobs]
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        futures = [pool.submit(function, *arguments) for function, arguments in jobs]
        return [future.result() for future in futures]


def image_jobs(site_dir: Path, config: MkDocsConfig, chunks: int = 2) -> list[Job]:
    """The preview images of every language's pages, in a few parts each so that they share the cores."""
    jobs: list[Job] = []
    for lang in languages(config):
        others = [language_folder(other, config).rstrip("/") for other in languages(config) if other != lang]
        pages = language_pages(site_dir / language_folder(lang, config), [o for o in others if o])
        jobs += [(write_images, (pages[part::chunks], lang)) for part in range(chunks)]
    return jobs


def make_editions(site_dir: Path, *, pdf: bool, images: bool = True) -> list[Path]:
    """The preview images (unless `images` is false) and, when asked, every language's PDF, also at its
    edition's address, its easy-to-read summary's PDF, its EPUB, leaflet and poster, with the sizes of the PDFs
    and EPUBs written into the pages' links.
    Returns the text's PDFs, by language, then the summaries'."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    jobs = image_jobs(site_dir, config) if images else []
    if not pdf:
        run_side_by_side(jobs)
        return []
    todo = editions(site_dir, config)
    order = longest_first(todo)
    date = edition_date()
    summaries = easy_read_editions(site_dir, config)
    # The PDFs first, the longest of them first: the longest jobs start at once; the short easy-to-read
    # PDFs and the images fill the gaps.
    easy_jobs: list[Job] = [(write_easy_read_pdf, (summary, date)) for summary in summaries]
    homes = {edition.lang: edition.home_url for edition in todo}
    books = [text_book(e) for e in todo] + [easy_read_book(s, homes[s.lang]) for s in summaries]
    epub_jobs: list[Job] = [(write_epub, (book, site_dir, date)) for book in books]
    # The leaflet and poster of each language that has its easy-to-read edition (the leaflet's plain lines).
    by_lang = {summary.lang: summary for summary in summaries}
    sheets = [sheet(e, by_lang[e.lang], config, site_dir, date) for e in todo if e.lang in by_lang]
    writers = (write_leaflet, write_poster)
    sheet_jobs: list[Job] = [(write, (item, site_dir, date)) for item in sheets for write in writers]
    results = run_side_by_side(
        [(write_pdf, (todo[i], date)) for i in order] + easy_jobs + epub_jobs + sheet_jobs + jobs
    )
    paths = dict(zip(order, results[: len(todo)], strict=True))
    pdfs = {edition.lang: paths[i] for i, edition in enumerate(todo)}
    easy_pdfs = {summary.lang: summary.pdf for summary in summaries}
    keep_editions(site_dir, pdfs)
    start = len(todo) + len(summaries)
    epubs = {e.lang: path for e, path in zip(todo, results[start : start + len(todo)], strict=True)}
    fill_sizes(
        site_dir,
        [
            (PDF_SLOT, "PDF", size_labels(pdfs, "pdf_size")),
            (EASY_READ_SLOT, "easy-to-read PDF", size_labels(easy_pdfs, "pdf_size")),
            (EPUB_SLOT, "EPUB", size_labels(epubs, "epub_size")),
        ],
    )
    return [*pdfs.values(), *easy_pdfs.values()]


def make_pdfs(site_dir: Path) -> list[Path]:
    """Every language's PDF into a site already built (its preview images are there)."""
    return make_editions(site_dir, pdf=True, images=False)


def write_pdfs(todo: list[Edition], date: str, workers: int | None = None) -> list[Path]:
    """The editions' PDFs alone, side by side, in the editions' order (the benchmark's measure)."""
    order = longest_first(todo)
    paths = run_side_by_side([(write_pdf, (todo[i], date)) for i in order], workers)
    return [path for _, path in sorted(zip(order, paths, strict=True))]
