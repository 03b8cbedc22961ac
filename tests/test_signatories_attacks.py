"""Each attack found by the review of the signing route, refused with what to fix and nothing written:
a second, hidden copy of the form, lookalike characters, impossible dates and versions, an id that
leaves the folder, a signatory named like a section of the list."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_signatories import FIXTURES, add_issue, issue_body

from scripts.core.load import DataError
from scripts.core.paths import ROOT
from scripts.signatories.intake import InputError, add, mailto, withdraw
from scripts.signatories.page import letter_groups, sorted_by_name
from scripts.signatories.records import domain_key, signatories

HIDDEN_FORM = issue_body(name="Autre asbl", website="https://evil.example/")


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (f"<!--\n{HIDDEN_FORM}-->\n{issue_body()}", "HTML tag or comment"),
        (f"{issue_body()}\n<!--\n{HIDDEN_FORM}\n-->\n", "HTML tag or comment"),
        (f"{issue_body()}\n<details><summary>x</summary>\n\n{HIDDEN_FORM}</details>\n", "HTML tag or comment"),
        (f"{issue_body()}\n[hidden]: https://evil.example/\n", "link reference definition"),
        (issue_body(name="Le Maillon\u2063 asbl"), "invisible character U+2063"),
        (issue_body(statement="Oui\ue000."), "invisible character U+E000"),
        ("Bonjour !\n\n" + issue_body(), "text before the form's first heading"),
        (issue_body() + "\n" + issue_body(name="Autre"), "another signing form or of a second copy"),
        (issue_body() + "\n### Name of the organisation\n\nEvil\n", "another signing form or of a second copy"),
        (issue_body() + "\n## Autre chose\n", "heading after the form's last one"),
    ],
    ids=[
        "comment-before",
        "comment-after",
        "details",
        "link-ref",
        "u2063",
        "private-use",
        "before",
        "twice",
        "other-language",
        "after",
    ],
)
def test_a_body_with_what_a_maintainer_cannot_see_is_refused(tmp_path: Path, body: str, said: str) -> None:
    with pytest.raises(InputError, match=re.escape(said)) as refused:
        add(body, "issue", "2026-01-01", "reply_from_public_address", "2026-01-02", folder=tmp_path, lang="fr")
    assert "Fix:" in str(refused.value)
    assert not list(tmp_path.iterdir())


def test_only_the_form_of_the_issue_s_language_label_is_read(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="«### Nom de l’organisation» is a heading of another signing form"):
        add(issue_body(), "issue", "2026-01-01", "other", "2026-01-02", folder=tmp_path, lang="en")
    with pytest.raises(InputError, match="no language label"):
        add(issue_body(), "issue", "2026-01-01", "other", "2026-01-02", folder=tmp_path, lang=None)


@pytest.mark.parametrize(
    ("answers", "said"),
    [
        ({"name": "Le Maillon\u3164"}, "U+3164"),  # Hangul filler: invisible after a known name
        ({"name": "Le Maillon\u2800"}, "U+2800"),
        ({"name": "L\u0435 Maillon"}, "mixes letters"),  # Cyrillic е
        ({"website": "https://le-ma\u0456llon.example/"}, "mixes letters"),  # Cyrillic і in the host
        ({"statement": "Écrivez à marie\uff20example.org"}, "e-mail address"),  # fullwidth ＠
        ({"statement": "Appelez le \uff0b\uff13\uff12 81 12 34 56"}, "phone number"),  # fullwidth digits
        ({"name": "Le Maillon" + "\u0301" * 100}, "more than 2 accents"),
        ({"country": "Atlantide"}, "Pays"),
    ],
    ids=["u3164", "u2800", "cyrillic-name", "cyrillic-host", "fullwidth-at", "fullwidth-phone", "marks", "country"],
)
def test_lookalikes_are_refused(tmp_path: Path, answers: dict[str, str], said: str) -> None:
    with pytest.raises(InputError, match=re.escape(said)):
        add_issue(tmp_path, **answers)
    assert not list(tmp_path.iterdir())


def test_a_fullwidth_or_idn_host_is_the_same_site_as_its_punycode(tmp_path: Path) -> None:
    assert domain_key("https://ｌｅ-ｍａｉｌｌｏｎ.example/") == "le-maillon.example"
    assert domain_key("https://www.bücher.example/") == "xn--bcher-kva.example"
    add_issue(tmp_path)
    with pytest.raises(InputError, match="has already signed"):
        add_issue(tmp_path, name="Autre nom", website="https://ｌｅ-ｍａｉｌｌｏｎ.example/")


def test_a_country_is_stored_as_its_code_from_any_site_language(tmp_path: Path) -> None:
    for n, country in enumerate(["België", "Belgium", "Belgique (BE)", "be"]):
        path = add_issue(tmp_path, name=f"Maillon {n}", website=f"https://m{n}.example/", country=country)
        assert "country: BE" in path.read_text(encoding="utf-8")


def hand_written(tmp_path: Path, old: str, new: str) -> str:
    shutil.copy(FIXTURES / "zorgnetwerk.yml", tmp_path / "zorgnetwerk.yml")
    text = (tmp_path / "zorgnetwerk.yml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "zorgnetwerk.yml").write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(DataError) as stopped:
        signatories(tmp_path)
    return str(stopped.value)


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ('signed: "2026-02-10"', 'signed: "2025-13-45"', "zorgnetwerk.yml:7: signed: 2025-13-45 is not a date"),
        ('signed: "2026-02-10"', 'signed: "2099-01-01"', "zorgnetwerk.yml:7: signed: 2099-01-01 is in the future"),
        ('date: "2026-02-10"', 'date: "2026-02-30"', "verification/date: 2026-02-30 is not a date"),
        ('version: "1.0"', 'version: "0.9"', "zorgnetwerk.yml:8: version: 0.9 is not an edition of the text"),
        ("country: BE", "country: Belgique", "zorgnetwerk.yml:5: country:"),
        ("country: BE", "country: QQ", "QQ is not a country code"),
        ("https://zorgnetwerk.example/", "https://" + "z" * 64 + ".example/", "a host no browser can open"),
    ],
    ids=["impossible", "future", "verification", "version", "free-text-country", "unknown-code", "long-label"],
)
def test_bad_dates_versions_and_countries_fail_the_check_with_a_fix(
    tmp_path: Path, old: str, new: str, said: str
) -> None:
    message = hand_written(tmp_path, old, new)
    assert said in message and "Fix:" in message


def test_withdraw_never_reaches_outside_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "signatories"
    add_issue(folder)
    target = tmp_path / "manifesto.yml"
    target.write_text("kept\n", encoding="utf-8")
    for ident in ("../manifesto", "/etc/passwd", "le-maillon.yml", ""):
        with pytest.raises(InputError, match="Fix: give one of these ids: le-maillon"):
            withdraw(ident, folder)
    assert target.read_text(encoding="utf-8") == "kept\n" and (folder / "le-maillon.yml").is_file()


def test_the_index_follows_the_collation_without_repeating_a_letter() -> None:
    names = ["Association A", "Öko", "association B", "Æther", "1er mai", "Ángel", "Zèbre", "Ostende", "Été"]
    records = sorted_by_name([{"id": str(n), "name": name} for n, name in enumerate(names)], "fr")
    groups = letter_groups(records)
    letters = [shown for shown, _ in groups]
    assert letters == ["#", "A", "E", "O", "Z"]
    assert [r for _, group in groups for r in group] == records  # every name once, in the list's order


def test_mailto_carries_the_template_when_the_contact_is_real() -> None:
    href = mailto("en")
    assert href.startswith("mailto:") and "subject=Co-signing%20the%20manifesto" in href
    assert "Name%20of%20the%20organisation" in href


def test_the_phone_verification_the_handbook_allows_is_a_method_and_has_words_in_every_language() -> None:
    from scripts.core.strings import strings
    from scripts.signatories.records import METHODS

    assert "phone_call_to_office" in METHODS
    for lang in ("fr", "nl", "en", "de"):
        assert strings(lang)["sig_method_phone_call_to_office"]
        assert "phone_call_to_office" in (ROOT / "data" / "schemas" / "signatory.schema.json").read_text("utf-8")


def test_a_signatory_named_like_a_section_keeps_its_own_anchor(tmp_path: Path) -> None:
    from scripts.core.strings import strings
    from scripts.signatories.page import _entry

    [record] = [r for r in signatories(FIXTURES) if r["id"] == "zorgnetwerk"]
    html = str(_entry({**record, "id": "association"}, strings("fr"), "letter-association-1", "fr"))
    ids = [tag["id"] for tag in BeautifulSoup(html, "html.parser").find_all(id=True)]
    assert ids == ["letter-association-1", "sig-association"]


def event(action: str, body: str, labels: list[str]) -> dict:
    """A GitHub `issues` event payload as the runner writes it to $GITHUB_EVENT_PATH (the fields the tool reads)."""
    return {
        "action": action,
        "issue": {
            "number": 17,
            "body": body,
            "created_at": "2026-01-03T22:15:00Z",
            "updated_at": "2026-01-04T08:00:00Z",
            "labels": [{"name": name} for name in labels],
        },
    }


@pytest.mark.parametrize("action", ["labeled", "edited"])
def test_the_command_reads_a_recorded_event_its_label_s_language_and_the_issue_s_date(
    tmp_path: Path, action: str
) -> None:
    import json
    import subprocess
    import sys

    payload = tmp_path / "event.json"
    labels = ["signature", "lang-fr", "signature-verified-reply"]
    payload.write_text(json.dumps(event(action, issue_body(), labels)), encoding="utf-8")
    folder = tmp_path / "signatories"
    command = [sys.executable, "-m", "scripts", "signatories", "--folder", str(folder), "add", "--event", str(payload)]
    result = subprocess.run(
        [*command, "--verified-by", "phone_call_to_office"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    text = (folder / "le-maillon.yml").read_text(encoding="utf-8")
    assert "signed: '2026-01-03'" in text and "method: phone_call_to_office" in text  # the issue's day, not today
    hidden = event(action, f"{issue_body()}<!--\n{HIDDEN_FORM}-->\n", labels)
    payload.write_text(json.dumps(hidden), encoding="utf-8")
    refused = subprocess.run([*command, "--verified-by", "other"], cwd=ROOT, capture_output=True, text=True)
    assert (
        refused.returncode == 1 and "HTML tag or comment" in refused.stderr and "Nothing was written" in refused.stderr
    )
