"""metrics.cell_suppression on tiny tables: primary and secondary suppression, the rules of a
hidden total, forced cells, and the exact audit (integer elimination, checked against a
rational reference on random systems)."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from metrics.cell_suppression import Equation, determined_cells, is_determined, protect

# A service area (0) of three municipalities (1, 2, 3).
AREA = [Equation(children=(1, 2, 3), parent=0)]


@pytest.mark.parametrize(
    ("values", "hidden"),
    [
        ([30, 10, 10, 10], set()),  # nothing small
        ([23, 3, 10, 10], {1, 2}),  # a lone small one: the next smallest is its partner
        ([13, 3, 0, 10], {1, 3}),  # a zero is no partner (it hides nothing)
        ([16, 3, 3, 10], {1, 2}),  # two small ones of 6 together protect each other
        ([6, 3, 3, 0], {1, 2}),
        ([3, 3, 0, 0], {0, 1}),  # no shown partner: the total goes
    ],
)
def test_protect_small_tables(values: list[float], hidden: set[int]) -> None:
    got = protect(values, AREA, 5)
    assert got == hidden
    assert not determined_cells(AREA, got)


def test_a_hidden_total_needs_a_hidden_child() -> None:
    # the total is forced hidden (e.g. a month of it is): one child must go with it
    got = protect([30, 10, 12, 8], AREA, 5, forced={0})
    assert 0 in got and len(got & {1, 2, 3}) == 1 and 3 in got  # the smallest child


def test_forced_cells_are_protected_like_small_ones() -> None:
    got = protect([30, 10, 12, 8], AREA, 5, forced={2})
    assert got == {2, 3} and not determined_cells(AREA, got)


def test_a_threshold_of_one_hides_nothing_small() -> None:
    assert protect([3, 3, 0, 0], AREA, 1) == set()


def test_the_audit_finds_a_cell_two_equations_fix() -> None:
    # rows: 0 = 1 + 2 and 3 = 1 + 4 with 0 and 3 shown; hiding 1, 2 alone leaves them free,
    # but with 2 shown, 1 = 0 - 2 is fixed.
    equations = [Equation(children=(1, 2), parent=0), Equation(children=(1, 4), parent=3)]
    assert determined_cells(equations, {1, 2, 4}) == set()
    assert determined_cells(equations, {1, 4}) == {1, 4}
    assert is_determined(1, equations, {1})


def _rational_determined(equations: list[Equation], hidden: set[int]) -> set[int]:
    """The reference: Gauss-Jordan in fractions over the hidden cells."""
    unknowns = sorted(hidden)
    pos = {c: i for i, c in enumerate(unknowns)}
    rows = []
    for eq in equations:
        row = [Fraction(0)] * len(unknowns)
        for c in eq.children:
            if c in pos:
                row[pos[c]] += 1
        if eq.parent is not None and eq.parent in pos:
            row[pos[eq.parent]] -= 1
        if any(row):
            rows.append(row)
    rank = 0
    for col in range(len(unknowns)):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][col] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        rows[rank] = [a / rows[rank][col] for a in rows[rank]]
        for r in range(len(rows)):
            if r != rank and rows[r][col] != 0:
                f = rows[r][col]
                rows[r] = [a - f * b for a, b in zip(rows[r], rows[rank], strict=True)]
        rank += 1
    singles = [r for r in rows[:rank] if sum(1 for a in r if a) == 1]
    return {unknowns[next(i for i, a in enumerate(r) if a)] for r in singles}


def test_integer_elimination_equals_the_rational_one() -> None:
    rng = random.Random(12)
    cells, fixed_somewhere = 14, 0
    for _ in range(60):
        equations = []
        for _ in range(rng.randint(3, 9)):
            kids = tuple(rng.sample(range(cells), rng.randint(2, 5)))
            parent = rng.choice([None, *[c for c in range(cells) if c not in kids]])
            equations.append(Equation(children=kids, parent=parent))
        hidden = set(rng.sample(range(cells), rng.randint(2, 12)))
        expected = _rational_determined(equations, hidden)
        assert determined_cells(equations, hidden) == expected
        fixed_somewhere += bool(expected)
    assert 10 < fixed_somewhere < 60  # both kinds of system were drawn
