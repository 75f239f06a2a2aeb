"""Presentation mode's finances slide (after the goals): the year's budget use in large type
(spent against the budget, the share of the year elapsed, the year-end projection and the
status) and each municipality's bill with its share of the total, as horizontal bars.

The figures are the Finances page's (ui.finance_data: the tables of ``python -m metrics
costs``), for the year the Finances page opens on; nothing is computed here but each bill's
share of the total. The slide holds no person-related cell: the budget table is the whole
area's per item and the bills are invoiced, never hidden (docs/privacy.md "Costs"). Without
cost data there is no slide (``finance_slide`` returns None)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

import polars as pl
import streamlit as st

from ui import charts
from ui.finance_data import FinanceData, cost_years, finance_data
from ui.finance_screen import status_text
from ui.formatting import MISSING, fmt_percent, fmt_whole_euros
from ui.i18n import Lang, t
from ui.page_context import PageContext
from ui.status_style import STATUS_STYLES

CSS = """<style>
.fin-tiles {display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1rem;
  margin-top: .6rem;}
.fin-tile {border: 2px solid var(--kpi-accent, #8C8C8C); border-left-width: 10px;
  border-radius: 8px; padding: .4rem 1rem; min-width: 0;}
.fin-tile.wide {grid-column: 1 / -1;}
.fin-tile .label {font-size: 1.15rem; margin: 0; line-height: 1.3;}
.fin-tile .big {font-size: 2.2rem; font-weight: 700; line-height: 1.2;
  font-variant-numeric: tabular-nums; overflow-wrap: anywhere;}
.fin-tile .sub {font-size: 1.15rem; margin: 0;}
</style>"""


@dataclass(frozen=True)
class FinanceSlide:
    year: int
    end: date  # E = min(31 Dec of the year, the as-of date)
    data: FinanceData


def finance_slide(ctx: PageContext) -> FinanceSlide | None:
    """The slide's data: the year the Finances page opens on (the period's year when cost
    data reaches it, else the newest), or None when no cost data is loaded."""
    as_of = ctx.info.as_of
    years = cost_years(ctx.db.path, ctx.db.identity, as_of)
    if not years:
        return None
    year = ctx.effective_end.year if ctx.effective_end.year in years else years[0]
    data = finance_data(ctx.db.path, ctx.db.identity, year, as_of)
    if isinstance(data, str):
        return None
    return FinanceSlide(year, min(date(year, 12, 31), as_of), data)


def title(slide: FinanceSlide, lang: Lang) -> str:
    return f"{t('nav_finances', lang)} {slide.year}"


def _tile(
    label: str, big: str, sub: str = "", colour: str | None = None, wide: bool = False
) -> str:
    e = html.escape
    accent = f' style="--kpi-accent:{colour}"' if colour else ""
    sub_html = f'<p class="sub">{e(sub)}</p>' if sub else ""
    kind = "fin-tile wide" if wide else "fin-tile"
    return (
        f'<div class="{kind}"{accent}><p class="label">{e(label)}</p>'
        f'<div class="big">{e(big)}</div>{sub_html}</div>'
    )


def budget_html(items: pl.DataFrame, elapsed: float, lang: Lang) -> str:
    """Four tiles from the ``yhteensa`` row of ``--by item``: spent of the budget, the year
    elapsed, the projection and the status (icon, word and colour)."""
    total = items.filter(pl.col("kustannuslaji") == "yhteensa").row(0, named=True)
    used = total["kaytetty_osuus"]
    spent_sub = (
        f"{t('fc_talousarvio', lang)} {fmt_whole_euros(total['talousarvio'], lang)}"
        f" · {t('fc_kaytetty_osuus', lang).lower()} "
        f"{fmt_percent(None if used is None else float(used), lang)}"
    )
    status = total["status"]
    style = STATUS_STYLES.get(status or "none", STATUS_STYLES["none"])
    tiles = [
        _tile(t("fin_spent", lang), fmt_whole_euros(total["toteuma"], lang), spent_sub, wide=True),
        _tile(t("fc_kulunut_osuus", lang), fmt_percent(elapsed, lang)),
        _tile(t("fin_projection", lang), fmt_whole_euros(total["ennuste"], lang)),
        _tile(
            t("fc_status", lang),
            status_text(status, lang) if status else MISSING,
            colour=style.colour,
            wide=True,
        ),
    ]
    return f'<div class="fin-tiles">{"".join(tiles)}</div>'


def bill_rows(kunnat: pl.DataFrame) -> list[tuple[str, float, float]]:
    """(municipality, bill, share of the total bill) from ``--by kunta``; empty when the
    year has no cost split (no bills)."""
    total = kunnat.filter(pl.col("kunta") == "yhteensa")["kunnan_osuus"].item()
    if total is None or float(total) <= 0:
        return []
    rows = kunnat.filter(pl.col("kunta") != "yhteensa")
    return [
        (str(k), float(v), float(v) / float(total))
        for k, v in zip(rows["kunta"].to_list(), rows["kunnan_osuus"].to_list(), strict=True)
        if v is not None
    ]


def bill_label(bill: float, share: float, lang: Lang) -> str:
    return f"{fmt_whole_euros(bill, lang)} · {fmt_percent(share, lang)}"


def render(ctx: PageContext, slide: FinanceSlide) -> None:
    """The slide's body under its title and area line."""
    lang = ctx.lang
    st.html(CSS)
    for fi, en in slide.data.warnings:
        st.warning(fi if lang == "fi" else en, icon=":material/warning:")
    left, right = st.columns([1.1, 1], gap="large")
    with left:
        st.subheader(t("fin_budget_use", lang), anchor=False)
        if ctx.view.area.level != "koko_alue":
            st.caption(t("slide_fin_whole_area", lang))
        st.html(budget_html(slide.data.tables["item"], slide.data.elapsed, lang))
    with right:
        st.subheader(t("fin_bills", lang), anchor=False)
        rows = bill_rows(slide.data.tables["kunta"])
        if not rows:
            return
        highlight = ctx.view.area.area if ctx.view.area.level == "kunta" else None
        names = [r[0] for r in rows]
        labels = [bill_label(bill, share, lang) for _, bill, share in rows]
        fig = charts.bills_by_municipality(names, [r[1] for r in rows], labels, lang, highlight)
        charts.show(fig, t("fin_bills", lang), key="slide_fin_bills")
