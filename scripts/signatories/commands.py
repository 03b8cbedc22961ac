"""`python -m scripts.signatories add|withdraw|check|forms`: the organisations that co-signed.

    add --issue FILE|-  --verified-by METHOD [--verified-on DATE] [--signed DATE] [--note TEXT]
    add --mail FILE|-   (same options)   a signing issue's body, or an e-mail on the template
    withdraw ID                          remove data/signatories/ID.yml
    check                                validate every file (schema, characters, duplicates)
    forms [--check]                      write (or verify) .github/ISSUE_TEMPLATE/sign-<lang>.yml

On invalid input nothing is written and the message says what to fix (exit 1).
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from scripts.core.languages import languages
from scripts.core.load import DataError
from scripts.core.paths import shown
from scripts.signatories.intake import add, form_path, issue_form, withdraw, write_atomically
from scripts.signatories.records import FOLDER, METHODS, signatories


def read(source: str) -> str:
    return sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")


def forms(check: bool) -> int:
    stale = []
    for lang in languages(built_only=False):
        path, text = form_path(lang), issue_form(lang)
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        if check:
            stale.append(shown(path))
        else:
            write_atomically(path, text)
            print(f"wrote {shown(path)}")
    if stale:
        print(f"{', '.join(stale)}: not up to date. Fix: python -m scripts.signatories forms", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    today = datetime.now(UTC).date().isoformat()
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--folder", type=Path, default=FOLDER, help="the signatories' folder (default data/signatories)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    adding = commands.add_parser("add", help="a new signatory from a signing issue or e-mail")
    source = adding.add_mutually_exclusive_group(required=True)
    source.add_argument("--issue", help="file holding a signing issue's body (- for standard input)")
    source.add_argument("--mail", help="file holding an e-mail written on the template (- for standard input)")
    adding.add_argument("--verified-by", required=True, choices=METHODS, help="how the signature was verified")
    adding.add_argument("--verified-on", default=today, help="date of the verification (default today)")
    adding.add_argument("--signed", default=today, help="date of the signature (default today)")
    adding.add_argument("--note", default="", help="what was checked (no person's name or address)")
    withdrawing = commands.add_parser("withdraw", help="remove a signatory (by its id, the file name)")
    withdrawing.add_argument("id")
    commands.add_parser("check", help="validate every signatory file")
    generating = commands.add_parser("forms", help="write the issue forms from the interface strings")
    generating.add_argument("--check", action="store_true", help="exit 1 when a form is not up to date")
    args = parser.parse_args(argv)
    try:
        if args.command == "add":
            route, source_file = ("issue", args.issue) if args.issue else ("mail", args.mail)
            path = add(
                read(source_file), route, args.signed, args.verified_by, args.verified_on, args.note, args.folder
            )
            print(f"wrote {shown(path)}")
        elif args.command == "withdraw":
            print(f"removed {shown(withdraw(args.id, args.folder))}")
        elif args.command == "check":
            print(f"{len(signatories(args.folder))} signatories, all valid")
        else:
            return forms(args.check)
    except DataError as error:
        print(f"{error}\nNothing was written.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
