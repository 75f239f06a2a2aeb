"""Rows of the client-based exports from one chunk's periods and events, in contract columns.

Clipping at the extraction date ``last``: a row that starts after it is not written, an end
after it is written as null (still open). The one exception is ``koulutukset.loppupvm``,
which keeps a planned end in the future; a training still going on is not yet completed
(``suoritettu`` false).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import polars as pl

from common.data_contract import EVENT_TYPES
from sample_data.periods import STATUSES, TRAINING, TYM, Batch
from sample_data.population import client_ids
from sample_data.staff import NONE, caseworker_ids

Arr = npt.NDArray[np.int64]
SERVICES = ("peruspalvelut", "tym", "kotoutuminen", "uraohjaus")
CHANNELS = ("kasvokkain", "puhelin", "video", "verkko")
TRAINING_KINDS = ("ammatillinen", "kotoutuminen", "yrittajyys", "muutosturva", "vos")


def _spans(client: Arr, start: Arr, end: Arr, first: int, last: int, **codes: Arr) -> pl.DataFrame:
    # Rows that ended before the data starts are not in an export (the stock's history).
    keep = (start <= last) & (end >= start) & (end >= first)
    return pl.DataFrame(
        {
            "client": client[keep],
            **{k: v[keep] for k, v in codes.items()},
            "alkupvm": start[keep],
            "loppupvm": np.where(end[keep] > last, NONE, end[keep]),
        }
    )


def _dates(*names: str) -> list[pl.Expr]:
    return [pl.when(pl.col(n) >= 0).then(pl.col(n)).cast(pl.Date).alias(n) for n in names]


def _finish(df: pl.DataFrame, code: str | None, names: tuple[str, ...]) -> pl.DataFrame:
    cols = [client_ids(pl.col("client")).alias("asiakas_id")]
    if code is not None:
        cols.append(pl.lit(pl.Series(names)).gather(pl.col(code)).alias(code))
    return df.sort("client", "alkupvm").select(*cols, *_dates("alkupvm", "loppupvm"))


def tyonhakujaksot(p: Batch, first: int, last: int) -> pl.DataFrame:
    return _finish(_spans(p["number"], p["start"], p["end"], first, last), None, ())


def tilajaksot(p: Batch, first: int, last: int) -> pl.DataFrame:
    t = p["kind"] == TRAINING
    c, s = p["number"], p["start"]
    ss, se = p["service_start"], p["service_end"]
    job = p["job_found"]
    # A search that ends in employment: unemployed until the job starts, then tyollinen.
    e = np.where(job, p["job_day"] - 1, p["end"])
    parts = [
        _spans(c[~t], s[~t], e[~t], first, last, tila=p["status"][~t]),
        _spans(c[t], s[t], ss[t] - 1, first, last, tila=np.zeros(int(t.sum()), dtype=np.int64)),
        _spans(c[t], ss[t], se[t], first, last, tila=np.full(int(t.sum()), 3)),
        _spans(c[t], se[t] + 1, e[t], first, last, tila=np.zeros(int(t.sum()), dtype=np.int64)),
        _spans(
            c[job], p["job_day"][job], p["end"][job], first, last, tila=np.full(int(job.sum()), 2)
        ),
    ]
    return _finish(pl.concat(parts), "tila", STATUSES)


def palvelujaksot(p: Batch, first: int, last: int) -> pl.DataFrame:
    c, s, e = p["number"], p["start"], p["end"]
    tym, koto = p["kind"] == TYM, p["koto"]
    koto_end = np.where(tym, p["tym_start"], e + 1) - 1
    basic_end = np.where(koto, p["koto_start"], koto_end + 1) - 1
    career = p["career"]
    career_end = np.minimum(p["career_start"] + p["career_days"], e)
    n = len(c)
    parts = [
        _spans(c, s, basic_end, first, last, palvelu=np.zeros(n, dtype=np.int64)),
        _spans(
            c[tym], p["tym_start"][tym], e[tym], first, last, palvelu=np.full(int(tym.sum()), 1)
        ),
        _spans(
            c[koto],
            p["koto_start"][koto],
            koto_end[koto],
            first,
            last,
            palvelu=np.full(int(koto.sum()), 2),
        ),
        _spans(
            c[career],
            p["career_start"][career],
            career_end[career],
            first,
            last,
            palvelu=np.full(int(career.sum()), 3),
        ),
    ]
    return _finish(pl.concat(parts), "palvelu", SERVICES)


def koulutukset(p: Batch, last: int, scale: float, rng: np.random.Generator) -> pl.DataFrame:
    sel = p["has_training"] & (p["service_start"] <= last)
    n = int(sel.sum())
    ongoing = p["service_end"][sel] > last
    completed = p["completed"][sel] & ~ongoing
    end = np.where(completed | ongoing, p["planned_end"][sel], p["service_end"][sel])
    kind = np.where(
        p["koto"][sel] & (rng.random(n) < 0.7),
        1,
        rng.choice([0, 2, 3, 4], n, p=[0.64, 0.06, 0.12, 0.18]),
    )
    start = p["service_start"][sel]
    year = start.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
    course = rng.integers(0, max(3, round(40 * scale)), n)
    df = pl.DataFrame(
        {
            "client": p["number"][sel],
            "kind": kind,
            "year": year,
            "course": course,
            "alkupvm": start,
            "loppupvm": end,
            "suoritettu": completed,
        }
    )
    return df.sort("client", "alkupvm").select(
        client_ids(pl.col("client")).alias("asiakas_id"),
        pl.format(
            "K{}-{}-{}", "year", pl.col("kind") + 1, pl.col("course").cast(pl.String).str.zfill(4)
        ).alias("koulutus_id"),
        pl.lit(pl.Series(TRAINING_KINDS)).gather(pl.col("kind")).alias("laji"),
        *_dates("alkupvm", "loppupvm"),
        "suoritettu",
    )


def tapahtumat(
    events: dict[str, Arr], p: Batch, names: tuple[str, ...], first_number: int
) -> pl.DataFrame:
    df = pl.DataFrame(
        {
            "client": p["number"][events["period"]],
            **{k: events[k] for k in ("type", "day", "channel", "caseworker", "provider", "point")},
        }
    )
    munis = pl.lit(pl.Series([*names, None]))
    types = pl.lit(pl.Series([c.fi for c in EVENT_TYPES]))
    channels = pl.lit(pl.Series([*CHANNELS, None]))
    none = len(names)
    return (
        df.sort("client", "day", "type")
        .with_row_index("i")
        .select(
            (
                pl.lit("E")
                + (pl.col("i").cast(pl.Int64) + first_number).cast(pl.String).str.zfill(10)
            ).alias("tapahtuma_id"),
            client_ids(pl.col("client")).alias("asiakas_id"),
            types.gather(pl.col("type")).alias("tyyppi"),
            pl.col("day").cast(pl.Date).alias("pvm"),
            channels.gather(
                pl.when(pl.col("channel") >= 0).then(pl.col("channel")).otherwise(len(CHANNELS))
            ).alias("kanava"),
            caseworker_ids(pl.col("caseworker")).alias("virkailija_id"),
            munis.gather(
                pl.when(pl.col("provider") >= 0).then(pl.col("provider")).otherwise(none)
            ).alias("tuottaja_kunta"),
            munis.gather(pl.when(pl.col("point") >= 0).then(pl.col("point")).otherwise(none)).alias(
                "palvelupiste"
            ),
        )
    )
