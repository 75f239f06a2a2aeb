"""Upload folders: our own, 0700, removed on every way out of the block, and the ones a
stopped server left behind removed at the next upload; the upload limit Streamlit enforces
(maxUploadSize) is the one access/upload_safety.py documents."""

from __future__ import annotations

import os
import stat
import time
import tomllib
from pathlib import Path

import pytest

from access.upload_safety import MIB, UploadLimits, UploadRefused
from access.upload_workspace import PREFIX, remove_stale, upload_workspace, uploads_root
from common.settings import PROJECT_ROOT


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_workspace_is_private_and_removed_after_use(uploads: Path) -> None:
    with upload_workspace() as workspace:
        workspace.save_sent([("asiakkaat.csv", b"a\n"), ("../x.zip", b"PK")])
        assert workspace.path.parent == uploads
        assert workspace.path.name.startswith(PREFIX)
        assert mode(uploads) == mode(workspace.path) == 0o700
        assert workspace.read_sent() == [("asiakkaat.csv", b"a\n"), ("../x.zip", b"PK")]
        assert sorted(p.name for p in workspace.sent.iterdir()) == ["0000", "0001", "names.json"]
    assert list(uploads.iterdir()) == []


@pytest.mark.parametrize("error", [ValueError, KeyboardInterrupt])
def test_a_workspace_is_removed_when_the_block_fails(
    uploads: Path, error: type[BaseException]
) -> None:
    with pytest.raises(error), upload_workspace() as workspace:
        (workspace.path / "export").mkdir()
        (workspace.path / "export" / "asiakkaat.csv").write_bytes(b"a\n")
        raise error()
    assert list(uploads.iterdir()) == []


def test_stale_folders_go_fresh_ones_and_others_stay(uploads: Path) -> None:
    root = uploads_root()
    old, fresh = root / f"{PREFIX}old", root / f"{PREFIX}fresh"
    for folder in (old, fresh):
        (folder / "export").mkdir(parents=True)
    other = root / "notes.txt"
    other.write_text("not an upload")
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    os.utime(other, (hours_ago, hours_ago))
    assert remove_stale() == [old]
    assert sorted(p.name for p in root.iterdir()) == [fresh.name, "notes.txt"]
    os.utime(fresh, (hours_ago, hours_ago))
    with upload_workspace():  # the next upload removes what is stale
        pass
    assert [p.name for p in root.iterdir()] == ["notes.txt"]


def test_a_loose_root_is_tightened_and_a_linked_one_refused(tmp_path: Path) -> None:
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    loose.chmod(0o755)
    assert mode(uploads_root(loose)) == 0o700
    link = tmp_path / "link"
    link.symlink_to(loose)
    with pytest.raises(UploadRefused) as err:
        uploads_root(link)
    assert "KPI_UPLOAD_DIR" in err.value.message_fi and "KPI_UPLOAD_DIR" in err.value.message_en


def test_streamlits_upload_limit_is_the_documented_one() -> None:
    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    assert config["server"]["maxUploadSize"] * MIB == UploadLimits().max_upload_bytes
