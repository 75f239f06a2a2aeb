"""Plotly figures of the dashboard and the board report: Okabe–Ito colours, target lines
drawn dashed and labelled (so they read without colour), numbers in the viewer's format."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import plotly.graph_objects as go

from ui.formatting import fmt_date, fmt_target, fmt_value
from ui.i18n import Lang, t
from ui.status import OKABE_ITO, TARGET_LINE_COLOUR, status_style

_FONT = {"family": "Source Sans Pro, Arial, sans-serif", "size": 15}
# The lightest plotly.js options for the dashboard: no mode bar, no logo.
PLOT_CONFIG = {"displayModeBar": False, "displaylogo": False}
_LABEL_BOX = {"bgcolor": "rgba(255,255,255,0.85)", "font": {"color": "#111418"}, "showarrow": False}
_TARGET_DASH = {"color": TARGET_LINE_COLOUR, "dash": "dash", "width": 2}


def _scale(unit: str) -> float:
    return 100.0 if unit == "share" else 1.0


def _date_ticks(lang: Lang, grain: str, points: int) -> dict[str, str]:
    """Month ticks (``3/2026`` in Finnish; every month up to 14, else every third) or day
    ticks for weeks (``14.3.``), as x-axis layout."""
    if grain == "month":
        return {
            "dtick": "M1" if points <= 14 else "M3",
            "tickformat": "%-m/%Y" if lang == "fi" else "%b %Y",
        }
    return {"tickformat": "%-d.%-m." if lang == "fi" else "%-d %b"}


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


def _axis_title(unit: str, lang: Lang) -> str:
    return {
        "share": "%",
        "days": "vrk" if lang == "fi" else "days",
        "months": "kk" if lang == "fi" else "months",
        "count": "kpl" if lang == "fi" else "count",
        "clients_per_htv": "asiakasta/htv" if lang == "fi" else "clients/FTE",
    }[unit]


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
    """Horizontal bars per area with the status colour, value label and the target line."""
    scale = _scale(unit)
    xs = [v * scale if v is not None else 0 for v in values]
    colours = [status_style(s, target is not None).colour for s in statuses]
    text = [
        f"{lab}  {status_style(s).icon}" if target is not None else lab
        for lab, s in zip(labels, statuses, strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            x=xs,
            y=list(areas),
            orientation="h",
            marker_color=colours,
            text=text,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    top = max([*xs, (target or 0) * scale, 1e-9])
    x_range = [0, max(105, top * 1.15)] if unit == "share" else [0, top * 1.25]
    layout: dict[str, Any] = {
        "yaxis": {"autorange": "reversed", "title": None},
        "xaxis": {"title": _axis_title(unit, lang), "range": x_range},
    }
    if target is not None:
        x = target * scale
        layout["shapes"] = [
            {"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1}
            | {"line": _TARGET_DASH}
        ]
        label = f"{t('target_line', lang)} {fmt_target(target_op, target, unit, lang)}"
        layout["annotations"] = [
            {"x": x, "xref": "x", "y": 1, "yref": "paper", "yanchor": "bottom", "text": label}
            | _LABEL_BOX
        ]
    return _layout(fig, 60 + 34 * len(areas), layout)


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
    scale = _scale(unit)
    known = [x for x in targets if x is not None]
    target = known[0] if known and all(abs(x - known[0]) < 1e-9 for x in known) else None
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
        "yaxis": {"title": _axis_title(unit, lang), "rangemode": "tozero"},
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


def bars(
    categories: Sequence[str], counts: Sequence[float], lang: Lang, colour: str | None = None
) -> go.Figure:
    """Plain vertical bars of counts (distributions, channel splits)."""
    fig = go.Figure(
        go.Bar(
            x=list(categories),
            y=list(counts),
            marker_color=colour or OKABE_ITO["blue"],
            text=[fmt_value(c, "count", lang) for c in counts],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{text}<extra></extra>",
        )
    )
    return _layout(fig, 300, {"yaxis": {"rangemode": "tozero", "title": None}})


def stacked(
    categories: Sequence[str], stacks: Mapping[str, Sequence[float]], lang: Lang, height: int = 320
) -> go.Figure:
    """Stacked horizontal bars (cohort outcomes, channel shares), one Okabe–Ito colour per part
    and the part's name in the legend and in the hover text."""
    colours = [OKABE_ITO[c] for c in ("bluish_green", "vermillion", "sky_blue", "orange", "blue")]
    bars = [
        go.Bar(
            x=list(counts),
            y=list(categories),
            orientation="h",
            name=name,
            marker_color=colour,
            hovertemplate=f"%{{y}} · {name}: %{{x}}<extra></extra>",
        )
        for (name, counts), colour in zip(stacks.items(), colours * 3, strict=False)
    ]
    layout = {
        "barmode": "stack",
        "legend": {"orientation": "h", "y": -0.15},
        "yaxis": {"autorange": "reversed"},
        "showlegend": True,
    }
    return _layout(go.Figure(bars), height, layout)
