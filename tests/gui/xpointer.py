"""A real mouse for the Xvfb tests: the X server's pointer moved and clicked through XTEST, step by
step from a timer, so Qt's own drag loop (QDrag.exec) sees each move as it would a user's."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from PySide6.QtCore import QPoint, QTimer


class Pointer:
    """The X server's pointer, moved and clicked through the XTEST extension."""

    def __init__(self) -> None:
        from Xlib import display

        self._display = display.Display()
        if not self._display.has_extension("XTEST"):
            pytest.fail("The X server has no XTEST extension")

    def _fake(self, kind: int, detail: int = 0, x: int = 0, y: int = 0) -> None:
        from Xlib.ext import xtest

        xtest.fake_input(self._display, kind, detail, x=x, y=y)
        self._display.sync()

    def move(self, point: QPoint) -> None:
        from Xlib import X

        self._fake(X.MotionNotify, x=point.x(), y=point.y())

    def press(self) -> None:
        from Xlib import X

        self._fake(X.ButtonPress, 1)

    def release(self) -> None:
        from Xlib import X

        self._fake(X.ButtonRelease, 1)

    def close(self) -> None:
        self._display.close()


def drag(qtbot, pointer: Pointer, start: QPoint, end: QPoint, steps: int = 12) -> None:
    """Press at `start`, move in steps to `end`, release: one step per timer tick, so Qt sees each."""
    actions = [lambda: pointer.move(start), pointer.press]
    actions += [lambda d=d: pointer.move(start + QPoint(d, d)) for d in (3, 6, 12, 20)]
    for n in range(1, steps + 1):
        actions.append(lambda n=n: pointer.move(start + (end - start) * (n / steps)))
    actions += [lambda: pointer.move(end), lambda: pointer.move(end), pointer.release]
    done: list[bool] = []

    def step() -> None:
        if actions:
            actions.pop(0)()
        else:
            timer.stop()
            done.append(True)

    timer = QTimer()
    timer.setInterval(40)
    timer.timeout.connect(step)  # keeps ticking inside QDrag.exec()'s own event loop
    timer.start()
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)


def pointer_fixture() -> Iterator[Pointer]:
    p = Pointer()
    yield p
    p.close()
