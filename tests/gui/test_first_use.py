"""The rough edges a new user hits first (issue 15): each test fails on the behaviour it mends."""

from __future__ import annotations

from datetime import date

import pytest

from PySide6.QtCore import QDate, QLocale, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.dialogs.deal_form.deal_form_dialog import DealFormDialog
from app.ui.date_input import DateInput, parse_date
from app.views.deal_list.deal_table_model import COL_TITLE, DealIdRole
from app.views.main_window import MainWindow
from app.views.sidebar import Area


def _opened_deals(monkeypatch) -> list[int]:
    opened: list[int] = []

    def remember(dialog: DealFormDialog) -> int:
        opened.append(dialog._data.deal.id)
        return 0

    monkeypatch.setattr(DealFormDialog, "exec", remember)
    return opened


# -- 1. a double-click opens the row it was made on ---------------------------------------------------


def _under_the_pointer(widget: QWidget, pointer: QPoint) -> QPoint:
    """Where a pointer that stays put on the window is, in the widget's coordinates now."""
    return widget.mapFrom(widget.window(), pointer)


def test_the_bar_that_appears_with_the_first_click_moves_no_row(qtbot, window: MainWindow) -> None:
    view = window.deals.list_view
    point = view.visualRect(view.model().index(3, COL_TITLE)).center()
    pointer = view.viewport().mapTo(window, point)
    deal = view.indexAt(point).data(DealIdRole)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: window.deals.bulk_bar.isVisible())
    qtbot.wait(50)  # the layout settles after the bar is shown
    assert view.indexAt(_under_the_pointer(view.viewport(), pointer)).data(DealIdRole) == deal


def test_a_double_click_on_an_unchosen_row_opens_that_deal(qtbot, window: MainWindow, monkeypatch) -> None:
    opened = _opened_deals(monkeypatch)
    view = window.deals.list_view
    point = view.visualRect(view.model().index(4, COL_TITLE)).center()
    pointer = view.viewport().mapTo(window, point)
    deal = view.indexAt(point).data(DealIdRole)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)  # the first click of the two
    qtbot.wait(50)  # the bar appears meanwhile
    qtbot.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=_under_the_pointer(view.viewport(), pointer)
    )
    assert opened == [deal]
    assert view.state() != QAbstractItemView.State.EditingState


def test_a_click_on_a_chosen_row_chooses_and_f2_or_typing_edits(qtbot, window: MainWindow) -> None:
    view = window.deals.list_view
    point = view.visualRect(view.model().index(2, COL_TITLE)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.wait(50)
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a second click, not a double-click
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    assert view.state() != QAbstractItemView.State.EditingState
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert view.state() == QAbstractItemView.State.EditingState
    qtbot.keyClick(view.focusWidget() or view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    qtbot.keyClicks(view, "N")  # typing over the cell, as in a spreadsheet
    assert view.state() == QAbstractItemView.State.EditingState


def test_the_contacts_bar_moves_no_row_either(qtbot, window: MainWindow) -> None:
    window.sidebar.select(Area.CONTACTS)
    page = window.contacts
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    table = page.table
    point = table.visualRect(page.model.index(3, 0)).center()
    pointer = table.viewport().mapTo(window, point)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: page.bulk.isVisible())
    qtbot.wait(50)
    assert table.indexAt(_under_the_pointer(table.viewport(), pointer)).row() == 3


# -- 3. a company typed in the contact form is never dropped ------------------------------------------


def _new_contact_form(qtbot, services):
    from app.dialogs.customer_form.customer_form_dialog import CustomerFormDialog
    from app.services.customers.queries import CustomerKind

    form = CustomerFormDialog(services, CustomerKind.CONTACT)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    qtbot.keyClicks(form.findChild(QLineEdit, "first_name"), "Ida")
    qtbot.keyClicks(form.findChild(QLineEdit, "last_name"), "Pfeiffer")
    return form


def _save(qtbot, form) -> None:
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_enter_in_the_company_field_does_not_save_the_contact(qtbot, services, monkeypatch) -> None:
    form = _new_contact_form(qtbot, services)
    line = form.findChild(QLineEdit, "company_ids")
    qtbot.keyClicks(line, "Zeppelin Werke")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert form.isVisible()
    assert form.result() != QDialog.DialogCode.Accepted
    assert line.text() == "Zeppelin Werke"  # no such company: the name stays to be seen
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    form.reject()


def test_a_company_typed_but_not_picked_is_made_when_the_user_says_so(qtbot, services, monkeypatch) -> None:
    form = _new_contact_form(qtbot, services)
    qtbot.keyClicks(form.findChild(QLineEdit, "company_ids"), "Zeppelin Werke")
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes
    )
    _save(qtbot, form)
    assert asked == ["There is no company “Zeppelin Werke” yet. Create it and link this contact to it?"]
    assert form.result() == QDialog.DialogCode.Accepted
    company = services.companies.search("Zeppelin")[0]
    assert form.saved.record.company_ids == (company.id,)


def test_a_company_typed_but_not_picked_is_flagged_and_nothing_saved(qtbot, services, monkeypatch) -> None:
    form = _new_contact_form(qtbot, services)
    qtbot.keyClicks(form.findChild(QLineEdit, "company_ids"), "Zeppelin Werke")
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    before = services.contacts.count()
    _save(qtbot, form)
    assert form.isVisible()
    assert services.contacts.count() == before
    assert services.companies.search("Zeppelin") == []
    shown = [label.text() for label in form.findChildren(QLabel) if label.isVisible()]
    assert "Pick a company from the suggestions, or create it." in shown
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    form.reject()


# -- 4. empty dates open on today and take typed dates ----------------------------------------------


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        (QLocale.Language.German, "27.11.2026", date(2026, 11, 27)),
        (QLocale.Language.German, "3.2.27", date(2027, 2, 3)),
        (QLocale.Language.English, "27/11/2026", date(2026, 11, 27)),  # the app's English is British
        (QLocale.Language.English, "2026-11-27", date(2026, 11, 27)),
        (QLocale.Language.English, "31/02/2026", None),
        (QLocale.Language.English, "soon", None),
    ],
)
def test_dates_are_read_as_the_language_writes_them(qapp, language, typed, expected) -> None:
    country = (
        QLocale.Country.Germany if language is QLocale.Language.German else QLocale.Country.UnitedKingdom
    )
    QLocale.setDefault(QLocale(language, country))
    assert parse_date(typed) == expected


def test_us_english_reads_the_month_first(qapp) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert parse_date("11/27/2026") == date(2026, 11, 27)


def test_an_empty_close_date_takes_typed_digits_and_its_calendar_opens_on_today(qtbot, services) -> None:
    form = DealFormDialog(services)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    field = form.findChild(DateInput, "close_date")
    assert field.date() is None
    qtbot.mouseClick(field.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: field.calendar is not None and field.calendar.isVisible())
    today = date.today()
    assert field.calendar.selectedDate() == QDate(today.year, today.month, today.day)
    field.calendar.close()
    qtbot.keyClicks(field.line, "31/05/2027")
    assert field.date() == date(2027, 5, 31)
    assert form.sections.editors["close_date"].value() == date(2027, 5, 31)
    field.line.clear()
    qtbot.keyClicks(field.line, "31/02/2027")  # no such day: kept as typed, for the services to refuse
    assert form.sections.editors["close_date"].value() == "31/02/2027"
    form.done(0)


def test_a_close_date_typed_into_the_list_is_saved(qtbot, window: MainWindow, demo_services) -> None:
    from app.views.deal_list.deal_table_model import COL_CLOSE

    view = window.deals.list_view
    index = view.model().index(0, COL_CLOSE)
    deal = index.data(DealIdRole)
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(index)
    assert isinstance(editor, DateInput)
    editor.line.clear()
    qtbot.keyClicks(editor.line, "15/01/2028")
    qtbot.keyClick(editor.line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: demo_services.deals.get(deal).close_date == date(2028, 1, 15))


# -- 9. plurals and words ------------------------------------------------------------------------------


def test_one_matching_deal_is_one_deal(qtbot, window: MainWindow, demo_services) -> None:
    demo_services.deals.create(title="Quasar Quokka")
    window.deals._search.setText("Quasar Quokka")
    qtbot.waitUntil(lambda: window.deals.model.rowCount() == 1)
    window.deals.list_view.setFocus()
    qtbot.keyClick(window.deals.list_view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert (
        window.deals.bulk_bar.findChild(QLabel, "selectedCount").text() == "The 1 matching deal is selected."
    )


def _timeline_products(services) -> str:
    from app.dialogs.deal_form.history_format import HistoryFormat
    from app.dialogs.fields.catalog import FieldCatalog
    from app.services.fields.custom_fields import EntityType

    history = HistoryFormat(FieldCatalog(services, EntityType.DEAL))
    return history.value("products", "Desk × 3 à 1890.00; Chair × 2.5 à 50.00")


def test_product_rows_in_the_timeline_are_written_the_english_way(qtbot, services) -> None:
    assert _timeline_products(services) == "Desk × 3 at 1,890.00; Chair × 2.5 at 50.00"


def test_product_rows_in_the_timeline_are_written_the_german_way(qtbot, services, german) -> None:
    assert _timeline_products(services) == "Desk × 3 à 1.890,00; Chair × 2,5 à 50,00"


def test_a_company_is_named_by_its_name(qtbot, services) -> None:
    from app.dialogs.customer_form.customer_form_dialog import CustomerFormDialog
    from app.services.customers.queries import CustomerKind

    form = CustomerFormDialog(services, CustomerKind.COMPANY)
    qtbot.addWidget(form)
    labels = [label.text() for label in form.findChildren(QLabel)]
    assert any(text.startswith("Company name") for text in labels)
    assert not any(text.startswith("Title") for text in labels)


# -- 6. documents out of the box ------------------------------------------------------------------------


def _documents_tab(qtbot, services, monkeypatch):
    deal = services.deals.create(title="Desks for Becker")
    form = DealFormDialog(services, deal_id=deal.id)
    qtbot.addWidget(form)
    form.tabs.setCurrentWidget(form.documents)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    return form, form.documents


def test_a_new_database_makes_documents_at_once(qtbot, services, monkeypatch) -> None:
    form, tab = _documents_tab(qtbot, services, monkeypatch)
    assert tab.new.isEnabled()
    assert not any(b.isEnabled() for b in (tab.open, tab.save_as, tab.pdf))  # no document yet
    offered: list[list[str]] = []

    def choose(_parent, _title, _label, names, *_a, **_k):
        offered.append(list(names))
        return names[0], True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", lambda url: True)
    services.document_templates.add_shipped_templates()  # the German ones too
    qtbot.mouseClick(tab.new, Qt.MouseButton.LeftButton)
    assert offered[0][:2] in (["Invoice", "Quote"], ["Quote", "Invoice"])  # English first for an English user
    assert all(b.isEnabled() for b in (tab.open, tab.save_as, tab.pdf))
    timeline = form.timeline.tree
    shown = [timeline.topLevelItem(n).text(2) for n in range(timeline.topLevelItemCount())]
    number = tab.tree.topLevelItem(0).text(0)
    assert any(text.startswith(f"Made the document {number}") for text in shown)


def test_a_long_document_number_is_shown_whole(qtbot, services, monkeypatch) -> None:
    services.document_settings.set_number_pattern("quote", "ANGEBOT-{PREFIX}-{YYYY}-{NNNNNN}-BERLIN")
    form, tab = _documents_tab(qtbot, services, monkeypatch)
    form.resize(900, 600)
    form.show()
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, names, *a, **k: ("Quote", True))
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", lambda url: True)
    qtbot.mouseClick(tab.new, Qt.MouseButton.LeftButton)
    item = tab.tree.topLevelItem(0)
    assert item.text(0).startswith("ANGEBOT-QUO-")
    needed = tab.tree.fontMetrics().horizontalAdvance(item.text(0))
    qtbot.waitUntil(lambda: tab.tree.columnWidth(0) > needed)  # not "ANGEBOT-QUO-20…"
    date_text = item.text(3)
    assert tab.tree.columnWidth(3) > tab.tree.fontMetrics().horizontalAdvance(date_text)


def test_a_german_user_is_offered_the_german_templates_first(qtbot, services, german, monkeypatch) -> None:
    services.document_templates.add_shipped_templates()
    _form, tab = _documents_tab(qtbot, services, monkeypatch)
    offered: list[list[str]] = []
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda _p, _t, _l, names, *a, **k: offered.append(list(names)) or ("", False)
    )
    qtbot.mouseClick(tab.new, Qt.MouseButton.LeftButton)
    assert set(offered[0][:2]) == {"Angebot", "Rechnung"}


def test_without_a_program_for_word_files_it_says_where_the_document_is(qtbot, services, monkeypatch) -> None:
    _form, tab = _documents_tab(qtbot, services, monkeypatch)
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, names, *a, **k: (names[0], True))
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", lambda url: False)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: said.append(text))
    qtbot.mouseClick(tab.new, Qt.MouseButton.LeftButton)
    assert said == [
        f"No program on this computer opens Word documents. The document was saved as:\n{tab.opened[-1]}"
    ]


# -- 12. small confirmations ----------------------------------------------------------------------------


def test_saving_a_contact_says_so(qtbot, window: MainWindow, monkeypatch) -> None:
    from app.dialogs.customer_form.customer_form_dialog import CustomerFormDialog

    window.sidebar.select(Area.CONTACTS)
    page = window.contacts
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)

    def save(dialog: CustomerFormDialog) -> int:
        dialog.sections.editors["first_name"].set_value("Ida")
        dialog.sections.editors["last_name"].set_value("Pfeiffer")
        dialog._on_save()
        return dialog.result()

    monkeypatch.setattr(CustomerFormDialog, "exec", save)
    page.open_form(None)
    assert window.statusBar().currentMessage() == "Saved “Ida Pfeiffer”."


def test_saving_my_company_says_when(qtbot, window: MainWindow) -> None:
    window.sidebar.select(Area.SETTINGS)
    saved = window.findChild(QLabel, "companySaved")
    assert saved.text() == ""
    qtbot.mouseClick(window.findChild(QPushButton, "saveCompany"), Qt.MouseButton.LeftButton)
    assert saved.text().startswith("Saved at ")


# -- 11. analytics details ------------------------------------------------------------------------------


def test_the_products_by_month_legend_stands_beside_the_lines(qapp, demo_services) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from app.reports.charts import draw
    from app.services.analytics.service import AnalyticsFilter
    from app.ui.chart_words import chart_words

    data = demo_services.analytics.dashboard(AnalyticsFilter(date(2000, 1, 1), date.today()))
    figure = Figure(figsize=(8, 4))
    canvas = FigureCanvasAgg(figure)
    draw("products_time", figure, data, chart_words("EUR"))
    canvas.draw()
    renderer = canvas.get_renderer()
    axes = figure.axes[0]
    legend = axes.get_legend().get_window_extent(renderer)
    assert legend.x0 >= axes.get_window_extent(renderer).x1  # never over the points
    assert legend.x1 <= figure.get_window_extent(renderer).x1 + 1  # and not cut off


def test_the_sales_plan_legend_covers_no_bar(qapp) -> None:
    from decimal import Decimal

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    from app.reports.charts import draw
    from app.services.analytics.service import AnalyticsFilter, Dashboard, PlanRow
    from app.ui.chart_words import chart_words

    # Everybody at or over the target: tall bars everywhere, no free corner for a legend inside.
    people = ("Thomas Hahn", "Administrator", "Lea König", "Julia Becker", "Nina Lehmann")
    plan = tuple(
        PlanRow(n, name, None, Decimal(600_000 + n * 30_000), Decimal(700_000), 100.0, True)
        for n, name in enumerate(people, 1)
    )
    data = Dashboard(AnalyticsFilter(date(2026, 1, 1), date(2026, 12, 31)), "EUR", plan=plan)
    figure = Figure(figsize=(5.8, 3.2), dpi=90)  # a card's size
    canvas = FigureCanvasAgg(figure)
    draw("plan", figure, data, chart_words("EUR"))
    canvas.draw()
    renderer = canvas.get_renderer()
    axes = figure.axes[0]
    legend = axes.get_legend().get_window_extent(renderer)
    bars = [p.get_window_extent(renderer) for p in axes.patches if isinstance(p, Rectangle)]
    assert len(bars) == 10
    assert not [bar for bar in bars if bar.overlaps(legend)]
    assert figure.get_window_extent(renderer).contains(legend.x1 - 1, legend.y1 - 1)  # not cut off


# -- 7. stage moves can be undone -----------------------------------------------------------------------


def test_a_stage_move_in_the_list_offers_undo_and_undo_puts_it_back(
    qtbot, window: MainWindow, demo_services
) -> None:
    from PySide6.QtWidgets import QComboBox

    from app.ui.actions import ActionId
    from app.views.deal_list.deal_table_model import COL_STAGE, DealRowRole

    view = window.deals.list_view
    row = next(r for r in range(30) if not view.model().index(r, 0).data(DealRowRole).closed)
    deal = view.model().index(row, 0).data(DealRowRole)
    pipeline = next(p for p in demo_services.pipelines.list() if p.id == deal.pipeline_id)
    won = next(s for s in pipeline.stages if s.semantic.value == "won")
    index = view.model().index(row, COL_STAGE)
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(index)
    assert isinstance(editor, QComboBox)
    editor.setCurrentIndex(editor.findData(won.id))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    toast = window.undo_toast
    qtbot.waitUntil(toast.isVisible)
    assert toast.text.text() == f"Moved “{deal.title}” to {won.name}."
    assert window.actions[ActionId.UNDO].text() == f"&Undo move of “{deal.title}” to {won.name}"
    qtbot.mouseClick(toast.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: demo_services.deals.get(deal.id).stage_id == deal.stage_id)
    assert not demo_services.deals.get(deal.id).closed
    qtbot.waitUntil(lambda: not window.actions[ActionId.UNDO].isEnabled())


# -- 10. German all through -----------------------------------------------------------------------------


def test_a_new_language_offers_to_restart_in_it(qtbot, window: MainWindow, monkeypatch) -> None:
    import sys

    from PySide6.QtCore import QProcess
    from PySide6.QtWidgets import QComboBox

    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(
        QProcess, "startDetached", lambda program, args: started.append((program, args)) or True
    )
    window.sidebar.select(Area.SETTINGS)
    language = window.findChild(QComboBox, "language")
    restart = window.findChild(QPushButton, "restartNow")
    assert not restart.isVisible()
    language.setCurrentIndex(language.findData("de"))
    assert window.findChild(QLabel, "languageNote").isVisible()
    qtbot.mouseClick(restart, Qt.MouseButton.LeftButton)
    assert started == [(sys.executable, ["-m", "app", *sys.argv[1:]])]
    qtbot.waitUntil(lambda: not window.isVisible())


def test_a_database_made_in_german_speaks_german(tmp_path) -> None:
    from app.services.container import open_services

    services = open_services(str(tmp_path / "de.sqlite"), language="de")
    try:
        pipeline = services.pipelines.list()[0]
        assert pipeline.name == "Vertrieb"
        assert [s.name for s in pipeline.stages][:2] == ["Neu", "Dokumente vorbereiten"]
        assert services.office.loss_reasons()[0] == "Preis zu hoch"
        assert {t.name for t in services.document_templates.templates()} == {
            "Angebot",
            "Rechnung",
            "Zahlungserinnerung",
        }
    finally:
        services.close()


# -- 5. the first open of Analytics does not hold the window ----------------------------------------------


def test_analytics_charts_are_drawn_off_the_gui_thread(qtbot, window: MainWindow, monkeypatch) -> None:
    from app.ui.operations import Operation

    monkeypatch.setattr(Operation, "run_synchronously", False)  # real threads, as for a user
    view = window.analytics
    window.sidebar.select(Area.ANALYTICS)
    assert len(view.cards) == 9  # the page is there at once, its cards empty
    assert not any(card.drawn for card in view.cards.values())
    assert view.cards["funnel"].image.text() == "Drawing…"
    qtbot.waitUntil(lambda: view.data is not None, timeout=20_000)
    assert all(card.drawn and not card.image.pixmap().isNull() for card in view.cards.values())


def test_the_first_cards_are_drawn_while_the_rest_is_read(qtbot, window: MainWindow, monkeypatch) -> None:
    import threading

    from app.services.analytics.service import AnalyticsService
    from app.ui.operations import Operation

    monkeypatch.setattr(Operation, "run_synchronously", False)
    rest = threading.Event()
    whole = AnalyticsService.dashboard

    def slow_rest(service, wanted, *, today=None, first_part=None):
        def ahead(part):
            first_part(part)
            assert rest.wait(20)  # the rest of the figures are slow to read

        return whole(service, wanted, today=today, first_part=ahead)

    monkeypatch.setattr(AnalyticsService, "dashboard", slow_rest)
    view = window.analytics
    window.sidebar.select(Area.ANALYTICS)
    try:
        qtbot.waitUntil(lambda: view.cards["funnel"].drawn and view.cards["products"].drawn, timeout=20_000)
        assert view.data is None  # the rest is still being read
        assert not view.cards["sources"].drawn
        assert view.cards["sources"].image.text() == "Drawing…"
        first = {chart: view.cards[chart].rendered for chart in ("funnel", "products")}
    finally:
        rest.set()
    qtbot.waitUntil(lambda: view.data is not None, timeout=20_000)
    assert all(card.drawn for card in view.cards.values())
    # The same figures in the whole read: those cards were not drawn a second time.
    assert {chart: view.cards[chart].rendered for chart in first} == first


def test_a_change_redraws_only_the_charts_it_changes(qtbot, window: MainWindow, demo_services) -> None:
    from app.reports.charts import same_picture

    view = window.analytics
    window.sidebar.select(Area.ANALYTICS)
    qtbot.waitUntil(lambda: view.data is not None)
    old, before = view.data, {chart: card.rendered for chart, card in view.cards.items()}
    pipeline = demo_services.pipelines.list()[0]
    won = next(s for s in pipeline.stages if s.semantic.value == "won")
    deal = demo_services.deals.create(title="Late win", amount="700.00", source="exhibition")
    demo_services.deals.move_stage(deal.id, won.id, expected_version=deal.version)
    qtbot.waitUntil(lambda: view.data is not old, timeout=10_000)
    changed = {chart for chart in view.cards if not same_picture(chart, old, view.data)}
    assert {"sources", "months"} <= changed  # a won deal of this month from an exhibition
    assert len(changed) < len(view.cards)  # e.g. the forecast of open deals is as it was
    for chart, card in view.cards.items():
        assert (card.rendered is before[chart]) == (chart not in changed), chart


def test_drawn_charts_never_widen_the_page(qtbot, window: MainWindow) -> None:
    window.resize(1280, 800)
    view = window.analytics
    window.sidebar.select(Area.ANALYTICS)
    qtbot.waitUntil(lambda: view.data is not None)
    qtbot.wait(400)  # past the redraw after a resize, were there one
    assert view.scroll.horizontalScrollBar().maximum() == 0  # both columns of cards whole, side by side
    card = view.cards["products"]
    assert card.geometry().right() < view.scroll.viewport().width()


def test_a_click_on_a_drawn_bar_opens_its_deals(qtbot, window: MainWindow) -> None:
    view = window.analytics
    window.sidebar.select(Area.ANALYTICS)
    qtbot.waitUntil(lambda: view.data is not None)
    card = view.cards["sources"]
    rendered = card.rendered
    bar, deals = max(
        ((artist, d) for artist, d in rendered.picks if d is not None),
        key=lambda pick: pick[0].get_window_extent().width,  # the longest bar: one that can be hit
    )
    box = bar.get_window_extent()  # in the picture's pixels, from its bottom left
    pixmap = card.image.pixmap()
    left = (card.image.width() - pixmap.width()) / 2
    top = (card.image.height() - pixmap.height()) / 2
    point = QPoint(int(left + box.x0 + box.width / 2), int(top + rendered.height - (box.y0 + box.height / 2)))
    with qtbot.waitSignal(card.deals_requested) as opened:
        qtbot.mouseClick(card.image, Qt.MouseButton.LeftButton, pos=point)
    assert opened.args == [deals]


# -- 13. Settings in pages ------------------------------------------------------------------------------


def test_settings_are_pages_chosen_from_a_list(qtbot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QListWidget

    window.sidebar.select(Area.SETTINGS)
    page = window.settings_page
    sections = page.findChild(QListWidget, "settingsSections")
    names = [sections.item(r).text() for r in range(sections.count())]
    assert names == [
        "General",
        "Users and departments",
        "Roles and access rights",
        "Deals",
        "Pipelines and stages",
        "Products",
        "Documents",
        "Fields",
        "Automation",
        "Workflows",
        "E-mail and SMS",
    ]
    assert page.findChild(QLabel, "databaseLocation").isVisible()
    assert not page.products.isVisible()  # one section at a time: no long page to scroll and overdraw
    rect = sections.visualItemRect(sections.item(names.index("Products")))
    qtbot.mouseClick(sections.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.products.isVisible()
    assert not page.findChild(QLabel, "databaseLocation").isVisible()
    page.scroll_to(page.documents)  # Settings opened at a section from elsewhere (e.g. the Deals area)
    assert page.documents.isVisible()
    assert sections.currentItem().text() == "Documents"


# -- 8. nothing cut off ---------------------------------------------------------------------------------


def test_the_open_filter_panel_leaves_the_amount_in_sight(qtbot, window: MainWindow) -> None:
    from app.views.deal_list.deal_table_model import COL_AMOUNT

    window.resize(1280, 800)
    qtbot.mouseClick(window.deals.filter_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.deals.filter_panel.isVisible)
    view = window.deals.list_view
    qtbot.waitUntil(lambda: view.viewport().width() < 900)
    right = view.columnViewportPosition(COL_AMOUNT) + view.columnWidth(COL_AMOUNT)
    assert right <= view.viewport().width()


def test_matplotlib_is_loaded_when_analytics_is_first_opened(qtbot, window: MainWindow) -> None:
    qtbot.wait(300)
    assert not window.analytics._matplotlib_ready  # not at start-up, nor a while after it
    assert window.analytics._importing is None
    assert not window.analytics.cards
    window.sidebar.select(Area.ANALYTICS)  # the page at once; the charts once matplotlib is there
    assert window.analytics.cards
    qtbot.waitUntil(lambda: window.analytics._matplotlib_ready, timeout=10_000)
    qtbot.waitUntil(window.analytics.drawn_all, timeout=10_000)


def test_resized_cards_are_drawn_again_at_their_size(qtbot, window: MainWindow) -> None:
    view = window.analytics
    window.sidebar.select(Area.ANALYTICS)
    qtbot.waitUntil(lambda: view.data is not None)
    card = view.cards["funnel"]
    before = card.rendered.width
    window.resize(window.width() + 300, window.height())
    qtbot.waitUntil(lambda: card.rendered.width > before, timeout=5000)
    assert card.rendered.width == card.image_size()[0]
    assert card.image.pixmap().width() == card.rendered.width


def test_a_custom_date_filter_takes_typed_dates(qtbot, window: MainWindow, demo_services) -> None:
    from app.services.fields.custom_fields import EntityType, FieldType

    contract = next(
        f for f in demo_services.custom_fields.list(EntityType.DEAL) if f.field_type is FieldType.DATE
    )
    qtbot.mouseClick(window.deals.filter_button, Qt.MouseButton.LeftButton)
    panel = window.deals.filter_panel
    editor = next(f for f in panel._custom_filters if f.field.id == contract.id)
    start, end = editor._dates
    qtbot.keyClicks(start.line, "01/01/2020")
    qtbot.keyClicks(end.line, "31/12/2035")
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    [condition] = window.deals.model.deal_filter.custom
    assert (condition.field_id, condition.op) == (contract.id, "range")
    qtbot.waitUntil(lambda: 0 < window.deals.model.rowCount() < 400)
    end.line.clear()
    qtbot.keyClicks(end.line, "sometime")
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert panel.errors.text() == f"'sometime' is not a date for {contract.label}."
    assert window.deals.model.deal_filter.custom == (condition,)  # nothing changed


def test_a_date_and_time_field_takes_a_typed_day_and_opens_on_today(qtbot, services) -> None:
    from datetime import datetime

    from PySide6.QtCore import QTime

    from app.services.fields.custom_fields import EntityType, FieldType

    field = services.custom_fields.create(EntityType.DEAL, "Meeting", FieldType.DATETIME)
    form = DealFormDialog(services)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    editor = form.sections.editors[f"uf:{field.code}"]
    assert editor.value() is None
    qtbot.mouseClick(editor.edit.button, Qt.MouseButton.LeftButton)
    today = date.today()
    assert editor.edit.calendar.selectedDate() == QDate(today.year, today.month, today.day)
    editor.edit.calendar.close()
    qtbot.keyClicks(editor.edit.line, "03/02/2027")
    editor.time.setTime(QTime(14, 30))
    assert editor.value() == datetime(2027, 2, 3, 14, 30)  # noqa: DTZ001 - a wall-clock time
    form.done(0)
