"""The earlier databases: a load keeps the database it replaces, the last three of them, each
with its own load record and log inside it. (A store of the official statistics replaces the
file without keeping one: a monthly fetch must not push the loads' backups out, and a load
keeps the statistics stored before it.)

``replace_database(tmp, db)`` is the one way a finished file replaces the database: the old
file gets a second name, ``<db>.backup-<time>`` (a hard link: no copy, and a reader that has
the old file open keeps reading it), then ``os.replace`` swaps the new one in (atomic), the
folder is fsynced and the kept ones beyond ``KEEP`` are removed, oldest first.

``list_backups(db)`` lists them newest first; ``restore_backup(db, backup)`` puts one back in
use the same way, so the database it replaces becomes the newest backup and a restore can be
undone. Both are used by ``python -m pipelines rollback`` and the Data page.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import duckdb

from common.duckdb_files import open_read_only
from pipelines.db_target import fsync_path, is_duckdb_file, remove_temp, temp_path
from pipelines.validation_report import PipelineError

KEEP = 3
_STAMP = "%Y%m%dT%H%M%S%f"


@dataclass(frozen=True)
class Backup:
    """A kept database: its file, the as-of date and load time it records, rows per export."""

    path: Path
    as_of: date
    loaded_at: datetime
    rows: dict[str, int] = field(default_factory=dict)


def _pattern(db: Path) -> re.Pattern[str]:
    return re.compile(re.escape(db.name) + r"\.backup-(\d{8}T\d{12})")


def _kept_files(db: Path) -> list[Path]:
    """The backup files of ``db``, newest first (by the time in their names)."""
    pattern = _pattern(db)
    found = [p for p in db.parent.glob(db.name + ".backup-*") if pattern.fullmatch(p.name)]
    return sorted(found, key=lambda p: p.name, reverse=True)


def _new_name(db: Path) -> Path:
    now = datetime.now()
    while True:
        path = db.with_name(f"{db.name}.backup-{now.strftime(_STAMP)}")
        if not path.exists():
            return path
        now = now.replace(microsecond=(now.microsecond + 1) % 1_000_000)


def _keep(db: Path) -> None:
    """Gives the current database a backup name (when there is one that is a database)."""
    if not is_duckdb_file(db):
        return
    kept = _new_name(db)
    try:
        os.link(db, kept)
    except OSError:  # a filesystem without hard links: a copy does as well, more slowly
        shutil.copy2(db, kept)


def _prune(db: Path) -> None:
    for old in _kept_files(db)[KEEP:]:
        old.unlink(missing_ok=True)


def replace_database(tmp: Path, db: Path, restored: Path | None = None, keep: bool = True) -> None:
    """Swaps the finished, fsynced ``tmp`` in as ``db``, keeping the old ``db`` as a backup
    unless not ``keep`` (and dropping the name of the backup ``restored`` from, which is in
    use again)."""
    if keep:
        _keep(db)
    os.replace(tmp, db)
    if restored is not None:
        restored.unlink(missing_ok=True)
    fsync_path(db.parent)
    _prune(db)


def _describe(path: Path) -> Backup | None:
    try:
        con = open_read_only(path)
    except duckdb.Error:
        return None
    try:
        as_of, loaded_at = con.execute("SELECT as_of, loaded_at FROM meta_load").fetchall()[0]
        logged = con.execute("SELECT export, rows FROM load_log ORDER BY export").fetchall()
    except (duckdb.Error, IndexError):
        return None
    finally:
        con.close()
    return Backup(path, as_of, loaded_at, {str(name): int(rows) for name, rows in logged})


def list_backups(db: Path | str) -> list[Backup]:
    """The kept databases of ``db`` that open, newest first."""
    described = (_describe(path) for path in _kept_files(Path(db)))
    return [backup for backup in described if backup is not None]


def restore_backup(db: Path | str, backup: Backup) -> None:
    """Puts ``backup`` back in use as ``db``; the database it replaces is kept as a backup."""
    target = Path(db)
    if backup.path not in _kept_files(target) or _describe(backup.path) is None:
        raise PipelineError.single(
            backup.path.name,
            "Varmuuskopiota ei ole tai se ei aukea. Valitse toinen tai lataa aineisto uudelleen.",
            "The backup is not there or does not open. Choose another or load the data again.",
            "backup_unusable",
        )
    tmp = temp_path(target)
    try:
        os.link(backup.path, tmp)  # the backup's name goes with the swap, its file stays whole
    except OSError:
        shutil.copy2(backup.path, tmp)
    try:
        replace_database(tmp, target, restored=backup.path)
    finally:
        remove_temp(tmp)
