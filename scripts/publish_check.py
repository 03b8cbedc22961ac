"""`python -m scripts.publish_check [--markdown]` (`make publish-check`): placeholders and unverified facts to settle.

Exit status: 0 when no placeholder is left (unverified facts are listed but never block), or when
ALLOW_PLACEHOLDERS=true; 1 when a placeholder is left; 2 when the data cannot be read.
"""

from __future__ import annotations

import argparse
import os
import sys

from scripts.checks.publish import as_markdown, as_text, blocking, items_to_settle
from scripts.core.load import DataError


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--markdown", action="store_true", help="a Markdown table (for a CI run's summary)")
    args = parser.parse_args()
    allowed = os.environ.get("ALLOW_PLACEHOLDERS", "").strip().lower() == "true"
    try:
        items = items_to_settle()
    except DataError as error:
        print(f"publish check could not read the data:\n{error}", file=sys.stderr)
        return 2
    print(as_markdown(items, allowed) if args.markdown else as_text(items, allowed), end="")
    return 1 if blocking(items) and not allowed else 0


if __name__ == "__main__":
    sys.exit(main())
