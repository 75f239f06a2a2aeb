"""``python -m metrics digest --out``: the mail's HTML, its numbers equal the KPI table."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest

from common.reference import AREA_NAME
from common.settings import get_settings
from metrics.definition import ALL_LEVELS
from metrics.digest_data import compared_ids
from metrics.engine import kpi_table
from metrics.privacy import SUPPRESSED, basis_of, suppress
from metrics.registry import REGISTRY, get
from tests.metrics.digest_helpers import area_table, html_rows, load_sample, norm, run, use_env
from ui.formatting import fmt_change, fmt_value


@pytest.fixture(autouse=True)
def _fresh_settings() -> Iterator[None]:
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return load_sample(tmp_path_factory.mktemp("digest"))


def _written(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str
) -> str:
    out = tmp_path / "digest.html"
    code, err = run(capsys, "--db", str(sample_db), "--out", str(out), *args)
    assert code == 0, err
    assert f"written: {out}" in err
    return out.read_text(encoding="utf-8")


def test_every_number_equals_the_kpi_table(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html = _written(sample_db, tmp_path, capsys)
    table = area_table(sample_db)
    rows = {r["metric_id"]: r for r in table.iter_rows(named=True)}
    shown = html_rows(html, "all")
    assert set(shown) == set(rows) and len(shown) == len(REGISTRY)
    for metric_id, row in rows.items():
        unit = get(metric_id).unit
        expected = "<5" if row[SUPPRESSED] else fmt_value(row["value"], unit, "fi")
        assert shown[metric_id][1] == norm(expected), metric_id
    words = {"off": "Ei tavoitteessa", "risk": "Riskissä", "ok": "Tavoitteessa"}
    attention = html_rows(html, "attention")
    expected_ids = [r["metric_id"] for s in ("off", "risk") for r in rows.values()
                    if r["status"] == s]  # fmt: skip
    assert list(attention) == expected_ids and expected_ids
    for metric_id in expected_ids:
        assert attention[metric_id][3].endswith(words[str(rows[metric_id]["status"])])


def test_change_in_a_week_only_for_figures_not_about_people(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html = _written(sample_db, tmp_path, capsys)
    now = {r["metric_id"]: r for r in area_table(sample_db).iter_rows(named=True)}
    as_of = next(iter(now.values()))["as_of"]
    week_ago = date.fromordinal(as_of.toordinal() - 7)
    before = {r["metric_id"]: r for r in area_table(sample_db, end=week_ago).iter_rows(named=True)}
    shown = html_rows(html, "all")
    changed = html_rows(html, "changed")
    compared = set(compared_ids())
    assert compared and compared < set(now)
    compared_with_values = 0  # figures whose change the mail states (±0 included)
    for metric_id, row in now.items():
        a, b = row["value"], before[metric_id]["value"]
        if metric_id not in compared:  # a figure about people: the board's cards show none
            assert basis_of(metric_id) != "none"
            assert shown[metric_id][2] == "–" and metric_id not in changed
            continue
        if a is None or b is None:
            assert shown[metric_id][2] == "–"
            continue
        expected = fmt_change(a - b, get(metric_id).unit, "fi")
        compared_with_values += 1
        assert shown[metric_id][2] == norm(expected), metric_id
    assert compared_with_values  # the sample has such figures, so the test can fail
    assert f"sama jakso {as_of.day - 7}.{as_of.month}.{as_of.year} asti" in html
    assert "vain luvuille, jotka eivät koske henkilöitä" in html


def test_the_mail_hides_what_the_board_rule_hides(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The month rule hides figures the old one-table rule showed; the mail hides them too."""
    html = _written(sample_db, tmp_path, capsys)
    shown = html_rows(html, "all")
    board = {r["metric_id"]: r for r in area_table(sample_db).iter_rows(named=True)}
    con = duckdb.connect(str(sample_db), read_only=True)
    try:
        as_of = con.execute("SELECT as_of FROM meta_load").fetchall()[0][0]
        table = kpi_table(con, date(as_of.year, 1, 1), as_of, as_of=as_of, levels=ALL_LEVELS)
    finally:
        con.close()
    whole = (pl.col("level") == "koko_alue") & (pl.col("area") == AREA_NAME)
    old = {r["metric_id"]: r for r in suppress(table).filter(whole).iter_rows(named=True)}
    newly_hidden = [m for m, r in board.items() if r[SUPPRESSED] and not old[m][SUPPRESSED]]
    assert newly_hidden  # the sample has months of 1..4 people inside shown year totals
    for metric_id in newly_hidden:
        assert shown[metric_id][1] == "<5" and shown[metric_id][2] == "–"


def test_outlook_safe_and_linked(
    sample_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    use_env(monkeypatch, dashboard_url="https://kpi.example-kunta.fi/")
    html = _written(sample_db, tmp_path, capsys)
    assert "<script" not in html and "<style" not in html and "<img" not in html
    assert "src=" not in html and "url(" not in html
    assert '<a href="https://kpi.example-kunta.fi/"' in html
    assert re.search(r"<td[^>]*style=\"[^\"]*padding", html)
    assert "Tiedot 31.10.2026 asti" in html and "1.1.–31.10.2026" in html
    assert "Alle 5 henkilön lukuja ei näytetä (&lt;5)" in html
    assert "Liitteenä" not in html  # written, not sent: nothing is attached


def test_english(sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html = _written(sample_db, tmp_path, capsys, "--lang", "en")
    assert '<html lang="en">' in html and "Off target and at risk" in html
    assert "Data up to 31 Oct 2026" in html and "Off target" in html
    assert "Tavoitteessa" not in html


def test_first_week_of_the_year_has_no_comparison(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html = _written(sample_db, tmp_path, capsys, "--as-of", "2026-01-05")
    assert "Vertailua viikon takaiseen ei ole" in html and "1.1.2026" in html
    assert all(cells[2] == "–" for cells in html_rows(html, "all").values())


def test_usage(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        run(capsys, "--db", str(sample_db))
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        run(capsys, "--db", str(sample_db), "--out", "x.html", "--to", "a@b.fi")
    assert exc.value.code == 2


def test_no_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(capsys, "--db", str(tmp_path / "none.duckdb"), "--out", str(tmp_path / "x"))
    assert code == 1 and "There is no database" in err and "Tietokantaa ei ole" in err
    assert not (tmp_path / "x").exists()
