"""Measure the build, the weight of the pages and the PDFs. A measure, not a test.

`python -m scripts.bench [--runs N]` (`make bench`) prints:
- the time of a whole build (`scripts.build`, site and PDFs) and of the site alone, median of N runs;
- the site alone against a bare mkdocs build of the same pages (no hooks, no overrides);
- the editions step (every PDF side by side) against the sum of its parts;
- for some pages of each language, what a first visit downloads (HTML and the files it
  loads, gzip-compressed as a server would send them) and what a later page costs (its HTML);
- for each language's PDF: the time to make it (median of N runs), its size and page count.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from mkdocs.config import load_config
from pypdf import PdfReader

from scripts.build import ROOT, build_site
from scripts.data.load import built_page, languages
from scripts.editions.pdf import edition_date, editions, write_pdf, write_pdfs

SAMPLE_PAGES = ["index.md", "arguments/1-deux-evidences-crues.md", "texte-integral.md"]


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


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def loaded_files(page: Path, site: Path) -> list[Path]:
    """Files a browser fetches to show the page: stylesheets, scripts, icons, images."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    refs = [link["href"] for link in soup.select("link[rel~=stylesheet], link[rel~=icon]")]
    refs += [tag["src"] for tag in soup.select("script[src], img[src]")]
    files = []
    for ref in refs:
        path = (page.parent / urlsplit(ref).path).resolve()
        if path.is_file() and path.is_relative_to(site.resolve()):
            files.append(path)
    return files


def weight_table(site: Path) -> list[str]:
    lines = [f"{'page':<48}{'HTML (gz)':>12}{'first visit (gz)':>20}"]
    for lang in languages():
        for page in SAMPLE_PAGES:
            html = built_page(site, lang, page)
            first = gzipped(html) + sum(gzipped(f) for f in loaded_files(html, site))
            lines.append(f"{lang + '/' + page:<48}{gzipped(html) / 1000:>9.1f} kB{first / 1000:>17.1f} kB")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per measure (default 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        whole = median_seconds(lambda: build_site(site), args.runs)
        pages_only = median_seconds(lambda: build_site(site, pdf=False), args.runs)
        print(f"build, median of {args.runs}: site and PDFs {whole:.2f} s; site alone {pages_only:.2f} s")
        ours, bare = site_against_bare(Path(folder) / "compare", args.runs)
        print(
            f"mkdocs build, median of {args.runs}: with the hooks and overrides {ours:.2f} s; bare {bare:.2f} s; "
            f"ratio {ours / bare:.2f} (target at most 1.5)\n"
        )
        print("\n".join(weight_table(site)), "\n")
        date = edition_date()
        todo = editions(site, load_config(str(ROOT / "mkdocs.yml")))
        print(f"{'PDF':<10}{'median time':>14}{'size':>12}{'pages':>8}")
        parts = 0.0
        for edition in todo:
            seconds = median_seconds(lambda edition=edition: write_pdf(edition, date), args.runs)
            parts += seconds
            size, pages = edition.pdf.stat().st_size, len(PdfReader(edition.pdf).pages)
            print(f"{edition.lang:<10}{seconds:>12.2f} s{size / 1000:>9.1f} kB{pages:>8}")
        together = median_seconds(lambda: write_pdfs(todo, date), args.runs)
        print(
            f"editions step on {os.cpu_count()} cores: {together:.2f} s for {len(todo)} PDFs, "
            f"{together / parts:.2f} of the sum of their times ({parts:.2f} s; target at most 0.6)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
