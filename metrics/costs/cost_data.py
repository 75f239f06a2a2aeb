"""The inputs of a cost year read from the database: actuals per item and municipality,
commitments, the budget, monthly actuals, the percentages and the courses. Each query is a
``.sql`` file beside this module with bound parameters (``$from``, ``$to``, ``$year``,
``$as_of``); an export that is not loaded reads as no rows."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from importlib import resources

import duckdb
import polars as pl

from common import duckdb_files
from common.reference import municipalities
from metrics.costs.cost_year import CostYear
from metrics.sql_context import existing_tables


def _sql(name: str) -> str:
    return resources.files("metrics.costs").joinpath(name).read_text("utf-8")


@dataclass(frozen=True)
class CostInputs:
    scope: CostYear
    actuals: pl.DataFrame  # kustannuslaji, kunta (null = none), toteuma, asiakkaita
    commitments: dict[str, Decimal]  # item -> sitoumus
    budget: dict[str, Decimal]  # item -> talousarvio (only the items with a row)
    monthly: pl.DataFrame  # kuukausi, kustannuslaji, toteuma
    shares: list[tuple[str, Decimal]]  # (kunta, osuus) in kunnat.csv order; empty = none
    courses: pl.DataFrame  # koulutus_id, laji, kustannus, osallistujat, ...
    loaded: frozenset[str]  # the cost exports present in the database
    monthly_kunta: pl.DataFrame  # kuukausi, kustannuslaji, kunta, toteuma


_ACTUALS = pl.Schema(
    {
        "kustannuslaji": pl.String(),
        "kunta": pl.String(),
        "toteuma": pl.Decimal(38, 2),
        "asiakkaita": pl.Int64(),
    }
)
_MONTHLY_KUNTA = pl.Schema(
    {"kuukausi": pl.Int64(), "kustannuslaji": pl.String(), "kunta": pl.String(),
     "toteuma": pl.Decimal(38, 2)}
)  # fmt: skip
_MONTHLY = pl.Schema(
    {"kuukausi": pl.Int64(), "kustannuslaji": pl.String(), "toteuma": pl.Decimal(38, 2)}
)
_COURSES = pl.Schema(
    {
        "koulutus_id": pl.String(),
        "laji": pl.String(),
        "kustannus": pl.Decimal(38, 2),
        "osallistujat": pl.Int64(),
        "suorittaneet": pl.Int64(),
        "tyottomyys_paattynyt": pl.Int64(),
        "kesken": pl.Int64(),
    }
)


def _frame(
    cur: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object], schema: pl.Schema
) -> pl.DataFrame:
    used = {k: v for k, v in params.items() if f"${k}" in sql}
    cursor = cur.execute(sql, used)
    names = [d[0] for d in cursor.description or ()]
    rows = cursor.fetchall()
    return pl.DataFrame(rows, schema={n: schema[n] for n in names}, orient="row")


def read_inputs(con: duckdb.DuckDBPyConnection, scope: CostYear) -> CostInputs:
    cur = duckdb_files.cursor(con)
    tables = existing_tables(cur)
    params: dict[str, object] = {
        "from": scope.start, "to": scope.end, "year": scope.year, "as_of": scope.as_of,
    }  # fmt: skip
    ledger = "kustannukset" in tables
    actuals = (
        _frame(cur, _sql("actuals.sql"), params, _ACTUALS)
        if ledger
        else pl.DataFrame(schema=_ACTUALS)
    )
    monthly = (
        _frame(cur, _sql("monthly.sql"), params, _MONTHLY)
        if ledger
        else pl.DataFrame(schema=_MONTHLY)
    )
    monthly_kunta = (
        _frame(cur, _sql("monthly_by_kunta.sql"), params, _MONTHLY_KUNTA)
        if ledger
        else pl.DataFrame(schema=_MONTHLY_KUNTA)
    )
    commitments: dict[str, Decimal] = {}
    if "sitoumukset" in tables:
        name = "commitments.sql" if ledger else "commitments_no_ledger.sql"
        commitments = dict(_rows(cur, _sql(name), params))
    budget: dict[str, Decimal] = {}
    if "talousarvio" in tables:
        sql = "SELECT kustannuslaji, summa FROM talousarvio WHERE vuosi = $year"
        budget = dict(_rows(cur, sql, params))
    shares: list[tuple[str, Decimal]] = []
    if "kustannusjako" in tables:
        sql = "SELECT kunta, osuus FROM kustannusjako WHERE vuosi = $year"
        by_kunta = dict(_rows(cur, sql, params))
        shares = [(m.kunta, by_kunta[m.kunta]) for m in municipalities() if m.kunta in by_kunta]
    courses = pl.DataFrame(schema=_COURSES)
    if ledger:
        full = {"koulutukset", "tilajaksot"} <= tables
        name = "course_costs.sql" if full else "course_costs_no_training.sql"
        courses = _frame(cur, _sql(name), params, _COURSES)
    loaded = frozenset(
        t for t in ("kustannukset", "sitoumukset", "talousarvio", "kustannusjako") if t in tables
    )
    return CostInputs(
        scope, actuals, commitments, budget, monthly, shares, courses, loaded, monthly_kunta
    )


def _rows(
    cur: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object]
) -> list[tuple[str, Decimal]]:
    used = {k: v for k, v in params.items() if f"${k}" in sql}
    return [(str(a), Decimal(b)) for a, b in cur.execute(sql, used).fetchall()]
