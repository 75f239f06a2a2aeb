"""tyoryhmat (ecosystem working groups): unique ryhma. Shipped default: reference/defaults/."""

from pipelines.spec import ExportSpec

SPEC = ExportSpec(name="tyoryhmat")
