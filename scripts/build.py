"""Build the site into site/ (or the folder given with --site-dir), in strict mode, then its PDFs.

`python -m scripts build [--site-dir DIR] [--no-pdf] [--deploy]` (`make build`). The command is
registered here, beside build_site() which the tests and the bench import, and not in a package's
commands.py: scripts/__main__.py imports this module by name (OUTSIDE_PACKAGES).

The PDF step (scripts/editions/pdf.py) reads the pages mkdocs has just built. Skip it for a quick
build with --no-pdf or BUILD_PDF=false: the pages then carry no link to a PDF.

A build for deployment (--deploy or DEPLOY=true) refuses to start unless SITE_URL is a public
address: without it, every absolute link, the sitemap and the PDFs' colophon would point
readers to the local preview.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from scripts.core.commands import command, parser
from scripts.core.paths import ROOT

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}


class DeployError(Exception):
    """A deployment build asked for without a public address."""


def check_deploy_address(site_url: str | None) -> str:
    """The public address a deployment is built for; DeployError when it is missing or local."""
    fix = "Fix: set SITE_URL to the public address, e.g. SITE_URL=https://example.org/manifesto/ (trailing slash)."
    if not site_url or not site_url.strip():
        raise DeployError(f"SITE_URL is not set, so the site would be built for the local preview. {fix}")
    parts = urlsplit(site_url.strip())
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        raise DeployError(f"SITE_URL={site_url!r} is not an http(s) address. {fix}")
    if host in LOCAL_HOSTS or host.startswith("127.") or host.endswith(".localhost"):
        raise DeployError(f"SITE_URL={site_url!r} is the local preview, not a public address. {fix}")
    if parts.scheme != "https":
        # Every absolute link, the canonical addresses and the PDFs' colophon would send readers to a
        # page anyone on their network can change (the signatories list among them).
        raise DeployError(f"SITE_URL={site_url!r} is not https://. Fix: serve the site over HTTPS, give that address.")
    return site_url.strip()


def build_site(site_dir: Path, *, pdf: bool = True, deploy: bool = False) -> None:
    """mkdocs in strict mode into `site_dir`, then the editions made from its pages (the PDFs when `pdf`)."""
    # BUILD_PDF tells the pages (mkdocs.yml extra.pdf) whether a PDF will be there to link to.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), "BUILD_PDF": str(pdf).lower()}
    if deploy:  # --deploy as DEPLOY=true: the data may then take the repository's address from GitHub Actions
        env["DEPLOY"] = "true"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    # Then the editions made from the built pages, side by side: preview images, and the PDFs when asked.
    from scripts.editions.make import make_editions

    make_editions(site_dir, pdf=pdf)


def build_arguments() -> argparse.ArgumentParser:
    """The build's options; BUILD_PDF and DEPLOY in the environment set their defaults."""
    arguments = parser("build", __doc__.split("\n", 1)[0])
    arguments.add_argument("--site-dir", type=Path, default=ROOT / "site", help="where to build (default site/)")
    arguments.add_argument(
        "--no-pdf",
        dest="pdf",
        action="store_false",
        default=os.environ.get("BUILD_PDF", "true").lower() not in ("false", "0", "no"),
        help="skip the PDFs (also BUILD_PDF=false)",
    )
    arguments.add_argument(
        "--deploy",
        action="store_true",
        default=os.environ.get("DEPLOY", "").strip().lower() in ("true", "1", "yes"),
        help="a build for deployment: stop unless SITE_URL is a public address (also DEPLOY=true)",
    )
    return arguments


@command("build", "the site in strict mode, then one PDF per language (--no-pdf: the site alone)")
def build(argv: list[str]) -> int:
    """Exit 0 when the site (and its PDFs) is built; 1 when the build, the PDF step or a deployment's address fails."""
    args = build_arguments().parse_args(argv)
    if args.deploy:
        try:
            check_deploy_address(os.environ.get("SITE_URL"))
        except DeployError as error:
            print(f"build for deployment refused: {error}", file=sys.stderr)
            return 1
    from scripts.core.load import DataError
    from scripts.editions.print_html import PrintError

    try:
        build_site(args.site_dir.resolve(), pdf=args.pdf, deploy=args.deploy)
    except subprocess.CalledProcessError as error:
        print(f"build failed (exit {error.returncode}): see the messages above", file=sys.stderr)
        return 1
    except (PrintError, DataError) as error:
        print(f"PDF step failed: {error}", file=sys.stderr)
        return 1
    return 0
