"""/.well-known/security.txt (RFC 9116), from the contact in data/manifesto.yml.

mkdocs leaves folders whose names start with a dot out of docs/, so the file is written into
the built site after the build. Its expiry is the last commit's date plus one year (not the
build's clock; scripts/core/build_date.py): one commit always gives the same file, and any new
commit renews it. Outside git and without SOURCE_DATE_EPOCH, the build's clock is all there is.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from scripts.core.build_date import build_epoch
from scripts.core.languages import languages
from scripts.core.manifesto import manifesto

PATH = ".well-known/security.txt"
VALIDITY = timedelta(days=365)  # RFC 9116 2.5.5: less than a year is recommended; a year at most here


def security_txt(email: str, placeholder: bool, langs: list[str], site_url: str, epoch: int) -> str:
    expires = datetime.fromtimestamp(epoch, UTC) + VALIDITY
    lines = [
        *(["# The contact below is a placeholder until the publisher gives an address."] if placeholder else []),
        f"Contact: mailto:{email}",
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        f"Preferred-Languages: {', '.join(langs)}",
        f"Canonical: {site_url.rstrip('/')}/{PATH}",
    ]
    return "\n".join(lines) + "\n"


def write_security_txt(config: MkDocsConfig) -> None:
    contact = manifesto()["contact"]
    # Without a commit date, today's date (not the time of day): two builds of one day give one file.
    epoch = build_epoch() or int(time.time()) // 86400 * 86400
    text = security_txt(contact["email"], contact["placeholder"], languages(config), config.site_url or "", epoch)
    target = Path(config.site_dir) / PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
