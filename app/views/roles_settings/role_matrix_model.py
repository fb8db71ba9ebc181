"""The role matrix as Bitrix24 shows it: rows are the kinds of records, deals opening into their
pipelines and those into their stages; columns are the actions and, for deals, which stages they may
be moved into. A cell is a level; a pipeline's or a stage's cell may say "as above" (inherit).

Edits change the role's rights document (`rights`, as `RoleRights.to_json()` writes it); the page
saves it. In preview the cells show what a person may do through all their roles together."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.services.access.rights import ACTIONS, ENTITIES, Action, Entity, Grant, Level, RoleRights
from app.services.setup.pipelines import PipelineInfo

Index = QModelIndex | QPersistentModelIndex
INHERIT = ""  # a pipeline or stage cell that takes the level above
MOVE_COLUMN = 1 + len(ACTIONS)
LevelRole = Qt.ItemDataRole.UserRole + 1  # the stored level ("" = as above), for the editor


def _tr(text: str) -> str:
    return QCoreApplication.translate("RoleMatrix", text)


def level_names() -> dict[str, str]:
    return {
        Level.NONE: _tr("None"),
        Level.OWN: _tr("Own"),
        Level.DEPARTMENT: _tr("Own department"),
        Level.SUBDEPARTMENTS: _tr("Department and sub-departments"),
        Level.OPEN: _tr("Own and open"),
        Level.ALL: _tr("All"),
    }


def action_names() -> dict[Action, str]:
    return {
        Action.READ: _tr("Read"),
        Action.ADD: _tr("Add"),
        Action.EDIT: _tr("Edit"),
        Action.DELETE: _tr("Delete"),
        Action.EXPORT: _tr("Export"),
        Action.IMPORT: _tr("Import"),
    }


def entity_names() -> dict[Entity, str]:
    return {
        Entity.DEAL: _tr("Deals"),
        Entity.CONTACT: _tr("Contacts"),
        Entity.COMPANY: _tr("Companies"),
        Entity.LEAD: _tr("Leads"),
        Entity.DOCUMENT: _tr("Documents"),
    }


@dataclass(eq=False)
class _Row:
    kind: str  # "entity", "pipeline", "stage"
    name: str
    entity: Entity
    pipeline_id: int | None = None
    stage_id: int | None = None
    parent: _Row | None = None
    children: list[_Row] = field(default_factory=list)


class RoleMatrixModel(QAbstractItemModel):
    def __init__(self, pipelines: list[PipelineInfo], parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        for entity in ENTITIES:
            row = _Row("entity", entity_names()[entity], entity)
            if entity is Entity.DEAL:
                for pipeline in pipelines:
                    child = _Row("pipeline", pipeline.name, entity, pipeline.id, parent=row)
                    child.children = [
                        _Row("stage", stage.name, entity, pipeline.id, stage.id, parent=child)
                        for stage in pipeline.stages
                    ]
                    row.children.append(child)
            self._rows.append(row)
        self.rights: dict[str, Any] = RoleRights().to_json()
        self.preview: tuple[RoleRights, ...] | None = None  # a person's roles: read-only union
        self.changed = False

    # -- what it shows -----------------------------------------------------------------------------------

    def set_rights(self, rights: RoleRights) -> None:
        self.beginResetModel()
        self.rights = copy.deepcopy(rights.to_json())
        self.preview = None
        self.changed = False
        self.endResetModel()

    def set_preview(self, roles: tuple[RoleRights, ...], *, everything: bool = False) -> None:
        """A person's roles together (or everything, for an administrator); nothing can be edited."""
        self.beginResetModel()
        self.preview = (
            (
                RoleRights.from_json(
                    {"entities": {e.value: {a.value: "all" for a in ACTIONS} for e in ENTITIES}}
                ),
            )
            if everything
            else roles
        )
        self.endResetModel()

    def role_rights(self) -> RoleRights:
        return RoleRights.from_json(self.rights)

    # -- the tree ------------------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        rows = self._children(parent)
        if 0 <= row < len(rows) and 0 <= column < self.columnCount():
            return self.createIndex(row, column, rows[row])
        return QModelIndex()

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        row: _Row = child.internalPointer()
        if row.parent is None:
            return QModelIndex()
        siblings = row.parent.parent.children if row.parent.parent else self._rows
        return self.createIndex(siblings.index(row.parent), 0, row.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 2 + len(ACTIONS)

    def _children(self, parent: Index) -> list[_Row]:
        return parent.internalPointer().children if parent.isValid() else self._rows

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return _tr("Records")
        if section == MOVE_COLUMN:
            return _tr("May move into")
        return action_names()[ACTIONS[section - 1]]

    # -- the cells -----------------------------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        row: _Row = index.internalPointer()
        if self.preview is not None or index.column() == 0:
            return base
        if index.column() == MOVE_COLUMN:
            if row.kind == "pipeline":
                return base | Qt.ItemFlag.ItemIsEditable
            if row.kind == "stage" and isinstance(self._move(row.pipeline_id), list):
                return base | Qt.ItemFlag.ItemIsUserCheckable
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: _Row = index.internalPointer()
        column = index.column()
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.name
            if role == Qt.ItemDataRole.FontRole and row.kind == "entity":
                font = QFont()
                font.setBold(True)
                return font
            return None
        if column == MOVE_COLUMN:
            return self._move_data(row, role)
        action = ACTIONS[column - 1]
        if self.preview is not None:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._grant_text(
                    Grant.of(r.level(row.entity, action, row.pipeline_id, row.stage_id) for r in self.preview)
                )
            return None
        stored = self._stored(row, action)
        if role == LevelRole:
            return stored
        if role == Qt.ItemDataRole.DisplayRole:
            if stored == INHERIT:  # greyed, with an arrow: taken from the row above
                return "↑ " + level_names()[self._effective(row, action)]
            return level_names()[Level(stored)]
        if role == Qt.ItemDataRole.ToolTipRole and stored == INHERIT:
            return _tr("As above: %1").replace("%1", level_names()[self._effective(row, action)])
        if role == Qt.ItemDataRole.ForegroundRole and stored == INHERIT:
            return QBrush(QColor("#8a94a0"))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.preview is not None:
            return False
        row: _Row = index.internalPointer()
        column = index.column()
        if column == MOVE_COLUMN:
            return self._set_move(row, value, role)
        if role not in (Qt.ItemDataRole.EditRole, LevelRole):
            return False
        action = ACTIONS[column - 1].value
        text = str(value or "")
        if text not in {level.value for level in Level} and not (text == INHERIT and row.kind != "entity"):
            return False
        if row.kind == "entity":
            self.rights.setdefault("entities", {}).setdefault(row.entity.value, {})[action] = text
        else:
            spec = self.rights.setdefault("pipelines", {}).setdefault(str(row.pipeline_id), {})
            cells = (
                spec.setdefault("levels", {})
                if row.kind == "pipeline"
                else spec.setdefault("stages", {}).setdefault(str(row.stage_id), {})
            )
            if text == INHERIT:
                cells.pop(action, None)
            else:
                cells[action] = text
        self.changed = True
        self._changed_below(index)
        return True

    def _changed_below(self, index: Index) -> None:
        """A cell's change shows in the rows under it that inherit it."""
        self.dataChanged.emit(index, index)
        parent = self.index(index.row(), 0, index.parent())
        for row in range(self.rowCount(parent)):
            child = self.index(row, index.column(), parent)
            self._changed_below(child)

    # -- levels ----------------------------------------------------------------------------------------------

    def _stored(self, row: _Row, action: Action) -> str:
        if row.kind == "entity":
            return str(
                self.rights.get("entities", {}).get(row.entity.value, {}).get(action.value, Level.NONE.value)
            )
        spec = self.rights.get("pipelines", {}).get(str(row.pipeline_id), {})
        if row.kind == "pipeline":
            return str(spec.get("levels", {}).get(action.value, INHERIT))
        return str(spec.get("stages", {}).get(str(row.stage_id), {}).get(action.value, INHERIT))

    def _effective(self, row: _Row, action: Action) -> Level:
        return RoleRights.from_json(self.rights).level(row.entity, action, row.pipeline_id, row.stage_id)

    @staticmethod
    def _grant_text(grant: Grant) -> str:
        if grant.nothing:
            return level_names()[Level.NONE]
        return " + ".join(level_names()[level] for level in Level if level in grant)

    # -- moves ---------------------------------------------------------------------------------------------

    def _move(self, pipeline_id: int | None) -> Any:
        spec = self.rights.get("pipelines", {}).get(str(pipeline_id), {})
        return spec.get("move", self.rights.get("move", "any"))

    def _move_data(self, row: _Row, role: int) -> Any:
        if row.kind == "entity" or self.preview is not None:
            return None
        rule = self._move(row.pipeline_id)
        if row.kind == "pipeline":
            if role == Qt.ItemDataRole.DisplayRole:
                if isinstance(rule, list):
                    return _tr("the stages ticked below")
                return _tr("any stage") if rule == "any" else _tr("no stage")
            if role == LevelRole:
                return "chosen" if isinstance(rule, list) else rule
            return None
        if role == Qt.ItemDataRole.CheckStateRole and isinstance(rule, list):
            return Qt.CheckState.Checked if row.stage_id in rule else Qt.CheckState.Unchecked
        return None

    def _set_move(self, row: _Row, value: Any, role: int) -> bool:
        spec = self.rights.setdefault("pipelines", {}).setdefault(str(row.pipeline_id), {})
        if row.kind == "pipeline" and role in (Qt.ItemDataRole.EditRole, LevelRole):
            if value == "chosen":
                current = self._move(row.pipeline_id)
                spec["move"] = current if isinstance(current, list) else []
            elif value in ("any", "none"):
                spec["move"] = value
            else:
                return False
        elif row.kind == "stage" and role == Qt.ItemDataRole.CheckStateRole:
            rule = self._move(row.pipeline_id)
            if not isinstance(rule, list):
                return False
            chosen = set(rule)
            if Qt.CheckState(value) == Qt.CheckState.Checked:
                chosen.add(row.stage_id)
            else:
                chosen.discard(row.stage_id)
            spec["move"] = sorted(s for s in chosen if s is not None)
        else:
            return False
        self.changed = True
        pipeline_index = self._pipeline_index(row.pipeline_id)
        self.dataChanged.emit(
            self.index(0, MOVE_COLUMN, QModelIndex()), self.index(0, MOVE_COLUMN, QModelIndex())
        )
        if pipeline_index.isValid():
            self._changed_below(pipeline_index.siblingAtColumn(MOVE_COLUMN))
        return True

    def _pipeline_index(self, pipeline_id: int | None) -> QModelIndex:
        deals = self.index(ENTITIES.index(Entity.DEAL), 0)
        for row in range(self.rowCount(deals)):
            child = self.index(row, 0, deals)
            if child.internalPointer().pipeline_id == pipeline_id:
                return child
        return QModelIndex()


__all__ = ["INHERIT", "MOVE_COLUMN", "LevelRole", "RoleMatrixModel", "action_names", "level_names"]
