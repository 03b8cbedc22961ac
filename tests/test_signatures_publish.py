"""The signatures workflow's publish job (scripts/signatories/publish-pending.sh) replayed against a local
bare repository, with a stand-in `gh` that keeps the pull request's state: a peak of 100 approvals, two
merges between them (one squashed) and one push raced by another approval, gives three pull requests
and loses or doubles no signature."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from scripts.core.paths import ROOT

SCRIPT = ROOT / "scripts" / "signatories" / "publish-pending.sh"
BRANCH = "signatures/pending"
GIT = shutil.which("git") or "git"

# A stand-in for GitHub's command line: one pull request (open or not), its body, every call logged. A
# POSIX shell script: it answers five calls an approval, and sh starts faster than bash.
FAKE_GH = r"""#!/bin/sh
state="$GH_STATE"
echo "$*" >> "$state/calls"
for last; do :; done  # the last argument: the body's file
case "$1 $2" in
  "pr view") [ -e "$state/open" ] && echo OPEN || exit 1 ;;
  "pr create") [ -e "$state/open" ] && exit 1
               touch "$state/open"; echo x >> "$state/created"; cp "$last" "$state/body.md" ;;
  "pr edit") cp "$last" "$state/body.md" ;;
  "issue comment") { echo "--- #$3"; cat "$last"; } >> "$state/comments" ;;
esac
"""
# A stand-in `git` that, at the first push of a run given RACE_OUT, lets another approval publish first:
# the first push is then refused, as when two approvals run side by side, and must be retried.
RACING_GIT = r"""#!/usr/bin/env bash
if [ "$1" = push ] && [ -n "${RACE_OUT:-}" ] && [ -e "$RACE_OUT/race" ]; then
  racer="$RACE_OUT"
  rm "$racer/race"
  (cd "$RACE_CHECKOUT" && ISSUE_NUMBER="$RACE_ISSUE" RACE_OUT="" bash "$SCRIPT" "$racer") >&2
fi
exec "$REAL_GIT" "$@"
"""


def executable(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def git(cwd: Path, *args: str) -> str:
    return subprocess.run([GIT, *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


class Repository:
    """A bare repository as GitHub's, a stand-in gh, and a fresh checkout for each run of the job."""

    def __init__(self, tmp: Path) -> None:
        self.tmp, self.remote, self.state = tmp, tmp / "remote.git", tmp / "gh"
        # The stand-in gh for every run; the racing git only on the PATH of a run that races (a shell
        # started for each of the other runs' git commands would cost a quarter of the replay's time).
        self.bin, self.racing_bin = tmp / "bin", tmp / "racing-bin"
        for folder in (self.state, self.bin, self.racing_bin):
            folder.mkdir()
        executable(self.bin / "gh", FAKE_GH)
        executable(self.racing_bin / "git", RACING_GIT)
        git(tmp, "init", "--quiet", "--bare", "--initial-branch=main", str(self.remote))
        seed = self.checkout("seed")
        (seed / "data" / "signatories").mkdir(parents=True)
        (seed / "data" / "signatories" / "README.md").write_text("One file per organisation.\n", encoding="utf-8")
        (seed / "data" / "signatories" / "listed.yml").write_text("name: Listed\n", encoding="utf-8")
        git(seed, "add", ".")
        git(seed, "commit", "--quiet", "-m", "seed")
        git(seed, "push", "--quiet", "origin", "HEAD:refs/heads/main")
        self.runs = 0

    def checkout(self, name: str) -> Path:
        folder = self.tmp / "checkouts" / name
        git(self.tmp, "clone", "--quiet", str(self.remote), str(folder))
        git(folder, "config", "user.name", "github-actions[bot]")
        git(folder, "config", "user.email", "bot@127.0.0.1")
        return folder

    def approval(self, issue: int, path: str, record: str, status: int = 0) -> Path:
        out = self.tmp / "out" / str(issue)
        out.mkdir(parents=True)
        (out / "status").write_text(f"{status}\n", encoding="utf-8")
        (out / "result.txt").write_text("«Site web»: is not a web address. Fix: …\n", encoding="utf-8")
        (out / "path").write_text(path + "\n", encoding="utf-8")
        (out / "record.yml").write_text(record, encoding="utf-8")
        return out

    def env(self, issue: int, **extra: str) -> dict[str, str]:
        return {
            "PATH": ":".join(
                [*([str(self.racing_bin)] if extra.get("RACE_OUT") else []), str(self.bin), os.environ.get("PATH", "")]
            ),
            "HOME": str(self.tmp),
            "GH_STATE": str(self.state),
            "ACTION": "labeled",
            "LABELS": "signature lang-nl signature-verified-reply",
            "ISSUE_NUMBER": str(issue),
            "REMOTE": str(self.remote),
            "SCRIPT": str(SCRIPT),
            "REAL_GIT": GIT,
            **extra,
        }

    def publish(self, issue: int, out: Path, **extra: str) -> subprocess.CompletedProcess[str]:
        self.runs += 1
        checkout = self.checkout(f"run-{self.runs}")
        env = self.env(issue, **extra)
        return subprocess.run(["bash", str(SCRIPT), str(out)], cwd=checkout, env=env, capture_output=True, text=True)

    def merge(self, squash: bool = False) -> str:
        """The maintainer merges the open pull request (its branch stays); returns the body merged."""
        folder = self.checkout(f"merge-{self.runs}")
        git(folder, "fetch", "--quiet", "origin", BRANCH)
        if squash:
            git(folder, "merge", "--quiet", "--squash", "FETCH_HEAD")
            git(folder, "commit", "--quiet", "-m", "Signatures (squashed)")
        else:
            git(folder, "merge", "--quiet", "--no-ff", "-m", "Merge signatures", "FETCH_HEAD")
        git(folder, "push", "--quiet", "origin", "HEAD:refs/heads/main")
        (self.state / "open").unlink()
        return (self.state / "body.md").read_text("utf-8")

    def main_files(self) -> dict[str, str]:
        folder = self.checkout(f"main-{self.runs}")
        signed = folder / "data" / "signatories"
        return {p.name: p.read_text("utf-8") for p in sorted(signed.glob("*.yml"))}


def record(n: int) -> str:
    return f'name: "Organisation {n}"\nwebsite: https://org{n}.example/\n'


@pytest.fixture
def repository(tmp_path: Path) -> Repository:
    return Repository(tmp_path)


def test_a_peak_of_100_approvals_makes_three_pull_requests_and_loses_or_doubles_none(repository: Repository) -> None:
    merged_bodies = []
    for n in range(1, 101):
        out = repository.approval(n, f"data/signatories/org-{n}.yml", record(n))
        extra = {}
        if n == 50:  # another approval (issue 1050) pushes between this run's read of the branch and its push
            racer = repository.approval(1050, "data/signatories/org-1050.yml", record(1050))
            (racer / "race").touch()
            extra = {"RACE_OUT": str(racer), "RACE_ISSUE": "1050", "RACE_CHECKOUT": str(repository.checkout("racer"))}
        result = repository.publish(n, out, **extra)
        assert result.returncode == 0, result.stderr
        if n == 50:  # the racer went first; this run's first push was refused, and retried on top of it
            assert not (racer / "race").exists()
            log = git(repository.checkout("after-race"), "log", "--format=%s", f"origin/{BRANCH}", "-2")
            assert log.splitlines() == [
                "New signatory from issue #50 (org-50, nl)",
                "New signatory from issue #1050 (org-1050, nl)",
            ]
        if n in (30, 70):
            merged_bodies.append(repository.merge(squash=n == 70))
    merged_bodies.append(repository.merge())

    state = repository.state
    assert len((state / "created").read_text().split()) == 3  # one pull request per batch, not 100
    closes = [line for body in merged_bodies for line in body.splitlines() if line.startswith("Closes #")]
    expected = sorted([*range(1, 101), 1050])
    assert sorted(int(line.removeprefix("Closes #")) for line in closes) == expected  # each once
    files = repository.main_files()
    assert files == {"listed.yml": "name: Listed\n", **{f"org-{n}.yml": record(n) for n in expected}}
    # Each record shown in the pull request that published it, fenced; each issue answered once.
    for n in expected:
        assert sum(f"- `data/signatories/org-{n}.yml`" in body for body in merged_bodies) == 1, n
    comments = (state / "comments").read_text("utf-8")
    assert sorted(int(c.split("\n", 1)[0]) for c in comments.split("--- #")[1:]) == expected
    assert comments.count("Verified.") == len(expected)


def test_a_refusal_an_edit_and_a_correction(repository: Repository) -> None:
    refused = repository.approval(7, "", "", status=1)
    assert repository.publish(7, refused).returncode == 0
    edited = repository.approval(8, "data/signatories/org-8.yml", record(8))
    assert repository.publish(8, edited, ACTION="edited").returncode == 0
    corrected = repository.approval(9, "data/signatories/listed.yml", "name: Listed asbl\n")
    assert repository.publish(9, corrected).returncode == 0
    calls = (repository.state / "calls").read_text("utf-8")
    assert "issue edit 8 --remove-label signature-verified-reply" in calls
    comments = (repository.state / "comments").read_text("utf-8")
    assert (
        "--- #7\nThis issue cannot become a signature as it is:\n\n```text\n«Site web»: is not a web address."
        in comments
    )
    assert "--- #8\nThe issue was edited; any approval was removed." in comments and "org-8" not in repository.merge()
    assert repository.main_files()["listed.yml"] == "name: Listed asbl\n"
    log = git(repository.checkout("log"), "log", "--format=%s", "origin/main")
    assert "Correction from issue #9 (listed, nl)" in log and "#7" not in log and "#8" not in log


def test_after_deployment_each_issue_gets_the_address_of_its_entry(tmp_path: Path) -> None:
    from scripts.signatories.announce import announcements

    for ident in ("le-maillon", "autre-lien", "zorg"):
        (tmp_path / f"{ident}.yml").write_text("name: x\n", encoding="utf-8")
    # As git log gives them, newest first: a squash's message, a merge's commits, a withdrawn entry.
    messages = (
        "Signatures (squashed)\n\n* New signatory from issue #12 (le-maillon, nl)\n"
        "* Correction from issue #14 (zorg, de)\n\n"
        "New signatory from issue #13 (autre-lien)\n\nNew signatory from issue #11 (withdrawn-since, fr)\n"
    )
    assert announcements(messages, "https://manifeste.example/", tmp_path) == [
        {"issue": 13, "url": "https://manifeste.example/signataires/#sig-autre-lien"},
        {"issue": 14, "url": "https://manifeste.example/de/signataires/#sig-zorg"},
        {"issue": 12, "url": "https://manifeste.example/nl/signataires/#sig-le-maillon"},
    ]
    assert announcements("Merge pull request #3 from x/y\n", "https://manifeste.example/", tmp_path) == []
