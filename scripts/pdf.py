"""`python -m scripts.pdf [SITE_DIR]`: one PDF per language from the built site (scripts/editions/pdf.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.core.load import DataError
from scripts.core.paths import ROOT, shown
from scripts.editions.make import make_pdfs
from scripts.editions.print_html import PrintError


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("site_dir", nargs="?", type=Path, default=ROOT / "site")
    args = parser.parse_args()
    try:
        for pdf in make_pdfs(args.site_dir.resolve()):
            print(f"PDF: {shown(pdf)} ({pdf.stat().st_size} bytes)")
    except (PrintError, DataError) as error:
        print(f"PDF step failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
