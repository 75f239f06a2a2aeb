"""The deadline-cohort metrics of docs/spec/METRICS.md in plain pandas (the pandas baseline).

Each function returns one row per case with the client's home municipality and three
boolean columns: ``on_time`` (counts in the numerator), ``resolved`` (the denominator)
and ``pending``. Excluded cases are neither resolved nor pending.
"""

from __future__ import annotations

from dataclasses import dataclass

import holidays
import numpy as np
import pandas as pd

THREE_MONTHS = pd.DateOffset(months=3)
UNEMPLOYED = ("tyoton", "lomautettu")
SUPPLEMENTARY_LAST_DAY = pd.Timestamp("2025-12-31")


@dataclass(frozen=True)
class Window:
    """The period [start, end], the as-of date and E = min(end, as_of), as Timestamps."""

    start: pd.Timestamp
    end: pd.Timestamp
    as_of: pd.Timestamp

    @property
    def e(self) -> pd.Timestamp:
        return min(self.end, self.as_of)

    def holds(self, dates: pd.Series) -> pd.Series:
        return (dates >= self.start) & (dates <= self.e)


def _outcome(
    kunta: pd.Series,
    done: pd.Series,
    deadline: pd.Series,
    on_time: pd.Series,
    excluded: pd.Series,
    deadline_passed: pd.Series,
    as_of: pd.Timestamp,
) -> pd.DataFrame:
    known = done.notna() & (done <= as_of)
    excluded = excluded & ~known
    resolved = ~excluded & (known | deadline_passed)
    return pd.DataFrame(
        {
            "kunta": kunta.to_numpy(),
            "on_time": (resolved & known & on_time).to_numpy(),
            "resolved": resolved.to_numpy(),
            "pending": (~excluded & ~resolved).to_numpy(),
        }
    )


def _first_event(
    cases: pd.DataFrame, events: pd.DataFrame, types: tuple[str, ...], within_case: bool
) -> pd.Series:
    """The client's earliest event of ``types`` dated on/after the case's alkupvm."""
    ev = events.loc[events["tyyppi"].isin(types), ["asiakas_id", "pvm"]]
    pairs = (
        cases[["asiakas_id", "alkupvm", "loppupvm"]]
        .reset_index(names="case")
        .merge(ev, on="asiakas_id")
    )
    keep = pairs["pvm"] >= pairs["alkupvm"]
    if within_case:
        keep &= pairs["loppupvm"].isna() | (pairs["pvm"] <= pairs["loppupvm"])
    first = pairs[keep].groupby("case")["pvm"].min()
    return first.reindex(cases.index)


def _with_kunta(df: pd.DataFrame, clients: pd.DataFrame) -> pd.DataFrame:
    return df.merge(clients[["asiakas_id", "kunta"]], on="asiakas_id", how="left")


def tym_assessment(d: dict[str, pd.DataFrame], w: Window) -> pd.DataFrame:
    p = d["palvelujaksot"]
    cases = _with_kunta(p[(p["palvelu"] == "tym") & w.holds(p["alkupvm"])], d["asiakkaat"])
    deadline = cases["alkupvm"] + THREE_MONTHS
    done = _first_event(cases, d["tapahtumat"], ("palvelutarpeen_arviointi",), within_case=True)
    return _outcome(
        cases["kunta"],
        done,
        deadline,
        done <= deadline,
        cases["loppupvm"] < deadline,
        deadline < w.as_of,
        w.as_of,
    )


def integration_plan(d: dict[str, pd.DataFrame], w: Window) -> pd.DataFrame:
    p = d["palvelujaksot"]
    cases = _with_kunta(p[(p["palvelu"] == "kotoutuminen") & w.holds(p["alkupvm"])], d["asiakkaat"])
    day30 = cases["alkupvm"] + pd.Timedelta(days=30)
    plan = _first_event(cases, d["tapahtumat"], ("kotoutumissuunnitelma",), within_case=False)
    return _outcome(
        cases["kunta"],
        plan,
        day30,
        plan < day30,
        cases["loppupvm"] < day30,
        w.as_of >= day30,
        w.as_of,
    )


def _working_day_deadline(start: pd.Series, limit: pd.Series) -> pd.Series:
    years = range(int(start.dt.year.min()), int(start.dt.year.max()) + 2)
    off = np.array(sorted(holidays.Finland(years=years)), dtype="datetime64[D]")
    days = start.to_numpy().astype("datetime64[D]")
    # roll="backward": a start on a non-working day counts from the working day before it,
    # so the limit-th working day *after* alkupvm is found either way.
    due = np.busday_offset(days, limit.to_numpy(), roll="backward", holidays=off)
    return pd.Series(pd.to_datetime(due), index=start.index)


def initial_contact(d: dict[str, pd.DataFrame], w: Window) -> pd.DataFrame:
    j = d["tyonhakujaksot"]
    cases = _with_kunta(j[w.holds(j["alkupvm"])], d["asiakkaat"])
    new_rule = cases["alkupvm"] >= pd.Timestamp("2026-01-01")
    limit = pd.Series(np.where(new_rule, 10, 5), index=cases.index)
    deadline = _working_day_deadline(cases["alkupvm"], limit)
    ev = d["tapahtumat"]
    old = _first_event(cases, ev, ("alkuhaastattelu", "taydentava_tyonhakukeskustelu"), True)
    new = _first_event(cases, ev, ("alkuhaastattelu",), True)
    contact = new.where(new_rule, old)
    return _outcome(
        cases["kunta"],
        contact,
        deadline,
        contact <= deadline,
        cases["loppupvm"] < deadline,
        deadline < w.as_of,
        w.as_of,
    )


def _unemployed_on(rows: pd.DataFrame, day: str, spells: pd.DataFrame) -> pd.Series:
    """Whether each row's client has a tyoton/lomautettu spell covering rows[day]."""
    s = spells.loc[spells["tila"].isin(UNEMPLOYED), ["asiakas_id", "alkupvm", "loppupvm"]]
    pairs = rows[["asiakas_id", day]].reset_index(names="row").merge(s, on="asiakas_id")
    cover = (pairs["alkupvm"] <= pairs[day]) & (
        pairs["loppupvm"].isna() | (pairs["loppupvm"] >= pairs[day])
    )
    hit = pairs.loc[cover, "row"].unique()
    return pd.Series(rows.index.isin(hit), index=rows.index)


def training(d: dict[str, pd.DataFrame], w: Window) -> pd.DataFrame:
    k = d["koulutukset"]
    cases = _with_kunta(k[k["suoritettu"] & w.holds(k["loppupvm"])], d["asiakkaat"])
    cases["follow_up"] = cases["loppupvm"] + THREE_MONTHS
    resolved = cases["follow_up"] <= w.as_of
    success = resolved & ~_unemployed_on(cases, "follow_up", d["tilajaksot"])
    return pd.DataFrame(
        {"kunta": cases["kunta"], "on_time": success, "resolved": resolved, "pending": ~resolved}
    )


def supplementary(d: dict[str, pd.DataFrame], w: Window) -> pd.DataFrame:
    ev = d["tapahtumat"]
    iv = ev.loc[
        (ev["tyyppi"] == "alkuhaastattelu")
        & w.holds(ev["pvm"])
        & (ev["pvm"] <= SUPPLEMENTARY_LAST_DAY),
        ["asiakas_id", "pvm"],
    ]
    iv = _with_kunta(iv, d["asiakkaat"])
    iv = iv[_unemployed_on(iv, "pvm", d["tilajaksot"])].reset_index(drop=True)
    iv["w_end"] = iv["pvm"] + THREE_MONTHS
    sup = ev.loc[ev["tyyppi"] == "taydentava_tyonhakukeskustelu", ["asiakas_id", "pvm"]]
    pairs = iv.reset_index(names="row").merge(sup, on="asiakas_id", suffixes=("", "_s"))
    in_w = (pairs["pvm_s"] > pairs["pvm"]) & (pairs["pvm_s"] <= pairs["w_end"])
    held = pairs[in_w].groupby("row").size().reindex(iv.index, fill_value=0)
    # An earlier supplementary discussion in the job-search period that holds the interview.
    jp = d["tyonhakujaksot"][["asiakas_id", "alkupvm", "loppupvm"]]
    earlier = pairs.merge(jp, on="asiakas_id")
    earlier = earlier[
        (earlier["alkupvm"] <= earlier["pvm"])
        & (earlier["loppupvm"].isna() | (earlier["loppupvm"] >= earlier["pvm"]))
        & (earlier["pvm_s"] >= earlier["alkupvm"])
        & (earlier["pvm_s"] < earlier["pvm"])
    ]
    required = pd.Series(np.where(iv.index.isin(earlier["row"].unique()), 4, 5), index=iv.index)
    # docs/spec/METRICS.md's own rule for this metric wins over the general cohort rule: a
    # client who is not unemployed on the last day of W is excluded even with enough discussions
    # (the general rule would count them on time: "ended ... without the deed").
    resolved_time = iv["w_end"] <= w.as_of
    excluded = resolved_time & ~_unemployed_on(iv, "w_end", d["tilajaksot"])
    resolved = resolved_time & ~excluded
    on_time = resolved & (held >= required)
    return pd.DataFrame(
        {"kunta": iv["kunta"], "on_time": on_time, "resolved": resolved, "pending": ~resolved_time}
    )
