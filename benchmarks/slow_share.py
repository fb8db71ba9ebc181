"""A slow network share for tests and benchmarks: a FUSE passthrough that waits on every read and write.

Offices keep the database on SMB/NFS shares where each request to the server costs about a
millisecond. This mounts a folder again elsewhere (fusepy over libfuse2, /dev/fuse) and adds a
fixed delay to each read and write request, as a share does; the kernel's page cache still serves
pages already read, as an SMB client with a lease does. SQLite's locks stay local (the kernel keeps
POSIX locks for a FUSE file system that does not implement them), which is right for processes on
this one machine. A virtual file, `.share-stats`, gives the counts of requests so far (JSON).

    python -m benchmarks.slow_share ROOT MOUNTPOINT --latency-ms 1      (foreground; Ctrl+C unmounts)

`mounted(root, latency_ms)` does the same from Python, in a child process, and unmounts after.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

STATS = ".share-stats"


class Unavailable(Exception):  # noqa: N818 - reads as "FUSE is unavailable"
    """FUSE can't be used here (no /dev/fuse, no libfuse2, no fusepy, no permission): the reason."""


def fuse_problem() -> str | None:
    """Why a slow share can't be mounted here, or None when it can."""
    if not Path("/dev/fuse").exists():
        return "/dev/fuse is missing"
    if shutil.which("fusermount") is None and shutil.which("fusermount3") is None:
        return "fusermount is not installed (apt: fuse)"
    try:
        import fuse  # noqa: F401
    except ImportError:
        return "fusepy is not installed (pip: fusepy)"
    except OSError as exc:
        return f"libfuse2 is missing ({exc}; apt: libfuse2)"
    return None


WSIZE = 1 << 20  # the largest write request of a write-behind client (NFS's usual wsize)


def _operations(root: str, latency_s: float, write_behind: bool = False) -> Any:
    """Per-request writes (an SMB client without a lease: each write waits for the server), or with
    `write_behind` an NFS-like client: writes land in its cache and go out at fsync, one request per
    contiguous range (up to WSIZE) plus the commit."""
    from fuse import FuseOSError, Operations

    counts = {"reads": 0, "writes": 0, "read_bytes": 0, "write_bytes": 0}
    lock = threading.Lock()
    dirty: dict[int, list[tuple[int, int]]] = {}

    def send_dirty(fh: int) -> None:
        with lock:
            ranges = sorted(dirty.pop(fh, []))
        merged: list[list[int]] = []
        for start, end in ranges:
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        requests = sum(-(-(end - start) // WSIZE) for start, end in merged)
        if requests:
            time.sleep(latency_s * requests)
            with lock:
                counts["writes"] += requests

    def real(path: str) -> str:
        return os.path.join(root, path.lstrip("/"))

    def stats() -> bytes:
        with lock:
            return json.dumps(counts).encode()

    class SlowPassthrough(Operations):  # type: ignore[misc]
        def getattr(self, path: str, fh: int | None = None) -> dict[str, Any]:
            if path == "/" + STATS:
                return {"st_mode": 0o100444, "st_nlink": 1, "st_size": 4096, "st_mtime": time.time()}
            try:
                st = os.lstat(real(path))
            except OSError as exc:
                raise FuseOSError(exc.errno or errno.EIO) from exc
            keys = ("st_mode", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime")
            return {k: getattr(st, k) for k in keys}

        def readdir(self, path: str, fh: int) -> list[str]:
            return [".", "..", *os.listdir(real(path))]

        def access(self, path: str, amode: int) -> None:
            if path != "/" + STATS and not os.access(real(path), amode):
                raise FuseOSError(errno.EACCES)

        def open(self, path: str, flags: int) -> int:
            if path == "/" + STATS:
                return 0
            return os.open(real(path), flags)

        def create(self, path: str, mode: int, fi: Any = None) -> int:
            return os.open(real(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)

        def read(self, path: str, size: int, offset: int, fh: int) -> bytes:
            if path == "/" + STATS:
                return stats()[offset : offset + size]
            time.sleep(latency_s)
            data = os.pread(fh, size, offset)
            with lock:
                counts["reads"] += 1
                counts["read_bytes"] += len(data)
            return data

        def write(self, path: str, data: bytes, offset: int, fh: int) -> int:
            written = os.pwrite(fh, data, offset)
            with lock:
                counts["write_bytes"] += written
                if write_behind:
                    dirty.setdefault(fh, []).append((offset, offset + written))
                else:
                    counts["writes"] += 1
            if not write_behind:
                time.sleep(latency_s)
            return written

        def truncate(self, path: str, length: int, fh: int | None = None) -> None:
            os.truncate(real(path), length)

        def flush(self, path: str, fh: int) -> None:
            if path != "/" + STATS:
                send_dirty(fh)
                os.fsync(fh)

        def fsync(self, path: str, datasync: bool, fh: int) -> None:
            send_dirty(fh)
            time.sleep(latency_s)  # the commit
            os.fsync(fh)

        def release(self, path: str, fh: int) -> None:
            if path != "/" + STATS:
                send_dirty(fh)
                os.close(fh)

        def unlink(self, path: str) -> None:
            time.sleep(latency_s)
            os.unlink(real(path))

        def rename(self, old: str, new: str) -> None:
            os.rename(real(old), real(new))

        def mkdir(self, path: str, mode: int) -> None:
            os.mkdir(real(path), mode)

        def rmdir(self, path: str) -> None:
            os.rmdir(real(path))

        def chmod(self, path: str, mode: int) -> None:
            os.chmod(real(path), mode)

        def chown(self, path: str, uid: int, gid: int) -> None:
            os.chown(real(path), uid, gid)

        def utimens(self, path: str, times: Any = None) -> None:
            os.utime(real(path), times)

        def statfs(self, path: str) -> dict[str, Any]:
            st = os.statvfs(real(path))
            keys = (
                "f_bavail",
                "f_bfree",
                "f_blocks",
                "f_bsize",
                "f_favail",
                "f_ffree",
                "f_files",
                "f_flag",
                "f_frsize",
                "f_namemax",
            )
            return {k: getattr(st, k) for k in keys}

    return SlowPassthrough()


def serve(root: Path, mountpoint: Path, latency_ms: float, write_behind: bool = False) -> None:
    from fuse import FUSE

    operations = _operations(str(root.resolve()), latency_ms / 1000, write_behind)
    FUSE(operations, str(mountpoint), foreground=True, nothreads=False)


def share_stats(mountpoint: Path) -> dict[str, int]:
    return json.loads((mountpoint / STATS).read_bytes().rstrip(b"\0") or b"{}")  # type: ignore[no-any-return]


@contextlib.contextmanager
def mounted(root: Path, latency_ms: float, *, write_behind: bool = False) -> Iterator[Path]:
    """`root` seen through a slow share, mounted at a temporary folder while the block runs."""
    problem = fuse_problem()
    if problem is not None:
        raise Unavailable(problem)
    mountpoint = Path(tempfile.mkdtemp(prefix="dealdesk-share-"))
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "benchmarks.slow_share",
            str(root),
            str(mountpoint),
            "--latency-ms",
            str(latency_ms),
            *(["--write-behind"] if write_behind else []),
        ],
        stderr=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[1],  # where `benchmarks` is a package
    )
    try:
        deadline = time.monotonic() + 10
        while not (mountpoint / STATS).exists():
            if process.poll() is not None or time.monotonic() > deadline:
                error = process.stderr.read().decode(errors="replace") if process.stderr else ""
                raise Unavailable(f"the slow share did not mount: {error.strip() or 'no reason given'}")
            time.sleep(0.05)
        yield mountpoint
    finally:
        unmount = shutil.which("fusermount") or shutil.which("fusermount3") or "fusermount"
        subprocess.run([unmount, "-u", "-z", str(mountpoint)], capture_output=True, check=False)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(10)
        if process.poll() is None:
            process.kill()
            process.wait(5)
        if process.stderr is not None:
            process.stderr.close()
        with contextlib.suppress(OSError):
            mountpoint.rmdir()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.slow_share", description=__doc__.splitlines()[0]
    )
    parser.add_argument("root", type=Path)
    parser.add_argument("mountpoint", type=Path)
    parser.add_argument("--latency-ms", type=float, default=1.0)
    parser.add_argument("--write-behind", action="store_true", help="writes go out at fsync (NFS-like)")
    args = parser.parse_args(argv)
    serve(args.root, args.mountpoint, args.latency_ms, args.write_behind)
    return 0


if __name__ == "__main__":
    sys.exit(main())
