"""Resurssit / Resources: the plan's budgeted person-years (reference data) and clients per
customer-service person-year per area (the KPI ``clients_per_customer_service_htv``)."""

from __future__ import annotations

import polars as pl
import streamlit as st

from common.reference import municipalities, service_points, staffing, staffing_years
from metrics import registry
from ui import charts, downloads, kpi_view, tables
from ui.formatting import fmt_number
from ui.i18n import Lang, t
from ui.page_context import PageContext

CLIENTS_PER_HTV = "clients_per_customer_service_htv"


def staffing_year(ctx: PageContext) -> int:
    years = [y for y in staffing_years() if y <= ctx.end.year] or list(staffing_years())
    return max(years)


def points_table(lang: Lang) -> pl.DataFrame:
    """Service points with their budgeted person-years (numbers as numbers: for downloads)."""
    area_of = {m.kunta: m.palvelualue for m in municipalities()}
    return pl.DataFrame(
        {
            t("col_service_point", lang): [p.palvelupiste for p in service_points()],
            t("col_municipality", lang): [p.kunta for p in service_points()],
            t("col_service_area", lang): [area_of[p.kunta] for p in service_points()],
            t("col_address", lang): [p.osoite for p in service_points()],
            t("col_htv", lang): [p.htv_yhteensa for p in service_points()],
        }
    )


def functions_table(year: int, lang: Lang) -> pl.DataFrame:
    """Person-years per function over all service points, largest first."""
    lines = staffing(year)
    frame = pl.DataFrame(
        {
            "tehtava": [line.tehtava for line in lines],
            "htv": [line.htv for line in lines],
            "cs": [line.is_customer_service for line in lines],
        }
    )
    out = frame.group_by("tehtava", maintain_order=True).agg(
        pl.col("htv").sum(), pl.col("cs").first()
    )
    out = out.sort("htv", descending=True)
    return pl.DataFrame(
        {
            t("col_function", lang): out["tehtava"].to_list(),
            t("col_htv", lang): [round(v, 3) for v in out["htv"].to_list()],
            t("col_customer_htv", lang): ["✔" if cs else "" for cs in out["cs"].to_list()],
        }
    )


def on_screen(df: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Person-years in the viewer's number format (one decimal)."""
    col = t("col_htv", lang)
    return df.with_columns(
        pl.Series(col, [fmt_number(v, lang, 1) for v in df[col].to_list()], dtype=pl.String)
    )


def render(ctx: PageContext) -> None:
    lang = ctx.lang
    st.markdown(t("resources_intro", lang))
    year = staffing_year(ctx)
    st.subheader(t("htv_by_point", lang), anchor=False, divider="gray")
    st.caption(t("staffing_year", lang, year=year))
    ordered = sorted(service_points(), key=lambda p: p.htv_yhteensa, reverse=True)
    values = [p.htv_yhteensa for p in ordered]
    fig = charts.bars_by_area(
        [p.kunta for p in ordered],
        values,
        [fmt_number(v, lang, 1) for v in values],
        [None] * len(values),
        "count",
        None,
        None,
        lang,
        x_title=t("col_htv", lang),
    )
    charts.show(fig, t("htv_by_point", lang))
    points = points_table(lang)
    tables.show(on_screen(points, lang), lang)
    total = sum(values)
    st.markdown(f"**{t('total', lang)}: {fmt_number(total, lang, 1)} {t('col_htv', lang)}**")
    downloads.buttons(points, f"htv_palvelupisteet_{year}", "htv_points", lang)
    st.subheader(t("htv_by_function", lang), anchor=False, divider="gray")
    functions = functions_table(year, lang)
    tables.show(on_screen(functions, lang), lang)
    downloads.buttons(functions, f"htv_tehtavat_{year}", "htv_functions", lang)
    clients_per_htv(ctx)


def clients_per_htv(ctx: PageContext) -> None:
    lang = ctx.lang
    st.subheader(t("clients_per_htv", lang), anchor=False, divider="gray")
    m = registry.get(CLIENTS_PER_HTV)
    st.caption(kpi_view.description(m, lang))
    table = ctx.kpi_on_screen().filter(pl.col("metric_id") == CLIENTS_PER_HTV)
    for level in ("palvelualue", "kunta"):
        rows = table.filter(pl.col("level") == level)
        if rows.height == 0:
            continue
        shown = [kpi_view.shown_row(r, lang) for r in rows.iter_rows(named=True)]
        fig = charts.bars_by_area(
            rows["area"].to_list(),
            [s.raw_value for s in shown],
            [s.value for s in shown],
            [None] * len(shown),
            m.unit,
            None,
            None,
            lang,
        )
        st.markdown(
            f"#### {t('by_service_area' if level == 'palvelualue' else 'by_municipality', lang)}"
        )
        charts.show(fig, t("clients_per_htv", lang))
        view = pl.DataFrame(
            {
                t("col_area", lang): rows["area"].to_list(),
                t("col_clients", lang): [
                    fmt_number(v, lang, 0) for v in rows["numerator"].to_list()
                ],
                t("col_customer_htv", lang): [
                    fmt_number(v, lang, 1) for v in rows["denominator"].to_list()
                ],
                t("col_ratio", lang): [s.value for s in shown],
            }
        )
        tables.show(view, lang)
        stem = downloads.file_stem(f"{CLIENTS_PER_HTV}_{level}", ctx.start, ctx.end)
        downloads.buttons(rows, stem, f"cph_{level}", lang)
