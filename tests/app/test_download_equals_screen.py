"""A download equals the screen it comes from (issue 12, finding 8): the overview's "Lataa
tiedot" file holds no count its cards show as ``<5``; the analyst's unsuppressed numbers are
a separate, labelled download offered only to the roles that may have them (not the board);
the board's periods are whole months (docs/privacy.md).
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from metrics.registry import GOALS, goal_metrics
from tests.access.test_gate import AUTH
from tests.app.conftest import APP, open_page
from ui import cards, downloads
from ui.formatting import fmt_period
from ui.i18n import t

UNSUPPRESSED_FI = t("download_unsuppressed", "fi")
AREA = "Heinävesi"  # a small municipality of the sample: several of its cards are <5


def _spy(monkeypatch: pytest.MonkeyPatch) -> tuple[list[tuple[str, pl.DataFrame]], list[Any]]:
    menus: list[tuple[str, pl.DataFrame]] = []
    shown: list[Any] = []
    real_menu, real_cards = downloads._menu, cards.card_data

    def menu(df: Any, stem: str, key: str, lang: Any, label: str, **kw: Any) -> None:
        menus.append((stem, downloads.rows_of(df)))  # the rows the menu holds when opened
        real_menu(df, stem, key, lang, label, **kw)

    def card_data(ctx: Any) -> Any:
        out = real_cards(ctx)
        shown.append(out)
        return out

    monkeypatch.setattr(downloads, "_menu", menu)
    monkeypatch.setattr(cards, "card_data", card_data)
    return menus, shown


def _run(user: dict[str, Any] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["kieli"] = "fi"
    at.query_params["taso"] = "kunta"
    at.query_params["alue"] = AREA
    if user is not None:
        at.secrets = AUTH
        at.user = {"is_logged_in": True, "sub": "x1", "name": "Test", **user}
    return at.run()


def _popovers(at: AppTest) -> list[str]:
    return [p.proto.popover.label for p in at.get("popover")]


def test_the_overview_download_holds_no_count_the_cards_show_as_small(
    kpi_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    menus, shown = _spy(monkeypatch)
    at = _run()
    assert not at.exception, [e.value for e in at.exception]
    small = [mid for mid, c in shown[-1].items() if c.shown.value == "<5" and not c.whole_area]
    assert small, "the sample's small municipality has cards under the rule"
    screen = next(df for stem, df in menus if stem.startswith("kpi_"))
    raw = next(df for stem, df in menus if stem.endswith(downloads.UNSUPPRESSED_SUFFIX))
    csv = pl.read_csv(io.BytesIO(downloads.file_bytes(screen, "standard")), infer_schema=False)
    mine = csv.filter((pl.col("level") == "kunta") & (pl.col("area") == AREA))
    raw_mine = raw.filter((pl.col("level") == "kunta") & (pl.col("area") == AREA))
    small_in_raw = 0
    for metric_id in small:
        row = mine.filter(pl.col("metric_id") == metric_id).row(0, named=True)
        for column in ("value", "numerator", "denominator"):
            assert row[column] in (None, "", "<5"), (metric_id, column, row[column])
        raw_row = raw_mine.filter(pl.col("metric_id") == metric_id).row(0, named=True)
        small_in_raw += raw_row["denominator"] is not None and 0 < raw_row["denominator"] < 5
    assert small_in_raw  # the raw (internal) download does hold the small counts
    assert UNSUPPRESSED_FI in _popovers(at)  # local mode: the analyst's rights


@pytest.mark.parametrize(
    ("roles", "offered"),
    [(["analyytikko"], True), (["johto"], True), (["lautakunta"], False)],
)
def test_the_unsuppressed_download_is_offered_only_to_roles_that_may_have_it(
    kpi_env: Path, roles: list[str], offered: bool
) -> None:
    at = _run({"email": "a@kunta.fi", "roles": roles})
    assert not at.exception, [e.value for e in at.exception]
    ids = [b.proto.id for b in at.get("download_button")]
    assert any(i.endswith("board_report") for i in ids)  # the overview was drawn for the role
    assert (UNSUPPRESSED_FI in _popovers(at)) == offered
    # the menu's buttons are drawn when it is opened (a lazy popover): open it as a click does
    at.session_state[downloads.menu_key("overview_kpi_raw")] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    raw_keys = [b.proto.id for b in at.get("download_button") if "_raw_" in b.proto.id]
    assert bool(raw_keys) == offered


def test_a_download_menu_draws_its_buttons_only_when_opened(kpi_env: Path) -> None:
    """Eight menus of five buttons were half of a goal page's elements; a closed menu now
    holds none (docs/scaling.md), an opened one all five, and a second one stays closed."""
    at = _run()
    open_page(at, "kohtaanto").run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(_popovers(at)) >= 4 and not at.get("download_button")
    at.session_state[downloads.menu_key("all_series_kohtaanto")] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    ids = [b.proto.id for b in at.get("download_button")]
    assert len(ids) == len(downloads.PEOPLE_FORMATS) + len(downloads.FORMATS), ids
    assert all("all_series_kohtaanto" in i for i in ids)


@pytest.mark.parametrize(("roles", "aligned"), [(["lautakunta"], True), (["analyytikko"], False)])
def test_the_boards_periods_are_whole_months(
    kpi_env: Path, roles: list[str], aligned: bool
) -> None:
    at = AppTest.from_file(APP, default_timeout=180)
    for key, value in {
        "kieli": "fi",
        "jakso": "vali",
        "alku": "2025-02-03",
        "loppu": "2025-04-17",
    }.items():
        at.query_params[key] = value
    at.secrets = AUTH
    at.user = {
        "is_logged_in": True,
        "sub": "x1",
        "name": "T",
        "email": "a@kunta.fi",
        "roles": roles,
    }
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    captions = "\n".join(c.value for c in at.caption)
    whole = fmt_period(date(2025, 2, 1), date(2025, 4, 30), "fi")
    chosen = fmt_period(date(2025, 2, 3), date(2025, 4, 17), "fi")
    assert (whole in captions) == aligned
    assert (chosen in captions) == (not aligned)


def test_a_goal_page_downloads_all_its_monthly_series_in_one_file(
    kpi_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The goal page's "all monthly series" menu holds every metric of the goal, month by
    month, the same rows the page's monthly charts draw (small-number rule included)."""
    menus, _ = _spy(monkeypatch)
    at = _run()
    open_page(at, "kohtaanto").run()
    assert not at.exception, [e.value for e in at.exception]
    everything = next(df for stem, df in menus if "_kuukausisarjat_" in stem)
    charts = [df for stem, df in menus if "_month_" in stem and "unsuppressed" not in stem]
    goal_ids = [m.id for m in goal_metrics("kohtaanto")]
    assert list(dict.fromkeys(everything["metric_id"].to_list())) == goal_ids
    assert set(everything["area"].to_list()) <= {AREA, "Pohjois-Karjala"}
    for chart in charts:  # each chart's own download is the same rows of the one file
        mid = chart["metric_id"][0]
        mine = everything.filter(pl.col("metric_id") == mid)
        assert mine.equals(chart.sort("period_start")), mid
    assert charts, "the page drew monthly charts"
    label = t("download_all_series", "fi", goal=t("goal_short_kohtaanto", "fi"), area=AREA)
    assert label in _popovers(at)


@pytest.mark.parametrize(
    "url_path", [*(g.url_path for g in GOALS.values() if g.url_path), "resurssit"]
)
def test_every_menus_people_files_hold_the_screens_rows(
    kpi_env: Path, monkeypatch: pytest.MonkeyPatch, url_path: str
) -> None:
    """Every download menu of a page builds its people's CSV and XLSX: one line per row of
    the screen's table, ``<5`` exactly where the machine file has it."""
    menus, _ = _spy(monkeypatch)
    at = _run()
    menus.clear()
    open_page(at, url_path).run()
    assert not at.exception, [e.value for e in at.exception]
    assert menus
    for stem, df in menus:
        machine = downloads.file_bytes(df, "standard").decode("utf-8")
        for lang in ("fi", "en"):
            people = downloads.file_bytes(df, "people_csv", lang).decode("utf-8-sig")
            assert len(people.splitlines()) == df.height + 1, stem
            assert people.count("<5") == machine.count("<5"), stem
        book = openpyxl.load_workbook(io.BytesIO(downloads.file_bytes(df, "people_xlsx", "fi")))
        assert book.active is not None and book.active.max_row == df.height + 1, stem
