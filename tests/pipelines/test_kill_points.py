"""A load killed with SIGKILL at each stage leaves a working database, and the next load
succeeds and removes the leftovers. The load is paused at a stage by the test hook in
``pipelines.staging.pause_point`` (``KPI_PIPELINES_PAUSE_AT``)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from pipelines import load_folder
from pipelines.database import loaded_exports, open_readonly, read_meta
from pipelines.staging import PAUSE_ENV, PAUSE_SECONDS_ENV
from tests.pipelines.fixtures import GOOD, sha256, write_folder

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 10, 31)
MORE_CLIENTS = GOOD["asiakkaat"] + "A4;Nurmes;1980;ei\n"

# (stage, whether the new database has replaced the old one when the load dies there)
STAGES = [
    ("read_asiakkaat", False),  # the first file read, nothing checked yet
    ("validated_asiakkaat", False),  # the first file checked, nothing written
    ("after_tapahtumat", False),  # midway through writing the export tables
    ("staged", False),  # every table written, meta and checkpoint still to come
    ("complete", False),  # the new file is whole and fsynced, not swapped in
    ("swapped", True),  # right after os.replace, before the folder's fsync
]


def _pause_and_kill(folder: Path, db: Path, stage: str) -> None:
    env = os.environ | {PAUSE_ENV: stage, PAUSE_SECONDS_ENV: "60"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipelines", "load", str(folder), "--db", str(db)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stderr is not None
    try:
        seen = []
        for line in proc.stderr:  # blocks until the load reaches the stage (or ends)
            seen.append(line)
            if f"paused at {stage}" in line:
                break
        else:
            pytest.fail(f"the load never paused at {stage}: {''.join(seen)}")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
        proc.stderr.close()


@pytest.mark.parametrize(("stage", "swapped"), STAGES, ids=[s for s, _ in STAGES])
def test_load_killed_at_a_stage_leaves_a_working_database(
    tmp_path: Path, stage: str, swapped: bool
) -> None:
    db = tmp_path / "db" / "kpi.duckdb"
    load_folder(write_folder(tmp_path / "old"), db, as_of=AS_OF)
    before = sha256(db)
    folder = write_folder(tmp_path / "new", asiakkaat=MORE_CLIENTS)

    _pause_and_kill(folder, db, stage)

    con = open_readonly(db)  # readable, whichever file it is
    if swapped:
        assert sha256(db) != before
        assert loaded_exports(con)["asiakkaat"] == 4  # the new database, complete
        assert read_meta(con).source.endswith("new")
        assert loaded_exports(con)["tapahtumat"] == 4
    else:
        assert sha256(db) == before
        assert loaded_exports(con)["asiakkaat"] == 3
    con.close()

    load_folder(folder, db, as_of=AS_OF)
    assert list(db.parent.glob("kpi.duckdb.tmp-*")) == []
    assert loaded_exports(open_readonly(db))["asiakkaat"] == 4
