"""The two small registers the area keeps by hand: ecosystem groups and service points.

Their state follows the plan's 2025 story: four of the six ecosystem groups start in 2025,
one in spring 2026, one has not started; every service point but one operates from
1.1.2025 (Heinävesi from March 2026), and five include the youth one-stop service.
Dates after the extraction date are written as not yet (null).
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from sample_data.profiles import Geography

GROUPS: tuple[tuple[str, dt.date | None, float], ...] = (
    ("elinvoima", dt.date(2025, 3, 12), 1.0),
    ("elinikäinen oppiminen", dt.date(2025, 4, 2), 1.0),
    ("hankinnat", dt.date(2025, 9, 17), 0.8),
    ("kansainvälinen työvoima", dt.date(2025, 5, 21), 1.2),
    ("työ- ja toimintakyky", dt.date(2026, 3, 4), 1.0),
    ("välityömarkkinoiden kehittäminen", None, 0.0),
)
LATE_POINTS = {"Heinävesi": dt.date(2026, 3, 2)}
YOUTH_SERVICES = ("Joensuu", "Kontiolahti", "Outokumpu", "Kitee", "Lieksa")


def tyoryhmat_frame(last: dt.date) -> pl.DataFrame:
    rows = []
    for name, started, per_month in GROUPS:
        on = started is not None and started <= last
        months = (
            (last.year - started.year) * 12 + last.month - started.month if on and started else 0
        )
        rows.append(
            {
                "ryhma": name,
                "kaynnistynyt": started if on else None,
                "kokouksia": 1 + int(months * per_month / 1.5) if on else None,
            }
        )
    return pl.DataFrame(
        rows, schema={"ryhma": pl.String, "kaynnistynyt": pl.Date, "kokouksia": pl.Int64}
    )


def palvelupisteet_frame(geo: Geography, first: dt.date, last: dt.date) -> pl.DataFrame:
    rows = []
    for name in geo.names:
        since = max(LATE_POINTS.get(name, dt.date(2025, 1, 1)), min(first, dt.date(2025, 1, 1)))
        rows.append(
            {
                "kunta": name,
                "toiminta_alkanut": since if since <= last else None,
                "nuorten_yhteispalvelu": name in YOUTH_SERVICES,
            }
        )
    return pl.DataFrame(
        rows,
        schema={
            "kunta": pl.String,
            "toiminta_alkanut": pl.Date,
            "nuorten_yhteispalvelu": pl.Boolean,
        },
    )
