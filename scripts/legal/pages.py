"""The legal pages' pieces, from data/publisher.yml: markers publisher, controller, host,
email-retention, data-protection-authority, contact, erratum, code-licence, accessibility.
A fact still unknown shows as a visible placeholder (`<mark class="mf-placeholder">`).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from scripts.core.dates import time_html
from scripts.core.links import PageContext, link
from scripts.core.manifesto import manifesto
from scripts.legal.publisher import publisher, value


def placeholder(ctx: PageContext) -> Markup:
    return Markup('<mark class="mf-placeholder">{}</mark>').format(ctx.ui["legal_placeholder"])


def shown(ctx: PageContext, fact: dict[str, Any]) -> Markup:
    known = value(fact)
    return placeholder(ctx) if known is None else escape(known)


def contact(ctx: PageContext) -> Markup:
    """The one address readers write to (data/manifesto.yml `contact`); a stand-in shows as a placeholder."""
    address = manifesto()["contact"]
    return placeholder(ctx) if address.get("placeholder") else link(f"mailto:{address['email']}", address["email"])


def web(ctx: PageContext, fact: dict[str, Any]) -> Markup:
    known = value(fact)
    return placeholder(ctx) if known is None else link(known, known)


def facts(rows: list[tuple[str, Markup]], kind: str) -> str:
    items = Markup("").join(Markup("<dt>{}</dt><dd>{}</dd>").format(term, shown) for term, shown in rows)
    return str(Markup('<dl class="mf-facts mf-{}">{}</dl>').format(kind, items))


def render_publisher(ctx: PageContext) -> str:
    """The legal notice: the details Belgian law asks of an association's website."""
    ui, association = ctx.ui, publisher()["association"]
    rows = [
        (ui["legal_name"], shown(ctx, association["name"])),
        (ui["legal_form"], shown(ctx, association["legal_form"])),
        (ui["legal_seat"], shown(ctx, association["seat"])),
        (ui["legal_enterprise_number"], shown(ctx, association["enterprise_number"])),
        (ui["legal_register"], shown(ctx, association["register"])),
        (ui["legal_email"], contact(ctx)),
    ]
    return facts(rows, "publisher")


def render_controller(ctx: PageContext) -> str:
    """Privacy: who is responsible for the personal data (the publishing association)."""
    ui, association = ctx.ui, publisher()["association"]
    rows = [
        (ui["legal_name"], shown(ctx, association["name"])),
        (ui["legal_seat"], shown(ctx, association["seat"])),
        (ui["legal_email"], contact(ctx)),
    ]
    return facts(rows, "controller")


def render_host(ctx: PageContext) -> str:
    ui, host = ctx.ui, publisher()["host"]
    rows = [
        (ui["legal_host"], shown(ctx, host["name"])),
        (ui["legal_host_address"], shown(ctx, host["address"])),
        (ui["legal_host_privacy"], web(ctx, host["privacy_url"])),
    ]
    return facts(rows, "host")


def render_retention(ctx: PageContext) -> str:
    retention = publisher()["signatures"]["email_retention"]
    return facts([(ctx.ui["legal_email_retention"], shown(ctx, retention))], "retention")


def render_authority(ctx: PageContext) -> str:
    url = publisher()["data_protection_authority"]["url"]
    return str(Markup('<p class="mf-authority">{}</p>').format(web(ctx, url)))


def render_contact(ctx: PageContext) -> str:
    """Where to write: a barrier, a request about personal data."""
    return facts([(ctx.ui["legal_email"], contact(ctx))], "contact")


def render_erratum(ctx: PageContext) -> str:
    """Where to report an error: the repository's erratum issue form, or the contact address."""
    repository = manifesto()["repository"]
    form = (
        placeholder(ctx)
        if repository.get("placeholder")
        else link(f"{repository['url'].rstrip('/')}/issues/new?template=erratum.yml", ctx.ui["legal_erratum_form"])
    )
    return facts([(ctx.ui["legal_erratum_form"], form), (ctx.ui["legal_email"], contact(ctx))], "erratum")


def render_code_licence(ctx: PageContext) -> str:
    licence = publisher()["code_licence"]
    text = ctx.ui["legal_code_licence"].format(name=licence["name"], id=licence["id"], file=licence["file"])
    return str(Markup('<p class="mf-code-licence">{}</p>').format(text))


def render_accessibility(ctx: PageContext) -> str:
    ui, statement = ctx.ui, publisher()["accessibility"]
    rows = [
        (ui["a11y_standard"], escape(statement["standard"])),
        (ui["a11y_prepared"], time_html(statement["prepared"], ctx.lang)),
        (ui["a11y_reviewed"], time_html(statement["reviewed"], ctx.lang)),
    ]
    return facts(rows, "accessibility")
