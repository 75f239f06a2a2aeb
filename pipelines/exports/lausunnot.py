"""lausunnot (labour-policy statements): unique lausunto_id; issued not before pending;
both dates not after the extraction date (a statement still pending has no annettu)."""

from pipelines.spec import ExportSpec, Reference

SPEC = ExportSpec(
    name="lausunnot",
    periods=(("vireille", "annettu"),),
    references=(Reference("asiakas_id", "asiakkaat"),),
    relevant_until="annettu",
)
