"""The line "a year earlier" under a value (docs/dashboard.md "A year earlier").

``vuotta aiemmin 71,2 % · muutos +4,1 %-yks.`` / ``a year earlier 71.2% · change +4.1 pp``:
the value of the same period a year earlier (metrics.year_earlier_table, under the
small-number rule like its own period) and the change to the current value: percentage points
for shares, days (or months, clients per person-year) for means, the difference for counts.
Where the earlier period starts before the coverage start S the line says that there are no
data a year earlier; where the metric's rule was not in force it says so. Pure functions: the
cards, the goal pages and the board report share them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

import polars as pl

from metrics.deadline_rules import no_rule_message
from metrics.definition import MetricDefinition
from metrics.year_earlier import EarlierPeriod, covered
from ui import kpi_view
from ui.formatting import MISSING, fmt_change, fmt_date, fmt_period
from ui.i18n import Lang, t

Row = dict[str, object]


@dataclass(frozen=True)
class YearEarlier:
    """What a surface shows a year earlier: ``text`` (the value and the change, or a note),
    ``note`` when it is a note instead of a value, and the shown ``value`` and ``change``."""

    text: str
    note: bool
    value: str | None = None
    change: str | None = None


def _number(row: Row | None) -> float | None:
    if row is None:
        return None
    value = row.get("value")
    return float(value) if isinstance(value, int | float) else None


def year_earlier(
    metric: MetricDefinition,
    now: Row | None,
    earlier: Row | None,
    period: EarlierPeriod,
    coverage: dt.date | None,
    lang: Lang,
) -> YearEarlier | None:
    """The year-earlier line of ``metric`` given its current and earlier KPI rows (the screen's
    rows, suppressed where the rule hides them); None when there is no earlier row."""
    if coverage is not None and not covered(period.start, coverage):
        return YearEarlier(t("year_earlier_none", lang, date=fmt_date(coverage, lang)), True)
    rule = no_rule_message(metric.id, period.start, period.effective_end)
    if rule is not None:
        message = rule[0] if lang == "fi" else rule[1]
        return YearEarlier(t("year_earlier_rule", lang, message=message), True)
    if earlier is None:
        return None
    shown = kpi_view.shown_row(earlier, lang)
    text = t("year_earlier_value", lang, value=shown.value)
    before, after = _number(earlier), _number(now)
    hidden_now = now is not None and kpi_view.shown_row(now, lang).suppressed
    change = None
    if before is not None and after is not None and not shown.suppressed and not hidden_now:
        change = fmt_change(after - before, metric.unit, lang)
        text += " · " + t("year_earlier_change", lang, change=change)
    return YearEarlier(text, False, shown.value, change)


def line_html(line: YearEarlier) -> str:
    """The line as HTML whose value and change each stay on one line (a narrow card or column
    breaks between them, never inside ``+9,9 %-yks.``)."""
    if line.note:
        return escape(line.text)
    return " · ".join(
        f'<span style="white-space:nowrap">{escape(part)}</span>' for part in line.text.split(" · ")
    )


def period_caption(period: EarlierPeriod, lang: Lang) -> str:
    """``Vertailujakso 1.1.–31.10.2025`` / ``Compared with 1 Jan – 31 Oct 2025``."""
    return t("year_earlier_period", lang, period=fmt_period(period.start, period.end, lang))


def table_columns(
    metric: MetricDefinition,
    rows: pl.DataFrame,
    earlier: pl.DataFrame,
    period: EarlierPeriod,
    lang: Lang,
) -> dict[str, list[str]]:
    """Two columns for a table of areas (a goal page's per service area or per municipality):
    each area's value a year earlier and the change, ``–`` where there is none. ``earlier`` is
    the same metric and level a year earlier; the screen's note says why a column is empty."""
    before = {str(r["area"]): r for r in earlier.iter_rows(named=True)}
    values: list[str] = []
    changes: list[str] = []
    for row in rows.iter_rows(named=True):
        line = year_earlier(metric, row, before.get(str(row["area"])), period, None, lang)
        figure = line if line is not None and not line.note else None
        values.append((figure.value if figure else None) or MISSING)
        changes.append((figure.change if figure else None) or MISSING)
    return {t("col_year_earlier", lang): values, t("col_change_year", lang): changes}
