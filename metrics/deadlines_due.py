"""Deadlines coming up (docs/spec/METRICS.md, "Deadlines coming up (the weekly list)").

At the as-of date A, the *open* cases of the four deadline rules: not done by A (a late deed
closes a case too), not excluded, and the case's job search (or customership) still going on
at A. Each open case has its last day on time D; it is ``overdue`` when D < A and ``due`` when
A <= D <= the N-th working day after A (A itself not counted; N = 5 by default, 1-20). Cases
due later are in neither group.

Each rule's open cases come from its own SQL in ``due_sql/`` (``asiakas_id, kunta,
deadline``), run on a cursor with ``kpi_calendar`` (metrics.working_days) and ``kpi_rules``
(metrics.deadline_rules) and the bound parameter ``$as_of``. :func:`due_counts` gives the
counts by rule x area x group at every level asked, zeros included; :func:`due_cases` the
analyst's case list (pseudonymous ids: never on a page). docs/metrics.md says every choice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from importlib import resources

import duckdb
import polars as pl

from common import duckdb_files
from metrics.breakdown_base import area_grid, place
from metrics.deadline_rules import rules_frame
from metrics.definition import ALL_LEVELS
from metrics.registry import get
from metrics.sql_context import MetricsError, existing_tables, read_as_of, read_coverage_start
from metrics.working_days import calendar_frame, nth_working_day_after

# The four rules, in the order of the spec's sentence (and of every table of the list).
DUE_RULES: tuple[str, ...] = (
    "initial_contact_within_deadline",
    "job_search_discussion_every_3_months",
    "tym_assessment_within_3_months",
    "integration_plan_within_30_days",
)
GROUPS: tuple[str, ...] = ("overdue", "due")
DEFAULT_WITHIN = 5
WITHIN_RANGE = (1, 20)
COUNT_COLUMNS = ("rule", "level", "area", "as_of", "group", "within_working_days", "cases")
CASE_COLUMNS = ("rule", "group", "asiakas_id", "kunta", "deadline")


def check_within(within: int) -> int:
    """``within`` when it is 1-20; MetricsError (Finnish and English) otherwise."""
    low, high = WITHIN_RANGE
    if not low <= within <= high:
        raise MetricsError(
            f"Työpäivien määrä on {low}–{high}, ei {within}. / "
            f"The number of working days is {low}-{high}, not {within}."
        )
    return within


def due_until(as_of: dt.date, within: int = DEFAULT_WITHIN) -> dt.date:
    """The last day of the ``due`` group: the ``within``-th working day after A."""
    return nth_working_day_after(as_of, check_within(within))


def _sql(rule: str) -> str:
    return resources.files("metrics").joinpath(f"due_sql/{rule}.sql").read_text("utf-8")


def _first_year(cur: duckdb.DuckDBPyConnection, as_of: dt.date, tables: set[str]) -> int:
    """The earliest year a calendar must reach: that of the oldest job search open at A."""
    if "tyonhakujaksot" not in tables:
        return as_of.year
    rows = cur.sql(
        "SELECT min(alkupvm) FROM tyonhakujaksot "
        "WHERE alkupvm <= $a AND (loppupvm IS NULL OR loppupvm > $a)",
        params={"a": as_of},
    ).fetchall()
    first = rows[0][0] if rows else None
    return min(first.year, as_of.year) if first is not None else as_of.year


def open_cases(con: duckdb.DuckDBPyConnection, as_of: dt.date) -> tuple[pl.DataFrame, set[str]]:
    """Every open case at A: ``rule, asiakas_id, kunta, deadline``; and the rules that could
    be computed (a rule whose exports are not all loaded is left out). A case that started
    before the coverage start S (meta_load.data_from) is left out: its deed may lie before S,
    where the exports are not complete."""
    tables = existing_tables(con)
    rules = [r for r in DUE_RULES if set(get(r).exports) <= tables]
    cur = duckdb_files.cursor(con)
    frames = []
    try:
        cur.register(
            "kpi_calendar", calendar_frame(_first_year(cur, as_of, tables), as_of.year + 2)
        )
        cur.register("kpi_rules", rules_frame())
        for rule in rules:
            rows = cur.sql(_sql(rule), params={"as_of": as_of}).pl()
            frames.append(
                rows.select(
                    pl.lit(rule).alias("rule"), "asiakas_id", "kunta", "started", "deadline"
                )
            )
        coverage = read_coverage_start(cur)
    finally:
        cur.close()
    schema = {
        "rule": pl.String,
        "asiakas_id": pl.String,
        "kunta": pl.String,
        "started": pl.Date,
        "deadline": pl.Date,
    }
    cases = pl.concat(frames).cast(schema) if frames else pl.DataFrame(schema=schema)
    if coverage is not None:
        cases = cases.filter(pl.col("started") >= coverage)
    return cases.drop("started"), set(rules)


def _grouped(cases: pl.DataFrame, as_of: dt.date, within: int) -> pl.DataFrame:
    last = due_until(as_of, within)
    deadline = pl.col("deadline")
    group = (
        pl.when(deadline < as_of).then(pl.lit("overdue")).when(deadline <= last).then(pl.lit("due"))
    )
    return cases.with_columns(group.alias("group")).filter(pl.col("group").is_not_null())


def due_cases(
    con: duckdb.DuckDBPyConnection,
    *,
    as_of: dt.date | None = None,
    within: int = DEFAULT_WITHIN,
) -> pl.DataFrame:
    """The analyst's list: one row per overdue or due case, ``rule, group, asiakas_id, kunta,
    deadline``, by rule, group (overdue first), deadline, kunta and id."""
    a = as_of if as_of is not None else read_as_of(con)
    cases, _ = open_cases(con, a)
    order = {r: i for i, r in enumerate(DUE_RULES)}
    out = _grouped(cases, a, within).with_columns(
        pl.col("rule").replace_strict(order, return_dtype=pl.Int32).alias("__r"),
        (pl.col("group") == "due").alias("__g"),
    )
    return out.sort("__r", "__g", "deadline", "kunta", "asiakas_id").select(CASE_COLUMNS)


def due_counts(
    con: duckdb.DuckDBPyConnection,
    *,
    as_of: dt.date | None = None,
    within: int = DEFAULT_WITHIN,
    levels: Sequence[str] = ALL_LEVELS,
) -> pl.DataFrame:
    """Counts of the overdue and due cases: ``rule, level, area, as_of, group,
    within_working_days, cases``, a row for every rule x area x group of the levels asked,
    zeros included (``cases`` null for a rule whose exports are not loaded);
    ``within_working_days`` is N on ``due`` rows and null on ``overdue`` rows."""
    if not levels:
        raise MetricsError("Anna ainakin yksi taso. / Give at least one level.")
    a = as_of if as_of is not None else read_as_of(con)
    cases, available = open_cases(con, a)
    grouped = _grouped(cases, a, within)
    parts = []
    for level in levels:
        grid = area_grid(level, None, rule=DUE_RULES, group=GROUPS)
        counts = place(grouped, level, None).group_by("level", "area", "rule", "group").len()
        parts.append(
            grid.join(counts, on=["level", "area", "rule", "group"], how="left").with_columns(
                pl.when(pl.col("rule").is_in(sorted(available)))
                .then(pl.col("len").fill_null(0))
                .cast(pl.Int64)
                .alias("cases")
            )
        )
    out = pl.concat(parts)
    order = {r: i for i, r in enumerate(DUE_RULES)}
    return (
        out.with_columns(
            pl.lit(a).alias("as_of"),
            pl.when(pl.col("group") == "due")
            .then(pl.lit(within))
            .cast(pl.Int64)
            .alias("within_working_days"),
            pl.col("rule").replace_strict(order, return_dtype=pl.Int32).alias("__r"),
        )
        .with_row_index("__i")
        .sort("__r", "__i")
        .select(COUNT_COLUMNS)
    )
