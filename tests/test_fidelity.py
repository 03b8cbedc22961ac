"""The French pages reproduce the original word for word; the code passes ruff and declares what it imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SHARED

CHECK_FIDELITY = SHARED / "tools" / "check-fidelity"
ORIGINAL = SHARED / "original" / "mahy-blairon-2021-fr.txt"


@pytest.mark.skipif(not CHECK_FIDELITY.is_file(), reason=f"{CHECK_FIDELITY} is not beside the project")
def test_french_pages_match_the_original() -> None:
    result = subprocess.run(
        [sys.executable, str(CHECK_FIDELITY), str(ORIGINAL), str(ROOT / "docs" / "fr")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_python_code_passes_ruff() -> None:
    for command in (["check"], ["format", "--check"]):
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *command, "scripts", "tests"], cwd=ROOT, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_every_imported_package_is_declared() -> None:
    """deptry: what scripts/ and tests/ import is in requirements.in, not only brought by another package."""
    deptry = Path(sys.executable).with_name("deptry")
    result = subprocess.run([str(deptry), "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
