"""The small-number rule of docs/spec/METRICS.md ("Privacy in what is shown"), in one place.

Every surface that shows figures to people (dashboard, board report, presentation mode,
downloads with suppression, ``python -m metrics export --suppress N``) calls :func:`suppress`
on the KPI table or :func:`suppress_counts` on a breakdown table. Suppressed cells become
null and a boolean column says so; surfaces print :func:`small_token` (``<5``) there.

Which count a KPI row is judged by (its "basis", the ``privacy`` field of its definition in
the registry) depends on what the metric counts:
people (clients, caseworkers) are protected; municipalities, working groups, employer
contacts and vacancies are not people and are never suppressed. See docs/exports.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import polars as pl

from common.reference import AREA_NAME, municipalities
from common.settings import get_settings
from metrics.cell_suppression import Equation, protect
from metrics.definition import PrivacyBasis
from metrics.registry import REGISTRY

# The threshold's one home is common.settings (KPI_SMALL_NUMBER_THRESHOLD, default 5).
DEFAULT_THRESHOLD = get_settings().small_number_threshold
SMALL = f"<{DEFAULT_THRESHOLD}"  # small_token(DEFAULT_THRESHOLD)
SUPPRESSED = "suppressed"
PENDING_SUPPRESSED = "pending_suppressed"
TABLE_KEYS = ("metric_id", "period_start", "period_end", "as_of")

Basis = PrivacyBasis


def small_token(threshold: int = DEFAULT_THRESHOLD) -> str:
    """What a suppressed cell shows: ``<5`` for the default threshold."""
    return f"<{threshold}"


def basis_of(metric_id: str) -> Basis:
    """What ``metric_id``'s rows count (its definition's ``privacy``); an id that is not in the
    registry is judged by its denominator, the safe side."""
    return _BASIS.get(metric_id, "denominator")


_BASIS: dict[str, Basis] = {m.id: m.privacy for m in REGISTRY}
# Counts of people whose target_value is itself a count of people (the year-earlier count of
# metrics.year_before_target): the small-number rule applies to it as to the value.
_PEOPLE_TARGETS = [m.id for m in REGISTRY if m.on_day and m.privacy != "none"]


def area_equations(levels: Sequence[str], areas: Sequence[str]) -> list[Equation]:
    """Additivity of one table's rows: area = its service areas = its municipalities, and
    each service area = its municipalities. A total absent from the table counts as published
    elsewhere; an equation needs all of its children present."""
    index = {(lv, ar): i for i, (lv, ar) in enumerate(zip(levels, areas, strict=True))}
    kunnat = municipalities()
    service_areas = list(dict.fromkeys(m.palvelualue for m in kunnat))
    groups: list[tuple[tuple[str, str], list[tuple[str, str]]]] = [
        (("koko_alue", AREA_NAME), [("palvelualue", a) for a in service_areas]),
        (("koko_alue", AREA_NAME), [("kunta", m.kunta) for m in kunnat]),
    ]
    for area in service_areas:
        groups.append(
            (("palvelualue", area), [("kunta", m.kunta) for m in kunnat if m.palvelualue == area])
        )
    equations = []
    for parent, children in groups:
        if all(c in index for c in children):
            kids = tuple(index[c] for c in children)
            equations.append(Equation(children=kids, parent=index.get(parent)))
    return equations


@lru_cache(maxsize=64)
def _equations(levels: tuple[str, ...], areas: tuple[str, ...]) -> tuple[Equation, ...]:
    return tuple(area_equations(levels, areas))


def _hidden_rows(table: pl.DataFrame, column: str, threshold: int) -> set[int]:
    key = (tuple(table["level"].to_list()), tuple(table["area"].to_list()))
    return protect(table[column].to_list(), _equations(*key), threshold)


def basis_expr() -> pl.Expr:
    """The count of people each row rests on (null for metrics that do not count people)."""
    numerator_ids = [k for k, v in _BASIS.items() if v == "numerator"]
    none_ids = [k for k, v in _BASIS.items() if v == "none"]
    metric = pl.col("metric_id")
    return (
        pl.when(metric.is_in(none_ids))
        .then(None)
        .when(metric.is_in(numerator_ids))
        .then(pl.col("numerator"))
        .otherwise(pl.col("denominator").fill_null(pl.col("numerator")))
        .cast(pl.Float64)
    )


def _small(column: pl.Expr, threshold: int) -> pl.Expr:
    return ((column > 0) & (column < threshold)).fill_null(False).any().over(TABLE_KEYS)


def suppress(df: pl.DataFrame, threshold: int = DEFAULT_THRESHOLD) -> pl.DataFrame:
    """The KPI table with small numbers hidden: same columns plus ``suppressed`` (value,
    numerator, denominator and status nulled) and ``pending_suppressed`` (pending nulled).

    Rows are judged per table = metric x period x as-of date, across its levels and areas.
    """
    rowid = "__row"
    work = df.with_row_index(rowid).with_columns(basis_expr().alias("__basis"))
    hide_row: set[int] = set()
    hide_pending: set[int] = set()
    if threshold > 1:
        for column, hidden in (("__basis", hide_row), ("pending", hide_pending)):
            # Only tables with a small cell can need suppression: the rest are skipped whole.
            touched = work.filter(_small(pl.col(column).cast(pl.Float64), threshold))
            for table in touched.partition_by(list(TABLE_KEYS), maintain_order=True):
                ids = table[rowid].to_list()
                hidden |= {ids[i] for i in _hidden_rows(table, column, threshold)}
    work = hide_small_targets(work, rowid, threshold)
    return with_hidden(work, hide_row, hide_pending, rowid).drop("__basis")


def hide_small_targets(work: pl.DataFrame, rowid: str, threshold: int) -> pl.DataFrame:
    """The KPI rows (row ids in ``rowid``) with the year-earlier counts of people under the
    small-number rule, judged per table across its areas like a value: a hidden one nulls
    ``target_value`` and the ``status`` that compares with it."""
    if threshold <= 1:
        return work
    target = pl.when(pl.col("metric_id").is_in(_PEOPLE_TARGETS)).then(pl.col("target_value"))
    marked = work.with_columns(target.alias("__target"))
    hidden: set[int] = set()
    touched = marked.filter(_small(pl.col("__target"), threshold))
    for table in touched.partition_by(list(TABLE_KEYS), maintain_order=True):
        ids = table[rowid].to_list()
        hidden |= {ids[i] for i in _hidden_rows(table, "__target", threshold)}
    flag = pl.col(rowid).is_in(sorted(hidden))
    return work.with_columns(
        *[
            pl.when(flag).then(None).otherwise(pl.col(c)).alias(c)
            for c in ("target_value", "status")
        ]
    )


def with_hidden(
    work: pl.DataFrame, hide_row: set[int], hide_pending: set[int], rowid: str
) -> pl.DataFrame:
    """The KPI rows of ``work`` (row ids in ``rowid``) with the rows ``hide_row`` nulled and
    flagged ``suppressed`` and the pending counts ``hide_pending`` nulled and flagged
    ``pending_suppressed``; ``rowid`` dropped."""
    flag = pl.col(rowid).is_in(sorted(hide_row))
    pending_flag = pl.col(rowid).is_in(sorted(hide_pending))
    nulled = [
        pl.when(flag).then(None).otherwise(pl.col(c)).alias(c)
        for c in ("value", "numerator", "denominator", "status")
    ]
    return work.with_columns(
        *nulled,
        pl.when(pending_flag).then(None).otherwise(pl.col("pending")).alias("pending"),
        flag.alias(SUPPRESSED),
        pending_flag.alias(PENDING_SUPPRESSED),
    ).drop(rowid)


def suppress_counts(
    df: pl.DataFrame,
    column: str = "count",
    *,
    keys: Sequence[str] = (),
    margins: Sequence[Sequence[str]] = (),
    threshold: int = DEFAULT_THRESHOLD,
    forced: str | None = None,
) -> pl.DataFrame:
    """A breakdown table of counts of people with small counts hidden (``column`` nulled,
    ``<column>_suppressed`` added). Each margin is a set of key columns: the rows sharing
    their values add up to a total the reader can see elsewhere, so no single cell may be
    recoverable from it. With ``level``/``area`` columns, rows with equal ``keys`` (the
    table's other key columns) also follow the area hierarchy (kunnat add up to their
    service area and to the whole area). ``forced`` names a boolean column of cells hidden for
    another reason (a month of the period is hidden: metrics.breakdown_disclosure), protected
    like small ones."""
    rowid = "__row"
    work = df.with_row_index(rowid)
    equations: list[Equation] = []
    for margin in margins:
        if not margin:
            equations.append(Equation(children=tuple(range(work.height))))
            continue
        for group in work.partition_by(list(margin), maintain_order=True):
            equations.append(Equation(children=tuple(group[rowid].to_list())))
    if {"level", "area"} <= set(df.columns):
        groups = work.partition_by(list(keys), maintain_order=True) if keys else [work]
        for group in groups:
            ids = group[rowid].to_list()
            for eq in area_equations(group["level"].to_list(), group["area"].to_list()):
                equations.append(
                    Equation(
                        children=tuple(ids[c] for c in eq.children),
                        parent=None if eq.parent is None else ids[eq.parent],
                    )
                )
    pinned = _flagged_rows(work, forced)
    hidden = (
        protect(work[column].to_list(), equations, threshold, pinned) if threshold > 1 else set()
    )
    flag = pl.col(rowid).is_in(sorted(hidden))
    return work.with_columns(
        pl.when(flag).then(None).otherwise(pl.col(column)).alias(column),
        flag.alias(f"{column}_{SUPPRESSED}"),
    ).drop(rowid)


def _flagged_rows(work: pl.DataFrame, column: str | None) -> set[int]:
    if column is None:
        return set()
    return {i for i, f in enumerate(work[column].fill_null(False).to_list()) if f}
