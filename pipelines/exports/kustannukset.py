"""kustannukset (cost ledger): unique kirjaus_id; the person-related items need the client;
a known client; a course unknown in koulutukset is only a warning (its cost still counts)."""

from common.data_contract import PERSON_COST_ITEMS
from pipelines.spec import ExportSpec, Reference, RequiredWhen

PERSON_ITEMS_NEED_CLIENT = RequiredWhen(
    "asiakas_id", "kustannuslaji", PERSON_COST_ITEMS,
    "Asiakas (asiakas_id) on pakollinen henkilöön liittyville kustannuslajeille (palkkatuki, "
    "starttiraha, kulukorvaukset, työllistämistuki 55+, työolosuhteiden järjestelytuki, "
    "matka- ja yöpymiskulut)",
    "The client (asiakas_id) is required for the person-related cost items (pay subsidy, "
    "start-up grant, expense allowances, employment support 55+, working-conditions support, "
    "travel and accommodation)",
)  # fmt: skip

SPEC = ExportSpec(
    name="kustannukset",
    required_when=(PERSON_ITEMS_NEED_CLIENT,),
    references=(
        Reference("asiakas_id", "asiakkaat"),
        Reference("koulutus_id", "koulutukset", warn_only=True),
    ),
    relevant_until="pvm",
)
