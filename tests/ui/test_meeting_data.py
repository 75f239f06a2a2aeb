"""The weekly meeting's data: status changes between two KPI tables (hand-made rows), the
municipality × target matrix against the KPI table of the sample, the municipalities' order
and the months rule of "a month earlier"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest

from common.reference import AREA_NAME, municipalities
from metrics import disclosure, registry
from tests.app.conftest import sample_db  # noqa: F401  (the session fixture, shared)
from ui import meeting_data
from ui.view import WHOLE_AREA, AreaChoice

SHARE = "initial_interviews_face_to_face"
OTHER = "job_search_discussions_face_to_face"
THIRD = "caseworkers_making_job_offers"


def _row(metric_id: str, status: str | None, *, hidden: bool = False) -> dict[str, object]:
    return {"metric_id": metric_id, "status": None if hidden else status, "suppressed": hidden}


def test_a_metric_that_went_from_ok_to_off_is_listed_and_one_that_stayed_is_not() -> None:
    before = {SHARE: _row(SHARE, "ok"), OTHER: _row(OTHER, "risk")}
    now = {SHARE: _row(SHARE, "off"), OTHER: _row(OTHER, "risk")}
    changes = meeting_data.status_changes(now, before)
    assert [(c.metric.id, c.before, c.after) for c in changes] == [(SHARE, "ok", "off")]


def test_changes_follow_the_registry_order() -> None:
    before = {THIRD: _row(THIRD, "off"), SHARE: _row(SHARE, "risk")}
    now = {THIRD: _row(THIRD, "ok"), SHARE: _row(SHARE, "ok")}
    ids = [c.metric.id for c in meeting_data.status_changes(now, before)]
    order = [m.id for m in registry.REGISTRY]
    assert ids == sorted(ids, key=order.index) == [SHARE, THIRD]


@pytest.mark.parametrize(
    ("before", "now"),
    [
        (_row(SHARE, "ok", hidden=True), _row(SHARE, "off")),  # hidden last week
        (_row(SHARE, "ok"), _row(SHARE, "off", hidden=True)),  # hidden now
        (_row(SHARE, None), _row(SHARE, "off")),  # no value last week
        (_row(SHARE, "ok"), _row(SHARE, None)),  # no value now
        (None, _row(SHARE, "off")),  # no row last week
    ],
)
def test_a_hidden_or_empty_cell_never_makes_a_change(
    before: dict[str, object] | None, now: dict[str, object]
) -> None:
    earlier = {SHARE: before} if before is not None else {}
    assert meeting_data.status_changes({SHARE: now}, earlier) == []


def test_rows_for_an_area_fall_back_to_the_whole_area_for_area_only_metrics() -> None:
    table = pl.DataFrame(
        {
            "metric_id": [SHARE, SHARE, "ecosystem_groups_started"],
            "level": ["koko_alue", "kunta", "koko_alue"],
            "area": [AREA_NAME, "Lieksa", AREA_NAME],
            "status": ["ok", "off", "risk"],
        }
    )
    rows = meeting_data.rows_for_area(table, AreaChoice("kunta", "Lieksa"))
    assert rows[SHARE]["area"] == "Lieksa"
    assert rows["ecosystem_groups_started"]["area"] == AREA_NAME


def test_the_chosen_service_area_comes_first_and_a_chosen_municipality_first_of_all() -> None:
    plan = [m.kunta for m in municipalities()]
    assert meeting_data.municipality_order(WHOLE_AREA) == plan
    keski = [m.kunta for m in municipalities() if m.palvelualue == "Keski-Karjala"]
    order = meeting_data.municipality_order(AreaChoice("palvelualue", "Keski-Karjala"))
    assert order[: len(keski)] == keski and sorted(order) == sorted(plan)
    order = meeting_data.municipality_order(AreaChoice("kunta", "Rääkkylä"))
    assert order[0] == "Rääkkylä" and set(order[: len(keski)]) == set(keski)
    assert meeting_data.home_municipalities(WHOLE_AREA) == []


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 10, 31), date(2026, 9, 30)),
        (date(2026, 3, 31), date(2026, 2, 28)),
        (date(2024, 3, 30), date(2024, 2, 29)),
        (date(2026, 1, 15), date(2025, 12, 15)),
    ],
)
def test_a_month_earlier_follows_the_months_rule(day: date, expected: date) -> None:
    assert meeting_data.minus_months(day, 1) == expected


def test_the_matrix_shows_each_municipality_s_status_from_the_kpi_table(
    sample_db: Path,  # noqa: F811
) -> None:
    con = duckdb.connect(str(sample_db), read_only=True)
    try:
        table = disclosure.disclose(con, date(2026, 1, 1), date(2026, 10, 31)).period
    finally:
        con.close()
    order = meeting_data.municipality_order(AreaChoice("palvelualue", "Pielisen Karjala"))
    rows = meeting_data.matrix(table, order, "fi")
    kunta = table.filter(pl.col("level") == "kunta")
    expected_ids = {
        m
        for m in kunta.filter(pl.col("target_op").is_not_null())["metric_id"].unique()
        if registry.get(m).has_target
    }
    assert {r.metric.id for r in rows} == expected_ids
    assert "employer_contacts" not in expected_ids  # its target is the whole area's only
    seen_status = set()
    for row in rows:
        assert [k for k, _ in row.cells] == order
        for k, shown in row.cells:
            kpi = kunta.filter((pl.col("metric_id") == row.metric.id) & (pl.col("area") == k))
            assert shown.status == kpi["status"].item(), (row.metric.id, k)
            assert shown.suppressed == kpi["suppressed"].item()
            seen_status.add(shown.status)
    assert {"ok", "off"} <= seen_status  # the sample has cells of both kinds


def test_municipal_changes_come_from_the_municipalities_own_rows() -> None:
    def table(statuses: dict[tuple[str, str], str]) -> pl.DataFrame:
        keys = list(statuses)
        return pl.DataFrame(
            {
                "metric_id": [m for m, _ in keys],
                "level": ["koko_alue" if a == AREA_NAME else "kunta" for _, a in keys],
                "area": [a for _, a in keys],
                "status": list(statuses.values()),
                "suppressed": [False] * len(keys),
            }
        )

    before = table({(SHARE, "Lieksa"): "ok", (SHARE, "Nurmes"): "risk", (OTHER, AREA_NAME): "ok"})
    now = table({(SHARE, "Lieksa"): "off", (SHARE, "Nurmes"): "risk", (OTHER, AREA_NAME): "off"})
    changes = meeting_data.municipal_changes(now, before, ["Nurmes", "Lieksa"])
    assert [(k, c.metric.id, c.before, c.after) for k, c in changes] == [
        ("Lieksa", SHARE, "ok", "off")  # Nurmes stayed; the whole area's change is not theirs
    ]
