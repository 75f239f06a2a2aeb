"""The view a user chose (language, period, area, presentation mode), and its URL form.

Pure functions, no Streamlit: the sidebar (ui/sidebar.py) reads and writes these through
``st.query_params`` so that a copied link reproduces the view. URL parameters are Finnish,
like the users: ``kieli``, ``jakso``, ``kk``, ``vuosi``, ``alku``, ``loppu``, ``taso``,
``alue``, ``esitys``, ``dia``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from common.reference import AREA_NAME, SERVICE_AREAS, municipalities
from metrics.definition import ALL_LEVELS, Level
from ui.i18n import Lang, coerce_lang

PeriodKind = Literal["ytd", "4w", "month", "year", "range"]
PERIOD_KINDS: tuple[PeriodKind, ...] = ("ytd", "4w", "month", "year", "range")
LEVELS: tuple[Level, ...] = ALL_LEVELS

# URL value <-> internal period kind (URL values are Finnish words).
PERIOD_URL: dict[PeriodKind, str] = {
    "ytd": "vuosi_alusta",
    "4w": "4_viikkoa",
    "month": "kuukausi",
    "year": "vuosi",
    "range": "vali",
}
_PERIOD_FROM_URL = {v: k for k, v in PERIOD_URL.items()}


@dataclass(frozen=True)
class AreaChoice:
    level: Level
    area: str

    @property
    def key(self) -> str:
        return f"{self.level}:{self.area}"

    @staticmethod
    def from_key(key: str) -> AreaChoice:
        level, _, area = key.partition(":")
        if level not in LEVELS:
            raise ValueError(key)
        return AreaChoice(level, area)


WHOLE_AREA = AreaChoice("koko_alue", AREA_NAME)


def area_choices() -> tuple[AreaChoice, ...]:
    """Whole area, then the four service areas, then the 13 municipalities (plan order)."""
    kunnat = tuple(AreaChoice("kunta", m.kunta) for m in municipalities())
    areas = tuple(AreaChoice("palvelualue", a) for a in SERVICE_AREAS)
    return (WHOLE_AREA, *areas, *kunnat)


@dataclass(frozen=True)
class View:
    lang: Lang = "fi"
    period: PeriodKind = "ytd"
    month: str | None = None  # "2026-10"
    year: int | None = None
    start: date | None = None  # custom range
    end: date | None = None
    area: AreaChoice = WHOLE_AREA
    presentation: bool = False
    slide: int = 0


def month_bounds(key: str) -> tuple[date, date]:
    year, month = (int(x) for x in key.split("-"))
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def months_until(as_of: date, first: date = date(2025, 1, 1)) -> list[str]:
    """Month keys from ``first`` to the as-of month, newest first."""
    out: list[str] = []
    year, month = as_of.year, as_of.month
    while (year, month) >= (first.year, first.month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out


def years_until(as_of: date, first: int = 2025) -> list[int]:
    return list(range(as_of.year, first - 1, -1))


def resolve_period(view: View, as_of: date) -> tuple[date, date]:
    """The ``[from, to]`` days of the chosen period, relative to the data's as-of date."""
    if view.period == "4w":
        return as_of - timedelta(days=27), as_of
    if view.period == "month":
        return month_bounds(view.month or f"{as_of.year:04d}-{as_of.month:02d}")
    if view.period == "year":
        year = view.year or as_of.year
        return date(year, 1, 1), date(year, 12, 31)
    if view.period == "range" and view.start and view.end:
        return (view.start, view.end) if view.start <= view.end else (view.end, view.start)
    return date(as_of.year, 1, 1), as_of


def whole_months(start: date, end: date) -> tuple[date, date]:
    """``[start, end]`` widened to whole calendar months: the board's periods
    (docs/privacy.md), so that two of its periods differ by whole months only."""
    return start.replace(day=1), end.replace(day=calendar.monthrange(end.year, end.month)[1])


def _parse_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def view_from_params(params: dict[str, str]) -> View:
    """A view from URL parameters; anything unknown or malformed falls back to the default."""
    view = View(lang=coerce_lang(params.get("kieli")))
    kind = _PERIOD_FROM_URL.get(params.get("jakso", ""), "ytd")
    view = replace(view, period=kind)
    month = params.get("kk", "")
    if (
        len(month) == 7
        and month[4] == "-"
        and month.replace("-", "").isdigit()
        and 1 <= int(month[5:]) <= 12
    ):
        view = replace(view, month=month)
    if params.get("vuosi", "").isdigit():
        view = replace(view, year=int(params["vuosi"]))
    view = replace(
        view, start=_parse_date(params.get("alku")), end=_parse_date(params.get("loppu"))
    )
    level, area = params.get("taso"), params.get("alue")
    wanted = AreaChoice(level, area) if level in LEVELS and area else None
    if wanted in area_choices():
        view = replace(view, area=wanted)
    view = replace(view, presentation=params.get("esitys") == "1")
    if params.get("dia", "").isdigit():
        view = replace(view, slide=int(params["dia"]))
    return view


# The URL parameters the sidebar writes; the goal pages' view choices (``view_<metric>``,
# ``breakdown_<goal>``) are bound to the URL by Streamlit itself (``bind="query-params"``).
SIDEBAR_PARAMS = frozenset(
    {"kieli", "jakso", "kk", "vuosi", "alku", "loppu", "taso", "alue", "esitys", "dia"}
)


def params_from_view(view: View) -> dict[str, str]:
    """The URL parameters of a view; defaults are left out so that links stay short."""
    out: dict[str, str] = {}
    if view.lang != "fi":
        out["kieli"] = view.lang
    if view.period != "ytd":
        out["jakso"] = PERIOD_URL[view.period]
    if view.period == "month" and view.month:
        out["kk"] = view.month
    if view.period == "year" and view.year:
        out["vuosi"] = str(view.year)
    if view.period == "range" and view.start and view.end:
        out["alku"], out["loppu"] = view.start.isoformat(), view.end.isoformat()
    if view.area != WHOLE_AREA:
        out["taso"], out["alue"] = view.area.level, view.area.area
    if view.presentation:
        out["esitys"] = "1"
        if view.slide:
            out["dia"] = str(view.slide)
    return out
