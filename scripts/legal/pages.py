"""The legal pages' pieces, from data/publisher.yml and data/manifesto.yml: markers publisher,
controller, host, email-retention, legal-bases, transfer, data-protection-authority, contact,
erratum, code-licence, accessibility, text-rights, permission.
A fact still unknown shows as a visible placeholder (`<mark class="mf-placeholder">`).
"""

from __future__ import annotations

from typing import Any

from babel import Locale
from markupsafe import Markup, escape

from scripts.core.dates import locale_of, localized_date, time_html
from scripts.core.languages import default_language
from scripts.core.links import UNCITED, PageContext, link
from scripts.core.manifesto import author_names, manifesto, original_title, text_title
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


def country_name(code: str, lang: str) -> str:
    """A country as the page's language names it (CLDR, via Babel): "États-Unis", "Verenigde Staten"."""
    return Locale.parse(locale_of(lang)).territories.get(code, code)


def render_host(ctx: PageContext) -> str:
    ui, host = ctx.ui, publisher()["host"]
    address = value(host["address"])
    where = placeholder(ctx) if address is None else escape(f"{address}, {country_name(host['country'], ctx.lang)}")
    rows = [
        (ui["legal_host"], shown(ctx, host["name"])),
        (ui["legal_host_address"], where),
        (ui["legal_host_privacy"], web(ctx, host["privacy_url"])),
    ]
    return facts(rows, "host")


def render_retention(ctx: PageContext) -> str:
    """What only the association can say: how long it keeps signature e-mails and handled issues."""
    signatures = publisher()["signatures"]
    rows = [
        (ctx.ui["legal_email_retention"], shown(ctx, signatures["email_retention"])),
        (ctx.ui["legal_issue_retention"], shown(ctx, signatures["issue_retention"])),
    ]
    return facts(rows, "retention")


def render_legal_bases(ctx: PageContext) -> str:
    """GDPR art. 13(1)(c): each processing with its legal basis; a basis the controller has not yet
    confirmed shows as proposed, beside a placeholder mark."""
    rows = []
    for purpose, basis in publisher()["privacy"]["legal_bases"].items():
        known = value(basis)
        said = escape(ctx.ui[f"privacy_basis_{known or basis['proposed']}"])
        if known is None:
            said = Markup("{} ({}) {}").format(said, ctx.ui["privacy_basis_proposed"], placeholder(ctx))
        rows.append((ctx.ui[f"privacy_purpose_{purpose}"], said))
    return facts(rows, "legal-bases")


def render_transfer(ctx: PageContext) -> str:
    """GDPR art. 13(1)(e) and (f): who else receives the data, and the transfer to the host's country."""
    privacy, host = publisher()["privacy"], publisher()["host"]
    rows = [
        (ctx.ui["legal_email_provider"], shown(ctx, privacy["email_provider"])),
        (ctx.ui["legal_host"], shown(ctx, host["name"])),
        (ctx.ui["legal_transfer_country"], escape(country_name(host["country"], ctx.lang))),
        (ctx.ui["legal_transfer_safeguard"], shown(ctx, privacy["transfer_safeguard"])),
    ]
    return facts(rows, "transfer")


def render_authority(ctx: PageContext) -> str:
    """The data-protection authority, at its own pages in the reader's language when it has them."""
    authority = publisher()["data_protection_authority"]
    known = value(authority.get("url_in", {}).get(ctx.lang, authority["url"]))
    # Each language links the authority's own pages: a service's link, not a reference the translations share.
    shown_link = placeholder(ctx) if known is None else link(known, known, class_=UNCITED)
    return str(Markup('<p class="mf-authority">{}</p>').format(shown_link))


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
    text = ctx.ui["legal_code_licence"].format(id=licence["id"], file=licence["file"])
    return str(Markup('<p class="mf-code-licence">{}</p>').format(text))


def render_accessibility(ctx: PageContext) -> str:
    ui, statement = ctx.ui, publisher()["accessibility"]
    rows = [
        (ui["a11y_standard"], escape(statement["standard"])),
        (ui["a11y_prepared"], time_html(statement["prepared"], ctx.lang)),
        (ui["a11y_reviewed"], time_html(statement["reviewed"], ctx.lang)),
    ]
    return facts(rows, "accessibility")


def render_text_rights(ctx: PageContext) -> str:
    """Whose work the text is, under its title in the page's language (never typed a second time)."""
    authors = ctx.ui["author_join"].join(author_names())
    title = text_title(ctx.lang)
    if ctx.lang == default_language(ctx.config):
        text = ctx.ui["legal_text_work"].format(title=title, authors=authors)
    else:  # a translated page names the original too
        text = ctx.ui["legal_text_work_translated"].format(title=title, original=original_title(), authors=authors)
    return str(Markup('<p class="mf-text-rights">{}</p>').format(text))


def render_permission(ctx: PageContext) -> str:
    """On what basis the site reproduces, translates and prints the text: the authors' written
    permission once recorded (data/manifesto.yml `permission`), a visible placeholder until then."""
    permission = manifesto()["permission"]
    if permission.get("placeholder"):
        said = Markup("{} {}").format(ctx.ui["legal_permission_missing"], placeholder(ctx))
    else:
        said = escape(
            ctx.ui["legal_permission_given"].format(
                names=ctx.ui["author_join"].join(permission["given_by"]),
                date=localized_date(permission["date"], ctx.lang),
                uses=", ".join(ctx.ui[f"permission_use_{use}"] for use in permission["uses"]),
                record=permission["record"],
            )
        )
    return str(Markup('<p class="mf-permission">{}</p>').format(said))


def render_drive(ctx: PageContext) -> str:
    """Whose the co-signing drive is: the publisher's, with the authors' agreement once recorded."""
    permission = manifesto()["permission"]
    if permission.get("placeholder") or "cosigning" not in permission["uses"]:
        agreement = Markup("{} {}").format(ctx.ui["drive_unrecorded"], placeholder(ctx))
    else:
        agreement = escape(ctx.ui["drive_agreed"].format(date=localized_date(permission["date"], ctx.lang)))
    return str(Markup('<p class="mf-drive">{} {}</p>').format(ctx.ui["drive_publisher"], agreement))


def render_enforcement(ctx: PageContext) -> str:
    """The accessibility statement's enforcement procedure: where to turn (Unia)."""
    return str(
        Markup('<p class="mf-enforcement">{}</p>').format(web(ctx, publisher()["accessibility"]["enforcement_url"]))
    )
