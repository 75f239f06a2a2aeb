"""The completeness rule of a fetch: every area x month x indicator asked for, once, with a value.

A partial answer (a municipality or a month missing, an empty cell, a cell twice) is refused
as a whole: the stored statistics stay as they were (docs/statistics.md).
"""

from __future__ import annotations

from datetime import date

import polars as pl

from common.settings import Settings
from pipelines.statfin_codes import INDICATORS, wanted_areas
from pipelines.statfin_query import MonthRange, month_code
from pipelines.validation_report import Issue, PipelineError, ValidationReport

MAX_LISTED = 20


def _missing_issue(source: str, kunta: str, month: str, indicator: str) -> Issue:
    return Issue(
        source, None, None, f"{kunta} {month} {indicator}",
        f"Vastauksesta puuttuu {kunta}, {month}, {indicator}. Tilastoja ei tallennettu: "
        "tallennetut tilastot ovat ennallaan. Kuukautta ei ehkä ole vielä julkaistu: "
        "valitse aiempi --to tai hae myöhemmin uudelleen.",
        f"The answer lacks {kunta}, {month}, {indicator}. Nothing was stored: the stored "
        "statistics are unchanged. The month may not be published yet: choose an earlier "
        "--to or fetch again later.",
        "statfin_missing",
    )  # fmt: skip


def complete(
    frame: pl.DataFrame, months: MonthRange, source: str, settings: Settings
) -> pl.DataFrame:
    """The rows of ``months``, when every cell is there; PipelineError listing what is not."""
    rows = frame.filter(pl.col("month") >= months.start)
    if months.end is not None:
        rows = rows.filter(pl.col("month") <= months.end)
    if rows.is_empty():
        raise PipelineError.single(
            source,
            f"Vastauksessa ei ole yhtään pyydettyä kuukautta ({month_code(months.start)} alkaen). "
            "Tallennetut tilastot ovat ennallaan.",
            f"The answer holds none of the months asked for (from {month_code(months.start)}). "
            "The stored statistics are unchanged.",
            "statfin_no_months",
        )
    latest = rows["month"].max()
    assert isinstance(latest, date)
    wanted = pl.DataFrame(
        [
            (a.kunta, m, i)
            for a in wanted_areas(settings)
            for m in months.months(latest)
            for i in INDICATORS
        ],
        schema={"kunta": pl.String, "month": pl.Date, "indicator": pl.String},
        orient="row",
    )
    keys = ["kunta", "month", "indicator"]
    report = ValidationReport()
    twice = rows.group_by(keys).len().filter(pl.col("len") > 1)
    for kunta, month, indicator, _n in twice.sort(keys).head(MAX_LISTED).iter_rows():
        report.add_error(
            Issue(
                source, None, None, f"{kunta} {month_code(month)} {indicator}",
                "Sama tieto on vastauksessa kahdesti. Tallennetut tilastot ovat ennallaan.",
                "The same cell is in the answer twice. The stored statistics are unchanged.",
                "statfin_duplicate",
            )
        )  # fmt: skip
    present = rows.filter(pl.col("value").is_not_null()).select(keys).unique()
    missing = wanted.join(present, on=keys, how="anti").sort(keys)
    issues = [
        _missing_issue(source, k, month_code(m), i)
        for k, m, i in missing.head(MAX_LISTED).iter_rows()
    ]
    report.add_many(issues, missing.height)
    if not report.ok:
        raise PipelineError(report)
    return rows.join(wanted, on=keys, how="semi").sort(keys)
