"""The Situation page's own sections (goal ``tilanne``, docs/dashboard.md): the four counts
of the unemployed side by side (per service area and municipality on E, and per month end
for the chosen area), and Statistics Finland's official figures beside ours (per
municipality and month, with a warning where they differ by more than the setting
``KPI_STATFIN_DIFFERENCE_THRESHOLD``; the area's unemployment rate beside the country's).

Every count of ours comes from the KPI rows as the screen shows them (metrics.disclosure):
a hidden count is ``<5`` here too, and so is the difference computed from it. The official
figures are public statistics and shown as published. Downloads equal the tables.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from common.settings import get_settings
from metrics.privacy import SMALL, SUPPRESSED
from metrics.registry import get
from metrics.situation_tables import (
    GROUPS,
    groups_by_area,
    groups_by_month,
    own_unemployed_by_month,
)
from ui import cached_queries, charts, downloads, kpi_view, tables
from ui.formatting import fmt_date, fmt_month, fmt_percent, fmt_value
from ui.i18n import Lang, t
from ui.page_context import PageContext


def _group_titles(lang: Lang) -> list[str]:
    return [kpi_view.title(get(g), lang) for g in GROUPS]


def _count_cells(df: pl.DataFrame, lang: Lang) -> dict[str, list[str]]:
    """Each group's column as the screen writes it: ``<5`` where hidden."""
    out: dict[str, list[str]] = {}
    for group, title in zip(GROUPS, _group_titles(lang), strict=True):
        hidden = df[f"{group}_{SUPPRESSED}"].fill_null(False).to_list()
        values = df[group].to_list()
        out[title] = [
            SMALL if h else fmt_value(v, "count", lang) for v, h in zip(values, hidden, strict=True)
        ]
    return out


def groups(ctx: PageContext) -> None:
    """The four groups side by side: per area on E, and per month end of the chosen area."""
    lang = ctx.lang
    st.markdown(f"#### {t('situation_groups', lang)}")
    st.caption(t("situation_groups_note", lang, day=fmt_date(ctx.effective_end, lang)))
    table = ctx.kpi_on_screen()
    for level in ("palvelualue", "kunta"):
        by_area = groups_by_area(table, level)
        if by_area.height == 0:
            continue
        values = {
            title: by_area[g].to_list()
            for g, title in zip(GROUPS, _group_titles(lang), strict=True)
        }
        title = t("by_service_area" if level == "palvelualue" else "by_municipality", lang)
        charts.show(charts.grouped(by_area["area"].to_list(), values, lang), title)
        shown = {t("bcol_area", lang): by_area["area"].to_list(), **_count_cells(by_area, lang)}
        tables.show(pl.DataFrame(shown), lang)
        stem = downloads.file_stem(f"situation_groups_{level}", ctx.start, ctx.end)
        downloads.buttons(by_area, stem, f"situation_{level}", lang)
    area = ctx.view.area
    monthly = cached_queries.disclosed(ctx.db.path, ctx.db.identity, ctx.start, ctx.end).monthly
    by_month = groups_by_month(monthly, area.level, area.area)
    st.markdown(f"##### {t('situation_month_ends', lang, area=area.area)}")
    shown = {
        t("bcol_month_end", lang): [fmt_date(d, lang) for d in by_month["month_end"].to_list()],
        **_count_cells(by_month, lang),
    }
    tables.show(pl.DataFrame(shown), lang)
    stem = downloads.file_stem(f"situation_month_ends_{area.area}", ctx.start, ctx.end)
    downloads.buttons(by_month, stem, "situation_months", lang)


def official(ctx: PageContext) -> None:
    """Statistics Finland's figures beside ours: per municipality and month, and the rates."""
    lang = ctx.lang
    st.markdown(f"#### {t('situation_official', lang)}")
    result = cached_queries.official_statistics(ctx.db.path, ctx.db.identity, ctx.start, ctx.end)
    if result is None:
        st.info(t("statfin_missing", lang), icon=":material/info:")
        return
    limit = get_settings().statfin_difference_threshold
    st.caption(t("statfin_note", lang, limit=fmt_percent(limit, lang, 0)))
    monthly = cached_queries.disclosed(ctx.db.path, ctx.db.identity, ctx.start, ctx.end).monthly
    hidden = own_unemployed_by_month(monthly).select("kunta", "month", SUPPRESSED)
    rows = result.municipalities.join(hidden, on=["kunta", "month"], how="left").sort(
        "month", "kunta"
    )
    differing = rows.filter(pl.col("differs").fill_null(False))
    if differing.height:
        names = ", ".join(
            f"{k} ({fmt_month(m.year, m.month, lang)})"
            for k, m in differing.select("kunta", "month").iter_rows()
        )
        st.warning(
            t("statfin_differs", lang, n=differing.height, where=names), icon=":material/warning:"
        )
    shown = pl.DataFrame(
        {
            t("bcol_kunta", lang): rows["kunta"].to_list(),
            t("bcol_month", lang): [fmt_month(m.year, m.month, lang) for m in rows["month"]],
            t("bcol_official", lang): [fmt_value(v, "count", lang) for v in rows["official"]],
            t("bcol_own", lang): [
                SMALL if h else fmt_value(v, "count", lang)
                for v, h in zip(rows["own"], rows[SUPPRESSED].fill_null(False), strict=True)
            ],
            t("bcol_difference", lang): [
                SMALL if h else fmt_percent(v, lang)
                for v, h in zip(rows["difference"], rows[SUPPRESSED].fill_null(False), strict=True)
            ],
            t("bcol_differs", lang): [
                "⚠" if d else "" for d in rows["differs"].fill_null(False).to_list()
            ],
        }
    )
    tables.show(shown, lang)
    stem = downloads.file_stem("statfin_beside_own", ctx.start, ctx.end)
    downloads.buttons(rows, stem, "statfin_municipalities", lang)
    rates = result.rates.sort("month")
    st.markdown(f"##### {t('statfin_rates', lang)}")
    fig = charts.lines(
        rates["month"].to_list(),
        {
            t("statfin_area_rate", lang): rates["area_rate"].to_list(),
            t("statfin_country_rate", lang): rates["country_rate"].to_list(),
        },
        "share",
        lang,
    )
    charts.show(fig, t("statfin_rates", lang))
    downloads.buttons(
        rates, downloads.file_stem("statfin_rates", ctx.start, ctx.end), "statfin_rates", lang
    )
