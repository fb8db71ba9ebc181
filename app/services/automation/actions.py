"""What a rule can do, one entry per action in a registry (new actions register, nothing switches on
names): create a task, notify people, change a field, change the responsible person (one, or round
robin over several), move the deal, add a comment to its timeline, send the client an e-mail or an SMS
(queued in the outbox), make a document, or wait. Each action checks its settings, says in words what
it will do (the rule board, the dry run), and does it acting as the person who set the rule up."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.services.automation.running import CURRENT, said
from app.services.core.context import ServiceContext
from app.services.core.errors import Message
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.validation import Problems
from app.services.deals.service import DealDetails, DealService
from app.services.documents.render_context import deal_context
from app.services.documents.rendering import environment
from app.services.documents.service import DocumentService
from app.services.notifications.service import NotificationService
from app.services.tasks.service import KINDS, TaskService

MSG_TITLE = QT_TRANSLATE_NOOP("errors", "The task needs a title.")
MSG_TEXT = QT_TRANSLATE_NOOP("errors", "Say what the message is.")
MSG_PEOPLE = QT_TRANSLATE_NOOP("errors", "Choose at least one person.")
MSG_FIELD = QT_TRANSLATE_NOOP("errors", "Choose the field to change.")
MSG_STAGE = QT_TRANSLATE_NOOP("errors", "Choose the stage to move the deal to.")
MSG_SUBJECT = QT_TRANSLATE_NOOP("errors", "An e-mail needs a subject and a text.")
MSG_TEMPLATE = QT_TRANSLATE_NOOP("errors", "Choose the document template.")
MSG_DUE = QT_TRANSLATE_NOOP("errors", "A task is due between 0 hours and 365 days after the rule runs.")
CHANGEABLE = ("title", "amount", "close_date", "begin_date", "source", "probability", "comments", "is_open")


@dataclass
class Act:
    """One run of an action: the deal as it is, the rule's settings, acting as the rule's author."""

    ctx: ServiceContext
    deal: DealDetails
    params: dict[str, Any]
    state: str | None
    now: datetime
    language: str
    new_state: str | None = None  # what the action keeps for its next run (round robin's next person)

    def render(self, text: str) -> str:
        """A text with the documents' placeholders ({{ deal.title }}, {{ contact.name }} ...) filled."""
        if "{{" not in text and "{%" not in text:
            return text
        env = environment()
        env.autoescape = False  # plain text: nothing to escape (an e-mail body, a comment, a field)
        return str(env.from_string(text).render(deal_context(self.ctx, self.deal.id, self.language)))

    def people(self, key: str = "people") -> list[int]:
        chosen: list[int] = []
        given = self.params.get(key, [])
        for person in given if isinstance(given, list) else [given]:
            if person == "responsible":
                if self.deal.responsible_id is not None:
                    chosen.append(self.deal.responsible_id)
            else:
                chosen.append(int(person))
        return list(dict.fromkeys(chosen))


@dataclass(frozen=True)
class ActionSpec:
    key: str
    label: str  # QT_TRANSLATE_NOOP("automation", ...)
    check: Callable[[dict[str, Any], Problems], None]
    describe: Callable[[dict[str, Any]], Message]
    run: Callable[[Act], str]  # does it; returns what it did (said())
    writes: int = 1  # how many transactions it writes in (the last one marks the job done)


ACTIONS: dict[str, ActionSpec] = {}


def register(spec: ActionSpec) -> ActionSpec:
    ACTIONS[spec.key] = spec
    return spec


def _m(template: str, /, **params: Any) -> Message:
    return Message(template, params, "automation")


# -- create a task ---------------------------------------------------------------------------------


def _check_task(p: dict[str, Any], problems: Problems) -> None:
    if not str(p.get("title", "")).strip():
        problems.add("title", MSG_TITLE)
    if p.get("kind", "todo") not in KINDS:
        problems.add("kind", MSG_TITLE)
    hours = int(p.get("in_hours", 0) or 0)
    if not 0 <= hours <= 365 * 24:
        problems.add("in_hours", MSG_DUE)


def _run_task(act: Act) -> str:
    p = act.params
    person = act.people("responsible")
    due = act.now + timedelta(hours=int(p.get("in_hours", 24) or 0))
    from datetime import UTC

    task = TaskService(act.ctx).create(
        act.render(str(p["title"])),
        kind=p.get("kind", "todo"),
        due=due.replace(tzinfo=UTC),
        deal_id=act.deal.id,
        responsible_id=person[0] if person else act.deal.responsible_id,
        description=act.render(str(p.get("description", ""))) or None,
    )
    running = CURRENT.get()
    if running is not None:
        running.extra["task_id"] = task.id  # a workflow can wait for it to be done
    return said(QT_TRANSLATE_NOOP("automation", "Planned the task “{title}”."), title=task.title)


register(
    ActionSpec(
        "task",
        QT_TRANSLATE_NOOP("automation", "Create a task"),
        _check_task,
        lambda p: _m(
            QT_TRANSLATE_NOOP("automation", "Task “{title}”, due {hours} h later"),
            title=p.get("title", ""),
            hours=p.get("in_hours", 24),
        ),
        _run_task,
    )
)


# -- notify people -----------------------------------------------------------------------------------


def _check_notify(p: dict[str, Any], problems: Problems) -> None:
    if not str(p.get("text", "")).strip():
        problems.add("text", MSG_TEXT)
    if not p.get("people"):
        problems.add("people", MSG_PEOPLE)


def _run_notify(act: Act) -> str:
    people = act.people()
    if not people:
        return said(QT_TRANSLATE_NOOP("automation", "Nobody to notify (the deal has no responsible person)."))
    NotificationService(act.ctx).send(
        people,
        act.render(str(act.params["text"]))[:255],
        entity_type="deal",
        entity_id=act.deal.id,
        title=act.deal.title,
    )
    return said(QT_TRANSLATE_NOOP("automation", "Notified {count} person(s)."), count=len(people))


register(
    ActionSpec(
        "notify",
        QT_TRANSLATE_NOOP("automation", "Notify people"),
        _check_notify,
        lambda p: _m(QT_TRANSLATE_NOOP("automation", "Notify: “{text}”"), text=p.get("text", "")),
        _run_notify,
    )
)


# -- change a field ------------------------------------------------------------------------------------


def _check_field(p: dict[str, Any], problems: Problems) -> None:
    field = str(p.get("field", ""))
    if field not in CHANGEABLE and not field.startswith("uf:"):
        problems.add("field", MSG_FIELD)


def _run_field(act: Act) -> str:
    field, value = str(act.params["field"]), act.params.get("value")
    if isinstance(value, str):
        value = act.render(value)
    DealService(act.ctx).update(act.deal.id, act.deal.version, **{field: value})
    return said(
        QT_TRANSLATE_NOOP("automation", "Set {field} to “{value}”."),
        field=field,
        value=value if value is not None else "",
    )


register(
    ActionSpec(
        "set_field",
        QT_TRANSLATE_NOOP("automation", "Change a field"),
        _check_field,
        lambda p: _m(
            QT_TRANSLATE_NOOP("automation", "Set {field} to “{value}”"),
            field=p.get("field", ""),
            value=p.get("value", ""),
        ),
        _run_field,
    )
)


# -- change the responsible person (one, or round robin) -----------------------------------------------


def _check_responsible(p: dict[str, Any], problems: Problems) -> None:
    if not p.get("people"):
        problems.add("people", MSG_PEOPLE)


def _run_responsible(act: Act) -> str:
    people = [int(x) for x in act.params["people"] if x != "responsible"]
    if not people:
        return said(QT_TRANSLATE_NOOP("automation", "Nobody to hand the deal to."))
    turn = int(json.loads(act.state or "{}").get("next", 0)) % len(people)
    person = people[turn]
    if act.params.get("round_robin"):
        act.new_state = json.dumps({"next": (turn + 1) % len(people)})
    else:
        person = people[0]
    DealService(act.ctx).update(act.deal.id, act.deal.version, responsible_id=person)
    return said(QT_TRANSLATE_NOOP("automation", "Handed the deal to person {person}."), person=person)


register(
    ActionSpec(
        "responsible",
        QT_TRANSLATE_NOOP("automation", "Change the responsible person"),
        _check_responsible,
        lambda p: _m(
            QT_TRANSLATE_NOOP("automation", "Hand over to one of {count} (round robin)")
            if p.get("round_robin")
            else QT_TRANSLATE_NOOP("automation", "Hand over to person {person}"),
            count=len(p.get("people", [])),
            person=(p.get("people") or [""])[0],
        ),
        _run_responsible,
    )
)


# -- move to another stage or pipeline -------------------------------------------------------------------


def _check_move(p: dict[str, Any], problems: Problems) -> None:
    if not p.get("stage_id"):
        problems.add("stage_id", MSG_STAGE)


def _run_move(act: Act) -> str:
    stage_id = int(act.params["stage_id"])
    deals = DealService(act.ctx)
    moved = deals.move_stage(act.deal.id, stage_id, expected_version=act.deal.version)
    return said(QT_TRANSLATE_NOOP("automation", "Moved the deal to {stage}."), stage=moved.stage_name)


def stage_pipeline(ctx: ServiceContext, stage_id: int) -> int | None:
    from sqlalchemy import select

    from app.models import Stage

    with ctx.read() as session:
        return session.scalar(select(Stage.pipeline_id).where(Stage.id == stage_id))


def _run_move_anywhere(act: Act) -> str:
    stage_id = int(act.params["stage_id"])
    deals = DealService(act.ctx)
    if stage_pipeline(act.ctx, stage_id) == act.deal.pipeline_id:
        return _run_move(act)
    moved = deals.move_to_pipeline(act.deal.id, act.deal.version, stage_id)
    return said(
        QT_TRANSLATE_NOOP("automation", "Moved the deal to {stage} ({pipeline})."),
        stage=moved.stage_name,
        pipeline=moved.pipeline_name,
    )


register(
    ActionSpec(
        "move",
        QT_TRANSLATE_NOOP("automation", "Move to a stage"),
        _check_move,
        lambda p: _m(QT_TRANSLATE_NOOP("automation", "Move to stage {stage}"), stage=p.get("stage_id", "")),
        _run_move_anywhere,
    )
)


# -- a comment on the timeline ----------------------------------------------------------------------------


def _check_comment(p: dict[str, Any], problems: Problems) -> None:
    if not str(p.get("text", "")).strip():
        problems.add("text", MSG_TEXT)


def _run_comment(act: Act) -> str:
    text = act.render(str(act.params["text"]))
    with act.ctx.write() as uow:
        uow.history.noted("deal", act.deal.id, act.deal.version, "comment", None, text)
        uow.emit("deal.commented", [act.deal.id], {"timeline"})
    return said(QT_TRANSLATE_NOOP("automation", "Commented: “{text}”."), text=text[:200])


register(
    ActionSpec(
        "comment",
        QT_TRANSLATE_NOOP("automation", "Add a comment to the timeline"),
        _check_comment,
        lambda p: _m(QT_TRANSLATE_NOOP("automation", "Comment: “{text}”"), text=p.get("text", "")),
        _run_comment,
    )
)


# -- an e-mail to the client ------------------------------------------------------------------------------


def _check_email(p: dict[str, Any], problems: Problems) -> None:
    if not str(p.get("subject", "")).strip() or not str(p.get("body", "")).strip():
        problems.add("subject", MSG_SUBJECT)


def _run_email(act: Act) -> str:
    from app.services.automation.outbox import client_address, queue_message

    to = client_address(act.ctx, act.deal, str(act.params.get("to", "contact")))
    if not to:
        return said(
            QT_TRANSLATE_NOOP(
                "automation", "No e-mail sent: the deal's contact and company have no e-mail address."
            )
        )
    subject = act.render(str(act.params["subject"]))
    body = act.render(str(act.params["body"]))
    attachment: tuple[str, bytes] | None = None
    running = CURRENT.get()
    template = act.params.get("template_id")
    if template:
        if running is not None:
            running.ready = False  # the document is one write, the e-mail the next: that one marks done
        documents = DocumentService(act.ctx)
        made = documents.make(act.deal.id, int(template))
        attachment = documents.content(made.id)
    if running is not None:
        running.ready = True
    queue_message(act.ctx, "email", to, body, subject=subject, deal_id=act.deal.id, attachment=attachment)
    return said(
        QT_TRANSLATE_NOOP("automation", "Queued an e-mail to {to}: “{subject}”."), to=to, subject=subject
    )


register(
    ActionSpec(
        "email",
        QT_TRANSLATE_NOOP("automation", "Send the client an e-mail"),
        _check_email,
        lambda p: _m(QT_TRANSLATE_NOOP("automation", "E-mail: “{subject}”"), subject=p.get("subject", "")),
        _run_email,
        writes=2,
    )
)


# -- an SMS to the client --------------------------------------------------------------------------------


def _run_sms(act: Act) -> str:
    from app.automation.sms import e164
    from app.services.automation.outbox import OutboxService, client_phone, queue_message

    found = client_phone(act.ctx, act.deal)
    to = e164(found, OutboxService(act.ctx).phone_region()) if found else None
    if found and not to:
        return said(
            QT_TRANSLATE_NOOP("automation", "No SMS sent: “{number}” is not a phone number."), number=found
        )
    if not to:
        return said(
            QT_TRANSLATE_NOOP(
                "automation", "No SMS sent: the deal's contact and company have no phone number."
            )
        )
    text = act.render(str(act.params["text"]))
    queue_message(act.ctx, "sms", to, text, deal_id=act.deal.id)
    return said(QT_TRANSLATE_NOOP("automation", "Queued an SMS to {to}."), to=to)


register(
    ActionSpec(
        "sms",
        QT_TRANSLATE_NOOP("automation", "Send the client an SMS"),
        _check_comment,
        lambda p: _m(QT_TRANSLATE_NOOP("automation", "SMS: “{text}”"), text=p.get("text", "")),
        _run_sms,
    )
)


# -- a document --------------------------------------------------------------------------------------------


def _check_document(p: dict[str, Any], problems: Problems) -> None:
    if not p.get("template_id"):
        problems.add("template_id", MSG_TEMPLATE)


def _run_document(act: Act) -> str:
    made = DocumentService(act.ctx).make(act.deal.id, int(act.params["template_id"]))
    return said(
        QT_TRANSLATE_NOOP("automation", "Made the document {number}."), number=made.number or made.title
    )


register(
    ActionSpec(
        "document",
        QT_TRANSLATE_NOOP("automation", "Create a document"),
        _check_document,
        lambda p: _m(
            QT_TRANSLATE_NOOP("automation", "Document from template {template}"),
            template=p.get("template_id", ""),
        ),
        _run_document,
    )
)


# -- wait --------------------------------------------------------------------------------------------------


register(
    ActionSpec(
        "wait",
        QT_TRANSLATE_NOOP("automation", "Wait"),
        lambda p, problems: None,
        lambda p: _m(QT_TRANSLATE_NOOP("automation", "Wait")),
        lambda act: said(QT_TRANSLATE_NOOP("automation", "Waited.")),
        writes=0,
    )
)
