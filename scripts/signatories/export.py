"""The signatories as files at stable addresses: signatories.json (with its JSON Schema) and signatories.csv.

JSON values are written by json.dumps; the CSV follows RFC 4180 (header row, CRLF, quotes
doubled) and, in this file only, a cell that a spreadsheet would run as a formula (first
character = + - @, tab or carriage return) starts with an apostrophe: "+Solidarité" stays
"+Solidarité" everywhere else.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from scripts.core.load import schema
from scripts.core.manifesto import manifesto
from scripts.signatories.records import signatories

EXPORT_SCHEMA = "signatories-export"
COLUMNS = (
    "id",
    "name",
    "type",
    "city",
    "country",
    "website",
    "signed",
    "version",
    "statement",
    "statement_lang",
    "verification_method",
    "verification_date",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_records(records: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    return sorted(records if records is not None else signatories(), key=lambda r: r["id"])


def json_text(site_url: str, records: list[dict[str, Any]] | None = None) -> str:
    document = {
        "$schema": site_url.rstrip("/") + "/signatories.schema.json",
        "text_version": manifesto()["edition"]["version"],
        "count": len(export_records(records)),
        "signatories": export_records(records),
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def schema_text() -> str:
    return json.dumps(schema(EXPORT_SCHEMA), ensure_ascii=False, indent=2) + "\n"


def neutral(cell: str) -> str:
    """A cell no spreadsheet runs as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_text(records: list[dict[str, Any]] | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for r in export_records(records):
        statement = r.get("statement") or {}
        row = [
            r["id"],
            r["name"],
            r["type"],
            r["city"],
            r["country"],
            r["website"],
            r["signed"],
            r["version"],
            statement.get("text", ""),
            statement.get("lang", ""),
            r["verification"]["method"],
            r["verification"]["date"],
        ]
        writer.writerow([neutral(str(cell)) for cell in row])
    return out.getvalue()
