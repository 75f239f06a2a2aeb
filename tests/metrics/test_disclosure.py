"""The three differencing attacks of issue 12 on hand-made tables (metrics.disclosure).

Each attack is run twice: against the old rule (metrics.privacy.suppress, one table at a
time), where it must recover the hidden figure (so the test can fail), and against the new
one, where it must recover nothing. The attacker's strongest tool is exact linear algebra
over every figure shown (tests/metrics/disclosure_fixture.determined)."""

from __future__ import annotations

import polars as pl

from metrics import privacy
from metrics.disclosure import suppress_period
from metrics.disclosure_series import protect_series
from tests.metrics.disclosure_fixture import (
    Cell,
    determined,
    month,
    period_of,
    shown_sums,
    table,
)

# Liperi: January 3/6, February 2/5, March none, April one client who had the discussions.
LIPERI = {1: (3.0, 6.0), 2: (2.0, 5.0), 3: (0.0, 0.0), 4: (1.0, 1.0)}
MONTHS = table({month(m): {"Liperi": LIPERI[m]} for m in LIPERI})
CELLS: list[Cell] = [(r["level"], r["area"], r["period_start"].month) for r in
                     MONTHS.iter_rows(named=True)]  # fmt: skip
APRIL = ("kunta", "Liperi", 4)
JAN_MAR, JAN_APR = (month(1)[0], month(3)[1]), (month(1)[0], month(4)[1])


def _row(df: pl.DataFrame, area: str) -> dict[str, object]:
    return df.filter((pl.col("level") == "kunta") & (pl.col("area") == area)).row(0, named=True)


def test_attack_1_two_year_to_date_periods_no_longer_give_april_away() -> None:
    # Before: Jan-Mar shows 5/11 and Jan-Apr 6/12; April alone is <5 -> one client, who had it.
    old = [privacy.suppress(period_of(MONTHS, *p)) for p in (JAN_MAR, JAN_APR)]
    old_months = privacy.suppress(MONTHS)
    short, long = _row(old[0], "Liperi"), _row(old[1], "Liperi")
    assert (short["numerator"], short["denominator"]) == (5.0, 11.0)
    assert (long["numerator"], long["denominator"]) == (6.0, 12.0)
    assert _row(old_months.filter(pl.col("period_start") == month(4)[0]), "Liperi")["suppressed"]
    known = [s for t in [*old, old_months] for s in shown_sums(t)]
    assert APRIL in determined(CELLS, known)

    # Now: each period is judged month by month.
    months = protect_series_free(MONTHS)
    new = [suppress_period(period_of(MONTHS, *p), months) for p in (JAN_MAR, JAN_APR)]
    assert not _row(new[0], "Liperi")["suppressed"]  # Jan-Mar: every month shown
    assert _row(new[1], "Liperi")["suppressed"]  # Jan-Apr holds the hidden April
    known = [s for t in [*new, months] for s in shown_sums(t)]
    hidden = {(r["level"], r["area"], r["period_start"].month)
              for r in months.filter(pl.col("suppressed")).iter_rows(named=True)}  # fmt: skip
    assert APRIL in hidden
    assert not hidden & determined(CELLS, known)


def protect_series_free(months: pl.DataFrame) -> pl.DataFrame:
    """The months as metrics.disclosure.disclose protects them: each month across areas."""
    return privacy.suppress(months)


def test_attack_1_every_pair_of_whole_month_periods_recovers_nothing() -> None:
    months = privacy.suppress(MONTHS)
    periods = [(month(a)[0], month(b)[1]) for a in range(1, 5) for b in range(a, 5)]
    known = [s for p in periods for s in shown_sums(suppress_period(period_of(MONTHS, *p), months))]
    known += shown_sums(months)
    hidden = {(r["level"], r["area"], r["period_start"].month)
              for r in months.filter(pl.col("suppressed")).iter_rows(named=True)}  # fmt: skip
    assert hidden and not hidden & determined(CELLS, known)


def test_attack_2_a_month_is_not_the_total_minus_the_other_months() -> None:
    series = table(
        {month(m): {"Liperi": (1.0, 1.0) if m == 4 else (5.0, 10.0)} for m in (1, 2, 3, 4)}
    )
    liperi = [("kunta", "Liperi", m) for m in (1, 2, 3, 4)]
    total = [liperi]  # the card shows Liperi's period total
    # Before: the series of one area alone; April hidden, the total minus the rest is April.
    old = privacy.suppress(series.filter(pl.col("area") == "Liperi"))
    assert old.filter(pl.col("suppressed")).height == 1
    old_known = [c for c in shown_sums(old)] + total
    assert ("kunta", "Liperi", 4) in determined(CELLS, old_known)
    # Now: a second month goes with it, and the two together are not a small number.
    new = protect_series(series)
    mine = new.filter(pl.col("area") == "Liperi")
    assert mine["suppressed"].sum() >= 2
    assert (
        series.filter(pl.col("area") == "Liperi")
        .join(mine.filter(pl.col("suppressed")).select("period_start"), on="period_start")[
            "denominator"
        ]
        .sum()
        >= privacy.DEFAULT_THRESHOLD
    )
    hidden = {(r["level"], r["area"], r["period_start"].month)
              for r in new.filter(pl.col("suppressed")).iter_rows(named=True)}  # fmt: skip
    assert not hidden & determined(CELLS, shown_sums(new) + total)


SEUTU = {"Heinävesi": (2.0, 2.0), "Ilomantsi": (3.0, 3.0), "Kontiolahti": (10.0, 10.0),
         "Liperi": (10.0, 10.0), "Outokumpu": (10.0, 10.0), "Polvijärvi": (10.0, 10.0)}  # fmt: skip


def _parents_at_extremes_with_hidden_children(df: pl.DataFrame) -> list[str]:
    out = []
    for eq in privacy.area_equations(df["level"].to_list(), df["area"].to_list()):
        parent = None if eq.parent is None else df.row(eq.parent, named=True)
        if parent is None or parent["suppressed"] or parent["value"] not in (0.0, 1.0):
            continue
        if any(df.row(c, named=True)["suppressed"] for c in eq.children):
            out.append(str(parent["area"]))
    return out


def test_attack_3_a_service_area_at_100_percent_gives_nothing_away() -> None:
    one_month = table({month(5): SEUTU})
    old = privacy.suppress(one_month)
    assert _parents_at_extremes_with_hidden_children(old) == ["Joensuun seutu"]
    assert _row(old, "Heinävesi")["suppressed"]  # hidden, yet 100 % by its service area
    new = suppress_period(one_month, privacy.suppress(one_month))
    assert _row(new, "Heinävesi")["suppressed"]
    assert not _parents_at_extremes_with_hidden_children(new)
    seutu = new.filter(pl.col("area") == "Joensuun seutu").row(0, named=True)
    assert seutu["suppressed"] and seutu["value"] is None
    # ... and the hidden service area cannot be recomputed from the whole area either.
    cells: list[Cell] = [(r["level"], r["area"], 5) for r in one_month.iter_rows(named=True)]
    assert ("palvelualue", "Joensuun seutu", 5) not in determined(cells, shown_sums(new))


def test_a_parent_at_0_percent_is_hidden_too() -> None:
    zero = {k: (0.0, den) for k, (_, den) in SEUTU.items()}
    new = suppress_period(table({month(5): zero}), privacy.suppress(table({month(5): zero})))
    assert not _parents_at_extremes_with_hidden_children(new)
    assert new.filter(pl.col("area") == "Joensuun seutu")["suppressed"].all()


def test_nothing_small_nothing_hidden() -> None:
    months = table({month(m): {} for m in (1, 2, 3)})
    period = suppress_period(period_of(months, month(1)[0], month(3)[1]), privacy.suppress(months))
    assert not period["suppressed"].any()
