"""What every breakdown table shares: its SQL, the period relations, areas of a level."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from importlib import resources

import duckdb
import polars as pl

from common.reference import AREA_NAME, SERVICE_AREAS, municipalities
from metrics.definition import ALL_LEVELS
from metrics.sql_context import (
    MetricsError,
    existing_tables,
    open_cursor,
    read_as_of,
    run_metric_sql,
)


def areas_of(level: str) -> list[str]:
    """The areas of a level, in the KPI table's order."""
    if level == "koko_alue":
        return [AREA_NAME]
    if level == "palvelualue":
        return list(SERVICE_AREAS)
    if level == "kunta":
        return [m.kunta for m in municipalities()]
    raise MetricsError(f"tuntematon taso / unknown level {level!r}; use {ALL_LEVELS}")


def _area_expr(level: str, kunta: str = "kunta") -> pl.Expr:
    if level == "koko_alue":
        return pl.lit(AREA_NAME)
    if level == "palvelualue":
        mapping = {m.kunta: m.palvelualue for m in municipalities()}
        return pl.col(kunta).replace_strict(mapping, default=None)
    return pl.col(kunta)


def place(df: pl.DataFrame, level: str, area: str | None, kunta: str = "kunta") -> pl.DataFrame:
    """Adds ``level`` and ``area`` (the area of the level the row's municipality is in) and
    keeps the rows of ``area`` when one is given."""
    names = areas_of(level)
    if area is not None and area not in names:
        raise MetricsError(f"tuntematon alue / unknown area {area!r} on level {level}")
    out = df.with_columns(pl.lit(level).alias("level"), _area_expr(level, kunta).alias("area"))
    return out.filter(pl.col("area") == area) if area is not None else out


def of_area(df: pl.DataFrame, level: str, area: str | None) -> pl.DataFrame:
    """The rows of ``level`` (and of ``area`` when one is given) of a table of every level."""
    if area is not None and area not in areas_of(level):
        raise MetricsError(f"tuntematon alue / unknown area {area!r} on level {level}")
    out = df.filter(pl.col("level") == level)
    return out if area is None else out.filter(pl.col("area") == area)


def run_breakdown_sql(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    start: dt.date,
    end: dt.date,
    *,
    as_of: dt.date | None,
    needs: Sequence[str],
) -> pl.DataFrame | None:
    """Runs ``sql`` against the period's relations; None when an export it needs is missing."""
    if start > end:
        raise MetricsError(
            f"Jakson alku {start} on lopun {end} jälkeen. / Period start {start} is after its end."
        )
    if not set(needs) <= existing_tables(con):
        return None
    a = as_of if as_of is not None else read_as_of(con)
    cur, _ = open_cursor(con, start, end, a, "period")
    try:
        return run_metric_sql(cur, sql, a)
    finally:
        cur.close()


def sql_text(name: str) -> str:
    return resources.files("metrics").joinpath(f"breakdowns_sql/{name}.sql").read_text("utf-8")


def area_grid(level: str, area: str | None, **keys: Sequence[str]) -> pl.DataFrame:
    frame = pl.DataFrame({"level": level, "area": [area] if area else areas_of(level)})
    for name, values in keys.items():
        frame = frame.join(pl.DataFrame({name: list(values)}), how="cross")
    return frame
