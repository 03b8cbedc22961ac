"""`make bench` compares the site's build with a bare mkdocs build of the same pages: that bare build must run
and hold the same pages, or the ratio it prints means nothing. (Times are the bench's business, not a test's.)"""

from __future__ import annotations

from pathlib import Path

from scripts.bench.site import bare_config, mkdocs_build


def test_the_bare_build_the_bench_compares_with_has_the_same_pages(site: Path, tmp_path: Path) -> None:
    bare = tmp_path / "bare"
    mkdocs_build(bare_config(tmp_path), bare)
    pages = {path.relative_to(site) for path in site.rglob("index.html")}
    assert len(pages) > 60
    assert {path.relative_to(bare) for path in bare.rglob("index.html")} == pages
    # Bare: none of the hooks' work (one stylesheet, paragraph numbers) and none of the overrides.
    whole = (bare / "texte-integral" / "index.html").read_text(encoding="utf-8")
    assert "assets/site.css" not in whole and "mf-para-link" not in whole
