"""The weekly list on the service-process page and the overview's card show what
``python -m metrics due`` writes for the committed sample."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
from streamlit.testing.v1 import AppTest

from metrics.__main__ import main
from metrics.registry import get
from tests.app.conftest import APP, open_page


def _due_file(db: Path, tmp_path: Path, *extra: str) -> pl.DataFrame:
    out = tmp_path / "due.csv"
    argv = ["due", "--db", str(db), "--level", "koko_alue", *extra, "--out", str(out)]
    assert main(argv) == 0
    return pl.read_csv(out, infer_schema=False)


def test_the_page_and_the_card_equal_metrics_due(kpi_env: Path, tmp_path: Path) -> None:
    shown = _due_file(kpi_env, tmp_path, "--suppress", "5")
    raw = _due_file(kpi_env, tmp_path)
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["kieli"] = "en"
    at.run()
    card = next(b.value for b in at.html if "due-card" in b.value)
    overdue, due = re.findall(r'<span class="due-card-value"[^>]*>(.*?)</span>', card)
    for group, text in (("overdue", overdue), ("due", due)):
        if text != "&lt;5":
            assert int(text) == sum(int(v) for v in raw.filter(pl.col("group") == group)["cases"])
    open_page(at, "palveluprosessi").run()
    at.button_group(key="breakdown_palveluprosessi").set_value("deadlines_due").run()
    assert not at.exception, [e.value for e in at.exception]
    # the section's table by rule (the page's other tables are the charts' value tables)
    by_rule = next(tb.value for tb in at.table if "Deadline rule" in tb.value.columns)
    for rule in shown["rule"].unique(maintain_order=True):
        row = by_rule[by_rule["Deadline rule"] == get(rule).title_en].iloc[0]
        cells = shown.filter(pl.col("rule") == rule)
        expected = dict(zip(cells["group"], cells["cases"], strict=True))
        assert row["Overdue"] == expected["overdue"], rule
        assert row["Due within 5 working days"] == expected["due"], rule
