"""What the charts say in the user's language: titles, axis labels, column names, and how money,
numbers and months are written. Shared by the Analytics page and `dealdesk report`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from app.reports.charts import Words
from app.services.core.vocabulary import DEAL_SOURCES
from app.ui.formatting import money
from app.ui.i18n import translate_message


def chart_titles() -> dict[str, str]:
    return {
        "funnel": QCoreApplication.translate("ChartWords", "Sales funnel: deals that reached each stage"),
        "products": QCoreApplication.translate("ChartWords", "Won revenue by product"),
        "products_time": QCoreApplication.translate("ChartWords", "Top products by month"),
        "sources": QCoreApplication.translate("ChartWords", "Won revenue and win rate by source"),
        "plan": QCoreApplication.translate("ChartWords", "Sales plan: target and won"),
        "companies": QCoreApplication.translate("ChartWords", "Top customers by won revenue"),
        "months": QCoreApplication.translate("ChartWords", "Won and lost by month"),
        "forecast": QCoreApplication.translate(
            "ChartWords", "Weighted forecast: the next 6 months by close month"
        ),
        "receivables": QCoreApplication.translate("ChartWords", "Receivables: open invoices by days overdue"),
    }


def column_names() -> dict[str, str]:
    """The data tables' column names (CSV/XLSX), keyed by their English name."""
    return {
        "Stage": QCoreApplication.translate("ChartWords", "Stage"),
        "Deals": QCoreApplication.translate("ChartWords", "Deals"),
        "Reached": QCoreApplication.translate("ChartWords", "Reached"),
        "Conversion %": QCoreApplication.translate("ChartWords", "Conversion %"),
        "Product": QCoreApplication.translate("ChartWords", "Product"),
        "Source": QCoreApplication.translate("ChartWords", "Source"),
        "Win rate %": QCoreApplication.translate("ChartWords", "Win rate %"),
        "Person": QCoreApplication.translate("ChartWords", "Person"),
        "Department": QCoreApplication.translate("ChartWords", "Department"),
        "Fulfilled %": QCoreApplication.translate("ChartWords", "Fulfilled %"),
        "On track": QCoreApplication.translate("ChartWords", "On track"),
        "Company": QCoreApplication.translate("ChartWords", "Company"),
        "Month": QCoreApplication.translate("ChartWords", "Month"),
        "Won deals": QCoreApplication.translate("ChartWords", "Won deals"),
        "Overdue": QCoreApplication.translate("ChartWords", "Overdue"),
        "Invoices": QCoreApplication.translate("ChartWords", "Invoices"),
    }


def chart_words(currency: str) -> Words:
    locale = QLocale()
    return Words(
        titles=chart_titles(),
        amount=QCoreApplication.translate("ChartWords", "Amount (%1)").replace("%1", currency),
        deals=QCoreApplication.translate("ChartWords", "Deals"),
        won=QCoreApplication.translate("ChartWords", "Won"),
        lost=QCoreApplication.translate("ChartWords", "Lost"),
        target=QCoreApplication.translate("ChartWords", "Target"),
        actual=QCoreApplication.translate("ChartWords", "Won"),
        weighted=QCoreApplication.translate("ChartWords", "Weighted amount (%1)").replace("%1", currency),
        no_data=QCoreApplication.translate("ChartWords", "No data for this filter"),
        money=lambda value: money(Decimal(str(round(value, 2))), currency),
        number=lambda value: locale.toString(float(value), "f", 0),
        month=lambda day: _month(locale, day),
        sources={code: translate_message(label) for code, label in DEAL_SOURCES.items()},
        columns=column_names(),
        on_track=QCoreApplication.translate("ChartWords", "on track"),
        behind=QCoreApplication.translate("ChartWords", "behind"),
        ages={
            "not_due": QCoreApplication.translate("ChartWords", "not yet due"),
            "1_30": QCoreApplication.translate("ChartWords", "1–30 days"),
            "31_60": QCoreApplication.translate("ChartWords", "31–60 days"),
            "61_90": QCoreApplication.translate("ChartWords", "61–90 days"),
            "over_90": QCoreApplication.translate("ChartWords", "over 90 days"),
        },
        open_amount=QCoreApplication.translate("ChartWords", "Open (%1)").replace("%1", currency),
    )


def _month(locale: QLocale, day: date) -> str:
    return locale.toString(QDate(day.year, day.month, 1), "MMM yyyy")


__all__ = ["chart_titles", "chart_words", "column_names"]
