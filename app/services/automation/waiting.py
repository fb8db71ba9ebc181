"""Whether anything could act on a write's events, asked once per write.

The hooks at the end of every write each want to know first whether anything could act at all: a
waiting automation job, an active rule, a live workflow, a workflow template that starts by itself.
Usually nothing does. Asked one by one that is four round trips to a server on every write; here it
is one statement, kept for the other hooks of the same transaction: on a file asked by the first hook
that wants it, on a server in the write's first message (with BEGIN and the writers' lock: no other
write can change the answer meanwhile) and asked again by the hooks only if the write itself changed
one of these tables. Only for the hooks: what they add themselves (jobs of rules) is not asked about
again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from app.models import AutomationJob, AutomationRule, WorkflowInstance, WorkflowTemplate, table_of
from app.storage.database import read_as_writes_begin, transaction_memo

_KEY = "waiting"  # in the transaction's memo


@dataclass(frozen=True, slots=True)
class Waiting:
    jobs: bool  # an automation job waits for its time
    rules: bool  # a stage has an active rule
    workflows: bool  # a workflow is running or waiting
    templates: bool  # an active workflow template starts on a record's creation or change


def waiting(session: Session) -> Waiting:
    memo = transaction_memo(session.connection())
    found = memo.get(_KEY)
    if found is None:  # not asked yet (a file), or the write changed what it depends on
        found = tuple(session.execute(_PROBE).one())
        memo[_KEY] = found
    return Waiting(*(bool(value) for value in found))


_PROBE = select(
    exists().where(AutomationJob.status == "waiting"),
    exists().where(AutomationRule.active.is_(True)),
    exists().where(WorkflowInstance.status.in_(("running", "waiting"))),
    exists().where(
        WorkflowTemplate.active.is_(True),
        WorkflowTemplate.start_on_create.is_(True) | WorkflowTemplate.start_on_change.is_(True),
    ),
)
# A server's writes ask it as they begin, in their first message (one round trip fewer).
read_as_writes_begin(
    _KEY,
    str(_PROBE.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True})),  # type: ignore[no-untyped-call]
    {table_of(model).name for model in (AutomationJob, AutomationRule, WorkflowInstance, WorkflowTemplate)},
)
