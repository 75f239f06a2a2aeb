"""metrics.disclosure_series: a trend series judged as one system: each bucket across the
area hierarchy and each area's buckets against its period total (hand-made monthly rows of
tests/metrics/disclosure_fixture)."""

from __future__ import annotations

import polars as pl

from common.reference import SERVICE_AREAS, municipalities
from metrics.cell_suppression import determined_cells
from metrics.disclosure_series import protect_series, series_equations
from metrics.privacy import basis_expr
from tests.metrics.disclosure_fixture import month, table

AREAS = 1 + len(SERVICE_AREAS) + len(municipalities())


def test_equations_per_bucket_and_per_series() -> None:
    rows = table({month(m): {} for m in (1, 2, 3)})
    equations = series_equations(rows)
    per_bucket = 2 + len(SERVICE_AREAS)  # whole = areas, whole = kunnat, each area = kunnat
    assert len(equations) == 3 * per_bucket + AREAS
    sums = [e for e in equations if e.parent is None and len(e.children) == 3]
    assert len(sums) == AREAS  # each area's three months add up to its period total


def test_a_lone_hidden_month_gets_a_second_one() -> None:
    rows = table({month(1): {"Liperi": (1.0, 2.0)}, month(2): {}, month(3): {}})
    out = protect_series(rows)
    liperi = out.filter((pl.col("level") == "kunta") & (pl.col("area") == "Liperi"))
    assert liperi["suppressed"].sum() >= 2  # January alone would be the total minus the rest
    assert liperi.filter(pl.col("period_start") == month(1)[0])["value"].to_list() == [None]
    hidden = {i for i, f in enumerate(out["suppressed"].to_list()) if f}
    assert not determined_cells(series_equations(rows), hidden)
    assert out.columns == [*rows.columns, "suppressed", "pending_suppressed"]


def test_nothing_small_nothing_hidden() -> None:
    rows = table({month(m): {} for m in (1, 2)})
    out = protect_series(rows)
    assert not out["suppressed"].any() and not out["pending_suppressed"].any()
    assert all(v >= 5 for v in out.select(basis_expr()).to_series().to_list())
