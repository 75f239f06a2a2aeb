"""talousarvio (budget): one row per year and item (a duplicate is an error)."""

from pipelines.spec import ExportSpec

SPEC = ExportSpec(name="talousarvio", unique_key=("vuosi", "kustannuslaji"))
