"""pipelines.exports: one spec per export of the contract, in the order of a load: an export
that others refer to comes before them, so its ids are known when references are checked."""

from __future__ import annotations

from common.data_contract import EXPORTS
from pipelines.exports import SPECS, SPECS_BY_NAME


def test_one_spec_per_export() -> None:
    assert sorted(s.name for s in SPECS) == sorted(e.name for e in EXPORTS)
    assert len(SPECS_BY_NAME) == len(SPECS)


def test_referenced_exports_load_first() -> None:
    order = {s.name: i for i, s in enumerate(SPECS)}
    pairs = [(ref.target, s.name) for s in SPECS for ref in s.references]
    assert pairs  # the rule is not empty
    for target, referrer in pairs:
        assert order[target] < order[referrer], (target, referrer)
