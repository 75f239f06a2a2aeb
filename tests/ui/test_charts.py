"""The dashboard's Plotly figures (ui/charts.py): hover texts in Finnish and English, the
target line and where its label sits, integer ticks on counts, partial weeks and months,
pending cases beside cohort shares, the mode bar, and the theme."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from typing import Any

import plotly.graph_objects as go
import polars as pl
import pytest

from common.settings import PROJECT_ROOT
from ui import chart_style, charts
from ui.status_style import OKABE_ITO, STATUS_STYLES, TARGET_LINE_COLOUR

NBSP = "\u00a0"


def series(
    starts: list[date],
    values: list[float | None],
    *,
    as_of: date,
    grain: str = "week",
    end: date | None = None,
    targets: list[float | None] | None = None,
    pending: list[int | None] | None = None,
    denominators: list[float | None] | None = None,
    suppressed: list[bool] | None = None,
) -> pl.DataFrame:
    """Series rows as metrics.series returns them (after the small-number rule): each bucket
    clipped to the period ``[starts[0], end]``."""
    last = end or as_of
    ends = []
    for s in starts:
        if grain == "week":
            e = s + timedelta(days=6 - s.weekday())
        else:
            e = (s.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        ends.append(min(e, last))
    n = len(starts)
    return pl.DataFrame(
        {
            "metric_id": ["m"] * n,
            "period_start": starts,
            "period_end": ends,
            "as_of": [as_of] * n,
            "value": values,
            "denominator": denominators or [10.0] * n,
            "pending": pending or [None] * n,
            "target_value": targets or [0.75] * n,
            "suppressed": suppressed or [False] * n,
            "pending_suppressed": [False] * n,
        },
        schema_overrides={"pending": pl.Int64, "value": pl.Float64, "target_value": pl.Float64},
    )


def points(fig: go.Figure) -> Any:
    """The trace with the points and their hover texts (named "arvo" / "value")."""
    (trace,) = [d for d in fig.data if d.type == "scatter" and d.mode == "markers"]
    return trace


WEEKS = [date(2025, 3, 3), date(2025, 3, 10), date(2025, 3, 17)]  # weeks 10, 11, 12


def test_weekly_hover_in_finnish_and_english() -> None:
    frame = series(WEEKS, [0.753, 0.5, 0.8], as_of=date(2025, 3, 23))
    fi = points(charts.trend(frame, "share", "fi", grain="week", target_op=">="))
    assert (
        fi.customdata[0] == f"Viikko 10: 3.3.–9.3.2025<br>75,3{NBSP}%<br>tavoite ≥{NBSP}75{NBSP}%"
    )
    assert fi.hovertemplate == "%{customdata}<extra></extra>"
    en = points(charts.trend(frame, "share", "en", grain="week", target_op=">="))
    assert en.customdata[0] == "Week 10: 3 Mar – 9 Mar 2025<br>75.3%<br>target ≥ 75%".replace(
        "≥ ", f"≥{NBSP}"
    )


@pytest.mark.parametrize(
    ("unit", "value", "lang", "shown"),
    [
        ("days", 21.94, "fi", f"21,9{NBSP}vrk"),
        ("days", 21.94, "en", f"21.9{NBSP}days"),
        ("count", 2175.0, "fi", "2\u202f175"),
        ("count", 2175.0, "en", "2,175"),
    ],
)
def test_monthly_hover_names_the_month_and_formats_the_value(
    unit: str, value: float, lang: str, shown: str
) -> None:
    months = [date(2025, 3, 1), date(2025, 4, 1)]
    frame = series(months, [value, value], as_of=date(2025, 4, 30), grain="month")
    fig = charts.trend(frame, unit, lang, grain="month")  # type: ignore[arg-type]
    first = points(fig).customdata[0].split("<br>")
    assert first[0] == ("3/2025" if lang == "fi" else "Mar 2025")
    assert first[1] == shown


@pytest.mark.parametrize(("lang", "separators"), [("fi", f",{NBSP}"), ("en", ".,")])
def test_axis_numbers_use_the_viewers_separators(lang: str, separators: str) -> None:
    fig = charts.bars(["a"], [1500.0], lang)  # type: ignore[arg-type]
    assert fig.layout.separators == separators


def test_a_constant_target_is_a_dashed_line_labelled_outside_the_plotting_area() -> None:
    """The label sits right of the plot (paper x >= 1, anchored on its left), in a margin
    wide enough for it: it can never cover the line or a point, wherever the data lie."""
    frame = series(WEEKS, [0.74, 0.75, 0.76], as_of=date(2025, 3, 23))  # data on the target
    fig = charts.trend(frame, "share", "fi", grain="week", target_op=">=")
    (shape,) = fig.layout.shapes
    assert shape.y0 == shape.y1 == 75.0
    assert shape.line.dash == "dash" and shape.line.color == TARGET_LINE_COLOUR
    (label,) = fig.layout.annotations
    assert label.text == f"tavoite<br>≥{NBSP}75{NBSP}%"
    assert label.xref == "paper" and label.x >= 1 and label.xanchor == "left"
    assert fig.layout.margin.r >= chart_style.label_width_px(label.text)


def test_a_pro_rated_target_is_a_dashed_line_through_the_buckets_labelled_at_the_edge() -> None:
    frame = series(WEEKS, [40.0, 55.0, 60.0], as_of=date(2025, 3, 23), targets=[48.0, 96.0, 144])
    fig = charts.trend(frame, "count", "en", grain="week", target_op=">")
    (target,) = [d for d in fig.data if d.name == "target"]
    assert list(target.y) == [48.0, 96.0, 144.0] and target.line.dash == "dash"
    (label,) = fig.layout.annotations
    assert (label.text, label.y) == ("target", 144.0)
    assert label.xref == "paper" and label.x >= 1 and label.xanchor == "left"
    assert fig.layout.showlegend  # line and target: a click on the legend hides one
    assert points(fig).customdata[1].endswith("target 96")


def test_the_area_bars_target_label_sits_above_the_plot() -> None:
    fig = charts.bars_by_area(
        ["Joensuu", "Lieksa"],
        [0.8, None],
        ["80,0 %", "<5"],
        ["ok", None],
        "share",
        ">=",
        0.75,
        "fi",
    )
    (label,) = fig.layout.annotations
    assert label.yref == "paper" and label.y >= 1 and label.yanchor == "bottom"
    assert label.text == f"tavoite ≥{NBSP}75{NBSP}%" and fig.layout.margin.t >= 30
    (shape,) = fig.layout.shapes
    assert shape.x0 == shape.x1 == 75.0 and shape.line.dash == "dash"
    bar = fig.data[0]
    assert list(bar.x) == [80.0, 0.0]  # percent; a hidden value draws no bar
    assert list(bar.text) == ["80,0 %  " + STATUS_STYLES["ok"].icon, "<5  ○"]
    assert bar.marker.color[0] == STATUS_STYLES["ok"].colour
    assert bar.customdata[0] == "Joensuu<br>80,0 %<br>✔ Tavoitteessa"  # status in words too


def test_area_bars_without_a_target_have_no_line_and_no_icons() -> None:
    fig = charts.bars_by_area(["A"], [12.5], ["12,5"], [None], "count", None, None, "en")
    assert not fig.layout.shapes and not fig.layout.annotations
    assert list(fig.data[0].text) == ["12,5"]


@pytest.mark.parametrize(
    ("top", "step"),
    [(0, 1), (1, 1), (2, 1), (4, 1), (5, 1), (7, 2), (12, 5), (40, 10), (1234, 500)],
)
def test_count_ticks_are_whole_numbers(top: float, step: int) -> None:
    assert chart_style.nice_step(top) == step


@pytest.mark.parametrize("counts", [[0.0, 1.0, 2.0], [1.0], [0.0, 0.0], [3.0, 1.0, 2.0, 4.0]])
def test_small_counts_get_integer_ticks_from_zero(counts: list[float]) -> None:
    """Plotly's own ticks on 0..2 are 0, 0.5, 1 …, which ``,d`` printed as 0, 1, 1, 2, 2."""
    fig = charts.bars([str(i) for i in range(len(counts))], counts, "fi")
    axis = fig.layout.yaxis
    assert axis.tickformat == ",d" and axis.dtick >= 1 and axis.tick0 == 0
    assert axis.range[0] == 0 and axis.range[1] >= max(counts)


def test_a_count_trend_has_integer_ticks_from_zero() -> None:
    frame = series(WEEKS, [1.0, 2.0, 0.0], as_of=date(2025, 3, 23), targets=[None] * 3)
    axis = charts.trend(frame, "count", "fi", grain="week").layout.yaxis
    assert axis.tickformat == ",d" and axis.dtick >= 1 and axis.range[0] == 0


def test_partial_first_and_last_weeks_are_hollow_dotted_and_named() -> None:
    """1.1.2026 is a Thursday and the data end on Tuesday 13.1.: weeks 1 and 3 are partial."""
    starts = [date(2026, 1, 1), date(2026, 1, 5), date(2026, 1, 12)]
    frame = series(starts, [0.2, 0.8, 0.1], as_of=date(2026, 1, 13), end=date(2026, 12, 31))
    fig = charts.trend(frame, "share", "fi", grain="week", target_op=">=")
    marks = points(fig)
    assert list(marks.marker.symbol) == ["circle-open", "circle", "circle-open"]
    assert marks.customdata[0].startswith("Viikko 1: 1.1.–4.1.2026 · osittainen viikko 1.1.–4.1.")
    assert marks.customdata[2].startswith(
        "Viikko 3: 12.1.–18.1.2026 · osittainen viikko 12.1.–13.1."
    )
    solid = next(d for d in fig.data if d.mode == "lines" and d.line.dash is None)
    assert list(solid.y) == [None, 80.0, None]  # the solid line joins whole weeks only
    dotted = next(d for d in fig.data if d.line.dash == "dot")
    assert [y for y in dotted.y if y is not None] == [80.0, 20.0, 80.0, 10.0]
    en = points(charts.trend(frame, "share", "en", grain="week"))
    assert "partial week 12 Jan – 13 Jan" in en.customdata[2]


def test_a_partial_month_and_buckets_not_begun() -> None:
    """The period is the year, the data end on 14.10.: October is partial, November and
    December had not begun and are left out."""
    months = [date(2026, m, 1) for m in (9, 10, 11, 12)]
    frame = series(months, [0.5, 0.6, None, None], as_of=date(2026, 10, 14), grain="month",
                   end=date(2026, 12, 31))  # fmt: skip
    marks = points(charts.trend(frame, "share", "fi", grain="month"))
    assert len(marks.x) == 2
    assert marks.customdata[1].startswith("10/2026 · osittainen kuukausi 1.10.–14.10.")
    assert list(marks.marker.symbol) == ["circle", "circle-open"]


def test_cohort_shares_show_the_pending_cases_beside_them() -> None:
    frame = series(WEEKS, [0.9, 1.0, 1.0], as_of=date(2025, 3, 23), pending=[3, 12, 40],
                   denominators=[30.0, 20.0, 2.0])  # fmt: skip
    fig = charts.trend(frame, "share", "fi", grain="week", target_op=">=", cohort=True)
    (bars,) = [d for d in fig.data if d.type == "bar"]
    assert bars.name == "kesken" and list(bars.y) == [3, 12, 40]
    assert bars.yaxis == "y2" and fig.layout.yaxis2.tickformat == ",d"
    assert points(fig).customdata[2].endswith("<br>kesken 40")
    assert fig.layout.showlegend  # the pending bars can be hidden from the legend


def test_a_cohort_without_pending_cases_to_show_has_no_empty_bar_panel() -> None:
    frame = series(WEEKS, [0.9, 1.0, 1.0], as_of=date(2025, 3, 23), pending=[0, None, 0])
    frame = frame.with_columns(pending_suppressed=pl.Series([False, True, False]))
    fig = charts.trend(frame, "share", "fi", grain="week", target_op=">=", cohort=True)
    assert not [d for d in fig.data if d.type == "bar"] and "yaxis2" not in fig.layout
    assert points(fig).customdata[1].endswith("<br>kesken alle 5")
    assert points(fig).customdata[0].endswith("<br>kesken 0")


def test_the_line_is_sky_blue_on_the_dark_theme_and_blue_on_paper(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(chart_style, "theme_type", lambda: "dark")
    frame = series(WEEKS, [0.5, 0.6, 0.7], as_of=date(2025, 3, 23))
    fig = charts.trend(frame, "share", "fi", grain="week", target_op=">=")
    assert points(fig).marker.color == OKABE_ITO["sky_blue"]
    assert charts.bars(["a"], [1.0], "fi").data[0].marker.color == OKABE_ITO["sky_blue"]
    chart_style.on_paper(fig, width=640)  # the report is printed on white
    assert points(fig).marker.color == OKABE_ITO["blue"]
    assert {d.line.color for d in fig.data if d.legendgroup == "value"} == {OKABE_ITO["blue"]}


def test_the_figures_leave_text_and_background_colours_to_the_theme() -> None:
    """st.plotly_chart's Streamlit theme colours text, grid and background for the light or
    the dark theme; the figures set only the series' Okabe–Ito colours and the grey target."""
    frame = series(WEEKS, [0.5, 0.6, 0.7], as_of=date(2025, 3, 23))
    figures = [
        charts.trend(frame, "share", "fi", grain="week", target_op=">="),
        charts.bars(["a", "b"], [1.0, 2.0], "fi"),
        charts.stacked(["a"], {"x": [60.0], "y": [40.0]}, "fi"),
        charts.bars_by_area(["A"], [0.8], ["80 %"], ["ok"], "share", ">=", 0.75, "fi"),
    ]
    for fig in figures:
        layout = fig.layout
        assert layout.font.color is None and layout.paper_bgcolor is None
        assert layout.plot_bgcolor is None and layout.xaxis.gridcolor is None
    assert points(figures[0]).marker.color == OKABE_ITO["blue"]
    paper = chart_style.on_paper(figures[0], width=640)
    assert paper.layout.paper_bgcolor == "#FFFFFF" and paper.layout.font.color == "#111418"


class _FakeStreamlit:
    def __init__(self, presenting: bool) -> None:
        self.session_state = {chart_style.PRESENTATION_KEY: presenting}
        self.calls: list[dict[str, Any]] = []

    def plotly_chart(self, fig: go.Figure, **kwargs: Any) -> None:
        self.calls.append(kwargs)


@pytest.mark.parametrize("presenting", [True, False])
def test_the_mode_bar_is_hidden_when_presenting_and_reduced_otherwise(
    monkeypatch: pytest.MonkeyPatch, presenting: bool
) -> None:
    fake = _FakeStreamlit(presenting)
    monkeypatch.setattr(chart_style, "st", fake)
    charts.show(charts.bars(["a"], [1.0], "fi"), "Täyttöajat: jakauma")
    (call,) = fake.calls
    assert call["theme"] == "streamlit" and call["alt"] == "Täyttöajat: jakauma"
    config = call["config"]
    assert config["displaylogo"] is False
    if presenting:
        assert config["displayModeBar"] is False
    else:
        assert "displayModeBar" not in config
        removed = set(config["modeBarButtonsToRemove"])
        assert {"lasso2d", "select2d", "zoom2d", "pan2d"} <= removed
        assert not {"toImage", "resetScale2d"} & removed
        assert config["toImageButtonOptions"]["filename"] == "täyttöajat_jakauma"


def test_stacked_shares_keep_the_order_of_the_parts() -> None:
    fig = charts.stacked(
        ["alku", "tyonhaku"], {"kasvokkain": [60.0, 50.0], "puhelin": [40.0, 50.0]}, "fi"
    )
    assert [d.name for d in fig.data] == ["kasvokkain", "puhelin"]
    assert fig.data[0].customdata[0] == f"alku · kasvokkain: 60,0{NBSP}%"
    assert fig.layout.barmode == "stack" and fig.layout.showlegend


@pytest.mark.parametrize(
    ("targets", "expected"),
    [([0.75, 0.75, None], 0.75), ([48.0, 96.0], None), ([None, None], None), ([], None)],
)
def test_constant_target(targets: list[float | None], expected: float | None) -> None:
    assert charts.constant_target(targets) == expected


def test_nothing_imports_vl_convert() -> None:
    """The charts are Plotly: no source file names vl-convert, and a fresh interpreter that
    imports every module of ui/ and the app's other packages never loads it."""
    sources = [
        p
        for p in PROJECT_ROOT.rglob("*.py")
        if not p.relative_to(PROJECT_ROOT).parts[0].startswith((".venv", ".tools"))
        and "artifacts" not in p.relative_to(PROJECT_ROOT).parts
    ]
    assert sources
    assert [p for p in sources if "vl_convert" in p.read_text(encoding="utf-8")] == [
        PROJECT_ROOT / "tests" / "ui" / "test_charts.py"
    ]
    code = (
        "import importlib, pkgutil, sys\n"
        "import ui, metrics, access, common\n"
        "for pkg in (ui, metrics, access, common):\n"
        "    for m in pkgutil.iter_modules(pkg.__path__):\n"
        "        importlib.import_module(f'{pkg.__name__}.{m.name}')\n"
        "print('ui.charts' in sys.modules, 'vl_convert' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["True", "False"]
