"""People in the window: signing in, Settings › Users and departments (issue 16)."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.dialogs.sign_in_dialog import SignInDialog
from app.gui.application import sign_in
from app.services.container import Services
from app.ui.settings import LAST_LOGIN, UserSettings


@pytest.fixture
def two_people(services: Services) -> Services:
    anna = services.users.create(login="anna", name="Anna Berg")
    services.passwords.set_password(anna.id, "anna's password")
    return services


def test_a_wrong_password_is_said_in_the_dialog_and_the_right_one_signs_in(qtbot, two_people) -> None:
    dialog = SignInDialog(two_people, last_login="anna")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.chosen_login() == "anna"  # the last login on this computer is offered
    qtbot.keyClicks(dialog.password, "guess")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.text() == "The login or the password is wrong."
    assert dialog.signed_in is None
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "anna's password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.signed_in.login == "anna"


def test_a_person_picked_from_the_list_signs_in_by_login(qtbot, two_people) -> None:
    dialog = SignInDialog(two_people)
    qtbot.addWidget(dialog)
    dialog.login.setCurrentIndex(dialog.login.findData("anna"))
    assert dialog.login.currentText() == "Anna Berg (anna)"
    assert dialog.chosen_login() == "anna"


def test_the_window_asks_who_signs_in_and_remembers_them(
    qtbot, two_people, settings: UserSettings, monkeypatch
):
    monkeypatch.delenv("DEALDESK_PASSWORD", raising=False)
    answered: list[SignInDialog] = []

    def answer(dialog: SignInDialog) -> int:
        answered.append(dialog)
        dialog.password.setText("anna's password")
        dialog.login.setEditText("anna")
        dialog.try_sign_in()
        return dialog.result()

    monkeypatch.setattr(SignInDialog, "exec", answer)
    signed = sign_in(two_people, settings, None, "office.sqlite")
    assert signed is not None
    assert signed.actor.login == "anna"
    assert settings.get(LAST_LOGIN) == "anna"
    assert len(answered) == 1


def test_cancelling_the_sign_in_opens_nothing(qtbot, two_people, settings: UserSettings, monkeypatch) -> None:
    monkeypatch.setattr(SignInDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert sign_in(two_people, settings, None, "office.sqlite") is None


def test_one_person_without_a_password_comes_straight_in(services: Services, settings: UserSettings) -> None:
    assert sign_in(services, settings, None, "office.sqlite") is services


def test_the_user_option_with_the_password_in_the_environment_skips_the_dialog(
    two_people, settings: UserSettings, monkeypatch
) -> None:
    monkeypatch.setenv("DEALDESK_PASSWORD", "anna's password")
    monkeypatch.setattr(SignInDialog, "exec", lambda dialog: pytest.fail("no dialog expected"))
    signed = sign_in(two_people, settings, "anna", "office.sqlite")
    assert signed.actor.login == "anna"


# -- Settings › Users and departments -----------------------------------------------------------------------


def _people_page(qtbot, services: Services):
    from app.views.people_settings import PeopleSettings

    page = PeopleSettings(services)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    return page


def _answer(monkeypatch, dialog_class, fill) -> list:
    """Answer a dialog the page opens: `fill` types into it like a person would, then it saves."""
    seen = []

    def run(dialog) -> int:
        seen.append(dialog)
        fill(dialog)
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", run)
    return seen


def test_a_department_and_a_person_in_it_are_added_by_hand(qtbot, services: Services, monkeypatch) -> None:
    from app.dialogs.department_dialog import DepartmentDialog
    from app.dialogs.person_dialog import PersonDialog

    page = _people_page(qtbot, services)

    def department(dialog) -> None:
        qtbot.keyClicks(dialog.name, "Sales North")

    _answer(monkeypatch, DepartmentDialog, department)
    qtbot.mouseClick(page.add_department, Qt.MouseButton.LeftButton)
    names = [page.tree.topLevelItem(n).text(0) for n in range(page.tree.topLevelItemCount())]
    assert names == ["Everybody", "Sales North"]
    page.tree.setCurrentItem(page.tree.topLevelItem(1))  # new people go into the chosen department

    def person(dialog) -> None:
        qtbot.keyClicks(dialog.name, "Anna Berg")
        qtbot.keyClicks(dialog.login, "anna")
        qtbot.keyClicks(dialog.password, "anna's password")
        qtbot.keyClicks(dialog.again, "anna's password")

    opened = _answer(monkeypatch, PersonDialog, person)
    qtbot.mouseClick(page.add_person, Qt.MouseButton.LeftButton)
    assert opened[0].result() == QDialog.DialogCode.Accepted
    rows = [[page.table.topLevelItem(0).text(c) for c in range(4)]]
    assert rows == [["Anna Berg", "anna", "Sales North", "Salesperson, Employee (everybody)"]]
    assert services.passwords.sign_in("anna", "anna's password").login == "anna"


def test_a_refused_person_is_said_in_the_dialog_and_nothing_is_made(
    qtbot, services: Services, monkeypatch
) -> None:
    from app.dialogs.person_dialog import PersonDialog

    page = _people_page(qtbot, services)

    def person(dialog) -> None:
        qtbot.keyClicks(dialog.name, "Anna Berg")
        qtbot.keyClicks(dialog.login, "anna")
        qtbot.keyClicks(dialog.password, "short")
        qtbot.keyClicks(dialog.again, "short")

    opened = _answer(monkeypatch, PersonDialog, person)
    qtbot.mouseClick(page.add_person, Qt.MouseButton.LeftButton)
    assert opened[0].result() != QDialog.DialogCode.Accepted
    assert opened[0].errors.text() == "A password needs at least 8 characters."
    assert services.users.by_login("anna") is None  # all or nothing


def test_people_move_between_departments_and_are_deactivated(qtbot, services: Services, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    sales = services.departments.create("Sales")
    services.departments.create("Accounting")
    services.users.create(login="anna", name="Anna Berg", department_id=sales.id)
    page = _people_page(qtbot, services)
    page.tree.setCurrentItem(page.tree.topLevelItem(2))  # Sales (after Everybody, Accounting)
    assert page.tree.currentItem().text(0) == "Sales"
    assert page.table.topLevelItemCount() == 1
    page.table.setCurrentItem(page.table.topLevelItem(0))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Accounting", True))
    qtbot.mouseClick(page.move_people, Qt.MouseButton.LeftButton)
    assert services.users.by_login("anna").department_name == "Accounting"
    assert page.table.topLevelItemCount() == 0  # no longer in Sales
    page.tree.setCurrentItem(page.tree.topLevelItem(0))
    anna_row = next(
        page.table.topLevelItem(n)
        for n in range(page.table.topLevelItemCount())
        if page.table.topLevelItem(n).text(1) == "anna"
    )
    page.table.setCurrentItem(anna_row)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.deactivate, Qt.MouseButton.LeftButton)
    assert not services.users.by_login("anna").is_active
    logins = [page.table.topLevelItem(n).text(1) for n in range(page.table.topLevelItemCount())]
    assert "anna" not in logins  # deactivated people are hidden unless asked for
    qtbot.mouseClick(page.show_inactive, Qt.MouseButton.LeftButton)
    names = {
        page.table.topLevelItem(n).text(1): page.table.topLevelItem(n).text(0)
        for n in range(page.table.topLevelItemCount())
    }
    assert names["anna"] == "Anna Berg (deactivated)"


def test_without_the_settings_right_the_page_only_shows(qtbot, services: Services) -> None:
    services.users.create(login="anna", name="Anna Berg")
    for assignment in services.roles.assignments():
        services.roles.unassign(assignment.id)
    page = _people_page(qtbot, services.as_user("anna"))
    assert page.table.topLevelItemCount() == 2
    assert not any(
        b.isEnabled() for b in (page.add_person, page.add_department, page.deactivate, page.move_people)
    )


# -- Settings › Roles and access rights ----------------------------------------------------------------------


def _roles_page(qtbot, services: Services):
    from app.views.roles_settings.roles_settings import RolesSettings

    page = RolesSettings(services)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def _cell(page, path: list[str], column: int):
    model = page.model
    parent = None
    index = None
    for name in path:
        rows = model.rowCount(parent) if parent is not None else model.rowCount()
        for row in range(rows):
            candidate = model.index(row, 0, parent) if parent is not None else model.index(row, 0)
            if candidate.data() == name:
                index, parent = candidate, candidate
                break
        else:
            raise AssertionError(f"no row {name}")
    return index.siblingAtColumn(column)


def _choose_in_editor(qtbot, page, index, text: str) -> None:
    """Double-click the cell, pick `text` in the list that opens, as a person would."""
    from PySide6.QtWidgets import QComboBox

    page.matrix.scrollTo(index)
    rect = page.matrix.visualRect(index)
    qtbot.mouseClick(page.matrix.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.matrix.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = page.matrix.findChild(QComboBox, "levelEditor")
    assert editor is not None
    editor.showPopup()
    view = editor.view()
    row = editor.findText(text)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.model().index(row, 0)).center()
    )
    qtbot.waitUntil(lambda: page.matrix.findChild(QComboBox, "levelEditor") is None)


def test_the_role_matrix_edits_a_stage_and_saves(qtbot, services: Services) -> None:
    from app.services.access.rights import Action, Entity, Level

    page = _roles_page(qtbot, services)
    page.roles.setCurrentRow(next(n for n, r in enumerate(page._roles) if r.builtin == "salesperson"))
    pipeline = services.pipelines.list()[0]
    won = next(s for s in pipeline.stages if s.semantic.value == "won")
    page.matrix.expandAll()
    read = 1  # the Read column
    stage_cell = _cell(page, ["Deals", pipeline.name, won.name], read)
    assert stage_cell.data() == "↑ Own and open"  # inherits until told otherwise
    _choose_in_editor(qtbot, page, stage_cell, "None")
    assert stage_cell.data() == "None"
    qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)
    saved = next(r for r in services.roles.list() if r.builtin == "salesperson")
    assert saved.rights.level(Entity.DEAL, Action.READ, pipeline.id, won.id) is Level.NONE
    assert saved.rights.level(Entity.DEAL, Action.READ, pipeline.id, pipeline.stages[0].id) is Level.OPEN
    assert page.status.text().startswith("Saved.")


def test_the_preview_shows_what_a_person_may_do_through_all_their_roles(qtbot, services: Services) -> None:
    anna = services.users.create(login="anna", name="Anna Berg")
    for assignment in services.roles.assignments():
        services.roles.unassign(assignment.id)
    roles = {r.builtin: r for r in services.roles.list()}
    services.roles.assign(roles["salesperson"].id, user_id=anna.id)
    services.roles.assign(roles["readonly"].id, user_id=anna.id)
    page = _roles_page(qtbot, services)
    page.person.setCurrentIndex(page.person.findData(anna.id))
    assert _cell(page, ["Contacts"], 1).data() == "All"  # read-only gives all, the salesperson own + open
    assert _cell(page, ["Contacts"], 3).data() == "Own"  # edit: the salesperson's
    assert not (page.model.flags(_cell(page, ["Contacts"], 3)) & Qt.ItemFlag.ItemIsEditable)


def test_two_administrators_saving_the_same_role_never_overwrite_each_other(
    qtbot, services: Services, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    page = _roles_page(qtbot, services)
    page.roles.setCurrentRow(next(n for n, r in enumerate(page._roles) if r.builtin == "manager"))
    role = page._role
    services.roles.update(role.id, role.version, name="Team leads")  # another PC, meanwhile
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    page.manage_settings.setChecked(True)
    qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)
    assert warned
    assert "changed" in warned[0]
    assert not next(r for r in services.roles.list() if r.id == role.id).rights.manage_settings


# -- a salesperson's window ---------------------------------------------------------------------------------


def test_a_salespersons_list_board_and_calendar_show_only_their_deals(
    qtbot, demo_services: Services, settings: UserSettings
) -> None:
    from app.gui.application import build_main_window
    from app.services.deals.filters import DealFilter
    from app.views.deals_area import DealsViewMode

    heads = {d.head_id for d in demo_services.departments.list()}
    seller = next(u for u in demo_services.users.list() if not u.is_admin and u.id not in heads)
    as_seller = demo_services.as_user(seller.login)
    readable = as_seller.deal_queries.count(DealFilter())
    everything = demo_services.deal_queries.count(DealFilter())
    assert 0 < readable < everything / 3  # the demo's salespeople read their own and the open deals
    window = build_main_window(as_seller, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.deals.model.rowCount() == readable)
    qtbot.waitUntil(lambda: window._count_label.text().startswith(f"{readable:,} deals"))
    rows = [window.deals.model.row_at(r) for r in range(min(readable, 50))]
    assert all(r.responsible_id == seller.id or demo_services.deals.get(r.id).is_open for r in rows)
    window.deals.set_view(DealsViewMode.KANBAN)
    board = window.deals.kanban
    qtbot.waitUntil(lambda: bool(board.columns))
    pipeline = board.pipeline
    in_pipeline = as_seller.deal_queries.count(DealFilter(pipeline_id=pipeline.id))
    shown = [c.header.figures.text() for c in board.columns] + [z.figures.text() for z in board.zones]
    counts = [int(text.split()[0].replace(",", "")) for text in shown]
    assert sum(counts) == in_pipeline
    window.deals.set_view(DealsViewMode.CALENDAR)
    calendar = window.deals.calendar
    days = calendar.days()
    qtbot.waitUntil(lambda: bool(calendar.data.days))
    shown_ids = {e.deal_id for d in calendar.data.days.values() for e in d.entries}
    readable_ids = set(as_seller.deal_queries.ids(DealFilter(), _deal_sort(), 0, readable))
    assert shown_ids <= readable_ids  # every deal on the calendar is one the salesperson may read
    everyone = demo_services.calendar.read(DealFilter(), calendar.field(), days[0], days[-1], per_day=None)
    mine = sum(d.count for d in calendar.data.days.values())
    assert mine < sum(d.count for d in everyone.days.values())


def test_a_role_that_hides_sums_shows_counts_only(
    qtbot, demo_services: Services, settings: UserSettings
) -> None:
    from app.gui.application import build_main_window
    from app.services.access.rights import RoleRights
    from app.services.deals.filters import DealFilter
    from app.views.deals_area import DealsViewMode

    salesperson = next(r for r in demo_services.roles.list() if r.builtin == "salesperson")
    hidden = RoleRights.from_json({**salesperson.rights.to_json(), "switches": {"see_sums": False}})
    demo_services.roles.update(salesperson.id, salesperson.version, rights=hidden)
    heads = {d.head_id for d in demo_services.departments.list()}
    seller = next(u for u in demo_services.users.list() if not u.is_admin and u.id not in heads)
    as_seller = demo_services.as_user(seller.login)
    assert as_seller.deal_queries.summary(DealFilter()).total is None  # the service gives no sums
    window = build_main_window(as_seller, settings)
    qtbot.addWidget(window)
    window.show()
    readable = as_seller.deal_queries.count(DealFilter())
    qtbot.waitUntil(lambda: window._count_label.text() == f"{readable:,} deals")  # no "· total"
    window.deals.set_view(DealsViewMode.KANBAN)
    board = window.deals.kanban
    qtbot.waitUntil(lambda: bool(board.columns) and "deal" in board.columns[0].header.figures.text())
    assert all("€" not in c.header.figures.text() for c in board.columns)


def _seller_board(qtbot, demo_services: Services, settings: UserSettings):
    """A salesperson's board, their role not letting them move deals into Won."""
    from app.gui.application import build_main_window
    from app.services.access.rights import RoleRights
    from app.views.deals_area import DealsViewMode

    pipeline = demo_services.pipelines.list()[0]
    won = next(s for s in pipeline.stages if s.semantic.value == "won")
    role = next(r for r in demo_services.roles.list() if r.builtin == "salesperson")
    rights = role.rights.to_json()
    rights["pipelines"] = {str(pipeline.id): {"move": [s.id for s in pipeline.stages if s.id != won.id]}}
    demo_services.roles.update(role.id, role.version, rights=RoleRights.from_json(rights))
    heads = {d.head_id for d in demo_services.departments.list()}
    seller = next(u for u in demo_services.users.list() if not u.is_admin and u.id not in heads)
    window = build_main_window(demo_services.as_user(seller.login), settings)
    qtbot.addWidget(window)
    window.move(0, 0)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.deals.set_view(DealsViewMode.KANBAN)
    board = window.deals.kanban
    qtbot.waitUntil(lambda: bool(board.columns) and board.columns[0].model.rowCount() > 0, timeout=5000)
    return window, board, next(z for z in board.zones if z.stage.id == won.id)


def test_a_drop_on_a_stage_the_role_forbids_is_refused_with_the_reason(
    qtbot, demo_services: Services, settings: UserSettings
) -> None:
    from dragdrop import card_mime, drop

    _window, board, won = _seller_board(qtbot, demo_services, settings)
    source = board.columns[0]
    card = source.model.card(0)
    assert not drop(won, card_mime(source, 0))  # refused before the drop
    assert board.last_refusal == "Your role does not let you move deals into the stage “Won”."
    assert demo_services.deals.get(card.id).stage_id == source.stage.id  # the card stays
    assert drop(board.columns[1].view.viewport(), card_mime(source, 0))  # another stage is fine
    qtbot.waitUntil(lambda: demo_services.deals.get(card.id).stage_id == board.columns[1].stage.id)


def test_a_read_only_field_cannot_be_typed_into(qtbot, services: Services) -> None:
    from PySide6.QtWidgets import QLineEdit

    from app.dialogs.deal_form.deal_form_dialog import DealFormDialog
    from app.models import EntityType

    anna = services.users.create(login="anna", name="Anna Berg")
    deal = services.deals.create(title="Fixed price", amount="100", responsible_id=anna.id)
    services.field_rules.set_access(EntityType.DEAL, "amount", visible_to=None, editable_by=[])
    form = DealFormDialog(services.as_user("anna"), deal_id=deal.id)
    qtbot.addWidget(form)
    form.show()
    amount = form.sections.editors["amount"].findChild(QLineEdit)
    qtbot.keyClicks(amount, "999")
    assert services.deals.get(deal.id).amount == 100
    assert "999" not in amount.text()  # nothing typed in


def test_one_changes_ones_own_password_saying_the_current_one(qtbot, two_people) -> None:
    from app.dialogs.password_dialog import PasswordDialog

    anna = two_people.as_user("anna")
    dialog = PasswordDialog(anna)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.current, "not it")
    qtbot.keyClicks(dialog.new, "a new password")
    qtbot.keyClicks(dialog.again, "a new password")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.error.text() == "The current password is wrong."
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.current.clear()
    qtbot.keyClicks(dialog.current, "anna's password")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert two_people.passwords.sign_in("anna", "a new password").login == "anna"


def test_a_hidden_field_has_no_column_in_the_list(qtbot, services: Services) -> None:
    from app.models import EntityType
    from app.views.deal_list.deal_list_view import DealListView
    from app.views.deal_list.deal_table_model import COL_AMOUNT, COL_SOURCE, DealTableModel

    services.users.create(login="anna", name="Anna Berg")
    services.field_rules.set_access(
        EntityType.DEAL, "amount", visible_to=[services.actor.id], editable_by=None
    )
    anna = services.as_user("anna")
    view = DealListView(DealTableModel(anna), anna)
    qtbot.addWidget(view)
    view.show()
    assert view.isColumnHidden(COL_AMOUNT)
    view.show_column(COL_AMOUNT, True)  # as the header's menu would: it offers it disabled
    view.apply_field_access()
    assert view.isColumnHidden(COL_AMOUNT)
    assert not view.isColumnHidden(COL_SOURCE)
    assert "amount" not in [key for key, _title in view.visible_columns()]
    mine = DealListView(DealTableModel(services), services)  # the administrator sees it
    qtbot.addWidget(mine)
    assert not mine.isColumnHidden(COL_AMOUNT)


def test_a_bulk_change_says_how_many_chosen_deals_the_role_left_alone(
    qtbot, demo_services: Services, settings: UserSettings
) -> None:
    from app.gui.application import build_main_window
    from app.services.deals.filters import DealFilter

    heads = {d.head_id for d in demo_services.departments.list()}
    seller = next(u for u in demo_services.users.list() if not u.is_admin and u.id not in heads)
    someone_elses = demo_services.deal_queries.page(DealFilter(), _deal_sort(), 0, 50)
    for row in [r for r in someone_elses if r.responsible_id != seller.id][:2]:
        deal = demo_services.deals.get(row.id)
        demo_services.deals.update(deal.id, deal.version, is_open=True)
    as_seller = demo_services.as_user(seller.login)
    others = as_seller.deal_queries.count(DealFilter()) - as_seller.deal_queries.count(
        DealFilter(responsible_ids=(seller.id,))
    )
    assert others >= 2  # open deals of others: readable, not changeable for a salesperson
    window = build_main_window(as_seller, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.deals.model.rowCount() > 0)
    window.deals.list_view.selectAll()  # every deal the filter matches
    with qtbot.waitSignal(window.deals.bulk.finished, timeout=10_000) as said:
        window.deals.bulk.set_responsible(seller.id)
    assert f"{others} deal" in said.args[0]
    assert "your role does not let you change" in said.args[0]


def _deal_sort():
    from app.services.deals.paging import DealSort

    return DealSort()
