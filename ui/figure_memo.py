"""Trend figures kept per server process: a goal page's charts are the same for every viewer
of the same view, and building a Plotly figure (each trace and layout update validated and
deep-copied by plotly) was a third of a goal page's server CPU (docs/scaling.md). A figure is
kept under everything it is drawn from: the series' rows and columns, unit, language, grain,
target operator, cohort, and the viewer's theme; so a new load (new rows) or another view
builds a new one. The figure is only read afterwards (``st.plotly_chart`` copies it out).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

import plotly.graph_objects as go
import polars as pl

from ui import charts
from ui.chart_style import theme_type
from ui.i18n import Lang

MAX_KEPT = 256  # a few dozen kB each
_kept: OrderedDict[Hashable, go.Figure] = OrderedDict()
_lock = threading.Lock()


def trend(
    series: pl.DataFrame, unit: str, lang: Lang, *, grain: str, target_op: str | None, cohort: bool
) -> go.Figure:
    """``charts.trend`` of these arguments, built once and kept (the last ``MAX_KEPT``)."""
    key = (
        tuple(series.columns), tuple(series.rows()),
        unit, lang, grain, target_op, cohort, theme_type(),
    )  # fmt: skip
    with _lock:
        fig = _kept.get(key)
        if fig is not None:
            _kept.move_to_end(key)
            return fig
    fig = charts.trend(series, unit, lang, grain=grain, target_op=target_op, cohort=cohort)
    with _lock:
        _kept[key] = fig
        while len(_kept) > MAX_KEPT:
            _kept.popitem(last=False)
    return fig


def clear() -> None:
    with _lock:
        _kept.clear()
