"""pipelines.validation_report: issues with their location, values that may be quoted (never
an id, never anything like a henkilötunnus, also in disguise), the report as the user reads
it, and the one exception type that carries it."""

from __future__ import annotations

import pytest

from pipelines.validation_report import (
    HIDDEN,
    MAX_VALUE_CHARS,
    Issue,
    PipelineError,
    ValidationReport,
    safe_value,
    shows_value,
)


@pytest.mark.parametrize(
    ("column", "shown"),
    [("asiakas_id", False), ("virkailija_id", False), ("pvm", True), ("kunta", True)],
)
def test_ids_are_never_quoted(column: str, shown: bool) -> None:
    assert shows_value(column) is shown


@pytest.mark.parametrize(
    "value",
    [
        "010190-123A",
        "010190A123B",
        "x 010190 - 123A y",
        "０１０１９０－１２３Ａ",  # full-width digits and dash
        "010190\u2212123A",  # a minus sign
        "010190\u200b-123A",  # an invisible character
    ],
)
def test_henkilotunnus_like_text_is_hidden(value: str) -> None:
    assert safe_value(value) == HIDDEN


def test_other_values_are_shown_on_one_line_and_truncated() -> None:
    assert safe_value(None) is None
    assert safe_value("14.3.2025") == "14.3.2025" and safe_value(1985) == "1985"
    assert safe_value("a\nb\rc") == "a b c"
    long = safe_value("x" * 100)
    assert long is not None and len(long) == MAX_VALUE_CHARS and long.endswith("…")


def _issue(row: int | None, file: str = "asiakkaat.csv") -> Issue:
    return Issue(file, row, "kunta", "Tampere", "Tuntematon kunta.", "Unknown municipality.")


def test_the_report_lists_errors_in_file_and_row_order_and_counts_the_rest() -> None:
    report = ValidationReport()
    report.add_many([_issue(7), _issue(3)], total=25)
    report.add_error(_issue(None, "a.csv"))
    report.add_warning(Issue("b.csv", 1, None, None, "Huom.", "Note.", "unknown_columns"))
    assert not report.ok and report.error_count == 26
    text = report.render()
    assert "The data was not loaded: 26 error(s). The database is unchanged." in text
    assert text.index("a.csv") < text.index("rivi/row 3") < text.index("rivi/row 7")
    assert "… and 23 more of the same." in text
    assert "Warnings (1):" in text and "EN: Note." in text
    assert "arvo/value 'Tampere'" in text


def test_merging_reports_and_an_empty_one() -> None:
    first, second = ValidationReport(), ValidationReport()
    second.add_many([_issue(2)], total=3)
    first.merge(second)
    assert first.error_count == 3 and first.omitted == second.omitted
    assert ValidationReport().ok and ValidationReport().render() == ""


def test_the_exception_carries_its_report() -> None:
    err = PipelineError.single("kpi.duckdb", "Tietokanta on rikki.", "The database is broken.")
    assert err.report.error_count == 1 and err.report.errors[0].row is None
    assert "EN: The database is broken." in str(err) and "FI: Tietokanta on rikki." in str(err)
