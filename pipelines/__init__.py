"""The pipelines: a folder of exports -> checked -> one DuckDB file, all or nothing.

The API the dashboard and the command line use:

- ``validate_folder(dir, as_of=None) -> ValidationReport``
- ``load_folder(dir, db=None, as_of=None, progress=None) -> LoadSummary``
- ``PipelineError`` (``.report``: ``ValidationReport`` of ``Issue``)
- ``pipelines.database``: ``open_readonly``, ``database_identity``, ``read_meta``,
  ``loaded_exports``
"""

from pipelines.folder import LoadSummary, load_folder, validate_folder
from pipelines.report import Issue, PipelineError, ValidationReport

__all__ = [
    "Issue",
    "LoadSummary",
    "PipelineError",
    "ValidationReport",
    "load_folder",
    "validate_folder",
]
