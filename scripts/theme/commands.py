"""The theme's command: `trim-css`, the rules of Material's stylesheets that the pages use.

The work is in scripts/theme/trim_css.py; it builds the site and needs npm's PurgeCSS.
"""

from __future__ import annotations

from scripts.core.commands import command, parser

FIX = "python -m scripts trim-css"


@command("trim-css", "rewrite docs/assets/material-trimmed.css, the theme's rules the pages use (needs npm)")
def trim_css(argv: list[str]) -> int:
    """Exit 0 when written (or, with --check, up to date); 1 when --check finds it stale, with the fix."""
    arguments = parser(
        "trim-css",
        "Build the site without PDFs and keep the rules of Material's stylesheets its pages use "
        "(PurgeCSS), in docs/assets/material-trimmed.css.",
    )
    arguments.add_argument("--check", action="store_true", help="exit 1 when the trimmed stylesheet is not up to date")
    args = arguments.parse_args(argv)
    from scripts.checks.generated import write_or_check
    from scripts.theme.trim_css import TRIMMED, expected_css

    return write_or_check(TRIMMED, expected_css(), FIX, check=args.check)
