"""The French pages reproduce the original word for word; the code passes ruff."""

from __future__ import annotations

import subprocess
import sys

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
