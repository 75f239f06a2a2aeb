"""The three differencing attacks of issue 12 on the committed sample (metrics.disclosure).

The attacker sees what the board sees for any periods it chooses: here every year-to-date
period of 2025 (January to month m) and every rest-of-year period (month m to December),
with their monthly and weekly series. Cohort metrics count cases by the date that starts
them, so their periods are exactly the sum of their months: for them a difference of two
periods is a count of people. The old rule (metrics.privacy.suppress on each table alone)
leaks on the same data, so each test would fail without the new rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import duckdb
import polars as pl
import pytest

from common.settings import PROJECT_ROOT
from metrics import disclosure, privacy
from metrics.definition import ALL_LEVELS
from metrics.engine import compute, kpi_table
from metrics.registry import REGISTRY
from pipelines import load_folder

PEOPLE = [m.id for m in REGISTRY if m.privacy != "none"]
COHORTS = [m.id for m in REGISTRY if m.cohort and m.privacy != "none"]
KEY = ["metric_id", "level", "area"]
T = privacy.DEFAULT_THRESHOLD


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    db = tmp_path_factory.mktemp("disclosure") / "kpi.duckdb"
    load_folder(PROJECT_ROOT / "sample_data" / "sample", db)
    connection = duckdb.connect(str(db), read_only=True)
    yield connection
    connection.close()


def first(m: int) -> dt.date:
    return dt.date(2025, m, 1)


def last(m: int) -> dt.date:
    return (dt.date(2025, m + 1, 1) if m < 12 else dt.date(2026, 1, 1)) - dt.timedelta(days=1)


def _basis(df: pl.DataFrame) -> pl.DataFrame:
    return df.filter(pl.col("metric_id").is_in(PEOPLE)).with_columns(
        privacy.basis_expr().alias("basis")
    )


def _pairs() -> list[tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date], int]]:
    """(shorter period, longer period, the month that is the difference)."""
    ytd = [((first(1), last(m - 1)), (first(1), last(m)), m) for m in range(2, 13)]
    rest = [((first(m + 1), last(12)), (first(m), last(12)), m) for m in range(1, 12)]
    return ytd + rest


def _recovered(
    short: pl.DataFrame, long: pl.DataFrame, months: pl.DataFrame, m: int
) -> pl.DataFrame:
    """The hidden month-m cells that two shown periods give away (shown in both)."""
    hidden_month = months.filter((pl.col("period_start") == first(m)) & pl.col("suppressed"))
    both = short.filter(~pl.col("suppressed")).join(
        long.filter(~pl.col("suppressed")), on=KEY, suffix="_long"
    )
    return hidden_month.join(both.select(KEY), on=KEY).filter(pl.col("metric_id").is_in(PEOPLE))


def test_attack_1_differencing_two_periods_recovers_no_hidden_month(
    con: duckdb.DuckDBPyConnection,
) -> None:
    cache: dict[tuple[dt.date, dt.date], disclosure.Disclosed] = {}

    def shown(p: tuple[dt.date, dt.date]) -> disclosure.Disclosed:
        if p not in cache:
            cache[p] = disclosure.disclose(con, *p)
        return cache[p]

    old_leaks = new_leaks = 0
    small_differences = []
    for short_p, long_p, m in _pairs():
        months = shown(long_p).monthly
        old = [privacy.suppress(kpi_table(con, *p)) for p in (short_p, long_p)]
        old_leaks += _recovered(old[0], old[1], months, m).height
        new = [shown(short_p).period, shown(long_p).period]
        new_leaks += _recovered(new[0], new[1], months, m).height
        both = (
            _basis(new[0])
            .filter(~pl.col("suppressed"))
            .join(_basis(new[1]).filter(~pl.col("suppressed")), on=KEY, suffix="_long")
        )
        diff = both.filter(pl.col("metric_id").is_in(COHORTS)).with_columns(
            (pl.col("basis_long") - pl.col("basis")).alias("d")
        )
        small_differences += diff.filter((pl.col("d") > 0) & (pl.col("d") < T)).rows()
    assert old_leaks > 0  # the attack of the issue works against the old rule
    assert new_leaks == 0
    assert small_differences == []  # no two shown periods differ by 1..4 people


def test_attack_2_series_minus_the_total_recovers_no_bucket(con: duckdb.DuckDBPyConnection) -> None:
    year = disclosure.disclose(con, first(1), last(12))
    totals = _basis(year.period).filter(~pl.col("suppressed"))
    # Months: wherever the total is shown, no month of it is hidden.
    hidden_months = year.monthly.filter(pl.col("suppressed")).select(KEY).unique()
    assert totals.join(hidden_months, on=KEY).height == 0
    # Weeks: the hidden weeks of a shown total add up to 0 or at least the threshold, and a
    # lone hidden week never occurs.
    weeks = _basis(disclosure.weekly(con, first(1), last(12)))
    raw = _basis(kpi_table(con, first(1), last(12)))
    hidden = weeks.join(raw.select(*KEY, pl.col("basis").alias("raw_total")), on=KEY).filter(
        pl.col("suppressed") & (pl.col("basis") > 0)
    )
    lone = hidden.group_by(KEY).len().filter(pl.col("len") == 1)
    assert lone.join(totals.select(KEY), on=KEY).height == 0
    shown_sum = weeks.filter(~pl.col("suppressed")).group_by(KEY).agg(pl.col("basis").sum())
    rest = (
        totals.filter(pl.col("metric_id").is_in(COHORTS))
        .join(shown_sum, on=KEY, suffix="_shown")
        .with_columns((pl.col("basis") - pl.col("basis_shown")).alias("rest"))
    )
    assert rest.filter((pl.col("rest") > 0) & (pl.col("rest") < T)).height == 0


def _extreme_parents(df: pl.DataFrame) -> list[tuple[str, str]]:
    out = []
    for table in df.filter(pl.col("metric_id").is_in(PEOPLE)).partition_by("metric_id"):
        for eq in privacy.area_equations(table["level"].to_list(), table["area"].to_list()):
            if eq.parent is None:
                continue
            parent = table.row(eq.parent, named=True)
            at_extreme = parent["value"] is not None and parent["value"] in (0.0, 1.0)
            hidden_child = any(table.row(c, named=True)["suppressed"] for c in eq.children)
            if at_extreme and not parent["suppressed"] and hidden_child:
                out.append((str(parent["metric_id"]), str(parent["area"])))
    return out


def test_attack_3_no_shown_parent_at_0_or_100_percent_has_a_hidden_child(
    con: duckdb.DuckDBPyConnection,
) -> None:
    old_found, new_found = [], []
    for m in (3, 6, 12):
        old_found += _extreme_parents(privacy.suppress(kpi_table(con, first(1), last(m))))
        new_found += _extreme_parents(disclosure.disclose(con, first(1), last(m)).period)
        new_found += _extreme_parents(disclosure.disclose(con, first(m), last(m)).period)
    assert old_found  # the sample has service areas at 100 % over hidden municipalities
    assert new_found == []


def test_most_whole_area_figures_stay_shown(con: duckdb.DuckDBPyConnection) -> None:
    table = _basis(disclosure.disclose(con, first(1), last(12)).period)
    whole = table.filter(pl.col("level") == "koko_alue")
    assert whole["suppressed"].sum() < whole.height / 2


def test_only_two_people_metrics_are_not_additive_over_months(
    con: duckdb.DuckDBPyConnection,
) -> None:
    """docs/privacy.md "known limits": the month rule bounds the difference of two periods
    for every people metric whose period is the sum of its months; only these two are not.
    The counts on a day (``on_day``: the unemployed on E) are not sums either: a period's
    count is its last month's, so the month rule hides it wherever that month is hidden."""
    start, end = first(1), last(12)
    period = kpi_table(con, start, end, levels=ALL_LEVELS, metric_ids=PEOPLE)
    months = compute(con, start, end, grain="month", levels=ALL_LEVELS, metric_ids=PEOPLE)
    summed = months.group_by(KEY).agg(
        pl.col("numerator").fill_null(0).sum().alias("n"),
        pl.col("denominator").fill_null(0).sum().alias("d"),
    )
    joined = period.join(summed, on=KEY)
    apart = (pl.col("numerator").fill_null(0) - pl.col("n")).abs() + (
        pl.col("denominator").fill_null(0) - pl.col("d")
    ).abs()
    not_additive = set(joined.filter(apart > 1e-9)["metric_id"])
    on_day = {m.id for m in REGISTRY if m.on_day}
    assert on_day  # the four counts of the unemployed
    assert not_additive - on_day == {
        "caseworkers_making_job_offers",
        "clients_per_customer_service_htv",
    }
