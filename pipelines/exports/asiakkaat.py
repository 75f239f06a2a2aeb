"""asiakkaat (clients): schema in common.data_contract; unique asiakas_id, no further rules."""

from pipelines.spec import ExportSpec

SPEC = ExportSpec(name="asiakkaat")
