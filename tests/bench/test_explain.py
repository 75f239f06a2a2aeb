"""bench/explain.py: every metric SQL file under EXPLAIN ANALYZE, with the row groups read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from bench.explain import Explained, Scan, explain, main, render, scans
from metrics.registry import REGISTRY
from pipelines import load_folder

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data" / "sample"


def test_scans_are_found_at_every_depth_of_the_json_profile() -> None:
    tree = {
        "operator": [
            {
                "extra_info": {},
                "children": [
                    {
                        "extra_info": {"Table": '"kpi".main.tapahtumat'},
                        "row_groups_scanned": 33,
                        "total_row_groups_to_scan": 80,
                        "children": [],
                    },
                    {"extra_info": {"Table": "kpi_days"}, "children": []},  # a registered frame
                    {
                        "extra_info": {},
                        "children": [
                            {
                                "extra_info": {"Table": "kpi.main.asiakkaat"},
                                "row_groups_scanned": 10,
                                "total_row_groups_to_scan": 10,
                            }
                        ],
                    },
                ],
            }
        ]
    }
    assert list(scans(tree)) == [Scan("tapahtumat", 33, 80), Scan("asiakkaat", 10, 10)]


def test_render_sums_the_files() -> None:
    found = [
        Explained("a.sql", 1.5, (Scan("tapahtumat", 33, 80),)),
        Explained("b.sql", 0.5, (Scan("asiakkaat", 10, 10),)),
    ]
    lines = render(found).splitlines()
    assert "tapahtumat 33/80" in lines[1]
    assert lines[-1].split()[-5:] == ["2.00", "43/90", "row", "groups", "read"]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("explain") / "kpi.duckdb"
    load_folder(SAMPLE, db)
    return db


def test_every_sql_file_is_explained_with_its_scans(sample_db: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(sample_db), read_only=True)
    try:
        found = explain(con, date(2025, 1, 1), date(2025, 12, 31), out=tmp_path)
    finally:
        con.close()
    assert sorted(e.sql for e in found) == sorted({m.sql for m in REGISTRY})
    events = next(e for e in found if e.sql == "face_to_face/meetings.sql")
    assert {s.table for s in events.scans} == {"tapahtumat", "asiakkaat"}
    assert all(0 <= s.row_groups <= s.of for e in found for s in e.scans)
    assert len(list(tmp_path.glob("*.txt"))) == len(found)


def test_cli_prints_the_table(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--db", str(sample_db), "--from", "2025-01-01", "--to", "2025-12-31", "--threads", "1"]
    assert main(args) == 0
    assert "deadlines/initial_contact.sql" in capsys.readouterr().out
