"""The demo's quotes and invoices, written by the database itself (INSERT … SELECT over the deals):
three of four won deals were invoiced when they were won (numbered per year without gaps, due in 14
days, one line at 19 %), most of them paid; of the recent ones some are open, partly paid or overdue,
and a few old ones were never paid. One in eight invoiced deals had an accepted quote, and one open
deal in twenty has a quote out (sent or a draft). The counters go on after the demo's numbers."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Connection, insert, select, text

from app.models import AppSetting


class _Dialect:
    def __init__(self, name: str) -> None:
        self.sqlite = name == "sqlite"

    def day(self, column: str, plus: int | str = 0) -> str:
        if self.sqlite:
            return f"date({column}, ({plus}) || ' days')" if plus else f"date({column})"
        return f"(CAST({column} AS DATE) + ({plus}))" if plus else f"CAST({column} AS DATE)"

    def year(self, column: str) -> str:
        return f"strftime('%Y', {column})" if self.sqlite else f"to_char({column}, 'YYYY')"

    def won_deals(self) -> str:
        """The won deals, read from the closed deals' covering index on SQLite (built by then)."""
        hint = " INDEXED BY ix_deal_closed_facts" if self.sqlite else ""
        return (
            f"FROM deal d{hint} LEFT JOIN company c ON c.id = d.company_id "
            f"WHERE {'d.closed = 1' if self.sqlite else 'd.closed'}"  # as the index's WHERE says it
            " AND d.stage_id IN (SELECT id FROM stage WHERE semantic = 'won')"
        )

    def pad(self, number: str) -> str:
        return f"printf('%04d', {number})" if self.sqlite else f"lpad(CAST({number} AS TEXT), 4, '0')"


# The demo office, as documents and e-invoices need it (the IBAN is the standard's test account).
MY_COMPANY = {
    "name": "Dealdesk Demo GmbH",
    "address": "Friedrichstraße 123\n10117 Berlin\nDE",
    "tax_id": "DE123456789",
    "bank": "Demo Bank",
    "iban": "DE02 1203 0000 0000 2020 51",
    "bic": "BYLADEM1001",
    "email": "office@dealdesk-demo.example",
    "phone": "+49 30 1234567",
}


def write_invoices(conn: Connection, now: datetime) -> tuple[int, int]:
    """The demo's invoices (with lines and payments) and quotes (with lines); returns how many of each."""
    d = _Dialect(conn.dialect.name)
    have = set(conn.execute(select(AppSetting.key).where(AppSetting.key.like("my_company.%"))).scalars())
    for key, value in MY_COMPANY.items():
        if f"my_company.{key}" not in have:
            conn.execute(insert(AppSetting).values(key=f"my_company.{key}", value=value))
    recent = now - timedelta(days=75)
    # Paid: all older ones but one in 40 (long overdue); of the recent ones a third open, a third half.
    paid = (
        "CASE WHEN d.closed_at < :recent THEN (CASE WHEN d.id % 40 = 1 THEN 0 ELSE d.amount END) "
        "WHEN d.id % 3 = 0 THEN 0 WHEN d.id % 3 = 1 THEN d.amount / 2 ELSE d.amount END"
    )
    net = "(d.amount * 100 + 59) / 119"  # 19 % included in the deal's amount, to the cent
    invoices = conn.execute(
        text(
            f"""
            INSERT INTO invoice (deal_id, kind, state, number, issue_date, due_date, currency, buyer_name,
                buyer_address, payment_days, net, tax, gross, paid, created_by_id, version, created_at,
                updated_at, dunning_level)
            SELECT d.id, 'full', 'issued',
                'INV-' || {d.year("d.closed_at")} || '-' || {
                d.pad(
                    "row_number() OVER (PARTITION BY "
                    + d.year("d.closed_at")
                    + " ORDER BY d.closed_at, d.id)"
                )
            },
                {d.day("d.closed_at")}, {d.day("d.closed_at", 14)}, d.currency, COALESCE(c.title, ''),
                c.address, 14, {net}, d.amount - {net}, d.amount, {paid}, d.responsible_id, 1,
                d.closed_at, d.closed_at, 0
            {d.won_deals()} AND d.id % 4 <> 0 AND d.closed_at IS NOT NULL AND d.amount > 0
            ORDER BY d.closed_at
            """
        ),
        {"recent": recent},
    ).rowcount
    conn.execute(
        text(
            """
            INSERT INTO invoice_line (invoice_id, sort, name, quantity, unit, price, tax_included,
                discount_percent, tax_rate, net)
            SELECT i.id, 0, d.title, 1000, 'pcs', i.net, false, 0, 1900, i.net
            FROM invoice i JOIN deal d ON d.id = i.deal_id
            """
        )
    )
    conn.execute(
        text(
            f"""
            INSERT INTO invoice_payment (invoice_id, paid_on, amount, method, created_by_id, created_at)
            SELECT id,
                CASE WHEN created_at < :settled THEN {d.day("issue_date", "id % 12")} ELSE issue_date END,
                paid, 'transfer', created_by_id, created_at
            FROM invoice WHERE paid > 0
            """
        ),
        {"settled": now - timedelta(days=12)},  # never paid in the future
    )
    # Quotes: accepted ones for one in eight invoiced deals (read from the invoices, two weeks before),
    # and one in twenty deals looked up by key (no scan of a million deals), those still open.
    conn.execute(
        text(
            f"""
            WITH RECURSIVE every(id) AS (
                SELECT 20 UNION ALL SELECT id + 20 FROM every WHERE id + 20 <= (SELECT max(id) FROM deal)
            )
            INSERT INTO quote (deal_id, number, revision, state, issue_date, valid_until, currency,
                buyer_name, buyer_address, net, tax, gross, created_by_id, version, created_at, updated_at)
            SELECT deal_id,
                'QUO-' || {d.year("day")} || '-' || {
                d.pad("row_number() OVER (PARTITION BY " + d.year("day") + " ORDER BY day, deal_id)")
            },
                1, state, day, {d.day("day", 30)}, currency, buyer_name, buyer_address, net, tax, gross,
                created_by_id, 1, day, day
            FROM (
                SELECT i.deal_id, {d.day("i.issue_date", -14)} AS day, 'accepted' AS state, i.currency,
                    i.buyer_name, i.buyer_address, i.net, i.tax, i.gross, i.created_by_id
                FROM invoice i WHERE i.deal_id % 8 = 1
                UNION ALL
                SELECT d.id, {d.day("d.created_at")}, CASE WHEN d.id % 40 = 0 THEN 'sent' ELSE 'draft' END,
                    d.currency, COALESCE(c.title, ''), c.address, {net}, d.amount - {net}, d.amount,
                    d.responsible_id
                FROM every JOIN deal d ON d.id = every.id LEFT JOIN company c ON c.id = d.company_id
                WHERE NOT d.closed AND d.amount > 0
            ) AS made
            ORDER BY day, deal_id
            """
        )
    )
    quotes = int(
        conn.execute(text("SELECT count(*) FROM quote")).scalar_one()
    )  # (a WITH … INSERT has no rowcount)
    conn.execute(
        text(
            """
            INSERT INTO quote_line (quote_id, sort, name, quantity, unit, price, tax_included,
                discount_percent, tax_rate, net)
            SELECT q.id, 0, d.title, 1000, 'pcs', q.net, false, 0, 1900, q.net
            FROM quote q JOIN deal d ON d.id = q.deal_id
            """
        )
    )
    for kind, table, column in (("invoice", "invoice", "issue_date"), ("quote", "quote", "issue_date")):
        conn.execute(
            text(
                f"""
                INSERT INTO document_counter (kind, year, last)
                SELECT '{kind}', CAST({d.year(column)} AS INTEGER), COUNT(*) FROM {table}
                GROUP BY {d.year(column)}
                """
            )
        )
    return invoices, quotes
