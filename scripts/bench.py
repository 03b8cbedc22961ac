"""Measure the PDF step: for each language, build time (median of several runs), size, pages.

`python -m scripts.bench [--runs N]` (`make bench`) builds the site once into a temporary
folder without PDFs, then times the PDF of each language N times. It is a measure, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.config import load_config
from pypdf import PdfReader

from scripts.build import ROOT, build_site
from scripts.pdf import edition_date, editions, write_pdf


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per language (default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        build_site(site, pdf=False)
        date = edition_date()
        print(f"{'language':<10}{'median time':>14}{'size':>12}{'pages':>8}")
        for edition in editions(site, load_config(str(ROOT / "mkdocs.yml"))):
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                pdf = write_pdf(edition, date)
                times.append(time.perf_counter() - start)
            pages = len(PdfReader(pdf).pages)
            size = pdf.stat().st_size
            print(f"{edition.lang:<10}{statistics.median(times):>12.2f} s{size / 1000:>9.1f} kB{pages:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
