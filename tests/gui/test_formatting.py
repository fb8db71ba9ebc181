"""How dates and moments are written: the fast way gives what Qt's own local-time formatting gives."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime

import pytest

from PySide6.QtCore import QLocale

from app.ui.formatting import short_moment


@pytest.fixture(params=["Europe/Berlin", "America/New_York", "UTC"])
def zone(request, qapp):
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    yield request.param
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.mark.parametrize("language", [QLocale.Language.German, QLocale.Language.English])
def test_a_moment_is_written_as_qt_writes_the_local_time(zone: str, language: QLocale.Language) -> None:
    before = QLocale()
    QLocale.setDefault(
        QLocale(
            language,
            QLocale.Country.Germany if language == QLocale.Language.German else QLocale.Country.UnitedStates,
        )
    )
    try:
        for moment in (
            datetime(2026, 12, 4, 9, 5, tzinfo=UTC),
            datetime(2026, 3, 29, 0, 59, tzinfo=UTC),  # the night summer time starts in Europe
            datetime(2026, 3, 29, 1, 1, tzinfo=UTC),
            datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # and ends
            datetime(2026, 7, 1, 23, 59, 59, tzinfo=UTC),
        ):
            stored = moment.replace(tzinfo=None)  # as the database keeps it: UTC without a zone
            local = moment.astimezone()
            expected = QLocale().toString(local, QLocale.FormatType.ShortFormat)
            assert short_moment(stored) == expected, (zone, stored)
            assert short_moment(local) == expected
    finally:
        QLocale.setDefault(before)
