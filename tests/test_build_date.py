"""The container's situation: a checkout owned by another user, built as root, as the workflows do.

actions/checkout trusts the workspace for its own steps only; in a root container on a folder the
runner's user (uid 1001) owns, every later `git` stops on git's "dubious ownership" check. The build
must then say what to do, and the workflows' own step must be what makes it build, PDFs included.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from projects import copy_project

from scripts.core.languages import languages

from conftest import ROOT

CONTAINER_WORKFLOWS = [ROOT / ".github" / "workflows" / name for name in ("ci.yml", "deploy.yml", "release.yml")]
RUNNER_UID = 1001  # the GitHub runner's user, who owns the workspace the container sees
COMMIT_DATE = "2026-11-25T10:00:00+00:00"


def trust_step(path: Path) -> str:
    """The `run:` of the workflow's step that trusts the checkout, the step right after actions/checkout."""
    for job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].values():
        if job.get("container"):
            steps = job["steps"]
            checkout = next(i for i, step in enumerate(steps) if step.get("uses", "").startswith("actions/checkout@"))
            return steps[checkout + 1].get("run", "")
    raise AssertionError(f"{path.name}: no job in a container")


@pytest.fixture(scope="module")
def foreign_checkout(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A git clone of the project that belongs to another user than the one building, and an empty HOME."""
    tmp = tmp_path_factory.mktemp("container")
    project = copy_project(tmp)
    home = tmp / "home"
    home.mkdir()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(project),
        "HOME": str(home),  # no global git configuration that already trusts the folder
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    commit = {**env, "GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE}
    for command in (
        ["git", "init", "-q"],
        ["git", "add", "-A"],
        ["git", "-c", "user.name=Test", "-c", "user.email=test@127.0.0.1", "commit", "-q", "-m", "The project"],
    ):
        subprocess.run(command, cwd=project, env=commit, check=True)
    if os.geteuid() == 0:
        # As in the container: the folder is the runner's, the build runs as root.
        subprocess.run(["chown", "-R", f"{RUNNER_UID}:{RUNNER_UID}", str(project)], check=True)
    else:
        env["GIT_TEST_ASSUME_DIFFERENT_OWNER"] = "1"  # git's own switch for its ownership check
    return project, env


def build(project: Path, env: dict[str, str], site: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "scripts", "build", "--site-dir", str(site), *extra]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)


def test_every_container_workflow_trusts_its_checkout_after_checking_it_out() -> None:
    steps = {path.name: trust_step(path) for path in CONTAINER_WORKFLOWS}
    assert set(steps.values()) == {'git config --global --add safe.directory "$GITHUB_WORKSPACE"'}, steps


@pytest.mark.pdf  # the trusted checkout's build makes the PDFs, each dated from the commit
def test_a_refused_checkout_stops_the_build_saying_what_to_do_and_the_workflows_step_lets_it_build(
    foreign_checkout: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    project, env = foreign_checkout
    refused = build(project, env, tmp_path / "refused", "--no-pdf")
    assert refused.returncode == 1, refused.stdout + refused.stderr
    message = refused.stdout + refused.stderr
    assert "git refuses to read this checkout" in message
    assert f"Fix: trust the folder with `git config --global --add safe.directory {project}`" in message
    if os.geteuid() == 0:
        assert f"uid {RUNNER_UID}, while the build runs as uid 0" in message
    assert "no .git folder" not in message, "a clone must not be called something else"

    # The workflows' step, run as the runner runs it (bash, with GITHUB_WORKSPACE), then the build with PDFs.
    step = trust_step(CONTAINER_WORKFLOWS[0])
    subprocess.run(["bash", "-e", "-c", step], env={**env, "GITHUB_WORKSPACE": str(project)}, check=True)
    site = tmp_path / "site"
    built = build(project, env, site)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    pdfs = sorted(site.glob("pdf/*.pdf"))
    assert len(pdfs) == len(languages()), pdfs
    # Dated from the clone's commit, not from the day of the build.
    assert "<lastmod>2026-11-25</lastmod>" in (site / "sitemap.xml").read_text(encoding="utf-8")
