"""metrics.definition: a metric as frozen, validated data; its SQL read from the file beside
its module; its series end from the dated rules."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from metrics.definition import ALL_LEVELS, MetricDefinition
from metrics.registry import get

GOOD: dict[str, Any] = {
    "id": "demo_share",
    "title_fi": "Esimerkki",
    "title_en": "Example",
    "description_fi": "Esimerkkimittarin kuvaus.",
    "description_en": "An example metric's description.",
    "unit": "share",
    "direction": "higher",
    "exports": ("tapahtumat",),
    "privacy": "denominator",
    "goal": "lahipalvelut",
    "sql": "face_to_face/meetings.sql",
}


def test_a_valid_definition_and_its_defaults() -> None:
    m = MetricDefinition(**GOOD)
    assert m.levels == ALL_LEVELS == ("koko_alue", "palvelualue", "kunta")
    assert m.target_levels == ALL_LEVELS and m.has_target and not m.cohort
    assert m.has_denominator
    assert MetricDefinition(**{**GOOD, "unit": "count"}).has_denominator is False
    assert "kasvokkain" in m.query()  # the file beside the face-to-face family


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", "Demo Share"),  # only lower-case letters, digits and _
        ("title_fi", "Ek"),
        ("description_en", "short"),
        ("unit", "percent"),
        ("direction", "up"),
        ("privacy", "people"),
        ("levels", ("maakunta",)),
    ],
)
def test_bad_fields_are_refused(field: str, value: object) -> None:
    with pytest.raises(ValidationError):
        MetricDefinition(**{**GOOD, field: value})


def test_frozen() -> None:
    m = MetricDefinition(**GOOD)
    with pytest.raises(ValidationError):
        m.unit = "days"  # type: ignore[misc]


def test_the_series_end_comes_from_the_dated_rules() -> None:
    assert get("supplementary_discussions_first_3_months").series_ends is not None
    assert get("initial_contact_within_deadline").series_ends is None
    assert MetricDefinition(**GOOD).series_ends is None
