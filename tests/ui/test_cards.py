"""The overview's cards as HTML: value, change, status (icon + word), target, escaping."""

from __future__ import annotations

import pytest

from ui import kpi_view
from ui.cards import CardData, card_html
from ui.i18n import t


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
    assert '<div class="kpi-value">18,0\u00a0vrk</div>' in html
    assert "✔" in html and "Tavoitteessa" in html  # never colour alone
    assert "Tavoite &lt;\u00a022\u00a0vrk · kesken 3" in html  # escaped
    assert f'alt="{t("trend_weekly", "fi")}"' in html  # the trend line, as an image
    assert "kpi-delta" not in html  # no change, no chip


def test_text_is_escaped() -> None:
    card = _card("vacancy_fill_time_days", 18.0, None)
    card = CardData(card.shown, "<script>x</script>", None, [], None)
    html = card_html(card, "fi")
    assert "<script>" not in html and "&lt;script&gt;" in html
