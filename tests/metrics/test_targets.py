"""Targets as yearly data files: the year used, tolerances, a new year without code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from common.reference import ReferenceError
from metrics import targets as targets_module
from metrics.targets import load_targets, target_years, targets_year_used
from tests.metrics.kpidb import KpiDb, d

REF = Path(__file__).resolve().parents[2] / "reference"


def test_the_2025_file_holds_the_plans_twelve_targets_and_three_rules() -> None:
    targets = load_targets(2025)
    assert len(targets) == 15
    assert targets["employer_contacts"].target_value == 2500
    assert targets["integration_plan_within_30_days"].target_op == ">="
    assert "80 %" in targets["integration_plan_within_30_days"].mittari


@pytest.fixture
def ref_2026(tmp_path: Path) -> Path:
    shutil.copy(REF / "tavoitteet_2025.csv", tmp_path / "tavoitteet_2025.csv")
    lines = (REF / "tavoitteet_2025.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].endswith(",tolerance")  # the column is there, empty = the defaults
    new = [lines[0]]
    for row in lines[1:]:
        row = row.replace("2025,", "2026,", 1)
        if row.startswith("2026,initial_interviews_face_to_face"):
            row = row.replace(">=,0.75", ">=,0.80") + "0.02"
        new.append(row)
    (tmp_path / "tavoitteet_2026.csv").write_text("\n".join(new) + "\n", encoding="utf-8")
    return tmp_path


def test_a_new_year_is_a_new_file(ref_2026: Path) -> None:
    assert target_years(ref_2026) == (2025, 2026)
    assert targets_year_used(d("31.12.2025"), ref_2026) == 2025
    assert targets_year_used(d("1.6.2026"), ref_2026) == 2026
    assert targets_year_used(d("30.6.2027"), ref_2026) == 2026  # latest earlier year
    assert targets_year_used(d("31.12.2024"), ref_2026) == 2025  # before the first file
    t = load_targets(2026, ref_2026)["initial_interviews_face_to_face"]
    assert (t.target_value, t.tolerance) == (0.80, 0.02)
    assert load_targets(2026, ref_2026)["employer_contacts"].tolerance is None


def test_the_kpi_table_takes_the_targets_of_the_year_the_period_ends(
    ref_2026: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(targets_module, "reference_dir", lambda: ref_2026)
    db = KpiDb()
    db.client("A", "Joensuu")
    for day, kanava in [("5.1.2026", "kasvokkain")] * 3 + [("6.1.2026", "puhelin")]:
        db.event("A", "alkuhaastattelu", d(day), kanava=kanava)
    # 3 of 4 = 75 %: meets 2025's >= 75 %; in 2026 the target is 80 % with a 2 pp tolerance.
    rows = db.kpi(
        "initial_interviews_face_to_face",
        d("1.1.2026"),
        d("31.1.2026"),
        as_of=d("31.1.2026"),
        levels=("koko_alue",),
    )
    row = rows["Pohjois-Karjala"]
    assert (row["value"], row["target_value"], row["status"]) == (0.75, 0.80, "off")
    rows = db.kpi(
        "initial_interviews_face_to_face",
        d("1.12.2025"),
        d("31.12.2025"),
        as_of=d("31.1.2026"),
        levels=("koko_alue",),
    )
    assert rows["Pohjois-Karjala"]["target_value"] == 0.75


def test_a_broken_targets_file_names_its_row_and_column(tmp_path: Path) -> None:
    (tmp_path / "tavoitteet_2030.csv").write_text(
        "vuosi,metric_id,target_op,target_value,tavoite,mittari\n"
        "2030,employer_contacts,>,3000,x,y\n"
        "2030,no_such_metric,>,1,x,y\n",
        encoding="utf-8",
    )
    with pytest.raises(ReferenceError) as err:
        load_targets(2030, tmp_path)
    assert (err.value.file, err.value.row, err.value.column) == (
        "tavoitteet_2030.csv",
        3,
        "metric_id",
    )
    (tmp_path / "tavoitteet_2031.csv").write_text(
        "vuosi,metric_id,target_op,target_value,tavoite,mittari\n2031,employer_contacts,=>,1,x,y\n",
        encoding="utf-8",
    )
    with pytest.raises(ReferenceError, match=r"tavoitteet_2031\.csv, rivi/row 2"):
        load_targets(2031, tmp_path)
