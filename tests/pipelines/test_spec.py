"""pipelines.spec: every export's rules name real columns of the contract: periods are pairs of
date columns, overlaps have a key and a period, required-when values are codes of their
column, references point to an export's unique id or declared key, future dates are date columns."""

from __future__ import annotations

import pytest

from common.data_contract import EXPORTS_BY_NAME
from pipelines.exports import SPECS, SPECS_BY_NAME
from pipelines.spec import ExportSpec


def _kinds(spec: ExportSpec) -> dict[str, str]:
    return {c.name: c.kind for c in spec.export.columns}


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_every_rule_names_real_columns(spec: ExportSpec) -> None:
    kinds = _kinds(spec)
    for start, end in spec.periods:
        assert kinds[start] == kinds[end] == "date"
    if spec.no_overlap is not None:
        key, start, end = spec.no_overlap
        assert key in kinds and (start, end) in spec.periods
    for rule in spec.required_when:
        assert rule.column in kinds and rule.label_fi and rule.label_en
        codes = {c.fi for c in next(c for c in spec.export.columns if c.name == rule.when).codes}
        assert set(rule.values) <= codes
    for ref in spec.references:
        assert ref.column in kinds
        # a unique id, or the declared key of an export whose key repeats (koulutukset's course)
        target = SPECS_BY_NAME[ref.target]
        assert target.referenced_column is not None
        assert target.referenced_column in _kinds(target)
    assert all(kinds[c] == "date" for c in spec.may_be_future)
    assert spec.relevant_until is None or kinds[spec.relevant_until] == "date"


def test_the_id_column_is_the_unique_one() -> None:
    by_name = {s.name: s for s in SPECS}
    assert by_name["asiakkaat"].id_column == "asiakas_id"
    assert by_name["tapahtumat"].id_column == "tapahtuma_id"
    assert by_name["asiakkaat"].export is EXPORTS_BY_NAME["asiakkaat"]
