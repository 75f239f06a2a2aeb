"""ui.board_report_download: the board report carries the board's rule whoever generates it:
its period is widened to whole calendar months and its figures are the disclosed ones of
that period (metrics.disclosure), the same the board's own pages show."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from common.reference import AREA_NAME
from common.settings import get_settings
from metrics.disclosure import disclose
from pipelines import load_folder
from ui import board_report_download as download
from ui.cached_queries import DbHandle, LoadInfo
from ui.page_context import PageContext
from ui.view import WHOLE_AREA, AreaChoice, View


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("board_report_download") / "sample.duckdb"
    load_folder(get_settings().sample_dir, db)
    return db


def _ctx(db: Path, start: date, end: date, area: AreaChoice = WHOLE_AREA) -> PageContext:
    con = duckdb.connect(str(db), read_only=True)
    try:
        as_of = con.execute("SELECT as_of FROM meta_load").fetchall()[0][0]
    finally:
        con.close()
    info = LoadInfo(as_of=as_of, loaded_at=None, source=None)
    handle = DbHandle(str(db), f"{db.stat().st_mtime_ns}")
    return PageContext(view=View(area=area), db=handle, info=info, start=start, end=end)


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (date(2026, 2, 3), date(2026, 4, 17), (date(2026, 2, 1), date(2026, 4, 30))),
        (date(2026, 1, 1), date(2026, 3, 31), (date(2026, 1, 1), date(2026, 3, 31))),
        (date(2026, 10, 4), date(2026, 10, 31), (date(2026, 10, 1), date(2026, 10, 31))),
    ],
)
def test_the_period_is_whole_months(
    sample_db: Path, start: date, end: date, months: tuple[date, date]
) -> None:
    ctx = _ctx(sample_db, start, end)
    assert (download.board_context(ctx).start, download.board_context(ctx).end) == months
    assert download.file_name(ctx).endswith(f"_{months[0]}_{months[1]}.html")


def test_a_day_level_period_reports_the_board_figures(sample_db: Path) -> None:
    """Management's 3.2.-17.4. gives the board's 1.2.-30.4.: its rows and months."""
    ctx = _ctx(sample_db, date(2026, 2, 3), date(2026, 4, 17))
    data = download.report_input(ctx)
    assert (data.start, data.end) == (date(2026, 2, 1), date(2026, 4, 30))
    con = duckdb.connect(str(sample_db), read_only=True)
    try:
        board = disclose(con, date(2026, 2, 1), date(2026, 4, 30), as_of=ctx.info.as_of)
        day_level = disclose(con, date(2026, 2, 3), date(2026, 4, 17), as_of=ctx.info.as_of)
    finally:
        con.close()
    whole = (pl.col("level") == "koko_alue") & (pl.col("area") == AREA_NAME)
    assert_frame_equal(data.rows, board.period.filter(whole))
    assert_frame_equal(data.monthly, board.monthly.filter(whole))
    # the day-level period is another table: the report does not carry it
    assert not data.rows["numerator"].equals(day_level.period.filter(whole)["numerator"])


def test_a_municipality_report_falls_back_to_the_whole_area(sample_db: Path) -> None:
    ctx = _ctx(sample_db, date(2026, 1, 1), date(2026, 3, 31), AreaChoice("kunta", "Lieksa"))
    data = download.report_input(ctx)
    assert set(data.rows["area"]) <= {"Lieksa", AREA_NAME}
    assert "Lieksa" in set(data.rows["area"]) and data.area_label.startswith("Lieksa")
