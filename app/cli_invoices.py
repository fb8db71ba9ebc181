"""`dealdesk invoices list|issue|pay`: invoices from the command line — what is open or overdue, a new
invoice issued for a deal (full, a down payment, the final one), a payment recorded."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING, Any

from app.cli_usage import EXIT_OK, UsageError

if TYPE_CHECKING:
    from app.services.container import Services


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    invoices = commands.add_parser("invoices", help="list, issue and pay invoices")
    actions = invoices.add_subparsers(dest="invoices_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[common], help="invoices, newest first")
    listing.add_argument("--overdue", action="store_true", help="only issued ones past due and not paid")
    listing.add_argument("--deal", type=int, metavar="ID")
    listing.add_argument("--json", action="store_true")
    issue = actions.add_parser("issue", parents=[common], help="make and issue an invoice for a deal")
    issue.add_argument("--deal", type=int, required=True, metavar="ID")
    issue.add_argument("--kind", choices=("full", "down_payment", "final"), default="full")
    issue.add_argument("--percent", help="a down payment's share of the deal (e.g. 30)")
    issue.add_argument("--amount", help="a down payment as an amount (gross)")
    issue.add_argument("--days", type=int, default=14, help="days until it is due")
    issue.add_argument("--date", help="the issue date (YYYY-MM-DD; default today)")
    pay = actions.add_parser("pay", parents=[common], help="record a payment")
    pay.add_argument("invoice_id", type=int, metavar="ID")
    pay.add_argument("amount", metavar="AMOUNT")
    pay.add_argument("--date", help="when it was paid (YYYY-MM-DD; default today)")
    pay.add_argument("--method", default="transfer")
    einvoice = actions.add_parser(
        "einvoice", parents=[common], help="an issued invoice as an e-invoice (XML)"
    )
    einvoice.add_argument("invoice_id", type=int, metavar="ID")
    einvoice.add_argument("--out", required=True, metavar="FILE.xml")
    einvoice.add_argument(
        "--zugferd", action="store_true", help="the EN 16931 guideline instead of XRechnung's"
    )


def run(services: Services, args: argparse.Namespace) -> int:
    invoices = services.invoices
    if args.invoices_command == "issue":
        draft = invoices.draft_from_deal(
            args.deal, args.kind, percent=args.percent, amount=args.amount, payment_days=args.days
        )
        issued = invoices.issue(draft.id, draft.version, on=_day(args.date))
        print(f"Invoice {issued.number} issued: {issued.gross} {issued.currency}, due {issued.due_date}.")
        return EXIT_OK
    if args.invoices_command == "pay":
        paid = invoices.add_payment(args.invoice_id, args.amount, paid_on=_day(args.date), method=args.method)
        print(f"Invoice {paid.number}: {paid.paid} of {paid.gross} {paid.currency} paid ({paid.status()}).")
        return EXIT_OK
    if args.invoices_command == "einvoice":
        from pathlib import Path

        target = Path(args.out)
        if target.suffix.lower() != ".xml":
            raise UsageError("--out: an .xml file (a ZUGFeRD PDF comes with the invoice's PDF, not yet here)")
        target.write_bytes(invoices.einvoice(args.invoice_id, xrechnung=not args.zugferd))
        print(f"Wrote {target}.")
        return EXIT_OK
    found = invoices.list(deal_id=args.deal, overdue=args.overdue)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": i.id,
                        "number": i.number,
                        "kind": i.kind,
                        "status": i.status(),
                        "deal_id": i.deal_id,
                        "buyer": i.buyer_name,
                        "issue_date": i.issue_date.isoformat() if i.issue_date else None,
                        "due_date": i.due_date.isoformat() if i.due_date else None,
                        "currency": i.currency,
                        "net": str(i.net),
                        "tax": str(i.tax),
                        "gross": str(i.gross),
                        "paid": str(i.paid),
                    }
                    for i in found
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    for i in found:
        print(
            f"{i.id:>6}  {i.number or '(draft)':<15} {i.status():<12} {i.gross:>12} {i.currency}"
            f"  paid {i.paid:>10}  due {i.due_date or '–'}  {i.buyer_name}"
        )
    if not found:
        print("No invoices.")
    return EXIT_OK


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(f"{text!r} is not a date (YYYY-MM-DD)") from exc
