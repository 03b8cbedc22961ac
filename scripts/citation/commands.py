"""The citation's command: `cff`, CITATION.cff written (or verified) from data/manifesto.yml."""

from __future__ import annotations

from scripts.core.commands import command, parser

FIX = "python -m scripts cff"


@command("cff", "write CITATION.cff from data/manifesto.yml (--check: exit 1 when it is not up to date)")
def cff(argv: list[str]) -> int:
    """Exit 0 when written (or, with --check, up to date); 1 when --check finds it stale, with the fix."""
    arguments = parser("cff", "Write or verify CITATION.cff from data/manifesto.yml.")
    arguments.add_argument("--check", action="store_true", help="exit 1 when CITATION.cff is not up to date")
    args = arguments.parse_args(argv)
    from scripts.checks.generated import write_or_check
    from scripts.citation import cff as citation_file

    return write_or_check(citation_file.CFF, citation_file.cff_text(), FIX, check=args.check)
