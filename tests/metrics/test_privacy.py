"""The small-number rule on hand-made KPI and breakdown tables, including the
back-computation attack (a service area's total minus its shown municipalities)."""

from __future__ import annotations

import random
from datetime import date

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from common.reference import AREA_NAME, SERVICE_AREAS, municipalities
from metrics.cell_suppression import (
    Equation,
    _determined_float,
    determined_cells,
    is_determined,
    protect,
)
from metrics.privacy import (
    SMALL,
    area_equations,
    basis_of,
    small_token,
    suppress,
    suppress_counts,
)
from metrics.registry import REGISTRY

KPI_COLUMNS = (
    "metric_id", "level", "area", "period_start", "period_end", "as_of", "value", "numerator",
    "denominator", "pending", "target_op", "target_value", "status",
)  # fmt: skip
START, END = date(2025, 1, 1), date(2025, 12, 31)


def kpi_table(
    metric_id: str,
    denominators: dict[str, float],
    numerators: dict[str, float] | None = None,
    pending: dict[str, int] | None = None,
    levels: tuple[str, ...] = ("koko_alue", "palvelualue", "kunta"),
) -> pl.DataFrame:
    """A metric's rows at every level, built from per-municipality figures (others 10)."""
    kunnat = municipalities()
    den = {m.kunta: float(denominators.get(m.kunta, 10.0)) for m in kunnat}
    num = {k: (numerators or {}).get(k, d // 2) for k, d in den.items()}
    pen = {k: (pending or {}).get(k, 7) for k in den}
    groups: list[tuple[str, str, list[str]]] = []
    if "koko_alue" in levels:
        groups.append(("koko_alue", AREA_NAME, list(den)))
    if "palvelualue" in levels:
        for area in SERVICE_AREAS:
            groups.append(("palvelualue", area, [m.kunta for m in kunnat if m.palvelualue == area]))
    if "kunta" in levels:
        groups.extend(("kunta", k, [k]) for k in den)
    rows = []
    for level, area, members in groups:
        d = sum(den[k] for k in members)
        n = sum(num[k] for k in members)
        rows.append(
            {
                "metric_id": metric_id, "level": level, "area": area, "period_start": START,
                "period_end": END, "as_of": date(2025, 12, 31), "value": n / d if d else None,
                "numerator": n, "denominator": d, "pending": sum(pen[k] for k in members),
                "target_op": ">=", "target_value": 0.75, "status": "ok",
            }
        )  # fmt: skip
    return pl.DataFrame(rows).select(KPI_COLUMNS)


def row(df: pl.DataFrame, area: str, level: str = "kunta") -> dict[str, object]:
    return df.filter((pl.col("level") == level) & (pl.col("area") == area)).row(0, named=True)


def hidden_areas(df: pl.DataFrame) -> set[str]:
    return set(df.filter(pl.col("suppressed"))["area"].to_list())


def test_primary_rule_hides_denominators_one_to_four_and_keeps_zero_and_five() -> None:
    table = kpi_table(
        "initial_interviews_face_to_face",
        {"Rääkkylä": 3, "Tohmajärvi": 5, "Kitee": 40, "Juuka": 0, "Nurmes": 1, "Lieksa": 20},
    )
    out = suppress(table)
    assert out.columns == [*KPI_COLUMNS, "suppressed", "pending_suppressed"]
    r = row(out, "Rääkkylä")
    assert r["suppressed"] is True
    assert r["value"] is None and r["numerator"] is None and r["denominator"] is None
    assert r["status"] is None
    assert r["target_value"] == 0.75 and r["target_op"] == ">="
    assert row(out, "Nurmes")["suppressed"] is True
    assert row(out, "Juuka")["suppressed"] is False  # zero is not a small number
    assert row(out, "Kitee")["suppressed"] is False
    assert row(out, "Kitee")["denominator"] == 40


def test_back_computation_attack_on_a_service_area_fails() -> None:
    # Keski-Karjala = Kitee 40 + Rääkkylä 3 + Tohmajärvi 12. Hiding Rääkkylä alone would let
    # anyone compute it as Keski-Karjala − Kitee − Tohmajärvi.
    table = kpi_table(
        "tym_assessment_within_3_months",
        {"Kitee": 40, "Rääkkylä": 3, "Tohmajärvi": 12},
        {"Kitee": 30, "Rääkkylä": 1, "Tohmajärvi": 9},
    )
    out = suppress(table)
    assert hidden_areas(out) == {"Rääkkylä", "Tohmajärvi"}  # the next smallest goes with it
    area = row(out, "Keski-Karjala", "palvelualue")
    kitee = row(out, "Kitee")
    # The attack now yields only the sum of two municipalities, for both columns.
    assert area["denominator"] - kitee["denominator"] == 15  # type: ignore[operator]
    assert area["numerator"] - kitee["numerator"] == 10  # type: ignore[operator]
    for column in ("numerator", "denominator"):
        values = {r["area"]: r[column] for r in out.iter_rows(named=True)}
        assert values["Rääkkylä"] is None and values["Tohmajärvi"] is None


def test_whole_area_minus_the_other_service_areas_cannot_reveal_joensuu() -> None:
    # Joensuu is a service area of one municipality: hiding it there must also hide a second
    # service area, or Pohjois-Karjala minus the other three gives it back.
    table = kpi_table("integration_plan_within_30_days", {"Joensuu": 2})
    out = suppress(table)
    assert row(out, "Joensuu")["suppressed"] and row(out, "Joensuu", "palvelualue")["suppressed"]
    hidden_service_areas = out.filter(pl.col("suppressed") & (pl.col("level") == "palvelualue"))
    assert hidden_service_areas.height == 2
    hidden_kunnat = out.filter(pl.col("suppressed") & (pl.col("level") == "kunta"))
    assert hidden_kunnat.height >= 2  # and the 13 municipalities do not reveal it either


def test_two_small_cells_whose_sum_is_small_take_a_third() -> None:
    # Juuka 1 and Nurmes 2 hidden: Pielisen Karjala − Lieksa would still say "3", a small number.
    table = kpi_table(
        "training_unemployment_ended_3_months", {"Juuka": 1, "Nurmes": 2, "Lieksa": 9}
    )
    out = suppress(table)
    assert {"Juuka", "Nurmes", "Lieksa"} <= hidden_areas(out)


@pytest.mark.parametrize("seed_small", ["Heinävesi", "Polvijärvi", "Ilomantsi", "Juuka", "Joensuu"])
def test_no_hidden_cell_is_determined_by_the_shown_ones(seed_small: str) -> None:
    table = kpi_table("initial_contact_within_deadline", {seed_small: 1, "Rääkkylä": 4, "Kitee": 6})
    out = suppress(table)
    equations = area_equations(out["level"].to_list(), out["area"].to_list())
    hidden = set(out.with_row_index().filter(pl.col("suppressed"))["index"].to_list())
    assert hidden
    for cell in hidden:
        assert not is_determined(cell, equations, hidden)


def test_only_municipality_rows_still_protect_against_published_totals() -> None:
    table = kpi_table(
        "initial_interviews_face_to_face", {"Rääkkylä": 2, "Kitee": 30}, levels=("kunta",)
    )
    out = suppress(table)
    assert hidden_areas(out) == {"Rääkkylä", "Tohmajärvi"}


def test_things_that_are_not_people_are_never_hidden() -> None:
    table = kpi_table("service_points_operating", {m.kunta: 1 for m in municipalities()})
    out = suppress(table)
    assert not out["suppressed"].any()
    assert out["denominator"].null_count() == 0


def test_clients_per_person_year_is_judged_by_its_clients() -> None:
    table = kpi_table("clients_per_customer_service_htv", {"Rääkkylä": 1.1, "Juuka": 2.6})
    table = table.with_columns(
        pl.when(pl.col("area") == "Juuka").then(3.0).otherwise(pl.col("denominator") * 20)
        .alias("numerator")
    )  # fmt: skip
    out = suppress(table)
    assert row(out, "Juuka")["suppressed"] is True  # 3 clients
    assert row(out, "Rääkkylä")["suppressed"] is False  # 22 clients over 1.1 htv


def test_pending_is_a_count_of_people_with_its_own_protection() -> None:
    table = kpi_table("tym_assessment_within_3_months", {}, pending={"Kitee": 2})
    out = suppress(table)
    kitee = row(out, "Kitee")
    assert kitee["pending"] is None and kitee["pending_suppressed"] is True
    assert kitee["value"] is not None and kitee["suppressed"] is False
    hidden_pending = out.filter(pl.col("pending_suppressed") & (pl.col("level") == "kunta"))
    assert hidden_pending.height == 2  # a companion, or Keski-Karjala's pending reveals it


def test_threshold_is_settable() -> None:
    table = kpi_table("initial_interviews_face_to_face", {"Rääkkylä": 7})
    assert not suppress(table)["suppressed"].any()
    assert row(suppress(table, threshold=10), "Rääkkylä")["suppressed"] is True
    tiny = kpi_table("initial_interviews_face_to_face", {"Rääkkylä": 1})
    assert not suppress(tiny, threshold=1)["suppressed"].any()
    assert small_token() == SMALL == "<5" and small_token(10) == "<10"


def test_tables_are_separate_per_metric_and_period() -> None:
    small = kpi_table("initial_interviews_face_to_face", {"Rääkkylä": 2})
    other = kpi_table("job_search_discussions_face_to_face", {})
    out = suppress(pl.concat([small, other]))
    assert not out.filter(pl.col("metric_id") == other["metric_id"][0])["suppressed"].any()


def test_breakdown_counts_with_a_published_margin() -> None:
    # Initial interviews in Rääkkylä by channel; their total is on the KPI card.
    split = pl.DataFrame(
        {"kanava": ["kasvokkain", "puhelin", "video", "verkko"], "count": [20, 3, 0, 7]}
    )
    out = suppress_counts(split, margins=[()])
    assert out.filter(pl.col("count_suppressed"))["kanava"].to_list() == ["puhelin", "verkko"]
    assert out["count"].to_list() == [20, None, 0, None]


def test_breakdown_flows_protect_rows_and_columns() -> None:
    flows = pl.DataFrame(
        {
            "kotikunta": ["Liperi", "Liperi", "Outokumpu", "Outokumpu"],
            "palvelupiste": ["Joensuu", "Liperi", "Joensuu", "Outokumpu"],
            "count": [2, 30, 12, 40],
        }
    )
    out = suppress_counts(flows, margins=[("kotikunta",), ("palvelupiste",)])
    hidden = out.filter(pl.col("count_suppressed"))
    # Liperi->Joensuu (2) needs Liperi->Liperi with it (row margin), and Outokumpu->Joensuu
    # (column margin), which in turn needs a partner in its row.
    assert hidden.height == 4


def test_breakdown_by_area_follows_the_hierarchy() -> None:
    kunnat = [m.kunta for m in municipalities() if m.palvelualue == "Keski-Karjala"]
    df = pl.DataFrame({"level": "kunta", "area": kunnat, "outcome": "late", "count": [12, 2, 30]})
    out = suppress_counts(df, keys=("outcome",))
    assert out.filter(pl.col("count_suppressed"))["area"].to_list() == ["Kitee", "Rääkkylä"]


def test_protect_falls_back_to_the_total_when_no_partner_exists() -> None:
    # total 3 = 3 + 0 + 0: the only partner is the total cell itself.
    hidden = protect([3, 3, 0, 0], [Equation(children=(1, 2, 3), parent=0)], 5)
    assert hidden == {0, 1}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=40), min_size=13, max_size=13))
def test_random_municipality_figures_never_leak(figures: list[int]) -> None:
    kunnat = [m.kunta for m in municipalities()]
    table = kpi_table("initial_interviews_face_to_face", dict(zip(kunnat, figures, strict=True)))
    out = suppress(table)
    flags = out["suppressed"].to_list()
    dens = table["denominator"].to_list()
    assert all(flags[i] for i, d in enumerate(dens) if 0 < d < 5)
    hidden = {i for i, f in enumerate(flags) if f}
    equations = area_equations(out["level"].to_list(), out["area"].to_list())
    for cell in hidden:
        assert not is_determined(cell, equations, hidden)
    for eq in equations:  # what "total minus the others" leaves is never one cell or small
        if eq.parent is not None and eq.parent in hidden:
            continue
        kids = [c for c in eq.children if c in hidden]
        assert not kids or (len(kids) >= 2 and sum(dens[c] for c in kids) >= 5)


def test_the_basis_comes_from_the_definition_and_unknown_ids_are_judged_safely() -> None:
    for m in REGISTRY:
        assert basis_of(m.id) == m.privacy
    assert basis_of("not_a_registered_metric") == "denominator"


def test_the_floating_point_audit_agrees_with_the_exact_one() -> None:
    """Big systems (a series of every area) are audited with numpy's SVD instead of exact
    fractions; on random systems of the same shape both name the same determined cells."""
    rng = random.Random(7)
    for _ in range(200):
        cells = 12
        equations = [
            Equation(children=tuple(rng.sample(range(cells), rng.randint(2, 5))),
                     parent=rng.choice([None, rng.randrange(cells)]))
            for _ in range(rng.randint(1, 6))
        ]  # fmt: skip
        hidden = set(rng.sample(range(cells), rng.randint(1, cells)))
        assert _determined_float(equations, sorted(hidden)) == determined_cells(equations, hidden)


def test_forced_cells_are_protected_like_small_ones() -> None:
    equations = [Equation(children=(0, 1, 2), parent=3)]
    hidden = protect([10, 20, 30, 60], equations, 5, forced={1})
    assert 1 in hidden and len(hidden - {3}) >= 2
    assert not determined_cells(equations, hidden)
