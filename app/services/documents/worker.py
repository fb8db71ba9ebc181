"""Templates are filled in a worker process that can be stopped: a hard bound on time and memory.

The sandbox (`rendering.py`) refuses the hostile templates it can recognise with a clear message;
whatever it can't (a loop over a long computed text, a filter asked for a billion spaces) is
stopped here: the worker process has a memory limit (Linux and macOS) and is killed when a render
takes longer than RENDER_SECONDS. One worker serves one Dealdesk process and is started on first
use (about 0.2 s), then reused; a killed worker is replaced at the next render.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping
from typing import IO, Any

from app.services.core.errors import FieldProblem, Message, ValidationError
from app.services.documents import rendering
from app.services.documents.limits import (
    MSG_TOO_MUCH_MEMORY,
    MSG_TOO_SLOW,
    RENDER_MEMORY_BYTES,
    RENDER_SECONDS,
    check_package,
)

START_SECONDS = 60.0  # a cold start on a slow PC (imports from a network-installed bundle)
WORKER_ARG = "--render-worker"  # how a frozen Dealdesk is asked to be the worker


def _limit_memory() -> None:
    try:
        import resource
    except ImportError:  # Windows: the time limit still holds
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = RENDER_MEMORY_BYTES if hard == resource.RLIM_INFINITY else min(RENDER_MEMORY_BYTES, hard)
    with contextlib.suppress(ValueError, OSError):  # macOS may refuse it: the time limit still holds
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


def _send(stream: IO[bytes], message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack("!Q", len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    head = stream.read(8)
    if len(head) < 8:
        raise EOFError
    (size,) = struct.unpack("!Q", head)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


def serve() -> None:
    """The worker's loop (`python -m app.services.documents.worker`): jobs on stdin, replies on stdout."""
    jobs: dict[str, Callable[..., Any]] = {
        "render": rendering.render_here,
        "placeholders": rendering.placeholders_here,
    }
    inbox, outbox = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not break the replies
    _limit_memory()
    _send(outbox, ("ready", None))
    while True:
        try:
            name, args = _receive(inbox)
        except EOFError:
            return
        try:
            reply: tuple[str, Any] = ("ok", jobs[name](*args))
        except ValidationError as exc:
            reply = ("invalid", [(p.field, p.message.template, dict(p.message.params)) for p in exc.problems])
        except MemoryError:
            reply = ("memory", None)
        _send(outbox, reply)


class RenderWorker:
    """The parent's handle on the worker: one job at a time, each bounded in time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._replies: queue.Queue[Any] = queue.Queue()

    def call(self, name: str, *args: Any, seconds: float = RENDER_SECONDS) -> Any:
        with self._lock:
            process = self._ensure()
            try:
                assert process.stdin is not None
                _send(process.stdin, (name, args))
            except OSError:  # it died since the last job
                self._stop()
                raise _too_much_memory() from None
            try:
                reply = self._replies.get(timeout=seconds)
            except queue.Empty:
                self._stop()
                raise ValidationError.single("template", MSG_TOO_SLOW, seconds=f"{seconds:g}") from None
            if reply is None:  # the pipe closed: killed by the memory limit
                self._stop()
                raise _too_much_memory()
        status, value = reply
        if status == "ok":
            return value
        if status == "memory":
            with self._lock:
                self._stop()  # its heap may be fragmented past use: a fresh one next time
            raise _too_much_memory()
        raise ValidationError([FieldProblem(f, Message(t, p)) for f, t, p in value])

    def _ensure(self) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        self._stop()
        if getattr(sys, "frozen", False):
            command = [sys.executable, WORKER_ARG]
        else:
            command = [sys.executable, "-m", "app.services.documents.worker"]
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
        replies: queue.Queue[Any] = queue.Queue()
        threading.Thread(
            target=_read_replies, args=(process, replies), daemon=True, name="render-replies"
        ).start()
        try:
            first = replies.get(timeout=START_SECONDS)
        except queue.Empty:
            first = None
        if first is None or first[0] != "ready":
            process.kill()
            raise RuntimeError("the document worker did not start")
        self._process, self._replies = process, replies
        return process

    def _stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        process.wait(5)
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()

    def close(self) -> None:
        with self._lock:
            self._stop()


def _read_replies(process: subprocess.Popen[bytes], replies: queue.Queue[Any]) -> None:
    """Each reply of the worker into the queue; None when its pipe closes (it ended or was killed)."""
    assert process.stdout is not None
    while True:
        try:
            replies.put(_receive(process.stdout))
        except (EOFError, OSError, ValueError, pickle.UnpicklingError):
            replies.put(None)
            return


def _too_much_memory() -> ValidationError:
    return ValidationError.single("template", MSG_TOO_MUCH_MEMORY, limit=RENDER_MEMORY_BYTES // 2**20)


_worker = RenderWorker()
atexit.register(_worker.close)


def render(template_bytes: bytes, context: Mapping[str, Any], *, language: str = "en") -> bytes:
    """The rendered Word document, or a ValidationError naming the problem (nothing written).
    Bounded: the package's size is checked first, the work runs in the bounded worker."""
    check_package(template_bytes, "template.docx")
    result: bytes = _worker.call("render", template_bytes, dict(context), language)
    return result


def placeholders(content: bytes, file_name: str) -> list[str]:
    """The placeholders a template uses (a ValidationError when it can't be read), bounded as `render`."""
    check_package(content, file_name)
    used: list[str] = _worker.call("placeholders", content, file_name)
    return used


if __name__ == "__main__":
    serve()
