"""How a signature arrives and becomes a file: the issue forms, the e-mail template, their parsing.

Both routes use the same field labels, taken from each language's interface strings
(docs/<lang>/interface.yml, `sig_field_*`): the issue form's `### Label` headings and the
e-mail's `Label: value` lines. Whatever arrives is checked like a file written by hand
(scripts/signatories/records.py) before anything is written.

Only what a maintainer sees is read. GitHub renders an issue's Markdown and shows neither HTML
comments nor tags nor link reference definitions: a body holding one could carry a second,
invisible copy of the form, so it is refused, as is one whose headings are not the form of the
issue's language label, each once, in order, with nothing before the first.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml

from scripts.core.languages import default_language, languages
from scripts.core.load import DataError
from scripts.core.manifesto import manifesto, original_title, text_title
from scripts.core.paths import ROOT, shown, write_atomically
from scripts.core.strings import strings
from scripts.signatories.records import (
    FOLDER,
    ID,
    TYPES,
    countries,
    domain_key,
    duplicates,
    hidden_character,
    latest_date,
    problems,
    signatories,
    slug,
)

FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"
LABEL = "signature"  # every signing issue carries it; the maintainers add an approval label
NO_RESPONSE = "_No response_"  # what GitHub writes for an empty field of an issue form
# Form field ids, their interface string and the record field they fill.
FIELDS = (
    ("name", "sig_field_name"),
    ("type", "sig_field_type"),
    ("city", "sig_field_city"),
    ("country", "sig_field_country"),
    ("website", "sig_field_website"),
    ("statement", "sig_field_statement"),
    ("statement_lang", "sig_field_statement_lang"),
)
CONFIRM = ("confirm", "sig_field_confirm")
CHECKED = re.compile(r"^- \[[xX]\] \S")
# Markup that GitHub does not show as written: an HTML tag, comment (<!-- … -->), declaration or
# processing instruction; a link reference definition (`[x]: https://…` at a line's start).
HIDDEN_MARKUP = (
    (re.compile(r"<[A-Za-z/!?]"), "an HTML tag or comment, which GitHub does not show"),
    (re.compile(r"^ {0,3}\[[^\]]+\]:", re.MULTILINE), "a link reference definition, which GitHub does not show"),
)


class InputError(DataError):
    """A submission that cannot become a signatory; the message says what to fix."""


def form_path(lang: str) -> Path:
    return FORMS / f"sign-{lang}.yml"


def type_labels(lang: str) -> dict[str, str]:
    ui = strings(lang)
    return {kind: ui[f"sig_type_{kind}"] for kind in TYPES}


def issue_form(lang: str) -> str:
    """The issue form of one language, as GitHub reads it from .github/ISSUE_TEMPLATE/."""
    ui = strings(lang)
    labels = type_labels(lang)

    def field(field_id: str, key: str, kind: str = "input", required: bool = True, **attributes: Any) -> dict:
        return {
            "type": kind,
            "id": field_id,
            "attributes": {"label": ui[key], **attributes},
            "validations": {"required": required},
        }

    body = [
        {"type": "markdown", "attributes": {"value": ui["sig_form_description"].format(title=text_title(lang))}},
        field("name", "sig_field_name"),
        field("type", "sig_field_type", "dropdown", options=list(labels.values())),
        field("city", "sig_field_city"),
        field("country", "sig_field_country", "dropdown", options=country_options(lang)),
        field("website", "sig_field_website", placeholder="https://"),
        field("statement", "sig_field_statement", "textarea", required=False),
        field("statement_lang", "sig_field_statement_lang", required=False, placeholder=lang),
        {
            "type": "checkboxes",
            "id": "confirm",
            "attributes": {
                "label": ui["sig_field_confirm"],
                "options": [{"label": ui["sig_form_confirm_option"], "required": True}],
            },
        },
    ]
    form = {
        "name": ui["sig_home_cosign"] + f" ({lang})",
        "description": ui["sig_mail_subject"],
        "title": ui["sig_form_title"],
        "labels": [LABEL, f"lang-{lang}"],
        "body": body,
    }
    head = f"# Generated from docs/{lang}/interface.yml by `python -m scripts signatories forms`; do not edit.\n"
    return head + yaml.safe_dump(form, allow_unicode=True, sort_keys=False, width=1000)


def country_options(lang: str) -> list[str]:
    """Every country as the form lists it, "Belgique (BE)", in the language's alphabetical order."""
    from pyuca import Collator  # the list page's collation (page.py), imported here only for the forms

    names, collator = countries(lang), Collator()
    return [f"{names[code]} ({code})" for code in sorted(names, key=lambda c: collator.sort_key(names[c]))]


def mail_body(lang: str) -> str:
    """The e-mail template of one language: an introduction, the kinds, then one `Label: ` line per field."""
    ui = strings(lang)
    if lang == default_language():
        intro = ui["sig_mail_intro"].format(title=text_title(lang))
    else:  # a translation's e-mail names the original too
        intro = ui["sig_mail_intro_translated"].format(title=text_title(lang), original=original_title())
    lines = [intro, "", ui["sig_mail_types"].format(types=", ".join(type_labels(lang).values())), ""]
    lines += [f"{ui[key]}: " for _, key in FIELDS]
    return "\n".join(lines) + "\n"


def mailto(lang: str) -> str:
    contact = manifesto()["contact"]["email"]
    subject = strings(lang)["sig_mail_subject"]
    # RFC 6068: line breaks in a mailto body are CRLF.
    return (
        f"mailto:{contact}?subject={quote(subject)}&body={quote(mail_body(lang).replace(chr(10), chr(13) + chr(10)))}"
    )


def issue_url(lang: str) -> str:
    return f"{manifesto()['repository']['url']}/issues/new?template={form_path(lang).name}"


def _clean(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


def hidden_content(body: str) -> str | None:
    """What in a body a maintainer would not see on GitHub, described for the fix, or None."""
    for pattern, what in HIDDEN_MARKUP:
        if found := pattern.search(body):
            line = body.count("\n", 0, found.start()) + 1
            return f"line {line} holds {what}"
    for line_number, line in enumerate(body.split("\n"), 1):
        if found := hidden_character(line.replace("\t", " ")):
            return f"line {line_number} holds the invisible character {found}"
    return None


def all_headings() -> set[str]:
    """Every signing form's headings, in every language: one of them twice means a second copy of a form."""
    return {f"### {strings(lang)[key]}" for lang in languages(built_only=False) for _, key in [*FIELDS, CONFIRM]}


def parse_issue(body: str, lang: str) -> dict[str, str]:
    """The answers of an issue-form body in its language; InputError unless it is exactly that form.

    The form's headings, each exactly once and in order, with nothing before the first; a heading of
    any signing form elsewhere, or any heading after the last, means a second form, and is refused.
    """
    ui = strings(lang)
    fields = [*FIELDS, CONFIRM]
    expected = [f"### {ui[key]}" for _, key in fields]
    others = all_headings() - set(expected)
    lines = body.replace("\r\n", "\n").split("\n")
    starts: list[int] = []
    for number, line in enumerate(lines):
        text = line.strip()
        if text in others or (text in expected and text in (lines[i].strip() for i in starts)):
            raise InputError(
                f"line {number + 1}: «{text}» is a heading of another signing form "
                f"or of a second copy of this one. {RESUBMIT}"
            )
        if len(starts) < len(expected) and text == expected[len(starts)]:
            starts.append(number)
        elif not starts and text:
            raise InputError(f"line {number + 1}: text before the form's first heading. {RESUBMIT}")
        elif len(starts) == len(expected) and text.startswith("#"):
            raise InputError(f"line {number + 1}: a heading after the form's last one. {RESUBMIT}")
    if len(starts) < len(expected):
        missing = expected[len(starts)].removeprefix("### ")
        raise InputError(f"the heading «{missing}» of the {lang} signing form is missing. {RESUBMIT}")
    answers: dict[str, str] = {}
    for n, (field_id, _) in enumerate(fields):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        value = "\n".join(lines[starts[n] + 1 : end]).strip()
        answers[field_id] = "" if value == NO_RESPONSE else value
    return answers


RESUBMIT = (
    "Fix: open a new issue with the unchanged signing form of the issue's language (the signing page links to it)."
)


def parse_mail(body: str, lang: str) -> dict[str, str] | None:
    """The answers of an e-mail written on the template, or None when its labels are not all there."""
    ui = strings(lang)
    # Longest first: a label may hold a colon of its own ("… (code : fr, nl, en, de…)").
    labels = sorted(((ui[key] + ":", field_id) for field_id, key in FIELDS), key=lambda pair: -len(pair[0]))
    answers: dict[str, str] = {}
    current: str | None = None
    for raw in body.replace("\r\n", "\n").split("\n"):
        line = raw.removeprefix("> ").strip()  # a reply may quote the template
        field_id = next((f for label, f in labels if line.casefold().startswith(label.casefold())), None)
        if field_id and field_id not in answers:
            label = next(label for label, f in labels if f == field_id)
            current, answers[field_id] = field_id, line[len(label) :].strip()
        elif current == "statement" and line:  # only the statement may run over several lines
            answers["statement"] = f"{answers['statement']} {line}".strip()
    if set(answers) != {field_id for field_id, _ in FIELDS}:
        return None
    answers["confirm"] = "x"  # sent from the organisation's address: verified by reply, not by a box
    return answers


@dataclass(frozen=True)
class Submission:
    lang: str
    answers: dict[str, str]


def parse(body: str, route: str, lang: str | None = None) -> Submission:
    """The answers of a body: an issue in its label's language only; an e-mail in the language of its labels."""
    if hidden := hidden_content(body):
        raise InputError(f"{hidden}. Fix: remove it, or open a new issue with the unchanged form.")
    if route == "issue":
        if lang not in languages(built_only=False):
            known = ", ".join(f"lang-{code}" for code in languages(built_only=False))
            raise InputError(f"the issue has no language label. Fix: give it one of {known} (its form's language).")
        return Submission(lang, parse_issue(body, lang))
    for candidate in languages(built_only=False):
        answers = parse_mail(body, candidate)
        if answers is not None:
            return Submission(candidate, answers)
    raise InputError(
        "the text does not have all the `Label: value` lines of the template in any language. "
        "Fix: submit it with the unchanged e-mail template (the signing page links to it)."
    )


def country_code(answer: str) -> str:
    """A country as its ISO code, from the form's choice ("Belgique (BE)"), a code, or its name in a site language."""
    if found := re.fullmatch(r".*\(([A-Z]{2})\)", answer):
        return found.group(1)
    if answer.upper() in countries():
        return answer.upper()
    names = {name.casefold(): code for lang in languages(built_only=False) for code, name in countries(lang).items()}
    return names.get(answer.casefold(), answer)


def record_from(submission: Submission, signed: str, verified_by: str, verified_on: str, note: str) -> dict[str, Any]:
    answers = {k: _clean(v) for k, v in submission.answers.items()}
    kinds = {
        label.casefold(): kind for lang in languages(built_only=False) for kind, label in type_labels(lang).items()
    }
    kinds.update({kind: kind for kind in TYPES})
    record: dict[str, Any] = {
        "name": answers["name"],
        "type": kinds.get(answers["type"].casefold(), answers["type"]),
        "city": answers["city"],
        "country": country_code(answers["country"]),
        "website": answers["website"],
        "signed": signed,
        "version": manifesto()["edition"]["version"],
    }
    if answers.get("statement"):
        record["statement"] = {
            "text": " ".join(answers["statement"].split()),
            "lang": answers.get("statement_lang") or submission.lang,
        }
    record["verification"] = {"method": verified_by, "date": verified_on}
    if note:
        record["verification"]["note"] = _clean(note)
    return record


LABELS = {
    "name": "sig_field_name",
    "type": "sig_field_type",
    "city": "sig_field_city",
    "country": "sig_field_country",
    "website": "sig_field_website",
    "statement": "sig_field_statement",
}


def field_label(ui: dict[str, str], path: tuple[str | int, ...]) -> str:
    """A problem's place as the submitter saw it: the form's label, else the data's field."""
    first = str(path[0]) if path else ""
    return ui[LABELS[first]] if first in LABELS else "/".join(map(str, path)) or "(form)"


def add(
    body: str,
    route: str,
    signed: str,
    verified_by: str,
    verified_on: str,
    note: str = "",
    folder: Path = FOLDER,
    lang: str | None = None,
    correct: bool = False,
) -> Path:
    """Check a submission against the same rules as every file, then write it; nothing is written on error.

    `lang`: an issue's language label (lang-xx), whose form alone is read. `correct`: an organisation
    already listed with the same website domain corrects its entry (see corrected).
    """
    submission = parse(body, route, lang)
    ui = strings(submission.lang)
    if route == "issue" and not CHECKED.match(submission.answers.get("confirm", "")):
        raise InputError(f"«{ui['sig_field_confirm']}»: the box is not ticked. Fix: ask the organisation to confirm.")
    record = record_from(submission, signed, verified_by, verified_on, note)
    # The file is written today and committed at once: today's date (plus a day) is the latest allowed.
    found = problems(record, latest=latest_date_for_intake())
    if found:
        raise InputError("\n".join(f"«{field_label(ui, path)}»: {message}" for path, message in found))
    existing = signatories(folder)
    if correct and (listed := same_site(record, existing)):
        return corrected(record, listed, existing, folder)
    ident = slug(record["name"], record["website"])
    taken = {r["id"] for r in existing}
    base, n = ident, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    path = folder / f"{ident}.yml"
    # The one duplicate check, as `check` and the build run it, with the new record last.
    others = [(folder / f"{r['id']}.yml", r) for r in existing]
    if same := duplicates([*others, (path, {"id": ident, **record})]):
        raise InputError(
            f"«{record['name']}» has already signed: {same[0]} To correct a listed entry, the submission "
            "must give the same website (the organisation's identity, verified through it): --correct."
        )
    write_atomically(path, signatory_yaml(record))
    return path


def same_site(record: dict[str, Any], existing: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The listed organisation with the record's website domain, if any."""
    return next((r for r in existing if domain_key(r["website"]) == domain_key(record["website"])), None)


def corrected(record: dict[str, Any], listed: dict[str, Any], existing: list[dict[str, Any]], folder: Path) -> Path:
    """The listed entry replaced by the whole new submission: same file (so the same id and address on the
    list), same signing date and version (a correction does not sign again), this verification. The
    website domain, through which the organisation was verified, stays; the other checks are those of a
    new signature, against every other file."""
    record = {**record, "signed": listed["signed"], "version": listed["version"]}
    path = folder / f"{listed['id']}.yml"
    others = [(folder / f"{r['id']}.yml", r) for r in existing if r["id"] != listed["id"]]
    if same := duplicates([*others, (path, {"id": listed["id"], **record})]):
        raise InputError(f"«{record['name']}» is another listed organisation's: {same[0]}")
    write_atomically(path, signatory_yaml(record))
    return path


def latest_date_for_intake() -> datetime.date:
    return max(latest_date(), datetime.datetime.now(datetime.UTC).date() + datetime.timedelta(days=1))


def signatory_yaml(record: dict[str, Any]) -> str:
    head = "# A co-signing organisation. Schema: data/schemas/signatory.schema.json.\n"
    # safe_dump quotes whatever YAML would read otherwise (": ", "---", "{{", dates, versions).
    return head + yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=1000)


def withdraw(ident: str, folder: Path = FOLDER) -> Path:
    """Remove one signatory's file; only an id names one, so no other file can be reached."""
    known = ", ".join(p.stem for p in sorted(folder.glob("*.yml"))) or "none"
    if not ID.fullmatch(ident):
        raise InputError(f"«{ident}» is not a signatory's id. Fix: give one of these ids: {known}.")
    path = folder / f"{ident}.yml"
    if path.is_symlink() or not path.is_file():
        raise InputError(f"{shown(path)}: no such signatory. Fix: give one of these ids: {known}.")
    path.unlink()
    return path
