"""The checks' commands: check-links, check-links-external, privacy, publish-check.

Each reads the built site or the data and says what is wrong, with an exit status a script can
act on (given in its `--help`). The checks themselves live beside this file; they are imported
inside the commands, so that `python -m scripts --help` does not load them.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path

from scripts.core.commands import command, parser
from scripts.core.paths import ROOT

NO_SITE = "{site}: no built site. Fix: run `make build` first."


def site_argument(arguments: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The optional built site to read, site/ by default."""
    arguments.add_argument("site_dir", metavar="SITE_DIR", nargs="?", type=Path, default=ROOT / "site")
    return arguments


@command("check-links", "internal links and anchors of the built site, offline (exit 1 on a problem)")
def check_links(argv: list[str]) -> int:
    """Exit 0: no problem; 1: a missing page, file or anchor; 2: no built site."""
    args = site_argument(
        parser(
            "check-links",
            "Internal links of the built site (linkchecker over loopback), then every link's anchor.",
            epilog="Exit 0: no problem; 1: problems found (each with its page and line); 2: no built site.",
        )
    ).parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print(NO_SITE.format(site=args.site_dir), file=sys.stderr)
        return 2
    from scripts.checks.anchors import check_anchors
    from scripts.checks.links import check_internal

    missing = check_internal(args.site_dir)
    for problem in missing:
        print(problem)
    print(f"internal links (linkchecker): {len(missing)} problem(s)")
    anchors = check_anchors(args.site_dir)
    for anchor in anchors:
        print(anchor)
    print(f"anchors: {len(anchors)} problem(s)")
    return 1 if missing or anchors else 0


EXTERNAL_EXITS = (
    "Exit 0: no dead link (the report may still list URLs to update or to check again); 1: a dead link; "
    "2: the check could not run (no built site, linkchecker failed); 3: no network, nothing was judged. "
    "Through `make check-links-external`, make reports any of 1-3 as its own exit 2: a script that needs "
    "the code runs this command directly."
)


@command("check-links-external", "every registered URL and external link, report in reports/ (exit 0/1/2/3)")
def check_links_external(argv: list[str]) -> int:
    """Writes reports/external-links.md and .json; the exit status says whether a link is dead (see EXTERNAL_EXITS)."""
    arguments = parser(
        "check-links-external",
        "Every registered URL and every external link of the built site, with linkchecker; "
        "writes external-links.md and .json into the report folder.",
        epilog=EXTERNAL_EXITS,
    )
    arguments.add_argument("--site-dir", type=Path, default=ROOT / "site", help="the built site (default site/)")
    arguments.add_argument("--report-dir", type=Path, default=ROOT / "reports", help="the reports' folder")
    args = arguments.parse_args(argv)
    from scripts.checks import external_links as external

    if not (args.site_dir / "index.html").is_file():
        print(NO_SITE.format(site=args.site_dir), file=sys.stderr)
        return external.EXIT_ERROR
    try:
        outcomes = external.check(external.to_check(args.site_dir))
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return external.EXIT_ERROR
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    markdown, _ = external.write_reports(outcomes, args.report_dir, when)
    print(markdown.read_text(encoding="utf-8"))
    code = external.exit_code(outcomes)
    if code == external.EXIT_OFFLINE:
        print("no network: nothing was judged (exit 3)", file=sys.stderr)
    return code


@command("privacy", "no page of the built site loads anything from another host (exit 1 if one does)")
def privacy(argv: list[str]) -> int:
    """Exit 0: every resource is the site's own; 1: a page or stylesheet loads from another host."""
    args = site_argument(
        parser(
            "privacy",
            "Every resource a built page loads must be relative or on the site's own host.",
            epilog="Exit 0: nothing from another host; 1: each finding listed with its page.",
        )
    ).parse_args(argv)
    from scripts.checks.privacy import site_findings

    findings = site_findings(args.site_dir)
    for page, found in findings.items():
        for finding in found:
            print(f"{page}: {finding}")
    print(f"third-party references: {sum(map(len, findings.values()))}")
    return 1 if findings else 0


@command("publish-check", "placeholders and unverified facts to settle before going live (exit 0/1/2)")
def publish_check(argv: list[str]) -> int:
    """Exit 0 when nothing blocks (unverified facts and warnings never do; placeholders do not with
    ALLOW_PLACEHOLDERS=true); 1 when a placeholder or a wrong value is left; 2 when the data cannot be read."""
    arguments = parser(
        "publish-check",
        "Placeholders, wrong values and unverified facts in data/ that a publisher should settle before going live "
        "(with SITE_URL set, also what its address means for robots.txt and security.txt).",
        epilog="Exit 0: nothing blocks (unverified facts and warnings never do; placeholders do not with "
        "ALLOW_PLACEHOLDERS=true); 1: a placeholder or a wrong value is left; 2: the data cannot be read.",
    )
    arguments.add_argument("--markdown", action="store_true", help="a Markdown table (for a CI run's summary)")
    args = arguments.parse_args(argv)
    from scripts.checks.publish import as_markdown, as_text, blocking, items_to_settle
    from scripts.core.load import DataError

    allowed = os.environ.get("ALLOW_PLACEHOLDERS", "").strip().lower() == "true"
    try:
        items = items_to_settle(site_url=os.environ.get("SITE_URL"))
    except DataError as error:
        print(f"publish check could not read the data:\n{error}", file=sys.stderr)
        return 2
    print(as_markdown(items, allowed) if args.markdown else as_text(items, allowed), end="")
    return 1 if blocking(items, allowed) else 0
