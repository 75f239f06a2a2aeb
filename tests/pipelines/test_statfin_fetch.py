"""``python -m pipelines statfin`` against a PxWeb stand-in on 127.0.0.1 (real HTTP).

The recorded answer (tests/pipelines/data/statfin_12r5.json) is hand-written in the JSON-stat2
form PxWeb returns; its figures are invented. Every failure leaves the database byte for byte.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from common.settings import get_settings
from pipelines.database import loaded_exports, open_readonly, read_meta
from tests.pipelines.statfin_helpers import digest, loaded_db, run, stored, use_env, value
from tests.pipelines.statfin_server import (
    TABLE_PATH,
    PxWebServer,
    Reply,
    pxweb_server,
    without_area,
)

SEP, OCT = date(2025, 9, 1), date(2025, 10, 1)
CODES = ["KU167", "KU090", "KU146", "KU276", "KU426", "KU309", "KU607",
         "KU260", "KU707", "KU848", "KU141", "KU422", "KU541", "SSS"]  # fmt: skip


@pytest.fixture(autouse=True)
def _fresh_settings() -> Iterator[None]:
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[PxWebServer]:
    with pxweb_server() as state:
        use_env(monkeypatch, statfin_api_url=state.api_url, statfin_timeout_s="0.5")
        yield state


def test_fetch_posts_the_query_and_stores_every_cell(
    server: PxWebServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = loaded_db(tmp_path)
    exports_before = loaded_exports(open_readonly(db))
    code, out, err = run(capsys, "--db", str(db), "--from", "2025-09", "--to", "2025-10")
    assert code == 0, err
    assert "2025M09–2025M10: 112 riviä / rows" in out
    path, body = server.requests[0]
    assert path == TABLE_PATH
    query = {q["code"]: q["selection"] for q in body["query"]}
    assert query["Alue"] == {"filter": "item", "values": CODES}
    assert query["Kuukausi"] == {"filter": "item", "values": ["2025M09", "2025M10"]}
    assert query["Tiedot"]["values"] == ["TYOTTOMATLOPUSSA", "TYOTOSUUS", "AVPAIKATLOPUSSA",
                                         "TYOVOIMATK"]  # fmt: skip
    assert body["response"] == {"format": "json-stat2"}
    assert len(stored(db)) == 14 * 2 * 4
    assert value(db, "Joensuu", OCT, "unemployed_job_seekers") == 5912
    assert value(db, "Joensuu", OCT, "unemployment_rate") == pytest.approx(0.156)
    assert value(db, "Lieksa", OCT, "open_vacancies") == 28
    assert value(db, "Heinävesi", SEP, "labour_force") == 1250
    assert value(db, "koko_maa", SEP, "unemployment_rate") == pytest.approx(0.105)
    con = open_readonly(db)
    assert loaded_exports(con) == exports_before
    assert read_meta(con).as_of == date(2026, 10, 31)
    meta = con.execute("SELECT source, updated, fetched_rows FROM statfin_meta").fetchall()
    assert meta == [(server.api_url + "/tyonv/statfin_tyonv_pxt_12r5.px",
                     "2025-11-25T06:00:00Z", 112)]  # fmt: skip
    assert not list(db.parent.glob("*.tmp-*"))


def test_without_to_asks_every_month_of_the_years_from_from(
    server: PxWebServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = loaded_db(tmp_path)
    code, _out, err = run(capsys, "--db", str(db), "--from", "2025-10")
    assert code == 0, err
    months = {q["code"]: q["selection"] for q in server.requests[0][1]["query"]}["Kuukausi"]
    assert months["filter"] == "all" and months["values"][0] == "2025*"
    assert {r[1] for r in stored(db)} == {OCT}


@pytest.fixture
def with_statistics(
    server: PxWebServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Path:
    """A database whose statistics were fetched once already."""
    db = loaded_db(tmp_path)
    assert run(capsys, "--db", str(db), "--from", "2025-09", "--to", "2025-10")[0] == 0
    return db


def _fails_unchanged(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    before = digest(db)
    code, out, err = run(capsys, "--db", str(db), *args)
    assert code == 1 and out == ""
    assert "The statistics were not updated; the stored statistics are unchanged." in err
    assert "Tilastoja ei päivitetty" in err and "Traceback" not in err
    assert digest(db) == before
    assert not list(db.parent.glob("*.tmp-*"))
    return err


def test_http_error_leaves_statistics_and_says_why(
    server: PxWebServer, with_statistics: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.reply = Reply(status=400, body=b"Bad Request")
    err = _fails_unchanged(with_statistics, capsys, "--from", "2025-09", "--to", "2025-10")
    assert "Tilastokeskus vastasi virheellä HTTP 400" in err
    assert "Statistics Finland answered with error HTTP 400" in err
    assert "the month is not published yet" in err


def test_server_error_503(
    server: PxWebServer, with_statistics: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.reply = Reply(status=503, body=b"")
    err = _fails_unchanged(with_statistics, capsys, "--from", "2025-09", "--to", "2025-10")
    assert "HTTP 503" in err and "Try again later" in err


def test_timeout_leaves_statistics(
    server: PxWebServer, with_statistics: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.reply = Reply(hang=True)
    err = _fails_unchanged(with_statistics, capsys, "--from", "2025-09", "--to", "2025-10")
    assert "did not answer within 0.5 seconds" in err and "ei vastannut" in err


def test_missing_municipality_is_refused_whole(
    server: PxWebServer, with_statistics: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.reply = Reply(body=without_area("KU167"))
    err = _fails_unchanged(with_statistics, capsys, "--from", "2025-09", "--to", "2025-10")
    assert "The answer lacks Joensuu, 2025M09, unemployed_job_seekers" in err
    assert "Vastauksesta puuttuu Joensuu" in err


def test_missing_month_asked_for_is_refused(
    server: PxWebServer, with_statistics: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _fails_unchanged(with_statistics, capsys, "--from", "2025-09", "--to", "2025-11")
    assert "The answer lacks Heinävesi, 2025M11" in err and "choose an earlier --to" in err


def _broken(change: str) -> bytes:
    data = json.loads((Path(__file__).parent / "data" / "statfin_12r5.json").read_text("utf-8"))
    if change == "short_value":
        data["value"] = data["value"][:-1]
    elif change == "no_class":
        del data["class"]
    elif change == "text_value":
        data["value"][5] = "12,5"
    elif change == "no_month_dimension":
        data["id"][1] = "Vuosi"
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b"<html><body>Service unavailable</body></html>", "not JSON"),
        (b'{"class": "dataset", "value": [1, 2', "not JSON"),
        (_broken("short_value"), "value does not hold 112 values"),
        (_broken("no_class"), 'class is not "dataset"'),
        (_broken("text_value"), "value '12,5' is not a number"),
        (_broken("no_month_dimension"), "dimension Kuukausi is missing"),
    ],
)
def test_malformed_jsonstat_is_refused(
    server: PxWebServer,
    with_statistics: Path,
    capsys: pytest.CaptureFixture[str],
    body: bytes,
    says: str,
) -> None:
    server.reply = Reply(body=body)
    err = _fails_unchanged(with_statistics, capsys, "--from", "2025-09", "--to", "2025-10")
    assert "Statistics Finland's answer is not valid JSON-stat2" in err and says in err


def test_server_down_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as sock:  # a port that nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    use_env(monkeypatch, statfin_api_url=f"http://127.0.0.1:{port}/PXWeb/api/v1/fi/StatFin")
    db = loaded_db(tmp_path)
    err = _fails_unchanged(db, capsys, "--from", "2025-09", "--to", "2025-10")
    assert "Could not connect to Statistics Finland (ConnectError)" in err


def test_bad_month_is_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        run(capsys, "--db", str(tmp_path / "x.duckdb"), "--from", "2025-13")
    assert exc.value.code == 2
    assert "not a month YYYY-MM" in capsys.readouterr().err
