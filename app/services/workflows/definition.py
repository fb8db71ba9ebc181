"""A workflow's definition: parameters asked at a manual start, variables, and its steps as a tree.

    {"parameters": [{"name": "reason", "label": "Reason", "type": "text", "required": true}],
     "variables": {"discount": 0},
     "steps": [{"id": "s1", "kind": "action", "action": "notify", "params": {...}},
               {"id": "s2", "kind": "condition", "branches": [
                    {"label": "Big", "when": [{"field": "amount", "op": "gt", "value": 1}], "steps": [...]},
                    {"label": "Else", "steps": [...]}]},
               ...]}

Steps that hold others (condition, parallel, approval) keep them in `branches`, each a list of steps.
A place in the tree is a tuple of numbers: (i,) the i-th top step, (i, b, j) the j-th step of branch b
of step i, and so on; one past the end of a list is the end of that branch.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from app.services.automation.actions import ACTIONS
from app.services.automation.conditions import FIELDS, OPS
from app.services.core.i18n import QT_TRANSLATE_NOOP
from app.services.core.validation import Problems

ENTITIES = ("deal", "contact", "company", "lead", "invoice")
KINDS = (
    "action",
    "condition",
    "parallel",
    "wait",
    "approval",
    "set_variable",
    "start_workflow",
    "stop",
)
CONTAINERS = ("condition", "parallel", "approval")
WAIT_MODES = ("delay", "until_date", "until_field", "task_done")
PARAMETER_TYPES = ("text", "number", "date", "person", "bool")
APPROVED, REJECTED = "approved", "rejected"
MAX_STEPS = 500  # a template this large is a mistake (and the designer could not show it)

Position = tuple[int, ...]

MSG_EMPTY = QT_TRANSLATE_NOOP("errors", "A workflow needs at least one step.")
MSG_BIG = QT_TRANSLATE_NOOP("errors", "A workflow has at most {count} steps.")
MSG_KIND = QT_TRANSLATE_NOOP("errors", "Step {step}: '{kind}' is not a kind of step.")
MSG_ID = QT_TRANSLATE_NOOP("errors", "Step {step}: another step has the same id.")
MSG_ACTION = QT_TRANSLATE_NOOP("errors", "Step {step}: choose what it does.")
MSG_DEAL_ONLY = QT_TRANSLATE_NOOP("errors", "Step {step}: this action works on deals only.")
MSG_BRANCHES = QT_TRANSLATE_NOOP("errors", "Step {step}: it needs at least {count} branches.")
MSG_AFTER_STOP = QT_TRANSLATE_NOOP(
    "errors", "Step {step} can never run: it comes after a step that ends the workflow."
)
MSG_AFTER_ELSE = QT_TRANSLATE_NOOP(
    "errors", "Step {step} can never run: its branch comes after the branch taken otherwise."
)
MSG_FIELD = QT_TRANSLATE_NOOP("errors", "Step {step}: '{what}' is not a field, variable or earlier step.")
MSG_OP = QT_TRANSLATE_NOOP("errors", "Step {step}: '{op}' is not a comparison a condition can make.")
MSG_WAIT = QT_TRANSLATE_NOOP("errors", "Step {step}: say how long, until which date or for which field.")
MSG_PEOPLE = QT_TRANSLATE_NOOP("errors", "Step {step}: choose who approves.")
MSG_MODE = QT_TRANSLATE_NOOP("errors", "Step {step}: approved by any one or by all.")
MSG_OUTCOMES = QT_TRANSLATE_NOOP("errors", "Step {step}: an approval has an approved and a rejected branch.")
MSG_VARIABLE = QT_TRANSLATE_NOOP("errors", "Step {step}: name the variable.")
MSG_TEMPLATE = QT_TRANSLATE_NOOP("errors", "Step {step}: choose the workflow to start.")
MSG_PARAMETER = QT_TRANSLATE_NOOP(
    "errors", "Parameter '{name}': a name of letters, digits and _, and a type."
)
MSG_JSON = QT_TRANSLATE_NOOP("errors", "The workflow's definition is not valid: {error}.")


def parse(text: str | None) -> dict[str, Any]:
    data = json.loads(text or "{}")
    if not isinstance(data, dict):
        raise ValueError("not an object")
    data.setdefault("parameters", [])
    data.setdefault("variables", {})
    data.setdefault("steps", [])
    return data


def dump(definition: dict[str, Any]) -> str:
    return json.dumps(definition, ensure_ascii=False, sort_keys=True)


# -- walking the tree ----------------------------------------------------------------------------------


def step_at(steps: Sequence[dict[str, Any]], at: Position) -> dict[str, Any] | None:
    """The step at a place, or None when the place is one past the end of its list."""
    current: Sequence[dict[str, Any]] = steps
    for depth in range(0, len(at) - 1, 2):
        container = current[at[depth]]
        current = container["branches"][at[depth + 1]]["steps"]
    index = at[-1]
    return current[index] if index < len(current) else None


def after(at: Position) -> Position:
    """The place of the next step in the same list."""
    return (*at[:-1], at[-1] + 1)


def container_of(at: Position) -> Position | None:
    """The place of the step whose branch holds this place (None at the top)."""
    return at[:-2] if len(at) > 1 else None


def walk(steps: Sequence[dict[str, Any]], at: Position = ()) -> Iterator[tuple[Position, dict[str, Any]]]:
    """Every step with its place, depth first in order."""
    for index, step in enumerate(steps):
        here = (*at, index)
        yield here, step
        for b, branch in enumerate(step.get("branches", []) if step.get("kind") in CONTAINERS else []):
            yield from walk(branch.get("steps", []), (*here, b))


def find(steps: Sequence[dict[str, Any]], step_id: str) -> Position | None:
    return next((at for at, step in walk(steps) if step.get("id") == step_id), None)


def variable_names(definition: dict[str, Any]) -> set[str]:
    names = set(definition.get("variables", {})) | {p["name"] for p in definition.get("parameters", [])}
    for _, step in walk(definition["steps"]):
        if step.get("kind") == "set_variable":
            names.add(str(step.get("name", "")))
    return names


# -- checking before save ------------------------------------------------------------------------------


def check(definition: dict[str, Any], entity: str, problems: Problems) -> None:
    """Everything that would make the workflow fail or never reach a step, said per step."""
    steps = definition.get("steps", [])
    if not steps:
        problems.add("steps", MSG_EMPTY)
        return
    everything = list(walk(steps))
    if len(everything) > MAX_STEPS:
        problems.add("steps", MSG_BIG, count=MAX_STEPS)
        return
    for parameter in definition.get("parameters", []):
        name = str(parameter.get("name", ""))
        if not name.isidentifier() or parameter.get("type") not in PARAMETER_TYPES:
            problems.add("parameters", MSG_PARAMETER, name=name)
    seen: set[str] = set()
    variables = variable_names(definition)
    for at, step in everything:
        step_id = str(step.get("id", ""))
        label = step_id or ".".join(str(n + 1) for n in at)
        if not step_id or step_id in seen:
            problems.add("steps", MSG_ID, step=label)
        seen.add(step_id)
        _check_step(step, label, entity, variables, {s.get("id") for _, s in everything}, problems)
    _check_reachable(steps, problems)


def _check_step(
    step: dict[str, Any], label: str, entity: str, variables: set[str], ids: set[Any], problems: Problems
) -> None:
    kind = step.get("kind")
    if kind not in KINDS:
        problems.add("steps", MSG_KIND, step=label, kind=kind)
        return
    if kind == "action":
        spec = ACTIONS.get(str(step.get("action", "")))
        if spec is None:
            problems.add("steps", MSG_ACTION, step=label)
        elif entity != "deal" and (
            spec.key not in RECORD_ACTIONS or (entity, spec.key) == ("invoice", "email")
        ):
            problems.add("steps", MSG_DEAL_ONLY, step=label)
        else:
            spec.check(dict(step.get("params", {})), problems)
    elif kind == "condition":
        branches = step.get("branches", [])
        if len(branches) < 1:
            problems.add("steps", MSG_BRANCHES, step=label, count=1)
        for branch in branches:
            for condition in branch.get("when", []):
                _check_condition(condition, label, entity, variables, ids, problems)
    elif kind == "parallel":
        if len(step.get("branches", [])) < 2:
            problems.add("steps", MSG_BRANCHES, step=label, count=2)
    elif kind == "wait":
        if not _wait_said(step):
            problems.add("steps", MSG_WAIT, step=label)
    elif kind == "approval":
        if not step.get("people"):
            problems.add("steps", MSG_PEOPLE, step=label)
        if step.get("mode", "any") not in ("any", "all"):
            problems.add("steps", MSG_MODE, step=label)
        keys = [b.get("key") for b in step.get("branches", [])]
        if keys != [APPROVED, REJECTED]:
            problems.add("steps", MSG_OUTCOMES, step=label)
    elif kind == "set_variable":
        if not str(step.get("name", "")).isidentifier():
            problems.add("steps", MSG_VARIABLE, step=label)
    elif kind == "start_workflow" and not step.get("template_id"):
        problems.add("steps", MSG_TEMPLATE, step=label)


def _wait_said(step: dict[str, Any]) -> bool:
    mode = step.get("mode")
    if mode == "delay":
        try:
            return float(step.get("hours", 0) or 0) > 0
        except (TypeError, ValueError):
            return False
    if mode == "task_done":
        return bool(step.get("step"))
    return mode in WAIT_MODES and bool(step.get("field"))


def _check_condition(
    condition: dict[str, Any],
    label: str,
    entity: str,
    variables: set[str],
    ids: set[Any],
    problems: Problems,
) -> None:
    field = str(condition.get("field", ""))
    known = (
        (field.startswith("var:") and field[4:] in variables)
        or (field.startswith("step:") and field[5:] in ids)
        or field.startswith("uf:")
        or field in record_fields(entity)
    )
    if not known:
        problems.add("steps", MSG_FIELD, step=label, what=field)
    if condition.get("op") not in OPS:
        problems.add("steps", MSG_OP, step=label, op=condition.get("op"))


def _check_reachable(steps: Sequence[dict[str, Any]], problems: Problems) -> None:
    """Steps after a "stop" in the same list, and branches after the one taken otherwise (a branch
    without conditions), can never run."""
    for index, step in enumerate(steps):
        if step.get("kind") == "stop" and index + 1 < len(steps):
            later = steps[index + 1]
            problems.add("steps", MSG_AFTER_STOP, step=later.get("id", "?"))
        branches = step.get("branches", []) if step.get("kind") in CONTAINERS else []
        if step.get("kind") == "condition":
            otherwise = next((b for b, branch in enumerate(branches) if not branch.get("when")), None)
            if otherwise is not None:
                for branch in branches[otherwise + 1 :]:
                    first = (branch.get("steps") or [{}])[0]
                    problems.add("steps", MSG_AFTER_ELSE, step=first.get("id", "?"))
        for branch in branches:
            _check_reachable(branch.get("steps", []), problems)


# -- what a condition can look at per kind of record ----------------------------------------------------

RECORD_FIELDS: dict[str, tuple[str, ...]] = {
    "deal": FIELDS,
    "contact": ("first_name", "last_name", "position", "phone", "email", "responsible_id", "is_open"),
    "company": ("title", "industry", "phone", "email", "website", "responsible_id", "vat_id", "is_open"),
    "lead": ("title", "first_name", "last_name", "email", "phone", "source", "status", "responsible_id"),
    # "open": issued, not a cancellation, not paid in full (what dunning looks at)
    "invoice": (
        "kind",
        "state",
        "number",
        "issue_date",
        "due_date",
        "currency",
        "gross",
        "paid",
        "deal_id",
        "open",
    ),
}
# What a workflow on a contact, company, lead or invoice can do (the rest needs a deal); an e-mail
# goes to the record's own address (an invoice has none: its deal's workflow writes to the client).
RECORD_ACTIONS = ("notify", "task", "comment", "email")


def record_fields(entity: str) -> tuple[str, ...]:
    return RECORD_FIELDS.get(entity, ())
