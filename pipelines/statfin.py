"""Official statistics beside our own: Statistics Finland's table 12r5 into the database.

schema (pipelines.statfin_codes, the settings) -> read (the PxWeb API, or a file saved from
the table's page: JSON-stat2 or PX-Web CSV) -> validate (every area x month x indicator asked
for, pipelines.statfin_check) -> load (pipelines.statfin_store, atomic). Any failure raises
``PipelineError`` and leaves the stored statistics as they were. docs/statistics.md.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from common.settings import Settings, get_settings
from pipelines.db_target import check_target
from pipelines.statfin_check import complete
from pipelines.statfin_csv import parse_csv
from pipelines.statfin_fetch import fetch
from pipelines.statfin_jsonstat import Statistics, parse_jsonstat
from pipelines.statfin_query import MonthRange, default_range
from pipelines.statfin_store import Stored, store
from pipelines.validation_report import PipelineError


def read_statistics_file(path: Path, settings: Settings) -> Statistics:
    """A file saved from the table's page: JSON-stat2 (starts with ``{``) or PX-Web CSV."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PipelineError.single(
            str(path),
            f"Tiedostoa ei voi lukea ({exc.strerror}). Tarkista polku.",
            f"The file cannot be read ({exc.strerror}). Check the path.",
            "statfin_no_file",
        ) from exc
    if raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return parse_jsonstat(raw, str(path), settings)
    return parse_csv(raw, str(path), settings)


def update_statistics(
    db: Path | None = None,
    file: Path | None = None,
    start: date | None = None,
    end: date | None = None,
    settings: Settings | None = None,
    today: date | None = None,
) -> Stored:
    """Fetches (or reads ``file``), checks and stores the months ``start``..``end``.

    ``start``/``end`` are first days of months; without ``start`` January of last year, and
    without ``end`` up to the latest month in the answer.
    """
    s = settings or get_settings()
    day = today or date.today()
    target = check_target(db if db is not None else s.db)  # before fetching: a bad --db
    months = MonthRange(start, end) if start is not None else default_range(day)
    if end is not None and months.start > end:
        raise PipelineError.single(
            "--from/--to",
            "--from on --to jälkeen: anna kuukaudet alusta loppuun.",
            "--from is after --to: give the months start to end.",
            "statfin_bad_range",
        )
    if months.end is None and end is not None:
        months = MonthRange(months.start, end)
    stats = read_statistics_file(file, s) if file is not None else fetch(months, s, day)
    rows = complete(stats.frame, months, stats.source, s)
    return store(target, stats, rows)
