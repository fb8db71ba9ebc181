"""`dealdesk report`: the Analytics page's charts and their data written to a folder, headless.
Qt is used only for its translations and number formats (a QCoreApplication, no window);
matplotlib draws on its Agg canvas."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.analytics.service import AnalyticsFilter
    from app.services.container import Services


@dataclass(frozen=True)
class ReportOptions:
    images: str = "png"
    data: str = "csv"
    language: str = "en"
    dpi: int = 110


def write_report(
    services: Services, analytics_filter: AnalyticsFilter, out: Path, options: ReportOptions
) -> list[Path]:
    """Every chart as an image and its data as a table, named by chart; returns the files written."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from PySide6.QtCore import QCoreApplication, QLocale

    from app.reports.charts import CHARTS, draw
    from app.ui.chart_export import export_chart
    from app.ui.chart_words import chart_words
    from app.ui.i18n import install_translations

    app = QCoreApplication.instance() or QCoreApplication([])
    locale = QLocale()
    translators = install_translations(app, options.language)
    try:
        data = services.analytics.dashboard(analytics_filter)
        words = chart_words(data.base_currency)
        out.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        for chart in CHARTS:
            figure = Figure(figsize=(9, 5.5), dpi=options.dpi)
            FigureCanvasAgg(figure)
            draw(chart, figure, data, words)
            for path in (out / f"{chart}.{options.images}", out / f"{chart}.{options.data}"):
                export_chart(chart, data, words, path, figure)
                written.append(path)
        return written
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(locale)
