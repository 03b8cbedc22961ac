"""Each page's preview image (1200×630 PNG): its title, who wrote it or what it is about, the site's name.

Drawn offline with Pillow in the vendored Noto Serif (print/fonts/), from what the built page
announces (`og:title`, `og:site_name`, `og:image`), so that the picture always matches the page.
A page of the authors' text (it carries citation tags: scripts/citation/meta.py) shows their
names; the site's own pages (co-signing, press…) name the manifesto instead, never its authors as
their writers. Lines break at ordinary spaces only: French no-break spaces keep « : » and « with
their words. The same input gives the same bytes: no date or text chunk in the PNG, fixed compression.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import os
import re
import tempfile
from dataclasses import astuple, dataclass
from functools import cache
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont

from scripts.core.manifesto import author_names, text_title
from scripts.core.paths import ROOT
from scripts.core.strings import strings
from scripts.share.meta import SHARE_IMAGE, SHARE_IMAGE_SIZE
from scripts.text.typography import tie

FONTS = ROOT / "print" / "fonts"
BACKGROUND = (250, 249, 246)
INK = (26, 26, 46)
ACCENT = (63, 81, 181)  # the site's indigo
MUTED = (85, 85, 100)
MARGIN = 80
TITLE_SIZES = range(76, 39, -4)  # the largest size at which the title fits
MAX_TITLE_LINES = 5
META = re.compile(r'<meta property="(og:title|og:site_name|og:image)" content="([^"]*)">')
OF_THE_TEXT = '<meta name="citation_title"'
BYLINE_SIZE = 34


@dataclass(frozen=True)
class Card:
    title: str
    byline: str  # the authors on the text's pages; the manifesto's title on the site's own
    site: str


@cache
def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / f"NotoSerif-{name}.ttf"), size)


def wrapped(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split(" "):  # not str.split(): it breaks at no-break spaces too
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
        if len(lines) <= MAX_TITLE_LINES and len(lines) * size * 1.25 <= height - 340:
            break
    top = 140
    for line in lines:
        pen.text((MARGIN, top), line, font=face, fill=INK)
        top += round(size * 1.25)
    byline = font("Italic", BYLINE_SIZE)
    byline_lines = wrapped(card.byline, byline, text_width)[:2]
    top = height - 70 - BYLINE_SIZE * (1 + 1.3 * (len(byline_lines) - 1))
    for line in byline_lines:
        pen.text((MARGIN, round(top)), line, font=byline, fill=MUTED)
        top += BYLINE_SIZE * 1.3
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=9)
    return out.getvalue()


# Drawing and compressing a card is most of a build without PDFs, and the same card comes back in
# every build: each is kept, by a key of everything that makes its bytes, in the user's cache folder
# (outside the project, so that copies of it share it). A cache that cannot be read or written
# costs only the time to draw.
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "manifesto-previews"
PNG_START, PNG_END = b"\x89PNG\r\n\x1a\n", b"IEND\xaeB`\x82"


def drawn(card: Card) -> bytes:
    """The card's PNG: from the cache when it holds this card as this code and these fonts draw it."""
    key = hashlib.sha256(json.dumps([*astuple(card), drawing_version()]).encode("utf-8")).hexdigest()
    kept = CACHE / f"{key}.png"
    try:
        data = kept.read_bytes()
        if data.startswith(PNG_START) and data.endswith(PNG_END):  # a whole file, not a damaged one
            return data
    except OSError:
        pass
    data = draw(card)
    try:
        CACHE.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=CACHE, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, kept)  # whole or not at all, even with two builds side by side
    except OSError:
        pass
    return data


@cache
def drawing_version() -> str:
    """What else makes a card's bytes: this module, the fonts and Pillow."""
    digest = hashlib.sha256(Path(__file__).read_bytes() + PIL.__version__.encode("utf-8"))
    for face in sorted(FONTS.glob("NotoSerif-*.ttf")):
        digest.update(face.read_bytes())
    return digest.hexdigest()


def card_of(page_html: str, lang: str) -> tuple[str, Card] | None:
    """The image's address and content, from a built page's Open Graph tags (None without an image)."""
    found = {name: html.unescape(value) for name, value in META.findall(page_html)}
    if "og:image" not in found:
        return None
    ui = strings(lang)
    if OF_THE_TEXT in page_html:
        byline = ui["author_join"].join(author_names())
    else:
        byline = tie(ui["share_image_site"].format(title=text_title(lang)))
    return found["og:image"], Card(tie(found.get("og:title", "")), byline, found.get("og:site_name", ""))


def write_images(pages: list[Path], lang: str) -> int:
    """Draw the preview of each built page beside it; a file already holding the same bytes is left alone."""
    written = 0
    for page in pages:
        found = card_of(page.read_text(encoding="utf-8"), lang)
        if found is None:
            continue
        image_url, card = found
        if not image_url.endswith("/" + SHARE_IMAGE):
            continue  # an image this build does not draw
        target = page.parent / SHARE_IMAGE
        data = drawn(card)
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)
        written += 1
    return written
