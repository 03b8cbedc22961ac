"""French spacing that does not break at the end of a line.

In French, « guillemets » and the signs ; : ! ? take a space on their inner side.
Written as an ordinary space, it lets a phone's narrow screen put « at the end of a
line and the word on the next. The space becomes a no-break space (U+00A0) in the
rendered page only; the Markdown keeps the authors' text as written. So does the space
the authors write between an elided article and « (« d’ « élémentaire » »): a line
never ends on « d’ ».
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString

NBSP = "\u00a0"
BEFORE_SIGN = re.compile(r" +(?=[;:!?»])")
AFTER_OPENING = re.compile(r"(?<=«) +")
AFTER_ELISION = re.compile(r"(?<=\b[cdjlmnst][’']) +(?=«)|(?<=\bqu[’']) +(?=«)", re.IGNORECASE)
NEEDS_TIE = re.compile(r" (?=[;:!?»])|« |[’'] +«")


def tie(text: str) -> str:
    return AFTER_ELISION.sub(NBSP, AFTER_OPENING.sub(NBSP, BEFORE_SIGN.sub(NBSP, text)))


def tie_soup(soup: BeautifulSoup) -> None:
    """The same, in every text node of a page's HTML outside code."""
    # Only the few strings that need a tie are looked at twice (their parents walked).
    for text in soup.find_all(string=NEEDS_TIE):
        if isinstance(text, NavigableString) and text.find_parent(["code", "pre", "script", "style"]) is None:
            tied = tie(str(text))
            if tied != text:
                text.replace_with(tied)
