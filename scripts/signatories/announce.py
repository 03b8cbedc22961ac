"""After a deployment, the address of each entry it published, for an answer on the entry's issue.

The publish job (scripts/signatories/publish-pending.sh) writes one commit per approval:
"New signatory from issue #12 (le-maillon, nl)" or "Correction from issue #12 (le-maillon, nl)". A merge
keeps those commits; a squash keeps their subjects in its message. The deploy workflow reads the messages
pushed since the last deployment (`python -m scripts signatories published --since SHA`) and comments
on each issue whose entry is on the site, with its address in the issue's language.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

from mkdocs.utils import meta

from scripts.core.languages import default_language, language_folder, languages, mkdocs_config
from scripts.core.pages import nav_sources
from scripts.core.paths import DOCS, ROOT
from scripts.signatories.page import LIST, SIGNATORY_ID
from scripts.signatories.records import FOLDER

PUBLISHED = re.compile(r"(?:New signatory|Correction) from issue #(\d+) \(([a-z0-9]+(?:-[a-z0-9]+)*)(?:, ([a-z]+))?\)")


def messages_since(since: str, root: Path = ROOT) -> str:
    """Every commit message from `since` (excluded) to HEAD; none when `since` is no commit here (a first
    push, a history rewritten)."""
    known = subprocess.run(["git", "cat-file", "-e", f"{since}^{{commit}}"], cwd=root, capture_output=True)
    if known.returncode:
        return ""
    log = subprocess.run(["git", "log", "--format=%B", f"{since}..HEAD"], cwd=root, capture_output=True, text=True)
    return log.stdout


def list_path() -> str:
    """The signatories page's path in a language folder ("signataires/"), from the navigation."""
    original = default_language()
    for src in nav_sources(mkdocs_config().get("nav")):
        if meta.get_data((DOCS / original / src).read_text(encoding="utf-8"))[1].get(LIST):
            return src.removesuffix(".md").removesuffix("index") + "/"
    raise ValueError("no page of mkdocs.yml's nav has `signatories: true`")


def announcements(messages: str, site_url: str, folder: Path = FOLDER) -> list[dict[str, Any]]:
    """One {issue, url} per issue whose entry the messages name and the site now lists, oldest first."""
    found: dict[int, dict[str, Any]] = {}
    built = languages()
    for issue, ident, lang in reversed(PUBLISHED.findall(messages)):  # git log lists the newest first
        if not (folder / f"{ident}.yml").is_file():
            continue  # withdrawn since: nothing to point to
        where = language_folder(lang if lang in built else default_language())
        found[int(issue)] = {
            "issue": int(issue),
            "url": f"{site_url.rstrip('/')}/{where}{list_path()}#{SIGNATORY_ID}{ident}",
        }
    return list(found.values())
