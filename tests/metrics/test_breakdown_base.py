"""metrics.breakdown_base: areas of a level, placing municipality rows in the areas of a
level, a level's rows of a table of every level, the grid of areas x keys, and a breakdown's
SQL run against the period's relations (None when an export is missing)."""

from __future__ import annotations

import polars as pl
import pytest

from common.reference import AREA_NAME, SERVICE_AREAS, municipalities
from metrics.breakdown_base import (
    area_grid,
    areas_of,
    of_area,
    place,
    run_breakdown_sql,
    sql_text,
)
from metrics.sql_context import MetricsError
from tests.metrics.kpidb import KpiDb, d

KUNNAT = [m.kunta for m in municipalities()]


def test_areas_of_each_level() -> None:
    assert areas_of("koko_alue") == [AREA_NAME]
    assert areas_of("palvelualue") == list(SERVICE_AREAS)
    assert areas_of("kunta") == KUNNAT
    with pytest.raises(MetricsError, match="unknown level"):
        areas_of("maakunta")


def test_place_puts_municipalities_in_their_areas() -> None:
    rows = pl.DataFrame({"kunta": ["Kitee", "Liperi", "Kitee"], "n": [1, 2, 3]})
    by_area = place(rows, "palvelualue", None)
    assert by_area["area"].to_list() == ["Keski-Karjala", "Joensuun seutu", "Keski-Karjala"]
    assert set(by_area["level"]) == {"palvelualue"}
    assert place(rows, "kunta", "Kitee")["n"].to_list() == [1, 3]
    assert place(rows, "koko_alue", AREA_NAME).height == 3
    with pytest.raises(MetricsError, match="unknown area"):
        place(rows, "kunta", "Keski-Karjala")  # a service area is not a municipality


def test_of_area_takes_a_level_and_an_area() -> None:
    table = pl.concat(
        [area_grid(level, None) for level in ("koko_alue", "palvelualue", "kunta")]
    ).with_row_index("i")
    assert of_area(table, "palvelualue", None)["area"].to_list() == list(SERVICE_AREAS)
    # Joensuu is both a service area and a municipality: the level tells them apart
    assert of_area(table, "kunta", "Joensuu")["level"].to_list() == ["kunta"]
    with pytest.raises(MetricsError, match="unknown area"):
        of_area(table, "kunta", "Keski-Karjala")


def test_the_grid_is_every_area_times_every_key() -> None:
    grid = area_grid("palvelualue", None, outcome=["a", "b"], kanava=["x", "y", "z"])
    assert grid.height == len(SERVICE_AREAS) * 2 * 3
    assert grid.columns == ["level", "area", "outcome", "kanava"]
    assert area_grid("kunta", "Kitee").rows() == [("kunta", "Kitee")]


def test_a_breakdown_sql_runs_against_the_period_days() -> None:
    db = KpiDb(as_of=d("30.4.2025"))
    db.client("A", "Kitee")
    for day in ("31.1.2025", "1.2.2025", "28.2.2025", "1.3.2025"):
        db.event("A", "alkuhaastattelu", d(day), kanava="puhelin")
    out = run_breakdown_sql(db.con, sql_text("channel_split"), d("1.2.2025"), d("28.2.2025"),
                            as_of=None, needs=("tapahtumat", "asiakkaat"))  # fmt: skip
    assert out is not None and out.rows() == [("Kitee", "alkuhaastattelu", "puhelin", 2)]
    missing = run_breakdown_sql(db.con, "SELECT 1", d("1.2.2025"), d("28.2.2025"),
                                as_of=None, needs=("no_such_export",))  # fmt: skip
    assert missing is None
    with pytest.raises(MetricsError, match="is after its end"):
        run_breakdown_sql(db.con, "SELECT 1", d("2.2.2025"), d("1.2.2025"), as_of=None, needs=())
