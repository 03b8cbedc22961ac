"""The sources registry: valid, tied to every footnote, holding every external URL of the content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from projects import build_project, copy_project

from scripts.core.languages import default_language
from scripts.core.load import DataError
from scripts.core.paths import DOCS
from scripts.core.strings import strings
from scripts.markers import replace_markers
from scripts.sources.page import link_item
from scripts.sources.registry import SOURCES, load_sources, registered_urls, sources, unregistered_urls

from conftest import line_of, soup_of

GOOD = SOURCES.read_text(encoding="utf-8")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_note_of_the_text_is_linked_from_the_sources_page(site: Path) -> None:
    """A reader of the sources page finds, for each of the text's notes, the work it cites."""
    notes = [li["id"] for li in soup_of(site, "fr", "texte-integral.md").select("article div.footnote li")]
    assert notes == [f"fn:{n}" for n in range(1, 10)]
    links = soup_of(site, "fr", "sources.md").select("article ol.mf-sources .mf-source-where a[href*='#fn:']")
    assert {a["href"] for a in links} == {f"../texte-integral/#{note}" for note in notes}


def test_every_external_url_in_the_content_is_registered() -> None:
    assert unregistered_urls() == {}


def test_an_unregistered_url_is_caught(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    page = docs / default_language() / "conclusion.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nVoir <https://unregistered.example/x>.\n", encoding="utf-8")
    assert unregistered_urls(docs) == {f"{default_language()}/conclusion.md": ["https://unregistered.example/x"]}


def test_an_unknown_footnote_names_the_entry_line_and_fix(tmp_path: Path) -> None:
    bad = GOOD.replace("  footnotes: [3]\n", "  footnotes: [3, 12]\n")
    with pytest.raises(DataError) as error:
        load_sources(write(tmp_path, bad))
    message = str(error.value)
    assert (
        f"sources.yml:{line_of(bad, 'id: goodman-1974')}: entry 'goodman-1974': footnote 12 does not exist" in message
    )
    assert "Fix: use the note's original number" in message


def test_a_footnote_cited_by_no_entry_is_reported(tmp_path: Path) -> None:
    bad = GOOD.replace("  footnotes: [9]\n", "")
    with pytest.raises(DataError, match=r"footnote 9 is cited by no entry\. Fix: add `footnotes: \[9\]`"):
        load_sources(write(tmp_path, bad))


def test_a_schema_error_names_the_line_and_fix(tmp_path: Path) -> None:
    bad = GOOD.replace("  type: speech\n", "  type: speach\n")
    with pytest.raises(DataError) as error:
        load_sources(write(tmp_path, bad))
    assert f"sources.yml:{line_of(bad, 'type: speach')}: 11/type: 'speach' is not one of" in str(error.value)
    assert "Fix: one of book, chapter, article, report, speech, mention" in str(error.value)


def test_a_title_without_its_language_names_the_entry_and_the_key_to_add(tmp_path: Path) -> None:
    """Pages in another language mark a work's title in its own (WCAG 3.1.2): the registry must say it."""
    bad = GOOD.replace(
        "  title: Le réalisme utopique\n  container: Esprit\n  language: fr\n",
        "  title: Le réalisme utopique\n  container: Esprit\n",
    )
    assert bad != GOOD
    with pytest.raises(DataError) as error:
        load_sources(write(tmp_path, bad))
    assert f"sources.yml:{line_of(bad, 'id: goodman-1974')}: " in str(error.value)
    assert "Fix: add `language:`, the language of the title and container as published" in str(error.value)


def test_the_build_stops_on_an_invalid_registry(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "data" / "sources.yml").write_text(GOOD.replace("- id: wacquant-1993", "- id: Wacquant 1993"))
    result = build_project(project, tmp_path / "out")
    assert result.returncode != 0
    assert f"data/sources.yml:{line_of(GOOD, 'id: wacquant-1993')}: 5/id: 'Wacquant 1993'" in result.stderr
    assert "Fix: a unique id, lower-case words joined by hyphens" in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_an_unknown_marker_stops_the_build() -> None:
    page = type("P", (), {"file": type("F", (), {"src_uri": "fr/x.md"})()})()
    with pytest.raises(PluginError, match=r"fr/x\.md: unknown marker <!-- data: sourcez -->\. Fix: use one of"):
        replace_markers("# T\n\n<!-- data: sourcez -->\n", page, None, None)


def test_sources_page_lists_each_work_with_anchor_notes_and_links(site: Path) -> None:
    soup = soup_of(site, "fr", "sources.md")
    items = {li["id"]: li for li in soup.select("article ol.mf-sources > li")}
    assert list(items) == ["mahy-blairon", *(entry["id"] for entry in sources())]
    notes = [a["href"] for a in items["rta-rwlp-2020"].select(".mf-source-where a")]
    assert notes == ["../texte-integral/#fn:6", "../texte-integral/#fn:8"]
    assert "(p. 21)" in items["rta-rwlp-2020"].get_text() and "(p. 14)" in items["rta-rwlp-2020"].get_text()
    links = [a["href"] for a in items["fits-ethique"].select(".mf-source-links a")]
    assert links == [
        "http://www.comitedevigilance.be/IMG/pdf/fits_docu_ethique.pdf",
        "https://www.ifsw.org/global-social-work-statement-of-ethical-principles/",
    ]
    named = items["de-croo-2021"].select_one(".mf-source-where a")
    assert named["href"] == "../arguments/2-democratie-culturelle/"
    assert named.get_text() == "Le travail social est un travail de démocratie culturelle"


def test_unverified_and_missing_details_are_shown_as_such(site: Path) -> None:
    soup = soup_of(site, "fr", "sources.md")
    goffman = soup.select_one("#goffman-1975").get_text(" ", strip=True)
    assert "ISBN 2-7073-0079-9" in goffman and "Non vérifié : ISBN." in goffman
    report = soup.select_one("#rta-rwlp-2020").get_text(" ", strip=True)
    assert "[titre non vérifié]" in report and "Cherché sans succès : titre." in report
    assert "novembre 2021 [date non vérifiée]" in soup.select_one("#mahy-blairon").get_text(" ", strip=True)


def test_a_dead_link_shows_its_archived_copy_beside_it() -> None:
    ui = strings(default_language())
    dead = {"url": "https://gone.example/a.pdf", "role": "cited", "dead": True, "archive": "https://archive.example/a"}
    html = link_item(dead, ui, default_language())
    assert '<s><a href="https://gone.example/a.pdf">' in html and "lien mort" in html
    assert '<a href="https://archive.example/a" class="mf-archive">copie archivée</a>' in html
    without = {key: value for key, value in dead.items() if key != "archive"}
    assert "aucune copie archivée connue" in link_item(without, ui, default_language())


def test_the_sources_page_links_only_registered_addresses_and_invents_no_archive(site: Path) -> None:
    # An archived copy is shown only where the registry names one (none is known yet): never a guess.
    soup = soup_of(site, "fr", "sources.md")
    shown = [a["href"] for a in soup.select("article ol.mf-sources .mf-source-links a")]
    assert len(shown) >= len([link for entry in sources() for link in entry.get("links", [])])
    assert set(shown) <= registered_urls()
    archives = [link["archive"] for entry in sources() for link in entry.get("links", []) if "archive" in link]
    assert [a["href"] for a in soup.select("article ol.mf-sources a.mf-archive")] == archives
