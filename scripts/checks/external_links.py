"""Check every registered URL and every external link of the built site, with linkchecker.

`python -m scripts check-links-external [--site-dir SITE] [--report-dir reports]` (`make check-links-external`;
the command is in scripts/checks/commands.py). Writes reports/external-links.md and .json: each URL,
its verdict and status, where it is cited (page, footnote, registry entry) and, when dead, the
archived copy to use.

Verdicts: ok; update (a permanent redirect: use the new URL); retry-later (429, a 5xx, a
timeout or a refused connection that lasted through every retry); dead (404, 410, another 4xx,
an unknown host). A polite pace: few threads, a low rate per host (linkchecker's
maxrequestspersecond), a timeout, retries spaced out and honouring Retry-After (capped).

Exit codes: 0 no dead link (the report may still list URLs to update or to check again);
1 at least one dead link; 2 the check could not run (no built site, linkchecker failed);
3 no network: no URL could be reached at all, so nothing was judged.
(Through `make check-links-external`, make reports any of 1-3 as its own exit 2: scripts that
need the code, like the workflow, run the command directly.)
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import tempfile
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from scripts.checks.links import LINKCHECKER
from scripts.core.languages import own_host
from scripts.core.links import UNCITED
from scripts.share.links import is_share_link
from scripts.sources.registry import archive_for, registered_citations

EXIT_OK, EXIT_DEAD, EXIT_ERROR, EXIT_OFFLINE = 0, 1, 2, 3
OK, UPDATE, RETRY_LATER, DEAD = "ok", "update", "retry-later", "dead"
PERMANENT_REDIRECTS = {301, 308}
REDIRECT = re.compile(r"Redirected to `(?P<url>[^']+)' status: (?P<code>\d{3})")
RETRY_AFTER = re.compile(r"Retry-After: (\d+)")
HTTP_STATUS = re.compile(r"^(\d{3})\b")
UNKNOWN_HOST = ("NameResolutionError", "Failed to resolve", "Name or service not known", "nodename nor servname")


@dataclass(frozen=True)
class Policy:
    """How hard to knock. The defaults are for real sites; tests pass short ones."""

    timeout: float = 20.0
    # linkchecker waits between 1/rate and 6/rate seconds between two requests to one host.
    requests_per_second: float = 0.5
    threads: int = 2
    retries: int = 2
    retry_wait: float = 30.0
    max_retry_after: float = 120.0
    # The program run for each pass. The tests run linkchecker under a stand-in resolver
    # (tests/resolver.py), so that an unknown host or a timeout does not depend on the machine's DNS.
    linkchecker: tuple[str, ...] = LINKCHECKER


@dataclass(frozen=True)
class Place:
    """Where a URL is cited: a page of the site (with its footnote) or a registry entry."""

    page: str | None = None
    footnote: int | None = None
    entry: str | None = None

    def __str__(self) -> str:
        if self.entry:
            # An entry of the registry, or another data file that links out (data/publisher.yml).
            where = self.entry if self.entry.startswith("data/") else f"data/sources.yml: {self.entry}"
            return where + (f" (note {self.footnote})" if self.footnote else "")
        return f"{self.page}" + (f" (note {self.footnote})" if self.footnote else "")


@dataclass
class Outcome:
    url: str
    verdict: str
    status: str
    attempts: int
    new_url: str | None = None
    archive: str | None = None
    answered: bool = False
    cited_in: list[Place] = field(default_factory=list)

    @property
    def action(self) -> str:
        if self.verdict == DEAD:
            return f"use the archived copy {self.archive}" if self.archive else "no archived copy known: find one"
        if self.verdict == UPDATE:
            return f"update the URL to {self.new_url}"
        if self.verdict == RETRY_LATER:
            return "check again later"
        return ""


# --- what to check ------------------------------------------------------------------------------


def site_links(site_dir: Path, own_host: str) -> dict[str, list[Place]]:
    """External links of the built pages, with the page and the footnote they sit in."""
    found: dict[str, list[Place]] = {}
    for html in sorted(site_dir.rglob("*.html")):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        page = html.relative_to(site_dir).parent.as_posix().replace(".", "") + "/"
        for a in soup.select(f'a[href^="http://"]:not(.{UNCITED}), a[href^="https://"]:not(.{UNCITED})'):
            # Share links are not cited sources, and those services answer robots with errors.
            if urlsplit(a["href"]).netloc == own_host or is_share_link(a.get("class")):
                continue
            note = a.find_parent("li", id=re.compile(r"^fn:\d+$"))
            footnote = int(note["id"].split(":")[1]) if note else None
            place = Place(page=page, footnote=footnote)
            if place not in found.setdefault(a["href"], []):
                found[a["href"]].append(place)
    return found


def to_check(site_dir: Path | None) -> dict[str, list[Place]]:
    """Every registered URL and every external link of the site, each with where it is cited."""
    places: dict[str, list[Place]] = {}
    for citation in registered_citations():
        notes = citation.footnotes or (None,)
        places.setdefault(citation.url, []).extend(Place(entry=citation.entry, footnote=n) for n in notes)
    if site_dir is not None:
        for url, found in site_links(site_dir, own_host()).items():
            places.setdefault(url, []).extend(found)
    return places


# --- running linkchecker ------------------------------------------------------------------------


def linkchecker_config(policy: Policy) -> str:
    return (
        "[checking]\n"
        f"threads={policy.threads}\n"
        f"timeout={policy.timeout:g}\n"
        f"maxrequestspersecond={policy.requests_per_second:g}\n"
        "[filtering]\n"
        "checkextern=1\n"
    )


def run_linkchecker(urls: list[str], policy: Policy) -> dict[str, dict[str, str]]:
    """One linkchecker pass over `urls` (no recursion); its CSV rows by URL as given."""
    with tempfile.NamedTemporaryFile("w", suffix=".ini") as config:
        config.write(linkchecker_config(policy))
        config.flush()
        command = [*policy.linkchecker, "--config", config.name, "--no-status", "--verbose", "--output", "csv"]
        result = subprocess.run(
            [*command, "--recursion-level", "0", *urls], capture_output=True, text=True, check=False
        )
    if result.returncode not in (0, 1):
        raise RuntimeError(f"linkchecker failed (exit {result.returncode}): {result.stderr.strip()}")
    lines = "\n".join(line for line in result.stdout.splitlines() if not line.startswith("#"))
    return {row["urlname"]: row for row in csv.DictReader(io.StringIO(lines), delimiter=";")}


def judge(url: str, row: dict[str, str] | None, attempts: int) -> tuple[Outcome, float]:
    """Verdict of one linkchecker row, and how long to wait before a retry (0: final)."""
    if row is None:
        return Outcome(url, RETRY_LATER, "no answer from linkchecker", attempts), 1.0
    result, warnings = (row["result"] or "").strip(), row["warningstring"] or ""
    code = HTTP_STATUS.match(result)
    if code is None:
        if any(marker in result for marker in UNKNOWN_HOST):
            return Outcome(url, DEAD, "unknown host", attempts), 0.0
        status = "timeout" if "Timeout" in result else result.split(":", 1)[0] or "connection failed"
        return Outcome(url, RETRY_LATER, status, attempts), 1.0
    status_code = int(code.group(1))
    outcome = Outcome(url, OK, result, attempts, answered=True)
    if status_code == 429:
        outcome.verdict = RETRY_LATER
        wait = RETRY_AFTER.search(warnings)
        return outcome, float(wait.group(1)) if wait else 1.0
    if status_code >= 500:
        outcome.verdict = RETRY_LATER
        return outcome, 1.0
    if status_code >= 400:
        outcome.verdict = DEAD
        return outcome, 0.0
    hops = [(m.group("url"), int(m.group("code"))) for m in REDIRECT.finditer(warnings)]
    permanent = [target for target, hop in _leading(hops) if hop in PERMANENT_REDIRECTS]
    if permanent:
        outcome.verdict, outcome.new_url = UPDATE, permanent[-1]
        outcome.status = " → ".join([*(str(hop) for _, hop in hops), result])
    return outcome, 0.0


def _leading(hops: list[tuple[str, int]]) -> Iterable[tuple[str, int]]:
    """The redirects up to the first temporary one: only those say where the URL now lives."""
    for target, code in hops:
        if code not in PERMANENT_REDIRECTS:
            return
        yield target, code


def check(places: dict[str, list[Place]], policy: Policy = Policy()) -> list[Outcome]:
    """Check every URL; retry the transient failures, waiting between passes."""
    outcomes: dict[str, Outcome] = {}
    pending = sorted(places)
    for attempt in range(1, policy.retries + 2):
        rows = run_linkchecker(pending, policy)
        waits = []
        retry = []
        for url in pending:
            outcome, wait = judge(url, rows.get(url), attempt)
            outcomes[url] = outcome
            if outcome.verdict == RETRY_LATER:
                retry.append(url)
                waits.append(wait)
        if not retry or attempt > policy.retries:
            break
        time.sleep(min(max([policy.retry_wait, *waits]), policy.max_retry_after))
        pending = retry
    for url, outcome in outcomes.items():
        outcome.cited_in = places[url]
        if outcome.verdict == DEAD:
            outcome.archive = archive_for(url)
    return [outcomes[url] for url in sorted(outcomes)]


def online(outcomes: list[Outcome]) -> bool:
    """False when not one URL got an HTTP answer: then the network, not the links, is down."""
    return not outcomes or any(o.answered for o in outcomes)


def exit_code(outcomes: list[Outcome]) -> int:
    if not online(outcomes):
        return EXIT_OFFLINE
    return EXIT_DEAD if any(o.verdict == DEAD for o in outcomes) else EXIT_OK


# --- the report ---------------------------------------------------------------------------------


def summary(outcomes: list[Outcome]) -> dict[str, int]:
    return {verdict: sum(o.verdict == verdict for o in outcomes) for verdict in (OK, UPDATE, RETRY_LATER, DEAD)}


def report_json(outcomes: list[Outcome], when: str) -> str:
    data = {
        "checked_at": when,
        "network": online(outcomes),
        "exit_code": exit_code(outcomes),
        "summary": summary(outcomes) if online(outcomes) else None,
        "links": [
            {**asdict(o), "cited_in": [str(p) for p in o.cited_in], "action": o.action}
            if online(outcomes)
            else {"url": o.url, "verdict": "not checked", "status": o.status, "cited_in": [str(p) for p in o.cited_in]}
            for o in outcomes
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def report_markdown(outcomes: list[Outcome], when: str) -> str:
    lines = [f"# External links, {when}", ""]
    if not online(outcomes):
        lines += [
            f"**No network**: none of the {len(outcomes)} links could be reached (every host failed to resolve "
            "or to connect). Nothing was judged; run the check again where the network is available.",
            "",
            "| URL | status | cited in |",
            "|---|---|---|",
        ]
        lines += [f"| {_cell(o.url)} | not checked | {_cell('; '.join(map(str, o.cited_in)))} |" for o in outcomes]
        return "\n".join(lines) + "\n"
    counts = summary(outcomes)
    lines += [
        f"{len(outcomes)} links: {counts[OK]} ok, {counts[UPDATE]} to update, "
        f"{counts[RETRY_LATER]} to check again later, {counts[DEAD]} dead.",
        "",
        "| verdict | URL | status | attempts | cited in | what to do |",
        "|---|---|---|---|---|---|",
    ]
    order = {DEAD: 0, UPDATE: 1, RETRY_LATER: 2, OK: 3}
    for o in sorted(outcomes, key=lambda o: (order[o.verdict], o.url)):
        cited = "; ".join(map(str, o.cited_in))
        lines.append(
            f"| {o.verdict} | {_cell(o.url)} | {_cell(o.status)} | {o.attempts} | {_cell(cited)} | {_cell(o.action)} |"
        )
    if counts[DEAD]:
        lines += [
            "",
            "For a dead link: set `dead: true` on it in data/sources.yml and, when a real archived copy "
            "is known, its address as `archive:`; the sources page then shows the copy beside the dead link.",
        ]
    return "\n".join(lines) + "\n"


def write_reports(outcomes: list[Outcome], report_dir: Path, when: str) -> tuple[Path, Path]:
    report_dir.mkdir(parents=True, exist_ok=True)
    markdown, data = report_dir / "external-links.md", report_dir / "external-links.json"
    markdown.write_text(report_markdown(outcomes, when), encoding="utf-8")
    data.write_text(report_json(outcomes, when), encoding="utf-8")
    return markdown, data
