"""The rule of ``kustannusjako`` over a whole year (docs/spec/DATA_CONTRACT.md): every one of
the 13 municipalities has a percentage, none is negative, and they add up to 100 (± 0.01).
A year that breaks it is one error naming the year and the sum, at the year's first row."""

from __future__ import annotations

from decimal import Decimal

import polars as pl

from common.reference import municipalities
from pipelines.validation_report import Issue, ValidationReport

SUM_TOLERANCE = Decimal("0.01")


def _fi(number: Decimal) -> str:
    return format(number.normalize(), "f").replace(".", ",")


def check_cost_shares(frame: pl.DataFrame, file: str, report: ValidationReport) -> None:
    names = {m.kunta for m in municipalities()}
    rows = frame.drop_nulls(["vuosi", "kunta", "osuus"])
    for row, osuus in rows.filter(pl.col("osuus") < 0).select("_row", "osuus").iter_rows():
        report.add_error(
            Issue(
                file, int(row), "osuus", _fi(osuus),
                "Prosenttiosuus ei voi olla negatiivinen.",
                "A percentage cannot be negative.",
                "negative_share",
            )
        )  # fmt: skip
    years = rows.group_by("vuosi").agg(
        pl.col("_row").min().alias("first"),
        pl.col("osuus").sum().alias("total"),
        pl.col("kunta").unique().alias("kunnat"),
    )
    for year, first, total, kunnat in years.sort("vuosi").iter_rows():
        missing = sorted(names - set(kunnat))
        total = Decimal(total)
        if not missing and abs(total - 100) <= SUM_TOLERANCE:
            continue
        lacks_fi = f" Puuttuvat kunnat: {', '.join(missing)}." if missing else ""
        lacks_en = f" Missing municipalities: {', '.join(missing)}." if missing else ""
        report.add_error(
            Issue(
                file, int(first), "osuus", None,
                f"Vuoden {year} prosenttiosuuksien summa on {_fi(total)}; kaikilla 13 kunnalla "
                f"on oltava osuus ja osuuksien summan on oltava 100 (± 0,01).{lacks_fi}",
                f"The percentages of {year} add up to {format(total.normalize(), 'f')}; all 13 "
                f"municipalities need a share and the shares must add up to 100 (± 0.01)."
                f"{lacks_en}",
                "cost_shares",
            )
        )  # fmt: skip
