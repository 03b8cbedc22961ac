"""Each page's preview image (1200×630 PNG): its title, the authors, the site's name.

Drawn offline with Pillow in the vendored Noto Serif (print/fonts/), from what the built page
announces (`og:title`, `og:site_name`, `og:image`), so that the picture always matches the page.
The same input gives the same bytes: no date or text chunk in the PNG, fixed compression.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from scripts.core.paths import ROOT
from scripts.share.meta import SHARE_IMAGE, SHARE_IMAGE_SIZE

FONTS = ROOT / "print" / "fonts"
BACKGROUND = (250, 249, 246)
INK = (26, 26, 46)
ACCENT = (63, 81, 181)  # the site's indigo
MUTED = (85, 85, 100)
MARGIN = 80
TITLE_SIZES = range(76, 39, -4)  # the largest size at which the title fits
MAX_TITLE_LINES = 5
META = re.compile(r'<meta property="(og:title|og:site_name|og:image)" content="([^"]*)">')


@dataclass(frozen=True)
class Card:
    title: str
    authors: str
    site: str


@cache
def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / f"NotoSerif-{name}.ttf"), size)


def wrapped(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and face.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def draw(card: Card) -> bytes:
    width, height = SHARE_IMAGE_SIZE
    image = Image.new("RGB", SHARE_IMAGE_SIZE, BACKGROUND)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, 24, height), fill=ACCENT)
    text_width = width - 2 * MARGIN
    pen.text((MARGIN, 60), card.site, font=font("Regular", 30), fill=ACCENT)
    for size in TITLE_SIZES:
        face = font("Bold", size)
        lines = wrapped(card.title, face, text_width)
        if len(lines) <= MAX_TITLE_LINES and len(lines) * size * 1.25 <= height - 300:
            break
    top = 140
    for line in lines:
        pen.text((MARGIN, top), line, font=face, fill=INK)
        top += round(size * 1.25)
    authors = font("Italic", 34)
    pen.text((MARGIN, height - 70 - 34), card.authors, font=authors, fill=MUTED)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=9)
    return out.getvalue()


def card_of(page_html: str, authors: str) -> tuple[str, Card] | None:
    """The image's address and content, from a built page's Open Graph tags (None without an image)."""
    found = {name: html.unescape(value) for name, value in META.findall(page_html)}
    if "og:image" not in found:
        return None
    return found["og:image"], Card(found.get("og:title", ""), authors, found.get("og:site_name", ""))


def write_images(pages: list[Path], authors: str) -> int:
    """Draw the preview of each built page beside it; a file already holding the same bytes is left alone."""
    written = 0
    for page in pages:
        found = card_of(page.read_text(encoding="utf-8"), authors)
        if found is None:
            continue
        image_url, card = found
        if not image_url.endswith("/" + SHARE_IMAGE):
            continue  # an image this build does not draw
        target = page.parent / SHARE_IMAGE
        data = draw(card)
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)
        written += 1
    return written
