"""palvelujaksot (service-line customerships): end not before start; a client may hold
several service lines at once, so overlaps are allowed."""

from pipelines.spec import ExportSpec, Reference

SPEC = ExportSpec(
    name="palvelujaksot",
    periods=(("alkupvm", "loppupvm"),),
    references=(Reference("asiakas_id", "asiakkaat"),),
    relevant_until="loppupvm",
)
