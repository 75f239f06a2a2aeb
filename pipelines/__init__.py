"""The pipelines: a folder of exports -> checked -> one DuckDB file, all or nothing.

The API the dashboard and the command line use:

- ``validate_folder(dir, as_of=None) -> ValidationReport``
- ``load_folder(dir, db=None, as_of=None, progress=None) -> LoadSummary``
- ``PipelineError`` (``.report``: ``ValidationReport`` of ``Issue``)
- ``pipelines.database``: ``open_readonly``, ``database_identity``, ``read_meta``,
  ``loaded_exports``

The names are imported on first use, so that ``python -m pipelines --help`` and usage
errors answer without loading polars and DuckDB.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipelines.folder import LoadSummary, load_folder, validate_folder
    from pipelines.validation_report import Issue, PipelineError, ValidationReport

_HOMES = {
    "LoadSummary": "pipelines.folder",
    "load_folder": "pipelines.folder",
    "validate_folder": "pipelines.folder",
    "Issue": "pipelines.validation_report",
    "PipelineError": "pipelines.validation_report",
    "ValidationReport": "pipelines.validation_report",
}

__all__ = [
    "Issue",
    "LoadSummary",
    "PipelineError",
    "ValidationReport",
    "load_folder",
    "validate_folder",
]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'pipelines' has no attribute {name!r}")
