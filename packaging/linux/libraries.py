"""Shared libraries of a Linux bundle that nothing in it loads.

PyInstaller collects each binary's dependencies when it collects the binary; a binary left out
afterwards (the GTK3 platform theme, the EGL platforms) leaves its dependencies behind: GTK's Pango,
Cairo, GIO and ATK, Kerberos, about 11 MB that no program, extension module or plugin of the bundle
asks for. Python's extension modules, Qt's plugins and libpython are loaded by name (the roots);
everything else stays only when a root or a kept library lists it as NEEDED.

The desktop's own libraries (X11 and XCB, GLib, D-Bus, fontconfig and FreeType, and what they
pull in: systemd, libgcrypt, compressors) are taken from the system, like the C library and OpenGL:
the .deb depends on them and every Linux desktop has them; a bundled copy from the build machine only
adds 10 MB and can clash with the system's own (a newer GLib loaded by an input method module).
What differs between distributions, or must be a known version, stays inside: Python, OpenSSL,
SQLite, libstdc++, libffi, expat, zlib, bzip2, xz.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from pathlib import Path

NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[(.+?)\]")


def needed(binary: Path) -> set[str]:
    """The sonames a shared object asks the dynamic loader for."""
    dynamic = subprocess.run(["readelf", "-d", str(binary)], capture_output=True, text=True).stdout
    return set(NEEDED.findall(dynamic))


SYSTEM = (
    "libX11.so",
    "libX11-xcb.so",
    "libxcb",
    "libxkbcommon",
    "libglib-2.0.so",
    "libgthread-2.0.so",
    "libdbus-1.so",
    "libsystemd.so",
    "libgcrypt.so",
    "libgpg-error.so",
    "liblz4.so",
    "libzstd.so",
    "libpcre2-8.so",
    "libfontconfig.so",
    "libfreetype.so",
    "libpng16.so",
    "libbrotli",
    "libcap.so",
)


def is_system(destination: str) -> bool:
    """A desktop library at the bundle's top (the wheels' own copies live in *.libs and Qt/lib)."""
    return "/" not in destination.replace("\\", "/") and destination.startswith(SYSTEM)


def is_root(destination: str) -> bool:
    d = destination.replace("\\", "/")
    name = d.rsplit("/", 1)[-1]
    return ".cpython-" in name or ".abi3." in name or "/plugins/" in d or name.startswith("libpython")


def unused(binaries: Iterable[tuple[str, str, str]]) -> set[str]:
    """Of PyInstaller's (destination, source, kind) entries, the destinations nothing loads (the
    links PyInstaller makes to them are removed after the build)."""
    entries = [(destination, Path(source)) for destination, source, _ in binaries]
    by_name: dict[str, list[str]] = {}
    for destination, _ in entries:
        by_name.setdefault(destination.replace("\\", "/").rsplit("/", 1)[-1], []).append(destination)
    sources = dict(entries)
    reached: set[str] = set()
    pending = [destination for destination, _ in entries if is_root(destination)]
    while pending:
        destination = pending.pop()
        if destination in reached:
            continue
        reached.add(destination)
        for soname in needed(sources[destination]):
            pending.extend(by_name.get(soname, ()))
    return {destination for destination, _ in entries} - reached
