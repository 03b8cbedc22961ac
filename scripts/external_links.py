"""`python -m scripts.external_links`: see scripts/checks/external_links.py."""

import sys

from scripts.checks.external_links import main

if __name__ == "__main__":
    sys.exit(main())
