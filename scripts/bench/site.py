"""Measure the build, the weight of the pages and the PDFs. A measure, not a test.

`python -m scripts bench [--runs N] [--no-lighthouse] [--weight-only]` (`make bench`; the command is in
scripts/bench/commands.py) prints:
- the time of a whole build (`build_site`, site and PDFs) and of the site alone, median of N runs;
- the site alone against a bare mkdocs build of the same pages (no hooks, no overrides);
- the editions step (every PDF side by side) against the sum of its parts;
- for every page of every language, measured in headless Chromium from a loopback server that
  compresses (gzip) as a host would: what a first view downloads (the page and every file it loads,
  compressed bodies) and a repeat view (files cached); then the heaviest against the budget;
- Lighthouse 12's mobile scores (performance, accessibility, best practices, SEO) for the home page,
  two arguments and the whole text of each language (npm `lighthouse`, Debian's Chromium;
  `--no-lighthouse` skips it);
- for each language's PDF: the time to make it (median of N runs), its size and page count.
"""

from __future__ import annotations

import gzip
import http.server
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from mkdocs.config import load_config
from pypdf import PdfReader

from scripts.build import build_site
from scripts.checks.links import serve
from scripts.core.languages import built_page, languages
from scripts.core.paths import ROOT
from scripts.editions.make import write_pdfs
from scripts.editions.pdf import edition_date, editions, write_pdf

# Lighthouse's samples (each run takes seconds): the home page, a short and the long argument, the whole text.
SAMPLE_PAGES = [
    "index.md",
    "arguments/1-deux-evidences-crues.md",
    "arguments/3-champ-obscur-et-obscurci.md",
    "texte-integral.md",
]


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_config(folder: Path) -> Path:
    """mkdocs.yml without the hooks and the template overrides: what the site costs without its own code."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^hooks:\n(?:[ #].*\n)*", "", config)
    config = config.replace("  custom_dir: overrides\n", "").replace("docs_dir: docs", f"docs_dir: {ROOT / 'docs'}")
    # The site's own icon lives in overrides/.icons/: a bare build draws one of Material's.
    config = re.sub(r"(?m)^(    logo: )mf/.*$", r"\1material/account-multiple", config)
    path = folder / "bare-mkdocs.yml"
    path.write_text(config, encoding="utf-8")
    return path


def mkdocs_build(config: Path, site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), "BUILD_PDF": "false"}
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "--site-dir", str(site)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def site_against_bare(folder: Path, runs: int) -> tuple[float, float]:
    """Median times of the site alone and of a bare build of the same pages, runs interleaved
    so that a busy machine weighs on both alike."""
    folder.mkdir(parents=True, exist_ok=True)
    bare = bare_config(folder)
    ours, plain = [], []
    for _ in range(runs):
        ours.append(median_seconds(lambda: mkdocs_build(ROOT / "mkdocs.yml", folder / "ours"), 1))
        plain.append(median_seconds(lambda: mkdocs_build(bare, folder / "bare"), 1))
    return statistics.median(ours), statistics.median(plain)


CHROMIUM = "/usr/bin/chromium"
# Without these flags Chromium tries to reach Google's services at start-up.
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]
COMPRESSED = {".html", ".css", ".js", ".svg", ".json", ".xml", ".txt"}


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a static host would: text gzip-compressed, assets cacheable, pages revalidated."""

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        status = 200
        if not path.exists():  # as a static host does: the site's one 404 page
            path, status = Path(self.directory) / "404.html", 404
        if not path.is_file() or path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache" if path.suffix == ".html" else "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


def compressing_server(site: Path) -> AbstractContextManager[str]:
    return serve(site, CompressingHandler)


def page_url(base: str, site: Path, lang: str, page: str) -> str:
    return base + built_page(site, lang, page).parent.relative_to(site).as_posix().removeprefix(".") + "/"


DOWNLOADED = """() => [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
    .map(e => [e.encodedBodySize, e.transferSize])"""

# The weight budget (issue "Readers who share, cite and print"), in kB of compressed bodies: a first view
# of an argument page (the long argument 3 included), of any page, and a repeat view of any page.
BUDGET_ARGUMENT_KB = 19.5
BUDGET_FIRST_KB = 27.5
BUDGET_REPEAT_KB = 17.5


def every_page(site: Path) -> list[str]:
    """Every built page's address below the site's root ("" for the home page), the 404 page left out."""
    return sorted(path.parent.relative_to(site).as_posix().removeprefix(".") + "/" for path in site.rglob("index.html"))


def is_argument(address: str) -> bool:
    return "/arguments/" in f"/{address}"


def weight_table(site: Path, base: str) -> list[str]:
    """First and repeat view of every page, in kB of compressed bodies, measured in Chromium, then the
    heaviest of each kind against the budget."""
    from playwright.sync_api import sync_playwright

    lines = [f"{'page':<56}{'first view':>12}{'repeat view':>13}"]
    weights: dict[str, tuple[float, float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS[1:])
        for address in every_page(site):
            context = browser.new_context()
            tab = context.new_page()
            url = base + address.removeprefix("/")
            tab.goto(url, wait_until="networkidle")
            first = sum(body for body, _ in tab.evaluate(DOWNLOADED)) / 1000
            tab.goto(url, wait_until="networkidle")
            repeat = sum(body for body, transferred in tab.evaluate(DOWNLOADED) if transferred > 0) / 1000
            context.close()
            weights[address] = (first, repeat)
            lines.append(f"{address:<56}{first:>9.1f} kB{repeat:>10.1f} kB")
        browser.close()
    lines += budget_lines(weights)
    return lines


def budget_lines(weights: dict[str, tuple[float, float]]) -> list[str]:
    """The heaviest argument page, page and repeat view, each with its budget and whether it holds."""

    def heaviest(kind: str, pages: list[str], index: int, budget: float) -> str:
        page = max(pages, key=lambda p: weights[p][index])
        value = weights[page][index]
        verdict = "within" if value <= budget else "OVER"
        return f"{kind:<28}{value:>6.1f} kB  {verdict} the budget of {budget} kB  ({page})"

    arguments = [p for p in weights if is_argument(p)]
    return [
        f"\n{len(weights)} pages measured",
        heaviest("first view, argument page", arguments, 0, BUDGET_ARGUMENT_KB),
        heaviest("first view, any page", list(weights), 0, BUDGET_FIRST_KB),
        heaviest("repeat view, any page", list(weights), 1, BUDGET_REPEAT_KB),
    ]


CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def lighthouse_table(site: Path, base: str) -> list[str]:
    """Lighthouse's mobile scores (its default form factor) of each sample page."""
    cli = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
    lines = [f"{'page':<44}" + "".join(f"{c[:14]:>16}" for c in CATEGORIES)]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    for lang in languages():
        for page in SAMPLE_PAGES:
            with tempfile.NamedTemporaryFile(suffix=".json") as report:
                subprocess.run(
                    ["node", str(cli), page_url(base, site, lang, page), "--quiet", "--output=json",
                     f"--output-path={report.name}", f"--only-categories={','.join(CATEGORIES)}",
                     f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}"],
                    env=env, check=True,
                )  # fmt: skip
                result = json.loads(Path(report.name).read_text(encoding="utf-8"))
            scores = [round(100 * (result["categories"][c]["score"] or 0)) for c in CATEGORIES]
            lines.append(f"{lang + '/' + page:<44}" + "".join(f"{s:>16}" for s in scores))
    return lines


def weight_only(lighthouse: bool) -> None:
    """The pages' weight (and their Lighthouse scores) on a site built without PDFs."""
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        build_site(site, pdf=False)
        with compressing_server(site) as base:
            print("\n".join(weight_table(site, base)))
            if lighthouse:
                print("\nLighthouse 12, mobile")
                print("\n".join(lighthouse_table(site, base)))


def pdf_table(site: Path, runs: int) -> None:
    """Each language's PDF: median time, size, pages; then the editions step against the sum of its parts."""
    date = edition_date()
    todo = editions(site, load_config(str(ROOT / "mkdocs.yml")))
    print(f"{'PDF':<10}{'median time':>14}{'size':>12}{'pages':>8}")
    parts = 0.0
    for edition in todo:
        seconds = median_seconds(lambda edition=edition: write_pdf(edition, date), runs)
        parts += seconds
        size, pages = edition.pdf.stat().st_size, len(PdfReader(edition.pdf).pages)
        print(f"{edition.lang:<10}{seconds:>12.2f} s{size / 1000:>9.1f} kB{pages:>8}")
    together = median_seconds(lambda: write_pdfs(todo, date), runs)
    print(
        f"editions step on {os.cpu_count()} cores: {together:.2f} s for {len(todo)} PDFs, "
        f"{together / parts:.2f} of the sum of their times ({parts:.2f} s; target at most 0.6)"
    )


def bench(runs: int, lighthouse: bool) -> None:
    """Every measure, printed as it is taken: build times, the bare build, the pages' weight, the PDFs."""
    with tempfile.TemporaryDirectory() as folder:
        # The site apart from the comparison's builds, whose pages are not the site's to weigh.
        site = Path(folder) / "site"
        whole = median_seconds(lambda: build_site(site), runs)
        pages_only = median_seconds(lambda: build_site(site, pdf=False), runs)
        print(f"build, median of {runs}: site and PDFs {whole:.2f} s; site alone {pages_only:.2f} s")
        ours, bare = site_against_bare(Path(folder) / "compare", runs)
        print(
            f"mkdocs build, median of {runs}: with the hooks and overrides {ours:.2f} s; bare {bare:.2f} s; "
            f"ratio {ours / bare:.2f} (target at most 1.5)\n"
        )
        build_site(site)  # weighed as published: with its PDFs, which every page links with their size
        with compressing_server(site) as base:
            print("\n".join(weight_table(site, base)), "\n")
            if lighthouse:
                print("Lighthouse 12, mobile")
                print("\n".join(lighthouse_table(site, base)), "\n")
        pdf_table(site, runs)
