"""tapahtumat (client events): unique tapahtuma_id; a channel for meetings, a caseworker
for job offers, notices and presentations; known client and caseworker."""

from common.data_contract import JOB_OFFER_TYPES, MEETING_TYPES
from pipelines.spec import ExportSpec, Reference, RequiredWhen

SPEC = ExportSpec(
    name="tapahtumat",
    required_when=(
        RequiredWhen(
            "kanava", "tyyppi", MEETING_TYPES,
            "Kanava (kanava) on pakollinen haastatteluille ja keskusteluille",
            "The channel (kanava) is required for interviews and discussions",
        ),
        RequiredWhen(
            "virkailija_id", "tyyppi", JOB_OFFER_TYPES,
            "Virkailija (virkailija_id) on pakollinen työtarjouksille, työpaikkatiedotteille "
            "ja esittelyille",
            "The caseworker (virkailija_id) is required for job offers, vacancy notices and "
            "candidate presentations",
        ),
    ),
    references=(Reference("asiakas_id", "asiakkaat"), Reference("virkailija_id", "virkailijat")),
    relevant_until="pvm",
)  # fmt: skip
