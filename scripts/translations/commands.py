"""Translations kept in step with the French original (library: scripts/translations/status.py).

python -m scripts.translations status          # table: every page, every language
python -m scripts.translations check           # exit 1 on a missing or stale page
python -m scripts.translations stamp LANG [PAGE ...]   # record the French version translated
"""

from __future__ import annotations

import argparse
import sys

from scripts.core.languages import languages
from scripts.core.paths import DOCS
from scripts.translations.status import (
    all_states,
    failures_report,
    pages,
    stamp,
    status_table,
    version_of,
    word_counts_line,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Status of the translations against the French original.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("status", help="print a table: every page, every language")
    sub.add_parser("check", help="exit 1 when a page is missing, unstamped or stale")
    stamp_parser = sub.add_parser("stamp", help="record the French version a translation follows")
    stamp_parser.add_argument("lang")
    stamp_parser.add_argument("pages", nargs="*", help="pages relative to docs/<lang>/ (default: all)")
    args = parser.parse_args(argv)

    langs = languages(built_only=False)
    if args.command == "stamp":
        if args.lang not in langs[1:]:
            raise SystemExit(f"{args.lang}: not a translation language of mkdocs.yml ({', '.join(langs[1:])}).")
        for page in args.pages or pages(DOCS, args.lang):
            stamp(DOCS, langs[0], args.lang, page)
            print(f"docs/{args.lang}/{page}: translates version {version_of(DOCS / langs[0] / page)}")
        return 0
    if args.command == "status":
        print(status_table(all_states(DOCS, langs)))
        print(word_counts_line(DOCS, [lang for lang in langs if (DOCS / lang).is_dir()]))
        return 0
    states = all_states(DOCS, languages())
    report = failures_report(states)
    if report:
        print(report)
        return 1
    print(f"translations: {len(states)} pages checked, all in step with the original")
    return 0


if __name__ == "__main__":
    sys.exit(main())
