"""Shared test set-up: offscreen Qt, isolated settings and data folders, fresh databases."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_SANDBOX = Path(tempfile.mkdtemp(prefix="dealdesk-tests-"))

# Before anything imports Qt. Tests marked xvfb run under xvfb-run with QT_QPA_PLATFORM=xcb.
# Offscreen, a desktop-sized screen: the default 800x800 one would clamp restored windows.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    _screen = _SANDBOX / "offscreen.json"
    _screen.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "OffscreenScreen",
                        "x": 0,
                        "y": 0,
                        "width": 1920,
                        "height": 1080,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"
# Nothing a test does may touch the developer's own settings, data or database.
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
    os.environ[_var] = str(_SANDBOX / _var.lower())
    Path(os.environ[_var]).mkdir(mode=0o700, exist_ok=True)
os.environ.pop("DEALDESK_DB", None)
os.environ.pop("DEALDESK_USER", None)

from app.services.container import Services, open_services  # noqa: E402

# A test that uses any of these runs Qt: it is a GUI test wherever it lives (`-m "not gui"` skips it).
QT_FIXTURES = frozenset({"qapp", "qtbot", "qtmodeltester"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        in_gui_folder = "tests/gui/" in str(item.path).replace(os.sep, "/")
        if in_gui_folder or QT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(_SANDBOX, ignore_errors=True)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new database with the schema and defaults, made once and copied for each test."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    open_services(str(path)).close()
    return path


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database of 400 deals (seed 7), made once."""
    from app.demo import generate_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    services = open_services(str(path))
    generate_demo(services.database, 400, seed=7, scratch_file=True)
    services.close()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "deals.sqlite"
    shutil.copy(template_db, path)  # the template is closed: a plain copy is safe here
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    return path


@pytest.fixture
def services(db_path: Path) -> Iterator[Services]:
    opened = open_services(str(db_path))
    yield opened
    opened.close()


@pytest.fixture
def demo_services(demo_path: Path) -> Iterator[Services]:
    opened = open_services(str(demo_path))
    yield opened
    opened.close()


# A throw-away PostgreSQL server for the tests marked postgres (integration and GUI alike).
from postgres_box import own_postgres, postgres_server, postgres_url  # noqa: E402, F401
