"""The legal service-process rules as a dated table (reference/maaraajat.csv).

One row per rule and validity period: ``metric_id, voimassa_alkaen, voimassa_asti (empty =
until further notice), raja, raja_jos_aiempi, tapahtumat ("|"-separated event types), lahde``.
For ``initial_contact_within_deadline`` ``raja`` is the limit in working days and
``tapahtumat`` the events that count as the first contact; for
``supplementary_discussions_first_3_months`` ``raja`` is the number of supplementary
discussions required and ``raja_jos_aiempi`` the number when one came before the interview.
A case follows the rule in force on the date that starts it; a later amendment is a new row.
Each rule's earliest row also applies to days before its ``voimassa_alkaen`` (the year-earlier
view of 2025 reaches into 2024; docs/spec/METRICS.md): :func:`rules_frame` and
:func:`rules_in_period` extend it back, the file keeps the date the source gives.
"""

from __future__ import annotations

import csv
import datetime as dt
from functools import lru_cache
from pathlib import Path

import polars as pl
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from common.data_contract import EVENT_TYPES
from common.reference import ReferenceError, reference_dir

RULES_FILE = "maaraajat.csv"
OPEN_END = dt.date(9999, 12, 31)
# Where each rule's earliest row is taken to start (before any data can be).
OPEN_START = dt.date(1900, 1, 1)
_EVENT_CODES = {c.fi for c in EVENT_TYPES}
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def fi_date(day: dt.date) -> str:
    """``14.3.2025``, as the screens write a date in Finnish (ui/formatting.py)."""
    return f"{day.day}.{day.month}.{day.year}"


def en_date(day: dt.date) -> str:
    """``14 Mar 2025``, as the screens write a date in English (ui/formatting.py)."""
    return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"


class Rule(BaseModel):
    model_config = ConfigDict(frozen=True)
    metric_id: str
    voimassa_alkaen: dt.date
    voimassa_asti: dt.date = OPEN_END
    raja: int
    raja_jos_aiempi: int | None = None
    tapahtumat: tuple[str, ...]
    lahde: str = ""

    @field_validator("voimassa_asti", "raja_jos_aiempi", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object, info: object) -> object:
        if value == "" or value is None:
            return OPEN_END if getattr(info, "field_name", "") == "voimassa_asti" else None
        return value

    @field_validator("tapahtumat", mode="before")
    @classmethod
    def _split_types(cls, value: object) -> object:
        if isinstance(value, str):
            types = tuple(t.strip() for t in value.split("|") if t.strip())
            unknown = [t for t in types if t not in _EVENT_CODES]
            if unknown:
                raise ValueError(f"unknown event type(s) {unknown}")
            return types
        return value


def load_rules(directory: Path | None = None) -> tuple[Rule, ...]:
    """Every rule of the file; ReferenceError naming the row when one is broken or overlaps."""
    return _load_rules(directory or reference_dir())


@lru_cache(maxsize=4)
def _load_rules(directory: Path) -> tuple[Rule, ...]:
    path = directory / RULES_FILE
    if not path.exists():
        raise ReferenceError(RULES_FILE, None, None, "tiedosto puuttuu / file is missing")
    rules: list[Rule] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row_no, row in enumerate(csv.DictReader(handle), start=2):
            try:
                rule = Rule.model_validate(row)
            except ValidationError as exc:
                raise ReferenceError(RULES_FILE, row_no, None, str(exc)) from exc
            if rule.voimassa_asti < rule.voimassa_alkaen:
                raise ReferenceError(
                    RULES_FILE, row_no, "voimassa_asti", "ennen alkua / ends before it starts"
                )
            for other in rules:
                if other.metric_id == rule.metric_id and (
                    other.voimassa_alkaen <= rule.voimassa_asti
                    and rule.voimassa_alkaen <= other.voimassa_asti
                ):
                    raise ReferenceError(
                        RULES_FILE,
                        row_no,
                        "voimassa_alkaen",
                        "päällekkäinen voimassaolo / overlaps an earlier row of the same metric",
                    )
            rules.append(rule)
    return tuple(rules)


def in_force_from(rule: Rule, rules: tuple[Rule, ...]) -> dt.date:
    """The first day ``rule`` applies: OPEN_START for its metric's earliest row (it also
    applies to the days before its voimassa_alkaen), else its voimassa_alkaen."""
    first = min(r.voimassa_alkaen for r in rules if r.metric_id == rule.metric_id)
    return OPEN_START if rule.voimassa_alkaen == first else rule.voimassa_alkaen


def rules_in_period(
    metric_id: str, start: dt.date, end: dt.date, directory: Path | None = None
) -> tuple[Rule, ...]:
    """The rules of ``metric_id`` in force on some day of ``[start, end]``."""
    rules = load_rules(directory)
    return tuple(
        r
        for r in rules
        if r.metric_id == metric_id and in_force_from(r, rules) <= end and start <= r.voimassa_asti
    )


def rules_frame(directory: Path | None = None) -> pl.DataFrame:
    """The rules as the ``kpi_rules`` relation the SQL joins on (each metric's earliest row
    from OPEN_START)."""
    rules = load_rules(directory)
    return pl.DataFrame(
        {
            "metric_id": [r.metric_id for r in rules],
            "voimassa_alkaen": [in_force_from(r, rules) for r in rules],
            "voimassa_asti": [r.voimassa_asti for r in rules],
            "raja": [r.raja for r in rules],
            "raja_jos_aiempi": [r.raja_jos_aiempi for r in rules],
            "tapahtumat": [list(r.tapahtumat) for r in rules],
        },
        schema={
            "metric_id": pl.String,
            "voimassa_alkaen": pl.Date,
            "voimassa_asti": pl.Date,
            "raja": pl.Int32,
            "raja_jos_aiempi": pl.Int32,
            "tapahtumat": pl.List(pl.String),
        },
    )


def no_rule_message(
    metric_id: str, start: dt.date, end: dt.date, directory: Path | None = None
) -> tuple[str, str] | None:
    """(Finnish, English) explanation when a rule-based metric has no rule in force in the
    period (the supplementary-discussion series after 2025), else None."""
    rules = [r for r in load_rules(directory) if r.metric_id == metric_id]
    if not rules or rules_in_period(metric_id, start, end, directory):
        return None
    ended = [r.voimassa_asti for r in rules if r.voimassa_asti < start]
    if ended:
        last = max(ended)
        return (
            f"Velvoite päättyi {fi_date(last)}; jaksolle ei muodostu seurattavia tapauksia.",
            f"The requirement ended on {en_date(last)}; the period forms no cases.",
        )
    first = min(r.voimassa_alkaen for r in rules)
    return (
        f"Velvoite alkaa {fi_date(first)}; jaksolle ei muodostu seurattavia tapauksia.",
        f"The requirement begins on {en_date(first)}; the period forms no cases.",
    )
