"""No id twice in a page: the strict build stops on one, naming the page, the id, its lines and the fix."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import lxml.html
from projects import build_only, build_project, copy_project

from scripts.checks.ids import repeated_ids


def test_no_built_page_repeats_an_id(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        tree = lxml.html.fromstring(page.read_bytes(), parser=lxml.html.HTMLParser(encoding="utf-8"))
        ids = Counter(tree.xpath("//@id"))
        assert ids, page
        assert [i for i, n in ids.items() if n > 1] == [], page


def test_ids_are_found_as_a_browser_reads_them() -> None:
    html = (
        '<h2 id="a">x</h2>\n<p data-id="a" title="id=&#34;a&#34;">y</p>\n'
        '<textarea>&lt;b id="a"&gt;</textarea>\n<b class="k" id="a">z</b>'
    )
    assert repeated_ids(html) == {"a": [(1, "h2"), (4, "b")]}
    assert repeated_ids('<h2 id="a"></h2><h2 id="b"></h2>') == {}


def test_a_page_with_an_id_twice_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    page = project / "docs" / "en" / "a-propos.md"
    page.write_text(page.read_text("utf-8") + "\n## One {#twice}\n\n## Two {#twice}\n", encoding="utf-8")
    build_only(project, "fr", "en")
    result = build_project(project)
    assert result.returncode != 0
    assert 'docs/en/a-propos.md (built as en/a-propos/index.html): id "twice" on <h2> at line' in result.stderr
    assert "Fix: give one of them another id" in result.stderr
