"""The order the loader stores the large exports in: by the year of their main date.

DuckDB keeps a min/max of every column per row group (122 880 rows) and skips the row groups
a filter rules out, including the filters it derives at run time from a join (a metric's
``JOIN kpi_days AS p ON p.d = t.pvm`` becomes ``pvm BETWEEN first AND last day``). Stored as
exported (by client), every row group spans every year and a query for one year reads all
of them. Stored a year after another, a query for one year reads that year's row groups.

Why the year and not the date: within a year the rows keep the export's order (by client),
and the metrics join the events to their client (asiakkaat, job-search periods, status
spells) by ``asiakas_id``. A client's rows next to each other make those hash joins hit the
same entries one after another; sorted by date, every probe lands somewhere else and the
joins cost more than the skipped row groups save (measured, docs/pipelines.md).

The split is stable (a filter keeps the rows' order), so the same files give the same table,
and a frame already in year order (one year's export, or one sorted by date) is written as it is.
"""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

# The export -> the date column its rows are grouped by, a year after another.
STORAGE_ORDER: dict[str, str] = {
    "tapahtumat": "pvm",
    "tilajaksot": "alkupvm",
    "tyonhakujaksot": "alkupvm",
    "palvelujaksot": "alkupvm",
    "yrityskontaktit": "pvm",
    "koulutukset": "loppupvm",
}


def storage_parts(export: str, frame: pl.DataFrame) -> Iterator[pl.DataFrame]:
    """The export's rows in storage order, one part per year (rows without the date last).

    One year's part at a time is a copy, never the whole frame again, so the load's peak
    memory grows by the largest year, not by the export."""
    column = STORAGE_ORDER.get(export)
    if column is None or frame.is_empty():
        yield frame
        return
    year = frame[column].dt.year()
    if year.is_sorted(nulls_last=True):
        yield frame
        return
    for value in year.unique().sort(nulls_last=True):
        yield frame.filter(year.is_null() if value is None else year == value)
