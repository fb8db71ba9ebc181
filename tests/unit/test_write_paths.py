"""Every write path of a deal is version-checked: a guard that finds new ones that are not.

A public method of the deal (and lead) services that opens a write transaction must take the
version the person saw (`expected_version`, required), the deals as seen (`moves`: id and version),
or a selection (which carries the versions seen); the few that need none say why below. And no
caller in the app passes a move without the version it showed.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"
SERVICES = [
    APP / "services" / "deals" / "service.py",
    APP / "services" / "deals" / "bulk.py",
    APP / "services" / "deals" / "form.py",
    APP / "services" / "deals" / "kanban.py",
    APP / "services" / "deals" / "calendar.py",
    APP / "services" / "customers" / "leads.py",
]
NEEDS_NONE = {
    "DealService.create": "a new deal has no version to be overtaken",
    "DealBulkService.undo": "each deal is compared with the version its change left; changed ones skipped",
}
SEEN = {"expected_version", "moves", "selection"}


def _write_methods() -> list[tuple[str, ast.FunctionDef, str]]:
    found = []
    for path in SERVICES:
        source = path.read_text()
        for cls in (n for n in ast.parse(source).body if isinstance(n, ast.ClassDef)):
            for fn in (n for n in cls.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")):
                if "_ctx.write()" in (ast.get_source_segment(source, fn) or ""):
                    found.append((f"{cls.name}.{fn.name}", fn, source))
    return found


def test_the_guard_finds_the_write_paths() -> None:
    names = {name for name, _fn, _src in _write_methods()}
    assert {
        "DealService.update",
        "DealService.move_each",
        "DealBulkService.update",
        "DealFormService.save",
    } <= names


def test_every_write_path_takes_what_the_person_saw() -> None:
    unchecked = []
    for name, fn, _source in _write_methods():
        if name in NEEDS_NONE:
            continue
        args = {a.arg for a in fn.args.args + fn.args.kwonlyargs}
        if not args & SEEN:
            unchecked.append(name)
    assert unchecked == [], f"write paths without a version check: {unchecked}"


def test_the_selection_of_a_bulk_action_carries_versions() -> None:
    from app.services.deals.bulk import DealSelection

    assert "versions" in DealSelection.__dataclass_fields__


def test_no_caller_moves_a_deal_without_the_version_it_showed() -> None:
    offenders = []
    for path in APP.rglob("*.py"):
        if "services" in path.parts and path.parent.name == "deals":
            continue
        text = path.read_text()
        for match in re.finditer(r"move_each\(\s*\[\(\s*\w+,\s*None\s*\)\]", text):
            offenders.append(f"{path.relative_to(APP)}: {match.group(0)}")
        for match in re.finditer(r"deals\.move_stage\(([^)]*)\)", text):
            if "expected_version" not in match.group(1):
                offenders.append(f"{path.relative_to(APP)}: {match.group(0)}")
        for line in text.splitlines():
            if "DealSelection(ids=" in line and "versions" not in line:
                offenders.append(f"{path.relative_to(APP)}: {line.strip()}")
    assert offenders == []
