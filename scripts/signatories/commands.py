"""`python -m scripts signatories add|withdraw|check|forms`: the organisations that co-signed.

    add --event FILE    --verified-by METHOD [--verified-on DATE] [--note TEXT] [--correct]
                                         a signing issue from a GitHub event (body, language label, date)
    add --issue FILE|- --lang LANG --signed DATE  (same options)   a signing issue's body
    add --mail FILE|-  --signed DATE              (same options)   an e-mail on the template
    --correct: an organisation listed with the same website corrects its entry (same routes, same checks)
    withdraw ID                          remove data/signatories/ID.yml
    published --since SHA [--site-url URL]  JSON: the issues whose entries were published since SHA
    check                                validate every file (schema, characters, duplicates)
    forms [--check]                      write (or verify) .github/ISSUE_TEMPLATE/sign-<lang>.yml

On invalid input nothing is written and the message says what to fix (exit 1).
The work is in scripts/signatories/intake.py and records.py, imported when the command runs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from scripts.core.commands import command, parser
from scripts.core.paths import shown

FIX_FORMS = "python -m scripts signatories forms"


def read(source: str) -> str:
    """A file's text, or standard input for `-`."""
    return sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")


def event_issue(source: str) -> tuple[str, str | None, str]:
    """A GitHub `issues` event payload's body, language (its `lang-xx` label) and opening date (UTC)."""
    import json

    issue = json.loads(read(source))["issue"]
    labels = [label["name"] for label in issue.get("labels", [])]
    lang = next((name.removeprefix("lang-") for name in labels if name.startswith("lang-")), None)
    return issue.get("body") or "", lang, issue["created_at"][:10]


def forms(check: bool) -> int:
    """Write every language's issue form; with `check`, exit 1 (and the fix) when one is not up to date."""
    from scripts.checks.generated import write_or_check
    from scripts.core.languages import languages
    from scripts.signatories.intake import form_path, issue_form

    status = 0
    for lang in languages(built_only=False):
        status |= write_or_check(form_path(lang), issue_form(lang), FIX_FORMS, check=check)
    return status


def signatories_arguments() -> argparse.ArgumentParser:
    """The subcommands and their options (the verification methods come from the records' schema)."""
    from scripts.signatories.records import FOLDER, METHODS

    today = datetime.now(UTC).date().isoformat()
    arguments = parser(
        "signatories", "The organisations that co-signed: add or withdraw one, check them all, write the issue forms."
    )
    arguments.add_argument(
        "--folder", type=Path, default=FOLDER, help="the signatories' folder (default data/signatories)"
    )
    commands = arguments.add_subparsers(dest="command", required=True)
    adding = commands.add_parser("add", help="a new signatory from a signing issue or e-mail")
    source = adding.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--event", help="a GitHub `issues` event payload (JSON): the body, language label and date of its issue"
    )
    source.add_argument("--issue", help="file holding a signing issue's body (- for standard input); needs --lang")
    source.add_argument("--mail", help="file holding an e-mail written on the template (- for standard input)")
    adding.add_argument("--lang", help="the issue's language (its label lang-xx): only that form is read")
    adding.add_argument("--verified-by", required=True, choices=METHODS, help="how the signature was verified")
    adding.add_argument("--verified-on", default=today, help="date of the verification (default today)")
    adding.add_argument(
        "--signed", help="date of the signature: the issue's opening or the e-mail's sending (YYYY-MM-DD)"
    )
    adding.add_argument("--note", default="", help="what was checked (no person's name or address)")
    adding.add_argument(
        "--correct",
        action="store_true",
        help="an organisation listed with the same website corrects its entry: the new record replaces it "
        "(same id, signing date and version)",
    )
    withdrawing = commands.add_parser("withdraw", help="remove a signatory (by its id, the file name)")
    withdrawing.add_argument("id")
    publishing = commands.add_parser(
        "published", help="JSON: each issue whose entry was published since a commit, with the entry's address"
    )
    publishing.add_argument("--since", required=True, help="the commit deployed before (the push's `before`)")
    publishing.add_argument("--site-url", default=os.environ.get("SITE_URL", ""), help="the site's address")
    commands.add_parser("check", help="validate every signatory file")
    generating = commands.add_parser("forms", help="write the issue forms from the interface strings")
    generating.add_argument("--check", action="store_true", help="exit 1 when a form is not up to date")
    return arguments


@command("signatories", "add, withdraw or check a co-signing organisation; write the issue forms (exit 1 on bad input)")
def signatories(argv: list[str]) -> int:
    """Exit 0 when done; 1 on invalid input (nothing written) or a stale form with `forms --check`."""
    args = signatories_arguments().parse_args(argv)
    from scripts.core.load import DataError
    from scripts.signatories.intake import add, withdraw
    from scripts.signatories.records import signatories as records

    try:
        if args.command == "add":
            if args.event:
                body, lang, signed = event_issue(args.event)
                route = "issue"
            else:
                route, source_file = ("issue", args.issue) if args.issue else ("mail", args.mail)
                body, lang, signed = read(source_file), args.lang, args.signed
                if not signed:
                    print(
                        "--signed is missing. Fix: give the day the issue was opened or the e-mail sent.",
                        file=sys.stderr,
                    )
                    return 2
            listed = {path.name for path in args.folder.glob("*.yml")}
            path = add(
                body, route, signed, args.verified_by, args.verified_on, args.note, args.folder, lang, args.correct
            )
            print(f"{'corrected' if path.name in listed else 'wrote'} {shown(path)}")
        elif args.command == "withdraw":
            print(f"removed {shown(withdraw(args.id, args.folder))}")
        elif args.command == "published":
            from scripts.signatories.announce import announcements, messages_since

            print(json.dumps(announcements(messages_since(args.since), args.site_url, args.folder)))
        elif args.command == "check":
            print(f"{len(records(args.folder))} signatories, all valid")
        else:
            return forms(args.check)
    except DataError as error:
        print(f"{error}\nNothing was written.", file=sys.stderr)
        return 1
    return 0
