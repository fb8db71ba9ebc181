"""The dashboard's charts, drawn on matplotlib Figures (no pyplot, no Qt): the Analytics page puts
them on FigureCanvasQTAgg, `dealdesk report` saves them. Each chart also gives its data as a table
and, for a click, which deals each bar stands for."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the figures come from the analytics service; drawing them needs none of it
    from app.services.analytics.service import Dashboard
    from app.services.deals.filters import DealFilter

CHARTS = (
    "funnel",
    "products",
    "products_time",
    "sources",
    "plan",
    "companies",
    "months",
    "forecast",
    "receivables",
)
# What each chart draws from (fields of the Dashboard), besides its filter, people and currency.
READS: dict[str, tuple[str, ...]] = {
    "funnel": ("funnel", "funnel_pipeline_id"),
    "products": ("products",),
    "products_time": ("products_over_time",),
    "sources": ("sources",),
    "plan": ("plan", "plan_departments"),
    "companies": ("companies",),
    "months": ("months",),
    "forecast": ("forecast",),
    "receivables": ("receivables",),
}
BLUE, GREEN, RED, GREY, ORANGE = "#2f7bea", "#4caf50", "#e53935", "#9aa5b1", "#f29900"


@dataclass
class Words:
    """What the charts say, in the user's language (the GUI passes tr() texts; the CLI English)."""

    titles: Mapping[str, str]
    amount: str  # "Amount (EUR)"
    deals: str
    won: str
    lost: str
    target: str
    actual: str
    weighted: str
    no_data: str
    money: Callable[[float], str]  # 1234.5 -> "1.234,50 €"
    number: Callable[[float], str]
    month: Callable[[Any], str]  # a month's first day -> "Nov 2026"
    sources: Mapping[str, str] = field(default_factory=dict)
    columns: Mapping[str, str] = field(default_factory=dict)  # "Stage" -> "Phase"
    on_track: str = "on track"
    behind: str = "behind"
    ages: Mapping[str, str] = field(
        default_factory=lambda: {
            "not_due": "not yet due",
            "1_30": "1–30 days",
            "31_60": "31–60 days",
            "61_90": "61–90 days",
            "over_90": "over 90 days",
        }
    )
    open_amount: str = "Open"  # the receivables' axis

    def column(self, name: str) -> str:
        return self.columns.get(name, name)


@dataclass
class Drawn:
    """What a click on the chart can find: bars (matplotlib artists) and their deals."""

    picks: list[tuple[Any, DealFilter | None]] = field(default_factory=list)


@dataclass
class Rendered:
    """A chart drawn into pixels (any thread: matplotlib's Agg, no Qt) with what a click can find."""

    figure: Any
    picks: list[tuple[Any, DealFilter | None]]
    rgba: bytes  # width × height × 4 bytes, top row first
    width: int
    height: int

    def deals_at(self, x: float, y: float) -> DealFilter | None:
        """The deals of the bar under the pixel (x, y), measured from the image's top left corner."""
        from matplotlib.backend_bases import MouseEvent

        event = MouseEvent("button_press_event", self.figure.canvas, x, self.height - y, button=1)
        for artist, deals in self.picks:
            if deals is not None and artist.contains(event)[0]:
                return deals
        return None


def can_draw(chart: str, data: Dashboard) -> bool:
    """Whether the figures hold what the chart needs (a first part holds only some)."""
    return data.has(*READS[chart])


def same_picture(chart: str, drawn: Dashboard, new: Dashboard) -> bool:
    """Whether the chart drawn from `drawn` would look the same from `new` (and its bars open the
    same deals): it need not be drawn again."""
    return (
        can_draw(chart, drawn)
        and can_draw(chart, new)
        and (drawn.filter, drawn.people, drawn.base_currency) == (new.filter, new.people, new.base_currency)
        and all(getattr(drawn, name) == getattr(new, name) for name in READS[chart])
    )


def render(chart: str, data: Dashboard, words: Words, width: int, height: int, dpi: float = 90) -> Rendered:
    """The chart drawn on a new figure of width × height pixels, rendered to RGBA."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(max(width, 100) / dpi, max(height, 80) / dpi), dpi=dpi)
    canvas = FigureCanvasAgg(figure)
    picks = draw(chart, figure, data, words).picks
    canvas.draw()
    w, h = canvas.get_width_height()
    return Rendered(figure, picks, bytes(canvas.buffer_rgba()), w, h)


def draw(chart: str, figure: Any, data: Dashboard, words: Words) -> Drawn:
    figure.clear()
    axes = figure.add_subplot(111)
    drawn = Drawn()
    title = words.titles.get(chart, chart)
    # Over the whole figure, from its left edge: long axis labels push an axes title off the right.
    figure.suptitle(title, x=0.01, ha="left", fontsize=11)
    painter = _PAINTERS[chart]
    if not painter(axes, data, words, drawn):
        axes.clear()
        axes.text(0.5, 0.5, words.no_data, ha="center", va="center", transform=axes.transAxes, color=GREY)
        axes.set_axis_off()
    figure.tight_layout()
    return drawn


def table(chart: str, data: Dashboard, words: Words) -> tuple[list[str], list[list[Any]]]:
    """The chart's numbers as rows (for CSV/XLSX)."""
    if chart == "funnel":
        return [
            words.column("Stage"),
            words.column("Deals"),
            words.amount,
            words.column("Reached"),
            words.column("Conversion %"),
        ], [
            [
                s.name,
                s.deals,
                s.amount,
                s.reached,
                round(s.conversion, 1) if s.conversion is not None else None,
            ]
            for s in data.funnel
        ]
    if chart == "products":
        return [words.column("Product"), words.amount], [[b.label, b.value] for b in data.products]
    if chart == "products_time":
        months = sorted({m for series in data.products_over_time.values() for m in series})
        return [words.column("Product"), *(m.isoformat()[:7] for m in months)], [
            [name, *(series.get(m, Decimal(0)) for m in months)]
            for name, series in data.products_over_time.items()
        ]
    if chart == "sources":
        return [
            words.column("Source"),
            words.amount,
            words.column("Won deals"),
            words.column("Win rate %"),
        ], [
            [
                words.sources.get(b.key, b.label),
                b.value,
                b.count,
                round(b.extra, 1) if b.extra is not None else None,
            ]
            for b in data.sources
        ]
    if chart == "plan":
        return [
            words.column("Person"),
            words.column("Department"),
            words.target,
            words.actual,
            words.column("Fulfilled %"),
            words.column("On track"),
        ], [
            [
                "" if r.people else r.name,
                r.department or "",
                r.target,
                r.actual,
                round(r.fulfilled, 1) if r.fulfilled is not None else None,
                r.on_track,
            ]
            for r in (*data.plan, *data.plan_departments)  # each department's total after the people
        ]
    if chart == "companies":
        return [
            words.column("Company"),
            words.amount,
            words.column("Won deals"),
            words.column("Win rate %"),
        ], [
            [b.label, b.value, b.count, round(b.extra, 1) if b.extra is not None else None]
            for b in data.companies
        ]
    if chart == "months":
        return [
            words.column("Month"),
            words.won,
            words.lost,
            f"{words.won} {words.amount}",
            f"{words.lost} {words.amount}",
        ], [[m.month.isoformat()[:7], m.won, m.lost, m.won_amount, m.lost_amount] for m in data.months]
    if chart == "receivables":
        return [words.column("Overdue"), words.open_amount, words.column("Invoices")], [
            [words.ages.get(b.key, b.label), b.value, b.count] for b in data.receivables
        ]
    return [words.column("Month"), words.weighted, words.deals], [
        [b.label, b.value, b.count] for b in data.forecast
    ]


# -- the painters -------------------------------------------------------------------------------------------


def _money_axis(axes: Any, words: Words, axis: str = "x") -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    target = axes.xaxis if axis == "x" else axes.yaxis
    target.set_major_locator(MaxNLocator(nbins=4))  # few ticks: long amounts must not overlap
    target.set_major_formatter(FuncFormatter(lambda value, _pos: words.number(value)))


def _funnel(axes: Any, data: Dashboard, words: Words, drawn: Drawn) -> bool:
    steps = list(data.funnel)
    if not any(s.deals or s.reached for s in steps):
        return False
    names = [s.name for s in steps][::-1]
    reached = [s.reached for s in steps][::-1]
    bars = axes.barh(names, reached, color=[s.color for s in steps][::-1])
    for bar, step in zip(bars, steps[::-1], strict=True):
        label = f"{words.number(step.reached)}"
        if step.conversion is not None:
            label += f"  ({step.conversion:.0f} %)"
        axes.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, " " + label, va="center", fontsize=8)
        bar.set_picker(step.came is not None)
        drawn.picks.append((bar, step.came))  # the deals that came this far
    axes.set_xlabel(words.deals)
    axes.margins(x=0.25)
    return True


def _bars_h(axes: Any, bars_data: Any, words: Words, drawn: Drawn, color: str) -> bool:
    if not bars_data:
        return False
    items = list(bars_data)[::-1]
    bars = axes.barh([b.label for b in items], [float(b.value) for b in items], color=color)
    for bar, item in zip(bars, items, strict=True):
        bar.set_picker(item.deals is not None)
        drawn.picks.append((bar, item.deals))
    axes.set_xlabel(words.amount)
    _money_axis(axes, words)
    axes.tick_params(axis="y", labelsize=8)
    return True


def _products(axes: Any, data: Dashboard, words: Words, drawn: Drawn) -> bool:
    return _bars_h(axes, data.products, words, drawn, BLUE)


def _products_time(axes: Any, data: Dashboard, words: Words, drawn: Drawn) -> bool:
    if not data.products_over_time:
        return False
    months = sorted({m for series in data.products_over_time.values() for m in series})
    for name, series in data.products_over_time.items():
        axes.plot(
            [words.month(m) for m in months],
            [float(series.get(m, 0)) for m in months],
            marker="o",
            label=name,
        )
    # Beside the plot, not over it: inside, it hid the highest points.
    axes.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0)
    axes.set_ylabel(words.amount)
    _money_axis(axes, words, "y")
    axes.tick_params(axis="x", labelsize=7, rotation=45)
    return True


def _sources(axes: Any, data: Dashboard, words: Words, drawn: Drawn) -> bool:
    if not data.sources:
        return False
    items = list(data.sources)[::-1]
    labels = [words.sources.get(b.key, b.label) or "–" for b in items]
    bars = axes.barh(labels, [float(b.value) for b in items], color=GREEN)
    for bar, item in zip(bars, items, strict=True):
        rate = f"  {item.extra:.0f} %" if item.extra is not None else ""
        axes.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, rate, va="center", fontsize=8)
        bar.set_picker(item.deals is not None)
        drawn.picks.append((bar, item.deals))
    axes.set_xlabel(words.amount)
    _money_axis(axes, words)
    axes.margins(x=0.2)
    return True


def _plan(axes: Any, data: Dashboard, words: Words, drawn: Drawn) -> bool:
    rows = [r for r in data.plan if r.target or r.actual]
    if not rows:
        return False
    if data.filter.department_id is not None:
        # The department's people together, after them (with everybody, a department's sum would
        # dwarf each person's bars: those totals are in the chart's data instead).
        rows += [r for r in data.plan_departments if r.target or r.actual]
    positions = [n + (0.5 if r.people else 0) for n, r in enumerate(rows)]
    axes.bar(
        [p - 0.2 for p in positions],
        [float(r.target) for r in rows],
        width=0.4,
        color=GREY,
        label=words.target,
    )
    colors = [GREEN if r.on_track else ORANGE for r in rows]
    bars = axes.bar(
        [p + 0.2 for p in positions],
        [float(r.actual) for r in rows],
        width=0.4,
        color=colors,
        label=words.actual,
    )
    for bar, row in zip(bars, rows, strict=True):
        if row.fulfilled is not None:
            axes.text(
                bar.get_x() + bar.get_width() / 2,
                bar.get_height(),
                f"{row.fulfilled:.0f} %",
                ha="center",
                va="bottom",
                fontsize=7,
            )
        bar.set_picker(True)
        drawn.picks.append(
            (
                bar,
                data.won_by(row.people or (row.user_id,)),
            )
        )
    axes.set_xticks(positions, [f"Σ {r.name}" if r.people else r.name for r in rows], fontsize=8, rotation=20)
    for label, row in zip(axes.get_xticklabels(), rows, strict=True):
        if row.people:
            label.set_fontweight("bold")
    axes.set_ylabel(words.amount)
    _money_axis(axes, words, "y")
    from matplotlib.patches import Patch

    axes.margins(y=0.12)  # room for the percentages over the tallest bars
    # Above the plot in one row, never over a bar (inside, it covered the tallest ones).
    axes.legend(
        handles=[
            Patch(color=GREY, label=words.target),
            Patch(color=GREEN, label=f"{words.actual}: {words.on_track}"),
            Patch(color=ORANGE, label=f"{words.actual}: {words.behind}"),
        ],
        fontsize=7,
        ncol=3,
        loc="lower left",
        bbox_to_anchor=(0.0, 1.01),
        borderaxespad=0.0,
        frameon=False,
    )
    return True


def _companies(axes: Any, data: Dashboard, words: Words, drawn: Drawn) -> bool:
    return _bars_h(axes, data.companies, words, drawn, BLUE)


def _months(axes: Any, data: Dashboard, words: Words, drawn: Drawn) -> bool:
    if not any(m.won or m.lost for m in data.months):
        return False
    positions = list(range(len(data.months)))
    won = axes.bar(
        [p - 0.2 for p in positions], [m.won for m in data.months], width=0.4, color=GREEN, label=words.won
    )
    lost = axes.bar(
        [p + 0.2 for p in positions], [m.lost for m in data.months], width=0.4, color=RED, label=words.lost
    )
    for bars, status in ((won, "won"), (lost, "lost")):
        for bar, month in zip(bars, data.months, strict=True):
            bar.set_picker(True)
            drawn.picks.append((bar, data.closed_in(month.month, status)))
    axes.set_xticks(positions, [words.month(m.month) for m in data.months], fontsize=7, rotation=45)
    axes.set_ylabel(words.deals)
    axes.legend(fontsize=7)
    return True


def _forecast(axes: Any, data: Dashboard, words: Words, drawn: Drawn) -> bool:
    if not any(b.value for b in data.forecast):
        return False
    bars = axes.bar(
        [words.month(b.key) for b in data.forecast], [float(b.value) for b in data.forecast], color=BLUE
    )
    for bar, item in zip(bars, data.forecast, strict=True):
        bar.set_picker(True)
        drawn.picks.append((bar, item.deals))
    axes.set_ylabel(words.weighted)
    _money_axis(axes, words, "y")
    axes.tick_params(axis="x", labelsize=7, rotation=45)
    return True


def _receivables(axes: Any, data: Dashboard, words: Words, drawn: Drawn) -> bool:
    if not any(b.value for b in data.receivables):
        return False
    colors = {"not_due": BLUE, "1_30": ORANGE, "31_60": "#ef6c00", "61_90": RED, "over_90": "#b71c1c"}
    labels = [words.ages.get(b.key, b.label) for b in data.receivables]
    bars = axes.bar(
        labels,
        [float(b.value) for b in data.receivables],
        color=[colors.get(b.key, GREY) for b in data.receivables],
    )
    for bar, item in zip(bars, data.receivables, strict=True):
        if item.count:
            axes.annotate(
                words.number(item.count),
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                ha="center",
                va="bottom",
                fontsize=7,
                color=GREY,
            )
        drawn.picks.append((bar, None))
    axes.set_ylim(0, max(float(b.value) for b in data.receivables) * 1.12)  # room for the counts
    axes.set_ylabel(words.open_amount)
    _money_axis(axes, words, "y")
    axes.tick_params(axis="x", labelsize=7)
    return True


_PAINTERS: dict[str, Callable[[Any, Dashboard, Words, Drawn], bool]] = {
    "funnel": _funnel,
    "products": _products,
    "products_time": _products_time,
    "sources": _sources,
    "plan": _plan,
    "companies": _companies,
    "months": _months,
    "forecast": _forecast,
    "receivables": _receivables,
}
