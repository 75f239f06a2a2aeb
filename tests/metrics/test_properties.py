"""Invariants of the KPI table on small random databases of the contract's tables (hypothesis).

Each random client lives in a different municipality and has one case of every kind (a TYM
and an integration customership, a job search, a training, a status spell, a vacancy), so the
municipality rows of a cohort breakdown are single cases.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from common.reference import municipalities
from metrics.breakdowns import cohort_outcomes
from metrics.breakdowns_people import outcome_codes
from metrics.engine import kpi_table
from metrics.registry import REGISTRY
from tests.metrics.kpidb import KpiDb

DAY0 = dt.date(2025, 1, 1)
LATEST = dt.date(2026, 10, 31)
KUNNAT = [m.kunta for m in municipalities()]
COHORTS = [m.id for m in REGISTRY if m.cohort]
SHARES = {m.id for m in REGISTRY if m.unit == "share"}
FAST = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@dataclass(frozen=True)
class Case:
    kunta: str
    start: int  # days after 1.1.2025
    length: int | None  # days until the end; None = still on
    deed: int | None  # days from the start to the interview, assessment, plan, fill
    channel: str
    status: str
    completed: bool

    def on(self, offset: int | None) -> dt.date | None:
        return None if offset is None else DAY0 + dt.timedelta(days=self.start + offset)


@st.composite
def cases(draw: st.DrawFn) -> list[Case]:
    places = draw(st.permutations(KUNNAT))[: draw(st.integers(1, 13))]
    return [
        Case(
            kunta=kunta,
            # period edges (1.1., 28.2., 1.3., 30.6., 31.12.2025) come up often
            start=draw(st.sampled_from([0, 58, 59, 180, 364, 365]) | st.integers(0, 400)),
            length=draw(st.none() | st.integers(0, 150)),
            deed=draw(st.none() | st.integers(0, 120)),
            channel=draw(st.sampled_from(["kasvokkain", "puhelin", "video", "verkko"])),
            status=draw(st.sampled_from(["tyoton", "lomautettu", "tyollinen", "palveluissa"])),
            completed=draw(st.booleans()),
        )
        for kunta in places
    ]


def build(data: list[Case]) -> KpiDb:
    db = KpiDb(as_of=LATEST)
    for i, c in enumerate(data):
        cid, vid = f"C{i}", f"V{i}"
        start, end, deed = c.on(0), c.on(c.length), c.on(c.deed)
        db.client(cid, c.kunta)
        for service in ("tym", "kotoutuminen"):
            db.add("palvelujaksot", asiakas_id=cid, palvelu=service, alkupvm=start, loppupvm=end)
        db.add("tyonhakujaksot", asiakas_id=cid, alkupvm=start, loppupvm=end)
        db.add("tilajaksot", asiakas_id=cid, tila=c.status, alkupvm=start, loppupvm=end)
        db.add("koulutukset", asiakas_id=cid, koulutus_id="K", laji="ammatillinen",
               alkupvm=start, loppupvm=start, suoritettu=c.completed)  # fmt: skip
        db.add("virkailijat", virkailija_id=vid, yksikko="henkiloasiakkaat", kunta=c.kunta)
        db.add("yrityskontaktit", tyonantaja_id="Y", pvm=start, kunta=c.kunta)
        db.add("tyopaikat", tyopaikka_id=f"T{i}", kunta=c.kunta, julkaistu=start,
               sulkeutunut=deed, tulos="taytetty" if deed else None)  # fmt: skip
        if deed is not None:
            for kind in ("palvelutarpeen_arviointi", "kotoutumissuunnitelma", "tyotarjous"):
                db.event(cid, kind, deed, virkailija_id=vid)
            for kind in ("alkuhaastattelu", "taydentava_tyonhakukeskustelu"):
                db.event(cid, kind, deed, kanava=c.channel, palvelupiste="Joensuu")
    return db


def three_months_after(day: dt.date) -> dt.date:
    """The months rule of the common rules: the same day, or the month's last day."""
    year, month = divmod(day.month - 1 + 3, 12)
    first = dt.date(day.year + year, month + 1, 1)
    following = (first + dt.timedelta(days=31)).replace(day=1)
    return min(
        first.replace(day=1) + dt.timedelta(days=day.day - 1), following - dt.timedelta(days=1)
    )


def cohort_size(metric_id: str, data: list[Case], start: dt.date, e: dt.date) -> int:
    """The cases that start in [start, E], counted straight from docs/spec/METRICS.md."""
    n = 0
    for c in data:
        if metric_id == "supplementary_discussions_first_3_months":
            day = c.on(c.deed)
            spell_on = c.length is None or (c.deed is not None and c.deed <= c.length)
            n += bool(
                day is not None
                and start <= day <= min(e, dt.date(2025, 12, 31))
                and c.status in ("tyoton", "lomautettu")
                and spell_on
            )
        elif metric_id == "job_search_discussion_every_3_months":
            # The one anchor is the interview; its case belongs to the period of D.
            day = c.on(c.deed)
            n += bool(day is not None and start <= three_months_after(day) <= e)
        elif metric_id == "unemployment_reaching_3_months":  # a spell of the unemployed
            day = DAY0 + dt.timedelta(days=c.start)
            n += bool(c.status in ("tyoton", "lomautettu") and start <= day <= e)
        elif metric_id == "training_unemployment_ended_3_months":
            n += bool(c.completed and start <= DAY0 + dt.timedelta(days=c.start) <= e)
        else:
            n += bool(start <= DAY0 + dt.timedelta(days=c.start) <= e)
    return n


@FAST
@given(cases(), st.sampled_from([(DAY0, dt.date(2025, 12, 31)), (dt.date(2025, 3, 1), LATEST)]))
def test_areas_add_up_and_shares_lie_in_zero_one(
    data: list[Case], period: tuple[dt.date, dt.date]
) -> None:
    table = kpi_table(build(data).con, *period, as_of=LATEST)
    for (metric_id,), rows in table.partition_by("metric_id", as_dict=True).items():
        whole = rows.filter(pl.col("level") == "koko_alue").row(0, named=True)
        for level in ("palvelualue", "kunta"):
            part = rows.filter(pl.col("level") == level)
            if part.height == 0:
                continue
            for column in ("numerator", "denominator", "pending"):
                if whole[column] is None:
                    assert part[column].null_count() == part.height
                else:
                    assert abs(part[column].sum() - whole[column]) < 1e-9, (metric_id, column)
        if metric_id in SHARES:
            values = rows["value"].drop_nulls()
            assert ((values >= 0) & (values <= 1)).all(), metric_id


@FAST
@given(cases())
def test_resolved_excluded_and_pending_make_the_cohort(data: list[Case]) -> None:
    db = build(data)
    start, end, a = DAY0, dt.date(2025, 12, 31), dt.date(2026, 1, 31)
    table = kpi_table(db.con, start, end, as_of=a, levels=["koko_alue"], metric_ids=COHORTS)
    for metric_id in COHORTS:
        out = cohort_outcomes(db.con, metric_id, start, end, as_of=a, level="koko_alue")
        got = dict(zip(out["outcome"], out["count"], strict=True))
        assert sum(got.values()) == cohort_size(metric_id, data, start, min(end, a)), metric_id
        kpi = table.filter(pl.col("metric_id") == metric_id).row(0, named=True)
        success, failure = outcome_codes(metric_id)[:2]
        assert got[success] == kpi["numerator"]
        assert got[success] + got[failure] == kpi["denominator"]
        assert got["pending"] == kpi["pending"]


@FAST
@given(cases(), st.integers(0, 300), st.integers(1, 300))
def test_a_later_as_of_date_never_turns_a_resolved_case_pending(
    data: list[Case], first: int, later: int
) -> None:
    db = build(data)
    start, end = DAY0, dt.date(2025, 6, 30)
    a1 = end + dt.timedelta(days=first)
    a2 = a1 + dt.timedelta(days=later)
    for metric_id in COHORTS:
        before = cohort_outcomes(db.con, metric_id, start, end, as_of=a1, level="kunta")
        after = cohort_outcomes(db.con, metric_id, start, end, as_of=a2, level="kunta")
        joined = before.join(after, on=["area", "outcome"], suffix="_later")
        for kunta in KUNNAT:  # one case per municipality
            mine = joined.filter(pl.col("area") == kunta)
            was = mine.filter(pl.col("count") == 1)["outcome"].to_list()
            now = mine.filter(pl.col("count_later") == 1)["outcome"].to_list()
            assert len(was) == len(now) <= 1, (metric_id, kunta)
            if was and was[0] != "pending":
                assert now[0] != "pending", (metric_id, kunta, was, now)
