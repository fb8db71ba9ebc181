"""Keeps the Qt translation files in step with the code.

python -m tools.translations update    # lupdate: refresh resources/translations/*.ts from app/
python -m tools.translations release   # lrelease: compile the .ts files to .qm (done by make)
python -m tools.translations check     # fail if a German text is missing or unfinished
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("de", "en")  # en holds only the plural forms ("1 deal", "2 deals")


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(
        f"pyside6-{name}"
    )
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials in this environment")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py"))


def update() -> None:
    for language in LANGUAGES:
        extra = ["-pluralonly"] if language == "en" else []
        subprocess.run(
            [
                _tool("lupdate"),
                *sources(),
                "-no-obsolete",
                "-locations",
                "none",
                *extra,
                "-target-language",
                language,
                "-ts",
                str(TRANSLATIONS / f"dealdesk_{language}.ts"),
            ],
            cwd=ROOT,
            check=True,
        )


def release() -> None:
    for ts in sorted(TRANSLATIONS.glob("dealdesk_*.ts")):
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def unfinished(ts_file: Path) -> list[str]:
    """Source texts of ts_file without a finished translation."""
    missing = []
    for message in ET.parse(ts_file).getroot().iter("message"):
        translation = message.find("translation")
        text = "".join(translation.itertext()).strip() if translation is not None else ""
        if (
            translation is None
            or translation.get("type") in ("unfinished", "obsolete", "vanished")
            or not text
        ):
            missing.append(message.findtext("source") or "")
    return missing


def check() -> int:
    """Extract the texts afresh and fail when any German translation is missing."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "dealdesk_de.ts"
        shutil.copy(TRANSLATIONS / "dealdesk_de.ts", fresh)
        subprocess.run(
            [
                _tool("lupdate"),
                *sources(),
                "-no-obsolete",
                "-locations",
                "none",
                "-silent",
                "-ts",
                str(fresh),
            ],
            cwd=ROOT,
            check=True,
        )
        missing = unfinished(fresh)
    for text in missing:
        print(f"missing German translation: {text!r}")
    return 1 if missing else 0


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command == "check":
        return check()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
