"""The cost tables as the Finances page shows them: translated headers and item names, euros
``1 234,56 €``, shares in percent, the budget status in words, and ``<5`` where a cell is
hidden (a ``*_suppressed`` flag of metrics.costs.cost_suppression)."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from common.data_contract import TRAINING_KINDS
from metrics.privacy import SMALL, SUPPRESSED
from ui.formatting import MISSING, fmt_bool, fmt_euros, fmt_int, fmt_percent
from ui.i18n import Lang, t

EURO_COLUMNS = {
    "toteuma", "sitoumus", "talousarvio", "vapaa", "ennuste", "aiheuttamisperusteiset",
    "jaettu_osuus", "kunnan_osuus", "kertyma", "talousarvion_vauhti", "kustannus",
    "eur_per_osallistuja", "eur_per_tulos",
}  # fmt: skip
SHARE_COLUMNS = {"kaytetty_osuus", "kulunut_osuus", "jako_osuus", "tulos_osuus"}
COUNT_COLUMNS = {"osallistujat", "suorittaneet", "tyottomyys_paattynyt", "kesken"}


def item_name(code: str, lang: Lang) -> str:
    return t(f"cost_item_{code}", lang)


def kind_name(code: object, lang: Lang) -> str:
    """A training kind as the contract names it in the language (``vocational``)."""
    if code is None:
        return MISSING
    names = {c.fi: (c.fi if lang == "fi" else c.en) for c in TRAINING_KINDS}
    return names.get(str(code), str(code)).replace("_", " ")


def status_text(status: str | None, lang: Lang) -> str:
    return MISSING if status is None else t(f"fin_status_{status}", lang)


def _cell(column: str, value: object, lang: Lang) -> str:
    if column in EURO_COLUMNS:
        return fmt_euros(value, lang)
    if column in SHARE_COLUMNS:
        return fmt_percent(None if value is None else float(str(value)), lang)
    if column in COUNT_COLUMNS:
        return fmt_int(value, lang)  # type: ignore[arg-type]
    if column == "kustannuslaji":
        return item_name(str(value), lang)
    if column == "laji":
        return kind_name(value, lang)
    if column == "kunta" and value == "yhteensa":
        return t("fin_total", lang)
    if column == "status":
        return status_text(value, lang)  # type: ignore[arg-type]
    if isinstance(value, bool):
        return fmt_bool(value, lang)
    return MISSING if value is None else str(value)


def on_screen(df: pl.DataFrame, columns: Sequence[str], lang: Lang) -> pl.DataFrame:
    """``columns`` of ``df`` as text with translated headers; hidden cells as ``<5``."""
    out: dict[str, list[str]] = {}
    for column in columns:
        flag = f"{column}_{SUPPRESSED}"
        hidden = df[flag].to_list() if flag in df.columns else [False] * df.height
        values = df[column].to_list()
        out[t(f"fc_{column}", lang)] = [
            SMALL if h else _cell(column, v, lang) for v, h in zip(values, hidden, strict=True)
        ]
    return pl.DataFrame(out, schema=dict.fromkeys(out, pl.String))


def month_label(year: int, month: int) -> str:
    """``3/2025``: short enough for a column per month and a chart's axis."""
    return f"{month}/{year}"


def periods_wide(periods: pl.DataFrame, grain: str, lang: Lang) -> pl.DataFrame:
    """Bills by period as a table: a row per municipality, a column per month or quarter."""
    if periods.height == 0:
        return pl.DataFrame()
    year = int(periods["year"][0])
    names = {
        k: (month_label(year, k) if grain == "month" else f"Q{k}/{year}")
        for k in periods["kausi"].unique().sort().to_list()
    }
    out: dict[str, list[str]] = {t("fc_kunta", lang): []}
    for name in names.values():
        out[name] = []
    for (kunta,), rows in periods.group_by("kunta", maintain_order=True):
        out[t("fc_kunta", lang)].append(str(kunta))
        for k, v in zip(rows["kausi"].to_list(), rows["kunnan_osuus"].to_list(), strict=True):
            out[names[k]].append(fmt_euros(v, lang))
    return pl.DataFrame(out, schema=dict.fromkeys(out, pl.String))


def cells_wide(cells: pl.DataFrame, bills: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Each municipality's bill by item as a matrix: a row per municipality, a column per
    item (``kunnan_osuus``; ``<5`` where hidden) and the bill last."""
    items = cells["kustannuslaji"].unique(maintain_order=True).to_list()
    flag = f"kunnan_osuus_{SUPPRESSED}"
    out: dict[str, list[str]] = {t("fc_kunta", lang): []}
    for item in items:
        out[item_name(item, lang)] = []
    out[t("fc_kunnan_osuus", lang)] = []
    bill = dict(zip(bills["kunta"].to_list(), bills["kunnan_osuus"].to_list(), strict=True))
    for (kunta,), rows in cells.group_by("kunta", maintain_order=True):
        out[t("fc_kunta", lang)].append(str(kunta))
        hidden = rows[flag].to_list() if flag in rows.columns else [False] * rows.height
        for item, value, h in zip(
            rows["kustannuslaji"].to_list(), rows["kunnan_osuus"].to_list(), hidden, strict=True
        ):
            out[item_name(item, lang)].append(SMALL if h else fmt_euros(value, lang))
        out[t("fc_kunnan_osuus", lang)].append(fmt_euros(bill.get(kunta), lang))
    return pl.DataFrame(out, schema=dict.fromkeys(out, pl.String))
