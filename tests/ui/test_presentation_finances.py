"""The finances slide's figures: the budget tiles read the ``yhteensa`` row (a missing status
is ``–`` in grey, never a colour), each bill's share is of the total bill, and a year with no
cost split has no bills to draw; the bar chart highlights one municipality."""

from __future__ import annotations

import re
from decimal import Decimal

import polars as pl
import pytest

from ui import charts
from ui.presentation_finances import bill_label, bill_rows, budget_html
from ui.status_style import STATUS_STYLES

D = Decimal


def _items(status: str | None) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "kustannuslaji": ["henkilosto", "yhteensa"],
            "toteuma": [D("10.00"), D("1500.40")],
            "talousarvio": [D("20.00"), D("2000.00")],
            "kaytetty_osuus": [0.5, 0.7502],
            "ennuste": [D("12.00"), D("2100.60")],
            "status": ["ok", status],
        },
        schema_overrides={c: pl.Decimal(18, 2) for c in ("toteuma", "talousarvio", "ennuste")},
    )


def _tiles(block: str) -> dict[str, str]:
    return dict(re.findall(r'<p class="label">(.*?)</p><div class="big">(.*?)</div>', block))


def test_the_tiles_are_the_whole_areas_row_in_the_viewers_format() -> None:
    fi = budget_html(_items("risk"), 0.25, "fi")
    assert _tiles(fi) == {
        "Toteuma": "1\u202f500\u00a0€",
        "Vuodesta kulunut": "25,0\u00a0%",
        "Ennuste vuoden lopulle": "2\u202f101\u00a0€",
        "Tila": "▲ Riskissä (enintään 5 % yli)",
    }
    assert "Talousarvio 2\u202f000\u00a0€ · käytetty 75,0\u00a0%" in fi
    assert f"--kpi-accent:{STATUS_STYLES['risk'].colour}" in fi
    en = _tiles(budget_html(_items("off"), 0.25, "en"))
    assert en["Spent"] == "€1,500" and en["Status"] == "✖ Over budget"


def test_no_status_is_a_dash_in_grey() -> None:
    block = budget_html(_items(None), 0.25, "fi")
    assert _tiles(block)["Tila"] == "–"
    assert f"--kpi-accent:{STATUS_STYLES['none'].colour}" in block


def test_each_bills_share_is_of_the_total_bill() -> None:
    kunnat = pl.DataFrame(
        {"kunta": ["Joensuu", "Rääkkylä", "yhteensa"],
         "kunnan_osuus": [D("750.00"), D("250.00"), D("1000.00")]},
        schema_overrides={"kunnan_osuus": pl.Decimal(18, 2)},
    )  # fmt: skip
    assert bill_rows(kunnat) == [("Joensuu", 750.0, 0.75), ("Rääkkylä", 250.0, 0.25)]
    assert bill_label(250.0, 0.25, "fi") == "250\u00a0€ · 25,0\u00a0%"
    assert bill_label(1250.0, 0.25, "en") == "€1,250 · 25.0%"


@pytest.mark.parametrize("total", [None, D("0.00")])
def test_a_year_without_a_cost_split_has_no_bills(total: Decimal | None) -> None:
    kunnat = pl.DataFrame(
        {"kunta": ["Joensuu", "yhteensa"], "kunnan_osuus": [None, total]},
        schema={"kunta": pl.String, "kunnan_osuus": pl.Decimal(18, 2)},
    )
    assert bill_rows(kunnat) == []


def test_the_chosen_municipality_stands_out() -> None:
    fig = charts.bills_by_municipality(
        ["Joensuu", "Rääkkylä"], [750.0, 250.0], ["a", "b"], "fi", highlight="Rääkkylä"
    )
    colours = list(fig.data[0].marker.color)
    assert colours[0] != colours[1]
    assert list(fig.data[0].text) == ["a", "<b>b</b>"]
    plain = charts.bills_by_municipality(["Joensuu", "Rääkkylä"], [750.0, 250.0], ["a", "b"], "fi")
    assert len(set(plain.data[0].marker.color)) == 1
