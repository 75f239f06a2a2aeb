"""The project's copy of the service plan's figures is complete and consistent."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from common import reference
from common.data_contract import PERSON_COST_ITEMS
from common.reference import ReferenceError, fold, municipality_lookup

REF = Path(__file__).resolve().parents[2] / "reference"


def test_thirteen_municipalities_in_four_service_areas() -> None:
    rows = reference.municipalities()
    assert len(rows) == 13
    assert {m.palvelualue for m in rows} == set(reference.SERVICE_AREAS)
    assert sum(m.palvelualue == "Pielisen Karjala" for m in rows) == 3


def test_person_years_add_up_per_service_point_as_the_plan_lists_them() -> None:
    # Independent of the code: sum the raw CSV rows and compare with the plan's totals.
    totals: dict[str, float] = {}
    with (REF / "henkilosto_2025.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            totals[row["kunta"]] = totals.get(row["kunta"], 0.0) + float(row["htv"])
    with (REF / "palvelupisteet.csv").open(encoding="utf-8") as fh:
        plan = {row["kunta"]: float(row["htv_yhteensa"]) for row in csv.DictReader(fh)}
    assert set(totals) == set(plan)
    for kunta, htv in plan.items():
        assert totals[kunta] == pytest.approx(htv), kunta
    assert sum(plan.values()) == pytest.approx(168.0)
    assert reference.htv_by_service_point(2025) == pytest.approx(plan)
    reference.validate_all()


def test_staffing_of_a_year_without_a_file_uses_the_latest_earlier_one() -> None:
    assert reference.staffing(2027) == reference.staffing(2025)


def test_a_broken_total_is_reported_with_file_and_column(tmp_path: Path) -> None:
    for name in ("kunnat.csv", "henkilosto_2025.csv"):
        (tmp_path / name).write_bytes((REF / name).read_bytes())
    text = (REF / "palvelupisteet.csv").read_text(encoding="utf-8").replace(",110.8", ",111.8")
    (tmp_path / "palvelupisteet.csv").write_text(text, encoding="utf-8")
    with pytest.raises(ReferenceError) as info:
        reference.validate_all(tmp_path)
    assert info.value.file == "henkilosto_2025.csv" and info.value.column == "htv"
    assert "Joensuu" in str(info.value)


@pytest.mark.parametrize(
    ("cell", "name"),
    [
        ("Joensuu", "Joensuu"),
        (" RÄÄKKYLÄ ", "Rääkkylä"),
        ("raakkyla", "Rääkkylä"),
        ("090", "Heinävesi"),
        ("90", "Heinävesi"),
        ("707", "Rääkkylä"),
        ("Helsinki", None),
        ("91", None),
    ],
)
def test_municipality_cells_resolve_by_name_or_code(cell: str, name: str | None) -> None:
    assert municipality_lookup().resolve(cell) == name


def test_fold_follows_the_header_rules() -> None:
    assert fold(" Syntymävuosi ") == "syntymavuosi"
    assert fold("Tuottaja-kunta") == "tuottaja_kunta"
    assert fold("client id") == "client_id"


def test_cost_items_of_2025_follow_the_plan() -> None:
    items = reference.cost_items_on(date(2025, 6, 1))
    causation = {k for k, v in items.items() if v}
    assert causation == set(PERSON_COST_ITEMS) | {"ostopalvelut"}
    assert {k for k, v in items.items() if not v} == {"henkilosto", "toimitilat", "ict", "muu"}
    assert reference.cost_items_on(date(2024, 12, 31)) == {}


def test_a_cost_item_moves_by_a_dated_row(tmp_path: Path) -> None:
    (tmp_path / "kustannuslajit.csv").write_text(
        "kustannuslaji,aiheuttamisperusteinen,voimassa_alkaen,voimassa_asti\n"
        "ict,false,2025-01-01,2026-12-31\nict,true,2027-01-01,\n",
        encoding="utf-8",
    )
    assert reference.cost_items_on(date(2026, 12, 31), tmp_path) == {"ict": False}
    assert reference.cost_items_on(date(2027, 1, 1), tmp_path) == {"ict": True}


def test_overlapping_cost_item_rows_are_refused(tmp_path: Path) -> None:
    (tmp_path / "kustannuslajit.csv").write_text(
        "kustannuslaji,aiheuttamisperusteinen,voimassa_alkaen,voimassa_asti\n"
        "ict,false,2025-01-01,\nict,true,2027-01-01,\n",
        encoding="utf-8",
    )
    with pytest.raises(ReferenceError) as info:
        reference.cost_items(tmp_path)
    assert info.value.row == 3
