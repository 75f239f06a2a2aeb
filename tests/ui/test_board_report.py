"""The board report: one offline HTML file, A4 print rules, one goal per page, the small-number
token, Finnish formats and the plan's own indicator text."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import polars as pl

from access.director_notes import Note
from metrics import privacy
from metrics.engine import KPI_COLUMNS
from metrics.series import Projection
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
    rows: list[dict[str, object]], monthly: list[dict[str, object]], **extra: Any
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
        **extra,
    )


ROWS = [
    _row("initial_interviews_face_to_face", 0.753, 753, 1000, ">=", 0.75, "ok"),
    _row("vacancy_fill_time_days", 3.0, 9, 3, "<", 22, "ok"),
    _row("employer_contacts", 2100, 2100, None, ">", 2082.19, "risk"),
]


def build() -> str:
    rows = ROWS
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
    assert html.count('<table class="goal">') == 2  # lähipalvelut and kohtaanto
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


def test_the_year_earlier_line_is_in_its_metric_block() -> None:
    """The report carries the line "a year earlier" of ui/year_earlier_view.py, escaped, in
    the block of its own metric only."""
    rows = [
        _row("initial_interviews_face_to_face", 0.753, 753, 1000, ">=", 0.75, "ok"),
        _row("vacancy_fill_time_days", 3.0, 9, 3, "<", 22, "ok"),
    ]
    data = replace(
        _input(rows, rows),
        year_earlier={"initial_interviews_face_to_face": "vuotta aiemmin <5"},
    )
    html = board_report.build(data)
    blocks = re.findall(r'<div class="metric".*?<p class="definition">', html, flags=re.S)
    assert len(blocks) == 2
    assert '<p class="year-earlier">vuotta aiemmin &lt;5</p>' in blocks[0]
    assert "year-earlier" not in blocks[1]


def test_every_printed_page_has_the_area_period_as_of_and_its_number() -> None:
    """CSS paged-media margin boxes (Chromium prints them from version 131 on)."""
    html = build()
    page = html[html.index("@page") : html.index("body {")]
    assert '@bottom-right { content: "Sivu " counter(page) " / " counter(pages)' in page
    assert '"Koko alue (Pohjois-Karjala) · 1.1.–31.10.2026 · Tiedot päivään 31.10.2026"' in page


def test_a_goal_heading_repeats_on_every_page_it_continues_onto() -> None:
    """Each goal is a table whose heading is its ``<thead>`` (repeated by the browser on
    every printed page the table spans); every metric is a row that never splits."""
    html = build()
    goal = html[html.index('<table class="goal">') :]
    goal = goal[: goal.index("</table>")]
    head, body = goal.split("</thead>")
    assert "<h2>Lähipalvelujen ja kasvokkaisen" in head
    assert body.count('<div class="metric"') == body.count("<tr><td>") == 1
    assert "table.goal > thead { display: table-header-group; }" in html
    assert "table.goal > tbody > tr { break-inside: avoid;" in html


def test_the_directors_text_is_under_its_goal_as_plain_text() -> None:
    note = Note(
        "kohtaanto",
        START,
        END,
        "Syy: <script>alert(1)</script>\nToimenpide: lisää rekrytoijia.",
        "johtaja@kunta.fi",
        datetime(2026, 11, 3, 7, 30, tzinfo=UTC),
    )
    html = board_report.build(_input(ROWS, ROWS, notes={"kohtaanto": note}))
    assert "<script>alert(1)" not in html
    assert "Syy: &lt;script&gt;alert(1)&lt;/script&gt;\nToimenpide" in html
    assert "kirjoittanut johtaja@kunta.fi 3.11.2026 klo 7.30 (UTC)" in html
    kohtaanto = html.index("<h2>Kohtaannon")
    assert html.index("Selitys ja toimenpiteet") > kohtaanto  # under its own goal
    assert "Selitys ja toimenpiteet" not in board_report.build(_input(ROWS, ROWS))


def test_the_counted_target_has_its_pace_and_year_end_forecast() -> None:
    pace = Projection(
        year=2026,
        as_of=AS_OF,
        count_so_far=2100,
        projected_year_end=2527.4,
        target=2500,
        target_op=">",
        targets_year=2025,
        on_pace=True,
    )
    html = board_report.build(_input(ROWS, ROWS, pace=pace))
    assert "✔ vauhti riittää." in html
    assert "Kertymä 1.1.–31.10.2026: 2\u202f100; nykyvauhdilla vuoden 2026 lopussa" in html
    assert "arviolta 2\u202f527 (vuoden tavoite 2\u202f500)" in html
    assert html.count("vauhti riittää") == 1  # only the counted target
    assert "vauhti" not in board_report.build(_input(ROWS, ROWS))


def test_the_municipalities_table_under_the_disclosure_rule() -> None:
    kunnat = pl.DataFrame(
        [
            {
                **_row("initial_interviews_face_to_face", 0.8, 40, 50, ">=", 0.75, "ok"),
                "level": "kunta",
                "area": "Joensuu",
            },
            {
                **_row("initial_interviews_face_to_face", 0.5, 1, 2, ">=", 0.75, "off"),
                "level": "kunta",
                "area": "Rääkkylä",
            },
        ],
        schema_overrides={"pending": pl.Int64},
    ).select(KPI_COLUMNS)
    html = board_report.build(
        _input(ROWS, ROWS, municipalities=privacy.suppress(kunnat), chosen_area="Rääkkylä")
    )
    appendix = html[html.index('<section class="appendix">') :]
    assert "<h2>Kunnittain</h2>" in appendix
    assert "<th>Joensuu</th><td>80,0\u00a0% ✔</td>" in appendix
    assert '<tr class="chosen"><th>Rääkkylä</th><td>&lt;5</td>' in appendix
    assert "50,0" not in appendix
    assert "Yrityskontaktit" not in appendix  # no municipality rows: no column
