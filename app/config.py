"""Where the database is: --db, else DEALDESK_DB, else a file in the user's data folder."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "Dealdesk"
ENV_DATABASE = "DEALDESK_DB"
ENV_USER = "DEALDESK_USER"
DEMO_DEALS = 10_000


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_database() -> str:
    return str(data_dir() / "dealdesk.sqlite")


def demo_database() -> str:
    return str(data_dir() / "demo.sqlite")


def resolve_database(option: str | None, environ: Mapping[str, str] = os.environ) -> str:
    """The database to open: a path (SQLite) or a SQLAlchemy URL, by order of precedence."""
    if option and option.strip():
        return option.strip()
    from_env = environ.get(ENV_DATABASE, "").strip()
    if from_env:
        return from_env
    return default_database()


def resolve_user(option: str | None, environ: Mapping[str, str] = os.environ) -> str | None:
    if option and option.strip():
        return option.strip()
    return environ.get(ENV_USER, "").strip() or None


def resources_dir() -> Path:
    """The bundled files (icons, translations, document templates), from a source tree or a
    PyInstaller bundle."""
    import sys

    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def guide_dir() -> Path:
    """The user guide (docs/guide: a folder per language, Markdown pages, screenshots), from a source
    tree or a PyInstaller bundle."""
    import sys

    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "docs" / "guide"
    return Path(__file__).resolve().parents[1] / "docs" / "guide"
