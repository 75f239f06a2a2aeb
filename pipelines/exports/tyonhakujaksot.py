"""tyonhakujaksot (job-search periods): end not before start, a client's periods do not overlap."""

from pipelines.spec import ExportSpec, Reference

SPEC = ExportSpec(
    name="tyonhakujaksot",
    periods=(("alkupvm", "loppupvm"),),
    no_overlap=("asiakas_id", "alkupvm", "loppupvm"),
    references=(Reference("asiakas_id", "asiakkaat"),),
    relevant_until="loppupvm",
)
