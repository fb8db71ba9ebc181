"""The log file: where tracebacks go, so that people read words and support reads the details.

`dealdesk.log` in the user's data folder (`logs/`), rotated at 1 MB, three kept; $DEALDESK_LOG
names another file. Set up on first use, so commands that never fail never touch it.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

ENV_LOG = "DEALDESK_LOG"
_installed: list[Path] = []


def log_path() -> Path:
    chosen = os.environ.get(ENV_LOG, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    from app.config import data_dir

    return data_dir() / "logs" / "dealdesk.log"


def install_log_file() -> Path | None:
    """Send warnings and errors of every module to the log file; None when it can't be written."""
    if _installed:
        return _installed[0]
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    _installed.append(path)
    return path


def log_exception(error: BaseException, what: str) -> Path | None:
    """Write `error` with its traceback to the log file; the file's path, or None if it can't be written."""
    path = install_log_file()
    logging.getLogger("dealdesk").error("%s", what, exc_info=(type(error), error, error.__traceback__))
    return path
