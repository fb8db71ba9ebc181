"""Invoices as records, with known answers: EN 16931 sums (line nets rounded, tax per rate on their
sum), mixed rates, discounts, prices with tax included; two down payments of 30 % and the final
invoice that deducts them; numbers without gaps, a cancellation with the next one; payments and the
state they give; what is open and overdue per currency."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D  # noqa: N817 - money reads better short

import pytest

from app.services.container import Services
from app.services.core.errors import ConflictError, ValidationError
from app.services.deals.pricing import ProductLine
from app.services.invoices.money import Line, sums


def test_sums_as_en16931_has_them() -> None:
    mixed = sums(
        [
            Line("Pen", D(3), D("19.99"), D(19)),
            Line("Book", D(2), D("5.55"), D(7)),
            Line("Desk", D(1), D("100.00"), D(19), discount_percent=D(10)),
        ],
        "EUR",
    )
    assert mixed.line_nets == (D("59.97"), D("11.10"), D("90.00"))
    assert [(g.rate, g.basis, g.tax) for g in mixed.groups] == [
        (D(7), D("11.10"), D("0.78")),
        (D(19), D("149.97"), D("28.49")),
    ]
    assert (mixed.net, mixed.tax, mixed.gross) == (D("161.07"), D("29.27"), D("190.34"))
    # Tax per rate on the sum, not the sum of per-line taxes (3 x 0.02 would be 0.06).
    small = sums([Line("Clip", D(1), D("0.13"), D(19))] * 3, "EUR")
    assert (small.net, small.tax) == (D("0.39"), D("0.07"))
    included = sums([Line("Lamp", D(1), D("119.00"), D(19), tax_included=True)], "EUR")
    assert (included.net, included.tax, included.gross) == (D("100.00"), D("19.00"), D("119.00"))


def _valid_xml(services: Services) -> int:
    """Every issued invoice of the file as an e-invoice, checked here against the EN 16931 schema
    drafthorse ships (independently of the check inside); returns how many."""
    from pathlib import Path

    import drafthorse
    from lxml import etree

    schema = etree.XMLSchema(
        etree.parse(str(Path(drafthorse.__file__).parent / "schema" / "Factur-X_1.0.07_EN16931.xsd"))
    )
    checked = 0
    for invoice in services.invoices.list():
        if invoice.state == "draft":
            continue
        xml = etree.fromstring(services.invoices.einvoice(invoice.id))
        assert schema.validate(xml), schema.error_log
        assert xml.findtext(".//{*}ExchangedDocument/{*}ID") == invoice.number
        checked += 1
    return checked


def _deal(services: Services) -> int:
    services.document_settings.set_my_company(
        {
            "name": "Muster GmbH",
            "address": "Hauptstr. 1\n10115 Berlin",
            "tax_id": "DE123456789",
            "iban": "DE02120300000000202051",
        }
    )
    saved = services.deal_form.save(
        None,
        None,
        values={"title": "Office fit-out", "stage_id": 1},
        products=[
            ProductLine("Desks", D("500.00"), D(2), tax_rate=D(19)),
            ProductLine("Books", D("250.00"), D(2), tax_rate=D(7)),
        ],
        amount_from_products=True,
    )
    return saved.deal.id


def test_two_down_payments_and_the_final_invoice_add_up_to_the_deal(services: Services) -> None:
    invoices = services.invoices
    deal = _deal(services)  # 1,000 net at 19 %, 500 net at 7 %: 1,190 + 535 = 1,725 gross
    day = date(2026, 12, 3)
    first = invoices.draft_from_deal(deal, "down_payment", percent="30")
    assert (first.net, first.tax, first.gross) == (D("450.00"), D("67.50"), D("517.50"))
    first = invoices.issue(first.id, first.version, on=day)
    second = invoices.draft_from_deal(deal, "down_payment", amount="517.50")  # the same share, as an amount
    second = invoices.issue(second.id, second.version, on=day)
    final = invoices.draft_from_deal(deal, "final")
    assert (final.net, final.tax, final.gross) == (D("600.00"), D("90.00"), D("690.00"))
    full = invoices.get(final.id)
    assert [line.name for line in full.lines][-2:] == [f"Less down payment {second.number}"] * 2
    final = invoices.issue(final.id, final.version, on=day)
    assert first.gross + second.gross + final.gross == D("1725.00")
    assert [first.number, second.number, final.number] == ["INV-2026-0001", "INV-2026-0002", "INV-2026-0003"]
    assert final.due_date == day + timedelta(days=14)
    assert _valid_xml(services) == 3


def test_issued_invoices_are_fixed_and_cancelled_by_the_next_number(services: Services) -> None:
    invoices = services.invoices
    deal = _deal(services)
    draft = invoices.draft_from_deal(deal)
    assert (draft.number, draft.state) == (None, "draft")  # drafts have no number
    draft = invoices.update_lines(draft.id, draft.version, [Line("Consulting", D(4), D("120.00"), D(19))])
    assert draft.gross == D("571.20")
    issued = invoices.issue(draft.id, draft.version, on=date(2026, 12, 3))
    with pytest.raises(ConflictError, match="is issued"):
        invoices.update_lines(issued.id, issued.version, [Line("Cheaper", D(1), D("1.00"), D(19))])
    storno = invoices.cancel(issued.id, issued.version, on=date(2026, 12, 4))
    assert (storno.kind, storno.number, storno.gross, storno.cancels_id) == (
        "cancellation",
        "INV-2026-0002",
        D("-571.20"),
        issued.id,
    )
    again = invoices.get(issued.id)
    assert (again.state, again.number, again.status()) == ("cancelled", "INV-2026-0001", "cancelled")
    with pytest.raises(ValidationError, match="Only an issued invoice"):
        invoices.cancel(again.id, again.version)
    another = invoices.draft_from_deal(deal)
    assert (
        invoices.issue(another.id, another.version, on=date(2026, 12, 5)).number == "INV-2026-0003"
    )  # no gap


def test_payments_make_it_paid_and_an_unpaid_one_overdue(services: Services) -> None:
    invoices = services.invoices
    deal = _deal(services)
    draft = invoices.draft_from_deal(deal, payment_days=10)
    with pytest.raises(ValidationError, match="issued invoices only"):
        invoices.add_payment(draft.id, "100")
    issued = invoices.issue(draft.id, draft.version, on=date(2026, 11, 1))  # due 11 November
    assert issued.status(date(2026, 11, 5)) == "issued"
    assert issued.status(date(2026, 11, 20)) == "overdue"
    part = invoices.add_payment(issued.id, "1000.00", paid_on=date(2026, 11, 3))
    assert (part.paid, part.open_amount, part.status(date(2026, 11, 5))) == (
        D("1000.00"),
        D("725.00"),
        "partly_paid",
    )
    assert [i.id for i in invoices.list(overdue=True, today=date(2026, 11, 20))] == [issued.id]
    open_now = invoices.receivables(date(2026, 11, 20))
    assert (open_now.open, open_now.overdue) == ({"EUR": D("725.00")}, {"EUR": D("725.00")})
    with pytest.raises(ValidationError, match=r"more than the 725\.00 EUR still open"):
        invoices.add_payment(issued.id, "800")
    with pytest.raises(ValidationError, match="an amount of more than 0"):
        invoices.add_payment(issued.id, "-5")
    paid = invoices.add_payment(issued.id, "725,00", paid_on=date(2026, 11, 21), method="cash")
    assert paid.status(date(2026, 11, 25)) == "paid"
    assert invoices.list(overdue=True, today=date(2026, 11, 25)) == []
    assert [p.amount for p in invoices.get(issued.id).payments] == [D("1000.00"), D("725.00")]
    assert invoices.receivables(date(2026, 11, 25)).open == {}
    assert _valid_xml(services) == 1


def test_bad_requests_change_nothing(services: Services) -> None:
    invoices = services.invoices
    deal = _deal(services)
    with pytest.raises(ValidationError, match="more than 0 % and at most 100 %"):
        invoices.draft_from_deal(deal, "down_payment", percent="120")
    empty = services.deals.create(title="Nothing yet", stage_id=1).id
    with pytest.raises(ValidationError, match="nothing to invoice"):
        invoices.draft_from_deal(empty)
    assert invoices.list() == []


def test_the_command_line_issues_pays_and_lists(services: Services, db_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from app.cli import main

    deal = _deal(services)
    db = ["--db", str(db_path)]
    assert (
        main(
            [
                "invoices",
                "issue",
                "--deal",
                str(deal),
                "--kind",
                "down_payment",
                "--percent",
                "30",
                "--date",
                "2026-11-01",
                "--days",
                "10",
                *db,
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.strip() == "Invoice INV-2026-0001 issued: 517.50 EUR, due 2026-11-11."
    [listed] = json.loads(
        (main(["invoices", "list", "--overdue", "--json", *db]), capsys.readouterr().out)[1]
    )
    assert (listed["number"], listed["status"], listed["gross"]) == ("INV-2026-0001", "overdue", "517.50")
    assert main(["invoices", "pay", str(listed["id"]), "517.50", *db]) == 0
    assert "paid (paid)" in capsys.readouterr().out
    assert main(["invoices", "pay", str(listed["id"]), "1", *db]) != 0  # nothing open any more: refused
    assert "still open" in capsys.readouterr().err
    out = db_path.parent / "invoice.xml"
    assert main(["invoices", "einvoice", str(listed["id"]), "--out", str(out), *db]) == 0
    assert out.read_bytes().startswith(b"<?xml")
    assert b"INV-2026-0001" in out.read_bytes()


def test_a_payment_moves_the_deal_on_by_a_trigger(services: Services) -> None:
    stages = [s.id for s in services.pipelines.list()[0].stages]
    services.automation.add_trigger(stages[3], "Paid: done", "invoice_paid")
    deal = _deal(services)
    invoice = services.invoices.draft_from_deal(deal)
    invoice = services.invoices.issue(invoice.id, invoice.version)
    services.invoices.add_payment(invoice.id, "1000")
    services.automation_engine("pc").run_due()
    assert services.deals.get(deal).stage_id == stages[0]  # partly paid: not yet
    services.invoices.add_payment(invoice.id, "725")
    services.automation_engine("pc").run_due()
    assert services.deals.get(deal).stage_id == stages[3]


def test_a_quote_is_revised_accepted_onto_the_deal_and_invoiced(services: Services) -> None:
    quotes, invoices = services.quotes, services.invoices
    deal = _deal(services)
    quote = quotes.create_from_deal(deal, valid_days=14, on=date(2026, 12, 1))
    assert (quote.label, quote.gross, quote.status(date(2026, 12, 2))) == (
        "QUO-2026-0001",
        D("1725.00"),
        "draft",
    )
    assert quote.status(date(2026, 12, 20)) == "expired"
    revised = quotes.revise(quote.id, quote.version)
    assert revised.label == "QUO-2026-0001 rev. 2"
    revised = quotes.update_lines(revised.id, revised.version, [Line("Desks", D(2), D("450.00"), D(19))])
    assert revised.gross == D("1071.00")
    assert quotes.get(quote.id).state == "declined"  # the first revision is superseded
    revised = quotes.set_state(revised.id, revised.version, "sent")
    accepted = quotes.accept(revised.id, revised.version, update_deal=True)
    assert accepted.state == "accepted"
    assert services.deals.get(deal).amount == D("1071.00")
    assert [r.name for r in services.deal_form.load(deal).products] == ["Desks"]
    with pytest.raises(ConflictError, match="accepted"):
        quotes.update_lines(accepted.id, accepted.version, [Line("More", D(1), D("1.00"), D(19))])
    draft = quotes.invoice(accepted.id)
    assert (draft.gross, draft.state) == (D("1071.00"), "draft")
    issued = invoices.issue(draft.id, draft.version)
    invoices.add_payment(issued.id, "500")
    paid = invoices.add_payment(issued.id, "571")
    assert paid.status() == "paid"
    assert _valid_xml(services) == 1


def test_a_german_office_writes_its_invoices_words_in_german_and_an_accepted_quote_moves_the_deal(
    tmp_path,
) -> None:
    from app.services.container import open_services

    german = open_services(str(tmp_path / "de.sqlite"), language="de")
    try:
        stages = [s.id for s in german.pipelines.list()[0].stages]
        german.automation.add_trigger(stages[2], "Angebot angenommen", "quote_accepted")
        deal = _deal(german)
        down = german.invoices.draft_from_deal(deal, "down_payment", percent="30")
        assert german.invoices.get(down.id).lines[0].name == "Anzahlung 30 % – Office fit-out"
        quote = german.quotes.create_from_deal(deal)
        german.quotes.accept(quote.id, quote.version)
        german.automation_engine("pc").run_due()
        assert german.deals.get(deal).stage_id == stages[2]
    finally:
        german.close()
