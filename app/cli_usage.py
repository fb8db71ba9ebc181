"""What every command of `dealdesk` shares: its exit statuses and the error for a bad argument."""

from __future__ import annotations

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_BUSY = 3  # another PC held the database's lock for longer than the wait
EXIT_READ_ONLY = 4  # the database can't be written: write-protected, or the drive is full
EXIT_NO_DATABASE = 5  # not there (a missing share, a 0-byte file), can't be reached, or not Dealdesk's
EXIT_DAMAGED = 6  # the file is damaged: restore a backup
EXIT_INTERNAL = 70  # a fault in Dealdesk itself: the traceback is in the log file

EXIT_STATUSES = f"""exit statuses:
  {EXIT_OK}   done
  {EXIT_FAILED}   refused (a conflict with somebody's change, a rule, a right) or failed; nothing changed
  {EXIT_USAGE}   bad arguments or bad input; nothing changed
  {EXIT_BUSY}   the database stayed busy (another PC's long import or change holds its lock)
  {EXIT_READ_ONLY}   the database can't be written: the file, folder or drive is write-protected, or full
  {EXIT_NO_DATABASE}   no database there (is the network drive connected?), or not a Dealdesk database
  {EXIT_DAMAGED}   the database file is damaged: restore a backup ('dealdesk restore')
  {EXIT_INTERNAL}  an internal error: the details are in the log file named in the message
  130 interrupted (Ctrl+C)"""


class UsageError(Exception):
    """A bad argument: the message says what is wrong; exit status 2."""
