"""Where a running workflow stands, as stored in `workflow_instance.state` (JSON):

- tokens: the places being run. One at the start; a parallel step makes one per branch (their parent
  waits until all have reached their branch's end: the join). A token may wait: for a time, for a
  field to change, for an approval's answers.
- vars: the workflow's variables (the template's, the parameters given at a manual start, and what
  "set variable" steps set); results: what each step came to (a branch's label, an approval's
  outcome, "changed"/"timeout" of a wait on a field), which conditions can look at;
- rounds: how often each approval ran (its answers are kept per round); made: the task each "create
  a task" step made (a later wait can wait for it to be done).

The path (`workflow_instance.path`) is the list of steps taken, each with when, its token and what
came of it: the record's workflow panel draws it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.services.workflows.definition import Position


@dataclass
class Token:
    id: int
    at: Position
    parent: int | None = None
    wait: dict[str, Any] | None = None  # what it waits for (None: it can run)
    join: int = 0  # branches of its parallel step still running (it waits while > 0)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": list(self.at),
            "parent": self.parent,
            "wait": self.wait,
            "join": self.join,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Token:
        return cls(
            int(data["id"]), tuple(data["at"]), data.get("parent"), data.get("wait"), int(data.get("join", 0))
        )


@dataclass
class State:
    tokens: list[Token] = field(default_factory=lambda: [Token(1, (0,))])
    next_token: int = 2
    vars: dict[str, Any] = field(default_factory=dict)
    results: dict[str, Any] = field(default_factory=dict)
    rounds: dict[str, int] = field(default_factory=dict)
    made: dict[str, int] = field(default_factory=dict)  # the task each "create a task" step made

    def dump(self) -> str:
        return json.dumps(
            {
                "tokens": [t.to_json() for t in self.tokens],
                "next_token": self.next_token,
                "vars": self.vars,
                "results": self.results,
                "rounds": self.rounds,
                "made": self.made,
            },
            ensure_ascii=False,
            default=str,
        )

    @classmethod
    def load(cls, text: str | None) -> State:
        data = json.loads(text or "{}")
        if not data:
            return cls()
        return cls(
            [Token.from_json(t) for t in data.get("tokens", [])],
            int(data.get("next_token", 2)),
            dict(data.get("vars", {})),
            dict(data.get("results", {})),
            {k: int(v) for k, v in data.get("rounds", {}).items()},
            {k: int(v) for k, v in data.get("made", {}).items()},
        )

    def token(self, token_id: int) -> Token | None:
        return next((t for t in self.tokens if t.id == token_id), None)

    def spawn(self, at: Position, parent: int) -> Token:
        token = Token(self.next_token, at, parent)
        self.next_token += 1
        self.tokens.append(token)
        return token


def step_entry(step: dict[str, Any], token: Token, now: datetime, result: str, **more: Any) -> dict[str, Any]:
    """One line of the path: the step, when, by which token, what came of it (said())."""
    return {
        "step": step.get("id"),
        "kind": step.get("kind"),
        "action": step.get("action"),
        "title": step.get("title") or "",
        "token": token.id,
        "at": now.isoformat(timespec="seconds"),
        "result": result,
        **more,
    }
