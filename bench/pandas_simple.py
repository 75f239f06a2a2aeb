"""The non-cohort metrics of docs/spec/METRICS.md in plain pandas (part of the pandas baseline).

Each function returns numerator and denominator per municipality (index ``kunta``), or
None when an export it needs is absent. ``ecosystem_groups_started`` is defined for the
whole area only and returns that one row.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from bench.pandas_cohorts import Window
from bench.pandas_read import REFERENCE

Data = dict[str, pd.DataFrame]
MEETINGS = ("alkuhaastattelu", "tyonhakukeskustelu", "taydentava_tyonhakukeskustelu")
JOB_OFFERS = ("tyotarjous", "tyopaikkatiedote", "esittely")
CUSTOMER_WORK = ("henkiloasiakkaat", "tym", "kotouttaminen")


def _counts(kunta: pd.Series, hit: pd.Series) -> pd.DataFrame:
    frame = pd.DataFrame({"kunta": kunta.to_numpy(), "numerator": hit.to_numpy()})
    frame["denominator"] = 1
    return frame.groupby("kunta")[["numerator", "denominator"]].sum()


def _client_events(d: Data, w: Window, types: tuple[str, ...]) -> pd.DataFrame:
    ev = d["tapahtumat"]
    ev = ev[ev["tyyppi"].isin(types) & w.holds(ev["pvm"])]
    return ev.merge(d["asiakkaat"][["asiakas_id", "kunta"]], on="asiakas_id", how="left")


def _face_share(types: tuple[str, ...]) -> Callable[[Data, Window], pd.DataFrame | None]:
    def compute(d: Data, w: Window) -> pd.DataFrame | None:
        if "tapahtumat" not in d or "asiakkaat" not in d:
            return None
        ev = _client_events(d, w, types)
        return _counts(ev["kunta"], ev["kanava"] == "kasvokkain")

    return compute


def immigrant_services(d: Data, w: Window) -> pd.DataFrame | None:
    if "tapahtumat" not in d:
        return None
    ev = d["tapahtumat"]
    used = set(ev.loc[(ev["tyyppi"] == "osaamiskartoitus") & w.holds(ev["pvm"]), "tuottaja_kunta"])
    ref = pd.read_csv(REFERENCE / "kunnat.csv", dtype=str)
    return _counts(ref["kunta"], ref["kunta"].isin(used))


def vacancy_fill_time(d: Data, w: Window) -> pd.DataFrame | None:
    if "tyopaikat" not in d:
        return None
    v = d["tyopaikat"]
    v = v[(v["tulos"] == "taytetty") & w.holds(v["sulkeutunut"])]
    days = (v["sulkeutunut"] - v["julkaistu"]).dt.days
    frame = pd.DataFrame({"kunta": v["kunta"], "numerator": days, "denominator": 1})
    return frame.groupby("kunta")[["numerator", "denominator"]].sum()


def employer_contacts(d: Data, w: Window) -> pd.DataFrame | None:
    if "yrityskontaktit" not in d:
        return None
    c = d["yrityskontaktit"]
    return c.loc[w.holds(c["pvm"]), "kunta"].value_counts().to_frame("numerator")


def caseworkers(d: Data, w: Window) -> pd.DataFrame | None:
    if "virkailijat" not in d or "tapahtumat" not in d:
        return None
    v = d["virkailijat"]
    v = v[
        v["yksikko"].isin(CUSTOMER_WORK)
        & (v["alkupvm"].isna() | (v["alkupvm"] <= w.e))
        & (v["loppupvm"].isna() | (v["loppupvm"] >= w.start))
    ]
    ev = d["tapahtumat"]
    offered = set(ev.loc[ev["tyyppi"].isin(JOB_OFFERS) & w.holds(ev["pvm"]), "virkailija_id"])
    return _counts(v["kunta"], v["virkailija_id"].isin(offered))


def ecosystem(d: Data, w: Window) -> pd.DataFrame | None:
    g = d.get("tyoryhmat")
    if g is None:
        return None
    started = int((g["kaynnistynyt"] <= w.e).sum())
    return pd.DataFrame(
        {"numerator": [started], "denominator": [len(g)]}, index=["Pohjois-Karjala"], dtype=float
    )


def _service_points(youth: bool) -> Callable[[Data, Window], pd.DataFrame | None]:
    def compute(d: Data, w: Window) -> pd.DataFrame | None:
        p = d.get("palvelupisteet")
        if p is None:
            return None
        hit = p["toiminta_alkanut"] <= w.e
        if youth:
            hit &= p["nuorten_yhteispalvelu"]
        ref = pd.read_csv(REFERENCE / "kunnat.csv", dtype=str)
        per = _counts(p["kunta"], hit).reindex(ref["kunta"], fill_value=0)
        per["denominator"] = 1  # every municipality of the area counts, with or without a row
        return per

    return compute


def tym_duration(d: Data, w: Window) -> pd.DataFrame | None:
    if "palvelujaksot" not in d or "asiakkaat" not in d:
        return None
    p = d["palvelujaksot"]
    p = p[(p["palvelu"] == "tym") & w.holds(p["loppupvm"])]
    p = p.merge(d["asiakkaat"][["asiakas_id", "kunta"]], on="asiakas_id", how="left")
    months = (p["loppupvm"] - p["alkupvm"]).dt.days / 30.4375
    frame = pd.DataFrame({"kunta": p["kunta"], "numerator": months, "denominator": 1})
    return frame.groupby("kunta")[["numerator", "denominator"]].sum()


def meetings_outside(d: Data, w: Window) -> pd.DataFrame | None:
    if "tapahtumat" not in d or "asiakkaat" not in d:
        return None
    ev = _client_events(d, w, MEETINGS)
    ev = ev[(ev["kanava"] == "kasvokkain") & ev["palvelupiste"].notna()]
    return _counts(ev["kunta"], ev["palvelupiste"] != ev["kunta"])


def _customer_service_htv(year: int) -> pd.Series:
    years = sorted(int(p.stem.split("_")[1]) for p in REFERENCE.glob("henkilosto_*.csv"))
    chosen = max([y for y in years if y <= year] or years)
    staff = pd.read_csv(REFERENCE / f"henkilosto_{chosen}.csv")
    task = staff["tehtava"]
    customer = task.str.startswith("Henkilöasiakkaan palvelut") | task.isin(
        ["TYM", "Kotouttamispalvelut"]
    )
    return staff[customer].groupby("kunta")["htv"].sum()


def clients_per_htv(d: Data, w: Window) -> pd.DataFrame | None:
    if "tyonhakujaksot" not in d or "asiakkaat" not in d:
        return None
    j = d["tyonhakujaksot"]
    open_on_e = j[(j["alkupvm"] <= w.e) & (j["loppupvm"].isna() | (j["loppupvm"] >= w.e))]
    clients = d["asiakkaat"][d["asiakkaat"]["asiakas_id"].isin(open_on_e["asiakas_id"])]
    per = clients.groupby("kunta").size().to_frame("numerator")
    htv = _customer_service_htv(w.e.year)
    return per.reindex(per.index.union(htv.index), fill_value=0).assign(denominator=htv)


SIMPLE: dict[str, Callable[[Data, Window], pd.DataFrame | None]] = {
    "initial_interviews_face_to_face": _face_share(("alkuhaastattelu",)),
    "job_search_discussions_face_to_face": _face_share(
        ("tyonhakukeskustelu", "taydentava_tyonhakukeskustelu")
    ),
    "immigrant_services_municipalities_used": immigrant_services,
    "vacancy_fill_time_days": vacancy_fill_time,
    "employer_contacts": employer_contacts,
    "caseworkers_making_job_offers": caseworkers,
    "ecosystem_groups_started": ecosystem,
    "service_points_operating": _service_points(youth=False),
    "service_points_with_youth_services": _service_points(youth=True),
    "tym_mean_duration_months": tym_duration,
    "meetings_outside_home_municipality": meetings_outside,
    "clients_per_customer_service_htv": clients_per_htv,
}
