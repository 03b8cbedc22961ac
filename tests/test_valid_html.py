"""Every page of every language is valid HTML, theme markup included (the W3C Nu Html Checker)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.mark.java
def test_every_page_is_valid_html(site: Path, tmp_path: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    # A page with a known error goes through the same run: the checker is seen to report.
    planted = tmp_path / "planted.html"
    planted.write_text(
        '<!doctype html><html lang="fr"><title>t</title><input type="checkbox" autocomplete="off"></html>',
        encoding="utf-8",
    )
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages), str(planted)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(run.stderr)["messages"]
    errors = [
        f"{Path(m['url'].removeprefix('file:')).relative_to(site)}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if not m["url"].endswith("/planted.html")
    ]
    assert errors == [], "\n".join(errors[:30])
    assert any("autocomplete" in m["message"] for m in messages if m["url"].endswith("/planted.html"))


def test_the_trimmed_theme_stylesheet_is_up_to_date(site: Path) -> None:
    """docs/assets/material-trimmed.css holds the theme's rules the pages use (python -m scripts trim-css,
    which builds the site to read it: here, the session's site is read)."""
    from scripts.theme.trim_css import TRIMMED, trimmed_css

    assert trimmed_css(site) == TRIMMED.read_text(encoding="utf-8"), "Fix: python -m scripts trim-css"
