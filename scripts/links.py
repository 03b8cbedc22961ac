"""`python -m scripts.links`: see scripts/checks/links.py."""

import sys

from scripts.checks.links import main

if __name__ == "__main__":
    sys.exit(main())
