"""The dashboard's charts as Vega-Lite specifications, drawn on the server into SVG pictures
(vl-convert, the Vega project's own renderer): Okabe–Ito colours, target lines drawn dashed
and labelled (so they read without colour), numbers and dates in the viewer's format.

Why pictures drawn on the server and not charts drawn in the browser: plotly.js (a 3.5 MB
script) added about 1.4 s to each goal page on this project's 2-core machine, and Vega-Lite in
the browser (``st.vega_lite_chart``) still about 0.5 s of the browser's CPU for a goal page's
four charts; a picture costs the browser almost nothing, which is what lets 25 people open the
dashboard at once (docs/dashboard.md, docs/scaling.md). The server draws each chart once per
view (cached). The board report keeps Plotly (ui/board_report_chart.py).

Every value that is shown as text (bar labels, tooltips) is formatted here in Python, so the
chart says exactly what the tables and the KPI table say."""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import streamlit as st

from ui import chart_renderer
from ui.formatting import fmt_date, fmt_target, fmt_value
from ui.i18n import Lang, t
from ui.status_style import OKABE_ITO, TARGET_LINE_COLOUR, status_style

Spec = dict[str, Any]

_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
_TARGET_DASH = {"color": TARGET_LINE_COLOUR, "strokeDash": [6, 4], "strokeWidth": 2}
_FONT_SIZE = 14
_LIGHT_TEXT, _DARK_TEXT = "#111418", "#F4F6F8"  # textColor of [theme.light] and [theme.dark]
# Text, axis line and grid colours per theme (.streamlit/config.toml's textColor, borderColor).
_PALETTES = {
    "light": {"text": _LIGHT_TEXT, "axis": "#8A96A3", "grid": "#E3E8EE"},
    "dark": {"text": _DARK_TEXT, "axis": "#5C6773", "grid": "#2B3442"},
}
# Arial and Liberation Sans have the same metrics: the server lays out the labels with Liberation
# Sans (bundled with vl-convert), the viewer's computer shows them in Arial or its twin.
_FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif"
_WIDTH = 880  # pixels of a chart's plotting area; the picture then scales to the column
# Axis numbers in Finnish: decimal comma, no-break space between thousands.
_FI_NUMBERS = {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", "\u00a0€"]}
_BAR_STEP = 34  # pixels per bar of a horizontal bar chart
_PART_COLOURS = ("bluish_green", "vermillion", "sky_blue", "orange", "blue")


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


def _palette() -> dict[str, str]:
    """The colours of the viewer's theme (.streamlit/config.toml), light by default."""
    return _PALETTES["dark" if st.context.theme.type == "dark" else "light"]


def _spec(lang: Lang, height: int | Spec, layers: list[Spec], values: list[dict[str, Any]]) -> Spec:
    colours = _palette()
    text = {"labelColor": colours["text"], "titleColor": colours["text"]}
    config: Spec = {
        "font": _FONT,
        "axis": {
            "labelFontSize": _FONT_SIZE,
            "titleFontSize": _FONT_SIZE,
            "grid": True,
            "gridColor": colours["grid"],
            "domainColor": colours["axis"],
            "tickColor": colours["axis"],
            **text,
        },
        "legend": {"labelFontSize": _FONT_SIZE, "titleFontSize": _FONT_SIZE, **text},
        "text": {"fontSize": _FONT_SIZE, "color": colours["text"]},
        "view": {"stroke": None},
    }
    if lang == "fi":
        config["locale"] = {"number": _FI_NUMBERS}
    return {
        "$schema": _SCHEMA,
        "width": _WIDTH,
        "height": height,
        "background": None,  # transparent: the page's own background shows through
        "data": {"values": values},
        "layer": layers,
        "config": config,
    }


def show(spec: Spec, alt: str) -> None:
    """Draws a spec as a picture across the container's width; ``alt`` is read out by screen
    readers."""
    st.html(picture_html(spec, alt))


def picture_html(spec: Spec, alt: str) -> str:
    """The chart as an ``<img>`` of its SVG (inline SVG would not survive st.html's
    sanitising; a picture also keeps its text and lines in proportion at any width)."""
    svg = svg_of(json.dumps(spec, sort_keys=True, ensure_ascii=False))
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (
        f'<img class="kpi-chart" alt="{html.escape(alt)}" '
        'style="display:block;width:100%;height:auto" '
        f'src="data:image/svg+xml;base64,{data}">'
    )


@st.cache_data(max_entries=2000, show_spinner=False)
def svg_of(spec_json: str) -> str:
    """The SVG of a spec, drawn once per distinct spec (the view's data are part of it) by
    the chart worker process (ui/chart_renderer.py)."""
    return chart_renderer.draw(spec_json)


chart_renderer.start_soon()  # the worker's engine starts once the first page is drawn


def _target_label(target_op: str | None, target: float, unit: str, lang: Lang) -> str:
    return f"{t('target_line', lang)} {fmt_target(target_op, target, unit, lang)}"


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
) -> Spec:
    """Horizontal bars per area in the status colour, the value and status icon beside each
    bar, and the dashed, labelled target line. A hidden value (small-number rule) has no bar
    but keeps its label."""
    scale = value_scale(unit)
    rows: list[dict[str, Any]] = []
    for area, v, label, s in zip(areas, values, labels, statuses, strict=True):
        style = status_style(s, target is not None)
        text = f"{label}  {style.icon}" if target is not None else label
        length = v * scale if v is not None else 0.0
        tip = f"{area}: {text}"
        rows.append({"area": area, "x": length, "text": text, "colour": style.colour, "tip": tip})
    top = max([*(float(r["x"]) for r in rows), (target or 0) * scale, 1e-9])
    domain = [0, max(105, top * 1.15)] if unit == "share" else [0, top * 1.3]
    y: Spec = {"field": "area", "type": "nominal", "sort": None, "title": None}
    y["axis"] = {"labelOverlap": False, "labelLimit": 260}
    x: Spec = {"field": "x", "type": "quantitative", "title": x_title or axis_title(unit, lang)}
    x["scale"] = {"domain": domain, "nice": False}
    x["axis"] = {"tickCount": 8}
    layers: list[Spec] = [
        {
            "mark": {"type": "bar", "cornerRadiusEnd": 2},
            "encoding": {
                "y": y,
                "x": x,
                "color": {"field": "colour", "type": "nominal", "scale": None},
                "tooltip": {"field": "tip"},
            },
        },
        {
            "mark": {
                "type": "text",
                "fontSize": _FONT_SIZE,
                "align": "left",
                "dx": 6,
                "baseline": "middle",
            },
            "encoding": {
                "y": y,
                "x": {"field": "x", "type": "quantitative"},
                "text": {"field": "text"},
            },
        },
    ]
    if target is not None:
        layers += _vertical_target(target * scale, _target_label(target_op, target, unit, lang))
    return _spec(lang, {"step": _BAR_STEP}, layers, rows)


def _vertical_target(x: float, label: str) -> list[Spec]:
    at = {"datum": x, "type": "quantitative"}
    return [
        {"mark": {"type": "rule", **_TARGET_DASH}, "encoding": {"x": at}},
        {
            "mark": {
                "type": "text",
                "fontSize": _FONT_SIZE,
                "align": "left",
                "dx": 4,
                "y": -8,
                "fontWeight": "bold",
            },
            "encoding": {"x": at, "text": {"value": label}},
        },
    ]


def time_format(lang: Lang, grain: str) -> str:
    """d3 time format of a trend's x axis (Vega-Lite and Plotly both use d3's): months as
    ``3/2026`` in Finnish, weeks by their first day (``14.3.``)."""
    if grain == "month":
        return "%-m/%Y" if lang == "fi" else "%b %Y"
    return "%-d.%-m." if lang == "fi" else "%-d %b"


def constant_target(targets: Sequence[float | None]) -> float | None:
    """The target when every bucket has the same one (drawn as a labelled horizontal line),
    else None (a pro-rated count target, drawn as a line through the buckets)."""
    known = [x for x in targets if x is not None]
    return known[0] if known and all(abs(x - known[0]) < 1e-9 for x in known) else None


def _time_axis(lang: Lang, grain: str) -> Spec:
    fmt = time_format(lang, grain)
    return {"format": fmt, "labelOverlap": "greedy", "title": None, "tickCount": 12}


def trend(
    starts: Sequence[date],
    values: Sequence[float | None],
    unit: str,
    target_op: str | None,
    targets: Sequence[float | None],
    lang: Lang,
    height: int = 300,
    grain: str = "month",
) -> Spec:
    """The weekly or monthly line with points and the dashed target line. A target that
    differs per bucket (a count's yearly target pro-rated to each week or month) is drawn as
    a dashed line through the buckets; a constant one as a labelled horizontal line. A
    bucket without a value leaves a gap."""
    scale = value_scale(unit)
    known = [x for x in targets if x is not None]
    constant = constant_target(targets)
    rows = [
        {
            # local midnight, so that the browser's time zone never shifts the day
            "start": f"{d.isoformat()}T00:00:00",
            "y": v * scale if v is not None else None,
            "target": x * scale if x is not None else None,
            "text": f"{fmt_date(d, lang)}: {fmt_value(v, unit, lang)}",
        }
        for d, v, x in zip(starts, values, targets, strict=True)
    ]
    x_enc = {"field": "start", "type": "temporal", "axis": _time_axis(lang, grain)}
    y_enc: Spec = {"field": "y", "type": "quantitative", "title": axis_title(unit, lang)}
    y_enc["scale"] = {"zero": True}
    if unit == "count":  # whole numbers on the axis, never 0,2 contacts
        y_enc["axis"] = {"tickMinStep": 1, "format": ",d"}
    line: Spec = {"color": OKABE_ITO["blue"], "strokeWidth": 3}
    layers: list[Spec] = [
        {"mark": {"type": "line", **line}, "encoding": {"x": x_enc, "y": y_enc}},
        {
            "mark": {"type": "point", "filled": True, "size": 60, "color": OKABE_ITO["blue"]},
            "encoding": {"x": x_enc, "y": y_enc, "tooltip": {"field": "text"}},
        },
    ]
    label = t("target_line", lang)
    if known and constant is None:
        target_y = {"field": "target", "type": "quantitative"}
        layers.append(
            {
                "mark": {"type": "line", **_TARGET_DASH},
                "encoding": {"x": x_enc, "y": target_y, "tooltip": {"value": label}},
            }
        )
        last = max(i for i, r in enumerate(rows) if r["target"] is not None)
        rows[last]["target_label"] = True
        layers.append(  # the word "target" at the line's last bucket, so it reads without colour
            {
                "transform": [{"filter": "datum.target_label === true"}],
                "mark": {"type": "text", "align": "right", "dy": -12, "fontWeight": "bold"},
                "encoding": {"x": x_enc, "y": target_y, "text": {"value": label}},
            }
        )
    if constant is not None:
        label = _target_label(target_op, constant, unit, lang)
        at = {"datum": constant * scale, "type": "quantitative"}
        layers += [
            {"mark": {"type": "rule", **_TARGET_DASH}, "encoding": {"y": at}},
            {
                "mark": {
                    "type": "text",
                    "fontSize": _FONT_SIZE,
                    "align": "right",
                    "x": "width",
                    "dy": -10,
                },
                "encoding": {"y": at, "text": {"value": label}},
            },
        ]
    return _spec(lang, height, layers, rows)


def bars(
    categories: Sequence[str],
    counts: Sequence[float],
    lang: Lang,
    x_title: str | None = None,
    colour: str | None = None,
) -> Spec:
    """Plain vertical bars of counts (distributions) with the count above each bar."""
    rows = [
        {"category": c, "n": n, "text": fmt_value(n, "count", lang)}
        | {"tip": f"{c}: {fmt_value(n, 'count', lang)}"}
        for c, n in zip(categories, counts, strict=True)
    ]
    x: Spec = {"field": "category", "type": "nominal", "sort": None, "title": x_title}
    x["axis"] = {"labelAngle": 0}
    y = {"field": "n", "type": "quantitative", "title": None}
    layers: list[Spec] = [
        {
            "mark": {"type": "bar", "color": colour or OKABE_ITO["blue"]},
            "encoding": {"x": x, "y": y, "tooltip": {"field": "tip"}},
        },
        {
            "mark": {"type": "text", "baseline": "bottom", "dy": -4},
            "encoding": {"x": x, "y": y, "text": {"field": "text"}},
        },
    ]
    return _spec(lang, 300, layers, rows)


def stacked(
    categories: Sequence[str],
    stacks: Mapping[str, Sequence[float]],
    lang: Lang,
    x_title: str = "%",
) -> Spec:
    """Stacked horizontal bars of shares in percent (channel split), one Okabe–Ito colour
    per part, the part's name in the legend and in the tooltip."""
    names = list(stacks)
    colours = [OKABE_ITO[_PART_COLOURS[i % len(_PART_COLOURS)]] for i in range(len(names))]
    rows = [
        {"category": c, "part": name, "order": i, "x": v}
        | {"tip": f"{c} · {name}: {fmt_value(v / 100, 'share', lang)}"}
        for i, (name, vs) in enumerate(stacks.items())
        for c, v in zip(categories, vs, strict=True)
    ]
    colour: Spec = {"field": "part", "type": "nominal", "title": None, "sort": names}
    colour["scale"] = {"domain": names, "range": colours}
    colour["legend"] = {"orient": "bottom", "direction": "horizontal"}
    encoding = {
        "y": {
            "field": "category",
            "type": "nominal",
            "sort": None,
            "title": None,
            "axis": {"labelOverlap": False, "labelLimit": 260},
        },
        "x": {
            "field": "x",
            "type": "quantitative",
            "stack": "zero",
            "title": x_title,
            "scale": {"domain": [0, 100], "nice": False},
        },
        "color": colour,
        "order": {"field": "order"},
        "tooltip": {"field": "tip"},
    }
    return _spec(lang, {"step": _BAR_STEP}, [{"mark": "bar", "encoding": encoding}], rows)
