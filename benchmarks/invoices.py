"""Invoice scenarios: one draft issued (its number, the document rendered and kept; no PDF), one
issued invoice as XRechnung XML, and the Invoices area's overdue list over the demo's invoices (about
200,000 at a million deals) against the same rows read by raw sqlite3."""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.runner import median_ms, scenario

_OVERDUE = """
SELECT id, deal_id, kind, state, number, issue_date, due_date, currency, buyer_name, net, tax, gross, paid,
       cancels_id, version, dunning_level, reminded_on
FROM invoice WHERE state = 'issued' AND kind <> 'cancellation' AND due_date < ? AND paid < gross
ORDER BY due_date, id LIMIT 1000
"""
_TOTALS = """
SELECT currency, sum(gross - paid) FROM invoice
WHERE state = 'issued' AND kind <> 'cancellation' AND paid < gross {late} GROUP BY currency
"""


def run(path: Path, runs: int) -> dict[str, dict[str, Any]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.services.container import open_services
    from app.views.invoices.invoices_view import InvoicesView

    app = QApplication.instance() or QApplication([])
    raw = sqlite3.connect(path)
    invoices_total = raw.execute("SELECT count(*) FROM invoice").fetchone()[0]
    won = [
        row[0]
        for row in raw.execute(
            "SELECT d.id FROM deal d JOIN stage s ON s.id = d.stage_id AND s.semantic = 'won'"
            " WHERE d.id % 4 = 0 AND d.amount > 0 ORDER BY d.id DESC LIMIT ?",
            (runs + 2,),  # one to start the render worker, one for median_ms's warm-up
        )
    ]
    services = open_services(str(path))
    invoices = services.invoices
    drafts = [invoices.draft_from_deal(deal_id) for deal_id in won]
    invoices.issue(drafts[0].id, drafts[0].version)  # the render worker started, as in a session
    pending = iter(drafts[1:])

    def issue_one() -> None:
        draft = next(pending)
        invoices.issue(draft.id, draft.version)

    issue_ms = median_ms(issue_one, runs)
    some = raw.execute("SELECT id FROM invoice WHERE state = 'issued' ORDER BY id LIMIT 1").fetchone()[0]
    xml_ms = median_ms(lambda: invoices.einvoice(some), runs)

    view = InvoicesView(services)
    view.show_what.setCurrentIndex(view.show_what.findData("overdue"))  # the list reads it once here

    def overdue() -> None:
        view.reload()

    def overdue_raw() -> None:
        today = date.today().isoformat()  # noqa: DTZ011
        raw.execute(_OVERDUE, (today,)).fetchall()
        raw.execute(_TOTALS.format(late="")).fetchall()
        raw.execute(_TOTALS.format(late="AND due_date < ?"), (today,)).fetchall()

    result = {
        "invoice_issue_one": scenario(issue_ms, lines=len(invoices.get(drafts[1].id).lines)),
        "einvoice_xml_one": scenario(xml_ms),
        "invoices_list_overdue": scenario(
            median_ms(overdue, runs),
            median_ms(overdue_raw, runs),
            invoices=invoices_total,
            shown=view.tree.topLevelItemCount(),
        ),
    }
    view.deleteLater()
    raw.close()
    services.close()
    del app
    return result
