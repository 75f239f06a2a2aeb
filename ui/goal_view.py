"""A goal's page: each metric's value for the chosen area, its value per service area and
per municipality against the target line, its weekly or monthly trend with the target
line, and the goal's breakdowns (ui/breakdown_view.py). Every chart has its data one
click away as Finnish-Excel CSV, standard CSV and XLSX.
"""

from __future__ import annotations

from datetime import date
from html import escape

import polars as pl
import streamlit as st

from metrics.deadline_rules import en_date, fi_date, no_rule_message
from metrics.registry import GOALS, MetricDefinition
from metrics.rule_wording import rule_change_in_period, rule_text, wording_in_period
from ui import (
    blocks,
    breakdown_view,
    case_counts,
    charts,
    downloads,
    figure_memo,
    kpi_view,
    notes_view,
    tables,
    trend_notes,
    year_earlier_view,
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
    notes_view.render(ctx, goal)
    _rule_notes(ctx, goal)
    table = ctx.kpi_on_screen()
    earlier = ctx.kpi_year_earlier_on_screen()
    all_series_download(ctx, goal)
    for m in kpi_view.metrics_of_goal(goal):
        metric_section(ctx, m, table, earlier)
    breakdown_view.render(goal, ctx)


def goal_series(ctx: PageContext, goal: str) -> pl.DataFrame:
    """Every monthly series of the goal's metrics for the view's area and period, as the
    charts show them (small-number rule applied), in the registry's order."""
    parts = [ctx.metric_series(m.id, "month") for m in kpi_view.metrics_of_goal(goal)]
    return pl.concat(parts)


def all_series_download(ctx: PageContext, goal: str) -> None:
    """One download with every monthly series of the page (issue 16): people's CSV and XLSX
    beside the machine files, the same rows the trend charts draw."""
    if not downloads.may_export():
        return
    series = goal_series(ctx, goal)
    if series.height == 0:
        return
    area = ctx.view.area.area
    label = t("download_all_series", ctx.lang, goal=t(f"goal_short_{goal}", ctx.lang), area=area)
    stem = downloads.file_stem(f"{goal}_kuukausisarjat_{area}", ctx.start, ctx.end)
    downloads.buttons(series, stem, f"all_series_{goal}", ctx.lang, label=label)


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
    """The chosen area's row of ``m`` in ``table``, or the whole area's when ``m`` has none
    for the chosen area (looked up once per run and table: PageContext.area_rows)."""
    return ctx.area_rows(table)[0][m.id]


def metric_section(
    ctx: PageContext, m: MetricDefinition, table: pl.DataFrame, earlier: pl.DataFrame | None = None
) -> None:
    """One metric of a goal page; ``earlier`` is the period a year earlier under the rule
    (default: the context's cached table)."""
    lang = ctx.lang
    if earlier is None:
        earlier = ctx.kpi_year_earlier_on_screen()
    st.subheader(kpi_view.title(m, lang), anchor=False, divider="gray")
    row = _area_value_row(ctx, table, m)
    shown = kpi_view.shown_row(row, lang)
    head = st.columns([1, 3], vertical_alignment="top")
    with head[0]:
        st.metric(kpi_view.title(m, lang), shown.value, label_visibility="collapsed")
        # the cases behind a share, the badge, the target and the year-earlier line in one
        # light element (st.html)
        counts = case_counts.counts_text(row, m.unit, lang)
        cases = f'<div class="kpi-counts">{escape(counts)}</div>' if counts else ""
        with_pending = counts is None
        st.html(
            cases
            + kpi_view.status_and_target_html(shown, lang, with_pending=with_pending)
            + _year_earlier_html(ctx, m, row, earlier)
        )
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
        _by_area(ctx, m, table, str(choice), earlier)
    else:
        _trend(ctx, m, row, "week" if choice == "week" else "month")


def _year_earlier_html(
    ctx: PageContext, m: MetricDefinition, row: dict[str, object], earlier: pl.DataFrame
) -> str:
    """The value a year earlier and the change (or why there is none), and the period compared."""
    period = ctx.year_earlier()
    line = year_earlier_view.year_earlier(
        m, row, _area_value_row(ctx, earlier, m), period, ctx.coverage_start(), ctx.lang
    )
    if line is None:
        return ""
    caption = year_earlier_view.period_caption(period, ctx.lang)
    return (
        f'<div class="kpi-meta year-earlier">{year_earlier_view.line_html(line)}</div>'
        f'<div class="kpi-meta">{escape(caption)}</div>'
    )


def _trend(ctx: PageContext, m: MetricDefinition, row: dict[str, object], grain: str) -> None:
    lang = ctx.lang
    series = ctx.metric_series(m.id, grain)
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
    # the values as a table, built only when opened (opening reruns the page, as the
    # download menus do): most visits read the chart
    table = st.expander(
        t("trend_table", lang), icon=":material/table:", key=f"trend_table_{m.id}",
        on_change="rerun",
    )  # fmt: skip
    with table:
        if table.open:
            rows = case_counts.trend_table(series, m.unit, lang, grain, cohort=m.cohort)
            tables.show(rows, lang)
    stem = downloads.file_stem(f"{m.id}_{grain}_{ctx.view.area.area}", ctx.start, ctx.end)
    downloads.buttons(series, stem, f"trend_{m.id}", lang)
    if downloads.may_take_unsuppressed():  # the raw rows are looked up only for them

        def raw() -> pl.DataFrame:  # looked up when the menu is opened
            return ctx.series_as_computed(grain).filter(pl.col("metric_id") == m.id)

        downloads.unsuppressed_buttons(raw, stem, f"trend_{m.id}", lang)


def _by_area(
    ctx: PageContext, m: MetricDefinition, table: pl.DataFrame, level: str, earlier: pl.DataFrame
) -> None:
    lang = ctx.lang
    rows = table.filter((pl.col("metric_id") == m.id) & (pl.col("level") == level))
    shown = [kpi_view.shown_row(r, lang) for r in rows.iter_rows(named=True)]
    if not shown:
        st.caption(t("no_rows", lang))
        return
    first = rows.row(0, named=True)
    op = first["target_op"] if isinstance(first["target_op"], str) else None
    target = first["target_value"]
    fig = figure_memo.bars_by_area(
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
    before = earlier.filter((pl.col("metric_id") == m.id) & (pl.col("level") == level))
    columns = year_earlier_view.table_columns(m, rows, before, ctx.year_earlier(), lang)
    extra = [pl.Series(name, values, dtype=pl.String) for name, values in columns.items()]
    tables.show(kpi_view.screen_table(rows, lang).with_columns(extra), lang)
    stem = downloads.file_stem(f"{m.id}_{level}", ctx.start, ctx.end)
    key = f"area_{m.id}_{level}"
    # the areas' rows, then the same rows a year earlier (metrics export --compare)
    downloads.buttons(pl.concat([kpi_slice(x, [m.id], (level,)) for x in (table, earlier)]),
                      stem, key, lang)  # fmt: skip
    if downloads.may_take_unsuppressed():

        def raw() -> pl.DataFrame:  # computed when the menu is opened
            both = (ctx.kpi(), ctx.kpi_year_earlier())
            return pl.concat([kpi_slice(x, [m.id], (level,)) for x in both])

        downloads.unsuppressed_buttons(raw, stem, key, lang)
