"""palvelupisteet (joint service points): one row per municipality. Shipped default:
reference/defaults/."""

from pipelines.spec import ExportSpec

SPEC = ExportSpec(name="palvelupisteet")
