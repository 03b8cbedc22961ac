"""Material's own markup, made valid HTML (the W3C Nu Html Checker, tests/test_valid_html.py).

Material writes its drawer and search toggles as `<input type="checkbox" autocomplete="off">`
directly in its base template (no block or partial to override); `autocomplete` is not allowed on
a checkbox. Without the theme's JavaScript nothing restores a checkbox's state anyway.
"""

from __future__ import annotations

import re

CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')


def valid_theme_markup(html: str) -> str:
    return CHECKBOX.sub(lambda tag: tag.group(0).replace(' autocomplete="off"', ""), html)
