"""deploy/nginx.conf serves the built site with the headers that matter (Debian's nginx, loopback only).

nginx comes from `make test` (scripts/install-system-deps.sh); this test installs nothing.
"""

from __future__ import annotations

import gzip
import http.client
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.core.languages import built_page, languages, mkdocs_config
from scripts.core.manifesto import epub_path, pdf_path

from conftest import ROOT

NGINX = Path("/usr/sbin/nginx")
CONFIG = ROOT / "deploy" / "nginx.conf"
# What the example says a host must change, and what the test puts there instead.
LISTEN = ("    listen 80;\n    listen [::]:80;\n", "    listen 127.0.0.1:{port};\n")
ROOT_LINE = ("    root /srv/manifesto/site;\n", "    root {site};\n")

# The example goes inside `http { }`; this is the rest, with every path in the test's folder.
MAIN = """daemon off;
master_process off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/site.conf;
}}
"""

pytestmark = [
    pytest.mark.nginx,
    pytest.mark.skipif(not NGINX.exists(), reason="Debian's nginx missing: `make test` installs it"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(process: subprocess.Popen[bytes], port: int, log: Path) -> None:
    """Until nginx accepts a connection; fails at once if it exits (its error log says why)."""
    deadline = time.monotonic() + 30  # a safety net only: nginx listens within milliseconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"nginx exited ({process.returncode}): {log.read_text(errors='replace')}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.02)
    pytest.fail(f"nginx did not listen on 127.0.0.1:{port}: {log.read_text(errors='replace')}")


@pytest.fixture(scope="module")
def nginx(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    tmp = tmp_path_factory.mktemp("nginx")
    port = free_port()
    example = CONFIG.read_text(encoding="utf-8")
    for old, new in (LISTEN, ROOT_LINE):
        assert old in example, f"deploy/nginx.conf no longer has {old.strip()!r}: update the test"
        example = example.replace(old, new.format(port=port, site=site))
    (tmp / "site.conf").write_text(example, encoding="utf-8")
    (tmp / "nginx.conf").write_text(MAIN.format(tmp=tmp), encoding="utf-8")
    log = tmp / "error.log"
    command = [str(NGINX), "-e", str(log), "-p", str(tmp), "-c", str(tmp / "nginx.conf")]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert check.returncode == 0 and "[warn]" not in check.stderr, check.stderr
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_port(process, port, log)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def get(port: int, path: str, **headers: str) -> tuple[http.client.HTTPResponse, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def url_of(site: Path, path: Path) -> str:
    relative = path.relative_to(site).as_posix()
    return "/" + relative.removesuffix("index.html")


def test_pages_carry_the_policy_and_security_headers_and_are_revalidated(nginx: int) -> None:
    response, _ = get(nginx, "/")
    # The pages' policy, and what only a header can say: no other site may frame them.
    policy = " ".join(mkdocs_config()["extra"]["content_security_policy"].split()) + "; frame-ancestors 'none'"
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert response.getheader("Content-Security-Policy") == policy
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("Referrer-Policy") == "strict-origin-when-cross-origin"
    assert response.getheader("Cache-Control") == "no-cache"
    assert response.getheader("Server") == "nginx", "no version number given away"


def test_pages_are_compressed_for_browsers_that_ask(site: Path, nginx: int) -> None:
    response, body = get(nginx, "/", **{"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") == "gzip" and "Accept-Encoding" in response.getheader("Vary")
    assert gzip.decompress(body) == (site / "index.html").read_bytes()
    assert len(body) < (site / "index.html").stat().st_size / 2


def test_every_language_has_its_pages(site: Path, nginx: int) -> None:
    for lang in languages():
        page = built_page(site, lang, "conclusion.md")
        response, body = get(nginx, url_of(site, page))
        assert response.status == 200, url_of(site, page)
        assert f'<html lang="{lang}"'.encode() in body and body == page.read_bytes()


def test_a_folder_without_its_slash_is_redirected_relative_to_the_reader(nginx: int) -> None:
    response, _ = get(nginx, "/en")
    assert response.status == 301 and response.getheader("Location") == "/en/"


def test_hashed_assets_are_cached_for_a_year_and_others_revalidated(site: Path, nginx: int) -> None:
    (hashed,) = (site / "assets" / "stylesheets").glob("main.*.min.css")
    response, _ = get(nginx, url_of(site, hashed))
    assert response.getheader("Content-Type") == "text/css; charset=utf-8"
    assert response.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    response, _ = get(nginx, "/assets/site.css")
    assert response.status == 200 and response.getheader("Cache-Control") == "no-cache"


@pytest.mark.pdf
def test_the_pdfs_citations_and_security_txt_have_their_types(site: Path, nginx: int) -> None:
    for lang in languages():
        response, body = get(nginx, "/" + pdf_path(lang))
        assert response.status == 200 and response.getheader("Content-Type") == "application/pdf"
        assert body == (site / pdf_path(lang)).read_bytes()
    types = {
        "/cite/mahy-blairon-2021.bib": "application/x-bibtex; charset=utf-8",
        "/cite/mahy-blairon-2021.ris": "application/x-research-info-systems; charset=utf-8",
        "/.well-known/security.txt": "text/plain; charset=utf-8",
        "/" + epub_path("en"): "application/epub+zip",
    }
    for path, expected in types.items():
        assert (site / path.lstrip("/")).is_file(), path
        response, _ = get(nginx, path)
        assert (response.status, response.getheader("Content-Type")) == (200, expected), path
        assert response.getheader("X-Content-Type-Options") == "nosniff"


def test_an_unknown_address_gets_the_sites_404_page_with_its_headers(site: Path, nginx: int) -> None:
    response, body = get(nginx, "/no-such-page/")
    assert response.status == 404 and body == (site / "404.html").read_bytes()
    assert response.getheader("Content-Security-Policy") and response.getheader("X-Content-Type-Options") == "nosniff"
    response, _ = get(nginx, "/.git/config")
    assert response.status == 404
