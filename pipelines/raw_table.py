"""A file as the readers leave it: header names and text cells; and the errors for a file
that is no table at all, shared by every reader."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipelines.validation_report import PipelineError


@dataclass(frozen=True)
class RawTable:
    """A file's header names (as written) and its cells as text; row i is Excel row i + 2."""

    file: str
    path: Path
    format: str
    sha256: str
    encoding: str | None
    delimiter: str | None
    header: tuple[str, ...]
    frame: pl.DataFrame  # columns named c0, c1, … in header order, all pl.String
    # False when no cell can have surrounding spaces (a CSV without any space, tab or
    # no-break space): validation then skips looking for cells to strip.
    maybe_padded: bool = True
    # CSV rows with fewer fields than the header: how many, and the first as (line, fields).
    short_rows: int = 0
    short_examples: tuple[tuple[int, int], ...] = ()
    # How messages name each column when mapping.toml renamed some (pipelines.mapping_apply):
    # "'Tilan alkupvm' (alkupvm)"; empty when nothing was renamed (the header is shown).
    shown: tuple[str, ...] = ()

    def title(self, index: int) -> str:
        """Column ``index`` as a message names it: as the file has it, the contract's
        name beside it when mapping.toml renamed it."""
        return self.shown[index] if self.shown else self.header[index]


def not_a_table(file: str, why_fi: str, why_en: str) -> PipelineError:
    return PipelineError.single(
        file,
        f"Tiedosto ei ole taulukko ({why_fi}). Tallenna vienti CSV-, XLSX- tai Parquet-muodossa.",
        f"The file is not a table ({why_en}). Save the export as CSV, XLSX or Parquet.",
        rule="not_a_table",
    )


def empty_file(file: str) -> PipelineError:
    return PipelineError.single(
        file,
        "Tiedosto on tyhjä. Vie aineisto uudelleen tai poista tiedosto kansiosta.",
        "The file is empty. Export the data again or remove the file from the folder.",
        rule="empty_file",
    )
