"""koulutukset (training participations): end not before start; the end may be a planned
date in the future (the only such date in the contract); a known client."""

from pipelines.spec import ExportSpec, Reference

SPEC = ExportSpec(
    name="koulutukset",
    periods=(("alkupvm", "loppupvm"),),
    references=(Reference("asiakas_id", "asiakkaat"),),
    may_be_future=("loppupvm",),
    relevant_until="loppupvm",
    key_column="koulutus_id",  # the course the cost ledger refers to
)
