"""Where an upload's temporary files live, and that they are always removed.

Every check or load of an upload gets its own folder ``kpi-upload-<random>`` (mode 0700)
under the settings' ``upload_dir`` (mode 0700, owned by the server's account): ``sent/``
holds the files as the browser sent them, ``export/`` what the worker unpacked from them.
``upload_workspace()`` is a context manager that removes the folder on every way out:
success, refusal, a crashed or killed worker, an exception, and Streamlit stopping the
script because the user left the page or clicked elsewhere. Folders that outlived their
server (killed mid-check) are removed by ``remove_stale`` at the next upload and at start.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from access.upload_safety import UploadRefused
from common.settings import get_settings

PREFIX = "kpi-upload-"
STALE_AFTER_S = 3600
_NAMES = "names.json"


@dataclass(frozen=True)
class UploadWorkspace:
    path: Path

    @property
    def sent(self) -> Path:
        return self.path / "sent"

    @property
    def export(self) -> Path:
        return self.path / "export"

    def save_sent(self, files: Sequence[tuple[str, bytes]]) -> None:
        """The browser's files under numbered names (the worker checks the real names)."""
        self.sent.mkdir(mode=0o700)
        for i, (_name, data) in enumerate(files):
            (self.sent / f"{i:04d}").write_bytes(data)
        (self.sent / _NAMES).write_text(json.dumps([name for name, _ in files]), "utf-8")

    def read_sent(self) -> list[tuple[str, bytes]]:
        names = json.loads((self.sent / _NAMES).read_text("utf-8"))
        return [(str(name), (self.sent / f"{i:04d}").read_bytes()) for i, name in enumerate(names)]


def uploads_root(root: Path | None = None) -> Path:
    """The folder of our own for uploads: created 0700; refused if another account owns it
    or it is a symbolic link (a shared /tmp), so that no one else can read an upload."""
    root = root or get_settings().upload_dir
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = root.lstat()
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise UploadRefused(
            str(root),
            "Latausten väliaikaiskansio ei ole palvelimen oma (linkki tai toisen käyttäjän). "
            "Ylläpito: aseta KPI_UPLOAD_DIR.",
            "The temporary folder for uploads is not the server's own (a link, or another "
            "account's). Administrator: set KPI_UPLOAD_DIR.",
        )
    if stat.S_IMODE(info.st_mode) != 0o700:
        root.chmod(0o700)
    return root


def stale_age_s() -> float:
    """An upload folder older than this belongs to no running check (those stop sooner)."""
    return float(max(STALE_AFTER_S, 2 * get_settings().upload_seconds))


def remove_stale(root: Path | None = None, older_than_s: float | None = None) -> list[Path]:
    """Removes upload folders left by a server that was stopped mid-check."""
    root = uploads_root(root)
    limit = time.time() - (stale_age_s() if older_than_s is None else older_than_s)
    removed: list[Path] = []
    for path in root.glob(PREFIX + "*"):
        try:
            if path.lstat().st_mtime < limit:
                _remove(path)
                removed.append(path)
        except FileNotFoundError:  # another session removed it first
            continue
    return removed


def _remove(path: Path) -> None:
    if path.is_symlink() or not path.is_dir():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


@contextmanager
def upload_workspace(root: Path | None = None) -> Iterator[UploadWorkspace]:
    """A new, empty upload folder, removed (with everything in it) when the block ends."""
    base = uploads_root(root)
    remove_stale(base)
    workspace = UploadWorkspace(Path(tempfile.mkdtemp(prefix=PREFIX, dir=base)))
    try:
        yield workspace
    finally:
        _remove(workspace.path)
