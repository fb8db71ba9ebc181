"""Settings > Pipelines driven as an administrator would: stages added, renamed, moved, deleted
(their deals going elsewhere), the kanban following; tunnels drawn with the mouse."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.services.container import Services
from app.services.deals.filters import DealFilter
from app.services.setup.tunnels import TunnelMode
from app.views.deals_area import DealsViewMode
from app.views.main_window import MainWindow
from app.views.pipelines_settings.pipelines_settings import PipelinesSettings
from app.views.pipelines_settings.stage_table_model import COL_AVERAGE, COL_IDLE, COL_NAME, COL_PROBABILITY
from app.views.sidebar import Area


def open_settings(qtbot, window: MainWindow) -> PipelinesSettings:
    window.sidebar.select(Area.SETTINGS)
    page = window.settings_page.pipelines
    window.settings_page.scroll_to(page)
    qtbot.waitExposed(page)
    return page


def kanban_columns(qtbot, window: MainWindow) -> list[str]:
    window.sidebar.select(Area.DEALS)
    window.deals.set_view(DealsViewMode.KANBAN)
    board = window.deals.kanban
    qtbot.waitUntil(lambda: bool(board.columns), timeout=3000)
    qtbot.wait(400)  # the board re-reads after its change timer
    return [c.stage.name for c in board.columns]


def test_stages_edited_in_settings_change_the_kanban(
    qtbot, window: MainWindow, demo_services: Services, monkeypatch
) -> None:
    page = open_settings(qtbot, window)
    sales = demo_services.pipelines.list()[0]
    assert page.current_pipeline_id() == sales.id
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Site visit", True))
    qtbot.mouseClick(page.add_stage, Qt.MouseButton.LeftButton)
    names = _column(page, COL_NAME)
    assert names[-3:] == ["Site visit", "Won", "Lost"]  # before the closing stages
    _type_into(qtbot, page, 0, COL_NAME, "Lead in")
    qtbot.waitUntil(lambda: demo_services.pipelines.list()[0].stages[0].name == "Lead in")
    qtbot.waitUntil(lambda: _column(page, COL_NAME)[0] == "Lead in")
    page.stages.setCurrentIndex(page.stage_model.index(names.index("Site visit"), COL_NAME))
    qtbot.mouseClick(page.stage_up, Qt.MouseButton.LeftButton)
    columns = kanban_columns(qtbot, window)
    assert columns[0] == "Lead in"
    assert columns[-2:] == ["Site visit", "Final invoice"]


def test_deleting_a_stage_with_deals_asks_where_they_go(
    qtbot, window: MainWindow, demo_services: Services, monkeypatch
) -> None:
    page = open_settings(qtbot, window)
    sales = demo_services.pipelines.list()[0]
    doomed, target = sales.stages[1], sales.stages[2]
    count = demo_services.deal_queries.count(DealFilter(stage_ids=(doomed.id,)))
    assert count > 0
    asked: list[str] = []

    def choose(_parent, _title, label, items, *_args, **_kwargs):
        asked.append(label)
        return target.name, True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    page.stages.setCurrentIndex(page.stage_model.index(1, COL_NAME))
    before = demo_services.deal_queries.count(DealFilter(stage_ids=(target.id,)))
    qtbot.mouseClick(page.delete_stage, Qt.MouseButton.LeftButton)
    assert asked == [f"“{doomed.name}” holds {count} deals. Where do they go?"]
    assert demo_services.deal_queries.count(DealFilter(stage_ids=(target.id,))) == before + count
    assert doomed.name not in kanban_columns(qtbot, window)


def test_a_refusal_is_said_and_nothing_changes(
    qtbot, window: MainWindow, demo_services: Services, monkeypatch
) -> None:
    page = open_settings(qtbot, window)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: said.append(text))
    _type_into(qtbot, page, 0, COL_NAME, "   ")
    qtbot.waitUntil(lambda: said == ["Name is required."])
    assert _column(page, COL_NAME)[0] == demo_services.pipelines.list()[0].stages[0].name


def test_probability_and_idle_days_are_typed_into_their_cells(
    qtbot, window: MainWindow, demo_services: Services
) -> None:
    page = open_settings(qtbot, window)
    _type_into(qtbot, page, 1, COL_PROBABILITY, "35")
    qtbot.waitUntil(lambda: demo_services.pipelines.list()[0].stages[1].probability == 35)
    _type_into(qtbot, page, 1, COL_IDLE, "12")
    qtbot.waitUntil(lambda: demo_services.pipelines.list()[0].stages[1].idle_days == 12)
    qtbot.waitUntil(lambda: _column(page, COL_IDLE)[1] == "12 days")
    assert _column(page, COL_PROBABILITY)[1] == "35 %"
    won = len(demo_services.pipelines.list()[0].stages) - 2
    assert _column(page, COL_IDLE)[won] == "never"  # a closing stage is never idle: not editable
    assert not page.stage_model.flags(page.stage_model.index(won, COL_IDLE)) & Qt.ItemFlag.ItemIsEditable


def _column(page: PipelinesSettings, column: int) -> list[str]:
    model = page.stage_model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _type_into(qtbot, page: PipelinesSettings, row: int, column: int, text: str) -> None:
    """As a user edits a cell: F2, the text over what was there, Enter."""
    view = page.stages
    index = page.stage_model.index(row, column)
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(index)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_tunnels_are_drawn_with_the_mouse(qtbot, window: MainWindow, demo_services: Services) -> None:
    page = open_settings(qtbot, window)
    tunnel_map = page.tunnels
    window.settings_page.scroll_to(tunnel_map)
    pipelines = demo_services.pipelines.list()
    source, target = pipelines[0].stages[5], pipelines[2].stages[0]  # Won in Sales -> first of Services
    start = tunnel_map.stage_rect(source.id).center().toPoint()
    end = tunnel_map.stage_rect(target.id).center().toPoint()
    qtbot.mousePress(tunnel_map, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(tunnel_map, QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2))
    qtbot.mouseMove(tunnel_map, end)
    qtbot.mouseRelease(tunnel_map, Qt.MouseButton.LeftButton, pos=end)
    [tunnel] = demo_services.tunnels.list()
    assert (tunnel.source_stage_id, tunnel.target_stage_id, tunnel.mode) == (
        source.id,
        target.id,
        TunnelMode.COPY,
    )
    middle = tunnel_map._path(tunnel).pointAtPercent(0.5).toPoint()
    qtbot.mouseDClick(tunnel_map, Qt.MouseButton.LeftButton, pos=middle)
    assert demo_services.tunnels.list()[0].mode is TunnelMode.MOVE
    qtbot.mouseClick(tunnel_map, Qt.MouseButton.LeftButton, pos=middle)
    assert tunnel_map.selected == tunnel.id
    qtbot.keyClick(tunnel_map, Qt.Key.Key_Delete)
    assert demo_services.tunnels.list() == []


def test_stale_deals_are_marked_and_filtered(qtbot, window: MainWindow, demo_services: Services) -> None:
    sales = demo_services.pipelines.list()[0]
    stage = sales.stages[0]
    demo_services.pipelines.update_stage(stage.id, stage.version, idle_days=1)
    expected = demo_services.deal_queries.count(DealFilter(stale=True))
    assert expected > 0
    window.deals.refresh()
    qtbot.mouseClick(window.deals.filter_button, Qt.MouseButton.LeftButton)
    panel = window.deals.filter_panel
    panel.stale.setChecked(True)
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    model = window.deals.model
    assert model.rowCount() == expected
    assert window.deals.filter_button.text() == "Filter (1)"
    stage_column = 2
    text = model.index(0, stage_column).data()
    assert re.fullmatch(rf"{re.escape(stage.name)} · idle \d+ d", text)
    assert "longer than this stage allows" in model.index(0, stage_column).data(Qt.ItemDataRole.ToolTipRole)
    window.deals.set_view(DealsViewMode.KANBAN)
    board = window.deals.kanban
    qtbot.waitUntil(lambda: bool(board.columns) and board.columns[0].model.rowCount() > 0, timeout=3000)
    column = board.column_of(stage.id)
    delegate = column.view.itemDelegate()
    card = column.model.card(0)
    assert delegate._idle_text(card).startswith("idle ")
    assert [c.stage.id for c in board.columns if c.model.rowCount()] == [
        stage.id
    ]  # the filter holds here too


# -- moving deals to another pipeline from the list, the form and the board ---------------------------


def test_selected_deals_move_to_another_pipeline_from_the_list(
    qtbot, window: MainWindow, demo_services: Services, click_row
) -> None:
    from PySide6.QtGui import QAction

    from app.views.deal_list.deal_table_model import DealRowRole

    sales, wholesale = demo_services.pipelines.list()[:2]
    selector = window.deals._pipeline
    selector.setCurrentIndex(selector.findData(sales.id))
    click_row(window, 0)
    click_row(window, 2, Qt.KeyboardModifier.ShiftModifier)
    chosen = [window.deals.model.index(r, 0).data(DealRowRole).id for r in range(3)]
    target = wholesale.stages[1]
    action = window.deals.bulk_bar.stage_button.menu().findChild(QAction, f"pipelineStage_{target.id}")
    assert action is not None
    action.trigger()
    rows = demo_services.deal_queries.rows(chosen)
    assert {(r.pipeline_id, r.stage_id) for r in rows} == {(wholesale.id, target.id)}
    assert window.statusBar().currentMessage() == f"Moved 3 deals to {wholesale.name}: {target.name}."


def test_the_form_moves_its_deal_to_another_pipeline(qtbot, demo_services: Services, monkeypatch) -> None:
    from app.dialogs.deal_form.deal_form_dialog import DealFormDialog
    from app.services.deals.filters import DealFilter
    from app.services.deals.paging import DealSort

    sales, _wholesale, services_pipeline = demo_services.pipelines.list()
    deal = demo_services.deal_queries.page(DealFilter(pipeline_id=sales.id), DealSort("id"), 0, 1)[0]
    target = services_pipeline.stages[1]
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda *a, **k: (f"{services_pipeline.name}: {target.name}", True)
    )
    form = DealFormDialog(demo_services, deal_id=deal.id)
    qtbot.addWidget(form)
    form.show()
    assert form.move_pipeline.isVisible()
    qtbot.mouseClick(form.move_pipeline, Qt.MouseButton.LeftButton)
    stored = demo_services.deals.get(deal.id)
    assert (stored.pipeline_id, stored.stage_id) == (services_pipeline.id, target.id)
    assert [s.name for s in form.stage_bar.stages()] == [s.name for s in services_pipeline.stages]
    form.tabs.setCurrentIndex(2)
    tree = form.timeline.tree
    texts = [tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())]
    assert f"Pipeline: {sales.name} → {services_pipeline.name}" in texts


def test_the_board_moves_selected_cards_to_another_pipeline(
    qtbot, window: MainWindow, demo_services: Services, monkeypatch
) -> None:
    window.deals.set_view(DealsViewMode.KANBAN)
    board = window.deals.kanban
    qtbot.waitUntil(lambda: bool(board.columns) and board.columns[0].model.rowCount() > 1, timeout=3000)
    column = board.columns[0]
    cards = [column.model.card(0), column.model.card(1)]
    ids = [c.id for c in cards]
    other = demo_services.pipelines.list()[1]
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda *a, **k: (f"{other.name}: {other.stages[0].name}", True)
    )
    column.view.pipeline_move_requested.emit([(c.id, c.version) for c in cards])
    assert {demo_services.deals.get(i).pipeline_id for i in ids} == {other.id}


def test_the_deals_area_leads_to_its_pipelines_stages(
    qtbot, window: MainWindow, demo_services: Services
) -> None:
    wholesale = demo_services.pipelines.list()[1]
    selector = window.deals._pipeline
    selector.setCurrentIndex(selector.findData(wholesale.id))
    qtbot.mouseClick(window.deals.edit_pipelines, Qt.MouseButton.LeftButton)
    page = window.settings_page.pipelines
    assert window.settings_page.isVisible()
    assert page.current_pipeline_id() == wholesale.id
    assert _column(page, COL_NAME) == [s.name for s in wholesale.stages]
    # Time in stage, from the stage history (read off the GUI thread).
    qtbot.waitUntil(lambda: any(a not in ("", "–") for a in _column(page, COL_AVERAGE)))
