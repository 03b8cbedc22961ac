"""CITATION.cff, from data/manifesto.yml (`python -m scripts cff` writes it, `--check` verifies it)."""

from __future__ import annotations

import yaml

from scripts.citation.reference import Data, publication, unverified_note
from scripts.core.dates import date_parts
from scripts.core.languages import default_language
from scripts.core.manifesto import manifesto, original_title
from scripts.core.paths import ROOT
from scripts.core.strings import strings

CFF = ROOT / "CITATION.cff"


def cff(data: Data | None = None) -> Data:
    data = data or manifesto()
    pub = publication(data)
    lang = default_language()
    authors = [{"family-names": a["family"], "given-names": a["given"]} for a in data["authors"]]
    parts = date_parts(pub["date"])
    preferred: Data = {
        "type": "report",
        "title": original_title(data),
        "authors": [dict(a) for a in authors],
        "institution": {
            "name": pub["publisher"],
            **({"city": pub["publisher_place"]} if "publisher_place" in pub else {}),
        },
        "year": parts[0],
        "url": pub["url"],
        "languages": [data["language"]],
    }
    if len(parts) > 1:
        preferred["month"] = parts[1]
    if "number" in pub:
        preferred["number"] = pub["number"]
    if note := unverified_note(lang, data):
        preferred["notes"] = note
    return {
        "cff-version": "1.2.0",
        "message": strings(lang)["cite_cff_message"],
        "title": original_title(data),
        "authors": authors,
        "version": data["edition"]["version"],
        "preferred-citation": preferred,
    }


def cff_text(data: Data | None = None) -> str:
    header = "# Generated from data/manifesto.yml by `python -m scripts cff`: edit the data, not this file.\n"
    return header + yaml.safe_dump(cff(data), allow_unicode=True, sort_keys=False, width=1000)
