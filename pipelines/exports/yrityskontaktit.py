"""yrityskontaktit (employer contacts): unique kontakti_id; a known caseworker if given."""

from pipelines.spec import ExportSpec, Reference

SPEC = ExportSpec(
    name="yrityskontaktit",
    references=(Reference("virkailija_id", "virkailijat"),),
    relevant_until="pvm",
)
