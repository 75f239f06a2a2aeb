"""What a mapped code may become, and how a mapping.toml key is quoted in a message."""

from __future__ import annotations

import pytest

from common.data_contract import EXPORTS_BY_NAME
from pipelines.mapping_checks import MappingIssues, key_text, mapped_value_ok
from pipelines.validation_report import ValidationReport


@pytest.mark.parametrize(
    ("export", "column", "value", "ok"),
    [
        ("tilajaksot", "tila", "tyoton", True),
        ("tilajaksot", "tila", "UNEMPLOYED", True),
        ("tilajaksot", "tila", "työtön", True),
        ("tilajaksot", "tila", "tyottomana", False),
        ("tilajaksot", "tila", "", False),  # required
        ("asiakkaat", "kunta", "Rääkkylä", True),
        ("asiakkaat", "kunta", "90", True),
        ("asiakkaat", "kunta", "Helsinki", False),
        ("asiakkaat", "maahanmuuttaja", "kyllä", True),
        ("asiakkaat", "maahanmuuttaja", "x", True),
        ("asiakkaat", "maahanmuuttaja", "", True),  # optional: empty
        ("asiakkaat", "maahanmuuttaja", "joo", False),
        ("tapahtumat", "kanava", "", True),
    ],
)
def test_a_mapped_value_is_what_the_reading_rules_accept(
    export: str, column: str, value: str, ok: bool
) -> None:
    assert mapped_value_ok(EXPORTS_BY_NAME[export].column(column), value) is ok


def test_keys_are_written_as_toml_dotted_keys() -> None:
    assert key_text(("tilajaksot", "codes", "tila", "01")) == 'tilajaksot.codes.tila."01"'
    assert key_text(("tilajaksot", "columns", "Tilan alkupvm")) == (
        'tilajaksot.columns."Tilan alkupvm"'
    )
    assert "308T" not in key_text(("asiakkaat", "columns", "131052-308T"))


def test_every_issue_names_mapping_toml_in_both_languages() -> None:
    report = ValidationReport()
    issues = MappingIssues(report, {("tilajaksot",): 4})
    issues.key = "tilajaksot"
    issues.unknown_key(("tilajaksot", "koodit"))
    issues.header_missing("tilajaksot.csv", "Tilan alkupvm", "alkupvm", 7)
    issues.export_absent("tyopaikat", None)
    assert [(e.file, e.row) for e in report.errors] == [("mapping.toml", 4), ("mapping.toml", 7)]
    assert [(w.file, w.rule) for w in report.warnings] == [
        ("mapping.toml", "mapping_export_absent")
    ]
    for issue in [*report.errors, *report.warnings]:
        assert issue.message_fi != issue.message_en
