"""How other CRMs export their deals, so their files import without typing a mapping.

From their documented export formats:
- Bitrix24 exports a deal list with its form's field names in the user's language (German
  "Name des Auftrags", "Phase", "Betrag", "Verantwortlich", "Erstellt am"; English "Deal name",
  "Stage", "Amount"/"Opportunity", "Responsible person", "Created on"). Its CSV import template writes
  one row per product and repeats the deal's ID on each: rows with the same ID are one deal.
- Pipedrive prefixes every column with its object ("Deal - Title", "Deal - Value", "Deal - Owner",
  "Deal - Organization", "Deal - Contact person", "Deal - Deal created", "Deal - Won time",
  "Deal - Lost time"). A won or lost deal keeps the stage it was in: "Deal - Status" (open, won,
  lost) says whether it closed, and "Deal - Stage" is then the furthest stage it reached.
- HubSpot exports properties by their labels ("Record ID", "Deal Name", "Deal Stage", "Amount",
  "Close Date", "Create Date", "Deal owner", "Associated Company") and one column per stage
  "Date entered "<stage> (<pipeline>)"", which the import reads as the stage's date; its closed
  stages are "Closed Won" and "Closed Lost".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from app.services.importing.cells import fold_name


@dataclass(frozen=True)
class Preset:
    key: str
    name: str
    columns: Mapping[str, str]  # a column's name (any case, any separators) -> target
    marks: tuple[str, ...]  # column names only this CRM writes: two of them recognise its files
    group_by_id: bool = False  # rows with the same ID are one deal (one row per product)

    def target(self, column: str) -> str | None:
        return self._folded.get(fold_name(column))

    @cached_property
    def _folded(self) -> dict[str, str]:
        return {fold_name(name): target for name, target in self.columns.items()}


BITRIX24 = Preset(
    "bitrix24",
    "Bitrix24",
    {
        "ID": "external_id",
        "Deal name": "title",
        "Name des Auftrags": "title",
        "Name des Deals": "title",
        "Title": "title",
        "Stage": "stage",
        "Phase": "stage",
        "Pipeline": "pipeline",
        "Sales funnel": "pipeline",
        "Richtung": "pipeline",
        "Amount": "amount",
        "Opportunity": "amount",
        "Betrag": "amount",
        "Currency": "currency",
        "Währung": "currency",
        "Responsible person": "responsible",
        "Responsible": "responsible",
        "Verantwortlich": "responsible",
        "Verantwortliche Person": "responsible",
        "Created on": "created_at",
        "Created": "created_at",
        "Erstellt am": "created_at",
        "Start date": "begin_date",
        "Startdatum": "begin_date",
        "Beginndatum": "begin_date",
        "Close date": "close_date",
        "Estimated close date": "close_date",
        "Abschlussdatum": "close_date",
        "Voraussichtliches Abschlussdatum": "close_date",
        "Company": "company",
        "Unternehmen": "company",
        "Contact": "contacts",
        "Kontakt": "contacts",
        "Source": "source",
        "Quelle": "source",
        "Comment": "comments",
        "Kommentar": "comments",
        "Probability": "probability",
        "Wahrscheinlichkeit": "probability",
        "Product": "product",
        "Produkt": "product",
        "Product quantity": "product_quantity",
        "Quantity": "product_quantity",
        "Menge": "product_quantity",
        "Product price": "product_price",
        "Price": "product_price",
        "Preis": "product_price",
    },
    ("Name des Auftrags", "Verantwortliche Person", "Responsible person", "Opportunity", "Erstellt am"),
    group_by_id=True,
)

PIPEDRIVE = Preset(
    "pipedrive",
    "Pipedrive",
    {
        "Deal - ID": "external_id",
        "Deal - Title": "title",
        "Deal - Value": "amount",
        "Deal - Currency": "currency",
        "Deal - Pipeline": "pipeline",
        "Deal - Stage": "stage",
        "Deal - Status": "status",
        "Deal - Owner": "responsible",
        "Deal - Organization": "company",
        "Deal - Contact person": "contacts",
        "Deal - Deal created": "created_at",
        "Deal - Expected close date": "close_date",
        "Deal - Close time": "closed_at",
        "Deal - Probability": "probability",
        "Deal - Lost reason": "loss_reason",
        "Deal - Source origin": "source",
        "Deal - Product name": "product",
        "Deal - Product quantity": "product_quantity",
        "Deal - Product price": "product_price",
    },
    ("Deal - Title", "Deal - Value", "Deal - Owner", "Deal - Status", "Deal - Stage", "Deal - Organization"),
)

HUBSPOT = Preset(
    "hubspot",
    "HubSpot",
    {
        "Record ID": "external_id",
        "Deal ID": "external_id",
        "Deal Name": "title",
        "Deal Stage": "stage",
        "Pipeline": "pipeline",
        "Amount": "amount",
        "Currency": "currency",
        "Deal currency code": "currency",
        "Close Date": "close_date",
        "Create Date": "created_at",
        "Deal owner": "responsible",
        "Associated Company": "company",
        "Associated Company (Primary)": "company",
        "Associated Contact": "contacts",
        "Deal probability": "probability",
        "Closed lost reason": "loss_reason",
        "Original Source Type": "source",
        "Deal Description": "comments",
    },
    ("Record ID", "Deal Stage", "Deal owner", "Create Date", "Associated Company"),
)

PRESETS: Mapping[str, Preset] = {p.key: p for p in (BITRIX24, PIPEDRIVE, HUBSPOT)}


def recognise(header: tuple[str, ...] | list[str]) -> Preset | None:
    """The CRM whose own column names the header has (two at least, the most), if any."""
    columns = {fold_name(name) for name in header}
    best, hits = None, 1
    for preset in PRESETS.values():
        found = sum(1 for mark in preset.marks if fold_name(mark) in columns)
        if found > hits:
            best, hits = preset, found
    return best
