"""Every chart of the dashboard and of the board report as a Plotly figure: the weekly or
monthly trend, bars per area, plain count bars and stacked shares.

Drawn in the browser by plotly.js (``show``: ``st.plotly_chart``), so a reader can hover a
week to read its value and hide a series from the legend; the board report inlines the same
figures (ui/board_report.py). Every text a figure shows (bar labels, hover texts, the target
label) is formatted here in Python with ui/formatting.py, so a chart says exactly what the
tables and the KPI table say; axis numbers use the viewer's separators. Colours: Okabe–Ito,
the target grey and dashed, a status also by its icon (ui/status_style.py). Layout, theme and
mode bar: ui/chart_style.py; partial weeks and months: ui/chart_buckets.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go
import polars as pl
from plotly.subplots import make_subplots

from ui import case_counts
from ui.chart_buckets import Bucket, bucket_name, partial_note
from ui.chart_style import base_layout, count_axis, label_width_px, line_colour, show
from ui.formatting import fmt_euros, fmt_int, fmt_target, fmt_value
from ui.i18n import Lang, t
from ui.status_style import OKABE_ITO, TARGET_LINE_COLOUR, status_label, status_style

__all__ = [
    "axis_title",
    "bars",
    "bars_by_area",
    "bills_by_municipality",
    "constant_target",
    "grouped",
    "lines",
    "show",
    "spending_against_budget",
    "stacked",
    "trend",
]

TARGET_DASH = {"color": TARGET_LINE_COLOUR, "dash": "dash", "width": 2}
PENDING_COLOUR = OKABE_ITO["reddish_purple"]  # readable on both themes, apart from the line
_BAR_STEP = 34  # pixels per bar of a horizontal bar chart
_SLIDE_BAR_STEP, _SLIDE_FONT = 40, 20  # a presentation slide's bars, read across a room
_PART_COLOURS = ("bluish_green", "vermillion", "sky_blue", "orange", "blue")
_HOVER = "%{customdata}<extra></extra>"


def value_scale(unit: str) -> float:
    """Shares are drawn in percent (0–100), everything else as is."""
    return 100.0 if unit == "share" else 1.0


def axis_title(unit: str, lang: Lang) -> str:
    return {
        "share": "%",
        "days": "vrk" if lang == "fi" else "days",
        "months": "kk" if lang == "fi" else "months",
        "count": "kpl" if lang == "fi" else "count",
        "clients_per_htv": "asiakasta/htv" if lang == "fi" else "clients/FTE",
    }[unit]


def time_format(lang: Lang, grain: str) -> str:
    """d3 time format of a trend's x axis: months as ``3/2026`` in Finnish, weeks by their
    first day (``14.3.``)."""
    if grain == "month":
        return "%-m/%Y" if lang == "fi" else "%b %Y"
    return "%-d.%-m." if lang == "fi" else "%-d %b"


def constant_target(targets: Sequence[float | None]) -> float | None:
    """The target when every bucket has the same one (drawn as a labelled horizontal line),
    else None (a pro-rated count target, drawn as a line through the buckets)."""
    known = [x for x in targets if x is not None]
    return known[0] if known and all(abs(x - known[0]) < 1e-9 for x in known) else None


def _value_axis(unit: str, top: float) -> dict[str, Any]:
    if unit == "count":
        return count_axis(top)
    return {"range": [0, max(top, 1e-9) * 1.15], "tickformat": ""}


def _target_text(op: str | None, target: float, unit: str, lang: Lang, prorated: bool) -> str:
    if prorated or not op:
        return f"{t('target_line', lang)} {fmt_value(target, unit, lang)}"
    return f"{t('target_line', lang)} {fmt_target(op, target, unit, lang)}"


def _side_label(text: str, y: float) -> dict[str, Any]:
    """A label just right of the plotting area at height ``y``: never over a line or point."""
    return {"text": text, "xref": "paper", "x": 1, "xanchor": "left", "xshift": 6} | {
        "yref": "y",
        "y": y,
        "yanchor": "middle",
        "showarrow": False,
        "align": "left",
    }


def _hover(
    b: Bucket, row: dict[str, Any], unit: str, op: str | None, cohort: bool, lang: Lang
) -> str:
    """The bucket's name (and its days when partial), value, target and pending cases."""
    name = bucket_name(b, lang)
    note = partial_note(b, lang)
    lines = [f"{name} · {note}" if note else name]
    hidden = bool(row.get("suppressed"))
    value = t("small_number", lang) if hidden else fmt_value(row["value"], unit, lang)
    cases = case_counts.fraction(row, lang) if unit == "share" and not hidden else ""
    lines.append(f"{value} ({cases})" if cases else value)  # a share's cases: 75,3 % (128 / 170)
    if row.get("target_value") is not None:
        lines.append(_target_text(op, row["target_value"], unit, lang, op is None))
    if not cohort:
        return "<br>".join(lines)
    if row.get("pending") is not None:
        lines.append(t("pending", lang, n=fmt_int(row["pending"], lang)))
    elif row.get("pending_suppressed"):
        lines.append(t("pending", lang, n=t("small_number", lang)))
    return "<br>".join(lines)


def _dotted_segments(xs: list[Any], ys: list[float | None], partial: list[bool]) -> list[Any]:
    """Segments joining each partial bucket to its neighbours (None separates them)."""
    out: list[Any] = []
    for i, is_partial in enumerate(partial):
        if not is_partial or ys[i] is None:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(ys) and ys[j] is not None:
                out += [(xs[j], ys[j]), (xs[i], ys[i]), (None, None)]
    return out


def trend(
    series: pl.DataFrame,
    unit: str,
    lang: Lang,
    *,
    grain: str = "month",
    target_op: str | None = None,
    cohort: bool = False,
    height: int = 320,
) -> go.Figure:
    """A metric's weekly or monthly line (series rows of metrics.series, the small-number
    rule applied) with points, the dashed target line labelled at the right edge, partial
    buckets hollow and dotted, and for a cohort metric the pending cases as bars under it.

    A constant target is a horizontal line; a count's yearly target pro-rated to each
    bucket is a dashed line through the buckets. A bucket without a value leaves a gap;
    buckets that had not begun by the as-of date are left out."""
    rows = [r for r in series.sort("period_start").iter_rows(named=True)]
    rows = [r for r in rows if r["period_start"] <= r["as_of"]]
    scale = value_scale(unit)
    buckets = [Bucket(r["period_start"], r["period_end"], r["as_of"], grain) for r in rows]
    xs = [b.start for b in buckets]
    ys = [r["value"] * scale if r["value"] is not None else None for r in rows]
    partial = [b.partial for b in buckets]
    targets = [r["target_value"] for r in rows]
    constant = constant_target(targets)
    prorated = constant is None and any(x is not None for x in targets)
    op = target_op if not prorated else None
    colour = line_colour()
    # pending bars under the share when some bucket has pending cases to show (a bucket's
    # hidden or zero pending is in its hover)
    panel = cohort and any((r["pending"] or 0) > 0 for r in rows)
    fig = make_subplots(
        rows=2 if panel else 1,
        cols=1,
        shared_xaxes=True,
        row_heights=[0.72, 0.28] if panel else None,
        vertical_spacing=0.12,
    )
    group = {"legendgroup": "value", "hoverinfo": "skip"}
    solid = [None if p else y for y, p in zip(ys, partial, strict=True)]
    fig.add_scatter(x=xs, y=solid, mode="lines", line={"color": colour, "width": 3},
                    showlegend=False, connectgaps=False, **group, row=1, col=1)  # fmt: skip
    dotted = _dotted_segments(xs, ys, partial)
    fig.add_scatter(x=[p[0] for p in dotted], y=[p[1] for p in dotted], mode="lines",
                    line={"color": colour, "width": 2, "dash": "dot"}, showlegend=False,
                    name="partial", **group, row=1, col=1)  # fmt: skip
    fig.add_scatter(
        x=xs,
        y=ys,
        mode="markers",
        name=t("chart_value", lang),
        legendgroup="value",
        marker={
            "color": colour,
            "size": [10 if p else 9 for p in partial],
            "symbol": ["circle-open" if p else "circle" for p in partial],
            "line": {"width": 2, "color": colour},
        },
        customdata=[
            _hover(b, r, unit, op, cohort, lang) for b, r in zip(buckets, rows, strict=True)
        ],
        hovertemplate=_HOVER,
        row=1,
        col=1,
    )
    top = max([*(y for y in ys if y is not None), *(x * scale for x in targets if x), 0.0])
    layout = base_layout(lang, height, legend=panel or prorated)
    label = ""
    if prorated:
        target_ys = [x * scale if x is not None else None for x in targets]
        fig.add_scatter(x=xs, y=target_ys, mode="lines", line=TARGET_DASH,
                        name=t("target_line", lang), hoverinfo="skip", row=1, col=1)  # fmt: skip
        last = [y for y in target_ys if y is not None][-1]
        label = t("target_line", lang)
        layout["annotations"] = [_side_label(label, last)]
    elif constant is not None:
        y = constant * scale
        label = _target_text(target_op, constant, unit, lang, False).replace(" ", "<br>", 1)
        line = {"type": "line", "xref": "x domain", "x0": 0, "x1": 1, "yref": "y"}
        layout["shapes"] = [line | {"y0": y, "y1": y, "line": TARGET_DASH}]
        layout["annotations"] = [_side_label(label, y)]
    if label:
        layout["margin"]["r"] = label_width_px(label) + 10
    fig.update_layout(layout)
    fig.update_yaxes(title_text=axis_title(unit, lang), **_value_axis(unit, top), row=1, col=1)
    dtick = {"dtick": "M1"} if grain == "month" and len(xs) <= 14 else {}
    fig.update_xaxes(tickformat=time_format(lang, grain), **dtick)
    if panel:
        _pending_bars(fig, xs, rows, lang)
    return fig


def _pending_bars(fig: go.Figure, xs: list[Any], rows: list[dict[str, Any]], lang: Lang) -> None:
    """The cohort's unresolved cases per bucket, as bars under the share: a share of 100 %
    over two resolved cases with forty pending reads as what it is."""
    pending = [r["pending"] for r in rows]
    word = t("pending_word", lang)
    hidden = t("small_number", lang)
    texts = [
        f"{word}: {hidden if p is None and r.get('pending_suppressed') else fmt_int(p, lang)}"
        for p, r in zip(pending, rows, strict=True)
    ]
    fig.add_bar(x=xs, y=pending, name=word, marker={"color": PENDING_COLOUR, "opacity": 0.8},
                customdata=texts, hovertemplate=_HOVER, row=2, col=1)  # fmt: skip
    top = max([float(p) for p in pending if p is not None] or [0.0])
    fig.update_yaxes(title_text=word, **count_axis(top), row=2, col=1)


def bars_by_area(
    areas: Sequence[str],
    values: Sequence[float | None],
    labels: Sequence[str],
    statuses: Sequence[str | None],
    unit: str,
    target_op: str | None,
    target: float | None,
    lang: Lang,
    x_title: str | None = None,
) -> go.Figure:
    """Horizontal bars per area in the status colour, the value and status icon beside each
    bar, and the dashed target line labelled above the plot. A hidden value (small-number
    rule) has no bar but keeps its label."""
    scale = value_scale(unit)
    has_target = target is not None
    styles = [status_style(s, has_target) for s in statuses]
    texts = [
        f"{lab}  {s.icon}" if has_target else lab for lab, s in zip(labels, styles, strict=True)
    ]
    hovers = [
        f"{a}<br>{lab}" + (f"<br>{status_label(s, lang)}" if has_target else "")
        for a, lab, s in zip(areas, labels, statuses, strict=True)
    ]
    xs = [v * scale if v is not None else 0.0 for v in values]
    fig = go.Figure(
        go.Bar(
            y=list(areas),
            x=xs,
            orientation="h",
            marker={"color": [s.colour for s in styles]},
            text=texts,
            textposition="outside",
            cliponaxis=False,
            customdata=hovers,
            hovertemplate=_HOVER,
        )
    )
    top = max([*xs, (target or 0.0) * scale, 1e-9])
    upper = max(105.0, top * 1.18) if unit == "share" else top * 1.3
    layout = base_layout(lang, _BAR_STEP * len(areas) + 80, legend=False)
    if target is not None:
        x = target * scale
        line = {"type": "line", "xref": "x", "x0": x, "x1": x, "yref": "y domain", "y0": 0}
        layout["shapes"] = [line | {"y1": 1, "line": TARGET_DASH}]
        label = _target_text(target_op, target, unit, lang, False)
        layout["annotations"] = [
            {"text": label, "xref": "x", "x": x, "xanchor": "left", "xshift": 4}
            | {"yref": "paper", "y": 1, "yanchor": "bottom", "showarrow": False}
        ]
        layout["margin"]["t"] = 34
    fig.update_layout(layout)
    fig.update_yaxes(autorange="reversed", automargin=True)
    axis = count_axis(top) if unit == "count" else {}
    fig.update_xaxes(title_text=x_title or axis_title(unit, lang), **(axis | {"range": [0, upper]}))
    return fig


def bars(
    categories: Sequence[str],
    counts: Sequence[float],
    lang: Lang,
    x_title: str | None = None,
    colour: str | None = None,
) -> go.Figure:
    """Plain vertical bars of counts (distributions) with the count above each bar."""
    texts = [fmt_value(n, "count", lang) for n in counts]
    fig = go.Figure(
        go.Bar(
            x=list(categories),
            y=list(counts),
            marker={"color": colour or line_colour()},
            text=texts,
            textposition="outside",
            cliponaxis=False,
            customdata=[f"{c}: {n}" for c, n in zip(categories, texts, strict=True)],
            hovertemplate=_HOVER,
        )
    )
    fig.update_layout(base_layout(lang, 320, legend=False))
    fig.update_xaxes(title_text=x_title, type="category")
    fig.update_yaxes(**count_axis(max([float(n) for n in counts] or [0.0])))
    return fig


def stacked(
    categories: Sequence[str],
    stacks: Mapping[str, Sequence[float]],
    lang: Lang,
    x_title: str = "%",
) -> go.Figure:
    """Stacked horizontal bars of shares in percent (channel split), one Okabe–Ito colour
    per part, the parts in the legend (a click hides one) and in the hover."""
    fig = go.Figure()
    for i, (name, values) in enumerate(stacks.items()):
        colour = OKABE_ITO[_PART_COLOURS[i % len(_PART_COLOURS)]]
        fig.add_bar(
            y=list(categories),
            x=list(values),
            name=name,
            orientation="h",
            marker={"color": colour},
            customdata=[
                f"{c} · {name}: {fmt_value(v / 100, 'share', lang)}"
                for c, v in zip(categories, values, strict=True)
            ],
            hovertemplate=_HOVER,
        )
    fig.update_layout(base_layout(lang, _BAR_STEP * len(categories) + 110, legend=True))
    fig.update_layout(barmode="stack", legend={"traceorder": "normal"})
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(title_text=x_title, range=[0, 100])
    return fig


def grouped(
    categories: Sequence[str],
    groups: Mapping[str, Sequence[float | None]],
    lang: Lang,
    x_title: str | None = None,
) -> go.Figure:
    """Vertical bars of counts, one Okabe–Ito colour per group side by side in each category
    (the Situation page's four groups per area). A hidden count (small-number rule) has no bar
    and says ``<5`` in the hover."""
    from metrics.privacy import SMALL  # the same token as the tables

    fig = go.Figure()
    top = 0.0
    for i, (name, values) in enumerate(groups.items()):
        colour = OKABE_ITO[_PART_COLOURS[i % len(_PART_COLOURS)]]
        texts = [SMALL if v is None else fmt_value(v, "count", lang) for v in values]
        top = max([top, *[float(v) for v in values if v is not None]])
        fig.add_bar(
            x=list(categories),
            y=[v if v is not None else 0.0 for v in values],
            name=name,
            marker={"color": colour},
            customdata=[f"{c} · {name}: {x}" for c, x in zip(categories, texts, strict=True)],
            hovertemplate=_HOVER,
        )
    fig.update_layout(base_layout(lang, 380, legend=True))
    fig.update_layout(barmode="group", legend={"traceorder": "normal"})
    fig.update_xaxes(title_text=x_title, type="category")
    fig.update_yaxes(**count_axis(top))
    return fig


def lines(
    xs: Sequence[Any],
    series: Mapping[str, Sequence[float | None]],
    unit: str,
    lang: Lang,
) -> go.Figure:
    """A line per series over months (the area's unemployment rate beside the country's),
    Finnish values in the hover; a missing value leaves a gap."""
    scale = value_scale(unit)
    fig = go.Figure()
    for i, (name, values) in enumerate(series.items()):
        colour = OKABE_ITO[_PART_COLOURS[i % len(_PART_COLOURS)]]
        fig.add_scatter(
            x=list(xs),
            y=[v * scale if v is not None else None for v in values],
            name=name,
            mode="lines+markers",
            line={"color": colour, "width": 2},
            customdata=[f"{name}: {fmt_value(v, unit, lang)}" for v in values],
            hovertemplate=_HOVER,
        )
    fig.update_layout(base_layout(lang, 320, legend=True))
    fig.update_xaxes(tickformat=time_format(lang, "month"))
    fig.update_yaxes(title_text=axis_title(unit, lang), rangemode="tozero")
    return fig


def spending_against_budget(
    months: Sequence[str],
    spent: Sequence[float],
    pace: Sequence[float | None],
    lang: Lang,
) -> go.Figure:
    """The year's cumulative spending month by month (a solid line) against the budget
    pro-rated to each month's end (grey, dashed), euros in the hover (the Finances page)."""
    fig = go.Figure()
    fig.add_scatter(
        x=list(months), y=list(spent), mode="lines+markers", name=t("fin_spent_cumulative", lang),
        line={"color": line_colour(), "width": 3},
        customdata=[f"{m}: {fmt_euros(v, lang)}" for m, v in zip(months, spent, strict=True)],
        hovertemplate=_HOVER,
    )  # fmt: skip
    if any(p is not None for p in pace):
        fig.add_scatter(
            x=list(months), y=list(pace), mode="lines", name=t("fin_budget_pace", lang),
            line=TARGET_DASH,
            customdata=[f"{m}: {fmt_euros(v, lang)}" for m, v in zip(months, pace, strict=True)],
            hovertemplate=_HOVER,
        )  # fmt: skip
    fig.update_layout(base_layout(lang, 360, legend=True))
    fig.update_xaxes(type="category")
    fig.update_yaxes(title_text="€", rangemode="tozero")
    return fig


def bills_by_municipality(
    names: Sequence[str],
    bills: Sequence[float],
    labels: Sequence[str],
    lang: Lang,
    highlight: str | None = None,
) -> go.Figure:
    """Each municipality's bill as a horizontal bar, its label (``286 949 € · 50,8 %``, made
    by the caller) beside it; ``highlight`` (the chosen municipality) in orange with its label
    in bold, the rest in the line colour (presentation mode's finances slide)."""
    colours = [OKABE_ITO["orange"] if n == highlight else line_colour() for n in names]
    fig = go.Figure(
        go.Bar(
            y=list(names), x=list(bills), orientation="h", marker={"color": colours},
            text=[f"<b>{lab}</b>" if n == highlight else lab
                  for n, lab in zip(names, labels, strict=True)],
            textposition="outside", cliponaxis=False, textfont={"size": _SLIDE_FONT},
            customdata=[f"{n}: {lab}" for n, lab in zip(names, labels, strict=True)],
            hovertemplate=_HOVER,
        )
    )  # fmt: skip
    layout = base_layout(lang, _SLIDE_BAR_STEP * len(names) + 20, legend=False)
    layout["font"] = {"size": _SLIDE_FONT}
    layout["margin"]["r"] = max([label_width_px(lab) * _SLIDE_FONT // 14 for lab in labels] or [20])
    fig.update_layout(layout)
    fig.update_yaxes(autorange="reversed", automargin=True, tickfont={"size": _SLIDE_FONT})
    fig.update_xaxes(rangemode="tozero", showticklabels=False, showgrid=False, zeroline=False)
    return fig
