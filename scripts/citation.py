"""`python -m scripts.citation cff` writes CITATION.cff from data/manifesto.yml; `--check` verifies it."""

from __future__ import annotations

import argparse
import sys

from scripts.site.citation import CFF, cff_text


def main() -> int:
    parser = argparse.ArgumentParser(description="Write or verify CITATION.cff from data/manifesto.yml.")
    parser.add_argument("what", choices=["cff"])
    parser.add_argument("--check", action="store_true", help="exit 1 when CITATION.cff is not up to date")
    args = parser.parse_args()
    expected = cff_text()
    if args.check:
        if not CFF.is_file() or CFF.read_text(encoding="utf-8") != expected:
            print("CITATION.cff is not up to date. Fix: python -m scripts.citation cff", file=sys.stderr)
            return 1
        return 0
    CFF.write_text(expected, encoding="utf-8")
    print(f"wrote {CFF.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
