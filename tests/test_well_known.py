"""/.well-known/security.txt (RFC 9116): from the contact in data, with a date derived from the last commit."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml

from scripts.core.languages import languages

from conftest import ROOT

REQUIRED = ("Contact", "Expires")


def fields(text: str) -> dict[str, str]:
    pairs = [line.split(": ", 1) for line in text.splitlines() if line and not line.startswith("#")]
    return dict(pairs)


def test_security_txt_names_the_contact_and_expires_a_year_after_the_last_commit(site: Path) -> None:
    text = (site / ".well-known" / "security.txt").read_text(encoding="utf-8")
    got = fields(text)
    contact = yaml.safe_load((ROOT / "data" / "manifesto.yml").read_text(encoding="utf-8"))["contact"]
    assert all(name in got for name in REQUIRED)
    assert got["Contact"] == f"mailto:{contact['email']}"
    # While the contact is a placeholder, the file says so (and make publish-check lists it).
    assert text.startswith("# The contact below is a placeholder") == contact["placeholder"]
    committed = subprocess.run(
        ["git", "log", "-1", "--format=%cI"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    expected = datetime.fromisoformat(committed).astimezone(UTC) + timedelta(days=365)
    assert got["Expires"] == expected.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert datetime.fromisoformat(got["Expires"]) > datetime.fromisoformat(committed), "already expired"
    assert got["Preferred-Languages"] == ", ".join(languages())
    # The session build is for the local preview address (no SITE_URL).
    assert got["Canonical"] == "http://127.0.0.1:8000/.well-known/security.txt"
    assert text.endswith("\n") and "\r" not in text
