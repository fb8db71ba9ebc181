"""IBANs: checked (country, length, check digits) with schwifty, and written in groups of four."""

from __future__ import annotations


def format_iban(iban: str) -> str:
    plain = "".join(iban.split()).upper()
    return " ".join(plain[i : i + 4] for i in range(0, len(plain), 4))


def iban_problem(iban: str) -> str | None:
    """Why this is no IBAN (None when it is one: country, length and check digits all right)."""
    from schwifty import IBAN
    from schwifty.exceptions import SchwiftyException

    try:
        IBAN("".join(iban.split()))
    except SchwiftyException as exc:
        return str(exc)
    return None
