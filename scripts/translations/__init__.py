"""Translations kept in step with the original: status, checks in the build, commands."""
