"""The Python that builds, checks and publishes the site: one package per concern (scripts/README.md)."""
