"""Translations kept in step with the French original (library: scripts/translations/status.py).

python -m scripts translations status          # table: every page, every language
python -m scripts translations check           # exit 1 on a missing or stale page
python -m scripts translations stamp LANG [PAGE ...]   # record the French version translated
"""

from __future__ import annotations

import argparse

from scripts.core.commands import command, parser
from scripts.core.paths import DOCS


def translations_arguments() -> argparse.ArgumentParser:
    """The three subcommands: status, check, stamp LANG [PAGE ...]."""
    arguments = parser("translations", "Status of the translations against the French original.")
    sub = arguments.add_subparsers(dest="command", required=True)
    sub.add_parser("status", help="print a table: every page, every language")
    sub.add_parser("check", help="exit 1 when a page is missing, unstamped or stale")
    stamp_parser = sub.add_parser("stamp", help="record the French version a translation follows")
    stamp_parser.add_argument("lang")
    stamp_parser.add_argument("pages", nargs="*", help="pages relative to docs/<lang>/ (default: all)")
    return arguments


def stamp_pages(lang: str, chosen: list[str]) -> int:
    """Record, in each chosen page of `lang` (all by default), the version of the original it translates."""
    from scripts.core.languages import languages
    from scripts.translations.status import pages, source_version, stamp

    langs = languages(built_only=False)
    if lang not in langs[1:]:
        raise SystemExit(f"{lang}: not a translation language of mkdocs.yml ({', '.join(langs[1:])}).")
    for page in chosen or pages(DOCS, lang):
        stamp(DOCS, langs[0], lang, page)
        print(f"docs/{lang}/{page}: translates version {source_version(DOCS, langs[0], page)}")
    return 0


def status() -> int:
    """The table of every page in every language, and each language's word count."""
    from scripts.core.languages import languages
    from scripts.translations.status import all_states, status_table, word_counts_line

    langs = languages(built_only=False)
    print(status_table(all_states(DOCS, langs)))
    print(word_counts_line(DOCS, [lang for lang in langs if (DOCS / lang).is_dir()]))
    return 0


def check() -> int:
    """Exit 1, with the report, when a built language's page is missing, unstamped or stale."""
    from scripts.core.languages import languages
    from scripts.translations.status import all_states, failures_report

    states = all_states(DOCS, languages())
    report = failures_report(states)
    if report:
        print(report)
        return 1
    print(f"translations: {len(states)} pages checked, all in step with the original")
    return 0


@command("translations", "status of every translated page; check (exit 1 when one is stale); stamp LANG [PAGE …]")
def translations(argv: list[str]) -> int:
    """Exit 0, or 1 when `check` finds a missing or stale page or `stamp` is given an unknown language."""
    args = translations_arguments().parse_args(argv)
    if args.command == "stamp":
        return stamp_pages(args.lang, args.pages)
    return status() if args.command == "status" else check()
