"""A folder of exports: find the files, run each export's pipeline, load all or nothing.

Per export, in the order of ``pipelines.exports.SPECS``: schema (contract + spec) ->
read -> map (the folder's ``mapping.toml``, checked before any file is read) -> validate
-> load (into the staging database, only while no error has been found). After the last
export the staging file either replaces the database or is thrown away with a
``PipelineError`` carrying every problem found.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from common.data_contract import AS_OF_COLUMNS, DEFAULTED_EXPORTS
from common.reference import fold, reference_dir
from common.settings import get_settings
from pipelines.column_mapping import MAPPING_FILE, read_mapping
from pipelines.db_target import check_target
from pipelines.empty_guard import refuse_emptying
from pipelines.exports import SPECS, SPECS_BY_NAME
from pipelines.header_peek import check_headers_first
from pipelines.mapping_apply import apply_mapping
from pipelines.reading import FORMATS, RawTable, read_file
from pipelines.staging import Staging, pause_point
from pipelines.validation import validate_table
from pipelines.validation_report import Issue, PipelineError, ValidationReport
from pipelines.validation_rules import ValidationContext

Progress = Callable[[float, str], None]


@dataclass
class LoadSummary:
    db: Path
    as_of: date
    rows: dict[str, int]  # export -> rows loaded
    data_from: date | None  # the coverage start S (docs/spec/METRICS.md)
    defaults: tuple[str, ...]  # exports taken from reference/defaults/
    warnings: list[Issue] = field(default_factory=list)
    duration_s: float = 0.0


# A note beside the exports (README.md, LUEMINUT.txt, …) is skipped without a warning.
NOTE_STEMS = ("readme", "lueminut")
NOTE_SUFFIXES = (".md", ".txt")


def _is_note(path: Path) -> bool:
    return fold(path.stem) in NOTE_STEMS and path.suffix.lower() in NOTE_SUFFIXES


def discover(folder: Path, report: ValidationReport) -> dict[str, Path]:
    """The export files of a folder by export name; unknown files are warned about."""
    if not folder.is_dir():
        raise PipelineError.single(
            str(folder),
            "Kansiota ei löydy. Anna vientitiedostot sisältävän kansion polku.",
            "The folder does not exist. Give the path of the folder holding the exports.",
            rule="no_folder",
        )
    found: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if (
            path.name.startswith((".", "~$"))
            or path.is_dir()
            or path.name.lower() == MAPPING_FILE
            or _is_note(path)
        ):
            continue
        name = fold(path.stem)
        if not path.is_file():  # a FIFO, a device, a socket or a broken link: never opened
            report.add_error(
                Issue(
                    path.name, None, None, None,
                    "Tiedosto ei ole tavallinen tiedosto (esim. putki, laite tai rikkinäinen "
                    "linkki), eikä sitä lueta. Tallenna vienti tavallisena tiedostona.",
                    "The file is not a regular file (e.g. a pipe, a device or a broken link) "
                    "and is not read. Save the export as a regular file.",
                    "not_regular_file",
                )
            )  # fmt: skip
        elif path.suffix.lower() not in FORMATS or name not in SPECS_BY_NAME:
            report.add_warning(
                Issue(
                    path.name, None, None, None,
                    "Tiedosto ohitettiin: nimi ei ole sopimuksen vienti (esim. asiakkaat.csv).",
                    "File skipped: its name is not an export of the contract (e.g. asiakkaat.csv).",
                    "unknown_file",
                )
            )  # fmt: skip
        elif name in found:
            report.add_error(
                Issue(
                    path.name, None, None, None,
                    f"Vienti {name} on kansiossa kahdesti (myös {found[name].name}). "
                    "Poista toinen.",
                    f"The export {name} is in the folder twice (also {found[name].name}). "
                    "Remove one.",
                    "duplicate_export",
                )
            )  # fmt: skip
        else:
            found[name] = path
    if not found and report.ok:
        report.add_error(
            Issue(
                str(folder), None, None, None,
                "Kansiossa ei ole yhtään vientiä (asiakkaat.csv, tapahtumat.xlsx, …).",
                "The folder holds no exports (asiakkaat.csv, tapahtumat.xlsx, …).",
                "no_exports",
            )
        )  # fmt: skip
    return found


def _missing_target_warnings(files: dict[str, Path], report: ValidationReport) -> None:
    for name in files:
        for ref in SPECS_BY_NAME[name].references:
            if ref.target not in files:
                report.add_warning(
                    Issue(
                        files[name].name, None, ref.column, None,
                        f"Vientiä {ref.target} ei ole kansiossa: viittauksia ei tarkistettu.",
                        f"The export {ref.target} is not in the folder: references not checked.",
                        "reference_unchecked",
                    )
                )  # fmt: skip


def _run(
    folder: Path, as_of: date | None, staging: Staging | None, progress: Progress
) -> tuple[ValidationReport, dict[str, int], date, tuple[str, ...], date | None]:
    """(report, rows per export, as-of, defaulted exports, the earliest tapahtumat.pvm)."""
    report = ValidationReport()
    files = discover(folder, report)
    mappings, mapping_report = read_mapping(folder, set(files))
    if mapping_report.ok:
        check_headers_first(files, mappings, mapping_report)
    report.merge(mapping_report)
    if not mapping_report.ok:  # mapping.toml itself is wrong: no file is read
        raise PipelineError(report)
    _missing_target_warnings(files, report)
    defaults = tuple(n for n in DEFAULTED_EXPORTS if n not in files)
    for name in defaults:
        files[name] = reference_dir() / "defaults" / f"{name}.csv"
    ctx = ValidationContext(limit=as_of or date.today())
    rows: dict[str, int] = {}
    latest: list[date] = []
    first_event: date | None = None
    todo = [s for s in SPECS if s.name in files]
    for i, spec in enumerate(todo):
        progress(i / (len(todo) + 1), f"{spec.name}: luetaan / reading")
        try:
            raw = read_file(files[spec.name])
        except PipelineError as exc:
            report.merge(exc.report)
            continue
        if spec.name not in defaults:
            raw = apply_mapping(raw, mappings.get(spec.name), report)
        pause_point(f"read_{spec.name}")
        progress((i + 0.4) / (len(todo) + 1), f"{spec.name}: tarkistetaan / validating")
        checked = validate_table(raw, spec, ctx)
        report.merge(checked.report)
        pause_point(f"validated_{spec.name}")
        frame = checked.frame
        if spec.referenced_column is not None:
            ctx.ids[spec.name] = frame[spec.referenced_column].drop_nulls().unique()
        latest.extend(
            frame[col].max()  # type: ignore[misc]
            for export, col in AS_OF_COLUMNS
            if export == spec.name and frame[col].null_count() < frame.height
        )
        if spec.name == "tapahtumat" and frame["pvm"].null_count() < frame.height:
            first_event = frame["pvm"].min()  # type: ignore[assignment]
        rows[spec.name] = frame.height
        log = _log_row(spec.name, raw, frame.height, spec.name in defaults)
        del raw, checked  # the file's text cells are not kept while the typed frame is written
        if staging is not None and report.ok:
            progress((i + 0.7) / (len(todo) + 1), f"{spec.name}: kirjoitetaan / writing")
            staging.write(spec, frame, log)
        pause_point(f"after_{spec.name}")
    return report, rows, as_of or max(latest, default=ctx.limit), defaults, first_event


def _log_row(export: str, raw: RawTable, rows: int, default: bool) -> dict[str, object]:
    file = f"reference/defaults/{raw.file}" if default else raw.file
    return {
        "export": export, "file": file, "format": raw.format, "sha256": raw.sha256,
        "rows": rows, "encoding": raw.encoding, "delimiter": raw.delimiter,
    }  # fmt: skip


def _quiet(fraction: float, message: str) -> None:
    return None


def validate_folder(folder: Path | str, as_of: date | None = None) -> ValidationReport:
    """Every check of a load, writing nothing. ``report.ok`` when the folder would load."""
    try:
        report, _rows, _as_of, _defaults, _first = _run(Path(folder), as_of, None, _quiet)
    except PipelineError as exc:
        return exc.report
    return report


def load_folder(
    folder: Path | str,
    db: Path | str | None = None,
    as_of: date | None = None,
    progress: Progress | None = None,
    allow_empty: bool = False,
    data_from: date | None = None,
) -> LoadSummary:
    """Validates every export of ``folder`` and replaces ``db`` with them, all or nothing.

    Raises ``PipelineError`` (with the full report) when anything is wrong; the database
    is then untouched. ``progress(fraction, message)`` is called as the load advances.
    An export that has rows in ``db`` and none in ``folder`` is refused unless
    ``allow_empty`` (pipelines.empty_guard); ``db`` is checked first (pipelines.db_target).
    ``data_from`` is the coverage start S recorded with the load (default: the earliest
    ``tapahtumat.pvm``; none when there are no events); one after the as-of date is refused.
    """
    started = time.perf_counter()
    target = check_target(Path(db) if db is not None else get_settings().db)
    report_progress = progress or _quiet
    staging = Staging(target)
    try:
        report, rows, chosen, defaults, first = _run(Path(folder), as_of, staging, report_progress)
        if not report.ok:
            raise PipelineError(report)
        coverage = data_from or first
        if coverage is not None and coverage > chosen:
            raise PipelineError.single(
                "--data-from",
                f"Aineiston alkupäivä {coverage.isoformat()} on poimintapäivän "
                f"{chosen.isoformat()} jälkeen: anna aiempi --data-from.",
                f"The coverage start {coverage.isoformat()} is after the as-of date "
                f"{chosen.isoformat()}: give an earlier --data-from.",
                "data_from_after_as_of",
            )
        if not allow_empty:
            refuse_emptying(target, rows)
        report_progress(0.95, "tietokanta vaihdetaan / swapping the database")
        source = str(Path(folder).resolve())
        duration = staging.finish(chosen, coverage, source, started, report.warnings)
    except BaseException:
        staging.discard()
        raise
    report_progress(1.0, "valmis / done")
    return LoadSummary(target, chosen, rows, coverage, defaults, report.warnings, duration)
