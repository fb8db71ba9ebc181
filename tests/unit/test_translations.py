"""Every user-facing text has its German translation, and the .ts files compile."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_text_is_translated_to_german() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tools.translations", "check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_service_messages_are_marked_for_translation() -> None:
    # The Qt-free layers mark their texts with QT_TRANSLATE_NOOP; lupdate must have found them.
    text = (ROOT / "resources" / "translations" / "dealdesk_de.ts").read_text(encoding="utf-8")
    assert "{label} must be a number with at most 2 decimals." in text
    assert "<name>errors</name>" in text
    assert "<name>fields</name>" in text
