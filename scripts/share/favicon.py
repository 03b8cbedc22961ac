"""/favicon.ico: browsers, feed readers and bookmarking services ask for it at the site's root,
whatever the pages' <link rel="icon"> says. Drawn with Pillow from the shapes of
docs/assets/favicon.svg (two people on the site's indigo), so that nothing answers 404.
The same drawing gives the same bytes (a reproducible build)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from PIL import Image, ImageDraw

from scripts.core.languages import current_language, default_language

INDIGO = (64, 81, 181)
WHITE = (255, 255, 255)
SIZES = [(16, 16), (32, 32), (48, 48)]
SCALE = 16  # drawn at 16 times the SVG's 24-unit box, then reduced: smooth edges


def favicon() -> Image.Image:
    size = 24 * SCALE
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, size - 1, size - 1), radius=4 * SCALE, fill=INDIGO)

    def at(x: float, y: float) -> tuple[float, float]:
        # The SVG's path sits in translate(2.4 2.4) scale(.8).
        return ((2.4 + 0.8 * x) * SCALE, (2.4 + 0.8 * y) * SCALE)

    for cx in (7, 17):
        (left, top), (right, bottom) = at(cx - 3, 4.5), at(cx + 3, 10.5)
        pen.ellipse((left, top, right, bottom), fill=WHITE)
        # Shoulders: the upper half of a disc of radius 5.5 centred on (cx, 19.5).
        (left, top), (right, bottom) = at(cx - 5.5, 14), at(cx + 5.5, 25)
        pen.pieslice((left, top, right, bottom), 180, 360, fill=WHITE)
    return image


def write_favicon_ico(config: MkDocsConfig) -> None:
    """Written once, by the original language's build (the file is the site's, at its root)."""
    if current_language(config) == default_language(config):
        favicon().save(Path(config.site_dir) / "favicon.ico", format="ICO", sizes=SIZES)
