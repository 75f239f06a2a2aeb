"""Client events (tapahtumat) of one chunk's job-search periods.

First contact within the legal working days (a phone supplementary discussion by the
central start services may come first under the 2025 rule), the 2025 series of
supplementary discussions, job-search discussions every three months, TYM assessments,
integration plans, skills assessments with the providing municipality, and job offers,
vacancy notices and candidate presentations by the caseworkers who make them.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from common.data_contract import EVENT_TYPES
from sample_data.day_numbers import add_months, day_number, next_working_day, working_day_offset
from sample_data.periods import TRAINING, TYM, Batch
from sample_data.profiles import (
    FACE_TO_FACE_TREND_PER_YEAR,
    PROFILES,
    PROVIDERS_FROM,
    PROVIDERS_LATE,
    Geography,
    contact_rule,
    visit_matrix,
)
from sample_data.staff import NONE, Staff

Arr = npt.NDArray[np.int64]
TYPE = {code.fi: i for i, code in enumerate(EVENT_TYPES)}
F2F, PHONE, VIDEO, ONLINE = 0, 1, 2, 3
COLUMNS = ("period", "type", "day", "channel", "caseworker", "provider", "point")


class EventBuilder:
    def __init__(
        self,
        periods: Batch,
        geo: Geography,
        staff: Staff,
        first: int,
        last: int,
        rng: np.random.Generator,
    ) -> None:
        self.p, self.geo, self.staff, self.rng = periods, geo, staff, rng
        self.first, self.last = first, last
        self.stop = np.minimum(periods["end"], last)  # no event after the search or the extraction
        self.parts: list[dict[str, Arr]] = []
        self.customer_work = staff.customer_work()
        self.outside = np.cumsum(visit_matrix(geo), axis=1)

    def _profile(self, field: str, period: Arr) -> npt.NDArray[np.float64]:
        table = np.array([getattr(PROFILES[a], field) for a in self.geo.areas])
        return table[self.p["muni"][period]]

    def add(
        self,
        period: Arr,
        kind: str,
        day: Arr,
        channel: Arr | None = None,
        caseworker: Arr | None = None,
        provider: Arr | None = None,
        point: Arr | None = None,
    ) -> None:
        keep = (day <= self.stop[period]) & (day >= self.first) & (day >= self.p["start"][period])
        none = np.full(len(day), NONE, dtype=np.int64)
        cols = [period, np.full(len(day), TYPE[kind]), day, channel, caseworker, provider, point]
        self.parts.append(
            {k: (none if c is None else c)[keep] for k, c in zip(COLUMNS, cols, strict=True)}
        )

    def meeting(
        self,
        period: Arr,
        kind: str,
        day: Arr,
        field: str,
        mask: npt.NDArray[np.bool_] | None = None,
    ) -> None:
        n, rng = len(period), self.rng
        years = (day - self.first) / 365.25
        f2f = rng.random(n) < self._profile(field, period) + FACE_TO_FACE_TREND_PER_YEAR * years
        remote = rng.choice([PHONE, VIDEO, ONLINE], n, p=[0.72, 0.2, 0.08])
        channel = np.where(f2f, F2F, remote)
        home = self.p["muni"][period]
        away = rng.random(n) < self._profile("outside_home", period)
        other = (rng.random(n)[:, None] > self.outside[home]).sum(axis=1)
        point = np.where(f2f, np.where(away, other, home), NONE)
        where = np.where(f2f, point, home)
        worker = self.staff.pick(self.customer_work if mask is None else mask, where, day, rng)
        self.add(period, kind, day, channel, worker, point=point)

    def build(self) -> dict[str, Arr]:
        self._first_contact_and_series()
        self._discussions()
        self._tym_and_integration()
        self._job_offers()
        return {k: np.concatenate([part[k] for part in self.parts]) for k in COLUMNS}

    def _first_contact_and_series(self) -> None:
        p, rng = self.p, self.rng
        period = np.flatnonzero(p["start"] >= self.first)
        n = len(period)
        start = p["start"][period]
        limit, series = contact_rule(start)
        on_time = rng.random(n) < self._profile("contact_on_time", period) + 0.04 * (limit > 5)
        delay = np.where(
            on_time, rng.integers(0, 1000, n) % (limit + 1), limit + rng.integers(1, 20, n)
        )
        contact = working_day_offset(start, delay)
        pre = series & (rng.random(n) < 0.35)
        central = self.staff.unit == "keskitetyt"
        self.meeting(
            period[pre],
            "taydentava_tyonhakukeskustelu",
            contact[pre],
            "face_to_face_supplementary",
            central,
        )
        interview = np.where(pre, working_day_offset(contact, rng.integers(2, 12, n)), contact)
        self.meeting(period, "alkuhaastattelu", interview, "face_to_face_interview")
        self.interview = np.full(len(p["start"]), NONE, dtype=np.int64)
        self.interview[period] = interview
        # The series of supplementary discussions in the 3 months after the interview.
        _, series_at = contact_rule(interview)
        unemployed = p["status"][period] <= 1
        required = np.where(pre, 4, 5)
        full = rng.random(n) < self._profile("supplementary_series_full", period)
        count = np.where(full, required, 1 + rng.integers(0, 1000, n) % (required - 1))
        count = np.where(series_at & unemployed, count, (rng.random(n) < 0.15).astype(np.int64))
        rep = np.repeat(np.arange(n), count)
        k = np.arange(len(rep)) - np.repeat(np.cumsum(count) - count, count)
        span = add_months(interview, 3)[rep] - interview[rep]
        offset = np.floor((k + rng.uniform(0.2, 1.0, len(rep))) * span / count[rep]).astype(
            np.int64
        )
        day = np.maximum(working_day_offset(interview[rep] + offset, 0), interview[rep] + 1)
        self.meeting(
            period[rep], "taydentava_tyonhakukeskustelu", day, "face_to_face_supplementary"
        )

    def _discussions(self) -> None:
        p, rng = self.p, self.rng
        n = len(p["start"])
        base = np.where(self.interview >= 0, self.interview, self.first - rng.integers(0, 90, n))
        count = np.clip((self.stop - base) // 91, 0, 12)
        rep = np.repeat(np.arange(n), count)
        k = np.arange(len(rep)) - np.repeat(np.cumsum(count) - count, count)
        day = next_working_day(base[rep] + 91 * (k + 1) + rng.integers(-10, 6, len(rep)))
        # No discussions while in a training or another long service (plan 5.1).
        serving = (p["kind"][rep] == TRAINING) & (day >= p["service_start"][rep])
        keep = ~(serving & (day <= p["service_end"][rep]))
        self.meeting(rep[keep], "tyonhakukeskustelu", day[keep], "face_to_face_discussion")

    def _tym_and_integration(self) -> None:
        p, rng = self.p, self.rng
        tym = np.flatnonzero((p["kind"] == TYM) & (p["tym_start"] >= self.first))
        start = p["tym_start"][tym]
        deadline = add_months(start, 3)
        on_time = rng.random(len(tym)) < self._profile("tym_assessment_on_time", tym)
        late = deadline + rng.integers(3, 70, len(tym))
        day = next_working_day(
            np.where(
                on_time, start + rng.integers(5, 1000, len(tym)) % (deadline - start - 3), late
            )
        )
        channel = np.where(rng.random(len(tym)) < 0.6, F2F, VIDEO)
        self.add(
            tym,
            "palvelutarpeen_arviointi",
            day,
            channel,
            self.staff.pick(self.staff.unit == "tym", p["muni"][tym], day, rng),
        )
        koto = np.flatnonzero(p["koto"] & (p["koto_start"] >= self.first))
        start = p["koto_start"][koto]
        on_time = rng.random(len(koto)) < self._profile("integration_plan_on_time", koto)
        day = start + np.where(
            on_time, rng.integers(2, 30, len(koto)), rng.integers(30, 100, len(koto))
        )
        worker = self.staff.pick(self.staff.unit == "kotouttaminen", p["muni"][koto], day, rng)
        self.add(koto, "kotoutumissuunnitelma", day, caseworker=worker)
        assessed = koto[rng.random(len(koto)) < 0.7]
        day = next_working_day(p["koto_start"][assessed] + rng.integers(5, 75, len(assessed)))
        home = p["muni"][assessed]
        not_yet = np.isin(home, [self.geo.index(m) for m in PROVIDERS_LATE]) & (
            day < day_number(PROVIDERS_FROM)
        )
        helper = np.where(
            np.array(self.geo.areas)[home] == "Keski-Karjala",
            self.geo.index("Kitee"),
            self.geo.index("Joensuu"),
        )
        provider = np.where(not_yet | (rng.random(len(assessed)) < 0.12), helper, home)
        self.add(assessed, "osaamiskartoitus", day, provider=provider)

    def _job_offers(self) -> None:
        p, rng = self.p, self.rng
        low = np.maximum(p["start"], self.first)
        active = np.maximum(self.stop - low + 1, 0)
        count = rng.poisson(active / 30.4 * 0.3)
        rep = np.repeat(np.arange(len(low)), count)
        day = low[rep] + (rng.random(len(rep)) * active[rep]).astype(np.int64)
        day = np.maximum(working_day_offset(day, 0), low[rep])
        kind = rng.choice(3, len(rep), p=[0.4, 0.45, 0.15])
        worker = self.staff.pick(self.staff.offers, p["muni"][rep], day, rng)
        for i, name in enumerate(("tyotarjous", "tyopaikkatiedote", "esittely")):
            sel = kind == i
            self.add(rep[sel], name, day[sel], caseworker=worker[sel])
