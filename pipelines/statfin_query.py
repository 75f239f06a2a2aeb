"""The months asked for and the PxWeb API v1 query that asks for them (docs/statistics.md).

PxWeb API v1 answers a POST to the table's address whose body selects values per variable:
``{"query": [{"code": "Alue", "selection": {"filter": "item", "values": [...]}}, ...],
"response": {"format": "json-stat2"}}``. A closed range of months is an ``item`` list; an
open one (no ``--to``) selects every month of the years from ``--from`` on with the ``all``
filter's wildcard (``2025*``), since the latest published month is not known in advance.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from common.settings import Settings
from pipelines.statfin_codes import indicator_codes, wanted_areas


@dataclass(frozen=True)
class MonthRange:
    """``start`` and ``end`` are first days of months; ``end`` None: up to the latest one."""

    start: date
    end: date | None

    def months(self, latest: date | None = None) -> list[date]:
        """Every month of the range; an open range ends at ``latest`` (or at its start)."""
        last = self.end or latest or self.start
        out: list[date] = []
        month = self.start
        while month <= last:
            out.append(month)
            month = next_month(month)
        return out

    def contains(self, month: date) -> bool:
        return month >= self.start and (self.end is None or month <= self.end)


def next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def parse_month(text: str) -> date:
    """``2025-11`` (or ``2025M11``) -> date(2025, 11, 1); ValueError otherwise."""
    cleaned = text.strip().upper().replace("M", "-")
    year_text, _, month_text = cleaned.partition("-")
    if not (len(year_text) == 4 and year_text.isdigit() and month_text.isdigit()):
        raise ValueError(f"not a month YYYY-MM: {text!r}")
    month = int(month_text)
    if not 1 <= month <= 12:
        raise ValueError(f"not a month YYYY-MM: {text!r}")
    return date(int(year_text), month, 1)


def month_code(month: date) -> str:
    """date(2025, 11, 1) -> ``2025M11``, the table's code."""
    return f"{month.year:04d}M{month.month:02d}"


def default_range(today: date) -> MonthRange:
    """Without ``--from``: January of the previous year, so a year's comparison is complete."""
    return MonthRange(date(today.year - 1, 1, 1), None)


def table_url(settings: Settings) -> str:
    return f"{settings.statfin_api_url.rstrip('/')}/{settings.statfin_table.lstrip('/')}"


def build_query(months: MonthRange, settings: Settings, today: date) -> dict[str, Any]:
    """The POST body selecting our areas, the months of ``months`` and the four indicators."""
    if months.end is not None:
        month_selection = {"filter": "item", "values": [month_code(m) for m in months.months()]}
    else:
        years = range(months.start.year, max(today.year, months.start.year) + 1)
        month_selection = {"filter": "all", "values": [f"{y}*" for y in years]}
    return {
        "query": [
            {
                "code": settings.statfin_area_variable,
                "selection": {"filter": "item", "values": [a.code for a in wanted_areas(settings)]},
            },
            {"code": settings.statfin_month_variable, "selection": month_selection},
            {
                "code": settings.statfin_indicator_variable,
                "selection": {"filter": "item", "values": list(indicator_codes(settings))},
            },
        ],
        "response": {"format": "json-stat2"},
    }
