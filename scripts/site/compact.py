"""Lighter files for readers on small data plans: what the browser ignores is left out of what is sent.

Only whitespace and comments go, never content: the pages have no <pre> or <textarea>, where
whitespace would count (a page with one is left as it is).
"""

from __future__ import annotations

import re
from pathlib import Path

INDENTATION = re.compile(r"\n\s+")
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_SPACE = re.compile(r"\s*([{};,>])\s*")  # not ":": ".a :hover" differs from ".a:hover"
JS_COMMENT_LINE = re.compile(r"^\s*//.*\n", re.M)


def compact_html(html: str) -> str:
    """Indentation and blank lines go; a line break stays a line break, so text reads the same."""
    if "<pre" in html or "<textarea" in html:
        return html
    return INDENTATION.sub("\n", html)


def compact_css(css: str) -> str:
    css = " ".join(CSS_COMMENT.sub("", css).split())
    return CSS_SPACE.sub(r"\1", css).replace(";}", "}").strip() + "\n"


def compact_js(js: str) -> str:
    """Whole-line comments and indentation (the site's scripts are written with no comment after code)."""
    return INDENTATION.sub("\n", JS_COMMENT_LINE.sub("", js)).strip() + "\n"


def compact_assets(folder: Path) -> None:
    """The site's own stylesheet and scripts in the built `assets/` folder, in place."""
    for path in folder.glob("*.css"):
        if not path.name.startswith("material-trimmed"):  # already minified, with its licence notice
            path.write_text(compact_css(path.read_text(encoding="utf-8")), encoding="utf-8")
    for path in folder.glob("*.js"):
        path.write_text(compact_js(path.read_text(encoding="utf-8")), encoding="utf-8")
