"""Where a database file would live: on this computer's own disk or on a network file system (NFS,
SMB/CIFS, sshfs, WebDAV …). The first-run assistant warns when a file meant for the office sits on a
local disk (colleagues cannot reach it), and says that on a network drive Dealdesk keeps SQLite's
rollback journal (WAL needs shared memory, which network file systems do not give reliably)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

NETWORK_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "afpfs",
        "webdav",
        "davfs",
        "fuse.davfs2",
        "fuse.sshfs",
        "sshfs",
        "fuse.rclone",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "fuse.glusterfs",
        "lustre",
    }
)


def _existing(path: Path) -> Path:
    """The path itself or its nearest folder that exists (a new file's place)."""
    probe = path.expanduser().absolute()
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    return probe


def mount_type(path: Path, mounts: str | None = None) -> str | None:
    """The file system type of the mount holding `path` (Linux: /proc/mounts; macOS: `mount`), None
    when it can't be told. `mounts` is the mount table's text (tests)."""
    if mounts is None:
        mounts = _mount_table()
    if mounts is None:
        return None
    absolute = path.expanduser().absolute()
    found = _existing(absolute)  # links resolved where the path exists; the rest as written
    target = str(found.resolve() / absolute.relative_to(found))
    best, kind = "", None
    for line in mounts.splitlines():
        point, fstype = _mount_line(line)
        if point is None:
            continue
        if (target == point or target.startswith(point.rstrip("/") + "/")) and len(point) > len(best):
            best, kind = point, fstype
    return kind


def _mount_line(line: str) -> tuple[str | None, str | None]:
    parts = line.split()
    if len(parts) >= 3 and " on " not in line:  # /proc/mounts: device point type options …
        return parts[1].replace("\\040", " "), parts[2]
    if " on " in line and "(" in line:  # macOS `mount`: device on /point (type, options)
        point = line.split(" on ", 1)[1].rsplit(" (", 1)[0]
        return point, line.rsplit("(", 1)[1].split(",")[0].strip(" )")
    return None, None


def _mount_table() -> str | None:
    if sys.platform.startswith("linux"):
        try:
            return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    if sys.platform == "darwin":
        try:
            return subprocess.run(["mount"], capture_output=True, text=True, timeout=5, check=False).stdout
        except (OSError, subprocess.SubprocessError):
            return None
    return None


def on_network(path: Path, mounts: str | None = None) -> bool | None:
    """True on a network file system, False on a local one, None when it can't be told."""
    text = str(path)
    if sys.platform == "win32":
        if text.startswith(("\\\\", "//")):
            return True  # a UNC path: \\server\share
        return _windows_remote_drive(text)
    kind = mount_type(path, mounts)
    if kind is None:
        return None
    return kind.lower() in NETWORK_TYPES


def _windows_remote_drive(text: str) -> bool | None:
    drive = os.path.splitdrive(os.path.abspath(text))[0]
    if not drive:
        return None
    try:
        import ctypes

        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4)  # type: ignore[attr-defined]  # DRIVE_REMOTE
    except (AttributeError, OSError):
        return None
