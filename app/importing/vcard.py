"""Contacts from vCard files (.vcf, versions 2.1, 3.0 and 4.0, as phones, Outlook and address books
write them): each card a row of the columns the contact import knows — first and last name,
position, company, e-mail, phone, address, note."""

from __future__ import annotations

import quopri
from pathlib import Path

HEADER = ("First name", "Last name", "Position", "Company", "E-mail", "Phone", "Address", "Comments")


def read_vcards(path: Path) -> list[list[str]]:
    """One row per card, in HEADER's order; the first e-mail and phone when there are several."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="strict")
    rows: list[list[str]] = []
    card: dict[str, str] | None = None
    for name, params, value in _properties(text):
        if name == "BEGIN" and value.upper() == "VCARD":
            card = {}
        elif name == "END" and card is not None:
            rows.append(_row(card))
            card = None
        elif card is not None:
            value = _decoded(value, params)
            card.setdefault(name, value)  # the first of each (preferred ones come first)
    return rows


def _properties(text: str) -> list[tuple[str, dict[str, str], str]]:
    lines: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] += line[1:]  # folded
        elif lines and lines[-1].endswith("=") and "QUOTED-PRINTABLE" in lines[-1].upper():
            lines[-1] = lines[-1][:-1] + line  # a soft line break of quoted-printable
        else:
            lines.append(line)
    out = []
    for line in lines:
        if ":" not in line:
            continue
        head, _, value = line.partition(":")
        name, *rest = head.split(";")
        params: dict[str, str] = {}
        for item in rest:
            key, _, val = item.partition("=")
            params[key.upper()] = val.upper() if val else key.upper()
        out.append((name.split(".")[-1].upper(), params, value))
    return out


def _decoded(value: str, params: dict[str, str]) -> str:
    if params.get("ENCODING") == "QUOTED-PRINTABLE" or "QUOTED-PRINTABLE" in params:
        charset = params.get("CHARSET", "UTF-8").lower()
        try:
            return quopri.decodestring(value.encode("ascii", "replace")).decode(charset, errors="replace")
        except LookupError:
            return quopri.decodestring(value.encode("ascii", "replace")).decode("utf-8", errors="replace")
    return value


def _parts(value: str) -> list[str]:
    """A structured value's parts (split at unescaped semicolons), unescaped."""
    parts, current, escaped = [], "", False
    for ch in value:
        if escaped:
            current += {"n": "\n", "N": "\n"}.get(ch, ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == ";":
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return [p.strip() for p in parts]


def _row(card: dict[str, str]) -> list[str]:
    names = [*_parts(card.get("N", "")), "", ""]
    last, first = names[0], names[1]
    if not first and not last and card.get("FN"):
        first, _, last = _parts(card["FN"])[0].rpartition(" ")
    address = ", ".join(p for p in _parts(card.get("ADR", ""))[2:] if p)
    return [
        first,
        last,
        _parts(card.get("TITLE", ""))[0],
        _parts(card.get("ORG", ""))[0],
        _parts(card.get("EMAIL", ""))[0],
        _parts(card.get("TEL", ""))[0],
        address,
        _parts(card.get("NOTE", ""))[0],
    ]
