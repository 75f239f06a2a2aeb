"""tyopaikat (vacancies): unique tyopaikka_id; closed not before published."""

from pipelines.spec import ExportSpec

SPEC = ExportSpec(
    name="tyopaikat",
    periods=(("julkaistu", "sulkeutunut"),),
    relevant_until="sulkeutunut",
)
