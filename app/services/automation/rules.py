"""Automation rules and triggers, set up per pipeline and stage (Bitrix24's rules board): added,
changed, switched off, removed by people whose role may manage automation; rules act with the rights
of the person who set them up. And the dry run: what would happen to a deal entering a stage."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import AutomationRule, AutomationTrigger, Stage, User, utcnow
from app.services.access.scope import access_for
from app.services.automation.actions import ACTIONS
from app.services.automation.conditions import (
    Condition,
    check_conditions,
    conditions_from_json,
    conditions_to_json,
    deal_values,
    matches,
)
from app.services.automation.timing import OfficeHours, Timing, due_at
from app.services.automation.triggers import TRIGGERS
from app.services.core.context import ServiceContext, UnitOfWork
from app.services.core.errors import Message, NotFoundError, PermissionDeniedError
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.records import check_version
from app.services.core.validation import Problems

MSG_RIGHT = QT_TRANSLATE_NOOP("errors", "Your role does not let you set up automation.")
MSG_NAME = QT_TRANSLATE_NOOP("errors", "A rule needs a name (at most 200 characters).")
MSG_ACTION = QT_TRANSLATE_NOOP("errors", "'{value}' is not something a rule can do.")
MSG_KIND = QT_TRANSLATE_NOOP("errors", "'{value}' is not something a trigger can listen for.")
MSG_NO_RULE = QT_TRANSLATE_NOOP("errors", "There is no rule {id} (any more).")
MSG_NO_TRIGGER = QT_TRANSLATE_NOOP("errors", "There is no trigger {id} (any more).")
MSG_NO_STAGE = QT_TRANSLATE_NOOP("errors", "There is no stage {id}.")
HOURS_KEY = "office_hours"


@dataclass(frozen=True)
class RuleInfo:
    id: int
    pipeline_id: int
    stage_id: int
    sort: int
    name: str
    action: str
    params: dict[str, Any]
    timing: Timing
    conditions: tuple[Condition, ...]
    after_previous: bool
    run_anyway: bool
    active: bool
    created_by_id: int | None
    created_by_name: str | None
    version: int

    @property
    def description(self) -> Message:
        return (
            ACTIONS[self.action].describe(self.params) if self.action in ACTIONS else Message(self.action, {})
        )


@dataclass(frozen=True)
class TriggerInfo:
    id: int
    pipeline_id: int
    stage_id: int
    name: str
    kind: str
    params: dict[str, Any]
    backwards: bool
    active: bool
    version: int


@dataclass(frozen=True)
class StageAutomation:
    stage_id: int
    stage_name: str
    rules: tuple[RuleInfo, ...]
    triggers: tuple[TriggerInfo, ...]


@dataclass(frozen=True)
class PlannedRun:
    """What the dry run says a rule would do."""

    rule: RuleInfo
    due_at: datetime | None  # None: the date it counts from is missing
    would_run: bool  # its conditions hold now
    description: Message


def office_hours(session: Session) -> OfficeHours:
    from app.models import AppSetting

    return OfficeHours.from_json(session.scalar(select(AppSetting.value).where(AppSetting.key == HOURS_KEY)))


class AutomationService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    # -- reading -------------------------------------------------------------------------------------

    def board(self, pipeline_id: int) -> list[StageAutomation]:
        """Each stage of the pipeline with its rules (in their order) and triggers."""
        with self._ctx.read() as session:
            stages = session.scalars(
                select(Stage).where(Stage.pipeline_id == pipeline_id).order_by(Stage.sort)
            ).all()
            rules = _rules(session, AutomationRule.pipeline_id == pipeline_id)
            triggers = [
                _trigger_info(t)
                for t in session.scalars(
                    select(AutomationTrigger)
                    .where(AutomationTrigger.pipeline_id == pipeline_id)
                    .order_by(AutomationTrigger.id)
                )
            ]
            return [
                StageAutomation(
                    s.id,
                    s.name,
                    tuple(r for r in rules if r.stage_id == s.id),
                    tuple(t for t in triggers if t.stage_id == s.id),
                )
                for s in stages
            ]

    def rule(self, rule_id: int) -> RuleInfo:
        with self._ctx.read() as session:
            found = _rules(session, AutomationRule.id == rule_id)
            if not found:
                raise NotFoundError(MSG_NO_RULE, id=rule_id)
            return found[0]

    def office_hours(self) -> OfficeHours:
        with self._ctx.read() as session:
            return office_hours(session)

    def set_office_hours(self, hours: OfficeHours) -> None:
        from app.models import AppSetting

        with self._ctx.write() as uow:
            self._may(uow)
            row = uow.session.get(AppSetting, HOURS_KEY)
            if row is None:
                uow.session.add(AppSetting(key=HOURS_KEY, value=hours.to_json()))
            else:
                row.value = hours.to_json()
            uow.emit("setting.updated", [0], {HOURS_KEY})

    # -- rules ---------------------------------------------------------------------------------------

    def add_rule(
        self,
        stage_id: int,
        name: str,
        action: str,
        params: dict[str, Any] | None = None,
        *,
        timing: Timing | None = None,
        conditions: Sequence[Condition] = (),
        after_previous: bool = False,
        run_anyway: bool = False,
    ) -> RuleInfo:
        params, timing = params or {}, timing or Timing()
        clean = _check_rule(name, action, params, timing, conditions)
        with self._ctx.write() as uow:
            self._may(uow)
            stage = uow.session.get(Stage, stage_id)
            if stage is None:
                raise NotFoundError(MSG_NO_STAGE, id=stage_id)
            last = uow.session.scalar(
                select(func.max(AutomationRule.sort)).where(AutomationRule.stage_id == stage_id)
            )
            rule = AutomationRule(
                pipeline_id=stage.pipeline_id,
                stage_id=stage.id,
                sort=(last or 0) + 1,
                name=clean,
                action=action,
                params=json.dumps(params),
                timing=timing.to_json(),
                conditions=conditions_to_json(conditions),
                after_previous=after_previous,
                run_anyway=run_anyway,
                active=True,
                created_by_id=uow.actor_id,
            )
            uow.session.add(rule)
            uow.session.flush()
            uow.history.created("automation_rule", rule.id, rule.version, rule.name)
            uow.emit("automation_rule.created", [rule.id])
            return _rules(uow.session, AutomationRule.id == rule.id)[0]

    def update_rule(
        self,
        rule_id: int,
        expected_version: int,
        name: str,
        action: str,
        params: dict[str, Any] | None = None,
        *,
        timing: Timing | None = None,
        conditions: Sequence[Condition] = (),
        after_previous: bool = False,
        run_anyway: bool = False,
        active: bool = True,
    ) -> RuleInfo:
        params, timing = params or {}, timing or Timing()
        clean = _check_rule(name, action, params, timing, conditions)
        with self._ctx.write() as uow:
            self._may(uow)
            rule = self._load_rule(uow, rule_id, expected_version)
            rule.name, rule.action, rule.params = clean, action, json.dumps(params)
            rule.timing, rule.conditions = timing.to_json(), conditions_to_json(conditions)
            rule.after_previous, rule.run_anyway, rule.active = after_previous, run_anyway, active
            rule.created_by_id = uow.actor_id  # it now acts with the rights of who changed it last
            uow.session.flush()
            uow.history.changed("automation_rule", rule.id, rule.version, {"rule": (None, rule.name)})
            uow.emit("automation_rule.updated", [rule.id])
            return _rules(uow.session, AutomationRule.id == rule.id)[0]

    def delete_rule(self, rule_id: int, expected_version: int) -> None:
        with self._ctx.write() as uow:
            self._may(uow)
            rule = self._load_rule(uow, rule_id, expected_version)
            uow.history.deleted("automation_rule", rule.id, rule.version, rule.name)
            uow.session.delete(rule)
            uow.emit("automation_rule.deleted", [rule_id])

    def _load_rule(self, uow: UnitOfWork, rule_id: int, expected_version: int) -> AutomationRule:
        rule = uow.session.get(AutomationRule, rule_id)
        if rule is None:
            raise NotFoundError(MSG_NO_RULE, id=rule_id)
        check_version(uow.session, "automation_rule", rule, expected_version, rule.name)
        return rule

    # -- triggers ------------------------------------------------------------------------------------

    def add_trigger(
        self,
        stage_id: int,
        name: str,
        kind: str,
        params: dict[str, Any] | None = None,
        *,
        backwards: bool = False,
    ) -> TriggerInfo:
        params = params or {}
        problems = Problems()
        clean = " ".join((name or "").split())
        if not clean or len(clean) > 200:
            problems.add("name", MSG_NAME)
        if kind not in TRIGGERS:
            problems.add("kind", MSG_KIND, value=kind)
        else:
            TRIGGERS[kind].check(params, problems)
        problems.raise_if_any()
        with self._ctx.write() as uow:
            self._may(uow)
            stage = uow.session.get(Stage, stage_id)
            if stage is None:
                raise NotFoundError(MSG_NO_STAGE, id=stage_id)
            trigger = AutomationTrigger(
                pipeline_id=stage.pipeline_id,
                stage_id=stage.id,
                name=clean,
                kind=kind,
                params=json.dumps(params),
                backwards=backwards,
                active=True,
                created_by_id=uow.actor_id,
            )
            uow.session.add(trigger)
            uow.session.flush()
            uow.history.created("automation_trigger", trigger.id, trigger.version, trigger.name)
            uow.emit("automation_trigger.created", [trigger.id])
            return _trigger_info(trigger)

    def delete_trigger(self, trigger_id: int, expected_version: int) -> None:
        with self._ctx.write() as uow:
            self._may(uow)
            trigger = uow.session.get(AutomationTrigger, trigger_id)
            if trigger is None:
                raise NotFoundError(MSG_NO_TRIGGER, id=trigger_id)
            check_version(uow.session, "automation_trigger", trigger, expected_version, trigger.name)
            uow.history.deleted("automation_trigger", trigger.id, trigger.version, trigger.name)
            uow.session.delete(trigger)
            uow.emit("automation_trigger.deleted", [trigger_id])

    # -- the dry run ---------------------------------------------------------------------------------

    def dry_run(
        self, deal_id: int, stage_id: int | None = None, *, now: datetime | None = None
    ) -> list[PlannedRun]:
        """What would happen if the deal entered the stage (default: its own) now: each rule of the
        stage, when it would run and whether its conditions hold — nothing is done."""
        now = now or utcnow()
        with self._ctx.read() as session:
            values = deal_values(session, deal_id)
            if values is None:
                raise NotFoundError(QT_TRANSLATE_NOOP("errors", "There is no deal {id}."), id=deal_id)
            target = stage_id or int(values["stage_id"])
            hours = office_hours(session)
            dates = _dates(values)
            planned = []
            for rule in _rules(session, AutomationRule.stage_id == target, AutomationRule.active.is_(True)):
                planned.append(
                    PlannedRun(
                        rule,
                        due_at(rule.timing, now, dates, hours),
                        matches(rule.conditions, values),
                        rule.description,
                    )
                )
            return _cumulative(planned, now)

    def _may(self, uow: UnitOfWork) -> None:
        if not access_for(uow.session, uow.actor_id).switch("manage_automation"):
            raise PermissionDeniedError(MSG_RIGHT)


def _check_rule(
    name: str, action: str, params: dict[str, Any], timing: Timing, conditions: Sequence[Condition]
) -> str:
    problems = Problems()
    clean = " ".join((name or "").split())
    if not clean or len(clean) > 200:
        problems.add("name", MSG_NAME)
    if action not in ACTIONS:
        problems.add("action", MSG_ACTION, value=action)
    else:
        ACTIONS[action].check(params, problems)
    timing.check(problems)
    check_conditions(conditions, problems)
    problems.raise_if_any()
    return clean


def _rules(session: Session, *where: Any) -> list[RuleInfo]:
    rows = session.execute(
        select(AutomationRule, User.name)
        .outerjoin(User, User.id == AutomationRule.created_by_id)
        .where(*where)
        .order_by(AutomationRule.stage_id, AutomationRule.sort, AutomationRule.id)
    )
    return [
        RuleInfo(
            r.id,
            r.pipeline_id,
            r.stage_id,
            r.sort,
            r.name,
            r.action,
            json.loads(r.params or "{}"),
            Timing.from_json(r.timing),
            tuple(conditions_from_json(r.conditions)),
            r.after_previous,
            r.run_anyway,
            r.active,
            r.created_by_id,
            name,
            r.version,
        )
        for r, name in rows
    ]


def _trigger_info(t: AutomationTrigger) -> TriggerInfo:
    return TriggerInfo(
        t.id,
        t.pipeline_id,
        t.stage_id,
        t.name,
        t.kind,
        json.loads(t.params or "{}"),
        t.backwards,
        t.active,
        t.version,
    )


def _dates(values: dict[str, Any]) -> dict[str, Any]:
    from datetime import date

    return {k: v for k, v in values.items() if isinstance(v, date) and not isinstance(v, datetime)}


def _cumulative(planned: list[PlannedRun], now: datetime) -> list[PlannedRun]:
    dues = in_sequence([p.rule for p in planned], [p.due_at for p in planned], now)
    return [PlannedRun(p.rule, due, p.would_run, p.description) for p, due in zip(planned, dues, strict=True)]


def in_sequence(
    rules: Sequence[RuleInfo], dues: Sequence[datetime | None], now: datetime
) -> list[datetime | None]:
    """A rule "after the previous one" runs once the previous has: its own delay counts from there."""
    out: list[datetime | None] = []
    previous = now
    for rule, due in zip(rules, dues, strict=True):
        if due is not None and rule.after_previous:
            due = previous + max(due - now, timedelta(0))
        out.append(due)
        previous = due or previous
    return out
