"""Whether anything could act on a write's events, asked once per write.

The hooks at the end of every write each want to know first whether anything could act at all: a
waiting automation job, an active rule, a live workflow, a workflow template that starts by itself.
Usually nothing does. Asked one by one that is four round trips to a server on every write; here it
is one statement, asked by the first hook that wants it (after the write's own changes, so what the
write made is seen) and kept for the other hooks of the same transaction. Only for the hooks: what
they add themselves (jobs of rules) is not asked about again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from app.models import AutomationJob, AutomationRule, WorkflowInstance, WorkflowTemplate
from app.storage.database import transaction_memo

_KEY = "waiting"  # in the transaction's memo


@dataclass(frozen=True, slots=True)
class Waiting:
    jobs: bool  # an automation job waits for its time
    rules: bool  # a stage has an active rule
    workflows: bool  # a workflow is running or waiting
    templates: bool  # an active workflow template starts on a record's creation or change


def waiting(session: Session) -> Waiting:
    memo = transaction_memo(session.connection())
    if _KEY in memo:
        return memo[_KEY]  # type: ignore[no-any-return]
    row = session.execute(
        select(
            exists().where(AutomationJob.status == "waiting"),
            exists().where(AutomationRule.active.is_(True)),
            exists().where(WorkflowInstance.status.in_(("running", "waiting"))),
            exists().where(
                WorkflowTemplate.active.is_(True),
                WorkflowTemplate.start_on_create.is_(True) | WorkflowTemplate.start_on_change.is_(True),
            ),
        )
    ).one()
    found = Waiting(*(bool(value) for value in row))
    memo[_KEY] = found
    return found
