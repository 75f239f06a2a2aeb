"""metrics.breakdown_disclosure: month pieces, and the month rule on a hand-made table of
counts (one row = 'a' + 'b', published): a cell is hidden when any month hides it."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from metrics.breakdown_disclosure import month_pieces, under_month_rule
from metrics.privacy import suppress_counts

D = dt.date


@pytest.mark.parametrize(
    ("start", "end", "pieces"),
    [
        (D(2025, 1, 1), D(2025, 1, 31), [(D(2025, 1, 1), D(2025, 1, 31))]),
        (D(2025, 1, 15), D(2025, 3, 3), [(D(2025, 1, 15), D(2025, 1, 31)),
                                         (D(2025, 2, 1), D(2025, 2, 28)),
                                         (D(2025, 3, 1), D(2025, 3, 3))]),
        (D(2024, 12, 31), D(2025, 1, 1), [(D(2024, 12, 31), D(2024, 12, 31)),
                                          (D(2025, 1, 1), D(2025, 1, 1))]),
        (D(2024, 2, 10), D(2024, 2, 29), [(D(2024, 2, 10), D(2024, 2, 29))]),
        (D(2025, 2, 1), D(2025, 1, 31), []),
    ],
)  # fmt: skip
def test_month_pieces(start: dt.date, end: dt.date, pieces: list) -> None:
    assert month_pieces(start, end) == pieces


# cell -> count per month (January, February)
MONTHS = {"a": (10, 2), "b": (10, 10), "c": (0, 0)}


def _table_of(start: dt.date, end: dt.date) -> pl.DataFrame:
    months = range(start.month, end.month + 1)
    counts = {k: sum(v[m - 1] for m in months) for k, v in MONTHS.items()}
    return pl.DataFrame({"key": list(counts), "count": list(counts.values())})


def _protect(table: pl.DataFrame, forced: str | None) -> pl.DataFrame:
    return suppress_counts(table, margins=[()], threshold=5, forced=forced)


def _hidden(out: pl.DataFrame) -> dict[str, bool]:
    return dict(zip(out["key"], out["count_suppressed"], strict=True))


def test_a_cell_hidden_in_a_month_is_hidden_in_the_period() -> None:
    alone = _protect(_table_of(D(2025, 1, 1), D(2025, 2, 28)), None)
    assert not any(alone["count_suppressed"])  # 12 / 20 / 0: nothing small in the period
    out = under_month_rule(_table_of, _protect, D(2025, 1, 1), D(2025, 2, 28), cell=("key",))
    # February's 2 is hidden, so is a's period total; b goes with it (the row's total is
    # published), c is 0 and stays shown.
    assert _hidden(out) == {"a": True, "b": True, "c": False}
    assert out.columns == ["key", "count", "count_suppressed"]
    assert out.filter(pl.col("key") == "a")["count"].to_list() == [None]


def test_one_month_is_its_own_table() -> None:
    out = under_month_rule(_table_of, _protect, D(2025, 1, 1), D(2025, 1, 31), cell=("key",))
    assert _hidden(out) == {"a": False, "b": False, "c": False}
