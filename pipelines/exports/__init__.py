"""One module per export, each declaring its ``SPEC``; ``SPECS`` is the order of a load.

The exports that others refer to (asiakkaat, virkailijat) come first, so that their ids
are known when the references are checked.
"""

from pipelines.exports import (
    asiakkaat,
    koulutukset,
    kustannukset,
    kustannusjako,
    lausunnot,
    palvelujaksot,
    palvelupisteet,
    sitoumukset,
    talousarvio,
    tapahtumat,
    tilajaksot,
    tyonhakujaksot,
    tyopaikat,
    tyoryhmat,
    virkailijat,
    yrityskontaktit,
)
from pipelines.spec import ExportSpec

SPECS: tuple[ExportSpec, ...] = (
    asiakkaat.SPEC,
    virkailijat.SPEC,
    tyonhakujaksot.SPEC,
    tilajaksot.SPEC,
    palvelujaksot.SPEC,
    tapahtumat.SPEC,
    tyopaikat.SPEC,
    yrityskontaktit.SPEC,
    koulutukset.SPEC,
    tyoryhmat.SPEC,
    palvelupisteet.SPEC,
    lausunnot.SPEC,
    # The money (added 2026-12): after koulutukset, whose courses the ledger refers to.
    sitoumukset.SPEC,
    kustannukset.SPEC,
    talousarvio.SPEC,
    kustannusjako.SPEC,
)
SPECS_BY_NAME: dict[str, ExportSpec] = {s.name: s for s in SPECS}
