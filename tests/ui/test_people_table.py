"""ui.people_table: headers and words in the reader's language, cells marked by kind."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from metrics.kpi_file_people import PeopleCell
from ui.i18n import Lang
from ui.people_table import people_table

D = date(2026, 1, 1)


def kpi_rows() -> pl.DataFrame:
    base = {
        "level": ["koko_alue", "kunta", "koko_alue"],
        "area": ["Pohjois-Karjala", "Rääkkylä", "Pohjois-Karjala"],
        "period_start": [D] * 3,
        "period_end": [date(2026, 10, 31)] * 3,
        "as_of": [date(2026, 10, 31)] * 3,
    }
    return pl.DataFrame(
        {
            "metric_id": [
                "initial_interviews_face_to_face",
                "initial_interviews_face_to_face",
                "employer_contacts",
            ],
            **base,
            "value": [0.8534107402031931, None, 12348.0],
            "numerator": [241.0, None, 12348.0],
            "denominator": [275.0, None, None],
            "pending": [None, None, None],
            "target_op": [">=", ">=", ">="],
            "target_value": [0.75, 0.75, 2500.0],
            "status": ["risk", None, "ok"],
            "suppressed": [False, True, False],
            "pending_suppressed": [False, False, False],
        },
        schema_overrides={"pending": pl.Int64, "denominator": pl.Float64},
    )


@pytest.mark.parametrize(
    ("lang", "headers", "first"),
    [
        (
            "fi",
            ("Mittari", "Taso", "Alue", "Jakso alkaa", "Arvo", "Yksikkö", "Tavoite", "Tila"),
            ("Kasvokkain toteutetut alkuhaastattelut", "Koko alue", "Riskissä", "≥", "%"),
        ),
        (
            "en",
            ("Metric", "Level", "Area", "Period start", "Value", "Unit", "Target", "Status"),
            ("Initial interviews held face-to-face", "Whole area", "At risk", "≥", "%"),
        ),
    ],
)
def test_kpi_rows_in_the_readers_words(
    lang: Lang, headers: tuple[str, ...], first: tuple[str, ...]
) -> None:
    table = people_table(kpi_rows(), lang)
    assert set(headers) <= set(table.headers)
    assert not {"metric_id", "suppressed", "pending_suppressed"} & set(table.headers)
    row = dict(zip(table.headers, table.rows[0], strict=True))
    words = {c.value for c in row.values() if c.kind == "text"}
    assert set(first) <= words
    value, target = row[headers[4]], row[headers[6]]
    assert value == PeopleCell(0.8534107402031931, "percent")
    assert target == PeopleCell(0.75, "percent")
    assert row[headers[3]] == PeopleCell(D, "date")


def test_counts_are_integers_and_hidden_cells_show_the_token() -> None:
    table = people_table(kpi_rows(), "fi")
    hidden = dict(zip(table.headers, table.rows[1], strict=True))
    assert hidden["Arvo"] == PeopleCell("<5", "text")
    assert hidden["Osoittaja"] == PeopleCell("<5", "text")
    contacts = dict(zip(table.headers, table.rows[2], strict=True))
    assert contacts["Arvo"] == PeopleCell(12348.0, "integer")
    assert contacts["Osoittaja"] == PeopleCell(12348.0, "integer")
    assert contacts["Yksikkö"] == PeopleCell("kpl", "text")
    assert contacts["Tila"] == PeopleCell("Tavoitteessa", "text")


def test_breakdown_codes_shares_and_yes_no() -> None:
    df = pl.DataFrame(
        {
            "tyyppi": ["alkuhaastattelu"],
            "share": [0.5],
            "count": [3],
            "count_suppressed": [True],
            "lower": [0],
            "nuorten_yhteispalvelu": [True],
        }
    )
    fi = people_table(df, "fi")
    assert fi.headers == ("Tapahtuma", "Osuus", "Lukumäärä", "Nuorten yhteispalvelu")
    assert fi.rows[0][1] == PeopleCell(0.5, "percent")
    assert fi.rows[0][2] == PeopleCell("<5", "text")
    assert fi.rows[0][3] == PeopleCell("Kyllä", "text")
    assert people_table(df, "en").rows[0][3] == PeopleCell("Yes", "text")
    assert fi.rows[0][0].value != "alkuhaastattelu"  # the code's name, not the code
