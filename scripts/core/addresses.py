"""Addresses in the built site: absolute ones from the public address, and the PDF's when the PDF step runs."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from scripts.core.manifesto import pdf_path


def pdf_enabled(config: MkDocsConfig) -> bool:
    """Whether the PDF step runs after this build (mkdocs.yml `extra.pdf`, from BUILD_PDF)."""
    return bool(config.extra.get("pdf"))


def pdf_url(lang: str, config: MkDocsConfig) -> str | None:
    return absolute_url(pdf_path(lang), config) if pdf_enabled(config) else None


def absolute_url(path: str, config: MkDocsConfig) -> str:
    return (config.site_url or "/").rstrip("/") + "/" + path
