"""The server's side of the upload worker, against a fake worker that dies the ways a real
reader can (abort, SIGKILL, out of memory, out of CPU time, too slow, nonsense): each one
is a bilingual refusal naming the files, the worker is gone, and no upload folder is left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from access.upload_protocol import WorkerLimits
from access.upload_runner import check_upload, load_upload
from access.upload_safety import UploadRefused
from tests.access.conftest import FakeWorker

FILES = [("asiakkaat.xlsx", b"PK\x03\x04"), ("tapahtumat.csv", b"tapahtuma_id\n1\n")]
LIMITS = WorkerLimits(memory_mib=512, seconds=30)

# scenario -> (limits, words of the Finnish message, words of the English one)
DEATHS = {
    "abort": (LIMITS, ["kaatui", "SIGABRT"], ["crashed", "SIGABRT"]),
    "sigkill": (LIMITS, ["SIGKILL"], ["SIGKILL"]),
    "hog": (LIMITS, ["muistia", "512 MiB"], ["more memory", "512 MiB"]),
    "cpu": (LIMITS, ["suoritinaikaa"], ["processor time"]),
    "spin": (WorkerLimits(512, 1), ["kesti yli 1 s"], ["took longer than 1 s"]),
    "garbage": (LIMITS, ["odottamaton virhe (exit 3)"], ["unexpected error (exit 3)"]),
}


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.parametrize("scenario", sorted(DEATHS))
def test_a_worker_that_dies_is_a_bilingual_refusal_and_leaves_nothing(
    uploads: Path, fake_worker: FakeWorker, scenario: str
) -> None:
    limits, words_fi, words_en = DEATHS[scenario]
    fake_worker.use(scenario)
    with pytest.raises(UploadRefused) as err:
        check_upload(FILES, limits=limits)
    refusal = err.value
    assert refusal.file == "asiakkaat.xlsx, tapahtumat.csv"
    assert refusal.message_fi.startswith("Tiedostojen tarkistus keskeytyi: ")
    assert refusal.message_en.startswith("The check of the files stopped: ")
    assert "Nykyinen aineisto säilyy ennallaan" in refusal.message_fi
    assert "The current data stays as it was" in refusal.message_en
    for word in words_fi:
        assert word in refusal.message_fi
    for word in words_en:
        assert word in refusal.message_en
    assert "Traceback" not in str(refusal)
    [request] = fake_worker.requests()
    assert gone(request["pid"])
    assert list(uploads.iterdir()) == []


def test_a_load_that_stops_says_the_load_stopped(uploads: Path, fake_worker: FakeWorker) -> None:
    fake_worker.use("sigkill")
    with pytest.raises(UploadRefused) as err:
        load_upload(FILES, str(uploads.parent / "kpi.duckdb"), limits=LIMITS)
    assert err.value.message_fi.startswith("Aineiston lataus keskeytyi: ")
    assert err.value.message_en.startswith("The load of the data stopped: ")
    assert list(uploads.iterdir()) == []


def test_the_worker_gets_the_files_the_limits_and_passes_progress_on(
    uploads: Path, fake_worker: FakeWorker
) -> None:
    fake_worker.use("report_ok")
    seen: list[tuple[float, str]] = []
    report = check_upload(FILES, lambda f, m: seen.append((f, m)), limits=LIMITS)
    assert report.ok and [w.column for w in report.warnings] == ["kanava"]
    assert seen == [(0.5, "tarkistetaan / checking")]
    [request] = fake_worker.requests()
    assert request["command"] == "check"
    assert (request["memory_mib"], request["cpu_seconds"]) == (512, 30)
    assert Path(request["workspace"]).parent == uploads
    assert not Path(request["workspace"]).exists()


def test_the_limits_come_from_the_settings(
    uploads: Path, fake_worker: FakeWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    from common.settings import get_settings

    monkeypatch.setenv("KPI_UPLOAD_MEMORY_MIB", "1536")
    monkeypatch.setenv("KPI_UPLOAD_SECONDS", "45")
    get_settings.cache_clear()
    fake_worker.use("report_ok")
    check_upload(FILES)
    [request] = fake_worker.requests()
    assert (request["memory_mib"], request["cpu_seconds"]) == (1536, 45)
