"""A server login's password in the operating system's password store (Windows Credential Manager,
macOS Keychain, the Secret Service on Linux), never in Dealdesk's settings or the address.

An address without a password (`postgresql+psycopg://anna@crm-server/dealdesk`) is completed from
the store when it holds one for that login, server and database; the window asks for it (and offers
to keep it there) when the server wants one it does not have.
"""

from __future__ import annotations

from sqlalchemy.engine import URL

from app.storage.failures import QT_TRANSLATE_NOOP, DatabaseError, Problem

SERVICE = "Dealdesk database"
MSG_NO_STORE = QT_TRANSLATE_NOOP(
    "storage",
    "This computer has no password store Dealdesk can use ({why}); the password was used this once.",
)


def account(url: URL) -> str:
    """Which password: the login's, on that server, for that database."""
    return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def saved_password(url: URL) -> str | None:
    if url.password or not url.username:
        return None
    try:
        import keyring

        return keyring.get_password(SERVICE, account(url))
    except Exception:  # no store on this computer (a server without a desktop session): none saved
        return None


def save_password(url: URL, password: str) -> None:
    try:
        import keyring

        keyring.set_password(SERVICE, account(url), password)
    except Exception as exc:
        raise DatabaseError(MSG_NO_STORE, Problem.OTHER, why=str(exc) or type(exc).__name__) from exc


def with_saved_password(url: URL) -> URL:
    """The address completed with its saved password, if one is saved (else as it is)."""
    saved = saved_password(url)
    return url.set(password=saved) if saved else url


def wants_password(error: BaseException) -> bool:
    """Whether the server refused a connection for want of the right password."""
    text = str(error).lower()
    return "password authentication failed" in text or "no password supplied" in text
