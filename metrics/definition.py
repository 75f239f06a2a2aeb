"""A metric as data: the frozen model every KPI of docs/spec/METRICS.md is described by.

Every metric's SQL (a ``.sql`` file beside its module) returns one row per bucket and
municipality with the same columns, so the engine can roll the municipalities up to
service areas and the whole area, and the series can bucket by week or month:

``b_start DATE, kunta VARCHAR, numerator DOUBLE, denominator DOUBLE, pending BIGINT``

The SQL sees these relations besides the export tables (registered by metrics.sql_context):
``kpi_days(d, b_start)`` every day of ``[from, E]`` with its bucket, ``kpi_buckets(b_start,
b_end, b_e)`` every bucket that has begun by ``A`` with its elapsed end ``b_e = min(b_end, A)``,
``kpi_calendar(d, is_working_day, wd_ord)`` and ``kpi_rules`` (reference/maaraajat.csv); and the
bound parameter ``$as_of``.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

Level = Literal["koko_alue", "palvelualue", "kunta"]
Unit = Literal["share", "days", "months", "count", "clients_per_htv"]
Direction = Literal["higher", "lower"]
# What a metric's rows count, for the small-number rule (metrics.privacy): "denominator" the
# people a share or mean is over; "numerator" people counted over something that is not people
# (clients per person-year); "none" not people at all (municipalities, vacancies, contacts).
PrivacyBasis = Literal["denominator", "numerator", "none"]

ALL_LEVELS: tuple[Level, ...] = get_args(Level)  # the one list of levels, in order


class MetricDefinition(BaseModel):
    """One KPI: identity, titles a board member understands, unit, and where its SQL lives."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    title_fi: str = Field(min_length=3)
    title_en: str = Field(min_length=3)
    description_fi: str = Field(min_length=10)
    description_en: str = Field(min_length=10)
    unit: Unit
    direction: Direction
    exports: tuple[str, ...]
    privacy: PrivacyBasis
    levels: tuple[Level, ...] = ALL_LEVELS
    # Levels whose rows carry the target (employer_contacts: koko_alue only).
    target_levels: tuple[Level, ...] = ALL_LEVELS
    # A cohort metric: cases belong to the period of the date that starts them; its goal's page
    # shows the cohort table (on time / late / excluded / pending) of metrics.breakdowns.
    cohort: bool = False
    has_target: bool = True
    # A count of people on a day (each bucket's elapsed end b_e): its SQL reads kpi_buckets and
    # never kpi_days, so the engine can run it on the day one year earlier (the year-earlier
    # target, metrics.year_before_target); empty for a day before the coverage start S.
    on_day: bool = False
    # A metric that is not a cohort but reports a pending count beside its value
    # (statement_processing_days: the backlog on E).
    reports_pending: bool = False
    # A yearly count target: its card shows the pace towards the year's target (the count so
    # far and the year-end projection of metrics.series).
    pace_to_year_target: bool = False
    goal: str
    # The SQL file, relative to the metrics package ("face_to_face/initial_interviews.sql").
    sql: str

    @property
    def has_denominator(self) -> bool:
        return self.unit != "count"

    @property
    def series_ends(self) -> dt.date | None:
        """The last day of the series when every dated rule of the metric has ended
        (reference/maaraajat.csv: the supplementary discussions ended on 31.12.2025); None
        while a rule is in force or the metric has no dated rule."""
        from metrics.rule_dates import series_end  # reads the reference file on first use

        return series_end(self.id)

    def query(self) -> str:
        """The metric's SQL text, read from the file beside its module."""
        return resources.files("metrics").joinpath(self.sql).read_text(encoding="utf-8")
