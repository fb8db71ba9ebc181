"""`dealdesk invoices list|issue|pay|remind|einvoice`: invoices from the command line — what is open or
overdue (also as CSV), a new invoice issued for a deal (full, a down payment, the final one), a payment
recorded, a payment reminder sent, the e-invoice saved (XRechnung XML or the ZUGFeRD PDF)."""

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
    listing.add_argument(
        "--csv", metavar="FILE.csv|.xlsx", help="export them (as the Invoices list shows them)"
    )
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
    remind = actions.add_parser("remind", parents=[common], help="send an overdue invoice's next reminder")
    remind.add_argument("invoice_id", type=int, metavar="ID")
    remind.add_argument("--fee", help="the reminder fee (default: 0, 5.00, 10.00 by level)")
    remind.add_argument("--date", help="the reminder's date (YYYY-MM-DD; default today)")
    remind.add_argument("--out", metavar="FILE.docx|.pdf", help="save the reminder letter")
    einvoice = actions.add_parser(
        "einvoice", parents=[common], help="an issued invoice as an e-invoice (XRechnung XML or ZUGFeRD PDF)"
    )
    einvoice.add_argument("invoice_id", type=int, metavar="ID")
    einvoice.add_argument("--out", required=True, metavar="FILE.xml|FILE.pdf")
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
        if target.suffix.lower() == ".pdf":  # the invoice as PDF/A-3 with its XML inside (LibreOffice)
            target.write_bytes(services.billing_files.invoice_file(args.invoice_id, pdf=True)[1])
        elif target.suffix.lower() == ".xml":
            target.write_bytes(invoices.einvoice(args.invoice_id, xrechnung=not args.zugferd))
        else:
            raise UsageError("--out: an .xml file (XRechnung) or a .pdf file (ZUGFeRD)")
        print(f"Wrote {target}.")
        return EXIT_OK
    if args.invoices_command == "remind":
        from pathlib import Path

        target = Path(args.out) if args.out else None
        if target is not None and target.suffix.lower() not in (".docx", ".pdf"):
            raise UsageError("--out: a .docx or a .pdf file")
        current = invoices.get(args.invoice_id)
        sent = services.dunning.remind(current.id, current.version, on=_day(args.date), fee=args.fee)
        print(f"Reminder {sent.level} for invoice {current.number}: pay by {sent.pay_by}, fee {sent.fee}.")
        if target is not None:
            target.write_bytes(services.billing_files.reminder_file(sent.id, pdf=target.suffix == ".pdf")[1])
            print(f"Wrote {target}.")
        return EXIT_OK
    found = invoices.list(deal_id=args.deal, overdue=args.overdue, limit=1_000_000 if args.csv else 1000)
    if args.csv:
        from pathlib import Path

        from app.services.invoices.export import export_invoices

        written = export_invoices(Path(args.csv), found)
        print(f"Wrote {written} invoices to {args.csv}.")
        return EXIT_OK
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
