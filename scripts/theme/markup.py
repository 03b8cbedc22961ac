"""Material's own markup, made valid HTML (the W3C Nu Html Checker, tests/test_valid_html.py) and
rid of what only the theme's JavaScript, which the site does not load, would use.

Material writes its drawer and search toggles as `<input type="checkbox" autocomplete="off">`
directly in its base template (no block or partial to override); `autocomplete` is not allowed on
a checkbox. Without the theme's JavaScript nothing restores a checkbox's state anyway. The search
toggle and the dialog (where the script writes "copied to clipboard") serve nothing without it:
they go, and with them the rules of the trimmed stylesheet that style them; so do the attributes by
which the script finds its components (`data-md-component`, `-type`, `-level`, `-scrollfix`; the
stylesheet reads only `data-md-toggle` and `data-md-color-*`, which stay).
"""

from __future__ import annotations

import re

CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')
SEARCH_TOGGLE = re.compile(r'<input class="md-toggle" data-md-toggle="search"[^>]*>\s*')
SCRIPT_HOOKS = re.compile(r' data-md-(?:component|type|level)="[^"]*"| data-md-scrollfix\b')
DIALOG = re.compile(
    r'<div class="md-dialog" data-md-component="dialog">\s*<div class="md-dialog__inner md-typeset"></div>\s*</div>\s*'
)


def valid_theme_markup(html: str) -> str:
    html = SCRIPT_HOOKS.sub("", DIALOG.sub("", SEARCH_TOGGLE.sub("", html, count=1), count=1))
    return CHECKBOX.sub(lambda tag: tag.group(0).replace(' autocomplete="off"', ""), html)
