"""`python -m scripts.privacy`: see scripts/checks/privacy.py."""

import sys

from scripts.checks.privacy import main

if __name__ == "__main__":
    sys.exit(main())
