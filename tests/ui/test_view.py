"""The view's URL form: a link reproduces the view, bad parameters fall back to defaults."""

from datetime import date

import pytest

from ui.view import (
    WHOLE_AREA,
    AreaChoice,
    View,
    area_choices,
    months_until,
    params_from_view,
    resolve_period,
    view_from_params,
)

AS_OF = date(2026, 10, 31)


def test_defaults_make_an_empty_url() -> None:
    assert params_from_view(View()) == {}
    assert view_from_params({}) == View()


@pytest.mark.parametrize(
    "view",
    [
        View(lang="en"),
        View(period="4w"),
        View(period="month", month="2025-02"),
        View(period="year", year=2025),
        View(period="range", start=date(2025, 12, 1), end=date(2026, 1, 31)),
        View(area=AreaChoice("palvelualue", "Keski-Karjala")),
        View(area=AreaChoice("kunta", "Joensuu")),
        View(presentation=True, slide=3),
    ],
)
def test_round_trip(view: View) -> None:
    again = view_from_params(params_from_view(view))
    assert params_from_view(again) == params_from_view(view)
    assert resolve_period(again, AS_OF) == resolve_period(view, AS_OF)
    assert again.area == view.area and again.lang == view.lang


def test_bad_parameters_fall_back() -> None:
    view = view_from_params(
        {"kieli": "sv", "jakso": "x", "kk": "2026-13", "taso": "kunta", "alue": "Helsinki"}
    )
    assert view.lang == "fi" and view.period == "ytd" and view.month is None
    assert view.area == WHOLE_AREA
    assert view_from_params({"alku": "31.2.2025", "loppu": "2025-02-31"}).start is None


def test_joensuu_is_both_a_service_area_and_a_municipality() -> None:
    keys = [c.key for c in area_choices()]
    assert "palvelualue:Joensuu" in keys and "kunta:Joensuu" in keys
    assert len(keys) == 1 + 4 + 13


@pytest.mark.parametrize(
    ("view", "expected"),
    [
        (View(), (date(2026, 1, 1), AS_OF)),
        (View(period="4w"), (date(2026, 10, 4), AS_OF)),
        (View(period="month", month="2025-02"), (date(2025, 2, 1), date(2025, 2, 28))),
        (View(period="month"), (date(2026, 10, 1), date(2026, 10, 31))),
        (View(period="year", year=2025), (date(2025, 1, 1), date(2025, 12, 31))),
        (
            View(period="range", start=date(2026, 2, 1), end=date(2025, 12, 1)),
            (date(2025, 12, 1), date(2026, 2, 1)),
        ),
    ],
)
def test_resolve_period(view: View, expected: tuple[date, date]) -> None:
    assert resolve_period(view, AS_OF) == expected


def test_months_newest_first() -> None:
    months = months_until(AS_OF)
    assert months[0] == "2026-10" and months[-1] == "2025-01" and len(months) == 22


def test_whole_months_widens_a_period_to_its_months() -> None:
    from ui.view import whole_months

    assert whole_months(date(2025, 2, 3), date(2025, 4, 17)) == (
        date(2025, 2, 1),
        date(2025, 4, 30),
    )
    assert whole_months(date(2024, 2, 1), date(2024, 2, 10)) == (
        date(2024, 2, 1),
        date(2024, 2, 29),
    )
