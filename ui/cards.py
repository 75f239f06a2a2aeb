"""The target cards of the overview and the presentation mode.

A card: the metric's title and the plan's own indicator text, the value (Finnish format,
``<5`` when the small-number rule hides it), the change since the previous week, a small
weekly trend line, the target, the status as icon + word + colour, pending cases, and for
employer contacts the pace towards the year's target.
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass
from datetime import timedelta

import polars as pl
import streamlit as st

from ui import data, kpi_view
from ui.context import ALL_LEVELS, Context
from ui.formatting import fmt_change, fmt_int
from ui.i18n import Lang, t
from ui.status import OKABE_ITO, badge_html


@dataclass(frozen=True)
class CardData:
    shown: kpi_view.Shown
    indicator: str | None
    change: str | None
    spark: list[float]
    pace: str | None


def _area_rows(table: pl.DataFrame, ctx: Context) -> dict[str, dict[str, object]]:
    area = ctx.view.area
    own = table.filter((pl.col("level") == area.level) & (pl.col("area") == area.area))
    whole = table.filter(pl.col("level") == "koko_alue")
    rows = kpi_view.rows_by_metric(whole)
    rows.update(kpi_view.rows_by_metric(own))
    return rows


def card_data(ctx: Context) -> dict[str, CardData]:
    """Everything the cards of the chosen view show, keyed by metric id."""
    lang = ctx.lang
    now = _area_rows(ctx.kpi_on_screen(), ctx)
    week_ago_end = ctx.effective_end - timedelta(days=7)
    before: dict[str, dict[str, object]] = {}
    if week_ago_end >= ctx.start:
        earlier = data.kpi(ctx.db.path, ctx.db.identity, ctx.start, week_ago_end, ALL_LEVELS)
        before = _area_rows(kpi_view.suppressed(earlier), ctx)
    weekly = ctx.series("week")
    indicators = kpi_view.plan_indicators(data.targets_year(ctx.end))
    out: dict[str, CardData] = {}
    for metric_id, row in now.items():
        shown = kpi_view.shown_row(row, lang)
        unit = shown.metric.unit
        change = None
        prev = before.get(metric_id)
        if prev is not None and not shown.suppressed and not prev.get("suppressed"):
            a, b = row["value"], prev["value"]
            if isinstance(a, int | float) and isinstance(b, int | float):
                change = fmt_change(float(a) - float(b), unit, lang)
        spark_rows = weekly.filter(pl.col("metric_id") == metric_id).sort("period_start")
        spark = [float(v) for v in spark_rows["value"].to_list() if v is not None]
        if unit == "share":
            spark = [v * 100 for v in spark]
        out[metric_id] = CardData(
            shown=shown,
            indicator=indicators.get(metric_id) if lang == "fi" else None,
            change=change,
            spark=spark,
            pace=_pace(ctx) if metric_id == "employer_contacts" else None,
        )
    return out


def _pace(ctx: Context) -> str | None:
    p = data.projection(ctx.db.path, ctx.db.identity, ctx.effective_end.year)
    if p is None or p.target is None:
        return None
    lang = ctx.lang
    word = t("pace_ok", lang) if p.on_pace else t("pace_short", lang)
    icon = "✔" if p.on_pace else "▲"
    text = t(
        "pace",
        lang,
        so_far=fmt_int(p.count_so_far, lang),
        projected=fmt_int(p.projected_year_end, lang),
        target=fmt_int(p.target, lang),
    )
    return f"{icon} {word}. {text}"


def sparkline_svg(values: list[float], label: str, width: int = 240, height: int = 40) -> str:
    """A small inline SVG line of the weekly values: drawn by the browser at once, unlike a
    chart library (17 cards on one page)."""
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    step = width / (len(values) - 1)
    points = " ".join(
        f"{i * step:.1f},{height - 3 - (v - low) / span * (height - 6):.1f}"
        for i, v in enumerate(values)
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'role="img" aria-label="{label}" viewBox="0 0 {width} {height}" '
        f'preserveAspectRatio="none" style="width:100%;height:{height}px">'
        f'<polyline points="{points}" fill="none" stroke="{OKABE_ITO["blue"]}" '
        'stroke-width="2" vector-effect="non-scaling-stroke"/></svg>'
    )


def sparkline_img(values: list[float], label: str, height: int = 40) -> str:
    """The sparkline as an image (st.html keeps no inline SVG, but keeps an image whose
    source is the SVG), stretched to the card's width."""
    svg = sparkline_svg(values, label, height=height)
    data = base64.b64encode(svg.encode()).decode()
    return (
        f'<img src="data:image/svg+xml;base64,{data}" alt="{html.escape(label)}" '
        f'style="width:100%;height:{height}px;display:block">'
    )


def _head_html(title: str, indicator: str | None) -> str:
    """The card's title and, in Finnish, the plan's own indicator text under it."""
    text = f'<div class="kpi-card-title">{html.escape(title)}</div>'
    if indicator:
        text += f'<div class="kpi-meta">{html.escape(indicator)}</div>'
    return text


def _foot_html(card: CardData, lang: Lang) -> str:
    """Trend line, status badge, target (and pending cases), and the pace line, as one block:
    one element for the browser to draw instead of four."""
    s = card.shown
    parts = []
    if len(card.spark) > 1:
        parts.append(sparkline_img(card.spark, t("trend_weekly", lang)))
    parts.append(f"<div>{badge_html(s.style, lang)}</div>")
    line = f"{t('target', lang)} {s.target}"
    if s.pending is not None:
        line += f" · {t('pending', lang, n=s.pending)}"
    parts.append(f'<div class="kpi-target">{html.escape(line)}</div>')
    if card.pace:
        parts.append(f'<div class="kpi-meta">{html.escape(card.pace)}</div>')
    return "".join(parts)


def draw(card: CardData, ctx: Context, key: str) -> None:
    """One card inside a bordered container: the title block, the value with its change since
    the previous week (st.metric), and the foot block. Three elements per card keep the
    overview's seventeen cards light for the browser."""
    s = card.shown
    lang = ctx.lang
    with st.container(border=True, key=f"card_{key}"):
        st.html(_head_html(kpi_view.title(s.metric, lang), card.indicator))
        delta = card.change.replace("−", "-") if card.change else None
        flat = delta is not None and delta.startswith("±")
        st.metric(
            kpi_view.title(s.metric, lang),
            s.value,
            delta=delta,
            delta_color="off"
            if flat
            else ("inverse" if s.metric.direction == "lower" else "normal"),
            delta_arrow="off" if flat else "auto",
            delta_description=t("change_week", lang) if delta else None,
            label_visibility="collapsed",
        )
        st.html(_foot_html(card, lang))
