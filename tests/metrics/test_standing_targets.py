"""reference/jatkuvat_tavoitteet.csv: the targets that are not in the plan's yearly table."""

from __future__ import annotations

from pathlib import Path

import pytest

from common.reference import ReferenceError
from metrics.registry import REGISTRY
from metrics.standing_targets import STANDING_FILE, load_standing_targets, standing_target
from metrics.targets import load_targets, target_years
from tests.metrics.kpidb import d

HEADER = "metric_id,voimassa_alkaen,voimassa_asti,target_op,target_value,lahde\n"
COUNTS = ("unemployed_job_seekers", "unemployed_under_25", "long_term_unemployed",
          "unemployed_immigrants")  # fmt: skip


def test_the_shipped_file_holds_the_four_counts_and_the_3_monthly_rule() -> None:
    rows = {t.metric_id: t for t in load_standing_targets()}
    for metric in COUNTS:
        assert rows[metric].year_earlier and rows[metric].target_op == "<"
        assert rows[metric].voimassa_alkaen == d("1.1.2025")
    rule = rows["job_search_discussion_every_3_months"]
    assert (rule.target_op, rule.target_value) == (">=", 1.0)
    assert set(rows) == {*COUNTS, "job_search_discussion_every_3_months"}


def test_a_standing_target_is_only_for_a_metric_the_yearly_file_does_not_list() -> None:
    listed = {m for year in target_years() for m in load_targets(year)}
    assert not listed & {t.metric_id for t in load_standing_targets()}


def test_only_counts_on_a_day_have_the_year_earlier_target() -> None:
    by_id = {m.id: m for m in REGISTRY}
    for row in load_standing_targets():
        if row.year_earlier and row.metric_id in by_id:
            assert by_id[row.metric_id].on_day


def test_in_force_by_the_periods_last_day(tmp_path: Path) -> None:
    (tmp_path / STANDING_FILE).write_text(
        HEADER + "unemployed_job_seekers,2025-01-01,2025-12-31,<,edellinen_vuosi,a\n"
        'unemployed_job_seekers,2026-01-01,,<=,"1200,5",b\n',
        encoding="utf-8",
    )
    assert standing_target("unemployed_job_seekers", d("31.12.2024"), tmp_path) is None
    first = standing_target("unemployed_job_seekers", d("31.12.2025"), tmp_path)
    assert first is not None and first.year_earlier
    later = standing_target("unemployed_job_seekers", d("1.1.2026"), tmp_path)
    assert later is not None and (later.target_op, later.target_value) == ("<=", 1200.5)


def test_no_file_no_standing_targets(tmp_path: Path) -> None:
    assert load_standing_targets(tmp_path) == ()


@pytest.mark.parametrize(("row", "column"), [
    ("unemployed_job_seekers,2025-01-01,,<,,a", None),  # no value
    ("unemployed_job_seekers,2025-01-01,,<,viime_vuosi,a", None),
    ("unemployed_job_seekers,2025-01-01,,=<,edellinen_vuosi,a", None),
    ("unemployed_job_seekers,1.1.2025,,<,edellinen_vuosi,a", None),
    ("unemployed_job_seekers,2025-01-01,2024-12-31,<,edellinen_vuosi,a", "voimassa_asti"),
])  # fmt: skip
def test_a_broken_row_is_an_error_naming_it(tmp_path: Path, row: str, column: str | None) -> None:
    (tmp_path / STANDING_FILE).write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(ReferenceError, match="rivi/row 2") as caught:
        load_standing_targets(tmp_path)
    assert caught.value.column == column


def test_rows_of_one_metric_may_not_overlap(tmp_path: Path) -> None:
    (tmp_path / STANDING_FILE).write_text(
        HEADER + "long_term_unemployed,2025-01-01,,<,edellinen_vuosi,a\n"
        "long_term_unemployed,2026-01-01,,<,edellinen_vuosi,b\n",
        encoding="utf-8",
    )
    with pytest.raises(ReferenceError, match="rivi/row 3"):
        load_standing_targets(tmp_path)
