"""metrics.sql_context: the as-of and coverage dates of a load, the period relations a
metric's SQL runs against (kpi_days, kpi_buckets), and bound parameters only."""

from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl
import pytest

from metrics.sql_context import (
    MetricsError,
    existing_tables,
    open_cursor,
    period_frames,
    read_as_of,
    read_coverage_start,
    run_metric_sql,
)

D = dt.date


def test_period_frames_stop_at_the_as_of_date() -> None:
    days, buckets, all_buckets = period_frames(D(2025, 1, 15), D(2025, 3, 31), D(2025, 2, 10),
                                               "month")  # fmt: skip
    assert all_buckets == [(D(2025, 1, 15), D(2025, 1, 31)), (D(2025, 2, 1), D(2025, 2, 28)),
                           (D(2025, 3, 1), D(2025, 3, 31))]  # fmt: skip
    # March has not begun by A: no bucket; February ends at A
    assert buckets.rows() == [(D(2025, 1, 15), D(2025, 1, 31), D(2025, 1, 31)),
                              (D(2025, 2, 1), D(2025, 2, 28), D(2025, 2, 10))]  # fmt: skip
    assert days.height == 17 + 10
    assert days["d"].min() == D(2025, 1, 15) and days["d"].max() == D(2025, 2, 10)
    first_of = dict(days.rows())
    assert first_of[D(2025, 1, 31)] == D(2025, 1, 15) and first_of[D(2025, 2, 5)] == D(2025, 2, 1)


def test_a_period_after_the_as_of_date_has_no_days() -> None:
    days, buckets, all_buckets = period_frames(D(2025, 5, 1), D(2025, 5, 31), D(2025, 4, 30),
                                               "period")  # fmt: skip
    assert days.height == 0 and buckets.height == 0 and len(all_buckets) == 1


def _db(*meta: str) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    for sql in meta:
        con.execute(sql)
    return con


def test_read_as_of_and_coverage_start() -> None:
    con = _db("CREATE TABLE meta_load AS SELECT DATE '2025-04-30' AS as_of, "
              "DATE '2024-01-01' AS data_from")  # fmt: skip
    assert read_as_of(con) == D(2025, 4, 30)
    assert read_coverage_start(con) == D(2024, 1, 1)
    assert "meta_load" in existing_tables(con)
    older = _db("CREATE TABLE meta_load AS SELECT TIMESTAMP '2025-04-30 12:00' AS as_of")
    assert read_as_of(older) == D(2025, 4, 30)
    assert read_coverage_start(older) is None  # loaded before data_from was recorded


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ((), "no load record"),
        (("CREATE TABLE meta_load (as_of DATE)",), "meta_load is empty"),
    ],
)
def test_read_as_of_without_a_load(meta: tuple[str, ...], message: str) -> None:
    with pytest.raises(MetricsError, match=message):
        read_as_of(_db(*meta))


def test_a_cursor_has_the_relations_and_leaves_the_connection_alone() -> None:
    con = _db()
    cur, spans = open_cursor(con, D(2025, 1, 1), D(2025, 1, 31), D(2025, 1, 10), "week")
    assert spans[0] == (D(2025, 1, 1), D(2025, 1, 5))  # weeks end on Sunday
    got = run_metric_sql(cur, "SELECT count(*) AS n, max(d) AS last FROM kpi_days "
                              "WHERE d <= $as_of", D(2025, 1, 10))  # fmt: skip
    assert got.rows() == [(10, D(2025, 1, 10))]
    outcome = run_metric_sql(
        cur, "SELECT kpi_deadline_outcome(NULL, DATE '2025-01-05', NULL, DATE '2025-01-05', "
             "$as_of) AS o", D(2025, 1, 10),
    )  # fmt: skip
    assert outcome["o"].to_list() == ["late"]
    assert isinstance(got, pl.DataFrame)
    cur.close()
    with pytest.raises(duckdb.CatalogException):
        con.sql("SELECT * FROM kpi_days").fetchall()


def test_unknown_parameters_are_refused() -> None:
    cur, _ = open_cursor(_db(), D(2025, 1, 1), D(2025, 1, 31), D(2025, 1, 31), "period")
    with pytest.raises(MetricsError, match="unknown SQL parameter"):
        run_metric_sql(cur, "SELECT $from AS x", D(2025, 1, 31))


def _temp_tables(cur: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in cur.sql("SELECT table_name FROM duckdb_tables() WHERE temporary")
            .fetchall()]  # fmt: skip


def test_the_unemployment_spells_are_made_once_per_cursor_when_a_query_names_them() -> None:
    con = _db(
        "CREATE TABLE tilajaksot AS SELECT * FROM (VALUES "
        "('a', 'tyoton', DATE '2025-01-01', DATE '2025-01-31'), "
        "('a', 'lomautettu', DATE '2025-02-01', NULL), "  # the next day: the same spell, open
        "('b', 'tyoton', DATE '2025-01-01', DATE '2025-01-10'), "
        "('b', 'tyoton', DATE '2025-01-12', DATE '2025-01-20'), "  # a day's gap: a new spell
        "('b', 'tyollinen', DATE '2025-01-21', NULL)"
        ") AS t(asiakas_id, tila, alkupvm, loppupvm)"
    )
    a = D(2025, 3, 1)
    cur, _ = open_cursor(con, D(2025, 1, 1), D(2025, 1, 31), a, "period")
    run_metric_sql(cur, "SELECT count(*) AS n FROM kpi_days", a)
    assert _temp_tables(cur) == []  # not made for a query that does not read it
    query = "SELECT * FROM kpi_unemployment_spells ORDER BY ALL"
    spells = [("a", D(2025, 1, 1), None), ("b", D(2025, 1, 1), D(2025, 1, 10)),
              ("b", D(2025, 1, 12), D(2025, 1, 20))]  # fmt: skip
    assert run_metric_sql(cur, query, a).rows() == spells
    con.execute("DELETE FROM tilajaksot WHERE asiakas_id = 'b'")
    assert run_metric_sql(cur, query, a).rows() == spells  # made once: the cursor keeps it
    other, _ = open_cursor(con, D(2025, 1, 1), D(2025, 1, 31), a, "period")
    assert _temp_tables(other) == []  # another cursor makes its own
    assert run_metric_sql(other, query, a).rows() == spells[:1]
    cur.close()
    other.close()
