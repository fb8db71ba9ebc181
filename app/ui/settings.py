"""Every user setting declared once with its type and default; window geometry kept apart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

ORGANIZATION = "Dealdesk"
SETTINGS_FILE = "Dealdesk"
STATE_FILE = "Dealdesk-state"  # window geometry and splitter sizes: not settings, never synced

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T


LANGUAGE = Setting("ui/language", "")  # "" follows the system; "en" or "de"
DEALS_VIEW = Setting("deals/view", "list")
DEALS_PIPELINE = Setting("deals/pipeline", 0)  # 0: all pipelines
CHANGE_POLL_MS = Setting("database/change_poll_ms", 1500)
LAST_LOGIN = Setting("people/last_login", "")  # who signed in last on this computer
BACKUP_FOLDER = Setting("database/backup_folder", "")  # "" : the data folder (another drive than a share)
RECENT_FILES = Setting("database/recent_files", "")  # the last databases opened, one per line
FIRST_RUN_DONE = Setting("first_run/done", 0)  # 1: the first-run assistant was answered


class UserSettings:
    """Typed access to the user's settings (QSettings under the hood)."""

    def __init__(self) -> None:
        self._qsettings = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, SETTINGS_FILE
        )

    def get(self, setting: Setting[T]) -> T:
        value: Any = self._qsettings.value(setting.key, setting.default)
        default = setting.default
        try:
            if isinstance(default, bool):
                return (value in (True, "true", "1", 1)) if not isinstance(value, bool) else value  # type: ignore[return-value]
            if isinstance(default, int):
                return int(value)  # type: ignore[return-value]
            if isinstance(default, str):
                return str(value)  # type: ignore[return-value]
        except (TypeError, ValueError):
            return default
        return value  # type: ignore[no-any-return]

    def set(self, setting: Setting[T], value: T) -> None:
        self._qsettings.setValue(setting.key, value)
        self._qsettings.sync()


def recent_files(settings: UserSettings) -> list[str]:
    """The databases opened last, newest first."""
    return [line for line in settings.get(RECENT_FILES).splitlines() if line.strip()]


def _state() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, STATE_FILE)


def load_state(key: str) -> QByteArray | None:
    """A saved piece of window state (e.g. a table header's column layout)."""
    value = _state().value(key)
    return value if isinstance(value, QByteArray) else None


def save_state(key: str, value: QByteArray) -> None:
    state = _state()
    state.setValue(key, value)
    state.sync()


class PreserveGeometry:
    """Mixin for top-level windows and dialogs: restores and saves geometry (and main-window state)."""

    geometry_key: str = ""

    def restore_geometry(self) -> bool:
        widget: QWidget = self  # type: ignore[assignment]
        state = _state()
        geometry = state.value(f"{self.geometry_key}/geometry")
        restored = isinstance(geometry, QByteArray) and widget.restoreGeometry(geometry)
        window_state = state.value(f"{self.geometry_key}/state")
        if isinstance(window_state, QByteArray) and hasattr(widget, "restoreState"):
            widget.restoreState(window_state)
        return bool(restored)

    def save_geometry(self) -> None:
        widget: QWidget = self  # type: ignore[assignment]
        state = _state()
        state.setValue(f"{self.geometry_key}/geometry", widget.saveGeometry())
        if hasattr(widget, "saveState"):
            state.setValue(f"{self.geometry_key}/state", widget.saveState())
        state.sync()
