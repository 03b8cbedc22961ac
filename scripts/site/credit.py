"""The credit line on every page and in the PDF: the authors and the first publication."""

from __future__ import annotations

from typing import Any

from scripts.data.load import author_names


def credit(ui: dict[str, str], data: dict[str, Any]) -> str:
    publication = data["first_publication"]
    return ui["credit"].format(
        authors=ui["author_join"].join(author_names(data)),
        publisher=publication["publisher"],
        website=publication["website"],
        number=publication.get("number", ""),
    )
