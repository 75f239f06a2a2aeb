"""pipelines.checks: row checks as polars masks counted in one pass (examples listed, all
counted, values made safe), and the neighbour test that finds overlapping periods."""

from __future__ import annotations

from datetime import date

import polars as pl

from pipelines.checks import Check, fi_date, overlap_frame, run_checks
from pipelines.validation_report import EXAMPLES_PER_KIND, HIDDEN, ValidationReport

D = date


def test_every_failing_row_is_counted_and_a_few_are_listed() -> None:
    n = EXAMPLES_PER_KIND + 5
    frame = pl.DataFrame({"_row": range(2, n + 2), "c0": ["x"] * n, "v": [None] * n})
    bad = Check(pl.col("v").is_null(), "v", "c0", "Puuttuu.", "Missing.", "required")
    fine = Check(pl.lit(False), "v", None, "-", "-", "never")
    report = ValidationReport()
    run_checks(frame, [bad, fine], "f.csv", report)
    assert len(report.errors) == EXAMPLES_PER_KIND and report.error_count == n
    first = report.errors[0]
    assert (first.file, first.row, first.column, first.value, first.rule) == (
        "f.csv", 2, "v", "x", "required"
    )  # fmt: skip


def test_a_quoted_value_is_made_safe_and_a_null_mask_is_no_error() -> None:
    frame = pl.DataFrame({"_row": [2, 3], "c0": ["010190-123A", "ok"], "v": [1, None]})
    check = Check(pl.col("v") > 0, "v", "c0", "Virhe.", "Error.", "rule")
    report = ValidationReport()
    run_checks(frame, [check], "f.csv", report)
    assert [(i.row, i.value) for i in report.errors] == [(2, HIDDEN)]
    empty = ValidationReport()
    run_checks(frame.head(0), [check], "f.csv", empty)
    assert empty.ok


def test_overlaps_by_neighbours() -> None:
    frame = pl.DataFrame(
        {
            "_row": [2, 3, 4, 5, 6],
            "k": ["A", "A", "B", "B", "C"],
            "s": [D(2025, 3, 1), D(2025, 1, 1), D(2025, 1, 1), D(2025, 2, 1), D(2025, 1, 1)],
            "e": [None, D(2025, 3, 1), D(2025, 2, 1), None, None],
            "raw": ["1.3.2025", "1.1.2025", "1.1.2025", "1.2.2025", "1.1.2025"],
        }
    )
    out = overlap_frame(frame, "k", "s", "e", "raw")
    flagged = out.filter(pl.col("_overlap"))["_row"].to_list()
    # A: the later period starts on the day the earlier ends: no overlap; B likewise
    assert flagged == []
    opened = frame.with_columns(
        pl.when(pl.col("_row") == 3).then(None).otherwise(pl.col("e")).alias("e")
    )
    out = overlap_frame(opened, "k", "s", "e", "raw")
    assert out.filter(pl.col("_overlap"))["_row"].to_list() == [2]  # an open period overlaps
    assert out["k"].to_list() == ["A", "A", "B", "B", "C"]


def test_fi_date() -> None:
    assert fi_date(D(2025, 3, 4)) == "4.3.2025"
