"""What a new database starts with: an administrator, currencies and the "Sales" pipeline."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.config import resources_dir
from app.models import (
    AppSetting,
    Currency,
    DocumentTemplate,
    Pipeline,
    Role,
    RoleAssignment,
    Stage,
    StageSemantic,
    User,
)
from app.services.access.rights import builtin_roles

SUPPORTED_LANGUAGES = ("en", "de")


@dataclass(frozen=True)
class StageSpec:
    names: dict[str, str]
    color: str
    semantic: StageSemantic
    probability: int


DEFAULT_PIPELINE_NAMES = {"en": "Sales", "de": "Vertrieb"}
DEFAULT_STAGES = (
    StageSpec({"en": "New", "de": "Neu"}, "#39A8EF", StageSemantic.IN_PROGRESS, 10),
    StageSpec(
        {"en": "Preparing documents", "de": "Dokumente vorbereiten"}, "#2FC6F6", StageSemantic.IN_PROGRESS, 20
    ),
    StageSpec({"en": "Invoice", "de": "Rechnung"}, "#55D0E0", StageSemantic.IN_PROGRESS, 40),
    StageSpec({"en": "In progress", "de": "In Bearbeitung"}, "#47E4C2", StageSemantic.IN_PROGRESS, 60),
    StageSpec({"en": "Final invoice", "de": "Schlussrechnung"}, "#FFA900", StageSemantic.IN_PROGRESS, 80),
    StageSpec({"en": "Won", "de": "Gewonnen"}, "#7BD500", StageSemantic.WON, 100),
    StageSpec({"en": "Lost", "de": "Verloren"}, "#FF5752", StageSemantic.LOST, 0),
)
MINIMAL_STAGES = (DEFAULT_STAGES[0], DEFAULT_STAGES[-2], DEFAULT_STAGES[-1])
"""What a pipeline created later starts with: New, Won, Lost."""
DEFAULT_CURRENCIES = (
    ("EUR", "Euro", "€", Decimal("1")),
    ("USD", "US dollar", "$", Decimal("0.92")),
    ("CHF", "Swiss franc", "CHF", Decimal("1.06")),
    ("GBP", "Pound sterling", "£", Decimal("1.17")),
)
ADMIN_NAMES = {"en": "Administrator", "de": "Administrator"}
ROLE_NAMES = {
    "de": {
        "administrator": "Administrator",
        "manager": "Abteilungsleitung",
        "salesperson": "Vertrieb",
        "readonly": "Nur lesen",
        "employee": "Mitarbeiter",
    },
}


SHIPPED_TEMPLATE_NAMES = {
    ("quote", "en"): "Quote",
    ("invoice", "en"): "Invoice",
    ("quote", "de"): "Angebot",
    ("invoice", "de"): "Rechnung",
    ("reminder", "en"): "Payment reminder",
    ("reminder", "de"): "Zahlungserinnerung",
}


def shipped_templates() -> list[tuple[str, str, str, Path]]:
    """(name, kind, language, file) of the document templates Dealdesk comes with."""
    folder = resources_dir() / "templates"
    return [
        (name, kind, language, folder / f"{kind}_{language}.docx")
        for (kind, language), name in SHIPPED_TEMPLATE_NAMES.items()
        if (folder / f"{kind}_{language}.docx").is_file()
    ]


def ensure_defaults(session: Session, language: str = "en") -> None:
    """Fill what a new database lacks; an existing database is left as it is."""
    lang = language if language in SUPPORTED_LANGUAGES else "en"
    if not session.scalar(select(func.count()).select_from(User)):
        login = os_login()
        session.add(User(login=login, name=ADMIN_NAMES[lang], is_admin=True, is_active=True))
    if not session.scalar(select(func.count()).select_from(Currency)):
        for sort, (code, name, symbol, rate) in enumerate(DEFAULT_CURRENCIES):
            session.add(
                Currency(code=code, name=name, symbol=symbol, rate=rate, is_base=sort == 0, sort=sort)
            )
    if not session.scalar(select(func.count()).select_from(Pipeline)):
        pipeline = Pipeline(name=DEFAULT_PIPELINE_NAMES[lang], sort=0, is_default=True)
        pipeline.stages = [
            Stage(
                name=spec.names[lang],
                sort=(index + 1) * 10,
                color=spec.color,
                semantic=spec.semantic,
                probability=spec.probability,
            )
            for index, spec in enumerate(DEFAULT_STAGES)
        ]
        session.add(pipeline)
        # A new database can make a quote and an invoice at once, in its language.
        for name, kind, template_language, path in shipped_templates():
            if template_language == lang:
                session.add(
                    DocumentTemplate(
                        name=name, kind=kind, language=lang, file_name=path.name, content=path.read_bytes()
                    )
                )
    if session.get(AppSetting, "language") is None:
        session.add(AppSetting(key="language", value=lang))
    if not session.scalar(select(func.count()).select_from(Role)):
        install_roles(session, lang)


def install_roles(session: Session, language: str) -> None:
    """The built-in roles, and "Employee" (every record, no settings) given to everyone: adding a
    colleague to a shared file does what it did before roles existed, and an administrator narrows
    it in Settings › Roles (e.g. "Salesperson" for some, instead of "Employee" for everyone)."""
    names = ROLE_NAMES.get(language, {})
    for key, (name, rights) in builtin_roles().items():
        role = Role(name=names.get(key, name), builtin=key, rights=rights.to_json())
        session.add(role)
        if key == "employee":
            session.flush()
            session.add(RoleAssignment(role_id=role.id, everyone=True))


def os_login() -> str:
    try:
        login = getpass.getuser()
    except (KeyError, OSError):  # no login name in containers without a passwd entry
        login = ""
    return login.strip() or "admin"


LOSS_REASONS = {
    "en": ("Price too high", "Chose a competitor", "No budget", "No response", "Project cancelled"),
    "de": ("Preis zu hoch", "Wettbewerber gewählt", "Kein Budget", "Keine Rückmeldung", "Projekt abgesagt"),
}
