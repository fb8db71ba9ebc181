"""A server that asks for a password: asked for in the window, kept in the computer's password store
(never in the settings or the address), and found there the next time."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from postgres_box import _cluster

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.dialogs.server_password_dialog import ServerPasswordDialog
from app.gui.opening import open_interactively
from app.services.container import open_services
from app.services.core.errors import DatabaseError
from app.storage.server_passwords import SERVICE
from app.ui.settings import UserSettings

pytestmark = pytest.mark.postgres


class MemoryStore(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.fixture
def store() -> Iterator[MemoryStore]:
    before = keyring.get_keyring()
    memory = MemoryStore()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


def _answer(passwords: list[str], seen: list[str]) -> None:
    """Answer each password dialog as it comes up with the next of `passwords` (kept in the store)."""

    def look() -> None:
        dialog = next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, ServerPasswordDialog) and w.isVisible() and not w.property("answered")
            ),
            None,
        )
        if dialog is not None:
            dialog.setProperty("answered", True)
            seen.append(dialog.message.text())
            dialog.password.setText(passwords.pop(0))
            dialog.remember.setChecked(True)
            dialog.accept()
        if passwords:
            QTimer.singleShot(50, look)

    QTimer.singleShot(50, look)


def test_the_password_is_asked_for_and_kept_in_the_store(
    qtbot, store: MemoryStore, settings: UserSettings
) -> None:
    cluster = _cluster(password="server-secret-1")
    try:
        url = cluster.new_database("office", password="server-secret-1")
        with pytest.raises(DatabaseError, match="password"):
            open_services(url)  # no password anywhere: the server says no
        seen: list[str] = []
        _answer(["wrong-one", "server-secret-1"], seen)
        services = open_interactively(
            url, settings, lambda chosen, create: open_services(chosen, create=create)
        )
        assert services is not None
        services.deals.create(title="Signed in with the server's password")
        services.close()
        assert list(store.kept.values()) == ["server-secret-1"]
        ((service, account),) = store.kept
        assert service == SERVICE
        assert account.startswith("dealdesk@127.0.0.1:")
        assert "asks for the password of dealdesk" in seen[0]
        assert "did not accept the password" in seen[1]
        # The next time: found in the store, nothing asked.
        again = open_services(url)
        try:
            assert again.deals.get(1).title == "Signed in with the server's password"
            assert "server-secret" not in again.database.display_name
        finally:
            again.close()
    finally:
        cluster.remove()
