"""tilajaksot (status spells): end not before start, a client's spells do not overlap."""

from pipelines.spec import ExportSpec, Reference

SPEC = ExportSpec(
    name="tilajaksot",
    periods=(("alkupvm", "loppupvm"),),
    no_overlap=("asiakas_id", "alkupvm", "loppupvm"),
    references=(Reference("asiakas_id", "asiakkaat"),),
    relevant_until="loppupvm",
)
