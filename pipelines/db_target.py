"""The database file a command writes (``--db``), checked before anything is written, and the
temporary files beside it that the pipelines create and remove.

``check_target`` refuses, with a bilingual message and exit 2 (docs/spec/CLI.md: bad
usage), a path that is a folder, a path under a file, a file that is not a DuckDB database
(``load --db notes.txt`` must never overwrite notes), a special file (a FIFO or a device:
never opened), and a folder that cannot be written. A missing file is fine: the load
creates it.

Temporary files have one recognisable name, ``<db>.tmp-<pid>`` (and DuckDB's ``.wal`` of it),
and ``remove_leftovers`` removes only such files whose process is gone and that are empty or
DuckDB files: a user's ``kpi.duckdb.tmp-notes`` or a live load's file stays.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from pipelines.validation_report import PipelineError

# The rules of a path the user gave wrong: the commands exit 2 for them (bad usage).
PATH_RULES = frozenset(
    {"db_is_folder", "db_under_file", "db_not_duckdb", "db_special_file", "db_not_writable"}
)
_MAGIC = b"DUCK"  # bytes 8..11 of every DuckDB database file
_MAGIC_AT = 8


def is_path_error(exc: BaseException) -> bool:
    """Whether a PipelineError is about the ``--db`` path alone (exit 2, not 1)."""
    return isinstance(exc, PipelineError) and all(
        issue.rule in PATH_RULES for issue in exc.report.errors
    )


def is_duckdb_file(path: Path) -> bool:
    """A regular file that starts like a DuckDB database (its header's magic bytes)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_MAGIC_AT + len(_MAGIC))
    except OSError:
        return False
    return head[_MAGIC_AT:] == _MAGIC


def _refuse(db: Path, rule: str, fi: str, en: str) -> PipelineError:
    return PipelineError.single(str(db), fi, en, rule)


def _check_parent(db: Path) -> None:
    for parent in db.parents:
        if parent.exists() or parent.is_symlink():
            if not parent.is_dir():
                raise _refuse(
                    db, "db_under_file",
                    f"Polun osa {parent} on tiedosto, ei kansio. Anna tietokannalle toinen polku.",
                    f"Part of the path, {parent}, is a file, not a folder. Give the database "
                    "another path.",
                )  # fmt: skip
            if parent == db.parent and not os.access(parent, os.W_OK | os.X_OK):
                raise _refuse(
                    db, "db_not_writable",
                    f"Kansioon {parent} ei voi kirjoittaa. Anna polku kansioon, johon sinulla "
                    "on kirjoitusoikeus.",
                    f"The folder {parent} cannot be written. Give a path in a folder you may "
                    "write to.",
                )  # fmt: skip
            return


def check_target(db: Path) -> Path:
    """``db`` when a command may write it (replace it, or create it); PipelineError if not."""
    _check_parent(db)
    try:
        mode = os.stat(db).st_mode
    except FileNotFoundError:
        return db
    except OSError as exc:
        raise _refuse(
            db, "db_not_writable",
            f"Tietokannan polkua ei voi käyttää ({exc.strerror}). Tarkista polku.",
            f"The database path cannot be used ({exc.strerror}). Check the path.",
        ) from exc  # fmt: skip
    if stat.S_ISDIR(mode):
        raise _refuse(
            db, "db_is_folder",
            "Polku on kansio. Anna tietokantatiedoston polku, esim. data/kpi.duckdb.",
            "The path is a folder. Give the path of the database file, e.g. data/kpi.duckdb.",
        )  # fmt: skip
    if not stat.S_ISREG(mode):
        raise _refuse(
            db, "db_special_file",
            "Polku ei ole tavallinen tiedosto (esim. putki tai laite). Anna tietokantatiedoston "
            "polku.",
            "The path is not a regular file (e.g. a pipe or a device). Give the path of the "
            "database file.",
        )  # fmt: skip
    if not is_duckdb_file(db):
        raise _refuse(
            db, "db_not_duckdb",
            "Tiedosto ei ole tämän sovelluksen tietokanta, eikä sitä korvata. Anna uusi polku "
            "tai olemassa olevan tietokannan polku.",
            "The file is not a database of this application and is not overwritten. Give a "
            "new path or the path of an existing database.",
        )  # fmt: skip
    return db


def fsync_path(path: Path) -> None:
    """Flush a file's (or a folder's) data to disk, for an atomic swap that survives a crash."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_path(db: Path) -> Path:
    """This process's temporary file beside ``db``."""
    return db.with_name(f"{db.name}.tmp-{os.getpid()}")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _own_leftover(path: Path, db: Path) -> bool:
    match = re.fullmatch(re.escape(db.name) + r"\.tmp-(\d+)(\.wal)?", path.name)
    if match is None or not path.is_file() or path.is_symlink():
        return False
    pid = int(match.group(1))
    if pid == os.getpid() or _pid_alive(pid):
        return False
    return match.group(2) is not None or path.stat().st_size == 0 or is_duckdb_file(path)


def remove_leftovers(db: Path) -> list[Path]:
    """Removes the temporary files of earlier loads whose process is gone (only those)."""
    removed: list[Path] = []
    for path in sorted(db.parent.glob(db.name + ".tmp-*")):
        if _own_leftover(path, db):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def remove_temp(tmp: Path) -> None:
    """Removes this process's temporary file and DuckDB's companion ``.wal``."""
    tmp.unlink(missing_ok=True)
    tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
