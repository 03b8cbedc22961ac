"""Lighter files for readers on small data plans: what the browser ignores is left out of what is sent.

Only whitespace and comments go, never content: inside <pre> and <textarea>, where whitespace
counts, nothing changes.
"""

from __future__ import annotations

import re
from pathlib import Path

INDENTATION = re.compile(r"\n\s+")
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_SPACE = re.compile(r"\s*([{};,>])\s*")  # not ":": ".a :hover" differs from ".a:hover"
JS_COMMENT_LINE = re.compile(r"^\s*//.*\n", re.M)


# Elements whose whitespace is their content: kept exactly as they are.
VERBATIM = re.compile(r"(<(pre|textarea)\b.*?</\2>)", re.S | re.I)


def compact_html(html: str) -> str:
    """Indentation and blank lines go; a line break stays a line break, so text reads the same.
    Inside <pre> and <textarea> nothing changes."""
    parts = VERBATIM.split(html)
    # split() gives text, then each match's two groups (the element, its name), then text again.
    return "".join(
        INDENTATION.sub("\n", part) if index % 3 == 0 else (part if index % 3 == 1 else "")
        for index, part in enumerate(parts)
    )


def compact_css(css: str) -> str:
    css = " ".join(CSS_COMMENT.sub("", css).split())
    return CSS_SPACE.sub(r"\1", css).replace(";}", "}").strip() + "\n"


def compact_js(js: str) -> str:
    """Whole-line comments and indentation (the site's scripts are written with no comment after code)."""
    return INDENTATION.sub("\n", JS_COMMENT_LINE.sub("", js)).strip() + "\n"


# The pages' one stylesheet, assets/site.css, from these files of docs/assets/ (left out of the site
# themselves: mkdocs.yml exclude_docs). One file rather than two: one request, and one compression
# dictionary for both (half a kilobyte less on a first view). The theme's rules come first, so that
# the site's own override them.
STYLESHEET = "site.css"
STYLESHEET_PARTS = ("material-trimmed.css", "manifesto.css")


def write_stylesheet(sources: Path, folder: Path) -> None:
    """assets/site.css: the trimmed theme rules as they are (minified, with their licence notice), then
    the site's own stylesheet compacted."""
    theme, own = (sources / name for name in STYLESHEET_PARTS)
    css = theme.read_text(encoding="utf-8").rstrip("\n") + "\n" + compact_css(own.read_text(encoding="utf-8"))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / STYLESHEET).write_text(css, encoding="utf-8")


def compact_assets(folder: Path) -> None:
    """The site's own scripts in the built `assets/` folder, in place."""
    for path in folder.glob("*.js"):
        path.write_text(compact_js(path.read_text(encoding="utf-8")), encoding="utf-8")
