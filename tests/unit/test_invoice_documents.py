"""The documents of invoices, quotes and payment reminders: rendered from the templates with the
record's number, lines, dates and a GiroCode; kept as they went out; dunning level by level; the
ZUGFeRD PDF (PDF/A-3 with the EN 16931 XML inside); a company's VAT ID and Leitweg-ID on its invoices."""

from __future__ import annotations

import io
import shutil
import sqlite3
from datetime import date
from decimal import Decimal as D  # noqa: N817 - money reads better short

import pytest
from docx import Document
from test_invoices import _deal

from app.services.container import Services
from app.services.core.errors import ConflictError, ValidationError
from app.services.core.iban import iban_problem
from app.services.invoices.documents import girocode_png


def _text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [" | ".join(c.text for c in row.cells) for row in table.rows]
    return "\n".join(lines)


def _images(content: bytes) -> int:
    """How many pictures the Word file holds."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(content)) as package:
        return sum(1 for name in package.namelist() if name.startswith("word/media/"))


def test_an_issued_invoice_keeps_its_document_with_number_due_date_and_girocode(services: Services) -> None:
    invoices, files = services.invoices, services.billing_files
    deal = _deal(services)
    draft = invoices.draft_from_deal(deal, payment_days=10)
    _name, preview = files.invoice_file(draft.id)  # a draft: a preview, not kept
    assert "Invoice" in _text(preview)
    assert "INV-" not in _text(preview)
    issued = invoices.issue(draft.id, draft.version, on=date(2026, 12, 3))
    name, content = files.invoice_file(issued.id)
    assert name.startswith("INV-2026-0001")
    body = _text(content)
    assert "Invoice INV-2026-0001" in body
    assert "Payable by: 13 Dec 2026" in body
    assert "Desks" in body
    assert "Books" in body
    assert "Total due: €1,725.00" in body
    assert "Please transfer €1,725.00" in body
    assert "DE02 1203 0000 0000 2020 51" in body
    assert "Scan with your banking app" in body
    assert _images(content) == 1  # the GiroCode
    # What went out is kept: a payment later does not change the issued document.
    invoices.add_payment(issued.id, "725")
    assert files.invoice_file(issued.id)[1] == content


def test_no_girocode_without_euros_or_a_real_iban() -> None:
    assert iban_problem("DE02 1203 0000 0000 2020 51") is None
    assert iban_problem("DE02 1203 0000 0000 2020 52") is not None  # a wrong check digit
    assert girocode_png("Muster GmbH", "DE02120300000000202051", "", "EUR", D("10.00"), "INV-1")
    assert girocode_png("Muster GmbH", "DE02120300000000202052", "", "EUR", D("10.00"), "INV-1") == ""
    assert girocode_png("Muster GmbH", "DE02120300000000202051", "", "USD", D("10.00"), "INV-1") == ""
    assert girocode_png("Muster GmbH", "DE02120300000000202051", "", "EUR", D("0.00"), "INV-1") == ""


def test_a_cancellation_document_names_the_invoice_it_cancels(services: Services) -> None:
    invoices = services.invoices
    issued = invoices.draft_from_deal(_deal(services))
    issued = invoices.issue(issued.id, issued.version, on=date(2026, 12, 3))
    storno = invoices.cancel(issued.id, issued.version, on=date(2026, 12, 4))
    name, content = services.billing_files.invoice_file(storno.id)
    body = _text(content)
    assert name.startswith("INV-2026-0002")
    assert "Cancellation invoice INV-2026-0002" in body
    assert "Cancels invoice INV-2026-0001" in body
    assert "Scan with your banking app" not in body
    assert _images(content) == 0


def test_a_template_that_fails_issues_nothing_and_leaves_no_gap(services: Services) -> None:
    invoices = services.invoices
    deal = _deal(services)
    path = services.database.path
    assert path is not None
    broken = _broken_template()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE document_template SET content = ? WHERE kind = 'invoice'", (broken,))
    draft = invoices.draft_from_deal(deal)
    with pytest.raises(ValidationError):
        invoices.issue(draft.id, draft.version)
    assert invoices.get(draft.id).state == "draft"
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM document_template WHERE kind = 'invoice'")  # back to the shipped one
    again = invoices.get(draft.id)
    assert invoices.issue(again.id, again.version).number.endswith("0001")  # type: ignore[union-attr]


def _broken_template() -> bytes:
    document = Document()
    document.add_paragraph("{{ invoice.number ~ invoice.number * 100000000 }}")  # far beyond the limit
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_dunning_goes_level_by_level_with_its_letters(services: Services) -> None:
    invoices, dunning, files = services.invoices, services.dunning, services.billing_files
    issued = invoices.draft_from_deal(_deal(services), payment_days=14)
    issued = invoices.issue(issued.id, issued.version, on=date(2026, 11, 1))  # due 15 November
    with pytest.raises(ValidationError, match="is not overdue"):
        dunning.remind(issued.id, issued.version, on=date(2026, 11, 10))
    invoices.add_payment(issued.id, "225", paid_on=date(2026, 11, 12))
    current = invoices.get(issued.id)
    first = dunning.remind(current.id, current.version, on=date(2026, 11, 20))
    assert (first.level, first.pay_by, first.fee) == (1, date(2026, 11, 30), D("0.00"))
    assert invoices.get(issued.id).dunning_level == 1
    current = invoices.get(issued.id)
    with pytest.raises(ValidationError, match="after that"):
        dunning.remind(current.id, current.version, on=date(2026, 11, 25))
    second = dunning.remind(current.id, current.version, on=date(2026, 12, 1))
    assert (second.level, second.fee) == (2, D("5.00"))
    _name, letter = files.reminder_file(second.id)
    body = _text(letter)
    assert "Second reminder" in body
    assert "invoice INV-2026-0001" in body
    assert "(€225.00 received)" in body
    assert "Open amount: €1,500.00" in body
    assert "Reminder fee: €5.00" in body
    assert "Now due: €1,505.00" in body
    assert "Perhaps it was simply overlooked" not in body  # that is the first one's tone
    assert "simply overlooked" in _text(files.reminder_file(first.id)[1])
    current = invoices.get(issued.id)
    third = dunning.remind(current.id, current.version, on=date(2026, 12, 20), fee="12,50")
    assert (third.level, third.fee) == (3, D("12.50"))
    assert "Final reminder" in _text(files.reminder_file(third.id)[1])
    current = invoices.get(issued.id)
    with pytest.raises(ConflictError, match="final reminder"):
        dunning.remind(current.id, current.version, on=date(2027, 1, 31))
    assert [r.level for r in dunning.reminders(issued.id)] == [1, 2, 3]
    assert invoices.get(issued.id).gross == D("1725.00")  # the invoice itself never changes


def test_a_paid_invoice_gets_no_reminder_and_a_bad_fee_changes_nothing(services: Services) -> None:
    invoices, dunning = services.invoices, services.dunning
    issued = invoices.draft_from_deal(_deal(services))
    issued = invoices.issue(issued.id, issued.version, on=date(2026, 10, 1))
    with pytest.raises(ValidationError, match="reminder fee"):
        dunning.remind(issued.id, issued.version, on=date(2026, 11, 1), fee="-1")
    assert invoices.get(issued.id).dunning_level == 0
    paid = invoices.add_payment(issued.id, "1725")
    with pytest.raises(ValidationError, match="nothing open"):
        dunning.remind(paid.id, paid.version, on=date(2026, 11, 1))


def test_a_company_vat_id_and_leitweg_id_go_onto_its_invoices(services: Services) -> None:
    from lxml import etree

    with pytest.raises(ValidationError, match="is not a VAT ID"):
        services.companies.create(title="Amt", vat_id="123")
    with pytest.raises(ValidationError, match="is not a Leitweg-ID"):
        services.companies.create(title="Amt", leitweg_id="abc")
    company = services.companies.create(
        title="Stadt Musterhausen", vat_id="de 123 456 788", leitweg_id="991-12345-06", address="Rathaus 1"
    )
    assert (company.vat_id, company.leitweg_id) == ("DE123456788", "991-12345-06")
    deal = _deal(services)
    services.deals.update(deal, services.deals.get(deal).version, company_id=company.id)
    issued = services.invoices.draft_from_deal(deal)
    issued = services.invoices.issue(issued.id, issued.version)
    xml = etree.fromstring(services.invoices.einvoice(issued.id))
    assert xml.findtext(".//{*}BuyerReference") == "991-12345-06"
    assert xml.findtext(".//{*}BuyerTradeParty/{*}SpecifiedTaxRegistration/{*}ID") == "DE123456788"
    body = _text(services.billing_files.invoice_file(issued.id)[1])
    assert "Stadt Musterhausen" in body
    assert "Your VAT ID: DE123456788" in body
    assert "Your reference: 991-12345-06" in body


def test_a_quote_keeps_its_document_as_its_lines_are(services: Services) -> None:
    from app.services.invoices.money import Line

    quotes, files = services.quotes, services.billing_files
    quote = quotes.create_from_deal(_deal(services), valid_days=14, on=date(2026, 12, 1))
    body = _text(files.quote_file(quote.id)[1])
    assert "Quote QUO-2026-0001" in body
    assert "valid until" in body
    assert "Desks" in body
    quote = quotes.update_lines(quote.id, quote.version, [Line("Chairs", D(4), D("80.00"), D(19))])
    body = _text(files.quote_file(quote.id)[1])
    assert "Chairs" in body
    assert "Desks" not in body
    revised = quotes.revise(quote.id, quote.version)
    name, content = files.quote_file(revised.id)
    assert name.startswith("QUO-2026-0001 rev. 2")
    assert "Quote QUO-2026-0001 rev. 2" in _text(content)


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice is not installed (.ci/run installs it)"
)
def test_the_zugferd_pdf_carries_the_einvoice(services: Services) -> None:
    from facturx import get_facturx_xml_from_pdf
    from lxml import etree

    invoices = services.invoices
    issued = invoices.draft_from_deal(_deal(services))
    issued = invoices.issue(issued.id, issued.version, on=date(2026, 12, 3))
    name, pdf = services.billing_files.invoice_file(issued.id, pdf=True)
    assert name.endswith(".pdf")
    assert pdf.startswith(b"%PDF")
    assert b"pdfaid:part" in pdf or b"pdfaid" in pdf  # PDF/A (its XMP metadata says the part)
    xml_name, xml = get_facturx_xml_from_pdf(pdf, check_xsd=True)
    assert xml_name == "factur-x.xml"
    root = etree.fromstring(xml)
    assert root.findtext(".//{*}ExchangedDocument/{*}ID") == "INV-2026-0001"
    assert (
        root.findtext(".//{*}GuidelineSpecifiedDocumentContextParameter/{*}ID") == "urn:cen.eu:en16931:2017"
    )
    assert services.billing_files.invoice_file(issued.id, pdf=True)[1] == pdf  # made once, kept


def test_receivables_by_age_and_paid_this_month_in_analytics(services: Services) -> None:
    from app.reports.charts import Words, table
    from app.services.analytics.service import AnalyticsFilter

    invoices = services.invoices
    deal = _deal(services)  # 1,725.00 gross per full invoice
    today = date(2026, 12, 20)
    for issued_on, days in (
        (date(2026, 12, 10), 14),  # due 24 Dec: not yet due
        (date(2026, 11, 20), 14),  # due 4 Dec: 16 days late
        (date(2026, 9, 1), 14),  # due 15 Sep: 96 days late
        (date(2026, 10, 1), 30),  # due 31 Oct: 50 days late, half paid on 5 Dec
    ):
        draft = invoices.draft_from_deal(deal, payment_days=days)
        issued = invoices.issue(draft.id, draft.version, on=issued_on)
    invoices.add_payment(issued.id, "862.50", paid_on=date(2026, 12, 5))
    invoices.add_payment(issued.id, "0.50", paid_on=date(2026, 11, 30))  # last month: not counted
    paid = invoices.draft_from_deal(deal)
    paid = invoices.issue(paid.id, paid.version, on=date(2026, 12, 1))
    invoices.add_payment(paid.id, "1725", paid_on=date(2026, 12, 2))  # paid: not open
    board = services.analytics.dashboard(AnalyticsFilter(date(2026, 1, 1), date(2026, 12, 31)), today=today)
    ages = {b.key: (b.value, b.count) for b in board.receivables}
    assert ages == {
        "not_due": (D("1725.00"), 1),
        "1_30": (D("1725.00"), 1),
        "31_60": (D("862.00"), 1),
        "61_90": (D("0.00"), 0),
        "over_90": (D("1725.00"), 1),
    }
    assert board.paid_this_month == D("2587.50")  # 862.50 + 1,725.00 in December
    _header, rows = table("receivables", board, Words({}, "", "", "", "", "", "", "", "", str, str, str))
    assert [r[0] for r in rows] == ["not yet due", "1–30 days", "31–60 days", "61–90 days", "over 90 days"]


def test_my_company_takes_only_a_real_iban(services: Services) -> None:
    with pytest.raises(ValidationError, match="is not an IBAN"):
        services.document_settings.set_my_company(
            {"name": "Muster GmbH", "iban": "DE02 1203 0000 0000 2020 52"}
        )
    assert services.document_settings.my_company().get("iban", "") == ""  # nothing was kept
    services.document_settings.set_my_company({"iban": "de02120300000000202051"})
    assert services.document_settings.my_company()["iban"] == "DE02 1203 0000 0000 2020 51"


def test_who_may_only_read_the_deal_sees_its_invoices_but_sends_no_reminder(services: Services) -> None:
    from app.services.access.rights import Action, Level, uniform_rights
    from app.services.core.errors import PermissionDeniedError

    invoices = services.invoices
    issued = invoices.draft_from_deal(_deal(services))
    issued = invoices.issue(issued.id, issued.version, on=date(2026, 10, 1))
    services.users.create(login="rita", name="Rita")
    for assignment in services.roles.assignments():
        services.roles.unassign(assignment.id)
    levels = {action: (Level.ALL if action is Action.READ else Level.NONE) for action in Action}
    role = services.roles.create("Reader", uniform_rights(levels))
    services.roles.assign(role.id, user_id=services.users.list()[-1].id)
    rita = services.as_user("rita")
    seen = rita.invoices.get(issued.id)
    assert seen.status(date(2026, 12, 1)) == "overdue"
    with pytest.raises(PermissionDeniedError):
        rita.dunning.remind(seen.id, seen.version, on=date(2026, 12, 1))
    assert invoices.get(issued.id).dunning_level == 0


def test_a_record_without_a_kept_document_gets_one_made_once(services: Services) -> None:
    """Invoices and quotes made without documents (imported, the demo's) get theirs on first use."""
    invoices, quotes, files = services.invoices, services.quotes, services.billing_files
    deal = _deal(services)
    issued = invoices.draft_from_deal(deal)
    issued = invoices.issue(issued.id, issued.version, on=date(2026, 12, 3))
    quote = quotes.create_from_deal(deal, on=date(2026, 12, 1))
    path = services.database.path
    assert path is not None
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM billing_document")
    first = files.invoice_file(issued.id)
    assert "Invoice INV-2026-0001" in _text(first[1])
    assert files.invoice_file(issued.id) == first  # kept, not made again
    assert "Quote QUO-2026-0001" in _text(files.quote_file(quote.id)[1])
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM billing_document").fetchone()[0] == 2


def test_the_lists_filter_in_the_query_not_among_the_newest(services: Services) -> None:
    """ "Open", "Drafts", "Expiring soon", "Accepted" are asked of the database: an old open invoice is
    found however many newer ones there are (here: beyond a limit of 2)."""
    invoices, quotes = services.invoices, services.quotes
    deal = _deal(services)
    old = invoices.draft_from_deal(deal)
    old = invoices.issue(old.id, old.version, on=date(2026, 1, 5))  # open since January
    for _ in range(3):
        paid = invoices.draft_from_deal(deal)
        paid = invoices.issue(paid.id, paid.version, on=date(2026, 12, 1))
        invoices.add_payment(paid.id, paid.gross)
    draft = invoices.draft_from_deal(deal)
    assert [i.id for i in invoices.list(show="open", limit=2)] == [old.id]
    assert [i.id for i in invoices.list(show="draft", limit=2)] == [draft.id]
    today = date(2026, 12, 1)
    soon = quotes.create_from_deal(deal, valid_days=3, on=today)
    later = quotes.create_from_deal(deal, valid_days=30, on=today)
    expired = quotes.create_from_deal(deal, valid_days=1, on=date(2026, 11, 1))
    accepted = quotes.create_from_deal(deal, valid_days=30, on=today)
    accepted = quotes.accept(accepted.id, accepted.version)
    assert {q.id for q in quotes.list(show="open", today=today)} == {soon.id, later.id}
    assert [q.id for q in quotes.list(show="soon", today=today)] == [soon.id]
    assert [q.id for q in quotes.list(show="accepted", today=today)] == [accepted.id]
    assert expired.id in {q.id for q in quotes.list(today=today)}
