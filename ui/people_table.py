"""Any table of the dashboard (the KPI table, a series, a breakdown, a register) as the
people's download sees it: headers and words in the reader's language, each cell marked as
a percentage, a count, another number, a date or text (metrics.kpi_file_people writes it).

- KPI rows: the metric's name from the registry, the level's name, the status in words
  (Tavoitteessa / Riskissä / Ei tavoitteessa), the target's direction as ``≥``; ``value``
  and ``target_value`` by the metric's unit (a share is a percentage, a count an integer),
  and a unit column after the value.
- Other tables: a ``share`` column is a percentage, codes (event type, channel, outcome,
  unit) their names, ``True``/``False`` Kyllä/Ei (Yes/No), integral numbers integers.
- A cell hidden by the small-number rule is ``<5`` (its flag column is left out), as on
  screen: the file equals the screen.
"""

from __future__ import annotations

from datetime import date, datetime

import polars as pl

from metrics import registry
from metrics.kpi_file_cells import flag_columns, hidden_masks
from metrics.kpi_file_people import CellKind, PeopleCell, PeopleTable
from metrics.privacy import SMALL
from ui.formatting import UNIT_SUFFIX
from ui.i18n import TEXTS, Lang, t
from ui.status_style import status_style

# Header text keys of the KPI table's columns (the others: ``bcol_<col>`` or ``col_<col>``).
KPI_HEADERS = {
    "metric_id": "col_metric",
    "level": "col_level",
    "area": "col_area",
    "period_start": "people_col_period_start",
    "period_end": "people_col_period_end",
    "as_of": "people_col_as_of",
    "value": "col_value",
    "numerator": "col_numerator",
    "denominator": "col_denominator",
    "pending": "col_pending",
    "target_op": "people_col_target_op",
    "target_value": "col_target",
    "status": "col_status",
}
CODE_COLUMNS = ("tyyppi", "kanava", "yksikko", "outcome")
LEFT_OUT = ("lower", "upper")  # the fill-time buckets' bounds: the bucket's label says them
UNIT_COLUMN = "unit"
OPS = {">=": "≥", "<=": "≤", ">": ">", "<": "<"}


def header(col: str, lang: Lang) -> str:
    if col == UNIT_COLUMN:
        return t("people_col_unit", lang)
    for key in (KPI_HEADERS.get(col, ""), f"bcol_{col}", f"col_{col}"):
        if key in TEXTS:
            return t(key, lang)
    return col


def unit_text(unit: str, lang: Lang) -> str:
    if unit == "share":
        return "%"
    fi_suffix, en_suffix = UNIT_SUFFIX[unit]
    return (fi_suffix if lang == "fi" else en_suffix) or t("people_unit_count", lang)


def _number(value: object, kind: CellKind | None = None) -> PeopleCell:
    if isinstance(value, bool):
        return PeopleCell(value, "text")
    if isinstance(value, int):
        return PeopleCell(value, kind or "integer")
    if isinstance(value, float):
        integral = kind is None and value.is_integer()
        return PeopleCell(value, "integer" if integral else kind or "decimal")
    return PeopleCell(value, "text")


def _by_unit(value: object, unit: str) -> PeopleCell:
    kind: CellKind = {"share": "percent", "count": "integer"}.get(unit, "decimal")  # type: ignore[assignment]
    return _number(value, kind)


def _cell(col: str, value: object, row: dict[str, object], lang: Lang) -> PeopleCell:
    if value is None:
        return PeopleCell(None, "text")
    metric = registry.get(str(row["metric_id"])) if "metric_id" in row else None
    if col == "metric_id" and metric is not None:
        return PeopleCell(metric.title_fi if lang == "fi" else metric.title_en, "text")
    if col == "level" and f"level_{value}" in TEXTS:
        return PeopleCell(t(f"level_{value}", lang), "text")
    if col == "status" and metric is not None:
        style = status_style(str(value), metric.has_target and row.get("target_op") is not None)
        return PeopleCell(t(style.text_key, lang), "text")
    if col == "target_op":
        return PeopleCell(OPS.get(str(value), str(value)), "text")
    if col in ("value", "target_value") and metric is not None:
        return _by_unit(value, metric.unit)
    if col == "share" or col.endswith("_share"):
        return _number(value, "percent")
    if col in CODE_COLUMNS and f"code_{value}" in TEXTS:
        return PeopleCell(t(f"code_{value}", lang), "text")
    if isinstance(value, bool):
        return PeopleCell(t("yes" if value else "no", lang), "text")
    if isinstance(value, datetime):
        return PeopleCell(value, "datetime")
    if isinstance(value, date):
        return PeopleCell(value, "date")
    return _number(value)


def people_table(df: pl.DataFrame, lang: Lang) -> PeopleTable:
    """``df`` (as the screen shows it: small-number flags included) for people."""
    flags = set(flag_columns(df))
    columns = [c for c in df.columns if c not in flags and c not in LEFT_OUT]
    kpi_rows = "metric_id" in columns and "value" in columns
    if kpi_rows:
        at = columns.index("value") + 1
        columns = [*columns[:at], UNIT_COLUMN, *columns[at:]]
    masks = hidden_masks(df)
    out: list[tuple[PeopleCell, ...]] = []
    for i, row in enumerate(df.iter_rows(named=True)):
        cells: list[PeopleCell] = []
        for col in columns:
            if col == UNIT_COLUMN:
                unit = registry.get(str(row["metric_id"])).unit
                cells.append(PeopleCell(unit_text(unit, lang), "text"))
            elif col in masks and masks[col][i]:
                cells.append(PeopleCell(SMALL, "text"))
            else:
                cells.append(_cell(col, row[col], row, lang))
        out.append(tuple(cells))
    return PeopleTable(tuple(header(c, lang) for c in columns), tuple(out))
