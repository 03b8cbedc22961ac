"""Scale of the signatories: a copy of the project with 2,000 generated organisations against one with none.

Prints the site build time of each (no PDF), the time of the four PDFs with and without the
signatories appendix (on the clock and on the processors), and the weight of the signatories page
per signatory (gzip). Generated organisations exist only in a temporary copy; nothing is written to data/signatories/.
`python -m scripts bench-signatories` (`make bench`; the command is in scripts/bench/commands.py).
"""

from __future__ import annotations

import gzip
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.core.build_date import build_epoch
from scripts.core.paths import ROOT

COUNT = 2000
TYPES = ("association", "trade_union", "public_service", "network", "collective", "research", "other")
SYLLABLES = ("ma", "lé", "ro", "vi", "ün", "sa", "ter", "bo", "ça", "ni", "del", "ka", "zo", "ré", "ul")
IGNORE = shutil.ignore_patterns(".venv", "node_modules", ".git", "*cache*")
SCRIPTS = [sys.executable, "-m", "scripts"]  # the project's command line, run in the copy
EPOCH = str(build_epoch() or int(time.time()))


def word(n: int) -> str:
    out = ""
    while True:
        out += SYLLABLES[n % len(SYLLABLES)]
        n //= len(SYLLABLES)
        if not n:
            return out.capitalize()


def generated(n: int) -> str:
    statement = (
        f'statement:\n  text: "Nous refusons le distanciel, signataire {n}."\n  lang: fr\n' if n % 3 == 0 else ""
    )
    return (
        f'name: "Association {word(n)} {word(n * 7 + 3)}"\ntype: {TYPES[n % len(TYPES)]}\ncity: "{word(n + 11)}"\n'
        f'country: BE\nwebsite: https://org{n}.example/\nsigned: "2026-01-01"\nversion: "1.0"\n{statement}'
        'verification:\n  method: reply_from_public_address\n  date: "2026-01-02"\n'
    )


def copy(where: Path, count: int) -> Path:
    project = where / f"project-{count}"
    shutil.copytree(
        ROOT,
        project,
        ignore=lambda folder, names: (
            set(IGNORE(folder, names)) | ({"site", "reports"} & set(names) if Path(folder) == ROOT else set())
        ),
    )
    for n in range(count):
        (project / "data" / "signatories" / f"org-{n}.yml").write_text(generated(n), encoding="utf-8")
    return project


def timed(command: list[str], project: Path, **extra: str) -> tuple[float, float]:
    """Seconds `command` took in `project`, on the clock and on the processors (its children's user and
    system time: on a machine others load, the clock measures them too); SystemExit when it fails."""
    # The copies hold no .git: both are dated like the project, so the records' dates are checked alike.
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH, **extra}
    start, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(command[2:])} failed in the copy with {project.name}:\n{done.stderr[-4000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return time.perf_counter() - start, cpu


def compare() -> None:
    """Build the copies with none and with COUNT signatories, then print the three differences."""
    with tempfile.TemporaryDirectory() as folder:
        results = {}
        for count in (0, COUNT):
            project = copy(Path(folder), count)
            site = project / "site"
            build = timed([*SCRIPTS, "build", "--no-pdf", "--site-dir", str(site)], project)
            pdf = timed([*SCRIPTS, "pdf", str(site)], project)
            page = gzip.compress((site / "signataires" / "index.html").read_bytes(), compresslevel=6)
            results[count] = (build, pdf, len(page))
        (b0, p0, w0), (b1, p1, w1) = results[0], results[COUNT]
        for what, none, many in (("site build (no PDF)", b0, b1), ("PDFs (4 languages)", p0, p1)):
            print(
                f"{what}: {none[0]:.2f} s with none, {many[0]:.2f} s with {COUNT} signatories "
                f"(+{many[0] - none[0]:.2f} s, x{many[0] / none[0]:.1f}); processor time {none[1]:.2f} s and "
                f"{many[1]:.2f} s (+{many[1] - none[1]:.2f} s, x{many[1] / none[1]:.1f})"
            )
        print(f"signatories page (gzip): {w0} B empty, {w1} B with {COUNT}: {(w1 - w0) / COUNT:.1f} B per signatory")
