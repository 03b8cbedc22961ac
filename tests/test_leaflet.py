"""The leaflet and the poster of every language, as a person printing them would meet them: one sheet each of
the right size, QR codes that a phone decodes to the right page of the built site, the authors' demand and
the reasons' titles as the site gives them, each plain line marked as the site's, margins and type size, and
the note that a local build's codes lead to a local preview (listed by publish-check too)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from scripts.core.manifesto import leaflet_path, poster_path
from scripts.core.strings import strings

from conftest import ROOT, page_path, soup_file, soup_of

pytestmark = pytest.mark.pdf
LANGS = ["fr", "nl", "en", "de"]
LOCAL = "http://127.0.0.1:8000/"  # mkdocs.yml's address when SITE_URL is not set, as in the tests' build
DPI = 150
MM = DPI / 25.4  # pixels per millimetre in the renders


def render(pdf: Path) -> list[Image.Image]:
    document = pdfium.PdfDocument(pdf)
    return [page.render(scale=DPI / 72).to_pil().convert("L") for page in document]


def decoded(image: Image.Image) -> list[str]:
    return sorted(result.text for result in zxingcpp.read_barcodes(image))


def lands_on(site: Path, url: str) -> Path:
    """The built page a decoded address leads to, checked by the page's own canonical address."""
    assert url.startswith(LOCAL), url
    page = site / url.removeprefix(LOCAL) / "index.html"
    assert page.is_file(), f"{url} leads to no page of the built site"
    canonical = soup_file(page).select_one('link[rel="canonical"]')
    assert canonical is not None and canonical["href"] == url
    return page


def words(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


@pytest.mark.parametrize("lang", LANGS)
def test_the_leaflet_is_one_a4_sheet_whose_codes_lead_to_the_home_and_signing_pages(site: Path, lang: str) -> None:
    pdf = site / leaflet_path(lang)
    (sheet,) = PdfReader(pdf).pages  # a copy too long would have spilled onto a second sheet
    assert (round(float(sheet.mediabox.width)), round(float(sheet.mediabox.height))) == (842, 595)  # A4 landscape
    (image,) = render(pdf)
    codes = decoded(image)
    home, sign = page_path(site, lang, "index.md"), page_path(site, lang, "signer.md")
    assert len(codes) == 4 and len(set(codes)) == 2  # two copies, each with its two codes
    assert {lands_on(site, url) for url in codes} == {home, sign}


@pytest.mark.parametrize("lang", LANGS)
def test_the_poster_is_one_a3_page_with_one_code_to_the_home_page(site: Path, lang: str) -> None:
    pdf = site / poster_path(lang)
    (page,) = PdfReader(pdf).pages
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 1191)  # A3
    (image,) = render(pdf)
    (code,) = decoded(image)
    assert lands_on(site, code) == page_path(site, lang, "index.md")


@pytest.mark.parametrize("lang", LANGS)
def test_both_say_the_demand_and_the_reasons_as_the_site_does(site: Path, lang: str) -> None:
    ui = strings(lang)
    demand = soup_of(site, lang, "texte-integral.md").select_one("#p6")
    demand_words = words(demand.get_text(" ", strip=True))
    titles = [
        words(
            soup_of(site, lang, f"arguments/{src}.md").select_one("article h1").get_text(" ", strip=True)
        ).removesuffix(" ¶")
        for src in [
            "1-deux-evidences-crues",
            "2-democratie-culturelle",
            "3-champ-obscur-et-obscurci",
            "4-acceptation-de-la-difference",
            "5-au-nom-de-l-efficacite",
            "6-illusions-de-la-digitalisation",
        ]
    ]
    easy = soup_of(site, lang, "facile-a-lire.md")
    plain = [words(easy.select_one(f"#reason-{n}").get_text(" ", strip=True)).split(":", 1)[1] for n in range(1, 7)]
    leaflet = words(PdfReader(site / leaflet_path(lang)).pages[0].extract_text())
    poster = words(PdfReader(site / poster_path(lang)).pages[0].extract_text())
    for text in (leaflet, poster):
        assert demand_words in text
        for title in titles:
            assert title in text
    for line in plain:  # each plain line after its label, and the note saying whose words they are
        assert f"{ui['print_plain_label']} {line.removesuffix(' ¶').strip()}" in leaflet
    assert words(ui["print_plain_note"]) in leaflet
    assert ui["print_plain_label"] not in poster


@pytest.mark.parametrize("kind", [leaflet_path, poster_path])
def test_margins_stay_white_and_no_area_is_ink_heavy(site: Path, kind: object) -> None:
    for lang in LANGS:
        (image,) = render(site / kind(lang))  # type: ignore[operator]
        width, height = image.size
        margin, cut = int(10 * MM), int(1 * MM)
        strips = [(0, 0, width, margin), (0, height - margin, width, height), (0, 0, margin, height)]
        strips.append((width - margin, 0, width, height))
        if kind is leaflet_path:  # each A5 copy's own margins along the dashed cutting line between them
            middle = width // 2
            strips = [(x0, y0, x1, y1) for x0, y0, x1, y1 in strips if y1 - y0 == height]
            strips += [(0, 0, middle - cut, margin), (middle + cut, 0, width, margin)]
            strips += [(0, height - margin, middle - cut, height), (middle + cut, height - margin, width, height)]
            strips += [(middle - margin, 0, middle - cut, height), (middle + cut, 0, middle + margin, height)]
        for box in strips:
            assert image.crop(box).getextrema()[0] >= 250, f"{lang}: ink within 10 mm of an edge {box}"
        dark = sum(image.point(lambda v: 255 if v < 128 else 0).histogram()[255:])
        assert dark / (width * height) < 0.12, f"{lang}: {dark / (width * height):.0%} of the sheet is dark"


@pytest.mark.parametrize("lang", LANGS)
def test_the_posters_text_is_at_least_28_points_on_a3(site: Path, lang: str) -> None:
    page = pdfium.PdfDocument(site / poster_path(lang))[0]
    text = page.get_textpage()
    chars = text.get_text_range()
    end = chars.index(strings(lang)["pdf_edition"].split("{")[0].strip())  # the edition line may be smaller
    # WeasyPrint draws in CSS pixels (a 0.75 transform to points): pdfium reports sizes in those pixels.
    sizes = [pdfium_raw.FPDFText_GetFontSize(text, i) * 0.75 for i in range(end) if not chars[i].isspace()]
    assert sizes and min(sizes) >= 28 - 0.01, f"{lang}: text at {min(sizes):.1f} pt"


def test_a_local_build_says_its_codes_lead_to_a_local_preview_and_publish_check_lists_it(site: Path) -> None:
    for lang in LANGS:
        note = words(strings(lang)["print_local_note"])
        for kind in (leaflet_path, poster_path):
            assert note in words(PdfReader(site / kind(lang)).pages[0].extract_text())
    listed = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-m", "scripts", "publish-check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        check=False,
    ).stdout
    assert "SITE_URL: warning: SITE_URL is not set" in listed and "local preview" in listed


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_and_press_pages_link_the_leaflet_and_poster(site: Path, lang: str) -> None:
    for src in ("index.md", "presse.md"):
        page = page_path(site, lang, src)
        hrefs = {(page.parent / a["href"]).resolve() for a in soup_file(page).select("article a[href]")}
        assert (site / leaflet_path(lang)).resolve() in hrefs and (site / poster_path(lang)).resolve() in hrefs
