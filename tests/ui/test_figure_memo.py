"""The trend figures kept per process: the same arguments give the same figure, built once;
other rows (a new load), another language or theme build another."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from ui import charts, figure_memo


def _series(value: float) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "metric_id": ["m", "m"],
            "period_start": [date(2025, 1, 1), date(2025, 2, 1)],
            "period_end": [date(2025, 1, 31), date(2025, 2, 28)],
            "as_of": [date(2025, 3, 31)] * 2,
            "value": [0.5, value],
            "numerator": [5, 6],
            "denominator": [10, 10],
            "pending": [None, None],
            "target_value": [0.75, 0.75],
        }
    )


def test_built_once_per_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    figure_memo.clear()
    built: list[str] = []
    real = charts.trend

    def counting(*args: object, **kwargs: object) -> object:
        built.append(str(args[2]))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(charts, "trend", counting)
    theme = {"value": "light"}
    monkeypatch.setattr(figure_memo, "theme_type", lambda: theme["value"])
    kwargs = {"grain": "month", "target_op": ">=", "cohort": False}
    first = figure_memo.trend(_series(0.6), "share", "fi", **kwargs)  # type: ignore[arg-type]
    again = figure_memo.trend(_series(0.6), "share", "fi", **kwargs)  # type: ignore[arg-type]
    assert first is again and built == ["fi"]
    figure_memo.trend(_series(0.7), "share", "fi", **kwargs)  # type: ignore[arg-type]
    figure_memo.trend(_series(0.6), "share", "en", **kwargs)  # type: ignore[arg-type]
    theme["value"] = "dark"
    figure_memo.trend(_series(0.6), "share", "fi", **kwargs)  # type: ignore[arg-type]
    assert built == ["fi", "fi", "en", "fi"]
    figure_memo.clear()
