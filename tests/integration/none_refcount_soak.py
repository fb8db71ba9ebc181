"""Run as a script by test_none_refcount_soak.py: 100,000 data() calls through the real list model.

PySide6-Essentials 6.12.0 on CPython 3.11 drops a reference to None each time Qt hands Python an
empty value and aborts ("none_dealloc") after ~5,200 of them. This asks for empty roles on
purpose, in a process of its own so an abort fails one test instead of the whole run.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services.container import open_services
from app.views.deal_list.deal_table_model import COLUMN_COUNT, DealTableModel

ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.DecorationRole,  # never set: None back from C++
    Qt.ItemDataRole.ToolTipRole,  # set for the title only
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.BackgroundRole,  # never set
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.UserRole + 99,  # unknown role
)


def main(database: str, calls: int) -> None:
    app = QApplication([])
    services = open_services(database)
    model = DealTableModel(services)
    rows = model.rowCount()
    before = sys.getrefcount(None)
    empty = 0
    for n in range(calls):
        index = model.index(n % rows, n % COLUMN_COUNT)
        if index.data(ROLES[n % len(ROLES)]) is None:
            empty += 1
    after = sys.getrefcount(None)
    print(f"calls={calls} empty={empty} none_refcount_delta={after - before}", flush=True)
    services.close()
    del app


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
