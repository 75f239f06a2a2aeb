"""The Monday e-mail's "deadlines coming up this week" (metrics.digest_due): the whole area's
overdue and due counts by rule and in total, in the HTML and the plain text, equal to
``python -m metrics due --suppress 5 --level koko_alue`` for the committed sample."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest

from common.reference import AREA_NAME
from metrics.__main__ import main
from metrics.deadlines_due import DUE_RULES, due_counts, due_until
from metrics.deadlines_due_privacy import TOTAL, suppress_due
from metrics.digest_data import Digest, build_digest
from metrics.digest_due import DueCount, DueRow, DueSection, build_due
from metrics.digest_html import due_cell, render_html
from metrics.digest_plain import render_text
from metrics.privacy import DEFAULT_THRESHOLD
from tests.metrics.digest_helpers import load_sample, norm
from ui.formatting import MISSING
from ui.i18n import Lang


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return load_sample(tmp_path_factory.mktemp("digest_due"))


def _cli(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[tuple, str]:
    """``python -m metrics due --suppress 5 --level koko_alue``: cell text by (rule, group)."""
    out = tmp_path / "due.csv"
    args = ["due", "--db", str(db), "--suppress", "5", "--level", "koko_alue", "--out", str(out)]
    assert main(args) == 0, capsys.readouterr().err
    rows = pl.read_csv(out, infer_schema=False).iter_rows(named=True)
    return {(r["rule"], r["group"]): r["cases"] for r in rows}


def _total(db: Path) -> dict[str, str]:
    """The total over the rules under the same rule (the command leaves the total out)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        shown = suppress_due(due_counts(con), DEFAULT_THRESHOLD)
    finally:
        con.close()
    rows = shown.filter(
        (pl.col("rule") == TOTAL) & (pl.col("level") == "koko_alue") & (pl.col("area") == AREA_NAME)
    )
    return {
        str(r["group"]): "<5" if r["cases_suppressed"] else str(r["cases"])
        for r in rows.iter_rows(named=True)
    }


def _digest(db: Path) -> Digest:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return build_digest(con)
    finally:
        con.close()


def _html_cells(html: str) -> dict[str, list[str]]:
    found = re.search(r'<table[^>]*data-section="due".*?</table>', html, re.S)
    assert found is not None
    rows = re.findall(r'<tr data-rule="([a-z0-9_]+)">(.*?)</tr>', found.group(0), re.S)
    return {
        rule: [norm(re.sub(r"<[^>]+>", "", c)).replace("&lt;", "<") for c in
               re.findall(r"<td[^>]*>(.*?)</td>", body, re.S)]
        for rule, body in rows
    }  # fmt: skip


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_mail_shows_the_due_command_s_numbers(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: Lang
) -> None:
    cli = _cli(sample_db, tmp_path, capsys)
    total = _total(sample_db)
    d = _digest(sample_db)
    cells = _html_cells(render_html(d, lang, "https://kpi.example.fi/", attached=False))
    assert list(cells) == [*DUE_RULES, TOTAL]
    for rule in DUE_RULES:
        assert cells[rule][1:] == [cli[(rule, "overdue")], cli[(rule, "due")]], rule
    assert cells[TOTAL][1:] == [total["overdue"], total["due"]]
    assert any(c == "<5" for row in cells.values() for c in row[1:])  # the rule hides some
    assert any(c not in ("0", "<5") for row in cells.values() for c in row[1:])
    text = render_text(d, lang, "https://kpi.example.fi/", attached=False)
    lines = [x for x in text.splitlines() if x.startswith("- ")]
    for name, overdue, due in (row for row in cells.values()):
        assert any(x.startswith(f"- {name}:") and f" {overdue};" in x and x.endswith(f" {due}")
                   for x in lines), name  # fmt: skip


def test_the_section_s_words_and_dates(sample_db: Path) -> None:
    d = _digest(sample_db)
    assert d.due is not None
    until = due_until(d.as_of, 5)
    fi = render_html(d, "fi", "https://kpi.example.fi/", attached=False)
    en = render_html(d, "en", "https://kpi.example.fi/", attached=False)
    assert "Määräajat tällä viikolla" in fi and "Erääntyy 5 työpäivän kuluessa" in fi
    assert f"{until.day}.{until.month}.{until.year} mennessä" in fi
    assert "Deadlines coming up this week" in en and "Due within 5 working days" in en
    assert "Kaikki määräajat" in fi and "All deadline rules" in en
    assert fi.index("Määräajat tällä viikolla") < fi.index("Kaikki mittarit, koko alue")
    assert "<script" not in fi and "<style" not in fi
    plain = render_text(d, "fi", "https://kpi.example.fi/", attached=False)
    assert "Määräajat tällä viikolla:" in plain


def test_a_higher_threshold_hides_more(sample_db: Path) -> None:
    con = duckdb.connect(str(sample_db), read_only=True)
    try:
        as_of = con.execute("SELECT as_of FROM meta_load").fetchall()[0][0]
        default, strict = build_due(con, as_of), build_due(con, as_of, threshold=20)
    finally:
        con.close()

    def hidden(s: DueSection) -> int:
        return sum(c.hidden for r in s.rows for c in (r.overdue, r.due))

    assert hidden(strict) > hidden(default)


def test_cells_hidden_missing_and_shown() -> None:
    assert due_cell(DueCount(None, True), "fi") == "<5"
    assert due_cell(DueCount(None, False), "fi") == MISSING  # the rule's exports not loaded
    assert due_cell(DueCount(1234, False), "en") == "1,234"


def test_no_section_when_not_computed() -> None:
    a = date(2025, 3, 31)
    d = Digest(a, date(2025, 1, 1), a, None, None, (), pl.DataFrame(), pl.DataFrame())
    assert "Määräajat tällä viikolla" not in render_html(d, "fi", "x", attached=False)
    section = DueSection(a, 5, a, (DueRow(TOTAL, DueCount(7, False), DueCount(0, False)),))
    with_due = Digest(a, date(2025, 1, 1), a, None, None, (), pl.DataFrame(), pl.DataFrame(),
                      section)  # fmt: skip
    assert "Määräajat tällä viikolla" in render_html(with_due, "fi", "x", attached=False)
