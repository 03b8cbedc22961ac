"""`python -m scripts`: one command line lists every registered command, runs each, and refuses a bad one."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from scripts.__main__ import load_commands, main
from scripts.core.commands import COMMANDS, Command, CommandError, command

from conftest import ROOT

COMMAND_NAMES = sorted(load_commands())
# What each command's --help must name: its options, positionals or subcommands. A command not
# listed here is still run with --help below; these only pin down what the callers rely on.
OPTIONS = {
    "build": ["--site-dir", "--no-pdf", "--deploy"],
    "pdf": ["SITE_DIR"],
    "publish-check": ["--markdown"],
    "check-links": ["SITE_DIR"],
    "check-links-external": ["--site-dir", "--report-dir"],
    "privacy": ["SITE_DIR"],
    "cff": ["--check"],
    "signatories": ["add", "withdraw", "check", "forms", "--folder"],
    "translations": ["status", "check", "stamp"],
    "trim-css": ["--check"],
    "bench": ["--runs", "--no-lighthouse", "--weight-only"],
    "bench-signatories": [],
    "screenshots": ["--out"],
}
# Modules a command loads only when it runs: none of them may load for the list of commands.
HEAVY = ["weasyprint", "playwright", "PIL", "pypdf", "mkdocs", "material", "bs4", "lxml", "jinja2", "yaml"]


def scripts(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "scripts", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_help_lists_every_registered_command_with_its_help() -> None:
    result = scripts("--help")
    assert result.returncode == 0, result.stderr
    assert "usage: python -m scripts" in result.stdout
    listed = one_line(result.stdout)
    for name, entry in COMMANDS.items():
        assert f" {name} {one_line(entry.summary)}" in listed, f"{name}: not listed with its help"
    for name in ("build", "pdf", "publish-check", "check-links-external", "cff", "signatories", "trim-css"):
        assert name in COMMAND_NAMES


def test_every_command_the_callers_use_is_registered() -> None:
    assert set(OPTIONS) <= set(COMMAND_NAMES), set(OPTIONS) - set(COMMAND_NAMES)


@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_each_command_shows_its_own_help_and_options(name: str) -> None:
    result = scripts(name, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: python -m scripts {name} "), result.stdout[:200]
    for option in OPTIONS.get(name, []):
        assert option in result.stdout, f"{name} --help does not name {option}"


def test_an_unknown_command_exits_2_naming_the_valid_ones() -> None:
    result = scripts("no-such-command")
    assert result.returncode == 2
    assert "unknown command 'no-such-command'" in result.stderr
    for name in COMMAND_NAMES:
        assert name in result.stderr


def test_no_command_exits_2_naming_the_valid_ones() -> None:
    result = scripts()
    assert result.returncode == 2
    assert all(name in result.stderr for name in COMMAND_NAMES)


def test_a_name_is_registered_once() -> None:
    first = COMMANDS["build"]
    with pytest.raises(CommandError, match=r"command 'build' is registered twice: by scripts\.build\.build"):
        command("build", "another build")(lambda argv: 0)
    assert COMMANDS["build"] is first


def test_a_name_or_help_the_command_line_cannot_show_is_refused() -> None:
    with pytest.raises(CommandError, match="lower-case words"):
        command("Check_Links", "help")
    with pytest.raises(CommandError, match="one line"):
        command("two-lines", "first\nsecond")


def test_the_command_gets_the_arguments_after_its_name_and_gives_its_exit_status(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[list[str]] = []

    def echo(argv: list[str]) -> int:
        seen.append(argv)
        return 3

    monkeypatch.setitem(COMMANDS, "echo-test", Command("echo-test", "test only", echo))
    assert main(["echo-test", "--flag", "value", "--", "-x"]) == 3
    assert seen == [["--flag", "value", "--", "-x"]]


def test_the_list_of_commands_loads_no_heavy_module() -> None:
    probe = (
        "import sys; from scripts.__main__ import load_commands; load_commands(); "
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"imported while listing the commands: {result.stdout.strip()}"
