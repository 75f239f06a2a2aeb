"""The Finances page (Talous): the board sees it with the person-related cells as ``<5`` and
no downloads; management sees the full cells, can switch to the board's view, and every
download holds exactly the table on screen (the same table as ``python -m metrics costs``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from tests.access.test_gate import AUTH
from tests.app.conftest import APP, open_page
from ui import downloads


def _run(roles: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[AppTest, list[Any]]:
    menus: list[tuple[str, pl.DataFrame]] = []
    real = downloads._menu

    def menu(df: Any, stem: str, key: str, lang: Any, label: str, **kw: Any) -> None:
        menus.append((stem, downloads.rows_of(df)))  # the rows the menu holds when opened
        real(df, stem, key, lang, label, **kw)

    monkeypatch.setattr(downloads, "_menu", menu)
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["kieli"] = "fi"
    at.secrets = AUTH
    at.user = {"is_logged_in": True, "sub": "x1", "name": "T", "email": "a@kunta.fi",
               "roles": roles}  # fmt: skip
    at.run()
    open_page(at, "talous").run()
    assert not at.exception, [e.value for e in at.exception]
    return at, menus


def _cells(at: AppTest) -> list[str]:
    return [str(v) for table in at.table for v in table.value.to_numpy().ravel()]


def test_the_board_sees_small_cells_hidden_and_no_download(
    kpi_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at, menus = _run(["lautakunta"], monkeypatch)
    assert at.title[0].value == "Talous"
    assert "<5" in _cells(at)
    assert menus == [] and not at.get("download_button")
    assert not at.toggle  # the board cannot switch the rule off


def test_management_downloads_equal_the_screen_and_the_board_view(
    kpi_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at, menus = _run(["johto"], monkeypatch)
    stems = {stem: df for stem, df in menus}
    cells = next(df for stem, df in stems.items() if stem.endswith("kunnat_lajeittain"))
    assert "kunnan_osuus_suppressed" not in cells.columns
    bills = next(df for stem, df in stems.items() if stem.endswith("_kunnat"))
    total = bills.filter(pl.col("kunta") == "yhteensa")["kunnan_osuus"].item()
    assert bills.filter(pl.col("kunta") != "yhteensa")["kunnan_osuus"].sum() == total
    assert cells["kunnan_osuus"].sum() == total
    menus.clear()
    at.toggle[0].set_value(True).run()
    board = next(df for stem, df in menus if stem.endswith("kunnat_lajeittain"))
    assert board["kunnan_osuus_suppressed"].any()
    assert "<5" in _cells(at)
