"""Dates as each language writes them (Babel), from the data's ISO dates."""

from __future__ import annotations

import datetime

from babel.dates import format_date, format_skeleton
from markupsafe import Markup

from scripts.core.strings import strings


def locale_of(lang: str) -> str:
    """The language as the site writes it for its readers' region (`og_locale`: fr_BE, en_GB):
    English dates read "25 November 2026", as British spelling does."""
    return strings(lang).get("og_locale") or lang


def date_parts(date: str) -> list[int]:
    return [int(part) for part in date.split("-")]


def localized_date(date: str, lang: str) -> str:
    """'2021' stays as is; '2021-11' and '2021-10-12' in the language's usual words (CLDR, via Babel)."""
    parts = date_parts(date)
    if len(parts) == 1:
        return date
    if len(parts) == 2:
        return format_skeleton("yMMMM", datetime.date(*parts, 1), locale=locale_of(lang))
    return format_date(datetime.date(*parts), format="long", locale=locale_of(lang))


def time_html(iso: str, lang: str) -> Markup:
    """A date as the language writes it, in a <time> element that machines read."""
    return Markup('<time datetime="{}">{}</time>').format(iso, localized_date(iso, lang))
