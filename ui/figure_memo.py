"""Figures kept per server process (trends, bars per area, the breakdowns' charts): a goal
page's charts are the same for every viewer of the same view, and building a Plotly figure
(each trace and layout update validated and deep-copied by plotly) was a third of a goal
page's server CPU (docs/scaling.md). A figure is kept under everything it is drawn from: its
chart function, its rows or values (the series' rows and columns; the areas' values, labels
and statuses; a breakdown's counts or shares), unit, language, grain, target, cohort, and
the viewer's theme; so a new load (new rows) or another view builds a new one. The figure is
only read afterwards (``st.plotly_chart`` copies it out), and its dict is taken once
(:class:`KeptFigure`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

import plotly.graph_objects as go
import polars as pl

from ui import charts
from ui.chart_style import theme_type
from ui.i18n import Lang

MAX_KEPT = 256  # a few dozen kB each
_kept: OrderedDict[Hashable, go.Figure] = OrderedDict()
_lock = threading.Lock()


class KeptFigure(go.Figure):
    """A figure that is only read once built: its plain dict is taken once. ``st.plotly_chart``
    takes a figure's dict on every draw (plotly deep-copies every trace and the layout for
    it), which was the largest single cost of a goal page's server time after the figure's
    building (docs/scaling.md); a kept figure gives every draw the same dict. Streamlit only
    reads that dict (it encodes it as JSON)."""

    _kept_dict: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        if self._kept_dict is None:
            self._kept_dict = super().to_dict()
        return self._kept_dict


def _kept_or_built(key: Hashable, build: Callable[[], go.Figure]) -> go.Figure:
    """The figure kept under ``key`` (with the viewer's theme), else ``build()`` kept."""
    key = (key, theme_type())
    with _lock:
        fig = _kept.get(key)
        if fig is not None:
            _kept.move_to_end(key)
            return fig
    fig = KeptFigure(build())
    with _lock:
        _kept[key] = fig
        while len(_kept) > MAX_KEPT:
            _kept.popitem(last=False)
    return fig


def trend(
    series: pl.DataFrame, unit: str, lang: Lang, *, grain: str, target_op: str | None, cohort: bool
) -> go.Figure:
    """``charts.trend`` of these arguments, built once and kept (the last ``MAX_KEPT``)."""
    key = ("trend", tuple(series.columns), tuple(series.rows()), unit, lang, grain, target_op,
           cohort)  # fmt: skip
    return _kept_or_built(
        key,
        lambda: charts.trend(series, unit, lang, grain=grain, target_op=target_op, cohort=cohort),
    )


def bars_by_area(
    areas: Sequence[str],
    values: Sequence[float | None],
    labels: Sequence[str],
    statuses: Sequence[str | None],
    unit: str,
    target_op: str | None,
    target: float | None,
    lang: Lang,
) -> go.Figure:
    """``charts.bars_by_area`` of these arguments, built once and kept."""
    args = (tuple(areas), tuple(values), tuple(labels), tuple(statuses), unit, target_op,
            target, lang)  # fmt: skip
    return _kept_or_built(("bars_by_area", *args), lambda: charts.bars_by_area(*args))


def bars(categories: Sequence[str], counts: Sequence[float], lang: Lang, x_title: str) -> go.Figure:
    """``charts.bars`` (a breakdown's distribution) of these arguments, built once and kept."""
    args = (tuple(categories), tuple(counts), lang, x_title)
    return _kept_or_built(("bars", *args), lambda: charts.bars(*args))


def stacked(
    categories: Sequence[str], stacks: Mapping[str, Sequence[float]], lang: Lang
) -> go.Figure:
    """``charts.stacked`` (the channel split) of these arguments, built once and kept."""
    parts = tuple((name, tuple(values)) for name, values in stacks.items())
    key = ("stacked", tuple(categories), parts, lang)
    return _kept_or_built(key, lambda: charts.stacked(list(categories), dict(parts), lang))


def clear() -> None:
    with _lock:
        _kept.clear()
