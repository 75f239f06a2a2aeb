"""Helpers of the digest tests: the committed sample loaded once, settings from the
environment, the command in this process, and the mail's numbers read back from its HTML."""

from __future__ import annotations

import re
from datetime import date
from html import unescape
from pathlib import Path

import duckdb
import polars as pl
import pytest

from common.reference import AREA_NAME
from common.settings import get_settings
from metrics.__main__ import main
from metrics.disclosure import disclose
from pipelines import load_folder


def load_sample(folder: Path) -> Path:
    db = folder / "sample.duckdb"
    load_folder(get_settings().sample_dir, db)
    return db


def use_env(monkeypatch: pytest.MonkeyPatch, **env: str) -> None:
    for name, value in env.items():
        monkeypatch.setenv(f"KPI_{name.upper()}", value)
    get_settings.cache_clear()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """``python -m metrics digest ARGS`` here: exit code and stderr."""
    code = main(["digest", *args])
    return code, capsys.readouterr().err


def area_table(db: Path, end: date | None = None, monthly: bool = False) -> pl.DataFrame:
    """The whole area's KPI table (or ``monthly`` series), year to date, under the board's
    rule (metrics.disclosure), as the mail and its attachment should show it."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        as_of = con.execute("SELECT as_of FROM meta_load").fetchall()[0][0]
        shown = disclose(con, date(as_of.year, 1, 1), end or as_of, as_of=as_of)
    finally:
        con.close()
    table = shown.monthly if monthly else shown.period
    return table.filter((pl.col("level") == "koko_alue") & (pl.col("area") == AREA_NAME))


def html_rows(html: str, section: str) -> dict[str, list[str]]:
    """The cells' texts of the mail's table ``section`` (attention, changed, all) by metric."""
    found = re.search(rf'<table[^>]*data-section="{section}".*?</table>', html, re.S)
    if found is None:
        return {}
    rows = re.findall(r'<tr data-metric="([a-z0-9_]+)">(.*?)</tr>', found.group(0), re.S)
    return {mid: [_text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", body, re.S)]
            for mid, body in rows}  # fmt: skip


def _text(cell: str) -> str:
    return norm(unescape(re.sub(r"<[^>]+>", "", cell)))


def norm(text: str) -> str:
    """Spaces of any width as plain spaces (the mail uses no-break ones)."""
    return re.sub(r"[\s\xa0\u202f]+", " ", text).strip()
