"""linkchecker, run as its own command is, without the second it waits at the end of every run.

`python scripts/checks/linkchecker_run.py <linkchecker arguments>`: what scripts/checks/links.py and
scripts/checks/external_links.py run (and tests/resolver.py, under its stand-in resolver). linkchecker's
checking threads wait for work one second at a time (QUEUE_POLL_INTERVALL_SECS), and a run ends only
when each has noticed it should stop: a second of every run spent idle, whatever the number of links.
Here they look twenty times a second. The module is run by its path, importing nothing of the project.
"""

from __future__ import annotations

import sys

import linkcheck.director.checker
from linkcheck.command.linkchecker import linkchecker

POLL_SECONDS = 0.05


def main() -> None:
    linkcheck.director.checker.QUEUE_POLL_INTERVALL_SECS = POLL_SECONDS
    sys.exit(linkchecker())


if __name__ == "__main__":
    main()
