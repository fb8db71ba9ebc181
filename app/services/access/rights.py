"""What a role allows, as Bitrix24 models it: per entity (deals, contacts, companies, leads,
documents) a level for each action; for deals also per pipeline and, overriding that, per stage;
which stages deals may be moved into; and a few switches.

A role's rights are one JSON document (the `role.rights` column):

    {"entities": {"deal": {"read": "all", "edit": "own", ...}, "contact": {...}, ...},
     "pipelines": {"3": {"levels": {"read": "department", ...},
                         "stages": {"17": {"read": "none"}},
                         "move": "any" | "none" | [stage ids]}},
     "move": "any" | "none",
     "switches": {"manage_settings": false, "manage_automation": false, "see_sums": true,
                  "analytics": "own" | "department" | "all"}}

A missing entry means "none" for a level of the whole entity, "the pipeline's level" for a stage
and "the entity's level" for a pipeline. A person with several roles gets, per cell, what any of
them allows: the union (`Grant`). Pure Python: the SQL conditions are in `scope.py`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.services.core.errors import ValidationError
from app.services.core.i18n import QT_TRANSLATE_NOOP


class Entity(enum.StrEnum):
    DEAL = "deal"
    CONTACT = "contact"
    COMPANY = "company"
    LEAD = "lead"
    DOCUMENT = "document"


class Action(enum.StrEnum):
    READ = "read"
    ADD = "add"
    EDIT = "edit"
    DELETE = "delete"
    EXPORT = "export"
    IMPORT = "import"


class Level(enum.StrEnum):
    """Whose records: each level includes the ones before it except "open", which is own + the
    records marked "open to everyone" (Bitrix24's "all open")."""

    NONE = "none"
    OWN = "own"  # responsible or observer
    DEPARTMENT = "department"  # own + those of people in my department(s)
    SUBDEPARTMENTS = "subdepartments"  # … and in their sub-departments
    OPEN = "open"  # own + open to everyone
    ALL = "all"


class AnalyticsScope(enum.StrEnum):
    OWN = "own"
    DEPARTMENT = "department"
    ALL = "all"


LEVELS = tuple(Level)
ACTIONS = tuple(Action)
ENTITIES = tuple(Entity)
SWITCHES = ("manage_settings", "manage_automation", "see_sums")


class Grant(frozenset[Level]):
    """The levels several roles give one cell: a record is allowed if any of them allows it."""

    @classmethod
    def of(cls, levels: Iterable[Level]) -> Grant:
        chosen = set(levels) - {Level.NONE}
        if Level.ALL in chosen:
            return cls({Level.ALL})
        if Level.SUBDEPARTMENTS in chosen:
            chosen -= {Level.DEPARTMENT, Level.OWN}
        elif Level.DEPARTMENT in chosen:
            chosen -= {Level.OWN}
        if Level.OPEN in chosen:
            chosen -= {Level.OWN}
        return cls(chosen)

    @property
    def nothing(self) -> bool:
        return not self

    @property
    def everything(self) -> bool:
        return Level.ALL in self


NOTHING = Grant()
EVERYTHING = Grant({Level.ALL})


def _level(raw: Any) -> Level:
    try:
        return Level(raw)
    except ValueError as exc:
        raise ValidationError.single(
            "rights", QT_TRANSLATE_NOOP("errors", "'{value}' is not an access level."), value=raw
        ) from exc


def _levels(raw: Any) -> dict[Action, Level]:
    if not isinstance(raw, Mapping):
        return {}
    out: dict[Action, Level] = {}
    for action, level in raw.items():
        try:
            out[Action(action)] = _level(level)
        except ValueError as exc:
            raise ValidationError.single(
                "rights", QT_TRANSLATE_NOOP("errors", "'{value}' is not an action."), value=action
            ) from exc
    return out


def _move(raw: Any) -> frozenset[int] | bool | None:
    """True: into any stage; False: into none; a set: into those stages; None: not set here."""
    if raw is None:
        return None
    if raw == "any":
        return True
    if raw == "none":
        return False
    if isinstance(raw, list | tuple) and all(isinstance(v, int) for v in raw):
        return frozenset(raw)
    raise ValidationError.single(
        "rights",
        QT_TRANSLATE_NOOP("errors", "'{value}' does not say which stages deals may go to."),
        value=raw,
    )


@dataclass(frozen=True)
class PipelineRights:
    levels: dict[Action, Level] = field(default_factory=dict)  # overriding the entity's
    stages: dict[int, dict[Action, Level]] = field(default_factory=dict)  # overriding the pipeline's
    move: frozenset[int] | bool | None = None  # None: the role's default


@dataclass(frozen=True)
class RoleRights:
    """One role's rights, read from (and written back to) its JSON document."""

    entities: dict[Entity, dict[Action, Level]] = field(default_factory=dict)
    pipelines: dict[int, PipelineRights] = field(default_factory=dict)
    move: bool = True  # into any stage of a pipeline that sets nothing itself
    manage_settings: bool = False
    manage_automation: bool = False
    see_sums: bool = True
    analytics: AnalyticsScope = AnalyticsScope.OWN

    @classmethod
    def from_json(cls, raw: Mapping[str, Any] | None) -> RoleRights:
        raw = raw or {}
        entities = {}
        for name, levels in (raw.get("entities") or {}).items():
            try:
                entities[Entity(name)] = _levels(levels)
            except ValueError as exc:
                raise ValidationError.single(
                    "rights", QT_TRANSLATE_NOOP("errors", "'{value}' is not a kind of record."), value=name
                ) from exc
        pipelines = {}
        for key, spec in (raw.get("pipelines") or {}).items():
            spec = spec or {}
            pipelines[int(key)] = PipelineRights(
                _levels(spec.get("levels")),
                {int(stage): _levels(levels) for stage, levels in (spec.get("stages") or {}).items()},
                _move(spec.get("move")),
            )
        switches = raw.get("switches") or {}
        move = _move(raw.get("move", "any"))
        try:
            analytics = AnalyticsScope(switches.get("analytics", "own"))
        except ValueError as exc:
            raise ValidationError.single(
                "rights",
                QT_TRANSLATE_NOOP("errors", "'{value}' is not a scope of analytics."),
                value=switches.get("analytics"),
            ) from exc
        return cls(
            entities,
            pipelines,
            move is not False,
            bool(switches.get("manage_settings", False)),
            bool(switches.get("manage_automation", False)),
            bool(switches.get("see_sums", True)),
            analytics,
        )

    def to_json(self) -> dict[str, Any]:
        def levels(values: Mapping[Action, Level]) -> dict[str, str]:
            return {a.value: lv.value for a, lv in sorted(values.items())}

        def move(value: frozenset[int] | bool | None) -> Any:
            if value is None:
                return None
            if isinstance(value, bool):
                return "any" if value else "none"
            return sorted(value)

        pipelines: dict[str, Any] = {}
        for pipeline_id, spec in sorted(self.pipelines.items()):
            entry: dict[str, Any] = {}
            if spec.levels:
                entry["levels"] = levels(spec.levels)
            if spec.stages:
                entry["stages"] = {str(s): levels(v) for s, v in sorted(spec.stages.items()) if v}
            if spec.move is not None:
                entry["move"] = move(spec.move)
            if entry:
                pipelines[str(pipeline_id)] = entry
        return {
            "entities": {e.value: levels(v) for e, v in sorted(self.entities.items())},
            "pipelines": pipelines,
            "move": "any" if self.move else "none",
            "switches": {
                "manage_settings": self.manage_settings,
                "manage_automation": self.manage_automation,
                "see_sums": self.see_sums,
                "analytics": self.analytics.value,
            },
        }

    # -- one cell ---------------------------------------------------------------------------------------

    def level(
        self, entity: Entity, action: Action, pipeline_id: int | None = None, stage_id: int | None = None
    ) -> Level:
        """The level of a cell: a deal's stage, else its pipeline, else the entity's."""
        if entity is Entity.DEAL and pipeline_id is not None and pipeline_id in self.pipelines:
            spec = self.pipelines[pipeline_id]
            if stage_id is not None and action in spec.stages.get(stage_id, {}):
                return spec.stages[stage_id][action]
            if action in spec.levels:
                return spec.levels[action]
        return self.entities.get(entity, {}).get(action, Level.NONE)

    def may_move_into(self, pipeline_id: int, stage_id: int) -> bool:
        spec = self.pipelines.get(pipeline_id)
        rule = spec.move if spec is not None and spec.move is not None else self.move
        return rule if isinstance(rule, bool) else stage_id in rule


def full_rights(*, manage_settings: bool) -> RoleRights:
    """Every level "all" (the built-in Administrator, and Employee without the settings)."""
    everything = dict.fromkeys(ACTIONS, Level.ALL)
    return RoleRights(
        {entity: dict(everything) for entity in ENTITIES},
        manage_settings=manage_settings,
        manage_automation=manage_settings,
        analytics=AnalyticsScope.ALL,
    )


def uniform_rights(levels: Mapping[Action, Level], **switches: Any) -> RoleRights:
    """The same levels for every entity."""
    return RoleRights({entity: dict(levels) for entity in ENTITIES}, **switches)


def builtin_roles() -> dict[str, tuple[str, RoleRights]]:
    """key -> (English name, rights) of the roles a database starts with; all editable."""
    writes = (Action.ADD, Action.EDIT, Action.DELETE, Action.EXPORT, Action.IMPORT)
    manager = {Action.READ: Level.SUBDEPARTMENTS, **dict.fromkeys(writes, Level.SUBDEPARTMENTS)}
    salesperson = {
        Action.READ: Level.OPEN,
        Action.ADD: Level.OWN,
        Action.EDIT: Level.OWN,
        Action.DELETE: Level.NONE,
        Action.EXPORT: Level.OWN,
        Action.IMPORT: Level.NONE,
    }
    return {
        "administrator": ("Administrator", full_rights(manage_settings=True)),
        "manager": (
            "Manager",
            uniform_rights(manager, analytics=AnalyticsScope.DEPARTMENT),
        ),
        "salesperson": ("Salesperson", uniform_rights(salesperson)),
        "readonly": ("Read-only", uniform_rights({Action.READ: Level.ALL}, move=False, see_sums=True)),
        "employee": ("Employee", full_rights(manage_settings=False)),
    }
