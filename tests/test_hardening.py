"""What the site refuses to publish or to do: scripts no page loads, inline styles, an http:// address;
and the repository's address a deployment from GitHub Actions takes while the data's is a placeholder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.build import DeployError, check_deploy_address
from scripts.core.languages import mkdocs_config
from scripts.core.load import DataError
from scripts.core.manifesto import manifesto
from scripts.signatories.intake import issue_url

SCRIPT_SRC = re.compile(r'<script\b[^>]*\ssrc="([^"]+)"')


def test_every_script_published_is_one_a_page_loads(site: Path) -> None:
    published = {path.relative_to(site).as_posix() for path in site.rglob("*.js")}
    loaded = set()
    for page in site.rglob("*.html"):
        for src in SCRIPT_SRC.findall(page.read_text("utf-8")):
            # The 404 page, served at any depth, names its scripts from the site's root.
            path = site / src.lstrip("/") if src.startswith("/") else page.parent / src
            loaded.add(path.resolve().relative_to(site.resolve()).as_posix())
    assert loaded, "no page loads a script"
    # Material's bundle, its search worker and lunr were 2.3 MB that no page asked for.
    assert published == loaded


def test_no_page_needs_an_inline_style_so_the_policy_allows_none(site: Path) -> None:
    policy = " ".join(mkdocs_config()["extra"]["content_security_policy"].split())
    assert "style-src 'self';" in policy and "unsafe-inline" not in policy
    pages = list(site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        html = page.read_text("utf-8")
        assert " style=" not in html and "<style" not in html, page


@pytest.mark.parametrize("address", ["http://manifeste.example/", "HTTP://manifeste.example/x/"])
def test_a_deployment_refuses_an_http_address(address: str) -> None:
    with pytest.raises(DeployError, match=r"is not https://\. Fix: serve the site over HTTPS"):
        check_deploy_address(address)


def test_a_deployment_from_github_actions_links_the_forms_to_its_own_repository(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert manifesto()["repository"]["placeholder"], "the data's address is still a placeholder"
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "asbl-x/manifeste")
    # Not a deployment (a test run, a preview in CI): the placeholder stays, and the page says so.
    monkeypatch.delenv("DEPLOY", raising=False)
    assert manifesto()["repository"]["placeholder"]
    monkeypatch.setenv("DEPLOY", "true")
    assert manifesto()["repository"] == {"url": "https://github.com/asbl-x/manifeste", "placeholder": False}
    assert issue_url("fr") == "https://github.com/asbl-x/manifeste/issues/new?template=sign-fr.yml"
    monkeypatch.setenv("GITHUB_REPOSITORY", "asbl-x/manifeste/../x?y")
    with pytest.raises(DataError, match=r"Fix: write the repository's address in data/manifesto\.yml"):
        manifesto()
