"""Texts fit to publish: one title per language (the H1 of docs/<lang>/index.md) wherever the title
appears, never a second form; a legal basis for each purpose on every privacy page; the authors'
permission as data (legal notice, signing page, publish-check); country names and dates in the
reader's words."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import yaml
from projects import build_project, copy_project
from pypdf import PdfReader

from scripts.checks.publish import PLACEHOLDER, manifesto_items, permission_uses
from scripts.core.languages import languages
from scripts.core.links import PageContext
from scripts.core.manifesto import manifesto, original_title, pdf_path, text_title
from scripts.core.strings import strings
from scripts.legal import pages as legal_pages
from scripts.legal.publisher import publisher
from scripts.signatories.intake import form_path, mail_body

from conftest import ROOT, soup_of

LANGS = languages()
NEW_TITLE = "Een nieuwe titel die overal moet verschijnen"


def context(lang: str) -> PageContext:
    return PageContext(lang=lang, ui=strings(lang), page=None, pages=[], config=None)  # type: ignore[arg-type]


def exported_text(folder: Path) -> str:
    """Every page and citation export a language's folder holds, as one text (other languages' folders aside)."""
    found = [p for p in folder.rglob("*") if p.suffix in {".html", ".bib", ".ris", ".json", ".xml"}]
    assert found, folder
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in found)


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_one_title_wherever_it_appears(site: Path, lang: str) -> None:
    title = text_title(lang)
    home = soup_of(site, lang, "index.md")
    assert title in home.select_one("article h1").get_text()
    assert title in home.select_one('meta[name="description"]')["content"]
    mails = [unquote(a["href"]) for a in home.select('a[href^="mailto:?subject="]')]
    assert mails and all(title in mail for mail in mails)  # the home page's share text
    assert title in soup_of(site, lang, "mentions-legales.md").select_one("p.mf-text-rights").get_text()
    assert title in yaml.safe_load(form_path(lang).read_text(encoding="utf-8"))["body"][0]["attributes"]["value"]
    assert title in mail_body(lang) and original_title() in mail_body(lang)


@pytest.mark.pdf
@pytest.mark.parametrize("lang", LANGS)
def test_each_pdf_is_titled_as_its_language_s_home_page(site: Path, lang: str) -> None:
    assert PdfReader(site / pdf_path(lang)).metadata.title == text_title(lang)


def test_the_site_s_own_pages_are_not_shared_as_the_authors(site: Path) -> None:
    for lang in LANGS:
        ui = strings(lang)
        page = soup_of(site, lang, "signer.md")
        mails = [unquote(a["href"]) for a in page.select('a[href^="mailto:?subject="]')]
        assert mails and all(ui["site_name"] in m and "Mahy" not in m for m in mails), mails


def test_a_changed_title_leaves_no_second_form(tmp_path: Path) -> None:
    """Change the Dutch H1 in a copy: the old title is left nowhere in the built site, the new one is
    in the description, the legal notice and the citations, and the signing form is out of date."""
    old = text_title("nl")
    project = copy_project(tmp_path)
    index = project / "docs" / "nl" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(f"# {old}\n", f"# {NEW_TITLE}\n"), encoding="utf-8")
    result = build_project(project)
    assert result.returncode == 0, result.stderr[-3000:]
    built = project / "site"
    assert old not in exported_text(built)
    nl = exported_text(built / "nl")
    assert nl.count(NEW_TITLE) > 10
    description = soup_of(built, "nl", "index.md").select_one('meta[name="description"]')["content"]
    assert NEW_TITLE in description
    assert NEW_TITLE in soup_of(built, "nl", "mentions-legales.md").select_one("p.mf-text-rights").get_text()
    assert NEW_TITLE in (built / "nl" / "cite").joinpath(next((built / "nl" / "cite").glob("*.bib")).name).read_text()
    forms = subprocess.run(
        [sys.executable, "-m", "scripts", "signatories", "forms", "--check"],
        cwd=project,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(project)},
        check=False,
    )
    assert forms.returncode == 1 and "sign-nl.yml" in forms.stderr + forms.stdout


@pytest.mark.parametrize("lang", LANGS)
def test_every_privacy_page_names_a_legal_basis_for_each_purpose(site: Path, lang: str) -> None:
    ui, bases = strings(lang), publisher()["privacy"]["legal_bases"]
    found = soup_of(site, lang, "vie-privee.md").select_one("dl.mf-legal-bases")
    assert [dt.get_text(strip=True) for dt in found.select("dt")] == [ui[f"privacy_purpose_{p}"] for p in bases]
    said = found.select("dd")
    assert len(said) == len(bases) >= 6
    for dd, basis in zip(said, bases.values(), strict=True):
        assert ui[f"privacy_basis_{basis.get('value') or basis['proposed']}"] in dd.get_text()
        assert re.search(r"art\. 6", dd.get_text(), re.IGNORECASE)
        # Proposed by the project until the controller confirms it: then shown as such, with a mark.
        assert (dd.select_one("mark.mf-placeholder") is not None) == bool(basis.get("placeholder"))


def test_a_confirmed_legal_basis_shows_without_a_mark(monkeypatch: pytest.MonkeyPatch) -> None:
    data: dict[str, Any] = {**publisher()}
    data["privacy"] = {**data["privacy"], "legal_bases": {"publication": {"value": "consent"}}}
    monkeypatch.setattr(legal_pages, "publisher", lambda: data)
    html = legal_pages.render_legal_bases(context("de"))
    assert strings("de")["privacy_basis_consent"] in html and "mf-placeholder" not in html


@pytest.mark.parametrize("lang", LANGS)
def test_privacy_page_names_the_transfer_the_country_and_the_authority_in_its_language(site: Path, lang: str) -> None:
    page = soup_of(site, lang, "vie-privee.md")
    transfer = page.select_one("dl.mf-transfer").get_text(" ")
    assert legal_pages.country_name("US", lang) in transfer
    if lang != "en":
        assert "United States" not in page.get_text()
    authority = publisher()["data_protection_authority"]
    expected = authority.get("url_in", {}).get(lang, authority["url"])["value"]
    assert [a["href"] for a in page.select("p.mf-authority a")] == [expected]


def test_the_authors_permission_blocks_until_recorded_and_then_names_its_basis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "manifesto.yml"
    data = manifesto()
    assert data["permission"].get("placeholder")  # the project's state: not yet given in writing
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    blocking = [i for i in manifesto_items(path) if i.kind == PLACEHOLDER and "permission" in i.what]
    assert len(blocking) == 1 and blocking[0].line > 1
    granted = {"given_by": ["Christine Mahy", "Jean Blairon"], "date": "2027-01-15", "record": "the association's file"}
    path.write_text(
        yaml.safe_dump({**data, "permission": {**granted, "uses": ["site", "translations"]}}, allow_unicode=True),
        encoding="utf-8",
    )
    missing = [i.what for i in manifesto_items(path) if i.kind == PLACEHOLDER and "permission" in i.what]
    assert len(missing) == len(permission_uses()) - 2 and any("pdf" in m for m in missing)
    recorded = {**data, "permission": {**granted, "uses": permission_uses()}}
    monkeypatch.setattr(legal_pages, "manifesto", lambda: recorded)
    notice, drive = legal_pages.render_permission(context("fr")), legal_pages.render_drive(context("fr"))
    assert "15 janvier 2027" in notice and "Christine Mahy" in notice and "mf-placeholder" not in notice
    assert "15 janvier 2027" in drive and "mf-placeholder" not in drive


@pytest.mark.parametrize("lang", LANGS)
def test_legal_notice_and_signing_page_show_the_missing_permission(site: Path, lang: str) -> None:
    ui = strings(lang)
    notice = soup_of(site, lang, "mentions-legales.md").select_one("p.mf-permission")
    assert ui["legal_permission_missing"] in notice.get_text() and notice.select_one("mark.mf-placeholder")
    drive = soup_of(site, lang, "signer.md").select_one("p.mf-drive")
    assert ui["drive_publisher"] in drive.get_text() and drive.select_one("mark.mf-placeholder")
    licence = soup_of(site, lang, "mentions-legales.md").select_one("p.mf-code-licence").get_text()
    assert "MIT License" not in licence and "licence MIT License" not in licence


@pytest.mark.parametrize("lang", LANGS)
def test_every_menu_entry_is_named_as_its_page_is_written(site: Path, lang: str) -> None:
    """The menu names each page by its front matter's `title`, else its first heading: never by its
    file's name ("Facile a lire", once, on the easy-to-read page of every language)."""
    from mkdocs.utils import meta

    from scripts.core.pages import first_heading, nav_sources

    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    expected = []
    for src in nav_sources(config["nav"]):
        markdown, front = meta.get_data((ROOT / "docs" / lang / src).read_text("utf-8"))
        expected.append(front.get("title") or first_heading(markdown))
    home = soup_of(site, lang, "index.md")
    menu = [
        re.sub(r"^\d\. ", "", a.get_text(" ", strip=True))  # the reasons are numbered (theme/steps.py)
        for a in home.select(".md-sidebar--primary a.md-nav__link[href]")
        if not a["href"].startswith("#")  # the home page's own sections
    ]
    assert menu == expected


def test_a_page_whose_heading_comes_after_a_comment_stops_the_build(tmp_path: Path) -> None:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    from scripts.checks.titles import check_title_is_written
    from scripts.core.load import DataError

    docs = tmp_path / "docs"
    (docs / "de").mkdir(parents=True)
    (docs / "de" / "facile-a-lire.md").write_text("<!-- a note -->\n\n# Leichte Sprache\n\nText.\n", "utf-8")
    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": str(docs)})
    config.validate()
    file = File("de/facile-a-lire.md", str(docs), str(tmp_path / "site"), use_directory_urls=True)
    page = Page(None, file, config)
    page.read_source(config)
    page.render(config, Files([file]))
    with pytest.raises(DataError, match=r"docs/de/facile-a-lire\.md, line 1: .*«Facile a lire».*Fix: give the page"):
        check_title_is_written(page)
    (docs / "de" / "facile-a-lire.md").write_text("---\ntitle: Leichte Sprache\n---\n<!-- a note -->\n", "utf-8")
    page = Page(None, file, config)
    page.read_source(config)
    check_title_is_written(page)  # a written title: no error
