"""The board report: one offline HTML file, A4 print rules, one goal per page, the small-number
token, Finnish formats and the plan's own indicator text."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any

import polars as pl

from metrics import privacy
from metrics.engine import KPI_COLUMNS
from ui import board_report

START, END, AS_OF = date(2026, 1, 1), date(2026, 10, 31), date(2026, 10, 31)


def _row(
    metric_id: str,
    value: float | None,
    num: float,
    den: float | None,
    op: str,
    target: float,
    status: str | None,
    start: date = START,
    end: date = END,
) -> dict[str, object]:
    return {
        "metric_id": metric_id,
        "level": "koko_alue",
        "area": "Pohjois-Karjala",
        "period_start": start,
        "period_end": end,
        "as_of": AS_OF,
        "value": value,
        "numerator": num,
        "denominator": den,
        "pending": None,
        "target_op": op,
        "target_value": target,
        "status": status,
    }


def _input(
    rows: list[dict[str, object]], monthly: list[dict[str, object]]
) -> board_report.ReportInput:
    frame = pl.DataFrame(rows, schema_overrides={"pending": pl.Int64}).select(KPI_COLUMNS)
    months = pl.DataFrame(monthly, schema_overrides={"pending": pl.Int64}).select(KPI_COLUMNS)
    return board_report.ReportInput(
        lang="fi",
        area_label="Koko alue (Pohjois-Karjala)",
        start=START,
        end=END,
        as_of=AS_OF,
        loaded_at=datetime(2026, 11, 2, 8, 15),
        targets_label="vuoden 2025 tavoitteet",
        rows=privacy.suppress(frame),
        monthly=privacy.suppress(months),
        indicators={"initial_interviews_face_to_face": "Alkuhaastatteluista 75 % kasvokkain"},
    )


def build() -> str:
    rows = [
        _row("initial_interviews_face_to_face", 0.753, 753, 1000, ">=", 0.75, "ok"),
        _row("vacancy_fill_time_days", 3.0, 9, 3, "<", 22, "ok"),
        _row("employer_contacts", 2100, 2100, None, ">", 2082.19, "risk"),
    ]
    monthly = [
        _row(
            "initial_interviews_face_to_face",
            v,
            v * 100,
            100,
            ">=",
            0.75,
            "ok",
            date(2026, m, 1),
            date(2026, m, 28),
        )
        for m, v in ((1, 0.7), (2, 0.8), (3, 0.76))
    ] + [
        _row(
            "vacancy_fill_time_days",
            v,
            v * 3,
            3,
            "<",
            22,
            "ok",
            date(2026, m, 1),
            date(2026, m, 28),
        )
        for m, v in ((1, 20.5), (2, 24.0))
    ]
    return board_report.build(_input(rows, monthly))


def _without_plotly_js(html: str) -> str:
    """The file with the inlined plotly.js library cut out (its own source names URLs in
    strings it never fetches here, e.g. map tiles)."""
    scripts = re.findall(r"<script[^>]*>.*?</script>", html, flags=re.S)
    library = [s for s in scripts if "* plotly.js v" in s]
    assert len(library) == 1
    return html.replace(library[0], "")


def test_one_offline_file_that_prints_one_goal_per_page() -> None:
    html = build()
    assert html.startswith("<!DOCTYPE html>") and html.endswith("</html>")
    assert re.search(r"<script[^>]*\bsrc=", html) is None
    assert html.count("* plotly.js v") == 1  # plotly.js inlined exactly once
    assert html.count("Plotly.newPlot") == 2  # two metrics with a monthly trend
    rest = _without_plotly_js(html)
    assert re.search(r"https?://", rest) is None  # no external URL anywhere else
    assert re.search(r"<(link|img|iframe)\b", rest) is None
    assert "@page { size: A4" in html
    assert html.count('<section class="goal">') == 2  # lähipalvelut and kohtaanto
    assert "break-before: page" in html


def test_values_statuses_and_texts() -> None:
    html = build()
    assert "75,3\u00a0%" in html and "≥\u00a075\u00a0%" in html
    assert "✔ Tavoitteessa" in html and "▲" in html
    assert "2\u202f100" in html  # employer contacts in Finnish thousands
    assert "31.10.2026" in html and "2.11.2026 klo 8.15" in html
    assert "Alkuhaastatteluista 75 % kasvokkain" in html
    assert "Määritelmä" in html


def _figures(html: str) -> list[tuple[list[dict[str, Any]], dict[str, Any], dict[str, Any]]]:
    """(data, layout, config) of every ``Plotly.newPlot`` call in the file."""
    decoder = json.JSONDecoder()
    out = []
    for match in re.finditer(r'Plotly\.newPlot\(\s*"[^"]+",\s*', html):
        at = match.end()
        parts = []
        for _ in range(3):
            value, end = decoder.raw_decode(html, at)
            parts.append(value)
            at = end + len(html[end:]) - len(html[end:].lstrip(", \n"))
        out.append((parts[0], parts[1], parts[2]))
    return out


def test_the_trend_is_the_dashboards_figure_on_white_paper() -> None:
    """ui/charts.py draws the report's trend too: Finnish hover texts, the target labelled
    right of the plot, white background and dark text for print, no mode bar."""
    (data, layout, config), _ = _figures(build())
    (marks,) = [d for d in data if d.get("mode") == "markers"]
    assert marks["customdata"][1] == "2/2026<br>80,0\u00a0% (80 / 100)<br>tavoite ≥\u00a075\u00a0%"
    (label,) = layout["annotations"]
    assert label["text"] == "tavoite<br>≥\u00a075\u00a0%" and label["x"] >= 1
    assert layout["paper_bgcolor"] == "#FFFFFF" and layout["font"]["color"] == "#111418"
    assert layout["separators"] == ",\u00a0" and layout["width"] == board_report.CHART_WIDTH_PX
    assert config["displayModeBar"] is False


def test_small_numbers_are_suppressed() -> None:
    html = build()
    # three vacancies: not people, so shown; a share over three people would be "<5".
    assert "3,0\u00a0vrk" in html
    rows = [_row("initial_interviews_face_to_face", 0.5, 1, 2, ">=", 0.75, "off")]
    small = board_report.build(_input(rows, rows))
    assert "&lt;5" in small and "50,0" not in small
