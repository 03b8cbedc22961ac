"""Pages are sent without indentation, and nothing a reader sees changes."""

from __future__ import annotations

from pathlib import Path

from scripts.theme.compact import compact_html

from conftest import soup_file


def test_indentation_goes_but_preformatted_text_stays_as_written() -> None:
    html = "<div>\n    <p>a</p>\n    <textarea>\n   keep  \n</textarea>\n  <pre>x\n   y</pre>\n  <b>z</b>\n</div>"
    assert (
        compact_html(html)
        == "<div>\n<p>a</p>\n<textarea>\n   keep  \n</textarea>\n<pre>x\n   y</pre>\n<b>z</b>\n</div>"
    )


def test_built_text_pages_are_compact_and_keep_the_share_text(site: Path) -> None:
    page = site / "arguments" / "1-deux-evidences-crues" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "<textarea" in html, "the page has the Mastodon text to copy"
    outside = html.split("<textarea", 1)[0] + html.split("</textarea>", 1)[1]
    assert "\n  " not in outside, "indentation left outside <textarea>"
    text = soup_file(page).select_one(".mf-mastodon textarea").get_text()
    assert "Deux évidences crues" in text
