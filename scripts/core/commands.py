"""The registry of `python -m scripts <command>`: each command is one function, registered by a decorator.

    @command("pdf", "one PDF per language from a built site")
    def pdf(argv: list[str]) -> int:
        args = parser("pdf", "…").parse_args(argv)
        …
        return 0

A command takes the arguments that follow its name and returns its exit status. Each concern
package keeps its commands in its own `commands.py`, which scripts/__main__.py finds and imports:
a new command is one decorated function there, and nothing else. Those modules are imported
for every `--help`, so they stay light: a command imports the library it runs (WeasyPrint,
Playwright, Pillow, mkdocs, the project's own modules) inside its function.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

PROG = "python -m scripts"
NAME = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")

Run = Callable[[list[str]], int]


@dataclass(frozen=True)
class Command:
    """A registered command: its name on the command line, its one-line help, its function."""

    name: str
    summary: str
    run: Run

    @property
    def where(self) -> str:
        """The function's place, to tell two registrations apart in an error."""
        return f"{self.run.__module__}.{self.run.__qualname__}"


class CommandError(ValueError):
    """A command registered twice under one name, or with a name or help the command line cannot show."""


COMMANDS: dict[str, Command] = {}


def command(name: str, summary: str) -> Callable[[Run], Run]:
    """Register the decorated function as `python -m scripts NAME`, listed with `summary` by `--help`.

    A second registration of a name is refused, whichever module makes it: two commands cannot
    share one name, and the first one imported must not be replaced silently."""
    if not NAME.fullmatch(name):
        raise CommandError(f"command name {name!r}: use lower-case words joined by hyphens, e.g. check-links")
    if not summary.strip() or "\n" in summary:
        raise CommandError(f"command {name!r}: its help must be one line of text")

    def register(run: Run) -> Run:
        entry = Command(name, summary, run)
        if name in COMMANDS:
            raise CommandError(
                f"command {name!r} is registered twice: by {COMMANDS[name].where} and by {entry.where}. "
                "Fix: give one of them another name."
            )
        COMMANDS[name] = entry
        return run

    return register


def parser(name: str, description: str, **options: Any) -> argparse.ArgumentParser:
    """A command's own argument parser, whose usage and errors name it as `python -m scripts NAME`."""
    return argparse.ArgumentParser(prog=f"{PROG} {name}", description=description, **options)
