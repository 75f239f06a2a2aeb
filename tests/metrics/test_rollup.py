"""metrics.rollup: the grid of metric x level x area x bucket, and the roll-up of municipality
rows to service areas and the whole area by adding numerators, denominators and pending."""

from __future__ import annotations

import datetime as dt

import polars as pl

from common.reference import AREA_NAME, SERVICE_AREAS, municipalities
from metrics.registry import get
from metrics.rollup import grid_of, roll_up

SHARE = get("initial_interviews_face_to_face")  # every level
WHOLE = get("ecosystem_groups_started")  # whole area only
JAN = (dt.date(2025, 1, 1), dt.date(2025, 1, 31))
FEB = (dt.date(2025, 2, 1), dt.date(2025, 2, 28))


def _kunnat(*extra: tuple[str, str]) -> pl.DataFrame:
    rows = [(m.kunta, m.palvelualue) for m in municipalities()] + list(extra)
    return pl.DataFrame(rows, schema=["kunta", "palvelualue"], orient="row")


def test_the_grid_has_every_area_of_every_level_the_metric_has() -> None:
    grid = grid_of([SHARE, WHOLE], [JAN, FEB], _kunnat(), ("koko_alue", "palvelualue", "kunta"))
    share = grid.filter(pl.col("metric_id") == SHARE.id)
    assert share.height == 2 * (1 + len(SERVICE_AREAS) + len(municipalities()))
    first = share.filter(pl.col("b_start") == JAN[0])
    assert first["area"].to_list() == [
        AREA_NAME,
        *SERVICE_AREAS,
        *(m.kunta for m in municipalities()),
    ]
    whole = grid.filter(pl.col("metric_id") == WHOLE.id)
    assert set(whole["level"]) == {"koko_alue"} and whole.height == 2
    assert set(grid["b_end"]) == {JAN[1], FEB[1]}


def test_the_grid_keeps_only_the_levels_asked_and_puts_unknown_areas_last() -> None:
    kunnat = _kunnat(("Öljylä", "Uusi alue"), ("Aaltola", "Uusi alue"))
    grid = grid_of([SHARE], [JAN], kunnat, ("palvelualue", "kunta"))
    assert "koko_alue" not in set(grid["level"])
    assert grid.filter(pl.col("level") == "palvelualue")["area"].to_list()[-1] == "Uusi alue"
    assert grid.filter(pl.col("level") == "kunta")["area"].to_list()[-2:] == ["Aaltola", "Öljylä"]


def test_roll_up_adds_municipalities_to_their_service_area_and_the_whole_area() -> None:
    raw = pl.DataFrame(
        {
            "metric_id": [SHARE.id, SHARE.id, SHARE.id, WHOLE.id],
            "b_start": [JAN[0]] * 4,
            "kunta": ["Kitee", "Rääkkylä", "Joensuu", None],
            "numerator": [3.0, 1.0, 10.0, 2.0],
            "denominator": [4.0, 2.0, 20.0, 5.0],
            "pending": [1, 0, 2, None],
        }
    )
    out = roll_up(raw, _kunnat(), [SHARE, WHOLE])
    got = {(r["metric_id"], r["level"], r["area"]): (r["numerator"], r["denominator"], r["pending"])
           for r in out.iter_rows(named=True)}  # fmt: skip
    assert got[(SHARE.id, "kunta", "Kitee")] == (3.0, 4.0, 1)
    assert got[(SHARE.id, "palvelualue", "Keski-Karjala")] == (4.0, 6.0, 1)
    assert got[(SHARE.id, "palvelualue", "Joensuu")] == (10.0, 20.0, 2)
    assert got[(SHARE.id, "koko_alue", AREA_NAME)] == (14.0, 26.0, 3)
    # a whole-area metric has no municipality: it goes to the whole area as it is
    assert got[(WHOLE.id, "koko_alue", AREA_NAME)] == (2.0, 5.0, 0)
    assert not any(k[0] == WHOLE.id and k[1] != "koko_alue" for k in got)
    assert out.columns == ["metric_id", "level", "area", "b_start", "numerator", "denominator",
                           "pending"]  # fmt: skip
