"""What every command of `dealdesk` shares: its exit statuses and the error for a bad argument."""

from __future__ import annotations

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A bad argument: the message says what is wrong; exit status 2."""
