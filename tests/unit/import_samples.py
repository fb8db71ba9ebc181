"""Sample files for import tests, written the way other programs and people write them.

`sales_history` is shaped like a public sales-opportunities dataset (a B2B seller's two years of
opportunities): an ID, the salesperson, the product, the account, the stage (Prospecting, Engaging,
Won, Lost), the date it engaged, the date it closed and the value it closed at — deterministic, so
tests can compute from the rows what the analytics must show.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

AGENTS = [
    f"{first} {last}"
    for first, last in zip(
        (
            "Anna",
            "Boris",
            "Clara",
            "Dieter",
            "Elke",
            "Frank",
            "Greta",
            "Hans",
            "Ines",
            "Jonas",
            "Karin",
            "Lutz",
        ),
        (
            "Adler",
            "Brandt",
            "Claus",
            "Dorn",
            "Engel",
            "Fuchs",
            "Graf",
            "Hahn",
            "Iske",
            "Jung",
            "Kühn",
            "Lang",
        ),
        strict=True,
    )
]
PRODUCTS = {"GTX Basic": 550, "GTX Pro": 4821, "MG Special": 55, "MG Advanced": 3393, "GTK 500": 26768}
ACCOUNTS = ("Acme", "Betasoft", "Cyclone", "Dambase", "Funholdings", "Genco")
HEADER = [
    "opportunity_id",
    "sales_agent",
    "product",
    "account",
    "deal_stage",
    "engage_date",
    "close_date",
    "close_value",
]


@dataclass(frozen=True)
class Opportunity:
    ident: str
    agent: str
    product: str
    account: str
    stage: str
    engaged: date | None
    closed: date | None
    value: Decimal | None


def sales_history(rows: int = 2400, seed: int = 7) -> list[Opportunity]:
    rng = random.Random(seed)
    out = []
    start = date(2024, 1, 1)
    for n in range(rows):
        stage = rng.choices(["Won", "Lost", "Engaging", "Prospecting"], [48, 30, 14, 8])[0]
        product = rng.choice(list(PRODUCTS))
        engaged = None if stage == "Prospecting" else start + timedelta(days=rng.randrange(0, 650))
        closed = (
            engaged + timedelta(days=rng.randrange(1, 120)) if stage in ("Won", "Lost") and engaged else None
        )
        value = None
        if stage == "Won":
            value = Decimal(PRODUCTS[product] * rng.randint(90, 110)) / 100
        elif stage == "Lost":
            value = Decimal(0)
        out.append(
            Opportunity(
                f"OPP{n:05d}{rng.choice('ABCDEFGH')}",
                rng.choice(AGENTS),
                product,
                f"{rng.choice(ACCOUNTS)} {rng.randint(1, 40)}",
                stage,
                engaged,
                closed,
                value,
            )
        )
    return out


def write_csv(
    path: Path, opportunities: list[Opportunity], *, delimiter: str = ",", comma: bool = False
) -> Path:
    def amount(value: Decimal | None) -> str:
        if value is None:
            return ""
        written = f"{value:.2f}"
        return written.replace(".", ",") if comma else written

    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, delimiter=delimiter)
        out.writerow(HEADER)
        for o in opportunities:
            out.writerow(
                [
                    o.ident,
                    o.agent,
                    o.product,
                    o.account,
                    o.stage,
                    o.engaged.isoformat() if o.engaged else "",
                    o.closed.isoformat() if o.closed else "",
                    amount(o.value),
                ]
            )
    return path
