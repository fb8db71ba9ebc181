"""A text progress bar for long headless commands (demo data, backups)."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    """Redraws one line on a terminal at most ten times a second; silent when not a terminal."""

    def __init__(self, stream: TextIO | None = None, width: int = 30) -> None:
        self._stream = stream or sys.stderr
        self._width = width
        self._last = 0.0
        self._tty = self._stream.isatty()
        self._shown = False

    def __call__(self, label: str, done: int, total: int) -> None:
        if not self._tty:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and done < total:
            return
        self._last = now
        fraction = done / total if total else 0.0
        filled = int(self._width * fraction)
        bar = "#" * filled + "-" * (self._width - filled)
        count = f"{done:,}/{total:,}" if total > 1 else ""
        self._stream.write(f"\r[{bar}] {fraction:4.0%} {label:<12} {count:<22}")
        self._stream.flush()
        self._shown = True

    def finish(self) -> None:
        if self._shown:
            self._stream.write("\n")
            self._stream.flush()
            self._shown = False
