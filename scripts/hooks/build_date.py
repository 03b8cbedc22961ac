"""mkdocs hook: date the build from the last commit, so that two builds of one commit are byte-identical.

Without SOURCE_DATE_EPOCH, mkdocs dates the sitemap (<lastmod>) and stamps sitemap.xml.gz with
the day of the build. This hook sets SOURCE_DATE_EPOCH to the last commit's time when it is not
set, before mkdocs reads it (pages are dated after on_config). Outside a git checkout and
without SOURCE_DATE_EPOCH, the build keeps mkdocs' own date (the day of the build).
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig

from scripts.core.build_date import last_commit_epoch


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        epoch = last_commit_epoch()
        if epoch is not None:
            os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    return config
