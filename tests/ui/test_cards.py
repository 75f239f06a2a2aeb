"""The overview's cards as HTML: value, change, status (icon + word), target, escaping."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import polars as pl
import pytest

from metrics.series import Projection
from ui import cards, kpi_view
from ui.cards import CardData, _pace, card_html, status_counts, value_html
from ui.i18n import t
from ui.view import AreaChoice


def _card(metric_id: str, value: float, change: str | None, status: str = "ok") -> CardData:
    row: dict[str, object] = {
        "metric_id": metric_id,
        "value": value,
        "status": status,
        "target_op": "<",
        "target_value": 22.0,
        "pending": 3,
    }
    return CardData(
        shown=kpi_view.shown_row(row, "fi"),
        indicator="Täyttymisaika < 22 vrk",
        change=change,
        spark=[20.0, 21.0, 19.5],
        pace=None,
    )


@pytest.mark.parametrize(
    ("change", "tone", "arrow"),
    [
        ("−1,5\u00a0vrk", "good", "↓"),  # a shorter fill time is better
        ("+2,0\u00a0vrk", "bad", "↑"),
        ("±0,0\u00a0vrk", "flat", ""),
    ],
)
def test_the_change_says_its_direction_by_arrow_sign_and_tone(
    change: str, tone: str, arrow: str
) -> None:
    html = card_html(_card("vacancy_fill_time_days", 18.0, change), "fi")
    assert f'<span class="chip {tone}">{arrow + " " if arrow else ""}{change}</span>' in html
    assert "viikossa" in html


def test_a_card_shows_value_status_word_icon_target_and_pending() -> None:
    html = card_html(_card("vacancy_fill_time_days", 18.0, None), "fi")
    assert '<div class="kpi-value">18,0 <span class="unit">vrk</span></div>' in html
    assert "✔" in html and "Tavoitteessa" in html  # never colour alone
    assert "Tavoite &lt;\u00a022\u00a0vrk · kesken 3" in html  # escaped
    assert f'alt="{t("trend_weekly", "fi")}"' in html  # the trend line, as an image
    assert "kpi-delta" not in html  # no change, no chip


def test_text_is_escaped() -> None:
    card = _card("vacancy_fill_time_days", 18.0, None)
    card = CardData(card.shown, "<script>x</script>", None, [], None)
    html = card_html(card, "fi")
    assert "<script>" not in html and "&lt;script&gt;" in html


def _ctx(level: str, area: str) -> Any:
    """What _pace reads of a page context: the chosen area and the end date."""
    view = SimpleNamespace(area=AreaChoice(level, area), lang="fi")  # type: ignore[arg-type]
    db = SimpleNamespace(path="x", identity="y")
    return SimpleNamespace(view=view, lang="fi", db=db, effective_end=dt.date(2026, 11, 30))


def _kpi_rows() -> pl.DataFrame:
    base = {"target_op": ">=", "target_value": 1.0, "pending": None}
    rows = [
        {"metric_id": "ecosystem_groups_started", "level": "koko_alue", "area": "Pohjois-Karjala",
         "value": 5 / 6, "status": "off"},
        {"metric_id": "service_points_operating", "level": "koko_alue", "area": "Pohjois-Karjala",
         "value": 1.0, "status": "ok"},
        {"metric_id": "service_points_operating", "level": "kunta", "area": "Rääkkylä",
         "value": 1.0, "status": "ok"},
    ]  # fmt: skip
    return pl.DataFrame([base | r for r in rows])


def test_a_whole_area_figure_under_a_municipality_is_marked_as_such() -> None:
    rows, whole = kpi_view.area_rows(_kpi_rows(), "kunta", "Rääkkylä")
    assert rows["service_points_operating"]["area"] == "Rääkkylä"
    assert rows["ecosystem_groups_started"]["area"] == "Pohjois-Karjala"
    assert whole == {"ecosystem_groups_started"}
    assert kpi_view.area_rows(_kpi_rows(), "koko_alue", "Pohjois-Karjala")[1] == set()


def _whole_area_card(metric_id: str, status: str, whole_area: bool) -> CardData:
    row = {"metric_id": metric_id, "value": 5 / 6, "status": status, "target_op": ">=",
           "target_value": 1.0, "pending": None}  # fmt: skip
    return CardData(kpi_view.shown_row(row, "fi"), None, None, [], None, whole_area=whole_area)


@pytest.mark.parametrize(("lang", "words"), [("fi", "Koko alueen"), ("en", "whole area")])
def test_a_whole_area_card_says_so_visibly(lang: str, words: str) -> None:
    html = card_html(_whole_area_card("ecosystem_groups_started", "off", True), lang)  # type: ignore[arg-type]
    assert words in html and 'class="kpi-scope"' in html
    own = card_html(_whole_area_card("ecosystem_groups_started", "off", False), lang)  # type: ignore[arg-type]
    assert 'class="kpi-scope"' not in own


def test_a_whole_area_status_is_not_counted_in_a_municipalitys_tally() -> None:
    area_only = {"metric_id": "employer_contacts", "value": 40.0, "status": None,
                 "target_op": None, "target_value": None, "pending": None}  # fmt: skip
    cards = {
        "ecosystem_groups_started": _whole_area_card("ecosystem_groups_started", "off", True),
        "service_points_operating": _whole_area_card("service_points_operating", "ok", False),
        "employer_contacts": CardData(kpi_view.shown_row(area_only, "fi"), None, None, [], None),
    }
    counts, left_out = status_counts(cards)
    assert counts == {"ok": 1, "risk": 0, "off": 0, "none": 0}
    assert left_out == 2  # the ecosystem's whole-area figure and the whole area's target


def test_the_pace_line_under_a_municipality_says_it_is_the_whole_areas(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    projection = Projection(
        year=2026, as_of=dt.date(2026, 11, 30), count_so_far=2100, projected_year_end=2300.0,
        target=2500.0, target_op=">", targets_year=2025, on_pace=False,
    )  # fmt: skip
    monkeypatch.setattr(cards.cached_queries, "projection", lambda *a: projection)
    under_kunta = _pace(_ctx("kunta", "Rääkkylä"))
    assert under_kunta is not None and under_kunta.startswith("▲ Koko alue: vauhti ei riitä.")
    whole = _pace(_ctx("koko_alue", "Pohjois-Karjala"))
    assert whole is not None and whole.startswith("▲ vauhti ei riitä.")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("94,0\u00a0asiakasta/htv", '94,0 <span class="unit">asiakasta/htv</span>'),
        ("75,3\u00a0%", "75,3\u00a0%"),  # the percent sign stays with its number
        ("2\u202f600", "2\u202f600"),
        ("<5", "&lt;5"),
    ],
)
def test_a_word_unit_can_wrap_under_its_number(value: str, expected: str) -> None:
    assert value_html(value) == expected
