"""Linux packages from the PyInstaller bundle (`make package`, after `make bundle`):

- dist/dealdesk_VERSION_amd64.deb: installs to /opt/dealdesk, `dealdesk` on PATH, the desktop entry
  and icon; removing it leaves every user's data (~/.local/share/Dealdesk) alone;
- dist/dealdesk-VERSION-linux-x86_64.tar.gz: the same folder to unpack anywhere (portable).

Built with Debian's own `dpkg-deb`; Python's standard library only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
BUNDLE = ROOT / "dist" / f"dealdesk-{VERSION}"
STAGE = ROOT / "build" / "deb"
# What the Qt in the bundle needs from the system (the same list .ci/run installs for the tests).
DEPENDS = [
    "libc6 (>= 2.31)",
    "libegl1",
    "libgl1",
    "libglib2.0-0",
    "libfontconfig1",
    "libfreetype6",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libdbus-1-3",
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-glx0",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xkb1",
    "fonts-dejavu-core",
    "libpq5",  # PostgreSQL: psycopg uses the system's client library on Linux
]
CONTROL = """Package: dealdesk
Version: {version}
Section: office
Priority: optional
Architecture: amd64
Maintainer: Dealdesk developers <dealdesk@localhost>
Installed-Size: {size}
Depends: {depends}
Recommends: libreoffice-writer-nogui | libreoffice-writer
Homepage: https://example.invalid/dealdesk
Description: fast, private desktop CRM for deals
 Deals in a list, a kanban board and a calendar; pipelines, contacts, companies
 and leads; tasks, automation, quotes and invoices (XRechnung / ZUGFeRD);
 analytics. Works offline on one computer, on a file shared in an office, or on
 a PostgreSQL server. PDFs need LibreOffice.
"""
POSTINST = """#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q /usr/share/applications || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
exit 0
"""


def _size_kib(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) // 1024


def build_deb() -> Path:
    if STAGE.exists():
        shutil.rmtree(STAGE)
    opt = STAGE / "opt" / "dealdesk"
    shutil.copytree(BUNDLE, opt, symlinks=True)
    (STAGE / "usr" / "bin").mkdir(parents=True)
    os.symlink("../../opt/dealdesk/dealdesk", STAGE / "usr" / "bin" / "dealdesk")
    applications = STAGE / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copy(ROOT / "packaging" / "dealdesk.desktop", applications / "dealdesk.desktop")
    icons = STAGE / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
    icons.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / "dealdesk.svg", icons / "dealdesk.svg")
    debian = STAGE / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(
        CONTROL.format(version=VERSION, size=_size_kib(STAGE), depends=", ".join(DEPENDS))
    )
    postinst = debian / "postinst"
    postinst.write_text(POSTINST)
    postinst.chmod(0o755)
    target = ROOT / "dist" / f"dealdesk_{VERSION}_amd64.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(STAGE), str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return target


def build_tarball() -> Path:
    target = ROOT / "dist" / f"dealdesk-{VERSION}-linux-x86_64.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(BUNDLE, arcname=f"dealdesk-{VERSION}")
        tar.add(ROOT / "packaging" / "dealdesk.desktop", arcname=f"dealdesk-{VERSION}/dealdesk.desktop")
        tar.add(ROOT / "resources" / "icons" / "dealdesk.svg", arcname=f"dealdesk-{VERSION}/dealdesk.svg")
    return target


def main() -> int:
    if not (BUNDLE / "dealdesk").exists():
        print(f"{BUNDLE} is missing: run `make bundle` first", file=sys.stderr)
        return 1
    for made in (build_deb(), build_tarball()):
        print(f"{made.relative_to(ROOT)}  {made.stat().st_size / 2**20:.1f} MB")
    print(f"installed size {_size_kib(BUNDLE) / 1024:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
