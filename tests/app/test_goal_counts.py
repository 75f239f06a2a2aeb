"""Numbers a reader can cite on a goal page (AppTest on the committed sample): the cases beside
a share equal the exported numerator, denominator and pending (``python -m metrics export
--suppress 5``), and the table under a trend chart holds each month's value and counts as
metrics.engine computes that month."""

from __future__ import annotations

import csv
import html
import io
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb

from common.settings import PROJECT_ROOT
from metrics import engine
from metrics.privacy import SMALL
from metrics.registry import get
from tests.app.conftest import open_page
from tests.app.test_smoke import start
from ui.i18n import t

METRIC = "initial_contact_within_deadline"  # a cohort share on the service-process page


def _export(db: Path, start_day: date, end_day: date) -> dict[str, str]:
    args = ["export", "--db", str(db), "--from", str(start_day), "--to", str(end_day)]
    done = subprocess.run(
        [sys.executable, "-m", "metrics", *args, "--metric", METRIC, "--level", "koko_alue",
         "--suppress", "5", "--out", "-"],
        capture_output=True, check=True, cwd=PROJECT_ROOT,
    )  # fmt: skip
    return next(csv.DictReader(io.StringIO(done.stdout.decode("utf-8"))))


def _whole(text: str) -> str:
    return str(int(float(text)))


def test_a_share_shows_its_cases_and_its_trend_table(kpi_env: Path) -> None:
    at = open_page(start("fi"), "palveluprosessi").run()
    assert not at.exception
    con = duckdb.connect(str(kpi_env), read_only=True)
    as_of = con.sql("SELECT as_of FROM meta_load").fetchall()[0][0]
    row = _export(kpi_env, date(as_of.year, 1, 1), as_of)
    counts = [
        html.unescape(c)
        for block in at.html
        for c in re.findall(r'<div class="kpi-counts">(.*?)</div>', block.value)
    ]
    expected = f"({_whole(row['numerator'])} / {_whole(row['denominator'])}, kesken "
    assert counts[0] == expected + f"{_whole(row['pending'])})"
    assert not any(SMALL in c.split(",")[0] for c in counts)  # a hidden row shows no counts

    # The first metric's table under its monthly trend: a collapsed expander holds nothing
    # until it is opened (opening reruns the page, as a click does).
    assert at.expander[0].label == t("trend_table", "fi") and not at.expander[0].table
    at.session_state[f"trend_table_{METRIC}"] = True
    at.run()
    assert not at.exception
    table = at.expander[0].table[0].value
    assert at.expander[0].label == t("trend_table", "fi")
    assert list(table.columns)[:4] == [
        t(k, "fi") for k in ("col_period", "col_value", "col_numerator", "col_denominator")
    ]
    assert len(table) == as_of.month  # every month that had begun
    for _, cells in table.iterrows():
        month = int(str(cells.iloc[0]).split("/")[0].split(" ")[0])
        if cells.iloc[1] == SMALL:
            continue
        end = min(_month_end(as_of.year, month), as_of)
        kpi = engine.kpi_table(
            con, date(as_of.year, month, 1), end, levels=("koko_alue",), metric_ids=[METRIC]
        ).row(0, named=True)
        assert cells.iloc[2] == _whole(str(kpi["numerator"])), month
        assert cells.iloc[3] == _whole(str(kpi["denominator"])), month
    con.close()
    assert get(METRIC).unit == "share" and get(METRIC).cohort


def _month_end(year: int, month: int) -> date:
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)
