"""virkailijat (caseworkers): unique virkailija_id; the role's end not before its start."""

from pipelines.spec import ExportSpec

SPEC = ExportSpec(
    name="virkailijat",
    periods=(("alkupvm", "loppupvm"),),
    relevant_until="loppupvm",
)
