"""Talous / Finances: the year's spending against the budget item by item, commitments, the
projection and status; each municipality's bill (by item, month and quarter); cost per result
of purchased training; the monthly trend against the budget's pace. Every number is a table
of ``python -m metrics costs`` (ui.finance_data); the board sees the person-related cells under
the small-number rule (metrics.costs.cost_suppression), and the downloads equal the screen."""

from __future__ import annotations

import polars as pl
import streamlit as st

from access.gate import current_access
from access.roles import Capability
from metrics.kpi_file_xlsx import to_xlsx_sheets
from ui import charts, downloads, tables
from ui.finance_data import FinanceData, cost_years, finance_data
from ui.finance_screen import cells_wide, month_label, on_screen, periods_wide, status_text
from ui.formatting import fmt_date, fmt_euros, fmt_percent, fmt_whole_euros
from ui.i18n import Lang, t
from ui.page_context import PageContext

ITEM_COLUMNS = ("kustannuslaji", "toteuma", "sitoumus", "talousarvio", "vapaa",
                "kaytetty_osuus", "ennuste", "status")  # fmt: skip
KUNTA_COLUMNS = ("kunta", "aiheuttamisperusteiset", "jako_osuus", "jaettu_osuus", "kunnan_osuus")
COURSE_COLUMNS = (
    "koulutus_id", "laji", "kustannus", "osallistujat", "suorittaneet", "tyottomyys_paattynyt",
    "kesken", "eur_per_osallistuja", "eur_per_tulos",
)  # fmt: skip
KIND_COLUMNS = ("laji", "kustannus", "osallistujat", "suorittaneet", "tyottomyys_paattynyt",
                "tulos_osuus", "eur_per_osallistuja", "eur_per_tulos")  # fmt: skip


def render(ctx: PageContext) -> None:
    lang = ctx.lang
    st.markdown(t("fin_intro", lang))
    years = cost_years(ctx.db.path, ctx.db.identity, ctx.info.as_of)
    if not years:
        st.info(t("fin_no_data", lang), icon=":material/info:")
        return
    chosen = ctx.effective_end.year if ctx.effective_end.year in years else years[0]
    year = st.selectbox(t("fin_year", lang), years, index=years.index(chosen), key="fin_year")
    data = finance_data(ctx.db.path, ctx.db.identity, year, ctx.info.as_of)
    if isinstance(data, str):
        st.info(data, icon=":material/info:")
        return
    access = current_access()
    board = access.suppress_small_numbers or st.toggle(t("fin_board_view", lang), key="fin_board")
    st.caption(t("fin_situation", lang, as_of=fmt_date(ctx.info.as_of, lang), year=year,
                 elapsed=fmt_percent(data.elapsed, lang)))  # fmt: skip
    for fi, en in data.warnings:
        st.warning(fi if lang == "fi" else en, icon=":material/warning:")
    _budget(data, year, lang)
    _bills(data, year, board, lang)
    _courses(data, year, board, lang)


def _budget(data: FinanceData, year: int, lang: Lang) -> None:
    st.subheader(t("fin_budget_use", lang), anchor=False, divider="gray")
    items = data.tables["item"]
    total = items.filter(pl.col("kustannuslaji") == "yhteensa").row(0, named=True)
    cols = st.columns(4)
    figures = (("fin_spent", total["toteuma"]), ("fin_commitments", total["sitoumus"]),
               ("fin_free", total["vapaa"]), ("fin_projection", total["ennuste"]))  # fmt: skip
    for col, (key, value) in zip(cols, figures, strict=False):
        col.metric(t(key, lang), fmt_whole_euros(value, lang), help=fmt_euros(value, lang))
    st.markdown(f"**{t('fc_status', lang)}:** {status_text(total['status'], lang)}")
    tables.show(on_screen(items, ITEM_COLUMNS, lang), lang)
    downloads.buttons(items, f"talous_{year}_kustannuslajit", "fin_items", lang)
    st.markdown(f"#### {t('fin_trend', lang)}")
    months = data.tables["month"].filter(pl.col("kustannuslaji") == "yhteensa")
    labels = [month_label(year, m) for m in months["kuukausi"].to_list()]
    spent = [float(v) for v in months["kertyma"].to_list()]
    pace = [None if v is None else float(v) for v in months["talousarvion_vauhti"].to_list()]
    charts.show(charts.spending_against_budget(labels, spent, pace, lang), t("fin_trend", lang))
    downloads.buttons(data.tables["month"], f"talous_{year}_kuukausittain", "fin_months", lang)


def _bills(data: FinanceData, year: int, board: bool, lang: Lang) -> None:
    st.subheader(t("fin_bills", lang), anchor=False, divider="gray")
    st.caption(t("fin_bills_note", lang))
    kunnat = data.tables["kunta"]
    tables.show(on_screen(kunnat, KUNTA_COLUMNS, lang), lang)
    downloads.buttons(kunnat, f"talous_{year}_kunnat", "fin_kunnat", lang)
    st.markdown(f"#### {t('fin_bill_cells', lang)}")
    cells = data.board_cells if board else data.tables["kunta-item"]
    if board:
        st.caption(t("fin_board_note", lang))
    # 13 rows but 12 columns: the scrollable grid, so the bill (last) is never cut off
    st.dataframe(cells_wide(cells, kunnat, lang), hide_index=True, width="stretch")
    downloads.buttons(cells, f"talous_{year}_kunnat_lajeittain", "fin_cells", lang)
    _invoice_download(cells, kunnat, year, lang)
    for grain, frame in (("month", data.by_month), ("quarter", data.by_quarter)):
        if frame.height == 0:
            continue
        st.markdown(f"#### {t(f'fin_bills_by_{grain}', lang)}")
        tables.show(periods_wide(frame, grain, lang), lang)
        downloads.buttons(frame, f"talous_{year}_kunnat_{grain}", f"fin_{grain}", lang)


def _invoice_download(cells: pl.DataFrame, kunnat: pl.DataFrame, year: int, lang: Lang) -> None:
    """One workbook, a sheet per municipality: its cells (as on screen) and its bill."""
    if not current_access().can(Capability.EXPORT_DATA) or kunnat["kunnan_osuus"].is_null().all():
        return

    def workbook() -> bytes:
        sheets = {}
        for kunta in kunnat.filter(pl.col("kunta") != "yhteensa")["kunta"].to_list():
            own = cells.filter(pl.col("kunta") == kunta)
            bill = kunnat.filter(pl.col("kunta") == kunta)["kunnan_osuus"].item()
            total = own.head(1).with_columns(
                pl.lit("yhteensa").alias("kustannuslaji"), pl.lit(None).alias("toteuma"),
                pl.lit(bill).cast(own.schema["kunnan_osuus"]).alias("kunnan_osuus"),
                pl.lit(None, dtype=pl.Boolean).alias("aiheuttamisperusteinen"),
                *(pl.lit(False).alias(c) for c in own.columns if c.endswith("_suppressed")),
            )  # fmt: skip
            sheets[kunta] = pl.concat([own, total.select(own.columns)])
        return to_xlsx_sheets(sheets)

    st.download_button(
        t("fin_invoice_xlsx", lang), data=workbook, file_name=f"laskutusperuste_{year}.xlsx",
        mime=downloads.FORMATS[2][2], key="dl_fin_invoice", on_click="ignore",
        icon=":material/receipt_long:",
    )  # fmt: skip


def _courses(data: FinanceData, year: int, board: bool, lang: Lang) -> None:
    st.subheader(t("fin_courses", lang), anchor=False, divider="gray")
    st.caption(t("fin_courses_note", lang))
    kinds = data.board_kinds if board else data.kinds
    courses = data.board_courses if board else data.tables["course"]
    st.markdown(f"#### {t('fin_by_kind', lang)}")
    tables.show(on_screen(kinds, KIND_COLUMNS, lang), lang)
    downloads.buttons(kinds, f"talous_{year}_koulutuslajit", "fin_kinds", lang)
    st.markdown(f"#### {t('fin_by_course', lang)}")
    tables.show(on_screen(courses, COURSE_COLUMNS, lang), lang, height=360)
    downloads.buttons(courses, f"talous_{year}_koulutukset", "fin_courses", lang)
