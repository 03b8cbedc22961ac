"""`python -m scripts trim-css [--check]`: the part of Material's stylesheets that the pages use.

Material's main stylesheet styles everything the theme can show (search, tabs, blog, code...);
these pages use a fraction of it. This command builds the site (without PDFs), keeps the rules its
pages and script use with PurgeCSS (npm, `scripts/theme/trim_css.mjs`), and writes them, with Material's
palette, into docs/assets/material-trimmed.css, which the pages link instead (overrides/main.html).
The file is kept in the repository so that `make build` needs no Node; the tests check that it is
up to date (`--check`), as for CITATION.cff. Rerun it after a Material upgrade or new markup.
The command is in scripts/theme/commands.py.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path

import material

from scripts.build import build_site
from scripts.core.paths import ROOT

TRIMMED = ROOT / "docs" / "assets" / "material-trimmed.css"
PURGE_SCRIPT = Path(__file__).with_name("trim_css.mjs")  # PurgeCSS, run by Node
STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
HEADER = (
    "/* Material for MkDocs {version} (MIT License, Martin Donath): the rules of its main and palette\n"
    "   stylesheets that these pages use. Written by `python -m scripts trim-css`; do not edit. */\n"
)
# Markup that only appears in a state: kept whatever the pages hold. Anything else a page starts to
# use (an admonition, a table) keeps its rules once this command is run again; the tests say when.
SAFELIST = [r"^md-(select|nav__link--active)", r"^md-banner(__inner)?$", r"^footnote", r"^mf-"]
GREEDY: list[str] = []
# Markup the pages use but style themselves: the Mastodon disclosure (<details>, docs/assets/manifesto.css)
# is a plain link-like toggle, not one of Material's admonition boxes, whose rules and icons it would carry.
BLOCKLIST = ["details", "summary"]


def own_variables() -> list[str]:
    """Material's custom properties that the site's own stylesheet reads or sets."""
    own = (ROOT / "docs" / "assets" / "manifesto.css").read_text(encoding="utf-8")
    return sorted(set(re.findall(r"--md-[\w-]+", own)))


def trimmed_css(site: Path) -> str:
    options = {
        "content": [str(site / "**" / "*.html"), str(ROOT / "docs" / "assets" / "*.js")],
        "css": [str(next(STYLESHEETS.glob("main.*.min.css"))), str(next(STYLESHEETS.glob("palette.*.min.css")))],
        "safelist": SAFELIST,
        "greedy": GREEDY,
        "blocklist": BLOCKLIST,
        "variables": own_variables(),
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as file:
        json.dump(options, file)
        file.flush()
        run = subprocess.run(["node", str(PURGE_SCRIPT), file.name], capture_output=True, text=True, check=True)
    version = material.__version__ if hasattr(material, "__version__") else ""
    css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", run.stdout)
    css = css.strip().removeprefix('@charset "UTF-8";')  # the file is served as UTF-8; the notice comes first
    return HEADER.format(version=version) + css + "\n"


def expected_css() -> str:
    """The trimmed stylesheet for the pages as they are now: built (without PDFs) in a temporary folder."""
    with tempfile.TemporaryDirectory() as folder:
        build_site(Path(folder), pdf=False)
        return trimmed_css(Path(folder))
