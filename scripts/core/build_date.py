"""The build's date: the last commit's, so that one commit always gives the same site.

SOURCE_DATE_EPOCH (the reproducible-builds convention, which mkdocs reads for the sitemap's
dates and the timestamp inside sitemap.xml.gz) wins; otherwise the last commit's time.
"""

from __future__ import annotations

import os
import subprocess

from scripts.core.paths import ROOT


def last_commit_epoch() -> int | None:
    """Seconds since 1970 of the last commit, or None outside a git checkout."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return None
    text = result.stdout.strip()
    return int(text) if result.returncode == 0 and text.isdigit() else None


def build_epoch() -> int | None:
    """SOURCE_DATE_EPOCH when set, else the last commit's time; None when neither is known."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(given) if given.isdigit() else last_commit_epoch()


def date_the_build() -> None:
    """Set SOURCE_DATE_EPOCH to the last commit's time when it is not set, before mkdocs dates anything.

    Without it, mkdocs dates the sitemap (<lastmod>) and stamps sitemap.xml.gz with the day of the
    build. Outside a git checkout and without SOURCE_DATE_EPOCH, the build keeps mkdocs' own date.
    """
    if not os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        epoch = last_commit_epoch()
        if epoch is not None:
            os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
