"""Finnish and English number and date formats of the screen and the board report."""

from datetime import date, datetime

import pytest

from ui.formatting import (
    MISSING,
    NBSP,
    NNBSP,
    fmt_change,
    fmt_date,
    fmt_datetime,
    fmt_int,
    fmt_month,
    fmt_percent,
    fmt_period,
    fmt_target,
    fmt_value,
)


@pytest.mark.parametrize(
    ("share", "fi", "en"),
    [
        (0.753, f"75,3{NBSP}%", "75.3%"),
        (1.0, f"100,0{NBSP}%", "100.0%"),
        (0.0, f"0,0{NBSP}%", "0.0%"),
        (0.99951, f"100,0{NBSP}%", "100.0%"),
        (12.345, f"1{NNBSP}234,5{NBSP}%", "1,234.5%"),
    ],
)
def test_percent(share: float, fi: str, en: str) -> None:
    assert fmt_percent(share, "fi") == fi
    assert fmt_percent(share, "en") == en


def test_thousands_use_a_narrow_no_break_space_in_finnish() -> None:
    assert fmt_int(20000, "fi") == f"20{NNBSP}000"
    assert fmt_int(1234567, "fi") == f"1{NNBSP}234{NNBSP}567"
    assert fmt_int(20000, "en") == "20,000"
    assert fmt_int(999, "fi") == "999"


def test_negative_numbers_use_the_minus_sign_in_finnish() -> None:
    assert fmt_int(-1500, "fi") == f"−1{NNBSP}500"
    assert fmt_int(-1500, "en") == "-1,500"


def test_dates() -> None:
    assert fmt_date(date(2025, 3, 14), "fi") == "14.3.2025"
    assert fmt_date(date(2025, 3, 14), "en") == "14 Mar 2025"
    assert fmt_datetime(datetime(2025, 3, 14, 9, 5), "fi") == "14.3.2025 klo 9.05"
    assert fmt_datetime(datetime(2025, 3, 14, 9, 5), "en") == "14 Mar 2025 09:05"
    assert fmt_date(None, "fi") == MISSING


def test_periods_and_months() -> None:
    assert fmt_period(date(2026, 1, 1), date(2026, 10, 31), "fi") == "1.1.–31.10.2026"
    assert fmt_period(date(2025, 12, 1), date(2026, 1, 31), "fi") == "1.12.2025–31.1.2026"
    assert fmt_period(date(2026, 1, 1), date(2026, 10, 31), "en") == "1 Jan 2026 – 31 Oct 2026"
    assert fmt_month(2026, 10, "fi") == "lokakuu 2026"
    assert fmt_month(2026, 10, "en") == "October 2026"


@pytest.mark.parametrize(
    ("value", "unit", "fi", "en"),
    [
        (21.43, "days", f"21,4{NBSP}vrk", f"21.4{NBSP}days"),
        (17.25, "months", f"17,3{NBSP}kk", f"17.3{NBSP}months"),
        (2612, "count", f"2{NNBSP}612", "2,612"),
        (0.5, "share", f"50,0{NBSP}%", "50.0%"),
        (None, "share", MISSING, MISSING),
        (float("nan"), "days", MISSING, MISSING),
    ],
)
def test_values_in_their_unit(value: float | None, unit: str, fi: str, en: str) -> None:
    assert fmt_value(value, unit, "fi") == fi
    assert fmt_value(value, unit, "en") == en


def test_targets() -> None:
    assert fmt_target(">=", 0.75, "share", "fi") == f"≥{NBSP}75{NBSP}%"
    assert fmt_target(">", 0.5, "share", "en") == f">{NBSP}50%"
    assert fmt_target("<", 22, "days", "fi") == f"<{NBSP}22{NBSP}vrk"
    assert fmt_target(">", 2500, "count", "fi") == f">{NBSP}2{NNBSP}500"
    assert fmt_target(None, None, "share", "fi") == MISSING


def test_changes_have_an_explicit_sign_and_percentage_points() -> None:
    assert fmt_change(0.012, "share", "fi") == f"+1,2{NBSP}%-yks."
    assert fmt_change(-0.012, "share", "en") == f"−1.2{NBSP}pp"
    assert fmt_change(0.0001, "share", "fi") == f"±0,0{NBSP}%-yks."
    assert fmt_change(-3, "count", "fi") == "−3"
    assert fmt_change(None, "days", "fi") == MISSING
