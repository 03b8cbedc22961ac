"""Organisations co-sign: the tool turns a signing issue or e-mail into a checked file, bad input is
refused or made inert, and a build with three fixture organisations shows them on every page,
export and PDF. Fixtures live in tests/fixtures/signatories/ and are used in copies of the project."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from projects import build_project, copy_project

from scripts.core.load import DataError
from scripts.core.strings import strings
from scripts.signatories.export import csv_text
from scripts.signatories.intake import InputError, add, form_path, issue_form, mail_body, withdraw
from scripts.signatories.page import _entry, sorted_by_name
from scripts.signatories.records import hidden_character, name_key, problems, signatories

from conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "signatories"
CONFIRMED = "- [X] ok"


def issue_body(**answers: str) -> str:
    """A French signing issue as GitHub writes it (headings are the form's labels)."""
    fields = {
        "Nom de l’organisation": answers.get("name", "Le Maillon asbl"),
        "Type d’organisation": answers.get("type", "Associations"),
        "Ville du siège": answers.get("city", "Namur"),
        "Pays": answers.get("country", "Belgique"),
        "Site web": answers.get("website", "https://le-maillon.example/"),
        "Déclaration (facultative, 280 caractères au plus)": answers.get("statement", "_No response_"),
        "Langue de la déclaration (code : fr, nl, en, de…)": answers.get("lang", "_No response_"),
        "Confirmation": answers.get("confirm", CONFIRMED),
    }
    return "\n\n".join(f"### {label}\n\n{value}" for label, value in fields.items()) + "\n"


def add_issue(folder: Path, **answers: str) -> Path:
    return add(
        issue_body(**answers),
        "issue",
        "2026-01-01",
        "reply_from_public_address",
        "2026-01-02",
        folder=folder,
        lang="fr",
    )


def test_issue_form_becomes_a_file_that_passes_the_checks(tmp_path: Path) -> None:
    path = add_issue(tmp_path, statement="Nous signons.\n### pas un titre\n---", lang="fr")
    assert path.name == "le-maillon.yml"
    [record] = signatories(tmp_path)
    assert record["name"] == "Le Maillon asbl" and record["type"] == "association"
    assert record["statement"] == {"text": "Nous signons. ### pas un titre ---", "lang": "fr"}
    assert record["version"] == "1.0" and record["verification"]["method"] == "reply_from_public_address"
    assert record["country"] == "BE"  # "Belgique", stored as its code


def test_mail_on_the_template_becomes_a_file(tmp_path: Path) -> None:
    body = mail_body("en")
    for label, value in (
        ("Name of the organisation: ", "+Solidarité"),
        ("Type of organisation: ", "Trade unions"),
        ("Town or city of its registered office: ", "Liège"),
        ("Country: ", "Belgium"),
        ("Website: ", "https://solidarite.example"),
        ("Statement (optional, 280 characters at most): ", "We sign\nwith conviction."),
    ):
        body = body.replace(label, label + value, 1)
    add(body, "mail", "2026-01-01", "statement_on_website", "2026-01-02", folder=tmp_path)
    [record] = signatories(tmp_path)
    assert record["name"] == "+Solidarité" and record["type"] == "trade_union"
    assert record["statement"] == {"text": "We sign with conviction.", "lang": "en"}


BAD_INPUT = [
    ({"website": "javascript:alert(1)"}, "Site web"),
    ({"website": "ftp://le-maillon.example/"}, "Site web"),
    ({"website": "https://user@le-maillon.example/"}, "Site web"),
    ({"name": "Le Maillon\u202e lbsa"}, "U+202E"),
    ({"city": "Na\u200bmur"}, "U+200B"),
    ({"name": "Le\x07 Maillon"}, "U+0007"),
    ({"name": "x" * 121}, "is too long"),
    ({"statement": "y" * 281}, "is too long"),
    ({"statement": "Écrivez à marie.dupont@example.org"}, "e-mail address"),
    ({"statement": "Appelez le +32 81 12 34 56"}, "phone number"),
    ({"type": "Personne"}, "Type d’organisation"),
    ({"statement": "Oui.", "lang": "français"}, "lang"),
    ({"confirm": "- [ ] ok"}, "not ticked"),
]


@pytest.mark.parametrize(("answers", "named"), BAD_INPUT, ids=[str(a)[:40] for a, _ in BAD_INPUT])
def test_bad_input_is_refused_with_what_to_fix_and_nothing_is_written(
    tmp_path: Path, answers: dict[str, str], named: str
) -> None:
    with pytest.raises(InputError) as refused:
        add_issue(tmp_path, **answers)
    assert named in str(refused.value) and "Fix" in str(refused.value)
    assert not list(tmp_path.iterdir())


def test_a_body_without_the_form_s_headings_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unchanged signing form"):
        add("Hello, we sign! Le Maillon", "issue", "2026-01-01", "other", "2026-01-01", folder=tmp_path, lang="fr")


@pytest.mark.parametrize(
    "duplicate",
    [
        {"name": "LE MAILLON A.S.B.L.", "website": "https://other.example/"},
        {"name": "Le Maillon, vzw", "website": "https://other.example/"},
        {"name": "Lé Maîllon!", "website": "https://other.example/"},
        {"name": "Autre nom", "website": "https://www.le-maillon.example/signer"},
    ],
)
def test_duplicates_are_refused(tmp_path: Path, duplicate: dict[str, str]) -> None:
    add_issue(tmp_path)
    with pytest.raises(InputError, match="has already signed"):
        add_issue(tmp_path, **duplicate)
    assert [p.name for p in tmp_path.glob("*.yml")] == ["le-maillon.yml"]


def test_a_duplicate_written_by_hand_stops_the_check_naming_both_files(tmp_path: Path) -> None:
    add_issue(tmp_path)
    text = (tmp_path / "le-maillon.yml").read_text(encoding="utf-8").replace("Le Maillon asbl", "Le Maillon e.V.")
    (tmp_path / "maillon-bis.yml").write_text(text.replace("le-maillon.example", "bis.example"), encoding="utf-8")
    with pytest.raises(DataError) as stopped:
        signatories(tmp_path)
    assert "maillon-bis.yml:1: same name as" in str(stopped.value) and "le-maillon.yml" in str(stopped.value)


def test_a_file_written_by_hand_gets_file_line_and_fix(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "zorgnetwerk.yml", tmp_path / "zorgnetwerk.yml")
    text = (tmp_path / "zorgnetwerk.yml").read_text(encoding="utf-8")
    (tmp_path / "zorgnetwerk.yml").write_text(
        text.replace("website: https://zorgnetwerk.example/", "website: javascript:alert(1)\nemail: a@b.be"),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as stopped:
        signatories(tmp_path)
    message = str(stopped.value)
    assert "zorgnetwerk.yml:6: website:" in message and "Fix:" in message
    assert "'email' was unexpected" in message  # no personal data field


def test_withdraw_removes_the_file_and_names_the_known_ids_otherwise(tmp_path: Path) -> None:
    add_issue(tmp_path)
    with pytest.raises(InputError, match="le-maillon"):
        withdraw("maillon", tmp_path)
    withdraw("le-maillon", tmp_path)
    assert signatories(tmp_path) == []


def test_names_compare_without_case_accents_punctuation_or_legal_form() -> None:
    assert name_key("Le Maillon A.S.B.L.") == name_key("le maillon") == name_key("LÉ MAÎLLON vzw")
    assert name_key("Solidarität e.V.") == name_key("solidaritat")


def test_csv_neutralises_formulas_only_in_the_csv() -> None:
    records = signatories(FIXTURES)
    rows = list(csv.reader(io.StringIO(csv_text(records))))
    assert rows[0][:3] == ["id", "name", "type"]
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert "'+Solidarität Ostbelgien" in cells and "'@Zorgnetwerk Antwerpen vzw" in cells
    assert csv_text(records).count("\r\n") == 4  # RFC 4180: CRLF after each record


def test_collation_sorts_accents_with_their_letter() -> None:
    names = ["Zèbre", "Église", "ebène", "Eau", "Ecole"]
    records = [{"id": str(n), "name": name} for n, name in enumerate(names)]
    assert [r["name"] for r in sorted_by_name(records, "fr")] == ["Eau", "ebène", "Ecole", "Église", "Zèbre"]


def test_issue_forms_are_up_to_date() -> None:
    for lang in ("fr", "nl", "en", "de"):
        assert form_path(lang).read_text(encoding="utf-8") == issue_form(lang), (
            f"{form_path(lang)}: not up to date. Fix: python -m scripts signatories forms"
        )


# Latin letters (one script: a word mixing scripts is refused), and any punctuation, symbol or digit.
TEXT = st.text(
    st.characters(max_codepoint=0x24F, blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))
    | st.characters(whitelist_categories=("Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Nd")),
    min_size=2,
    max_size=80,
).map(str.strip)


# Most generated values are accepted: were the checks to refuse them all, `assume` would fail the test
# (a filter health check) rather than let it pass having asserted nothing.
@settings(max_examples=150)
@given(name=TEXT, city=TEXT, statement=TEXT)
@example(name='Écoute & "Liens" <script>alert(1)</script>', city="<b>Namur</b>", statement="<img src=x> '")
def test_whatever_is_accepted_comes_out_escaped_in_the_html(name: str, city: str, statement: str) -> None:
    record = {
        "name": name,
        "type": "association",
        "city": city or "x",
        "country": "BE",
        "website": "https://x.example/",
        "signed": "2026-01-01",
        "version": "1.0",
        "statement": {"text": statement or "x", "lang": "fr"},
        "verification": {"method": "other", "date": "2026-01-01"},
    }
    assume(not problems(record))
    html = str(_entry({"id": "x", **record}, strings("fr"), None, "fr"))
    li = BeautifulSoup(html, "html.parser").li
    assert li is not None and li.b.get_text() == name  # type: ignore[union-attr]
    assert li.blockquote.get_text() == record["statement"]["text"]  # type: ignore[union-attr]
    assert [tag.name for tag in li.find_all(True)] == ["b", "span", "a", "time", "span", "time", "blockquote"]
    assert hidden_character(html) is None


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("signed"))
    for fixture in FIXTURES.glob("*.yml"):
        shutil.copy(fixture, project / "data" / "signatories")
    site = project / "site"
    result = build_project(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def test_fixture_build_lists_three_organisations_escaped_in_every_language(fixture_site: Path) -> None:
    for prefix in ("", "nl/", "en/", "de/"):
        soup = BeautifulSoup((fixture_site / prefix / "signataires" / "index.html").read_text("utf-8"), "lxml")
        names = [b.get_text() for b in soup.select(".mf-signatories b")]
        assert names == [
            "Écoute & Liens <script>alert(1)</script> asbl",
            "+Solidarität Ostbelgien",
            "@Zorgnetwerk Antwerpen vzw",
        ]
        assert not soup.select(".mf-signatories script, [onmouseover]")
        assert not soup.select('.mf-signatories a[href^="javascript"]')
        assert soup.select_one('.mf-signatories blockquote[lang="de"]') is not None
        assert len(soup.select(".mf-sig-index a")) == 6  # three types, one letter each
    home = (fixture_site / "index.html").read_text("utf-8")
    assert "3 organisations ont cosigné le manifeste." in home
    exported = json.loads((fixture_site / "signatories.json").read_text("utf-8"))
    assert exported["count"] == 3 and exported["signatories"][0]["name"].startswith("Écoute & Liens <script>")


def test_empty_list_invites_the_first_organisation(site: Path) -> None:
    soup = BeautifulSoup((site / "en" / "signataires" / "index.html").read_text("utf-8"), "lxml")
    assert "No organisation has co-signed the manifesto yet." in soup.select_one(".mf-sig-count").get_text()
    assert soup.select_one(".mf-sig-empty a")["href"] == "../signer/"
    assert "These organisations co-sign" not in soup.get_text()  # no claim of any signatory
    sign = BeautifulSoup((site / "en" / "signer" / "index.html").read_text("utf-8"), "lxml")
    # The contact is a placeholder: a message sent to it would be lost, so the e-mail route is not a link.
    ways = sign.select_one(".mf-sign-ways")
    assert not ways.select('a[href^="mailto:"]')
    assert "not open yet" in ways.get_text() and "provisional address" in ways.get_text()
    assert sign.select_one("img[src^='data:image/svg+xml;base64,']") is not None
    arguments = sorted((site / "arguments").glob("*/index.html"))
    assert len(arguments) == 6
    for argument in arguments:
        assert "mf-cosign" in argument.read_text("utf-8")
