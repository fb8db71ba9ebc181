"""Invoices as a person handles them: from the deal's Invoices tab a draft, issued, paid in two
payments through the payment dialog until it is paid; the Invoices area shows what is overdue with
the open and overdue totals."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import Qt

from app.dialogs.payment_dialog import PaymentDialog
from app.services.container import Services
from app.services.deals.pricing import ProductLine
from app.views.invoices.invoices_view import InvoicesView


def _deal(services: Services) -> int:
    saved = services.deal_form.save(
        None,
        None,
        values={"title": "Office fit-out", "stage_id": 1},
        products=[ProductLine("Desks", Decimal("500.00"), Decimal(2), tax_rate=Decimal(19))],
        amount_from_products=True,
    )
    return saved.deal.id


def test_an_invoice_is_made_issued_and_paid_in_two_payments(qtbot, services: Services, monkeypatch) -> None:
    deal = _deal(services)
    view = InvoicesView(services, deal_id=deal)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert view.empty.isVisible()
    made = view.new_invoice("full")
    assert made is not None
    assert view.tree.topLevelItem(0).text(0) == "(draft)"
    assert view.issue_button.isEnabled()
    assert not view.pay_button.isEnabled()
    qtbot.mouseClick(view.issue_button, Qt.MouseButton.LeftButton)
    item = view.tree.topLevelItem(0)
    assert (item.text(0), item.text(5), item.text(7)) == (
        f"INV-{date.today().year}-0001",
        "€1,190.00",
        "Issued",
    )
    amounts = iter(["1000", "190,00"])

    def pay(dialog: PaymentDialog) -> int:
        assert dialog.amount.text() in ("1190.00", "190.00")  # the open amount is offered
        dialog.amount.setText(next(amounts))
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(PaymentDialog, "exec", pay)
    qtbot.mouseClick(view.pay_button, Qt.MouseButton.LeftButton)
    assert view.tree.topLevelItem(0).text(7) == "Partly paid"
    qtbot.mouseClick(view.pay_button, Qt.MouseButton.LeftButton)
    item = view.tree.topLevelItem(0)
    assert (item.text(6), item.text(7)) == ("€1,190.00", "Paid")
    assert not view.pay_button.isEnabled()
    assert [p.amount for p in services.invoices.get(made.id).payments] == [
        Decimal("1000.00"),
        Decimal("190.00"),
    ]


def test_a_payment_over_the_open_amount_is_refused_in_the_dialog(qtbot, services: Services) -> None:
    deal = _deal(services)
    draft = services.invoices.draft_from_deal(deal)
    issued = services.invoices.issue(draft.id, draft.version)
    dialog = PaymentDialog(services, issued)
    qtbot.addWidget(dialog)
    dialog.amount.setText("5000")
    dialog.save()
    assert "still open" in dialog.problem.text()
    assert services.invoices.get(issued.id).paid == Decimal("0.00")


def test_the_invoices_area_shows_what_is_overdue(qtbot, services: Services) -> None:
    deal = _deal(services)
    late = services.invoices.draft_from_deal(deal, payment_days=10)
    services.invoices.issue(late.id, late.version, on=date.today() - timedelta(days=30))
    fresh = services.invoices.draft_from_deal(deal, "down_payment", percent="10")
    services.invoices.issue(fresh.id, fresh.version)
    area = InvoicesView(services)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    assert area.tree.topLevelItemCount() == 2
    assert area.totals.text() == "Open: €1,309.00, of it overdue €1,190.00"
    area.show_what.setCurrentIndex(area.show_what.findData("overdue"))
    assert area.tree.topLevelItemCount() == 1
    item = area.tree.topLevelItem(0)
    assert item.text(7) == "Overdue"
    assert item.foreground(7).color().name() == "#b3261e"


def test_a_quote_accepted_in_the_deal_form_is_invoiced_and_paid(
    qtbot, services: Services, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.dialogs.deal_form.deal_form_dialog import DealFormDialog

    deal = _deal(services)
    form = DealFormDialog(services, deal_id=deal)
    qtbot.addWidget(form)
    form.show()
    form.tabs.setCurrentWidget(form.quotes)
    qtbot.waitUntil(form.quotes.empty.isVisible)
    qtbot.mouseClick(form.quotes.new_button, Qt.MouseButton.LeftButton)
    item = form.quotes.tree.topLevelItem(0)
    assert (item.text(0), item.text(4), item.text(5)) == (
        f"QUO-{date.today().year}-0001",
        "€1,190.00",
        "Draft",
    )
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.No
    )
    qtbot.mouseClick(form.quotes.accept_button, Qt.MouseButton.LeftButton)
    assert asked == ["Put the quote's lines on the deal (its products and amount)?"]
    assert form.quotes.tree.topLevelItem(0).text(5) == "Accepted"
    qtbot.mouseClick(form.quotes.invoice_button, Qt.MouseButton.LeftButton)
    assert form.tabs.currentWidget() is form.invoices  # the new draft invoice, chosen
    invoices = form.invoices
    assert invoices.current() is not None
    qtbot.mouseClick(invoices.issue_button, Qt.MouseButton.LeftButton)
    amounts = iter(["700", "490"])

    def pay(dialog: PaymentDialog) -> int:
        dialog.amount.setText(next(amounts))
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(PaymentDialog, "exec", pay)
    qtbot.mouseClick(invoices.pay_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(invoices.pay_button, Qt.MouseButton.LeftButton)
    item = invoices.tree.topLevelItem(0)
    assert (item.text(0), item.text(6), item.text(7)) == (
        f"INV-{date.today().year}-0001",
        "€1,190.00",
        "Paid",
    )


def test_an_overdue_invoice_gets_a_reminder_its_document_and_the_list_an_export(
    qtbot, services: Services, monkeypatch, tmp_path
) -> None:
    import csv

    from docx import Document

    from PySide6.QtWidgets import QInputDialog

    services.document_settings.set_my_company(
        {
            "name": "Muster GmbH",
            "address": "Hauptstr. 1\n10115 Berlin",
            "tax_id": "DE123456789",
            "iban": "DE02120300000000202051",
        }
    )
    deal = _deal(services)
    late = services.invoices.draft_from_deal(deal, payment_days=10)
    late = services.invoices.issue(late.id, late.version, on=date.today() - timedelta(days=30))
    opened: list[str] = []
    monkeypatch.setattr(
        "PySide6.QtGui.QDesktopServices.openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    asked: list[str] = []

    def fee(_parent, _title, label, value, *_a, **_k):
        asked.append(label)
        assert value == 0.0  # a first reminder costs nothing by default
        return 2.5, True

    monkeypatch.setattr(QInputDialog, "getDouble", fee)
    area = InvoicesView(services)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    area.tree.setCurrentItem(area.tree.topLevelItem(0))
    assert area.remind_button.isEnabled()
    qtbot.mouseClick(area.remind_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: area.tree.topLevelItem(0).text(8).startswith("Level 1"))
    assert "Payment reminder for invoice INV-" in asked[0]
    letter = "\n".join(p.text for p in Document(opened[-1]).paragraphs)
    assert "Payment reminder" in letter
    assert "Reminder fee: €2.50" in letter
    assert "Now due: €1,192.50" in letter
    area.tree.setCurrentItem(area.tree.topLevelItem(0))
    assert not area.remind_button.isEnabled()  # the next one after the date it gave
    qtbot.mouseClick(area.document_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: opened[-1].endswith(".docx") and "reminder" not in opened[-1])
    assert f"Invoice {late.number}" in "\n".join(p.text for p in Document(opened[-1]).paragraphs)
    target = area.export(str(tmp_path / "invoices.csv"))
    assert target is not None
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["number", "kind", "status"]
    assert (rows[1][0], rows[1][2], rows[1][9], rows[1][12]) == (late.number, "overdue", "1190.00", "1")
    area.save_einvoice(str(tmp_path / "e.xml"))
    qtbot.waitUntil(lambda: (tmp_path / "e.xml").exists())
    assert late.number.encode() in (tmp_path / "e.xml").read_bytes()  # type: ignore[union-attr]


def test_a_drafts_lines_are_edited_and_a_bad_number_keeps_the_dialog_open(
    qtbot, services: Services, monkeypatch
) -> None:
    from app.dialogs.lines_dialog import LinesDialog
    from app.views.invoices.quotes_view import QuotesView

    deal = _deal(services)
    view = InvoicesView(services, deal_id=deal)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.new_invoice("full")
    assert view.lines_button.isEnabled()
    seen: list[str] = []

    def edit(dialog: LinesDialog) -> int:
        assert dialog.table.item(0, 0).text() == "Desks"
        assert dialog.totals.text() == "Net €1,000.00 · VAT €190.00 · Total €1,190.00"
        dialog.table.item(0, 1).setText("three")
        dialog.save()
        seen.append(dialog.problem.text())  # refused: the dialog stays
        assert not dialog.result()
        dialog.table.item(0, 1).setText("3")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        for column, text in ((0, "Delivery"), (1, "1"), (3, "49.50"), (5, "19")):
            dialog.table.item(1, column).setText(text)
        assert dialog.totals.text() == "Net €1,549.50 · VAT €294.41 · Total €1,843.91"
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(LinesDialog, "exec", edit)
    qtbot.mouseClick(view.lines_button, Qt.MouseButton.LeftButton)
    assert seen == ["Line 1: quantity, price, discount and VAT are numbers."]
    assert view.tree.topLevelItem(0).text(5) == "€1,843.91"
    assert [line.name for line in services.invoices.get(view.current().id).lines] == ["Desks", "Delivery"]  # type: ignore[union-attr]
    qtbot.mouseClick(view.issue_button, Qt.MouseButton.LeftButton)
    assert not view.lines_button.isEnabled()  # issued: fixed
    quotes = QuotesView(services, deal_id=deal)
    qtbot.addWidget(quotes)
    quotes.show()
    quote = quotes.new_quote()
    assert quote is not None
    quotes.select(quote.id)

    def cheaper(dialog: LinesDialog) -> int:
        dialog.table.item(0, 3).setText("450")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(LinesDialog, "exec", cheaper)
    qtbot.mouseClick(quotes.lines_button, Qt.MouseButton.LeftButton)
    assert services.quotes.get(quote.id).gross == Decimal("1071.00")
