"""`python -m scripts <command> [args…]`: the project's one command line.

`python -m scripts --help` lists every command with its one-line help; `python -m scripts
<command> --help` shows that command's own options. The commands are registered with `@command`
(scripts/core/commands.py) in each concern package's `commands.py`, which this module finds with
pkgutil and imports: adding a command needs no change here. The one command outside a package is
`build`, registered in scripts/build.py beside build_site() (imported by the tests and the bench).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from pathlib import Path

from scripts.core.commands import COMMANDS, PROG, Command

HERE = Path(__file__).parent
OUTSIDE_PACKAGES = ("scripts.build",)


def command_modules() -> list[str]:
    """The module of every scripts/<package>/commands.py, in alphabetical order, then those outside packages."""
    found = [
        f"scripts.{package.name}.commands"
        for package in pkgutil.iter_modules([str(HERE)])
        if package.ispkg
        and any(module.name == "commands" for module in pkgutil.iter_modules([str(HERE / package.name)]))
    ]
    return [*sorted(found), *OUTSIDE_PACKAGES]


def load_commands() -> dict[str, Command]:
    """Every registered command, by name: importing a command module registers its commands."""
    for module in command_modules():
        importlib.import_module(module)
    return COMMANDS


def top_parser(commands: dict[str, Command]) -> argparse.ArgumentParser:
    """The parser that shows the list of commands and reports a missing or unknown one.

    It does not parse a command's arguments: each command parses its own, so that its `--help`
    and its errors are its own."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="The commands that build, check and measure the site (run from the repository's root).",
        epilog=f"`{PROG} COMMAND --help` shows a command's own arguments.",
    )
    listing = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command")
    for name in sorted(commands):
        listing.add_parser(name, help=commands[name].summary, add_help=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command named first in `argv` with the rest; its exit status, or 2 for a bad command line."""
    argv = sys.argv[1:] if argv is None else argv
    commands = load_commands()
    parser = top_parser(commands)
    names = ", ".join(sorted(commands))
    if argv and argv[0].startswith("-"):
        parser.parse_args(argv)  # --help prints the list and exits 0; another option is an error (exit 2)
    if not argv or argv[0].startswith("-"):
        parser.error(f"name a command, then its arguments. The commands: {names}")
    name, *rest = argv
    if name not in commands:
        parser.error(f"unknown command {name!r}. The commands: {names}")
    return commands[name].run(rest)


if __name__ == "__main__":
    sys.exit(main())
