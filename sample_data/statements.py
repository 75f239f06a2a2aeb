"""Labour-policy statements (lausunnot) of one chunk's job searches.

A statement is asked when an unemployed or laid-off client's search starts (about one search
in five: the right to unemployment benefit needs a statement when the search starts after a
job ended by the client, a refused offer or a study), dated 0-30 days after the start; it is
issued after the area's median processing days (log-normal, 5-40 days). An issue date after
the extraction date is written empty: the statement is still pending (the backlog).
Drawn from its own random stream, so adding it left every other export as it was.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import polars as pl

from sample_data.periods import TYM, Batch
from sample_data.population import client_ids
from sample_data.profiles import PROFILES, Geography

STATEMENT_SHARE = 0.22


def lausunnot_frame(
    p: Batch, geo: Geography, first: int, last: int, first_number: int, rng: np.random.Generator
) -> pl.DataFrame:
    """``lausunto_id, asiakas_id, vireille, annettu`` in contract columns."""
    n = len(p["start"])
    unemployed = (p["status"] <= 1) | (p["kind"] == TYM)
    asked = unemployed & (rng.random(n) < STATEMENT_SHARE)
    pending_since = p["start"] + rng.integers(0, 31, n)
    median = np.array([PROFILES[geo.areas[m]].statement_days for m in p["muni"]])
    days = np.clip(np.round(median * rng.lognormal(0.0, 0.45, n)), 5, 40).astype(np.int64)
    keep = asked & (pending_since >= first) & (pending_since <= last)
    issued: npt.NDArray[np.int64] = pending_since + days
    df = pl.DataFrame(
        {
            "client": p["number"][keep],
            "vireille": pending_since[keep],
            "annettu": np.where(issued[keep] > last, -1, issued[keep]),
        }
    ).sort("client", "vireille")
    return df.with_row_index("i").select(
        (
            pl.lit("L") + (pl.col("i").cast(pl.Int64) + first_number).cast(pl.String).str.zfill(9)
        ).alias("lausunto_id"),
        client_ids(pl.col("client")).alias("asiakas_id"),
        pl.col("vireille").cast(pl.Date),
        pl.when(pl.col("annettu") >= 0).then(pl.col("annettu")).cast(pl.Date).alias("annettu"),
    )
