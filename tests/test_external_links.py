"""The external link check, against loopback servers standing in for remote sites."""

from __future__ import annotations

import http.server
import json
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

import scripts.checks.external_links as external
from scripts.checks.commands import check_links_external
from scripts.checks.external_links import (
    DEAD,
    EXIT_DEAD,
    EXIT_OFFLINE,
    OK,
    RETRY_LATER,
    UPDATE,
    Outcome,
    Place,
    Policy,
    check,
    exit_code,
    report_markdown,
    site_links,
)
from scripts.sources.registry import registered_urls

# linkchecker under a stand-in resolver (tests/resolver.py): an unknown host and a timeout are
# answered at once, whatever the machine's DNS; every other page answers at once on loopback.
STAND_IN = (sys.executable, str(Path(__file__).with_name("resolver.py")))
UNKNOWN_HOST, TIMES_OUT = "http://no-such-host.invalid/report.pdf", "http://timeout.test/slow"
# Short waits between passes and a capped Retry-After, still exercising every rule. The timeout bounds
# only a failure: nothing here waits for it.
FAST = Policy(
    timeout=60, requests_per_second=100, threads=4, retries=1, retry_wait=0.1, max_retry_after=0.5, linkchecker=STAND_IN
)


class RemoteSite(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's signature
        pass

    def do_GET(self) -> None:
        count = self.hits[self.path] = self.hits.get(self.path, 0) + 1
        headers: dict[str, str] = {}
        if self.path == "/moved":
            status, headers = 301, {"Location": "/new-home"}
        elif self.path == "/busy" and count == 1:
            status, headers = 429, {"Retry-After": "30"}
        else:
            status = {"/missing": 404, "/gone": 410, "/broken": 500}.get(self.path, 200)
            if self.path == "/robots.txt":
                status = 404
        self.send_response(status)
        for name, value in {**headers, "Content-Type": "text/plain", "Content-Length": "0"}.items():
            self.send_header(name, value)
        self.end_headers()


@pytest.fixture(scope="module")
def remote() -> Iterator[str]:
    RemoteSite.hits = {}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RemoteSite)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def outcomes(remote: str) -> dict[str, Outcome]:
    paths = ["/fine", "/moved", "/missing", "/gone", "/broken", "/busy"]
    where = [Place(page="arguments/3-champ-obscur-et-obscurci/", footnote=4)]
    places = {remote + p: where for p in paths} | {TIMES_OUT: where}
    places[UNKNOWN_HOST] = [Place(entry="rta-rwlp-2020", footnote=6)]
    return {o.url.removeprefix(remote): o for o in check(places, FAST)}


def test_each_answer_gets_its_verdict(outcomes: dict[str, Outcome], remote: str) -> None:
    verdicts = {url: (o.verdict, o.status) for url, o in outcomes.items()}
    assert verdicts == {
        "/fine": (OK, "200 OK"),
        "/moved": (UPDATE, "301 → 200 OK"),
        "/missing": (DEAD, "404 Not Found"),
        "/gone": (DEAD, "410 Gone"),
        "/broken": (RETRY_LATER, "500 Internal Server Error"),
        "/busy": (OK, "200 OK"),
        TIMES_OUT: (RETRY_LATER, "timeout"),
        UNKNOWN_HOST: (DEAD, "unknown host"),
    }
    assert outcomes["/moved"].new_url == remote + "/new-home"


def test_transient_failures_are_retried_and_429_is_not_dead(outcomes: dict[str, Outcome]) -> None:
    assert outcomes["/busy"].attempts == 2 and RemoteSite.hits["/busy"] == 2
    assert outcomes["/broken"].attempts == 2 and RemoteSite.hits["/broken"] == 2
    assert outcomes[TIMES_OUT].attempts == 2
    assert outcomes["/missing"].attempts == 1 and RemoteSite.hits["/missing"] == 1
    assert exit_code(list(outcomes.values())) == EXIT_DEAD


def test_report_lines_say_what_to_do(outcomes: dict[str, Outcome], remote: str) -> None:
    report = report_markdown(list(outcomes.values()), "2025-01-06 05:17 UTC").splitlines()
    assert report[2] == "8 links: 2 ok, 1 to update, 2 to check again later, 3 dead."
    where = "arguments/3-champ-obscur-et-obscurci/ (note 4)"
    assert f"| dead | {remote}/gone | 410 Gone | 1 | {where} | no archived copy known: find one |" in report
    assert (
        "| dead | http://no-such-host.invalid/report.pdf | unknown host | 1 | data/sources.yml: rta-rwlp-2020 (note 6) "
        "| no archived copy known: find one |"
    ) in report
    assert f"| update | {remote}/moved | 301 → 200 OK | 1 | {where} | update the URL to {remote}/new-home |" in report
    assert f"| retry-later | {remote}/busy | 200 OK" not in "\n".join(report)
    assert f"| retry-later | {TIMES_OUT} | timeout | 2 | {where} | check again later |" in report
    assert f"| ok | {remote}/busy | 200 OK | 2 | {where} |  |" in report


def test_a_dead_link_points_to_its_registered_archive(monkeypatch: pytest.MonkeyPatch, remote: str) -> None:
    monkeypatch.setattr(external, "archive_for", lambda url: "https://archive.example/copy")
    (outcome,) = check({remote + "/gone": [Place(entry="x")]}, FAST)
    assert outcome.archive == "https://archive.example/copy"
    assert outcome.action == "use the archived copy https://archive.example/copy"


def test_without_network_nothing_is_judged_and_the_exit_code_says_so(tmp_path: Path) -> None:
    closed = http.server.HTTPServer(("127.0.0.1", 0), RemoteSite)
    port = closed.server_address[1]
    closed.server_close()  # nothing listens there any more: the connection is refused
    places = {"http://nowhere.invalid/a": [Place(entry="a")], f"http://127.0.0.1:{port}/b": [Place(page="p/")]}
    # Nothing here waits for the timeout (the host is unknown, the port refuses): it only bounds a failure.
    results = check(places, Policy(timeout=60, requests_per_second=100, retries=0, linkchecker=STAND_IN))
    assert exit_code(results) == EXIT_OFFLINE
    report = report_markdown(results, "now")
    assert "**No network**: none of the 2 links could be reached" in report
    assert "| http://nowhere.invalid/a | not checked | data/sources.yml: a |" in report


def test_the_command_writes_both_reports(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, site: Path) -> None:
    fake = [Outcome("https://gone.example/", DEAD, "404 Not Found", 1, answered=True, cited_in=[Place(page="x/")])]
    monkeypatch.setattr(external, "check", lambda places: fake)
    assert check_links_external(["--site-dir", str(site), "--report-dir", str(tmp_path)]) == EXIT_DEAD
    data = json.loads((tmp_path / "external-links.json").read_text(encoding="utf-8"))
    assert data["exit_code"] == EXIT_DEAD and data["summary"][DEAD] == 1
    assert data["links"][0]["cited_in"] == ["x/"] and data["links"][0]["verdict"] == DEAD
    assert "| dead | https://gone.example/ | 404 Not Found |" in (tmp_path / "external-links.md").read_text()


def test_the_command_needs_a_built_site(tmp_path: Path) -> None:
    assert check_links_external(["--site-dir", str(tmp_path), "--report-dir", str(tmp_path)]) == external.EXIT_ERROR


def test_site_links_know_their_page_and_footnote(site: Path) -> None:
    links = site_links(site, own_host="127.0.0.1:8000")
    cited = "http://www.comitedevigilance.be/IMG/pdf/MANIFESTE_CVTS_VF.pdf"
    assert Place(page="arguments/3-champ-obscur-et-obscurci/", footnote=4) in links[cited]
    assert Place(page="texte-integral/", footnote=4) in links[cited]
    assert Place(page="sources/", footnote=None) in links[cited]
    assert set(links) <= registered_urls()
