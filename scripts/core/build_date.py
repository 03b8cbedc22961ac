"""The build's date: the last commit's, so that one commit always gives the same site.

SOURCE_DATE_EPOCH (the reproducible-builds convention, which mkdocs reads for the sitemap's
dates and the timestamp inside sitemap.xml.gz) wins; otherwise the last commit's time.
"""

from __future__ import annotations

import os
import subprocess

from scripts.core.load import DataError
from scripts.core.paths import ROOT


class CheckoutRefused(DataError):
    """git will not read the checkout (its owner is not the user building): the build cannot date itself.

    A DataError, so that every step that meets it stops the build with its message, like invalid data.
    """


def refused_message(root: str, stderr: str) -> str:
    """What a volunteer reads when git refuses the checkout: why, and the one command that fixes it."""
    try:
        owner = os.stat(root).st_uid
    except OSError:
        owner = None
    users = f" (uid {owner}, while the build runs as uid {os.geteuid()})" if owner not in (None, os.geteuid()) else ""
    return (
        f"{root}: git refuses to read this checkout: it belongs to another user{users}, and git trusts "
        f"only its owner's folders (git said: {stderr.strip().splitlines()[0]}). Without git the build "
        "cannot date the site and its PDFs from the last commit. This happens in a container that runs as "
        "root on a folder the runner owns. "
        f"Fix: trust the folder with `git config --global --add safe.directory {root}` (the workflows do "
        "this after actions/checkout), or build as the user who owns the folder."
    )


def last_commit_epoch() -> int | None:
    """Seconds since 1970 of the last commit, or None outside a git checkout (or without git).

    CheckoutRefused when it is a checkout that git will not read: giving no date then would make a
    PDF step fail later saying there is no checkout, which a volunteer who cloned it cannot act on.
    """
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return None
    text = result.stdout.strip()
    if result.returncode == 0 and text.isdigit():
        return int(text)
    if "dubious ownership" in result.stderr:
        raise CheckoutRefused(refused_message(str(ROOT), result.stderr))
    return None


def build_epoch() -> int | None:
    """SOURCE_DATE_EPOCH when set, else the last commit's time; None when neither is known."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(given) if given.isdigit() else last_commit_epoch()


def date_the_build() -> None:
    """Set SOURCE_DATE_EPOCH to the last commit's time when it is not set, before mkdocs dates anything.

    Without it, mkdocs dates the sitemap (<lastmod>) and stamps sitemap.xml.gz with the day of the
    build. Outside a git checkout and without SOURCE_DATE_EPOCH, the build keeps mkdocs' own date;
    a checkout that git refuses to read stops the build (CheckoutRefused) with what to do.
    """
    if not os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        epoch = last_commit_epoch()
        if epoch is not None:
            os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
