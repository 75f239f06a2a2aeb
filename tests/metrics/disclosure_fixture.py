"""Hand-made KPI tables for the disclosure attacks: one share metric, every level and area,
built from each municipality's (numerator, denominator) per month and added up the way the
engine rolls municipalities up (metrics.rollup), so the tables are exactly additive."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import numpy as np
import polars as pl

from common.reference import AREA_NAME, municipalities
from metrics.engine import KPI_COLUMNS
from metrics.privacy import area_equations

METRIC = "supplementary_discussions_first_3_months"  # a share over people, a cohort
AS_OF = dt.date(2025, 12, 31)
Counts = Mapping[str, tuple[float, float]]  # kunta -> (numerator, denominator)


def month(m: int) -> tuple[dt.date, dt.date]:
    first = dt.date(2025, m, 1)
    last = (dt.date(2025, m + 1, 1) if m < 12 else dt.date(2026, 1, 1)) - dt.timedelta(days=1)
    return first, last


def table(buckets: Mapping[tuple[dt.date, dt.date], Counts], default: float = 20.0) -> pl.DataFrame:
    """KPI rows of every level for each bucket; a municipality not named has
    ``default``/``default`` (a comfortable 100 % share would trip rule 3: use 10 of 20)."""
    rows = []
    for (start, end), counts in buckets.items():
        per = {m.kunta: counts.get(m.kunta, (default / 2, default)) for m in municipalities()}
        groups: dict[tuple[str, str], list[str]] = {("koko_alue", AREA_NAME): list(per)}
        for m in municipalities():
            groups.setdefault(("palvelualue", m.palvelualue), []).append(m.kunta)
            groups[("kunta", m.kunta)] = [m.kunta]
        for (level, area), kunnat in groups.items():
            num = sum(per[k][0] for k in kunnat)
            den = sum(per[k][1] for k in kunnat)
            rows.append(
                {
                    "metric_id": METRIC, "level": level, "area": area,
                    "period_start": start, "period_end": end, "as_of": AS_OF,
                    "value": num / den if den else None, "numerator": num, "denominator": den,
                    "pending": 0, "target_op": None, "target_value": None, "status": None,
                }
            )  # fmt: skip
    schema = {
        "period_start": pl.Date, "period_end": pl.Date, "as_of": pl.Date, "pending": pl.Int64,
        "target_op": pl.String, "target_value": pl.Float64, "status": pl.String,
        "value": pl.Float64, "numerator": pl.Float64, "denominator": pl.Float64,
    }  # fmt: skip
    return pl.DataFrame(rows, schema_overrides=schema).select(KPI_COLUMNS)


def period_of(monthly: pl.DataFrame, start: dt.date, end: dt.date) -> pl.DataFrame:
    """The period ``[start, end]`` (whole months of ``monthly``) as one KPI table: the sum of
    its months, as an additive metric's period is."""
    inside = monthly.filter((pl.col("period_start") >= start) & (pl.col("period_end") <= end))
    summed = inside.group_by(["metric_id", "level", "area"], maintain_order=True).agg(
        pl.col("numerator").sum(), pl.col("denominator").sum()
    )
    return summed.with_columns(
        pl.lit(start).alias("period_start"), pl.lit(end).alias("period_end"),
        pl.lit(AS_OF).alias("as_of"),
        (pl.col("numerator") / pl.col("denominator")).alias("value"),
        pl.lit(0, dtype=pl.Int64).alias("pending"),
        pl.lit(None, dtype=pl.String).alias("target_op"),
        pl.lit(None, dtype=pl.Float64).alias("target_value"),
        pl.lit(None, dtype=pl.String).alias("status"),
    ).select(KPI_COLUMNS)  # fmt: skip


Cell = tuple[str, str, int]  # level, area, month number


def determined(cells: list[Cell], known: list[list[Cell]]) -> set[Cell]:
    """The attacker's exact linear algebra: the unknowns are every area's figure for every
    month (``cells``); each month adds up over the area hierarchy; each shown figure of any
    table (``known``: the month cells it is the sum of) is one more known equation. A cell is
    recovered when its unit vector lies in the row space, i.e. the null space has no
    component along it."""
    pos = {c: i for i, c in enumerate(cells)}
    rows: list[np.ndarray] = []
    for m in sorted({c[2] for c in cells}):
        of_month = [c for c in cells if c[2] == m]
        for eq in area_equations([c[0] for c in of_month], [c[1] for c in of_month]):
            row = np.zeros(len(cells))
            for child in eq.children:
                row[pos[of_month[child]]] += 1.0
            if eq.parent is not None:
                row[pos[of_month[eq.parent]]] -= 1.0
            rows.append(row)
    for members in known:
        row = np.zeros(len(cells))
        for c in members:
            row[pos[c]] = 1.0
        rows.append(row)
    _, sing, vt = np.linalg.svd(np.array(rows), full_matrices=True)
    rank = int((sing > 1e-9 * float(sing.max())).sum())
    null = vt[rank:].T
    norms = np.abs(null).max(axis=1) if null.size else np.zeros(len(cells))
    return {c for c, n in zip(cells, norms, strict=True) if n < 1e-9}


def shown_sums(suppressed: pl.DataFrame) -> list[list[Cell]]:
    """What an attacker knows from one suppressed table: each shown row as the month cells it
    adds up (its period's months at its area)."""
    out = []
    for row in suppressed.filter(~pl.col("suppressed")).iter_rows(named=True):
        months = range(row["period_start"].month, row["period_end"].month + 1)
        out.append([(row["level"], row["area"], m) for m in months])
    return out
