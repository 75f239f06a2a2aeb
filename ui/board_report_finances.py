"""The board report's finances page (the Finances page on paper, as the board sees it): the
year's budget use by item with the status, each municipality's bill with its cells by item
(person-related cells behind 1–4 clients as ``<5``, docs/privacy.md "Costs") and cost per
result by training kind. Plain HTML tables; an empty string when there is no cost data."""

from __future__ import annotations

import html

import polars as pl

from ui.finance_data import FinanceData
from ui.finance_screen import cells_wide, on_screen
from ui.formatting import fmt_percent
from ui.i18n import Lang, t

ITEMS = ("kustannuslaji", "toteuma", "sitoumus", "talousarvio", "vapaa", "kaytetty_osuus",
         "ennuste", "status")  # fmt: skip
BILLS = ("kunta", "aiheuttamisperusteiset", "jaettu_osuus", "kunnan_osuus")
KINDS = ("laji", "kustannus", "osallistujat", "tyottomyys_paattynyt", "tulos_osuus",
         "eur_per_tulos")  # fmt: skip


def _table(frame: pl.DataFrame) -> str:
    e = html.escape
    head = "".join(f"<th>{e(c)}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{e(str(v))}</td>" for v in row) + "</tr>"
        for row in frame.iter_rows()
    )
    return f'<table class="summary"><tr>{head}</tr>{body}</table>'


def finance_section(data: FinanceData | str | None, year: int, lang: Lang) -> str:
    if not isinstance(data, FinanceData):
        return ""
    e = html.escape
    parts = [
        f'<section class="goal"><h2>{e(t("nav_finances", lang))} {year}</h2>',
        f'<p class="meta">{e(t("fc_kulunut_osuus", lang))}: '
        f"{e(fmt_percent(data.elapsed, lang))}</p>",
        f"<h3>{e(t('fin_budget_use', lang))}</h3>",
        _table(on_screen(data.tables["item"], ITEMS, lang)),
        f"<h3>{e(t('fin_bills', lang))}</h3>",
        _table(on_screen(data.tables["kunta"], BILLS, lang)),
        f"<h3>{e(t('fin_bill_cells', lang))}</h3>",
        f'<p class="chart-note">{e(t("fin_board_note", lang))}</p>',
        _table(cells_wide(data.board_cells, data.tables["kunta"], lang)),
        f"<h3>{e(t('fin_courses', lang))}</h3>",
        _table(on_screen(data.board_kinds, KINDS, lang)),
        "</section>",
    ]
    return "".join(parts)
