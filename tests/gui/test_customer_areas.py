"""The Contacts and Companies areas driven with the mouse: search, sort, the form, duplicates, merge."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from app.dialogs.customer_form.customer_form_dialog import CustomerFormDialog
from app.dialogs.merge_dialog import MergeDialog
from app.services.container import Services
from app.services.customers.queries import CustomerKind, CustomerSort
from app.services.deals.filters import DealFilter
from app.views.customers.customer_table_model import CustomerRowRole
from app.views.customers.customers_area import CustomersArea, DuplicatesDialog
from app.views.main_window import MainWindow
from app.views.sidebar import Area


def show(qtbot, window: MainWindow, area: Area) -> CustomersArea:
    window.sidebar.select(area)
    page = window.contacts if area is Area.CONTACTS else window.companies
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=2000)
    return page


def click_row(
    qtbot, page: CustomersArea, row: int, modifier=Qt.KeyboardModifier.NoModifier, double=False
) -> None:
    rect = page.table.visualRect(page.model.index(row, 0))
    if double:  # as the mouse does it: a press and release, then the double click
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    else:
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def names(page: CustomersArea, count: int = 5) -> list[str]:
    return [page.model.index(r, 0).data() for r in range(min(count, page.model.rowCount()))]


def test_contacts_are_listed_searched_and_sorted(qtbot, window: MainWindow, demo_services: Services) -> None:
    page = show(qtbot, window, Area.CONTACTS)
    total = demo_services.customer_queries.count(CustomerKind.CONTACT)
    assert page.model.rowCount() == total
    expected = [
        r.name for r in demo_services.customer_queries.page(CustomerKind.CONTACT, CustomerSort(), 0, 5)
    ]
    assert names(page) == expected
    header = page.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(0) + 20, 5)
    )
    assert page.model.sort_order == CustomerSort("name", descending=True)
    assert names(page)[0] >= names(page)[-1]
    last_name = expected[0].split()[-1]
    qtbot.keyClicks(page.search, last_name)
    qtbot.waitUntil(lambda: page.model.rowCount() < total, timeout=2000)
    assert all(last_name.lower() in n.lower() for n in names(page, 50))


def test_the_form_saves_a_change_and_shows_the_deals(
    qtbot, window: MainWindow, demo_services: Services, monkeypatch
) -> None:
    page = show(qtbot, window, Area.COMPANIES)
    row = page.model.index(0, 0).data(CustomerRowRole)
    seen: dict[str, str] = {}

    def answer(dialog: CustomerFormDialog) -> int:
        seen["figures"] = dialog.deal_figures.text()
        seen["deals"] = str(dialog.deal_list.topLevelItemCount())
        editor = dialog.sections.editors["industry"]
        editor.set_value("Bakeries")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        return dialog.result()

    monkeypatch.setattr(CustomerFormDialog, "exec", answer)
    click_row(qtbot, page, 0, double=True)
    stored = demo_services.companies.get(row.id)
    assert stored.industry == "Bakeries"
    count = demo_services.deal_queries.count(DealFilter(company_id=row.id))
    assert seen["figures"].startswith(f"{count} deal")
    assert seen["deals"] == str(min(count, 200))
    assert page.model.index(0, 1).data() == "Bakeries"


def test_a_new_company_like_a_stored_one_asks_first(
    qtbot, window: MainWindow, demo_services: Services, monkeypatch
) -> None:
    page = show(qtbot, window, Area.COMPANIES)
    existing = page.model.index(0, 0).data(CustomerRowRole)
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    asked: list[str] = []

    def question(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)

    def fill_and_save(dialog: CustomerFormDialog) -> int:
        dialog.sections.editors["title"].set_value(existing.name)
        button = dialog.buttons.button(dialog.buttons.StandardButton.Save)
        button.click()  # asked, cancelled: nothing stored
        assert dialog.result() != QDialog.DialogCode.Accepted
        button.click()  # asked again, saved anyway
        return dialog.result()

    monkeypatch.setattr(CustomerFormDialog, "exec", fill_and_save)
    before = demo_services.customer_queries.count(CustomerKind.COMPANY)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2
    assert existing.name in asked[0]
    assert "similar name" in asked[0]
    assert demo_services.customer_queries.count(CustomerKind.COMPANY) == before + 1


def test_two_selected_contacts_are_merged(
    qtbot, window: MainWindow, demo_services: Services, monkeypatch
) -> None:
    page = show(qtbot, window, Area.CONTACTS)
    click_row(qtbot, page, 0)
    click_row(qtbot, page, 1, Qt.KeyboardModifier.ControlModifier)
    first, second = (page.model.index(r, 0).data(CustomerRowRole) for r in (0, 1))
    assert page.bulk.isVisible()
    assert page.merge_button.isEnabled()
    deals_of_second = demo_services.deal_queries.count(DealFilter(contact_id=second.id))
    deals_of_first = demo_services.deal_queries.count(DealFilter(contact_id=first.id))

    def merge(dialog: MergeDialog) -> int:
        take = dialog.findChild(type(next(iter(dialog.choices.values()))), "take_position")
        take.click()
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(MergeDialog, "exec", merge)
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    keep, gone = sorted((first.id, second.id))
    kept = demo_services.contacts.get(keep)
    assert kept.position == (second.detail if keep == first.id else first.detail)
    assert demo_services.deal_queries.count(DealFilter(contact_id=keep)) == deals_of_first + deals_of_second
    assert not any(r.id == gone for r in demo_services.customer_queries.rows(CustomerKind.CONTACT, [gone]))


def test_duplicates_are_found_on_demand(
    qtbot, window: MainWindow, demo_services: Services, monkeypatch
) -> None:
    twin = demo_services.customer_queries.page(CustomerKind.COMPANY, CustomerSort(), 0, 1)[0]
    demo_services.companies.create(title=twin.name.upper())
    page = show(qtbot, window, Area.COMPANIES)
    shown: list[list[str]] = []

    def look(dialog: DuplicatesDialog) -> int:
        tree = dialog.tree
        for i in range(tree.topLevelItemCount()):
            head = tree.topLevelItem(i)
            shown.append([head.child(c).text(0) for c in range(head.childCount())])
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(DuplicatesDialog, "exec", look)
    qtbot.mouseClick(page.duplicates_button, Qt.MouseButton.LeftButton)
    assert any(len(group) == 2 and all(twin.name.lower() in n.lower() for n in group) for group in shown)


def test_selected_contacts_are_exported_and_deleted(
    qtbot, window: MainWindow, demo_services: Services, monkeypatch, tmp_path: Path
) -> None:
    page = show(qtbot, window, Area.CONTACTS)
    click_row(qtbot, page, 0)
    click_row(qtbot, page, 2, Qt.KeyboardModifier.ShiftModifier)
    chosen = [page.model.index(r, 0).data(CustomerRowRole).name for r in range(3)]
    target = tmp_path / "people.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.export_button.menu().actions()[0].trigger()
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == chosen
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    before = demo_services.customer_queries.count(CustomerKind.CONTACT)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert demo_services.customer_queries.count(CustomerKind.CONTACT) == before - 3
    assert page.model.rowCount() == before - 3


def test_contacts_of_one_person(qtbot, window: MainWindow, demo_services: Services) -> None:
    page = show(qtbot, window, Area.CONTACTS)
    person = demo_services.users.list()[1]
    page.responsible.setCurrentIndex(page.responsible.findData(person.id))
    expected = demo_services.customer_queries.count(CustomerKind.CONTACT, responsible_id=person.id)
    assert 0 < page.model.rowCount() == expected
    assert {page.model.index(r, 5).data() for r in range(page.model.rowCount())} == {person.name}


def test_configure_form_changes_the_contact_form_at_once(qtbot, demo_services: Services, monkeypatch) -> None:
    from app.dialogs.form_designer.form_designer_dialog import FormDesignerDialog
    from app.services.fields.custom_fields import EntityType
    from app.services.fields.form_layouts import Section

    row = demo_services.customer_queries.page(CustomerKind.CONTACT, CustomerSort(), 0, 1)[0]
    form = CustomerFormDialog(demo_services, CustomerKind.CONTACT, row.id)
    qtbot.addWidget(form)
    assert "phone" in form.sections.editors
    form.sections.editors["position"].set_value("Chef")  # typed before, kept after

    def design(dialog: FormDesignerDialog) -> int:  # what dragging "phone" to the hidden list saves
        layout = demo_services.form_layouts.layout(EntityType.CONTACT, None)
        sections = [
            Section(s.key, s.title, s.columns, tuple(f for f in s.fields if f != "phone"))
            for s in layout.sections
        ]
        demo_services.form_layouts.save(EntityType.CONTACT, sections, ["phone"])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FormDesignerDialog, "exec", design)
    qtbot.mouseClick(form.configure, Qt.MouseButton.LeftButton)
    assert "phone" not in form.sections.editors
    assert form.sections.editors["position"].value() == "Chef"
    assert form.tabs.widget(0) is form.sections
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    form.reject()  # typed but not saved: closing asks, and the answer lets it go
    assert not form.isVisible()


def test_the_people_filter_is_read_when_the_area_first_opens(
    qtbot, window: MainWindow, demo_services: Services
) -> None:
    """Nothing of the Companies area is read while the window starts; opened later, its filter
    lists everyone, also a person added meanwhile."""
    page = window.companies
    assert page.responsible.count() == 0
    dora = demo_services.users.create(login="dora", name="Dora Dittrich")
    show(qtbot, window, Area.COMPANIES)
    assert page.responsible.findData(dora.id) > 0
    assert page.responsible.count() == 1 + len(demo_services.users.list())
    assert [a.text() for a in page.responsible_button.menu().actions()] == [
        u.name for u in demo_services.users.list()
    ]
