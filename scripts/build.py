"""Build the site into site/ (or the folder given with --site-dir), in strict mode, then its PDFs.

The PDF step (scripts/pdf.py) reads the pages mkdocs has just built. Skip it for a quick
build with --no-pdf or BUILD_PDF=false: the pages then carry no link to a PDF.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from scripts.data.load import DataError
from scripts.editions.print_html import PrintError

ROOT = Path(__file__).resolve().parent.parent


def build_site(site_dir: Path, *, pdf: bool = True) -> None:
    # BUILD_PDF tells the pages (mkdocs.yml extra.pdf) whether a PDF will be there to link to.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), "BUILD_PDF": str(pdf).lower()}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    if pdf:
        from scripts.editions.pdf import make_pdfs  # WeasyPrint is loaded only when PDFs are made

        make_pdfs(site_dir)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument(
        "--no-pdf",
        dest="pdf",
        action="store_false",
        default=os.environ.get("BUILD_PDF", "true").lower() not in ("false", "0", "no"),
        help="skip the PDFs (also BUILD_PDF=false)",
    )
    args = parser.parse_args()
    try:
        build_site(args.site_dir.resolve(), pdf=args.pdf)
    except subprocess.CalledProcessError as error:
        print(f"build failed (exit {error.returncode}): see the messages above", file=sys.stderr)
        return 1
    except (PrintError, DataError) as error:
        print(f"PDF step failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
