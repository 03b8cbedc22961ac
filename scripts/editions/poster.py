"""The poster, one per language: A3 portrait for a notice board (it scales to A4 on an office printer), with
the text's title, the authors' demand, the six reasons by their titles and one QR code to the language's home
page; body text 28 pt and up on A3. Its words come from the same sheet as the leaflet's (leaflet.py), read
from the built pages: nothing is typed twice.
"""

from __future__ import annotations

from pathlib import Path

from scripts.core.manifesto import poster_path
from scripts.editions.leaflet import Sheet, identifier, render
from scripts.editions.pdf import lay_out


def write_poster(item: Sheet, site_dir: Path, date: str) -> Path:
    html = render("poster.html", item, date)
    return lay_out(html, site_dir / poster_path(item.lang), identifier("poster", item.lang))
