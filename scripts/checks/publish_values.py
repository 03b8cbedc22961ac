"""The values publish-check can verify by themselves: what a glance at a placeholder cannot tell.

- a Belgian enterprise number (BCE/KBO) by its check digits;
- every e-mail and web address of the data well formed, and not on `example.*` or a local host
  (a reserved name receives no mail: a reader's message would be lost);
- the launch: the first edition in data/changes.yml is dated the day the site went online, no
  change before it, and the accessibility statement prepared by then, reviewed within a year;
- comments that still call a settled value a placeholder;
- a public address with a path, where robots.txt and /.well-known/security.txt are not looked for.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from scripts.checks.publish import INVALID, WARNING, Item
from scripts.core.load import line_in, load_checked
from scripts.legal.publisher import is_fact, value

EMAIL = re.compile(r"^[^@\s]+@(?P<host>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})$")
# Names that are never anyone's real address (RFC 2606 and 6761), and the loopback.
RESERVED_TOP = {"example", "invalid", "test", "localhost", "local"}
LOCAL_HOSTS = {"localhost", "0.0.0.0", "::1"}
STALE = re.compile(r"placeholder|stand-in|not (?:been )?(?:given|known) yet|to be completed", re.I)
A_YEAR = datetime.timedelta(days=366)


def reserved(host: str) -> bool:
    labels = host.lower().rstrip(".").split(".")
    return host in LOCAL_HOSTS or host.startswith("127.") or labels[-1] in RESERVED_TOP or "example" in labels[:-1]


def enterprise_number_problem(number: str) -> str | None:
    """Why a BCE/KBO number cannot be right, or None: ten digits from 0 or 1, the last two 97 - (first eight mod 97)."""
    digits = re.sub(r"[\s.]", "", number.removeprefix("BE").strip())
    if not re.fullmatch(r"[01]\d{9}", digits):
        return "is not ten digits starting with 0 or 1 (written 0123.456.789)"
    if 97 - int(digits[:8]) % 97 != int(digits[8:]):
        return "fails the register's check digits (the last two), so a digit is mistyped"
    return None


def address_problem(text: str) -> str | None:
    """Why an e-mail or web address cannot reach anyone, or None (text that is no address: None)."""
    if text.startswith(("http://", "https://")):
        host = urlsplit(text).hostname or ""
        if "." not in host and host not in LOCAL_HOSTS:
            return "is not a full web address"
    elif "@" in text and " " not in text.strip():
        match = EMAIL.match(text)
        if not match:
            return "is not a well-formed e-mail address"
        host = match["host"]
    else:
        return None
    if reserved(host):
        return f"is on {host}, a name reserved for examples or this machine: nobody reads it"
    return None


def values(node: Any, keys: list[str | int]) -> Iterator[tuple[list[str | int], str]]:
    """Every string of a data file with its keys, leaving out placeholders (listed as such already)."""
    if isinstance(node, dict):
        if node.get("placeholder") is True:
            return
        for key, child in node.items():
            yield from values(child, [*keys, key])
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from values(child, [*keys, index])
    elif isinstance(node, str):
        yield keys, node


def address_items(path: Path, data: Any) -> list[Item]:
    items = []
    for keys, text in values(data, []):
        problem = address_problem(text)
        if problem:
            where = ".".join(map(str, keys))
            fix = f"write the real address as {where}, or mark it `placeholder: true` while it is not known"
            items.append(Item(path, line_in(path, keys), INVALID, f"{where} {text} {problem}", fix))
    return items


def enterprise_items(path: Path, data: dict[str, Any]) -> list[Item]:
    fact = data["association"]["enterprise_number"]
    number = value(fact)
    problem = number and enterprise_number_problem(number)
    if not problem:
        return []
    return [
        Item(
            path,
            line_in(path, ["association", "enterprise_number", "value"]),
            INVALID,
            f"the enterprise number {number} {problem}",
            "copy it from the association's entry in the Crossroads Bank for Enterprises (BCE/KBO)",
        )
    ]


def launch_items(publisher: Path, data: dict[str, Any], changes: Path, today: datetime.date) -> list[Item]:
    """The dates that must agree with the launch; nothing while the launch is a placeholder (listed as one)."""
    launch_value = value(data["launch"]["date"])
    if launch_value is None:
        return []
    launch = datetime.date.fromisoformat(launch_value)
    items = []
    entries: list[dict[str, Any]] = load_checked(changes, "changes")
    for index, entry in enumerate(entries):
        if entry["date"] < launch_value:
            items.append(
                Item(
                    changes,
                    line_in(changes, [index, "date"]),
                    INVALID,
                    f"change {entry['id']} is dated {entry['date']}, before the site went online ({launch_value})",
                    f"date it the day it was published (the first edition's: {launch_value})",
                )
            )
    editions = [(index, entry) for index, entry in enumerate(entries) if entry["kind"] == "edition"]
    if editions and editions[-1][1]["date"] > launch_value:
        index, first = editions[-1]
        items.append(
            Item(
                changes,
                line_in(changes, [index, "date"]),
                INVALID,
                f"the first edition ({first['id']}) is dated {first['date']}, after the launch ({launch_value})",
                f"the site went online with its first edition: date it {launch_value}",
            )
        )
    statement = data["accessibility"]
    prepared, reviewed = (datetime.date.fromisoformat(statement[k]) for k in ("prepared", "reviewed"))
    for key, day, wrong, fix in (
        ("prepared", prepared, prepared > launch, f"the statement is published at launch: prepare it by {launch}"),
        ("reviewed", reviewed, reviewed < prepared, "a review comes after the statement was prepared"),
        ("reviewed", reviewed, reviewed > today, "write the day of the last review, not a future one"),
    ):
        if wrong:
            line = line_in(publisher, ["accessibility", key])
            items.append(Item(publisher, line, INVALID, f"accessibility.{key} is {day}", fix))
    if today - reviewed > A_YEAR:
        line = line_in(publisher, ["accessibility", "reviewed"])
        what = f"the accessibility statement was last reviewed on {reviewed}, over a year ago"
        items.append(Item(publisher, line, WARNING, what, "check the statement again, then update reviewed"))
    return items


def stale_comment_items(path: Path, settled: list[list[str | int]]) -> list[Item]:
    """Comments just above a settled fact, or on its lines, that still call it a placeholder."""
    lines = path.read_text(encoding="utf-8").splitlines()
    root = yaml.compose("\n".join(lines))
    items = []
    for keys in settled:
        node, key_node = root, None
        for key in keys:
            key_node, node = next(((k, v) for k, v in node.value if k.value == key), (None, None))
            if node is None:
                break
        if node is None or key_node is None:
            continue
        start = key_node.start_mark.line  # the key's line, 0-based
        while start > 0 and lines[start - 1].lstrip().startswith("#"):
            start -= 1
        for number in range(start, last_line(node) + 1):
            comment = lines[number].partition("#")[2] if "#" in lines[number] else ""
            if STALE.search(comment):
                where = ".".join(map(str, keys))
                items.append(
                    Item(
                        path,
                        number + 1,
                        WARNING,
                        f"a comment still calls {where} a placeholder, though it is settled",
                        "rewrite or delete the comment",
                    )
                )
                break
    return items


def last_line(node: yaml.Node) -> int:
    """The last line (0-based) holding a value of the node: a mapping's own end mark is the next key's."""
    if isinstance(node, yaml.MappingNode):
        return max((last_line(child) for _, child in node.value), default=node.start_mark.line)
    if isinstance(node, yaml.SequenceNode):
        return max((last_line(child) for child in node.value), default=node.start_mark.line)
    return node.end_mark.line


def settled_facts(data: Any, keys: list[str | int]) -> Iterator[list[str | int]]:
    if is_fact(data):
        if not data.get("placeholder"):
            yield keys
    elif isinstance(data, dict):
        for key, child in data.items():
            yield from settled_facts(child, [*keys, key])


def site_address_items(site_url: str | None) -> list[Item]:
    """A warning when the public address has a path: robots.txt and security.txt are looked for at the root."""
    parts = urlsplit(site_url or "")
    if not parts.hostname or parts.path in ("", "/"):
        return []
    root = f"{parts.scheme}://{parts.netloc}/"
    return [
        Item(
            Path("SITE_URL"),
            0,
            WARNING,
            f"the public address {site_url} has a path: the site's robots.txt and /.well-known/security.txt "
            f"sit under it, while crawlers read {root}robots.txt and security.txt clients (RFC 9116) "
            f"{root}.well-known/security.txt, so neither is found",
            "serve the site at the root of a domain (HANDBOOK.md, custom domain), or accept that both go unread",
        )
    ]


def local_preview_items(site_url: str | None) -> list[Item]:
    """A build for no address or a local one prints on its leaflets and posters that their QR codes lead to
    the local preview (scripts/editions/leaflet.py): said here, so that none is printed for real by mistake."""
    from scripts.editions.leaflet import is_local

    if not is_local(site_url):
        return []
    return [
        Item(
            Path("SITE_URL"),
            0,
            WARNING,
            f"SITE_URL is {site_url or 'not set'}: a build for it prints on every leaflet and poster that their QR "
            "codes lead to a local preview, not to the public site",
            "build the editions to print with SITE_URL set to the public address (the deployment does)",
        )
    ]


def value_items(
    manifesto: Path, publisher: Path, changes: Path, site_url: str | None, today: datetime.date | None = None
) -> list[Item]:
    from scripts.core.manifesto import MAY_BE_PLACEHOLDERS

    facts: dict[str, Any] = load_checked(manifesto, "manifesto")
    legal: dict[str, Any] = load_checked(publisher, "publisher")
    settled_here = [[key] for key in MAY_BE_PLACEHOLDERS if key in facts and not facts[key].get("placeholder")]
    return [
        *address_items(manifesto, facts),
        *stale_comment_items(manifesto, settled_here),
        *enterprise_items(publisher, legal),
        *address_items(publisher, legal),
        *stale_comment_items(publisher, list(settled_facts(legal, []))),
        *launch_items(publisher, legal, changes, today or datetime.date.today()),
        *site_address_items(site_url),
    ]
