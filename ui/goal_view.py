"""A goal's page: each metric's value for the chosen area, its value per service area and
per municipality against the target line, its weekly or monthly trend with the target
line, and the goal's breakdowns (ui/breakdown_view.py). Every chart has its data one
click away as Finnish-Excel CSV, standard CSV and XLSX.
"""

from __future__ import annotations

from datetime import date

import polars as pl
import streamlit as st

from metrics.deadline_rules import en_date, fi_date, no_rule_message
from metrics.registry import GOALS, MetricDefinition
from metrics.rule_wording import rule_change_in_period, rule_text, wording_in_period
from ui import (
    blocks,
    breakdown_view,
    cached_queries,
    charts,
    downloads,
    figure_memo,
    kpi_view,
    tables,
    trend_notes,
)
from ui.i18n import Lang, t
from ui.page_context import PageContext

CONTACT_RULE = "initial_contact_within_deadline"
# One selector per metric: only the chosen view (monthly or weekly trend, per service area,
# per municipality) is built and sent to the browser; st.tabs drew every tab's chart at once.
VIEW_TEXT = {
    "month": "trend_monthly",
    "week": "trend_weekly",
    "palvelualue": "by_service_area",
    "kunta": "by_municipality",
}


def kpi_slice(table: pl.DataFrame, metric_ids: list[str], levels: tuple[str, ...]) -> pl.DataFrame:
    """The KPI rows of ``metric_ids`` at ``levels`` of ``table`` for download: the screen's
    rows (``python -m metrics export --suppress 5``) or the raw ones (without it)."""
    return table.filter(pl.col("metric_id").is_in(metric_ids) & pl.col("level").is_in(levels))


def render_goal(goal: str) -> None:
    ctx = blocks.require_context(f"goal_short_{goal}")
    lang = ctx.lang
    st.markdown(f"*{kpi_view.goal_title(goal, lang)}* · **{blocks.area_caption(ctx)}**")
    _rule_notes(ctx, goal)
    table = ctx.kpi_on_screen()
    for m in kpi_view.metrics_of_goal(goal):
        metric_section(ctx, m, table)
    breakdown_view.render(goal, ctx)


def _rule_notes(ctx: PageContext, goal: str) -> None:
    """The legal-deadline page's intro, and a note when a rule of the goal's metrics changes
    within the period (the dated rules of reference/maaraajat.csv)."""
    lang = ctx.lang
    ids = tuple(m.id for m in kpi_view.metrics_of_goal(goal))
    if GOALS[goal].page == "service_process":
        st.caption(t("process_intro", lang))
    note = rule_change_note(ctx.start, ctx.end, lang) if CONTACT_RULE in ids else None
    if note:
        st.info(note, icon=":material/gavel:")


def rule_change_note(start: date, end: date, lang: Lang) -> str | None:
    """When the period spans a change of the first-contact rule: the date, the rule before
    and after in words (from the rules table, never a fixed text) and the change's source."""
    change = rule_change_in_period(CONTACT_RULE, start, end)
    if change is None:
        return None
    day, before, after = change
    i = 0 if lang == "fi" else 1
    return t(
        "rule_change",
        lang,
        date=fi_date(day) if lang == "fi" else en_date(day),
        before=rule_text(before)[i],
        after=rule_text(after)[i],
        source=after.lahde.split(":")[0],
    )


def _area_value_row(
    ctx: PageContext, table: pl.DataFrame, m: MetricDefinition
) -> dict[str, object]:
    area = ctx.view.area
    rows = table.filter(pl.col("metric_id") == m.id)
    own = rows.filter((pl.col("level") == area.level) & (pl.col("area") == area.area))
    chosen = own if own.height else rows.filter(pl.col("level") == "koko_alue")
    return chosen.row(0, named=True)


def metric_section(ctx: PageContext, m: MetricDefinition, table: pl.DataFrame) -> None:
    lang = ctx.lang
    st.subheader(kpi_view.title(m, lang), anchor=False, divider="gray")
    row = _area_value_row(ctx, table, m)
    shown = kpi_view.shown_row(row, lang)
    head = st.columns([1, 3], vertical_alignment="top")
    with head[0]:
        st.metric(kpi_view.title(m, lang), shown.value, label_visibility="collapsed")
        # badge and target in one light element (st.html), not two markdown blocks
        st.html(kpi_view.status_and_target_html(shown, lang))
    with head[1]:
        st.markdown(kpi_view.description(m, lang))
        if m.cohort:
            st.caption(t("cohort_note", lang))
        rule_words = wording_in_period(m.id, ctx.start, ctx.effective_end)
        if rule_words:
            st.caption(f"{t('rule_in_force', lang)}: {rule_words[0 if lang == 'fi' else 1]}")
        if m.on_day and m.has_target and row["target_op"] is None:
            st.caption(t("year_earlier_before_coverage", lang))
        empty = no_rule_message(m.id, ctx.start, ctx.effective_end)
        if empty:
            st.info(empty[0 if lang == "fi" else 1], icon=":material/info:")
    levels = [lv for lv in ("palvelualue", "kunta") if lv in m.levels]
    choice = st.segmented_control(
        t("trend", lang),
        ("month", "week", *levels),
        key=f"view_{m.id}",
        default="month" if (ctx.end - ctx.start).days > 62 else "week",
        required=True,
        format_func=lambda v: t(VIEW_TEXT[v], lang),
        label_visibility="collapsed",
        bind="query-params",  # a link reproduces the chosen view (?view_<metric>=kunta)
    )
    if choice in levels:
        _by_area(ctx, m, table, str(choice))
    else:
        _trend(ctx, m, row, "week" if choice == "week" else "month")


def _trend(ctx: PageContext, m: MetricDefinition, row: dict[str, object], grain: str) -> None:
    lang = ctx.lang
    series = ctx.series(grain).filter(pl.col("metric_id") == m.id)
    series = series.sort("period_start")
    reason = trend_notes.empty_reason(series, lang, grain)
    if reason is not None:  # hidden by the small-number rule, all pending, or no cases
        st.caption(reason)
        return
    op = row["target_op"] if isinstance(row["target_op"], str) else None
    fig = figure_memo.trend(series, m.unit, lang, grain=grain, target_op=op, cohort=m.cohort)
    charts.show(fig, kpi_view.title(m, lang))
    notes = trend_notes.notes(series, lang, grain, m.cohort)
    if notes:
        st.caption("\n\n".join(notes))
    stem = downloads.file_stem(f"{m.id}_{grain}_{ctx.view.area.area}", ctx.start, ctx.end)
    downloads.buttons(series, stem, f"trend_{m.id}", lang)
    area = ctx.view.area
    raw = cached_queries.kpi_series(
        ctx.db.path, ctx.db.identity, ctx.start, ctx.end, grain, area.level, area.area
    )
    downloads.unsuppressed_buttons(
        raw.filter(pl.col("metric_id") == m.id), stem, f"trend_{m.id}", lang
    )


def _by_area(ctx: PageContext, m: MetricDefinition, table: pl.DataFrame, level: str) -> None:
    lang = ctx.lang
    rows = table.filter((pl.col("metric_id") == m.id) & (pl.col("level") == level))
    shown = [kpi_view.shown_row(r, lang) for r in rows.iter_rows(named=True)]
    if not shown:
        st.caption(t("no_rows", lang))
        return
    first = rows.row(0, named=True)
    op = first["target_op"] if isinstance(first["target_op"], str) else None
    target = first["target_value"]
    fig = charts.bars_by_area(
        rows["area"].to_list(),
        [s.raw_value if not s.suppressed else None for s in shown],
        [s.value for s in shown],
        [s.status for s in shown],
        m.unit,
        op,
        float(target) if isinstance(target, int | float) else None,
        lang,
    )
    charts.show(fig, kpi_view.title(m, lang))
    tables.show(kpi_view.screen_table(rows, lang), lang)
    stem = downloads.file_stem(f"{m.id}_{level}", ctx.start, ctx.end)
    key = f"area_{m.id}_{level}"
    downloads.buttons(kpi_slice(table, [m.id], (level,)), stem, key, lang)
    downloads.unsuppressed_buttons(kpi_slice(ctx.kpi(), [m.id], (level,)), stem, key, lang)
