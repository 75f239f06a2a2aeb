"""The errors of ``mapping.toml`` itself, each naming the file, its line and the TOML key,
in Finnish and English; and whether a mapped code is a value the reading rules accept."""

from __future__ import annotations

import re
from dataclasses import dataclass

from common.data_contract import Column, Export
from common.reference import fold
from pipelines import values
from pipelines.mapping_lines import Path, line_of
from pipelines.validation_report import Issue, ValidationReport, safe_value

FILE = "mapping.toml"
_BARE = re.compile(r"[a-z_]+")  # contract names; a source header or code is quoted


def mapped_value_ok(column: Column, value: str) -> bool:
    """Whether the reading rules accept ``value`` (stripped) in ``column``: a code or its
    alias, a municipality's name or code, a boolean word; empty only in an optional column."""
    if not value:
        return not column.required
    if column.kind == "bool":
        return fold(value) in values.BOOLEANS
    if column.kind == "municipality":
        return bool(values.municipality_mapping([value]))
    return bool(values.code_mapping(column, [value]))


def key_text(path: Path) -> str:
    """A key as TOML writes it dotted: ``tilajaksot.codes.tila."01"``."""
    parts = [p if _BARE.fullmatch(p) else f'"{safe_value(p)}"' for p in path]
    return ".".join(parts)


def _names(export: Export) -> str:
    return ", ".join(c.name for c in export.columns)


@dataclass
class MappingIssues:
    """Adds the errors of one mapping.toml to ``report``; ``key`` is the export being read."""

    report: ValidationReport
    lines: dict[Path, int]
    key: str = ""

    def line(self, path: Path) -> int | None:
        return line_of(self.lines, path)

    def _error(self, path: Path | None, fi: str, en: str, rule: str) -> None:
        line = self.line(path) if path else None
        self.report.add_error(Issue(FILE, line, None, None, fi, en, rule))

    def _keyed(self, path: Path, fi: str, en: str, rule: str) -> None:
        where = f"Avain {key_text(path)}: "
        self._error(path, where + fi, f"Key {key_text(path)}: " + en, rule)

    def not_utf8(self) -> None:
        self._error(
            None,
            "mapping.toml ei ole UTF-8-tekstiä. Tallenna se UTF-8-muodossa.",
            "mapping.toml is not UTF-8 text. Save it in UTF-8.",
            "mapping_not_utf8",
        )

    def not_toml(self, line: int | None, detail: str) -> None:
        self.report.add_error(
            Issue(
                FILE, line, None, None,
                f"mapping.toml ei ole kelvollista TOMLia ({detail}). Korjaa kohta; esimerkki "
                "on tiedostossa docs/mapping.example.toml.",
                f"mapping.toml is not valid TOML ({detail}). Correct it; there is an example "
                "in docs/mapping.example.toml.",
                "mapping_not_toml",
            )
        )  # fmt: skip

    def unknown_export(self, path: Path) -> None:
        self._keyed(
            path,
            "sopimuksessa ei ole tämän nimistä vientiä (esim. tilajaksot, asiakkaat).",
            "the contract has no export of this name (e.g. tilajaksot, asiakkaat).",
            "mapping_unknown_export",
        )

    def export_twice(self, path: Path, export: str) -> None:
        self._keyed(
            path,
            f"vienti {export} on mapping.toml:ssa kahdesti. Yhdistä osiot.",
            f"the export {export} is in mapping.toml twice. Merge the sections.",
            "mapping_export_twice",
        )

    def not_a_table(self, path: Path) -> None:
        self._keyed(
            path,
            "arvon pitää olla taulukko (esim. [tilajaksot.columns]).",
            "the value must be a table (e.g. [tilajaksot.columns]).",
            "mapping_not_a_table",
        )

    def unknown_key(self, path: Path) -> None:
        self._keyed(
            path,
            "viennin alla sallitaan vain columns ja codes.",
            "only columns and codes are allowed under an export.",
            "mapping_unknown_key",
        )

    def not_text(self, path: Path) -> None:
        self._keyed(
            path,
            "lähdeotsikko ei saa olla tyhjä, ja arvon pitää olla tekstiä lainausmerkeissä.",
            "a source header may not be empty, and the value must be text in quotes.",
            "mapping_not_text",
        )

    def unknown_column(self, path: Path, target: str, export: Export) -> None:
        self._keyed(
            path,
            f"viennissä {export.name} ei ole saraketta {safe_value(target)!r}. "
            f"Sarakkeet: {_names(export)}.",
            f"the export {export.name} has no column {safe_value(target)!r}. "
            f"Columns: {_names(export)}.",
            "mapping_unknown_column",
        )

    def same_header_twice(self, path: Path, other: str) -> None:
        self._keyed(
            path,
            f"sama lähdeotsikko on annettu jo ({safe_value(other)!r}). Poista toinen.",
            f"the same source header is given already ({safe_value(other)!r}). Remove one.",
            "mapping_header_twice",
        )

    def two_sources(self, path: Path, column: str, other: str) -> None:
        self._keyed(
            path,
            f"sarakkeeseen {column} on mapattu kaksi lähdeotsikkoa (myös "
            f"{safe_value(other)!r}). Poista toinen.",
            f"two source headers are mapped to the column {column} (also "
            f"{safe_value(other)!r}). Remove one.",
            "mapping_two_sources",
        )

    def no_codes(self, path: Path, column: Column) -> None:
        self._keyed(
            path,
            f"sarakkeella {column.name} ei ole koodeja: koodeja voi mapata vain koodi-, "
            "kunta- ja totuusarvosarakkeille.",
            f"the column {column.name} has no codes: codes can be mapped only for code, "
            "municipality and boolean columns.",
            "mapping_no_codes",
        )

    def hetu_like(self, path: Path) -> None:
        self._keyed(
            path[:-1],
            "koodi näyttää henkilötunnukselta (ei näytetä). Henkilötunnuksia ei saa olla "
            "mappauksessa.",
            "a code looks like a personal identity code (not shown). Identity codes must not "
            "be in the mapping.",
            "mapping_henkilotunnus",
        )

    def unknown_code(self, path: Path, value: str, column: Column) -> None:
        fi, en = values.expected(column)
        if not value.strip():
            fi, en = "Pakollinen sarake ei voi olla tyhjä.", "A required column cannot be empty."
        self._keyed(
            path,
            f"arvo {safe_value(value)!r} ei kelpaa sarakkeeseen {column.name}. {fi}",
            f"the value {safe_value(value)!r} is not valid in the column {column.name}. {en}",
            "mapping_unknown_code",
        )

    def header_missing(self, file: str, source: str, column: str, line: int | None) -> None:
        self.report.add_error(
            Issue(
                FILE, line, None, None,
                f"Tiedostossa {file} ei ole mapping.toml:n lähdeotsikkoa {safe_value(source)!r} "
                f"(sarake {column}). Tarkista otsikon kirjoitusasu tai poista rivi.",
                f"The file {file} has no source header {safe_value(source)!r} of mapping.toml "
                f"(column {column}). Check the header's spelling or remove the line.",
                "mapping_header_missing",
            )
        )  # fmt: skip

    def export_absent(self, export: str, line: int | None) -> None:
        self.report.add_warning(
            Issue(
                FILE, line, None, None,
                f"mapping.toml mappaa viennin {export}, mutta sitä ei ole kansiossa: osiota "
                "ei käytetty.",
                f"mapping.toml maps the export {export}, but the folder does not hold it: "
                "the section was not used.",
                "mapping_export_absent",
            )
        )  # fmt: skip
