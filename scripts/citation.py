"""`python -m scripts.citation cff` writes CITATION.cff from data/manifesto.yml; `--check` verifies it."""

from __future__ import annotations

import argparse
import sys

from scripts.checks.generated import write_or_check
from scripts.citation.cff import CFF, cff_text


def main() -> int:
    parser = argparse.ArgumentParser(description="Write or verify CITATION.cff from data/manifesto.yml.")
    parser.add_argument("what", choices=["cff"])
    parser.add_argument("--check", action="store_true", help="exit 1 when CITATION.cff is not up to date")
    args = parser.parse_args()
    return write_or_check(CFF, cff_text(), "python -m scripts.citation cff", check=args.check)


if __name__ == "__main__":
    sys.exit(main())
