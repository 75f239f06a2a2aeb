"""The people's downloads as a person gets them in chromium: a goal page's "all monthly
series" menu gives the Finnish CSV (Finnish headers, shares as ``75,3``, counts as
integers, dates ``14.3.2025``) and the XLSX (number formats, the header row frozen)."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
import pytest

from metrics.registry import goal_metrics
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_dashboard import page, settle  # noqa: F401  (the page fixture)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

GOAL = "lahipalvelut"  # face-to-face shares: percentages


def _download(page: Any, menu: str, button: str) -> bytes:  # noqa: F811
    page.get_by_role("button", name=re.compile(menu)).first.click()
    with page.expect_download() as info:
        page.get_by_role("button", name=button, exact=True).click()
    data = Path(info.value.path()).read_bytes()
    page.keyboard.press("Escape")
    return data


def test_finnish_csv_and_xlsx_of_all_monthly_series(page: Any, app_url: str) -> None:  # noqa: F811
    page.goto(f"{app_url}/{GOAL}")
    settle(page)
    menu = "Kaikki kuukausisarjat"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    csv = _download(page, menu, "CSV (suomalainen Excel)")
    (ARTIFACTS / "people_all_series.csv").write_bytes(csv)
    assert csv.startswith(b"\xef\xbb\xbf")
    text = csv.decode("utf-8-sig")
    df = pl.read_csv(io.StringIO(text), separator=";", infer_schema=False)
    assert df.columns[:6] == [
        "Mittari",
        "Taso",
        "Alue",
        "Jakso alkaa",
        "Jakso päättyy",
        "Tiedot päivältä",
    ]
    names = {m.title_fi for m in goal_metrics(GOAL)}
    assert set(df["Mittari"].to_list()) == names  # every series of the page, in one file
    shares = df.filter(pl.col("Yksikkö") == "%")["Arvo"].drop_nulls().to_list()
    shown = [v for v in shares if v != "<5"]
    assert shown and all(re.fullmatch(r"\d{1,3},\d", v) for v in shown), shown[:5]
    counts = df["Nimittäjä"].drop_nulls().to_list()
    assert all(re.fullmatch(r"\d+|<5", v) for v in counts), counts[:5]
    assert all(re.fullmatch(r"1\.\d{1,2}\.20\d\d", v) for v in df["Jakso alkaa"].to_list())
    assert set(df["Tila"].drop_nulls().to_list()) <= {
        "Tavoitteessa",
        "Riskissä",
        "Ei tavoitteessa",
        "Ei arvoa",
    }

    book = _download(page, menu, "Excel-taulukko (XLSX)")
    (ARTIFACTS / "people_all_series.xlsx").write_bytes(book)
    ws = openpyxl.load_workbook(io.BytesIO(book)).active
    assert ws is not None and ws.freeze_panes == "A2"
    headers = [c.value for c in ws[1]]
    assert headers == df.columns
    column = {h: i + 1 for i, h in enumerate(headers)}
    for r in range(2, ws.max_row + 1):
        value = ws.cell(row=r, column=column["Arvo"])
        unit = ws.cell(row=r, column=column["Yksikkö"]).value
        if isinstance(value.value, float):
            assert value.number_format == ("0.0 %" if unit == "%" else "# ##0"), r
        start = ws.cell(row=r, column=column["Jakso alkaa"])
        assert start.is_date and start.number_format == "d.m.yyyy"
        denominator = ws.cell(row=r, column=column["Nimittäjä"])
        if isinstance(denominator.value, float | int):
            assert denominator.number_format == "# ##0"
