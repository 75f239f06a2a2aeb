"""Areas of the KPI table: the grid of metric × level × area × bucket rows every table has,
and the roll-up of municipality rows to service areas and the whole area (by adding
numerators, denominators and pending counts)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import polars as pl

from common.reference import AREA_NAME, SERVICE_AREAS, municipalities
from metrics.definition import ALL_LEVELS, MetricDefinition

KEYS = ["metric_id", "level", "area", "b_start"]


def _area_order(kunnat: pl.DataFrame) -> tuple[list[str], list[str]]:
    """(service areas, municipalities) in the reference file's order, unknown ones last."""
    ordered = [m.kunta for m in municipalities()]
    names = kunnat["kunta"].to_list()
    kuntas = [k for k in ordered if k in names] + sorted(k for k in names if k not in ordered)
    areas = set(kunnat["palvelualue"].to_list())
    palvelualueet = [p for p in SERVICE_AREAS if p in areas] + sorted(areas - set(SERVICE_AREAS))
    return palvelualueet, kuntas


def grid_of(
    defs: list[MetricDefinition],
    all_buckets: list[tuple[dt.date, dt.date]],
    kunnat: pl.DataFrame,
    levels: Sequence[str],
) -> pl.DataFrame:
    palvelualueet, kuntas = _area_order(kunnat)
    areas_of = {"koko_alue": [AREA_NAME], "palvelualue": palvelualueet, "kunta": kuntas}
    rows: dict[str, list[object]] = {
        k: [] for k in ("metric_id", "_m", "level", "_l", "area", "_a")
    }
    for mi, m in enumerate(defs):
        for li, level in enumerate(ALL_LEVELS):
            if level not in levels or level not in m.levels:
                continue
            for ai, area in enumerate(areas_of[level]):
                for key, val in zip(rows, (m.id, mi, level, li, area, ai), strict=True):
                    rows[key].append(val)
    schema = {"metric_id": pl.String, "_m": pl.Int32, "level": pl.String,
              "_l": pl.Int32, "area": pl.String, "_a": pl.Int32}  # fmt: skip
    frame = pl.DataFrame(rows, schema=schema)
    spans = pl.DataFrame(
        {"b_start": [b[0] for b in all_buckets], "b_end": [b[1] for b in all_buckets]},
        schema={"b_start": pl.Date, "b_end": pl.Date},
    )
    return frame.join(spans, how="cross")


def roll_up(raw: pl.DataFrame, kunnat: pl.DataFrame, defs: list[MetricDefinition]) -> pl.DataFrame:
    """Sums municipality rows to every level; metrics without municipalities go to koko_alue."""
    whole_only = [m.id for m in defs if m.levels == ("koko_alue",)]
    sums = [pl.col("numerator").sum(), pl.col("denominator").sum(), pl.col("pending").sum()]
    placed = raw.filter(~pl.col("metric_id").is_in(whole_only)).join(kunnat, on="kunta")
    pieces = [
        placed.group_by("metric_id", "b_start", pl.col("kunta").alias("area")).agg(sums)
        .with_columns(pl.lit("kunta").alias("level")),
        placed.group_by("metric_id", "b_start", pl.col("palvelualue").alias("area")).agg(sums)
        .with_columns(pl.lit("palvelualue").alias("level")),
        placed.group_by("metric_id", "b_start").agg(sums)
        .with_columns(pl.lit(AREA_NAME).alias("area"), pl.lit("koko_alue").alias("level")),
        raw.filter(pl.col("metric_id").is_in(whole_only)).group_by("metric_id", "b_start").agg(sums)
        .with_columns(pl.lit(AREA_NAME).alias("area"), pl.lit("koko_alue").alias("level")),
    ]  # fmt: skip
    cols = [*KEYS, "numerator", "denominator", "pending"]
    return pl.concat([p.select(cols) for p in pieces])
