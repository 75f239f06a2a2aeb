"""The command line as analysts script it, and the all-or-nothing swap of the database file."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from pipelines import PipelineError, load_folder
from pipelines.__main__ import main
from pipelines.database import database_identity, loaded_exports, open_readonly, read_meta
from tests.pipelines.fixtures import GOOD, sha256, write_folder

ROOT = Path(__file__).resolve().parents[2]
MORE_CLIENTS = GOOD["asiakkaat"] + "A4;Nurmes;1980;ei\n"


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipelines", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip


@pytest.fixture
def loaded(tmp_path: Path) -> Path:
    db = tmp_path / "db" / "kpi.duckdb"
    load_folder(write_folder(tmp_path / "good"), db, as_of=date(2026, 10, 31))
    return db


def test_cli_load_prints_summary_and_exits_0(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "exports")
    db = tmp_path / "kpi.duckdb"
    run = _cli("load", str(folder), "--db", str(db), "--as-of", "2026-10-31")
    assert run.returncode == 0, run.stderr
    assert "tapahtumat" in run.stdout and "4 riviä / rows" in run.stdout
    assert "as-of: 2026-10-31" in run.stdout
    assert "warnings: 1" in run.stdout and "Aika / time:" in run.stdout
    assert loaded_exports(open_readonly(db))["asiakkaat"] == 3


def test_cli_bad_input_exits_1_with_report_on_stderr_and_db_unchanged(
    loaded: Path, tmp_path: Path
) -> None:
    bad = GOOD["tapahtumat"].replace("2025-02-01", "31.2.2025")
    folder = write_folder(tmp_path / "bad", tapahtumat=bad)
    before = sha256(loaded)
    run = _cli("load", str(folder), "--db", str(loaded))
    assert run.returncode == 1
    assert "tapahtumat.csv, rivi/row 3, sarake/column pvm, arvo/value '31.2.2025'" in run.stderr
    assert "FI: Päivämäärä ei kelpaa" in run.stderr and "EN: Not a valid date" in run.stderr
    assert "Traceback" not in run.stderr
    assert sha256(loaded) == before


def test_cli_validate_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write_folder(tmp_path / "bad", tapahtumat=GOOD["tapahtumat"].replace("T2;", "T1;"))
    assert main(["validate", str(bad), "--as-of", "2026-10-31"]) == 1
    err = capsys.readouterr().err
    assert "tapahtumat.csv, rivi/row 3, sarake/column tapahtuma_id\n" in err  # no id quoted
    assert "'T1'" not in err
    good = write_folder(tmp_path / "good")
    assert main(["validate", str(good), "--as-of", "2026-10-31"]) == 0
    assert "would load" in capsys.readouterr().out
    assert main(["validate", str(tmp_path / "nowhere")]) == 1
    assert "Kansiota ei löydy" in capsys.readouterr().err


def test_cli_usage_errors_exit_2_and_help_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli("load").returncode == 2
    with pytest.raises(SystemExit) as bad_date:
        main(["load", str(tmp_path), "--as-of", "14.3.2025"])
    assert bad_date.value.code == 2
    with pytest.raises(SystemExit) as helped:
        main(["load", "--help"])
    out = capsys.readouterr().out
    assert helped.value.code == 0 and "--as-of" in out and "--db" in out


def test_reader_keeps_old_data_until_it_reopens(loaded: Path, tmp_path: Path) -> None:
    old = open_readonly(loaded)
    identity = database_identity(loaded)
    load_folder(
        write_folder(tmp_path / "new", asiakkaat=MORE_CLIENTS), loaded, as_of=date(2026, 10, 31)
    )
    assert old.execute("SELECT count(*) FROM asiakkaat").fetchall() == [(3,)]
    assert database_identity(loaded) != identity
    new = open_readonly(loaded)
    assert new.execute("SELECT count(*) FROM asiakkaat").fetchall() == [(4,)]
    meta = read_meta(new)
    assert meta.as_of == date(2026, 10, 31) and meta.source.endswith("new")
    assert meta.duration_s >= 0


def test_missing_or_broken_database_says_how_to_load(tmp_path: Path) -> None:
    with pytest.raises(PipelineError) as missing:
        open_readonly(tmp_path / "none.duckdb")
    assert "python -m pipelines load" in str(missing.value)
    assert str(tmp_path / "none.duckdb") in str(missing.value)
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"this is not a database" * 100)
    with pytest.raises(PipelineError) as caught:
        open_readonly(broken)
    assert "python -m pipelines load" in str(caught.value)
    assert database_identity(tmp_path / "none.duckdb") is None


def test_progress_is_reported_up_to_done(tmp_path: Path) -> None:
    seen: list[tuple[float, str]] = []
    load_folder(write_folder(tmp_path / "x"), tmp_path / "k.duckdb", date(2026, 10, 31),
                progress=lambda f, m: seen.append((f, m)))  # fmt: skip
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any("tapahtumat" in m for _, m in seen)


def test_leftover_of_a_dead_process_is_removed_but_a_live_one_kept(
    loaded: Path, tmp_path: Path
) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = loaded.with_name(f"kpi.duckdb.tmp-{dead.pid}")
    stale.write_bytes(loaded.read_bytes()[:8192])  # a staging file cut short
    live = loaded.with_name(f"kpi.duckdb.tmp-{os.getppid()}")
    live.write_bytes(b"someone else's load")
    started = time.time()
    load_folder(write_folder(tmp_path / "again"), loaded, as_of=date(2026, 10, 31))
    assert not stale.exists() and live.exists()
    live.unlink()
    assert time.time() - started < 60


def test_truncated_database_is_broken_for_readers_and_the_export_cli(
    loaded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file cut short opens and answers small queries in DuckDB; open_readonly refuses it."""
    from metrics.__main__ import main as metrics_main

    truncated = tmp_path / "truncated.duckdb"
    data = loaded.read_bytes()
    truncated.write_bytes(data[: len(data) - 4096])
    with pytest.raises(PipelineError) as caught:
        open_readonly(truncated)
    assert "broken or incomplete" in str(caught.value) and "python -m pipelines load" in str(
        caught.value
    )
    out = str(tmp_path / "k.csv")
    argv = ["export", "--from", "2025-01-01", "--to", "2025-12-31", "--db", str(truncated)]
    assert metrics_main([*argv, "--out", out]) == 1
    err = capsys.readouterr().err
    assert "Virhe / Error" in err and "python -m pipelines load" in err
    assert "Traceback" not in err
    assert loaded_exports(open_readonly(loaded))["asiakkaat"] == 3  # the whole file still opens
