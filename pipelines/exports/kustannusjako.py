"""kustannusjako (cost-sharing percentages): one row per year and municipality; for each year
all 13 municipalities and percentages adding up to 100 (± 0.01) (pipelines.cost_share_rule)."""

from pipelines.cost_share_rule import check_cost_shares
from pipelines.spec import ExportSpec

SPEC = ExportSpec(
    name="kustannusjako",
    unique_key=("vuosi", "kunta"),
    table_rules=(check_cost_shares,),
)
