"""sitoumukset (commitments): the pair (paatos_id, vuosi) is unique (a decision spanning two
years has a row per year); the person-related items need the client, a known one."""

from pipelines.exports.kustannukset import PERSON_ITEMS_NEED_CLIENT
from pipelines.spec import ExportSpec, Reference

SPEC = ExportSpec(
    name="sitoumukset",
    required_when=(PERSON_ITEMS_NEED_CLIENT,),
    references=(Reference("asiakas_id", "asiakkaat"),),
    unique_key=("paatos_id", "vuosi"),
)
