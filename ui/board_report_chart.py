"""The board report's trend chart in Plotly (inlined once into the offline HTML file, drawn as
a static plot): Okabe–Ito colours, the target line dashed and labelled (so it reads without
colour), numbers in the reader's format. The dashboard draws its charts in Vega-Lite
(ui/charts.py), which loads far faster in the browser; see docs/dashboard.md."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import plotly.graph_objects as go

from ui.charts import axis_title, constant_target, time_format, value_scale
from ui.formatting import fmt_date, fmt_target, fmt_value
from ui.i18n import Lang, t
from ui.status_style import OKABE_ITO, TARGET_LINE_COLOUR

_FONT = {"family": "Source Sans Pro, Arial, sans-serif", "size": 15}
_LABEL_BOX = {"bgcolor": "rgba(255,255,255,0.85)", "font": {"color": "#111418"}, "showarrow": False}
_TARGET_DASH = {"color": TARGET_LINE_COLOUR, "dash": "dash", "width": 2}


def _date_ticks(lang: Lang, grain: str, points: int) -> dict[str, str]:
    """Month ticks (``3/2026`` in Finnish; every month up to 14, else every third) or day
    ticks for weeks (``14.3.``), as x-axis layout."""
    if grain == "month":
        return {"dtick": "M1" if points <= 14 else "M3", "tickformat": time_format(lang, grain)}
    return {"tickformat": time_format(lang, grain)}


def _layout(fig: go.Figure, height: int, extra: dict[str, Any] | None = None) -> go.Figure:
    """The common layout and ``extra`` (axes, target shapes, labels) in one update."""
    fig.update_layout(
        {
            "height": height,
            "margin": {"l": 60, "r": 20, "t": 30, "b": 40},
            "font": _FONT,
            "showlegend": False,
            "separators": ", ",
            **(extra or {}),
        }
    )
    return fig


def trend(
    starts: Sequence[date],
    values: Sequence[float | None],
    unit: str,
    target_op: str | None,
    targets: Sequence[float | None],
    lang: Lang,
    height: int = 300,
    grain: str = "month",
) -> go.Figure:
    """The weekly or monthly line with markers and the dashed target line. A target that
    differs per bucket (a count's yearly target pro-rated to each week or month) is drawn as
    a dashed line through the buckets; a constant one as a labelled horizontal line."""
    scale = value_scale(unit)
    known = [x for x in targets if x is not None]
    target = constant_target(targets)
    ys = [v * scale if v is not None else None for v in values]
    labels = [
        f"{fmt_date(d, lang)}: {fmt_value(v, unit, lang)}"
        for d, v in zip(starts, values, strict=True)
    ]
    fig = go.Figure(
        go.Scatter(
            x=list(starts),
            y=ys,
            mode="lines+markers",
            line={"color": OKABE_ITO["blue"], "width": 3},
            marker={"size": 7},
            text=labels,
            hovertemplate="%{text}<extra></extra>",
            connectgaps=False,
        )
    )
    layout: dict[str, Any] = {
        "yaxis": {"title": axis_title(unit, lang), "rangemode": "tozero"},
        "xaxis": {"title": None, **_date_ticks(lang, grain, len(starts))},
    }
    if known and target is None:
        fig.add_scatter(
            x=list(starts),
            y=[x * scale if x is not None else None for x in targets],
            mode="lines",
            line=_TARGET_DASH,
            name=t("target_line", lang),
            hovertemplate=f"{t('target_line', lang)} %{{y:.0f}}<extra></extra>",
        )
        layout["annotations"] = [
            {"x": list(starts)[-1], "y": known[-1] * scale, "yshift": 12}
            | {"text": t("target_line", lang)}
            | _LABEL_BOX
        ]
    if target is not None:
        y = target * scale
        layout["shapes"] = [
            {"type": "line", "xref": "paper", "yref": "y", "x0": 0, "x1": 1, "y0": y, "y1": y}
            | {"line": _TARGET_DASH}
        ]
        label = f"{t('target_line', lang)} {fmt_target(target_op, target, unit, lang)}"
        layout["annotations"] = [
            {"x": 1, "xref": "paper", "xanchor": "right", "y": y, "yanchor": "bottom"}
            | {"text": label}
            | _LABEL_BOX
        ]
    return _layout(fig, height, layout)
