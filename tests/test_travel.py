"""Pages travel: their own title, description, addresses in every language, previews and share links."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest
from mkdocs.utils import meta
from PIL import Image

from scripts.checks.external_links import site_links
from scripts.checks.privacy import page_findings
from scripts.core.languages import built_page, languages, mkdocs_config, own_host
from scripts.core.manifesto import site_description
from scripts.core.pages import nav_sources
from scripts.core.paths import DOCS
from scripts.core.strings import strings
from scripts.share.image import card_of, draw
from scripts.share.links import SERVICES, SHARE_LINK_CLASS
from scripts.share.meta import SHARE_IMAGE_SIZE

from conftest import soup_file

LANGUAGES = languages()
ORIGINAL = LANGUAGES[0]
PAGES = list(nav_sources(mkdocs_config()["nav"]))
# The footer's legal and changes pages (front matter `footer: true`) are not for sharing.
FOOTER_PAGES = {
    page for page in PAGES if meta.get_data((DOCS / "fr" / page).read_text(encoding="utf-8"))[1].get("footer")
}
SITE_URL = mkdocs_config()["site_url"]
SHARE_HOSTS = {urlsplit(template).netloc for _, template in SERVICES}


def meta(soup, key: str) -> str | None:
    tag = soup.select_one(f'meta[property="{key}"], meta[name="{key}"]')
    return tag["content"] if tag else None


def address(lang: str, page: str) -> str:
    folder = "" if lang == ORIGINAL else f"{lang}/"
    stem = page.removesuffix(".md")
    return SITE_URL + folder + ("" if stem == "index" else stem + "/")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_page_has_its_own_title_and_description_in_its_language(site: Path, lang: str) -> None:
    titles, descriptions = set(), set()
    for page in PAGES:
        soup = soup_file(built_page(site, lang, page))
        title = soup.title.get_text()
        heading = meta(soup, "og:title")
        assert title.startswith(heading), (page, title, heading)
        description = meta(soup, "description")
        assert description and len(description) <= 200, page
        titles.add(title)
        descriptions.add(description)
    assert len(titles) == len(PAGES) and len(descriptions) == len(PAGES), "no two pages share a title or description"
    home = soup_file(built_page(site, lang, "index.md"))
    assert meta(home, "description") == site_description(lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_canonical_and_hreflang_alternates_are_absolute_with_x_default(site: Path, lang: str) -> None:
    for page in PAGES:
        soup = soup_file(built_page(site, lang, page))
        assert soup.select_one("link[rel=canonical]")["href"] == address(lang, page)
        alternates = {a["hreflang"]: a["href"] for a in soup.select("head link[rel=alternate][hreflang]")}
        assert alternates == {
            **{other: address(other, page) for other in LANGUAGES},
            "x-default": address(ORIGINAL, page),
        }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_graph_and_card_tags_with_a_preview_image_per_page(site: Path, lang: str) -> None:
    ui = strings(lang)
    others = {strings(other)["og_locale"] for other in LANGUAGES if other != lang}
    for page in PAGES:
        path = built_page(site, lang, page)
        soup = soup_file(path)
        assert meta(soup, "og:url") == address(lang, page)
        assert meta(soup, "og:type") == ("website" if page == "index.md" else "article")
        assert meta(soup, "og:locale") == ui["og_locale"]
        assert {m["content"] for m in soup.select('meta[property="og:locale:alternate"]')} == others
        assert meta(soup, "og:description") == meta(soup, "description")
        assert meta(soup, "twitter:card") == "summary_large_image"
        image = meta(soup, "og:image")
        assert image == address(lang, page) + "share.png"
        # X reads the card's title, description and image from the Open Graph tags: none is repeated.
        assert not soup.select('meta[name^="twitter:"]:not([name="twitter:card"])')
        assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("1200", "630")
        assert meta(soup, "og:title") in meta(soup, "og:image:alt")
        png = path.parent / "share.png"
        with Image.open(png) as picture:
            assert picture.format == "PNG" and picture.size == SHARE_IMAGE_SIZE


def test_preview_images_are_the_same_bytes_for_the_same_page(site: Path) -> None:
    path = built_page(site, "de", "arguments/4-acceptation-de-la-difference.md")
    _, card = card_of(path.read_text(encoding="utf-8"), "de")
    assert card.title and card.site == strings("de")["site_name"]
    assert draw(card) == draw(card) == (path.parent / "share.png").read_bytes()
    other = draw(card.__class__(card.title + " !", card.byline, card.site))
    assert other != draw(card)
    assert Image.open(io.BytesIO(other)).size == SHARE_IMAGE_SIZE


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_plain_share_links_that_load_nothing(site: Path, lang: str) -> None:
    ui = strings(lang)
    assert FOOTER_PAGES and len(FOOTER_PAGES) < len(PAGES)
    for page in FOOTER_PAGES:
        assert soup_file(built_page(site, lang, page)).select_one("#mf-share") is None, page
    for page in (p for p in PAGES if p not in FOOTER_PAGES):
        soup = soup_file(built_page(site, lang, page))
        block = soup.select_one("article section#mf-share")
        assert block is not None, page
        links = block.select(f"a.{SHARE_LINK_CLASS}")
        hosts = {urlsplit(a["href"]).netloc for a in links if a["href"].startswith("https://")}
        assert hosts == SHARE_HOSTS
        mail = next(a["href"] for a in links if a["href"].startswith("mailto:"))
        encoded = address(lang, page).replace(":", "%3A").replace("/", "%2F")
        assert all(encoded in a["href"] for a in links), page
        assert "mailto:?subject=" in mail
        assert block.select_one("a.mf-share-copy")["href"] == address(lang, page)
        assert block.select_one("details.mf-mastodon textarea").get_text().endswith(address(lang, page))
        assert block.select("img, script, iframe") == []
        assert block.select_one("h2").get_text(strip=True) == ui["share_heading"]


def test_share_links_are_neither_requests_nor_cited_sources(site: Path) -> None:
    outside = (
        f'<html><body><a class="{SHARE_LINK_CLASS}" href="https://bsky.app/intent/compose?text=x">B</a></body></html>'
    )
    assert page_findings(outside, "example.org") == []
    plain = '<html><body><a href="https://bsky.app/">B</a></body></html>'
    assert page_findings(plain, "example.org") != [], "an ordinary link outside the text is still reported"
    checked_hosts = {urlsplit(url).netloc for url in site_links(site, own_host())}
    assert checked_hosts and not checked_hosts & SHARE_HOSTS


def test_robots_txt_names_the_sitemap_by_its_full_address(site: Path) -> None:
    lines = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {SITE_URL}sitemap.xml" in lines and (site / "sitemap.xml").is_file()


def test_favicon_ico_is_served_at_the_sites_root(site_url: str) -> None:
    # Browsers and feed readers ask for /favicon.ico whatever the pages name: it must not be a 404.
    with urlopen(site_url + "favicon.ico") as answer:
        assert answer.status == 200
        icon = Image.open(io.BytesIO(answer.read()))
    assert icon.format == "ICO" and {(16, 16), (32, 32)} <= set(icon.info["sizes"])
    assert icon.convert("RGB").getpixel((1, icon.height // 2)) == (64, 81, 181)  # the site's indigo


def test_the_404_page_speaks_every_language_and_leads_to_each_home_and_whole_text(site: Path) -> None:
    soup = soup_file(site / "404.html")
    root = urlsplit(SITE_URL).path
    for lang in LANGUAGES:
        ui = strings(lang)
        part = soup.select_one(f'section.mf-not-found[lang="{lang}"]')
        assert part is not None and ui["not_found_text"] in part.get_text(" ", strip=True)
        assert soup.select_one(f'h1 span[lang="{lang}"]').get_text() == ui["not_found_title"]
        hrefs = [a["href"] for a in part.select("a")]
        assert [a.get_text() for a in part.select("a")] == [ui["not_found_home"], ui["not_found_whole_text"]]
        assert all(href.startswith(root) for href in hrefs), "links work from any depth"
        assert (site / hrefs[0].removeprefix(root) / "index.html") == built_page(site, lang, "index.md")
        assert (site / hrefs[1].removeprefix(root) / "index.html") == built_page(site, lang, "texte-integral.md")
    assert not any(p.name == "404.html" for lang in LANGUAGES[1:] for p in (site / lang).iterdir())


def test_unchecked_addresses_are_said_once_on_the_sources_page(site: Path) -> None:
    for lang in LANGUAGES:
        soup = soup_file(built_page(site, lang, "sources.md"))
        notes = soup.select("p.mf-sources-note")
        assert [n.get_text(strip=True) for n in notes] == [strings(lang)["sources_links_unchecked_note"]]
    # Said once, not after every address as before.
    assert soup_file(built_page(site, "fr", "sources.md")).select_one("article").get_text().count("pas encore") == 1
