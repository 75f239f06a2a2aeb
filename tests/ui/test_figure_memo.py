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


def _counting(monkeypatch: pytest.MonkeyPatch, name: str) -> list[tuple[object, ...]]:
    """Replaces ``charts.<name>`` by a counting wrapper; returns the calls' arguments."""
    calls: list[tuple[object, ...]] = []
    real = getattr(charts, name)

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(charts, name, counting)
    return calls


def test_bars_by_area_built_once_per_values_and_theme(monkeypatch: pytest.MonkeyPatch) -> None:
    figure_memo.clear()
    calls = _counting(monkeypatch, "bars_by_area")
    theme = {"value": "light"}
    monkeypatch.setattr(figure_memo, "theme_type", lambda: theme["value"])
    args = (["Joensuu", "Kitee"], [0.8, None], ["80 %", "<5"], ["ok", None], "share", ">=",
            0.75, "fi")  # fmt: skip
    first = figure_memo.bars_by_area(*args)  # type: ignore[arg-type]
    assert figure_memo.bars_by_area(*args) is first and len(calls) == 1  # type: ignore[arg-type]
    other = (["Joensuu", "Kitee"], [0.7, None], ["70 %", "<5"], ["risk", None], "share", ">=",
             0.75, "fi")  # fmt: skip
    assert figure_memo.bars_by_area(*other) is not first  # type: ignore[arg-type]
    theme["value"] = "dark"
    figure_memo.bars_by_area(*args)  # type: ignore[arg-type]
    assert len(calls) == 3
    # the memo's figure is the chart function's figure
    assert first.to_dict() == charts.bars_by_area(*args).to_dict()  # type: ignore[arg-type]
    figure_memo.clear()


def test_breakdown_charts_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    figure_memo.clear()
    bars = _counting(monkeypatch, "bars")
    stacked = _counting(monkeypatch, "stacked")
    monkeypatch.setattr(figure_memo, "theme_type", lambda: "light")
    one = figure_memo.bars(["0–7", "8–14"], [3, 5], "fi", "Päiviä")
    assert figure_memo.bars(["0–7", "8–14"], [3, 5], "fi", "Päiviä") is one
    figure_memo.bars(["0–7", "8–14"], [3, 5], "en", "Days")
    assert len(bars) == 2
    shares = {"Kasvokkain": [60.0, 40.0], "Puhelin": [40.0, 60.0]}
    split = figure_memo.stacked(["Alkuhaastattelu", "Työnhakukeskustelu"], shares, "fi")
    assert (
        figure_memo.stacked(["Alkuhaastattelu", "Työnhakukeskustelu"], dict(shares), "fi") is split
    )
    figure_memo.stacked(["Alkuhaastattelu", "Työnhakukeskustelu"],
                        {"Kasvokkain": [61.0, 39.0], "Puhelin": [39.0, 61.0]}, "fi")  # fmt: skip
    assert len(stacked) == 2
    assert [t.name for t in split.data] == ["Kasvokkain", "Puhelin"]
    figure_memo.clear()


def test_at_most_max_kept_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    figure_memo.clear()
    monkeypatch.setattr(figure_memo, "MAX_KEPT", 3)
    monkeypatch.setattr(figure_memo, "theme_type", lambda: "light")
    first = figure_memo.bars(["a"], [1], "fi", "x")
    for n in range(2, 6):
        figure_memo.bars(["a"], [n], "fi", "x")
    assert figure_memo.bars(["a"], [1], "fi", "x") is not first  # the oldest was let go
    figure_memo.clear()


def test_a_kept_figures_dict_is_taken_once_and_is_the_figures() -> None:
    """st.plotly_chart takes the figure's dict on every draw; a kept figure gives the dict it
    took the first time (no deep copy per draw), equal to the built figure's own."""
    figure_memo.clear()
    fig = figure_memo.trend(_series(0.6), "share", "fi", grain="month", target_op=">=",
                            cohort=False)  # fmt: skip
    built = charts.trend(_series(0.6), "share", "fi", grain="month", target_op=">=", cohort=False)
    first = fig.to_dict()
    assert fig.to_dict() is first
    assert first == built.to_dict()
    assert isinstance(fig, figure_memo.KeptFigure)
