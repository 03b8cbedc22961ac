"""Citing the text: references per language, exports, page metadata, CITATION.cff."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import yaml
from jsonschema import Draft202012Validator

from scripts.data.load import DOCS, INTERFACE, manifesto, pdf_path, schema
from scripts.data.sources import sources
from scripts.site.citation import CFF, cff_text, citation_key, export_path, highwire, pdf_url, reference

from conftest import ROOT, soup_of

TEXT_PAGES = [
    "index.md",
    "arguments/1-deux-evidences-crues.md",
    "arguments/6-illusions-de-la-digitalisation.md",
    "conclusion.md",
    "texte-integral.md",
]
STRING_FILES = sorted(DOCS.glob(f"*/{INTERFACE}"))


def meta(soup, name: str) -> list[str]:
    return [m["content"] for m in soup.select(f'meta[name="{name}"]')]


def test_text_pages_carry_highwire_tags(site: Path) -> None:
    for src in TEXT_PAGES:
        soup = soup_of(site, "fr", src)
        assert meta(soup, "citation_title") == [manifesto()["title"]], src
        assert meta(soup, "citation_author") == ["Mahy, Christine", "Blairon, Jean"]
        # The month is unverified: machine-read tags give only the year.
        assert meta(soup, "citation_publication_date") == ["2021"]
        assert meta(soup, "citation_language") == ["fr"]
        # The test build makes the PDFs: reference managers get the PDF's address, and it exists.
        (pdf_address,) = meta(soup, "citation_pdf_url")
        assert pdf_address.endswith("/" + pdf_path("fr")) and (site / pdf_path("fr")).is_file()


def test_pages_outside_the_text_carry_no_citation_tags(site: Path) -> None:
    for src in ("sources.md", "presse.md", "a-propos.md"):
        assert meta(soup_of(site, "fr", src), "citation_title") == []


def test_citation_pdf_url_appears_when_the_pdf_step_is_on() -> None:
    config = SimpleNamespace(extra={"pdf": True}, site_url="https://manifeste.example/")
    url = pdf_url("fr", config)
    assert url == f"https://manifeste.example/{pdf_path('fr')}"
    assert ("citation_pdf_url", url) in highwire("fr", "T", url)
    assert pdf_url("fr", SimpleNamespace(extra={"pdf": False}, site_url="https://manifeste.example/")) is None


def test_json_ld_describes_the_article_its_first_publication_and_citations(site: Path) -> None:
    soup = soup_of(site, "fr", "arguments/3-champ-obscur-et-obscurci.md")
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "Article" and data["inLanguage"] == "fr"
    assert [a["familyName"] for a in data["author"]] == ["Mahy", "Blairon"]
    assert data["datePublished"] == "2021"
    assert data["isBasedOn"]["url"] == manifesto()["first_publication"]["url"]
    assert data["isBasedOn"]["reportNumber"] == "724"
    names = [work.get("name") for work in data["citation"]]
    assert "La révolution moléculaire" in names and "Stigmate. Les usages sociaux des handicaps" in names
    assert len(data["citation"]) == len([e for e in sources() if e["type"] != "mention"])
    goffman = next(w for w in data["citation"] if w.get("name", "").startswith("Stigmate"))
    assert "isbn" not in goffman  # unverified: left out


def test_reference_in_each_language_style() -> None:
    references = {path.parent.name: reference(path.parent.name) for path in STRING_FILES}
    for text in references.values():
        assert "Pourquoi il faut refuser" in text and "724" in text
        assert manifesto()["first_publication"]["url"] in text
    assert references["fr"].startswith("MAHY Christine et BLAIRON Jean, « Pourquoi")
    assert "novembre 2021 [date non vérifiée]" in references["fr"]
    assert references["en"].startswith("Mahy, Christine, and Jean Blairon. “Pourquoi")
    assert references["de"].startswith("Mahy, Christine/Blairon, Jean: Pourquoi")
    assert references["nl"].startswith("Mahy, C., & Blairon, J. (2021). Pourquoi")


def test_exports_are_written_and_say_the_date_is_unverified(site: Path) -> None:
    key = citation_key()
    assert key == "mahy-blairon-2021"
    bib = (site / export_path("bib")).read_text(encoding="utf-8")
    assert bib.startswith(f"@techreport{{{key},") and "author = {Mahy, Christine and Blairon, Jean}" in bib
    assert "note = {Date de publication déduite du nom du fichier PDF" in bib
    ris = (site / export_path("ris")).read_bytes().decode("utf-8")
    assert ris.startswith("TY  - RPRT\r\n") and ris.endswith("ER  - \r\n") and "N1  - Date de publication" in ris
    csl = json.loads((site / export_path("json")).read_text(encoding="utf-8"))
    assert csl[0]["issued"] == {"date-parts": [[2021, 11]]} and "non vérifiée" in csl[0]["note"]


def test_cite_block_links_to_the_exports(site: Path) -> None:
    for src in ("presse.md", "sources.md"):
        block = soup_of(site, "fr", src).select_one(".mf-cite")
        assert block.select_one(".mf-reference").get_text() == reference("fr")
        hrefs = [a["href"] for a in block.select("a[download]")]
        assert hrefs == [f"../cite/{citation_key()}.{ext}" for ext in ("bib", "ris", "json")]


def test_citation_cff_is_valid_and_up_to_date() -> None:
    # What the command writes is valid; the committed file is exactly that (`--check`).
    data = yaml.safe_load(cff_text())
    errors = list(Draft202012Validator(schema("citation-cff")).iter_errors(data))
    assert errors == []
    result = subprocess.run([sys.executable, "-m", "scripts.citation", "cff", "--check"], cwd=ROOT, capture_output=True)
    assert result.returncode == 0, result.stderr


def test_citation_cff_agrees_with_the_manifesto_data() -> None:
    # Read from what `python -m scripts.citation cff` writes, not from the committed copy of it.
    data, facts = yaml.safe_load(cff_text()), manifesto()
    names = [(a["given"], a["family"]) for a in facts["authors"]]
    assert data["title"] == data["preferred-citation"]["title"] == facts["title"]
    assert [(a["given-names"], a["family-names"]) for a in data["authors"]] == names
    assert data["version"] == facts["edition"]["version"]
    preferred, publication = data["preferred-citation"], facts["first_publication"]
    assert preferred["institution"]["name"] == publication["publisher"]
    assert preferred["number"] == publication["number"] and preferred["url"] == publication["url"]
    assert str(preferred["year"]) == publication["date"][:4]


def test_a_stale_citation_cff_is_detected(tmp_path: Path, monkeypatch) -> None:
    import scripts.citation as citation

    stale = tmp_path / "CITATION.cff"
    stale.write_text(CFF.read_text(encoding="utf-8").replace("version: '1.0'", "version: '0.9'"), encoding="utf-8")
    monkeypatch.setattr(citation, "CFF", stale)
    monkeypatch.setattr(sys, "argv", ["citation", "cff", "--check"])
    assert citation.main() == 1
