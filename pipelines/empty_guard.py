"""A load must not quietly empty an export: when the database it replaces holds rows of an
export and the new data has none of it (a header-only file, or the file left out of the
folder), the load is refused unless it is asked for (``--allow-empty``, or the Data page's
confirmation). Each such export is one issue with the rule ``EMPTY_EXPORT_RULE``.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from common.duckdb_files import open_read_only
from pipelines.database import loaded_exports
from pipelines.db_target import is_duckdb_file
from pipelines.validation_report import Issue, PipelineError, ValidationReport

EMPTY_EXPORT_RULE = "would_be_empty"


def rows_now(db: Path) -> dict[str, int]:
    """Rows per export in the database as it is; empty when there is none that opens."""
    if not is_duckdb_file(db):
        return {}
    try:
        con = open_read_only(db)
    except duckdb.Error:
        return {}
    try:
        return loaded_exports(con)
    except duckdb.Error:
        return {}
    finally:
        con.close()


def refuse_emptying(db: Path, new_rows: dict[str, int]) -> None:
    """PipelineError when an export with rows in ``db`` has none in ``new_rows``."""
    report = ValidationReport()
    for export, before in rows_now(db).items():
        if before > 0 and new_rows.get(export, 0) == 0:
            report.add_error(
                Issue(
                    export, None, None, None,
                    f"Tietokannassa on nyt {before} riviä vientiä {export}, uudessa aineistossa "
                    "ei yhtään: lataus tyhjentäisi sen. Tarkista tiedosto; jos vienti on "
                    "tarkoituksella tyhjä, lataa valinnalla --allow-empty (tai vahvista "
                    "Aineisto-sivulla).",
                    f"The database now holds {before} rows of the export {export}, the new "
                    "data none: the load would empty it. Check the file; if the export is "
                    "meant to be empty, load with --allow-empty (or confirm on the Data page).",
                    EMPTY_EXPORT_RULE,
                )
            )  # fmt: skip
    if not report.ok:
        raise PipelineError(report)
