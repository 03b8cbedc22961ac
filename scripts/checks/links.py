"""Check the built site's internal links: linkchecker over loopback, then the anchors.

`python -m scripts check-links [SITE_DIR]` (scripts/checks/commands.py) serves the folder on
127.0.0.1 and lets linkchecker crawl it from the home page of every language: every page and file
linked must exist. Then scripts/checks/anchors.py checks the fragment of every link in every page
against the target's ids (linkchecker's own anchor check depends on thread order: see there).
Each problem is listed with its page and line. Exit 0: no problem; 1: problems found.
"""

from __future__ import annotations

import csv
import functools
import http.server
import io
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# linkchecker without its idle second at the end of a run (scripts/checks/linkchecker_run.py), run by
# its path; -P keeps its folder (links.py, ids.py…) off the import path, where it could shadow a module.
LINKCHECKER = (sys.executable, "-P", str(Path(__file__).with_name("linkchecker_run.py")))

# No [AnchorCheck]: fragments are checked by scripts/checks/anchors.py. The timeout only bounds a
# failure (a loopback server answers at once, even on a loaded machine).
CONFIG = """\
[checking]
threads=4
maxrequestspersecond=500
timeout=120
[filtering]
checkextern=0
"""


@dataclass(frozen=True)
class Problem:
    url: str
    parent: str
    line: str
    message: str

    def __str__(self) -> str:
        return f"{self.parent} (line {self.line}): {self.url}: {self.message}"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # linkchecker allows more than 10 requests a second only to servers that send this header.
        self.send_header("LinkChecker", "loopback")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's signature
        pass


@contextmanager
def serve(directory: Path, handler: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler) -> Iterator[str]:
    """Serve `directory` on a free loopback port for as long as the block runs (with `handler`: the
    bench's compressing server, a test's slow page)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def parse_csv(output: str) -> list[Problem]:
    rows = csv.DictReader(
        io.StringIO("\n".join(l for l in output.splitlines() if not l.startswith("#"))), delimiter=";"
    )
    problems = []
    for row in rows:
        if row["valid"] == "False":
            url = row["url"] or row["urlname"]
            problems.append(Problem(url, row["parentname"], row["line"], row["result"].strip()))
    return problems


def check_internal(site_dir: Path) -> list[Problem]:
    """Crawl the built site over loopback; return its links to pages or files that do not exist."""
    with tempfile.NamedTemporaryFile("w", suffix=".ini") as config, serve(site_dir) as url:
        config.write(CONFIG)
        config.flush()
        result = subprocess.run(
            [*LINKCHECKER, "--config", config.name, "--no-status", "--output", "csv", url],
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode not in (0, 1):
        raise RuntimeError(f"linkchecker failed (exit {result.returncode}): {result.stderr.strip()}")
    return parse_csv(result.stdout)
