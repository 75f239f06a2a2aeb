"""The target cards of the overview and the presentation mode.

A card: the metric's title and the plan's own indicator text, the value (Finnish format,
``<5`` when the small-number rule hides it), the change since the previous week, a small
weekly trend line, the value a year earlier and the change to it (ui/year_earlier_view.py),
the target, the status as icon + word + colour, pending cases, and for employer contacts the
pace towards the year's target.
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass
from datetime import timedelta

import streamlit as st

from access.gate import current_access
from metrics import privacy
from metrics.definition import ALL_LEVELS
from ui import cached_queries, indicators, kpi_view, year_earlier_view
from ui.chart_buckets import whole_values
from ui.formatting import NBSP, fmt_change, fmt_int
from ui.i18n import Lang, t
from ui.page_context import PageContext
from ui.status_style import OKABE_ITO


@dataclass(frozen=True)
class CardData:
    shown: kpi_view.Shown
    indicator: str | None
    change: str | None
    spark: list[float]
    pace: str | None
    # The figure is the whole area's (a metric defined for the whole area only, under a
    # service area or municipality): the card says so and its status is not the area's.
    whole_area: bool = False
    # The same period a year earlier: the value and the change, or why there is none.
    year_earlier: year_earlier_view.YearEarlier | None = None


def status_counts(cards: dict[str, CardData]) -> tuple[dict[str, int], int]:
    """The overview's tally of the chosen area's targets (ok, risk, off, none) and how many
    cards were left out of it because their figure or target is the whole area's."""
    counts = {k: 0 for k in ("ok", "risk", "off", "none")}
    left_out = 0
    for c in cards.values():
        if not c.shown.metric.has_target:
            continue
        if c.whole_area or c.shown.style.key == "areaonly":
            left_out += 1
            continue
        counts[c.shown.status or "none"] += 1
    return counts, left_out


def card_data(ctx: PageContext) -> dict[str, CardData]:
    """Everything the cards of the chosen view show, keyed by metric id."""
    lang = ctx.lang
    now, whole_area = ctx.area_rows(ctx.kpi_on_screen())
    week_ago_end = ctx.effective_end - timedelta(days=7)
    before: dict[str, dict[str, object]] = {}
    if week_ago_end >= ctx.start:
        earlier = cached_queries.kpi_on_screen(
            ctx.db.path, ctx.db.identity, ctx.start, week_ago_end, ALL_LEVELS
        )
        before = ctx.area_rows(earlier)[0]
    earlier_rows = ctx.area_rows(ctx.kpi_year_earlier_on_screen())[0]
    earlier_period, coverage = ctx.year_earlier(), ctx.coverage_start()
    board = current_access().suppress_small_numbers
    lines = indicators.for_period(ctx.start, ctx.end, ctx.info.as_of, lang)
    out: dict[str, CardData] = {}
    for metric_id, row in now.items():
        shown = kpi_view.shown_row(row, lang)
        unit = shown.metric.unit
        change = None
        prev = before.get(metric_id)
        # No change in a week of a figure about people for the board: the two periods
        # would difference into one week (docs/privacy.md).
        safe = not board or privacy.basis_of(metric_id) == "none"
        if safe and prev is not None and not shown.suppressed and not prev.get("suppressed"):
            a, b = row["value"], prev["value"]
            if isinstance(a, int | float) and isinstance(b, int | float):
                change = fmt_change(float(a) - float(b), unit, lang)
        spark_rows = ctx.metric_series(metric_id, "week")
        spark = whole_values(  # a partial first or last week would look like a jump
            spark_rows["period_start"].to_list(),
            spark_rows["period_end"].to_list(),
            spark_rows["value"].to_list(),
            ctx.info.as_of,
            "week",
        )
        if unit == "share":
            spark = [v * 100 for v in spark]
        out[metric_id] = CardData(
            shown=shown,
            indicator=lines.get(metric_id),
            change=change,
            spark=spark,
            pace=_pace(ctx) if shown.metric.pace_to_year_target else None,
            whole_area=metric_id in whole_area,
            year_earlier=year_earlier_view.year_earlier(
                shown.metric, row, earlier_rows.get(metric_id), earlier_period, coverage, lang
            ),
        )
    return out


def _pace(ctx: PageContext) -> str | None:
    p = cached_queries.projection(ctx.db.path, ctx.db.identity, ctx.effective_end.year)
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
    if ctx.view.area.level != "koko_alue":  # the target and its pace are the whole area's
        return f"{icon} {t('area_whole', lang)}: {word}. {text}"
    return f"{icon} {word}. {text}"


def sparkline_svg(values: list[float], label: str, width: int = 240, height: int = 40) -> str:
    """A small inline SVG line of the weekly values of whole weeks (``card_data`` leaves out
    a partial first and last week): drawn by the browser at once, unlike a chart library
    (17 cards on one page)."""
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


def _delta_html(card: CardData, lang: Lang) -> str:
    """The change since the previous week as an arrow, the signed change and "in a week";
    green when it moves towards the target's direction, orange-red when away, grey when
    flat (never colour alone: the arrow and the sign say it too)."""
    change = card.change
    if not change:
        return ""
    if change.startswith("±"):
        arrow, tone = "", "flat"
    else:
        up = change.startswith("+")
        better = up != (card.shown.metric.direction == "lower")
        arrow, tone = ("↑ " if up else "↓ "), ("good" if better else "bad")
    return (
        f'<div class="kpi-delta"><span class="chip {tone}">{arrow}{html.escape(change)}</span>'
        f" {html.escape(t('change_week', lang))}</div>"
    )


def value_html(value: str) -> str:
    """The value with a word unit (``vrk``, ``asiakasta/htv``) in smaller type after an
    ordinary space, so a long unit wraps under the number instead of running past the card;
    a percent sign stays with its number."""
    number, _, unit = value.partition(NBSP)
    if not unit or not any(ch.isalpha() for ch in unit):
        return html.escape(value)
    return f'{html.escape(number)} <span class="unit">{html.escape(unit)}</span>'


def card_html(card: CardData, lang: Lang) -> str:
    """One card: title, the plan's indicator text (Finnish), the value, its change since the
    previous week, the weekly trend line, the status badge, the target and pending cases,
    and the pace line of employer contacts. The left edge takes the status colour."""
    s = card.shown
    parts = [f'<div class="kpi-card-title">{html.escape(kpi_view.title(s.metric, lang))}</div>']
    if card.indicator:
        parts.append(f'<div class="kpi-meta">{html.escape(card.indicator)}</div>')
    if card.whole_area:
        parts.append(f'<div class="kpi-scope">{html.escape(t("whole_area_figure", lang))}</div>')
    parts.append(f'<div class="kpi-value">{value_html(s.value)}</div>')
    parts.append(_delta_html(card, lang))
    if card.year_earlier is not None:
        line = year_earlier_view.line_html(card.year_earlier)
        parts.append(f'<div class="kpi-meta year-earlier">{line}</div>')
    if len(card.spark) > 1:
        parts.append(sparkline_img(card.spark, t("trend_weekly", lang)))
    parts.append(kpi_view.status_and_target_html(s, lang))
    if card.pace:
        parts.append(f'<div class="kpi-meta">{html.escape(card.pace)}</div>')
    body = "".join(parts)
    return f'<section class="kpi-card" style="--kpi-accent:{s.style.colour}">{body}</section>'


def goals_html(goals: list[tuple[str, list[CardData]]], lang: Lang) -> str:
    """Every goal's heading and cards (the overview), as one piece of HTML."""
    return "".join(
        f'<section class="kpi-goal"><h3>{html.escape(title)}</h3>{grid_html(group, lang)}</section>'
        for title, group in goals
    )


def draw_goals(goals: list[tuple[str, list[CardData]]], lang: Lang) -> None:
    """The overview's goals in one st.html: one element for the browser instead of a heading
    and a grid per goal. Each Streamlit element costs the browser's first page in a new tab
    about 30 ms of main-thread work (docs/scaling.md), which 25 people opening the dashboard
    at once feel."""
    st.html(goals_html(goals, lang))


def grid_html(group: list[CardData], lang: Lang) -> str:
    return f'<div class="kpi-grid">{"".join(card_html(c, lang) for c in group)}</div>'


def draw_grid(group: list[CardData], lang: Lang) -> None:
    """A goal's cards as one HTML grid (st.html): one element for the browser to draw per
    goal instead of a bordered container, columns and four elements per card; the
    overview's seventeen cards cost the browser a fraction of what Streamlit widgets did."""
    st.html(grid_html(group, lang))
