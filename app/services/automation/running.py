"""The job the engine is running on this thread, if any: its writes mark it done in their own
transaction (so a job's effect and its "done" commit together, or neither), and what they set off
runs one level deeper (the loop guard)."""

from __future__ import annotations

import contextvars
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.services.core.errors import Message

MAX_DEPTH = 5  # automation set off by automation, this many times over, stops (with a word on the deal)


@dataclass
class RunningJob:
    job_id: int
    owner: str
    depth: int
    deal_id: int
    rule_name: str
    result: str = ""  # what it did, as said() made it
    ready: bool = True  # false until the action's last write (the one that marks the job done)
    marked: bool = False  # the job was marked done in a write of the action
    extra: dict[str, Any] = field(default_factory=dict)
    # How the action's write records that it ran (a workflow step: the instance's new state);
    # None: the automation job is marked done.
    mark: Callable[[Any], None] | None = None


CURRENT: contextvars.ContextVar[RunningJob | None] = contextvars.ContextVar("automation_job", default=None)


def said(english: str, /, *, context: str = "automation", **params: Any) -> str:
    """What a job did, stored language-neutral: the English text, its values and its translation
    context (translated when shown)."""
    return json.dumps(
        {"text": english, "context": context, "params": {k: str(v) for k, v in params.items()}},
        ensure_ascii=False,
    )


def said_message(stored: str | None) -> Message | None:
    """What said() stored, as a message to show (translated where it is shown)."""
    if not stored:
        return None
    text, params, context = read_said(stored)
    return Message(text, params, context)


def read_said(stored: str | None) -> tuple[str, dict[str, str], str]:
    """(text, params, context) of what said() stored; a plain text stays as it is."""
    if not stored:
        return "", {}, "automation"
    try:
        data = json.loads(stored)
        return str(data["text"]), dict(data.get("params", {})), str(data.get("context", "automation"))
    except (ValueError, KeyError, TypeError):
        return stored, {}, "automation"
