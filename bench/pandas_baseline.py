"""The same work done the way an analyst would without this tool: plain pandas.

Reads the CSV exports of a folder and computes the KPI table of docs/spec/METRICS.md (every metric
at koko_alue, palvelualue and kunta, the table's columns in order). Written from
docs/spec/METRICS.md alone, independently of metrics/ (no DuckDB, no polars), so that it is both
the benchmark's floor to beat and a cross-check of the engine's numbers
(tests/bench/test_pandas_baseline.py).

    python -m bench.pandas_baseline DIR --from 2025-01-01 --to 2025-12-31 [--as-of D] [--out F]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from bench import pandas_cohorts as cohorts
from bench import pandas_situation as situation
from bench import pandas_targets as targets
from bench.pandas_read import kunnat, ledger_dates, read_folder
from bench.pandas_simple import SIMPLE

KPI_COLUMNS = (
    "metric_id",
    "level",
    "area",
    "period_start",
    "period_end",
    "as_of",
    "value",
    "numerator",
    "denominator",
    "pending",
    "target_op",
    "target_value",
    "status",
)
COHORTS: dict[str, Callable[[dict[str, pd.DataFrame], cohorts.Window], pd.DataFrame]] = {
    "tym_assessment_within_3_months": cohorts.tym_assessment,
    "integration_plan_within_30_days": cohorts.integration_plan,
    "training_unemployment_ended_3_months": cohorts.training,
    "initial_contact_within_deadline": cohorts.initial_contact,
    "supplementary_discussions_first_3_months": cohorts.supplementary,
}
COHORT_EXPORTS = {
    "tym_assessment_within_3_months": ("palvelujaksot", "tapahtumat", "asiakkaat"),
    "integration_plan_within_30_days": ("palvelujaksot", "tapahtumat", "asiakkaat"),
    "training_unemployment_ended_3_months": ("koulutukset", "tilajaksot", "asiakkaat"),
    "initial_contact_within_deadline": ("tyonhakujaksot", "tapahtumat", "asiakkaat"),
    "supplementary_discussions_first_3_months": (
        "tapahtumat",
        "tilajaksot",
        "tyonhakujaksot",
        "asiakkaat",
    ),
}
METRIC_ORDER = (
    "initial_interviews_face_to_face",
    "job_search_discussions_face_to_face",
    "tym_assessment_within_3_months",
    "immigrant_services_municipalities_used",
    "integration_plan_within_30_days",
    "vacancy_fill_time_days",
    "employer_contacts",
    "caseworkers_making_job_offers",
    "ecosystem_groups_started",
    "training_unemployment_ended_3_months",
    "service_points_operating",
    "service_points_with_youth_services",
    "initial_contact_within_deadline",
    "supplementary_discussions_first_3_months",
    "job_search_discussion_every_3_months",
    "tym_mean_duration_months",
    "meetings_outside_home_municipality",
    "clients_per_customer_service_htv",
    *situation.COUNTS,
    "unemployment_reaching_3_months",
    "time_to_employment_days",
    "statement_processing_days",
)


def default_as_of(d: dict[str, pd.DataFrame]) -> date:
    """The latest date of the columns docs/spec/METRICS.md names (the load's default as-of)."""
    cols = [
        ("tapahtumat", "pvm"),
        ("yrityskontaktit", "pvm"),
        ("tyopaikat", "julkaistu"),
        ("tyopaikat", "sulkeutunut"),
        ("tilajaksot", "alkupvm"),
        ("tyonhakujaksot", "alkupvm"),
        ("lausunnot", "vireille"),
        ("lausunnot", "annettu"),
        ("kustannukset", "pvm"),
    ]
    return max(d[e][c].max() for e, c in cols if e in d).date()


def coverage_start(d: dict[str, pd.DataFrame]) -> pd.Timestamp:
    """S: the load's default, the earliest ``tapahtumat.pvm``."""
    return pd.Timestamp(d["tapahtumat"]["pvm"].min())


def _areas() -> pd.DataFrame:
    ref = kunnat()
    rows = [("koko_alue", "Pohjois-Karjala")]
    rows += [("palvelualue", a) for a in dict.fromkeys(ref["palvelualue"])]
    rows += [("kunta", k) for k in ref["kunta"]]
    return pd.DataFrame(rows, columns=["level", "area"])


def _roll_up(per_kunta: pd.DataFrame) -> pd.DataFrame:
    """Sums per kunta up to the service areas and the whole area (every area present)."""
    ref = kunnat().set_index("kunta")
    k = per_kunta.reindex(ref.index, fill_value=0)
    pa = k.groupby(ref["palvelualue"], sort=False).sum()
    whole = k.sum().to_frame("Pohjois-Karjala").T
    return pd.concat([whole, pa, k])


def _cohort_counts(cases: pd.DataFrame) -> pd.DataFrame:
    g = cases.groupby("kunta")[["on_time", "resolved", "pending"]].sum()
    return g.rename(columns={"on_time": "numerator", "resolved": "denominator"})


def _year_earlier_counts(
    metric: str, d: dict[str, pd.DataFrame], w: cohorts.Window
) -> np.ndarray | None:
    """The count on the day a year before E per row, or None before S (no target)."""
    day = situation.one_year_earlier(w.e)
    if "tapahtumat" not in d or day < coverage_start(d):
        return None
    per_kunta = situation.count_on(situation.COUNTS[metric])(d, day)
    if per_kunta is None:
        return None
    return _roll_up(per_kunta.astype(float))["numerator"].to_numpy()


def _metric_rows(metric: str, d: dict[str, pd.DataFrame], w: cohorts.Window) -> pd.DataFrame:
    if metric in COHORTS:
        present = all(e in d for e in COHORT_EXPORTS[metric])
        per_kunta = _cohort_counts(COHORTS[metric](d, w)) if present else None
    elif metric in situation.COUNTS:
        per_kunta = situation.count_on(situation.COUNTS[metric])(d, w.e)
    elif metric in situation.SITUATION:
        per_kunta = situation.SITUATION[metric](d, w)
    else:
        per_kunta = SIMPLE[metric](d, w)
    areas = _areas()
    if metric == "ecosystem_groups_started":
        areas = areas[areas["level"] == "koko_alue"]
    if per_kunta is None:
        table = pd.DataFrame(
            index=areas["area"], columns=["numerator", "denominator", "pending"], dtype=float
        )
    elif metric == "ecosystem_groups_started":
        table = per_kunta
    else:
        table = _roll_up(per_kunta.astype(float))
    rows = areas.assign(
        **{
            c: table[c].to_numpy() if c in table else float("nan")
            for c in ("numerator", "denominator", "pending")
        }
    )
    if metric in targets.COUNT_METRICS:
        rows["value"], rows["denominator"] = rows["numerator"], float("nan")
    else:
        den = rows["denominator"]
        rows["value"] = (rows["numerator"] / den).where(den > 0)
    rows.insert(0, "metric_id", metric)
    if metric in situation.COUNTS:
        return targets.with_year_earlier(
            rows.reset_index(drop=True), _year_earlier_counts(metric, d, w)
        )
    return targets.with_targets(rows.reset_index(drop=True), metric, w)


def kpi_table(
    folder: Path,
    start: date,
    end: date,
    as_of: date | None = None,
    data: dict[str, pd.DataFrame] | None = None,
) -> pd.DataFrame:
    """The KPI table of the CSV exports in ``folder`` (read them unless ``data`` is given)."""
    d = data if data is not None else read_folder(folder)
    if data is None and (ledger := ledger_dates(folder)) is not None:
        d = {**d, "kustannukset": ledger.to_frame("pvm")}
    a = as_of or default_as_of(d)
    d = situation.with_spells(d)
    w = cohorts.Window(pd.Timestamp(start), pd.Timestamp(end), pd.Timestamp(a))
    out = pd.concat([_metric_rows(m, d, w) for m in METRIC_ORDER], ignore_index=True)
    out["period_start"], out["period_end"], out["as_of"] = start, end, a
    return out[list(KPI_COLUMNS)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.pandas_baseline",
        description=__doc__.split("\n\n")[0] if __doc__ else None,
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--from", dest="start", type=date.fromisoformat, required=True)
    parser.add_argument("--to", dest="end", type=date.fromisoformat, required=True)
    parser.add_argument("--as-of", type=date.fromisoformat, default=None)
    parser.add_argument("--out", type=Path, default=None, help="CSV file (default: stdout)")
    args = parser.parse_args(argv)
    table = kpi_table(args.folder, args.start, args.end, args.as_of)
    table.to_csv(args.out or sys.stdout, index=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
