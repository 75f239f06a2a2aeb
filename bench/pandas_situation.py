"""The metrics of METRICS.md's "What the area is judged on nationally" in plain pandas.

Part of the pandas baseline (bench/pandas_baseline.py), written from docs/spec/METRICS.md's
text alone: the four counts of the unemployed on ``E`` (with their year-earlier targets, see
``count_on``), ``unemployment_reaching_3_months``, ``time_to_employment_days``,
``statement_processing_days`` and ``job_search_discussion_every_3_months``. Each returns
numerator, denominator and pending per municipality (index ``kunta``), or None when an
export it needs is absent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from bench.pandas_cohorts import THREE_MONTHS, UNEMPLOYED, Window, _unemployed_on
from bench.pandas_read import TRUE_WORDS

Data = dict[str, pd.DataFrame]
TWELVE_MONTHS = pd.DateOffset(months=12)
ANCHORS = ("alkuhaastattelu", "tyonhakukeskustelu")
SPELLS = "unemployment_spells"  # not an export: the spells, made once (``with_spells``)


def one_year_earlier(day: pd.Timestamp) -> pd.Timestamp:
    """The same day a year earlier; a month's last day maps to that month's last day."""
    earlier = day - pd.DateOffset(years=1)
    return earlier + pd.offsets.MonthEnd(0) if day.is_month_end else earlier


def spells(d: Data) -> pd.DataFrame:
    """Unemployment spells: tyoton/lomautettu rows where each next starts the day after the
    previous ends; one row per spell (asiakas_id, start, end; end NaT = still on), and the
    spell's start on each of its rows (``rows``, for the long-term rule). Made once per KPI
    table: ``with_spells`` keeps them beside the exports."""
    if SPELLS in d:
        return d[SPELLS]
    t = d["tilajaksot"]
    t = t.loc[t["tila"].isin(UNEMPLOYED), ["asiakas_id", "alkupvm", "loppupvm"]]
    t = t.sort_values(["asiakas_id", "alkupvm"]).reset_index(drop=True)
    same = t["asiakas_id"].eq(t["asiakas_id"].shift())
    follows = t["alkupvm"].eq(t["loppupvm"].shift() + pd.Timedelta(days=1))
    t["spell"] = (~(same & follows)).cumsum()
    g = t.groupby("spell")
    t["start"] = g["alkupvm"].transform("min")
    last = g.tail(1).set_index("spell")["loppupvm"]
    t["end"] = t["spell"].map(last)
    return t


def with_spells(d: Data) -> Data:
    """The exports with the unemployment spells beside them (the caller's dict untouched)."""
    return {**d, SPELLS: spells(d)} if "tilajaksot" in d else d


def _per_kunta(d: Data, frame: pd.DataFrame, columns: dict[str, Any]) -> pd.DataFrame:
    out = pd.DataFrame({"asiakas_id": frame["asiakas_id"].to_numpy(), **columns})
    out = out.merge(d["asiakkaat"][["asiakas_id", "kunta"]], on="asiakas_id", how="left")
    return out.groupby("kunta")[list(columns)].sum()


def count_on(kind: str) -> Callable[[Data, pd.Timestamp], pd.DataFrame | None]:
    """Clients unemployed or fully laid off on ``day`` (each client once), narrowed by
    ``kind``: all, under_25, long_term, immigrants; numerator = the count."""

    def compute(d: Data, day: pd.Timestamp) -> pd.DataFrame | None:
        if "tilajaksot" not in d or "asiakkaat" not in d:
            return None
        rows = spells(d)
        on = rows[(rows["alkupvm"] <= day) & (rows["loppupvm"].isna() | (rows["loppupvm"] >= day))]
        if kind == "long_term":
            on = on[on["start"] <= day - TWELVE_MONTHS]
        who = on.drop_duplicates("asiakas_id")[["asiakas_id"]]
        who = who.merge(d["asiakkaat"], on="asiakas_id", how="left")
        if kind == "under_25":
            born = pd.to_numeric(who["syntymavuosi"], errors="coerce")
            who = who[(day.year - born) <= 24]
        if kind == "immigrants":
            flag = who["maahanmuuttaja"].fillna("").astype(str).str.strip().str.lower()
            who = who[flag.isin(TRUE_WORDS)]
        hit = pd.Series(1, index=who.index)
        return _per_kunta(d, who, {"numerator": hit.to_numpy()})

    return compute


def reaching_3_months(d: Data, w: Window) -> pd.DataFrame | None:
    if "tilajaksot" not in d or "asiakkaat" not in d:
        return None
    s = spells(d).drop_duplicates("spell")
    s = s[w.holds(s["start"])]
    end3 = s["start"] + THREE_MONTHS
    reached = s["end"].isna() | (s["end"] > end3)
    resolved = (end3 < w.as_of) | (s["end"].notna() & (s["end"] <= end3))
    columns: dict[str, Any] = {
        "numerator": (reached & resolved).to_numpy(),
        "denominator": resolved.to_numpy(),
        "pending": (~resolved).to_numpy(),
    }
    return _per_kunta(d, s, columns)


def time_to_employment(d: Data, w: Window) -> pd.DataFrame | None:
    if not {"tilajaksot", "tyonhakujaksot", "asiakkaat"} <= set(d):
        return None
    js = d["tyonhakujaksot"][["asiakas_id", "alkupvm", "loppupvm"]].reset_index(drop=True)
    day = js[["asiakas_id"]].assign(day=js["alkupvm"])
    js = js[_unemployed_on(day, "day", d["tilajaksot"])].reset_index(names="case")
    work = d["tilajaksot"].loc[d["tilajaksot"]["tila"] == "tyollinen", ["asiakas_id", "alkupvm"]]
    pairs = js.merge(work.rename(columns={"alkupvm": "job"}), on="asiakas_id")
    after = pairs["job"] >= pairs["alkupvm"]
    before = pairs["loppupvm"].isna() | (pairs["job"] <= pairs["loppupvm"] + pd.Timedelta(days=1))
    first = (
        pairs[after & before]
        .groupby("case")
        .agg(asiakas_id=("asiakas_id", "first"), alkupvm=("alkupvm", "first"), job=("job", "min"))
    )
    first = first[w.holds(first["job"])]
    days = (first["job"] - first["alkupvm"]).dt.days
    return _per_kunta(d, first, {"numerator": days.to_numpy(), "denominator": 1})


def statement_processing(d: Data, w: Window) -> pd.DataFrame | None:
    if "lausunnot" not in d or "asiakkaat" not in d:
        return None
    s = d["lausunnot"]
    issued = w.holds(s["annettu"]).fillna(False)
    days = (s["annettu"] - s["vireille"]).dt.days.where(issued, 0)
    backlog = (s["vireille"] <= w.e) & (s["annettu"].isna() | (s["annettu"] > w.e))
    columns: dict[str, Any] = {
        "numerator": days.to_numpy(),
        "denominator": issued.to_numpy(),
        "pending": backlog.to_numpy(),
    }
    return _per_kunta(d, s, columns)


def every_3_months(d: Data, w: Window) -> pd.DataFrame | None:
    if not {"tapahtumat", "tilajaksot", "tyonhakujaksot", "asiakkaat"} <= set(d):
        return None
    ev = d["tapahtumat"]
    a = ev.loc[ev["tyyppi"].isin(ANCHORS), ["asiakas_id", "pvm"]].drop_duplicates()
    a = a.sort_values(["asiakas_id", "pvm"]).reset_index(drop=True)
    nxt = a.groupby("asiakas_id")["pvm"].shift(-1)
    a["D"] = a["pvm"] + THREE_MONTHS
    a["next"] = nxt
    a = a[w.holds(a["D"])].reset_index(drop=True)
    js = d["tyonhakujaksot"][["asiakas_id", "alkupvm", "loppupvm"]]
    pairs = a[["asiakas_id", "pvm", "D"]].reset_index(names="case").merge(js, on="asiakas_id")
    inside = (pairs["alkupvm"] <= pairs["pvm"]) & (
        pairs["loppupvm"].isna() | (pairs["loppupvm"] >= pairs["pvm"])
    )
    goes_on = pairs["loppupvm"].isna() | (pairs["loppupvm"] >= pairs["D"])
    kept = pairs.loc[inside & goes_on, "case"].unique()
    excluded = ~a.index.isin(kept) | ~_unemployed_on(a, "D", d["tilajaksot"]).to_numpy()
    done = a["next"].notna() & (a["next"] <= w.as_of)
    resolved = ~excluded & (done | (a["D"] < w.as_of))
    columns: dict[str, Any] = {
        "numerator": (resolved & done & (a["next"] <= a["D"])).to_numpy(),
        "denominator": resolved.to_numpy(),
        "pending": (~excluded & ~resolved).to_numpy(),
    }
    return _per_kunta(d, a, columns)


COUNTS: dict[str, str] = {
    "unemployed_job_seekers": "all",
    "unemployed_under_25": "under_25",
    "long_term_unemployed": "long_term",
    "unemployed_immigrants": "immigrants",
}
SITUATION: dict[str, Callable[[Data, Window], pd.DataFrame | None]] = {
    "job_search_discussion_every_3_months": every_3_months,
    "unemployment_reaching_3_months": reaching_3_months,
    "time_to_employment_days": time_to_employment,
    "statement_processing_days": statement_processing,
}
