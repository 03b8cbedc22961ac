"""The editions' command: `pdf`, the printable edition of each language from a built site.

`python -m scripts build` makes the PDFs itself; this command makes them again from a site built
with `--no-pdf` (the bench times it so). The work is in scripts/editions/pdf.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

from scripts.core.commands import command, parser
from scripts.core.paths import ROOT, shown


@command("pdf", "one PDF per language from the built site (exit 1 if the PDF step fails)")
def pdf(argv: list[str]) -> int:
    """Exit 0 with every PDF written into the site and its size into the pages' links; 1 on a print or data error."""
    arguments = parser(
        "pdf",
        "One PDF per language from the built site; their sizes go into the pages' links to them.",
        epilog="Exit 0: every PDF written; 1: the PDF step failed (the message says why).",
    )
    arguments.add_argument("site_dir", metavar="SITE_DIR", nargs="?", type=Path, default=ROOT / "site")
    args = arguments.parse_args(argv)
    from scripts.core.load import DataError
    from scripts.editions.make import make_pdfs
    from scripts.editions.print_html import PrintError

    try:
        for made in make_pdfs(args.site_dir.resolve()):
            print(f"PDF: {shown(made)} ({made.stat().st_size} bytes)")
    except (PrintError, DataError) as error:
        print(f"PDF step failed: {error}", file=sys.stderr)
        return 1
    return 0
