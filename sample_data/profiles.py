"""How the synthetic area behaves: per-service-area rates the generator aims at.

The rates are chosen so that the 2025 targets (reference/tavoitteet_2025.csv) are met in
some service areas and missed in others, so the dashboard has a story to tell:
Joensuu does well almost everywhere, Pielisen Karjala holds fewer meetings face to face,
Keski-Karjala is slow with integration plans, and face-to-face work grows a little each year.
docs/sample_data.md lists the same figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from common.reference import SERVICE_AREAS, municipalities, staffing


@dataclass(frozen=True)
class AreaProfile:
    face_to_face_interview: float  # alkuhaastattelu held kasvokkain (target >= 75 %)
    face_to_face_discussion: float  # tyonhakukeskustelu kasvokkain
    face_to_face_supplementary: float  # taydentava_tyonhakukeskustelu kasvokkain
    contact_on_time: float  # first contact within the legal working days
    supplementary_series_full: float  # all 5 (or 4) supplementary discussions in 3 months
    tym_assessment_on_time: float  # TYM assessment within 3 months (target 100 %)
    integration_plan_on_time: float  # integration plan in under 30 days (target 80 %)
    training_success: float  # completers no longer unemployed 3 months on (target > 50 %)
    fill_days: float  # mean days from publishing to filling a vacancy (target < 22)
    tym_months: float  # mean length of a TYM customership (target <= 18)
    offering_caseworkers: float  # customer-work caseworkers who make job offers (target 100 %)
    outside_home: float  # face-to-face meetings at another municipality's service point
    immigrant_share: float  # clients with immigrant background
    # Added 2026-12 (the national indicators, docs/sample_data.md):
    search_length: float  # multiplier of the median length of a plain job search
    employment_end: float  # ended searches whose last days are open-market employment
    statement_days: float  # median days to issue a labour-policy statement


PROFILES: dict[str, AreaProfile] = {
    "Joensuu": AreaProfile(
        face_to_face_interview=0.86,
        face_to_face_discussion=0.6,
        face_to_face_supplementary=0.46,
        contact_on_time=0.94,
        supplementary_series_full=0.8,
        tym_assessment_on_time=0.97,
        integration_plan_on_time=0.88,
        training_success=0.58,
        fill_days=18.0,
        tym_months=14.0,
        offering_caseworkers=1.0,
        outside_home=0.03,
        immigrant_share=0.14,
        search_length=0.95,
        employment_end=0.42,
        statement_days=12.0,
    ),
    "Joensuun seutu": AreaProfile(
        face_to_face_interview=0.78,
        face_to_face_discussion=0.54,
        face_to_face_supplementary=0.38,
        contact_on_time=0.89,
        supplementary_series_full=0.72,
        tym_assessment_on_time=0.91,
        integration_plan_on_time=0.83,
        training_success=0.57,
        fill_days=23.0,
        tym_months=16.5,
        offering_caseworkers=0.9,
        outside_home=0.2,
        immigrant_share=0.07,
        search_length=1.0,
        employment_end=0.38,
        statement_days=15.0,
    ),
    "Keski-Karjala": AreaProfile(
        face_to_face_interview=0.74,
        face_to_face_discussion=0.5,
        face_to_face_supplementary=0.3,
        contact_on_time=0.86,
        supplementary_series_full=0.66,
        tym_assessment_on_time=0.87,
        integration_plan_on_time=0.6,
        training_success=0.49,
        fill_days=25.0,
        tym_months=23.0,
        offering_caseworkers=0.85,
        outside_home=0.08,
        immigrant_share=0.07,
        search_length=1.1,
        employment_end=0.33,
        statement_days=19.0,
    ),
    "Pielisen Karjala": AreaProfile(
        face_to_face_interview=0.62,
        face_to_face_discussion=0.42,
        face_to_face_supplementary=0.24,
        contact_on_time=0.81,
        supplementary_series_full=0.6,
        tym_assessment_on_time=0.8,
        integration_plan_on_time=0.76,
        training_success=0.45,
        fill_days=28.0,
        tym_months=29.0,
        offering_caseworkers=0.75,
        outside_home=0.06,
        immigrant_share=0.06,
        search_length=1.25,
        employment_end=0.28,
        statement_days=24.0,
    ),
}

# Face-to-face shares grow by this much per year from the start of the data (new service points).
FACE_TO_FACE_TREND_PER_YEAR = 0.04
# The legal first-contact rule (docs/spec/METRICS.md): (in force from, working-day limit, series of
# supplementary discussions required). The generator behaves as the law asks on each date.
CONTACT_RULES: tuple[tuple[dt.date, int, bool], ...] = (
    (dt.date(2025, 1, 1), 5, True),
    (dt.date(2026, 1, 1), 10, False),
)
# In 2025 municipal immigrant services of these municipalities were not yet used in skills
# assessments (their clients were assessed in Joensuu or Kitee); from 2026 they are.
PROVIDERS_LATE: tuple[str, ...] = ("Heinävesi", "Polvijärvi", "Rääkkylä")
PROVIDERS_FROM = dt.date(2026, 1, 1)
# Employer contacts per year at the area's real size (20 000 clients): 2025 above the
# target of 2500, 2026 on a slower pace.
EMPLOYER_CONTACTS_PER_YEAR: dict[int, float] = {2025: 2740.0, 2026: 2380.0}
VACANCIES_PER_CLIENT_YEAR = 0.35
REAL_SIZE = 20_000


@dataclass(frozen=True)
class Geography:
    """The 13 municipalities in a fixed order, with their service area and client weight."""

    names: tuple[str, ...]
    areas: tuple[str, ...]  # service area of each municipality
    area_index: tuple[int, ...]  # index into SERVICE_AREAS
    weights: tuple[float, ...]  # share of clients: customer-service person-years

    def index(self, name: str) -> int:
        return self.names.index(name)


def geography(year: int) -> Geography:
    munis = municipalities()
    htv = {m.kunta: 0.0 for m in munis}
    for line in staffing(year):
        if line.is_customer_service:
            htv[line.kunta] += line.htv
    total = sum(htv.values())
    return Geography(
        names=tuple(m.kunta for m in munis),
        areas=tuple(m.palvelualue for m in munis),
        area_index=tuple(SERVICE_AREAS.index(m.palvelualue) for m in munis),
        weights=tuple(htv[m.kunta] / total for m in munis),
    )


def contact_rule(day: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    """The working-day limit and whether the supplementary series applies, on each day."""
    epoch = dt.date(1970, 1, 1)
    limit = np.full(len(day), CONTACT_RULES[0][1], dtype=np.int64)
    series = np.full(len(day), CONTACT_RULES[0][2])
    for since, days, has_series in CONTACT_RULES:
        now = day >= (since - epoch).days
        limit, series = np.where(now, days, limit), np.where(now, has_series, series)
    return limit, series


def visit_matrix(geo: Geography) -> npt.NDArray[np.float64]:
    """Where a client meets face to face when not at home: row = home, column = service point.

    From the surrounding municipalities mostly Joensuu (65 %), the rest in the same service
    area; from Joensuu, Kontiolahti or Liperi (plan 4.1: any service point may be used).
    """
    names, areas = geo.names, geo.areas
    hub = names.index("Joensuu")
    m = np.zeros((len(names), len(names)))
    for j, area in enumerate(areas):
        if j == hub:
            for near in ("Kontiolahti", "Liperi"):
                m[j, names.index(near)] = 0.5
            continue
        same = [k for k, a in enumerate(areas) if a == area and k not in (j, hub)]
        m[j, hub] = 0.65 if same else 1.0
        for k in same:
            m[j, k] = 0.35 / len(same)
    return m
