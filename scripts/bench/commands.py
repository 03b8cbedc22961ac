"""The measures' commands: bench, bench-signatories, screenshots. Measures, not tests: they print.

The work is in site.py, signatories.py and screenshots.py beside this file; those load Playwright,
pypdf and mkdocs, so they are imported only when a command runs.
"""

from __future__ import annotations

from pathlib import Path

from scripts.core.commands import command, parser
from scripts.core.paths import ROOT


@command("bench", "build time, pages' weight in Chromium, Lighthouse scores, each PDF's time, size and pages")
def bench(argv: list[str]) -> int:
    """Print the measures (median of --runs runs); exit 0, or the error of a build that fails."""
    arguments = parser(
        "bench",
        "Build time against a bare mkdocs build, first and repeat view of every page in Chromium (gzip) against "
        "the weight budget, "
        "Lighthouse mobile scores, each PDF's time, size and pages.",
    )
    arguments.add_argument("--runs", type=int, default=3, help="runs per measure (default 3)")
    arguments.add_argument("--no-lighthouse", dest="lighthouse", action="store_false", help="skip Lighthouse")
    arguments.add_argument("--weight-only", action="store_true", help="only the pages' weight (a site without PDFs)")
    args = arguments.parse_args(argv)
    from scripts.bench import site

    if args.weight_only:
        site.weight_only(args.lighthouse)
    else:
        site.bench(args.runs, args.lighthouse)
    return 0


@command("bench-signatories", "a copy with 2,000 generated signatories against none: build and PDF time, weight")
def bench_signatories(argv: list[str]) -> int:
    """Print the three differences; exit 0 (nothing is written to data/signatories/)."""
    parser(
        "bench-signatories",
        "A copy of the project with 2,000 generated organisations against one with none: site build time, "
        "PDF time, weight of the signatories page per signatory. Nothing is written to data/signatories/.",
    ).parse_args(argv)
    from scripts.bench.signatories import compare

    compare()
    return 0


@command("screenshots", "home, an argument, the whole text and the 404 page of each language, phone and desktop")
def screenshots(argv: list[str]) -> int:
    """Save the PNG files (light and dark scheme) and say how many; exit 0."""
    arguments = parser(
        "screenshots",
        "Build the site without PDFs and save, for each language, the home page, an argument, the whole text "
        "and the 404 page at 360 and 1280 px wide, light and dark, in headless Chromium.",
    )
    arguments.add_argument("--out", type=Path, default=ROOT / "screenshots", help="folder (default screenshots/)")
    args = arguments.parse_args(argv)
    from scripts.bench.screenshots import take_screenshots

    print(f"{len(take_screenshots(args.out))} screenshots in {args.out}")
    return 0
