"""The breakdowns of each goal's page (metrics.breakdowns through ui.cached_queries): channel split
of interviews and discussions, meetings outside the home municipality, fill-time
distribution, deadline cohorts (on time / late / excluded / pending), caseworkers without
job offers (pseudonymous ids), and the registers of working groups and service points.

Tables that count people come with the small-number rule applied by metrics (a
``<column>_suppressed`` flag); the screen shows ``<5`` there. Downloads carry the same.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl
import streamlit as st

from access.gate import current_access
from access.roles import Capability
from metrics.privacy import SMALL
from metrics.registry import GOALS, goal_metrics
from ui import (
    cached_queries,
    charts,
    downloads,
    due_view,
    figure_memo,
    kpi_view,
    situation_view,
    tables,
)
from ui.formatting import fmt_cell, fmt_percent, fmt_value
from ui.i18n import TEXTS, Lang, t
from ui.page_context import PageContext

_CODE_COLUMNS = ("tyyppi", "kanava", "yksikko", "outcome")


def _get(ctx: PageContext, name: str, extra: str = "") -> pl.DataFrame:
    area = ctx.view.area
    return cached_queries.breakdown(
        ctx.db.path, ctx.db.identity, name, ctx.start, ctx.end, area.level, area.area, extra
    )


def code_label(code: object, lang: Lang) -> str:
    key = f"code_{code}"
    return t(key, lang) if key in TEXTS else str(code)


def screen_frame(df: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """A breakdown for the screen: ``<5`` in suppressed cells, codes and headers translated,
    the level column (always the chosen one) left out."""
    out: dict[str, list[object]] = {}
    for col in df.columns:
        if col.endswith("_suppressed") or col in ("level", "lower", "upper"):
            continue
        values = df[col].to_list()
        flag = f"{col}_suppressed"
        if flag in df.columns:
            values = [SMALL if hidden else v for v, hidden in zip(values, df[flag], strict=True)]
        if col in _CODE_COLUMNS:
            values = [code_label(v, lang) for v in values]
        if df[col].dtype.is_numeric() or flag in df.columns:
            values = [v if isinstance(v, str) else fmt_value(v, "count", lang) for v in values]
        header = t(f"bcol_{col}", lang) if f"bcol_{col}" in TEXTS else col
        out[header] = [None if v is None else fmt_cell(v, lang) for v in values]
    return pl.DataFrame(out, schema={k: pl.String for k in out})


def _table(ctx: PageContext, df: pl.DataFrame, name: str) -> None:
    if df.height == 0:
        st.caption(t("no_rows", ctx.lang))
        return
    tables.show(screen_frame(df, ctx.lang), ctx.lang)
    downloads.buttons(df, downloads.file_stem(name, ctx.start, ctx.end), f"bd_{name}", ctx.lang)


def _channel_counts(df: pl.DataFrame) -> dict[tuple[str, str], tuple[float, bool]]:
    """Each (type, channel) cell's count (null as 0) and whether the rule hides it: one
    pass over the few rows in Python (a polars filter per cell cost a goal page more CPU
    than all its charts, docs/scaling.md)."""
    flags = "count_suppressed" in df.columns
    cells: dict[tuple[str, str], tuple[float, bool]] = {}
    for row in df.iter_rows(named=True):
        key = (row["tyyppi"], row["kanava"])
        count, hidden = cells.get(key, (0.0, False))
        cells[key] = (
            count + float(row["count"] or 0),
            hidden or bool(flags and row["count_suppressed"]),
        )
    return cells


def channel_shares(df: pl.DataFrame) -> tuple[list[str], list[str], dict[str, list[float]]]:
    """Event types, channels and each channel's share (percent) of each type. A type with a
    hidden cell has no shares (0, no bar): the shares of its shown cells would be of the
    shown part only, and would read as the whole ("100 % face to face")."""
    types = list(dict.fromkeys(df["tyyppi"].to_list()))
    channels = list(dict.fromkeys(df["kanava"].to_list()))
    cells = _channel_counts(df)
    partial = {ty for (ty, _ch), (_n, hidden) in cells.items() if hidden}
    totals = {ty: sum(n for (t_, _c), (n, _h) in cells.items() if t_ == ty) for ty in types}
    shares: dict[str, list[float]] = {}
    for ch in channels:
        values = []
        for ty in types:
            total, n = totals[ty], cells.get((ty, ch), (0.0, False))[0]
            values.append(100.0 * n / total if total and ty not in partial else 0.0)
        shares[ch] = values
    return types, channels, shares


def channel_split(ctx: PageContext) -> None:
    lang = ctx.lang
    st.markdown(f"#### {t('channel_split', lang)}")
    df = _get(ctx, "channel_split")
    if df.height == 0:
        st.caption(t("no_rows", lang))
        return
    types, channels, shares = channel_shares(df)
    labelled = {code_label(ch, lang): shares[ch] for ch in channels}
    fig = figure_memo.stacked([code_label(ty, lang) for ty in types], labelled, lang)
    charts.show(fig, t("channel_split", lang))
    rows: dict[str, list[str]] = {t("bcol_tyyppi", lang): [code_label(ty, lang) for ty in types]}
    first = {(r["tyyppi"], r["kanava"]): r for r in reversed(df.rows(named=True))}
    for ch in channels:
        cells = []
        for i, ty in enumerate(types):
            cell = first[(ty, ch)]  # the cell's (first) row
            of_type = [shares[c][i] for c in channels]
            if cell.get("count_suppressed"):
                cells.append(SMALL)
            elif not any(of_type):  # a type with a hidden cell (or none at all): no share
                cells.append(fmt_value(cell["count"], "count", lang))
            else:
                share = fmt_percent(shares[ch][i] / 100, lang)
                cells.append(f"{fmt_value(cell['count'], 'count', lang)} ({share})")
        rows[code_label(ch, lang)] = cells
    tables.show(pl.DataFrame(rows), lang)
    downloads.buttons(
        df, downloads.file_stem("channel_split", ctx.start, ctx.end), "bd_channels", lang
    )


def meeting_flows(ctx: PageContext) -> None:
    st.markdown(f"#### {t('meeting_flows', ctx.lang)}")
    _table(ctx, _get(ctx, "meeting_flows"), "meeting_flows")


def fill_time(ctx: PageContext) -> None:
    lang = ctx.lang
    st.markdown(f"#### {t('fill_time_distribution', lang)}")
    summary = _get(ctx, "fill_time_summary")
    if summary.height:
        row = summary.row(0, named=True)
        st.markdown(
            t(
                "fill_time_mean_median",
                lang,
                mean=fmt_value(row["mean_days"], "days", lang),
                median=fmt_value(row["median_days"], "days", lang),
            )
            + f" · {t('bcol_vacancies', lang)} {fmt_value(row['vacancies'], 'count', lang)}"
        )
    dist = _get(ctx, "fill_time_distribution")
    if dist.height:
        x_title = t("bcol_bucket", lang)
        fig = figure_memo.bars(dist["bucket"].to_list(), dist["count"].to_list(), lang, x_title)
        charts.show(fig, t("fill_time_distribution", lang))
    _table(ctx, dist, "fill_time_distribution")


def caseworkers(ctx: PageContext) -> None:
    if not current_access().can(Capability.CASEWORKER_TABLES):
        return
    st.markdown(f"#### {t('caseworkers_without_offers', ctx.lang)}")
    st.caption(t("caseworker_pseudonym_note", ctx.lang))
    _table(ctx, _get(ctx, "caseworkers_without_offers"), "caseworkers_without_offers")


def cohorts(ctx: PageContext, goal: str) -> None:
    """The cohort table of each cohort metric of the goal (``MetricDefinition.cohort``)."""
    st.markdown(f"#### {t('cohort_outcomes', ctx.lang)}")
    for m in goal_metrics(goal):
        if m.cohort:
            st.caption(kpi_view.title(m, ctx.lang))
            _table(ctx, _get(ctx, "cohort_outcomes", m.id), f"cohorts_{m.id}")


def register(name: str) -> Callable[[PageContext, str], None]:
    def draw(ctx: PageContext, goal: str) -> None:
        _table(ctx, cached_queries.table(ctx.db.path, ctx.db.identity, name), name)

    return draw


# What each breakdown key of a goal (metrics.registry.GOALS[goal].breakdowns) draws; the key
# is also the section's title text in ui.i18n.
DRAWINGS: dict[str, Callable[[PageContext, str], None]] = {
    "channel_split": lambda ctx, goal: channel_split(ctx),
    "meeting_flows": lambda ctx, goal: meeting_flows(ctx),
    "cohort_outcomes": cohorts,
    "fill_time_distribution": lambda ctx, goal: fill_time(ctx),
    "caseworkers_without_offers": lambda ctx, goal: caseworkers(ctx),
    "tyoryhmat": register("tyoryhmat"),
    "palvelupisteet": register("palvelupisteet"),
    "deadlines_due": due_view.section,
    # the Situation page (goal tilanne, ui/situation_view.py)
    "situation_groups": lambda ctx, goal: situation_view.groups(ctx),
    "situation_official": lambda ctx, goal: situation_view.official(ctx),
}


def _allowed(goal: str) -> tuple[str, ...]:
    can_see_caseworkers = current_access().can(Capability.CASEWORKER_TABLES)
    return tuple(
        key
        for key in GOALS[goal].breakdowns
        if key != "caseworkers_without_offers" or can_see_caseworkers
    )


def render(goal: str, ctx: PageContext) -> None:
    """The goal's breakdowns; with more than one, a selector draws only the chosen one (every
    one stays a click away, with its downloads)."""
    sections = _allowed(goal)
    if not sections:
        return
    st.subheader(t("breakdowns", ctx.lang), anchor=False, divider="gray")
    chosen = sections[0]
    if len(sections) > 1:
        chosen = str(
            st.segmented_control(
                t("breakdowns", ctx.lang),
                list(sections),
                key=f"breakdown_{goal}",
                default=chosen,
                required=True,
                format_func=lambda k: t(k, ctx.lang),
                label_visibility="collapsed",
                bind="query-params",
            )
        )
    DRAWINGS[chosen if chosen in sections else sections[0]](ctx, goal)
