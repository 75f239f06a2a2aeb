"""The national-indicator metrics of the pandas baseline (bench/pandas_situation.py) on tiny
hand-made data: spells, the year-earlier day, the counts, the cohorts and the means."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from bench.pandas_baseline import default_as_of
from bench.pandas_cohorts import Window
from bench.pandas_read import ledger_dates
from bench.pandas_situation import (
    count_on,
    every_3_months,
    one_year_earlier,
    reaching_3_months,
    spells,
    statement_processing,
    time_to_employment,
)

T = pd.Timestamp
NAT = pd.NaT


def _frame(columns: str, rows: list[tuple[object, ...]]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=columns.split())
    for c in ("alkupvm", "loppupvm", "pvm", "vireille", "annettu"):
        if c in df:
            df[c] = pd.to_datetime(df[c])
    return df


def _row(got: pd.DataFrame, kunta: str) -> list[float]:
    return [float(x) for x in got.loc[kunta].to_numpy()]


CLIENTS = _frame(
    "asiakas_id kunta syntymavuosi maahanmuuttaja",
    [
        ("a", "Joensuu", "2002", "true"),
        ("b", "Lieksa", "1980", "false"),
        ("c", "Kitee", None, None),
    ],
)


@pytest.mark.parametrize(
    ("day", "earlier"),
    [("2025-02-28", "2024-02-29"), ("2024-02-29", "2023-02-28"), ("2025-03-15", "2024-03-15")],
)
def test_one_year_earlier_maps_month_ends(day: str, earlier: str) -> None:
    assert one_year_earlier(T(day)) == T(earlier)


def test_spells_join_rows_that_follow_each_other() -> None:
    t = _frame(
        "asiakas_id tila alkupvm loppupvm",
        [
            ("a", "tyoton", "2024-01-01", "2024-03-31"),
            ("a", "lomautettu", "2024-04-01", "2024-05-31"),
            ("a", "tyoton", "2024-06-02", None),  # a gap of a day: a new spell
            ("b", "tyollinen", "2024-01-01", None),
        ],
    )
    s = spells({"tilajaksot": t}).drop_duplicates("spell")
    assert list(s["start"]) == [T("2024-01-01"), T("2024-06-02")]
    assert s["end"].iloc[0] == T("2024-05-31") and pd.isna(s["end"].iloc[1])


def test_counts_on_a_day() -> None:
    t = _frame(
        "asiakas_id tila alkupvm loppupvm",
        [
            ("a", "tyoton", "2024-01-01", "2024-12-31"),
            ("a", "tyoton", "2025-01-01", None),  # follows: one spell from 2024-01-01
            ("b", "lomautettu", "2025-06-01", None),
            ("c", "palveluissa", "2024-01-01", None),
        ],
    )
    d = {"tilajaksot": t, "asiakkaat": CLIENTS}
    day = T("2025-06-30")
    counts: dict[str, pd.DataFrame] = {}
    for kind in ("all", "under_25", "long_term", "immigrants"):
        got = count_on(kind)(d, day)
        assert got is not None
        counts[kind] = got
    assert counts["all"]["numerator"].to_dict() == {"Joensuu": 1, "Lieksa": 1}
    assert counts["under_25"]["numerator"].to_dict() == {"Joensuu": 1}  # 2025 - 2002 = 23
    assert counts["long_term"]["numerator"].to_dict() == {"Joensuu": 1}
    assert counts["immigrants"]["numerator"].to_dict() == {"Joensuu": 1}


def test_reaching_3_months_resolves_and_pends() -> None:
    t = _frame(
        "asiakas_id tila alkupvm loppupvm",
        [
            ("a", "tyoton", "2025-01-10", "2025-04-10"),  # ended on start + 3 months: not reached
            ("b", "tyoton", "2025-01-10", None),  # still on, start + 3 months < A: reached
            ("c", "tyoton", "2025-05-01", None),  # start + 3 months = 1.8. > A: pending
        ],
    )
    w = Window(T("2025-01-01"), T("2025-12-31"), T("2025-07-31"))
    got = reaching_3_months({"tilajaksot": t, "asiakkaat": CLIENTS}, w)
    assert got is not None
    assert _row(got, "Joensuu") == [0, 1, 0]
    assert _row(got, "Lieksa") == [1, 1, 0]
    assert _row(got, "Kitee") == [0, 0, 1]


def test_time_to_employment_counts_days_in_the_period_of_the_job() -> None:
    js = _frame(
        "asiakas_id alkupvm loppupvm",
        [("a", "2025-01-01", "2025-03-31"), ("b", "2025-01-01", None)],
    )
    t = _frame(
        "asiakas_id tila alkupvm loppupvm",
        [
            ("a", "tyoton", "2024-12-01", "2025-03-31"),
            ("a", "tyollinen", "2025-04-01", None),  # the day after loppupvm still counts
            ("b", "tyollinen", "2025-02-01", None),  # not unemployed on alkupvm: no case
        ],
    )
    w = Window(T("2025-01-01"), T("2025-12-31"), T("2025-12-31"))
    got = time_to_employment({"tilajaksot": t, "tyonhakujaksot": js, "asiakkaat": CLIENTS}, w)
    assert got is not None
    assert got["numerator"].to_dict() == {"Joensuu": 90} and got["denominator"].sum() == 1


def test_statement_processing_days_and_backlog() -> None:
    s = _frame(
        "lausunto_id asiakas_id vireille annettu",
        [
            ("1", "a", "2025-01-01", "2025-01-11"),
            ("2", "a", "2024-12-20", None),  # backlog
            ("3", "b", "2025-06-01", "2026-01-05"),  # issued after E: backlog on E
        ],
    )
    w = Window(T("2025-01-01"), T("2025-12-31"), T("2026-02-01"))
    got = statement_processing({"lausunnot": s, "asiakkaat": CLIENTS}, w)
    assert got is not None
    assert _row(got, "Joensuu") == [10, 1, 1]
    assert _row(got, "Lieksa") == [0, 0, 1]


def test_every_3_months_excludes_first() -> None:
    ev = _frame(
        "asiakas_id tyyppi pvm",
        [
            ("a", "alkuhaastattelu", "2025-01-15"),
            ("a", "tyonhakukeskustelu", "2025-04-15"),  # on D: on time; D of its own 15.7.
            ("a", "tyonhakukeskustelu", "2025-07-20"),  # late for the second anchor
            ("b", "alkuhaastattelu", "2025-01-15"),
            ("b", "tyonhakukeskustelu", "2025-03-01"),  # in time, but b works on D: excluded
        ],
    )
    js = _frame(
        "asiakas_id alkupvm loppupvm", [("a", "2025-01-01", None), ("b", "2025-01-01", None)]
    )
    t = _frame(
        "asiakas_id tila alkupvm loppupvm",
        [("a", "tyoton", "2025-01-01", None), ("b", "tyoton", "2025-01-01", "2025-02-28")],
    )
    d = {"tapahtumat": ev, "tyonhakujaksot": js, "tilajaksot": t, "asiakkaat": CLIENTS}
    w = Window(T("2025-01-01"), T("2025-09-30"), T("2025-09-30"))
    got = every_3_months(d, w)
    assert got is not None
    assert _row(got, "Joensuu") == [1, 2, 0]
    assert _row(got, "Lieksa") == [0, 0, 0]  # both cases excluded


def test_the_default_as_of_reads_statements_and_the_ledger(tmp_path: Path) -> None:
    (tmp_path / "kustannukset.csv").write_text(
        "kirjaus_id;PVM;summa\n1;3.11.2026;10,00\n2;1.10.2026;5,00\n", encoding="utf-8"
    )
    ledger = ledger_dates(tmp_path)
    assert ledger is not None and ledger.max() == T("2026-11-03")
    assert ledger_dates(tmp_path / "none") is None
    d = {
        "tapahtumat": _frame("asiakas_id pvm", [("a", "2026-10-01")]),
        "lausunnot": _frame("asiakas_id vireille annettu", [("a", "2026-10-02", "2026-10-20")]),
    }
    assert default_as_of(d) == T("2026-10-20").date()
    assert default_as_of({**d, "kustannukset": ledger.to_frame("pvm")}) == T("2026-11-03").date()
