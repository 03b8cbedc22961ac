"""French kept inside a translated page, marked as French (WCAG 3.1.2, language of parts).

A screen reader reads a translated page in its language; a French title read with English sounds
is not understood. What the translations keep in French is found by their own conventions, not
guessed: the original's title wherever it is named (references, legal notice, sources), a title or
phrase followed by its translation in brackets (« *Esprit* », « “Le réalisme utopique” [Utopian
realism] »), and words quoted « in French ». Each gets `lang="fr"` (the original's language) on
the web; the PDF has one language for the whole document (WeasyPrint writes no /Lang on a span).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

# A quoted title or phrase right before its gloss: “Le réalisme utopique” [Utopian realism].
GLOSSED_QUOTE = r"[“„‘][^“”„‘’\[\]]+[”“’](?= \[)"
# Words quoted in French guillemets inside a translation: « c’est élémentaire ».
GUILLEMETS = r"«[^«»]+»"
SKIPPED = ("code", "pre", "script", "style")


def _wrap(text: NavigableString, pattern: re.Pattern[str], soup: BeautifulSoup, lang: str) -> None:
    parts: list[NavigableString | Tag] = []
    last = 0
    for match in pattern.finditer(text):
        if match.start() > last:
            parts.append(NavigableString(text[last : match.start()]))
        span = soup.new_tag("span", attrs={"lang": lang})
        span.string = match.group()
        parts.append(span)
        last = match.end()
    if not parts:
        return
    if last < len(text):
        parts.append(NavigableString(text[last:]))
    text.replace_with(*parts)


def mark_original_language(soup: BeautifulSoup, original: str, title: str) -> None:
    """Mark, in a translated page's HTML, what it keeps in the original's language `original`."""
    pattern = re.compile("|".join([re.escape(title), GLOSSED_QUOTE, GUILLEMETS]))
    for text in list(soup.find_all(string=pattern)):
        if isinstance(text, NavigableString) and not text.find_parent([*SKIPPED, "span"]):
            parent = text.parent
            if parent is not None and parent.get("lang") == original:
                continue
            # A whole element holding only the title (a reference's <cite>) is marked itself.
            if parent is not None and parent.name in ("cite", "em") and text.strip() == title:
                parent["lang"] = original
                continue
            _wrap(text, pattern, soup, original)
    # A title in italics right before its gloss: *Esprit* [a journal], *La Misère du monde* [The Weight…].
    for element in soup.find_all(["em", "cite"]):
        after = element.next_sibling
        if isinstance(after, NavigableString) and after.startswith(" [") and not element.get("lang"):
            element["lang"] = original
