"""The dashboard's Vega-Lite specifications (what each chart draws, in the viewer's format) and
the SVG pictures the server draws from them."""

from __future__ import annotations

import base64
import json
import re
from datetime import date
from typing import Any

import pytest

from ui import charts
from ui.status_style import STATUS_STYLES, TARGET_LINE_COLOUR


def _layers_of(spec: dict[str, Any], mark: str) -> list[dict[str, Any]]:
    out = []
    for layer in spec["layer"]:
        m = layer["mark"]
        if (m if isinstance(m, str) else m["type"]) == mark:
            out.append(layer)
    return out


def test_bars_by_area_colour_icon_and_labelled_target_line() -> None:
    spec = charts.bars_by_area(
        ["Joensuu", "Lieksa"],
        [0.8, None],
        ["80,0 %", "<5"],
        ["ok", None],
        "share",
        ">=",
        0.75,
        "fi",
    )
    rows = spec["data"]["values"]
    assert [r["x"] for r in rows] == [80.0, 0.0]  # percent; a hidden value draws no bar
    assert rows[0]["text"] == "80,0 %  " + STATUS_STYLES["ok"].icon
    assert rows[0]["colour"] == STATUS_STYLES["ok"].colour
    assert rows[1]["text"].startswith("<5")  # the hidden value keeps its label
    (rule,) = _layers_of(spec, "rule")
    assert rule["encoding"]["x"]["datum"] == 75.0
    assert rule["mark"]["color"] == TARGET_LINE_COLOUR and rule["mark"]["strokeDash"]
    labels = [layer["encoding"]["text"] for layer in _layers_of(spec, "text")]
    assert {"value": "tavoite ≥\u00a075\u00a0%"} in labels
    assert spec["config"]["locale"]["number"]["decimal"] == ","


def test_bars_by_area_without_a_target_has_no_line_and_no_icons() -> None:
    spec = charts.bars_by_area(["A"], [12.5], ["12,5"], [None], "count", None, None, "en")
    assert not _layers_of(spec, "rule")
    assert spec["data"]["values"][0]["text"] == "12,5"
    assert "locale" not in spec["config"]  # English: Vega's own number format


def test_trend_with_a_constant_target_draws_a_labelled_rule() -> None:
    starts = [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
    spec = charts.trend(starts, [0.5, None, 0.7], "share", ">=", [0.75] * 3, "fi")
    rows = spec["data"]["values"]
    assert rows[0]["start"] == "2026-01-01T00:00:00"  # local midnight: no day shift
    assert rows[1]["y"] is None  # a gap, not a zero
    assert rows[2]["text"] == "1.3.2026: 70,0\u00a0%"
    (rule,) = _layers_of(spec, "rule")
    assert rule["encoding"]["y"]["datum"] == 75.0
    assert spec["layer"][0]["encoding"]["x"]["axis"]["format"] == "%-m/%Y"


def test_trend_with_a_pro_rated_target_draws_a_dashed_line_through_the_buckets() -> None:
    starts = [date(2026, 1, 5), date(2026, 1, 12)]
    spec = charts.trend(starts, [40.0, 55.0], "count", ">", [48.0, 96.0], "en", grain="week")
    assert not _layers_of(spec, "rule")
    lines = _layers_of(spec, "line")
    assert len(lines) == 2 and lines[1]["mark"]["strokeDash"]
    assert [r["target"] for r in spec["data"]["values"]] == [48.0, 96.0]
    (label,) = [layer for layer in _layers_of(spec, "text") if "transform" in layer]
    assert label["encoding"]["text"] == {"value": "target"}
    flagged = [r.get("target_label", False) for r in spec["data"]["values"]]
    assert flagged == [False, True]  # the label sits at the last bucket
    assert spec["layer"][0]["encoding"]["x"]["axis"]["format"] == "%-d %b"


@pytest.mark.parametrize(
    ("targets", "expected"),
    [([0.75, 0.75, None], 0.75), ([48.0, 96.0], None), ([None, None], None), ([], None)],
)
def test_constant_target(targets: list[float | None], expected: float | None) -> None:
    assert charts.constant_target(targets) == expected


def test_stacked_shares_keep_the_order_of_the_parts() -> None:
    spec = charts.stacked(
        ["alku", "tyonhaku"], {"kasvokkain": [60.0, 50.0], "puhelin": [40.0, 50.0]}, "fi"
    )
    rows = spec["data"]["values"]
    assert [r["order"] for r in rows] == [0, 0, 1, 1]
    assert rows[0]["tip"] == "alku · kasvokkain: 60,0\u00a0%"
    colour = spec["layer"][0]["encoding"]["color"]
    assert colour["scale"]["domain"] == ["kasvokkain", "puhelin"]


def test_text_follows_the_theme(monkeypatch: pytest.MonkeyPatch) -> None:
    class Theme:
        type = "dark"

    class Context:
        theme = Theme()

    monkeypatch.setattr(charts.st, "context", Context())
    spec = charts.bars(["0–7"], [3.0], "fi")
    assert spec["config"]["text"]["color"] == "#F4F6F8"
    assert spec["config"]["axis"]["labelColor"] == "#F4F6F8"
    assert spec["config"]["legend"]["titleColor"] == "#F4F6F8"


def _svg(picture: str) -> str:
    match = re.search(r'src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"', picture)
    assert match, picture[:200]
    return base64.b64decode(match.group(1)).decode("utf-8")


def test_picture_is_an_svg_with_the_charts_text_in_finnish() -> None:
    """The server draws the chart: an <img> of an SVG with its alternative text, every month
    label (none hidden as overlapping), the labelled target line and Finnish numbers, on a
    transparent background (so the dark theme shows through)."""
    starts = [date(2026, m, 1) for m in range(1, 11)]
    values = [0.82, 0.84, 0.85, 0.87, 0.86, 0.85, 0.85, 0.88, 0.86, 0.875]
    spec = charts.trend(starts, values, "share", ">=", [0.75] * 10, "fi")
    picture = charts.picture_html(spec, 'Kasvokkain "alkuhaastattelut"')
    alt = 'alt="Kasvokkain &quot;alkuhaastattelut&quot;"'
    assert picture.startswith(f'<img class="kpi-chart" {alt}')
    svg = _svg(picture)
    assert svg.startswith("<svg")
    shown = re.findall(r'opacity="1">(\d+/2026)</text>', svg)
    assert shown == [f"{m}/2026" for m in range(1, 11)]
    assert "tavoite ≥\u00a075\u00a0%" in svg
    assert '<rect width="' not in svg.split("<g", 1)[0]  # no background rectangle
    counts = charts.bars(["0–7", "yli 30"], [30.0, 1234.0], "fi")
    svg = _svg(charts.picture_html(counts, "jakauma"))
    assert ">1\u202f234<" in svg  # the bar's label, formatted in Python (ui/formatting.py)
    assert ">1\u00a0200<" in svg  # the axis, in the Finnish locale of the spec


def test_picture_fetches_nothing() -> None:
    """A spec that points at a URL is refused while drawing: the pictures draw only the data
    the server put into them."""
    spec = charts.bars(["a"], [1.0], "fi")
    spec["data"] = {"url": "http://127.0.0.1:9/data.csv"}
    with pytest.raises(ValueError):
        charts.svg_of(json.dumps(spec))


def test_the_same_spec_is_drawn_once(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[str] = []
    real = charts.chart_renderer.draw

    def counting(spec_json: str) -> str:
        drawn.append(spec_json)
        return real(spec_json)

    monkeypatch.setattr(charts.chart_renderer, "draw", counting)
    spec = charts.bars(["drawn once"], [3.0], "fi")
    first = charts.picture_html(spec, "a")
    assert charts.picture_html(spec, "a") == first
    assert len(drawn) == 1
