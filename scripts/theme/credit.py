"""The credit line on every page and in the PDF: the authors, the first publication and, on a
translation, who translated it and whether the authors have reviewed it (`translation: status:`)."""

from __future__ import annotations

from typing import Any

from scripts.core.manifesto import author_names


def credit(ui: dict[str, str], data: dict[str, Any]) -> str:
    """The authors and the first publication, in the words of docs/<lang>/interface.yml."""
    publication = data["first_publication"]
    return ui["credit"].format(
        authors=ui["author_join"].join(author_names(data)),
        publisher=publication["publisher"],
        website=publication["website"],
        number=publication.get("number", ""),
    )


def translation_credit(ui: dict[str, str], reviewed: list[str], unreviewed: list[str]) -> str:
    """Who translated (the project, by its site's name) and which parts the authors have reviewed."""
    translator = ui["site_name"]
    if not reviewed:
        return ui["credit_translation_unreviewed"].format(translator=translator)
    if not unreviewed:
        return ui["credit_translation_reviewed"].format(translator=translator)
    return ui["credit_translation_partly_reviewed"].format(translator=translator, parts=", ".join(reviewed))


def credit_line(
    ui: dict[str, str], data: dict[str, Any], original: bool, status: str | None = None, summary: bool = False
) -> str:
    """A page's credit: the original's says it is reproduced as published; a translated page, by whom and
    whether the authors reviewed it (`translation: status:`; a page without one, e.g. 404, is unreviewed);
    the easy-to-read summary, in every language, that it is the project's and not the authors' text."""
    if summary:
        return f"{credit(ui, data)} {ui['credit_easy_read'].format(translator=ui['site_name'])}"
    if original:
        return f"{credit(ui, data)} {ui['credit_original']}"
    reviewed = status == "reviewed"
    return f"{credit(ui, data)} {translation_credit(ui, ['page'] if reviewed else [], [] if reviewed else ['page'])}"
