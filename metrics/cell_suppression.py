"""Primary and secondary cell suppression on one table of additive counts.

A table is a list of cells (a count of people each) and a list of equations: each says
that some child cells add up to a total. The total is either a cell of the same table
(``parent``) or published elsewhere (``parent=None``: a municipality's rows of a
breakdown add up to a figure the dashboard shows on another card).

Rules, applied until nothing changes (documented in docs/exports.md):

1. Primary: a cell with a count of 1 .. threshold-1 is suppressed.
2. Per equation with a shown (or external) total: zero suppressed children, or at least
   two whose sum is not itself a small number (1 .. threshold-1); otherwise the next
   smallest non-zero shown child is suppressed too, or, if there is none, the total cell.
3. Per equation with a suppressed total cell: at least one suppressed child (else the total
   would be the sum of the shown children).
4. Audit: exact linear algebra over every equation of the table; a suppressed cell whose
   value the shown cells determine gets one more companion, and the rules run again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Equation:
    """``sum(children) == parent`` (a cell index) or a total published elsewhere (None)."""

    children: tuple[int, ...]
    parent: int | None = None


def _is_small(value: float, threshold: int) -> bool:
    return 0 < value < threshold


def protect(
    values: Sequence[float | None], equations: Sequence[Equation], threshold: int
) -> set[int]:
    """Indices of the cells to suppress (primary and secondary)."""
    vals = [float(v or 0.0) for v in values]
    hidden = {i for i, v in enumerate(vals) if _is_small(v, threshold)}
    if not hidden:
        return hidden
    while True:
        while _apply_rules(vals, equations, hidden, threshold):
            pass
        leaks = determined_cells(equations, hidden)
        if not leaks:
            return hidden
        leak = min(leaks)
        if not _add_companion(leak, vals, equations, hidden):
            return hidden  # nothing left to hide: every cell of its equations is hidden or zero


def _smallest_shown(cells: Sequence[int], vals: Sequence[float], hidden: set[int]) -> int | None:
    shown = [c for c in cells if c not in hidden and vals[c] > 0]
    return min(shown, key=lambda c: (vals[c], c)) if shown else None


def _apply_rules(
    vals: Sequence[float], equations: Sequence[Equation], hidden: set[int], threshold: int
) -> bool:
    """Fixes the first broken equation, narrowest first (a municipality's partner is sought in
    its own service area before the whole area); True when a cell was added."""
    for eq in sorted(equations, key=lambda e: len(e.children)):
        pick = _partner_needed(eq, vals, hidden, threshold)
        if pick is not None:
            hidden.add(pick)
            return True
    return False


def _partner_needed(
    eq: Equation, vals: Sequence[float], hidden: set[int], threshold: int
) -> int | None:
    kids = [c for c in eq.children if c in hidden]
    if eq.parent is not None and eq.parent in hidden:
        return None if kids else _smallest_shown(eq.children, vals, hidden)
    if not kids:
        return None
    if len(kids) >= 2 and not _is_small(sum(vals[c] for c in kids), threshold):
        return None
    pick = _smallest_shown(eq.children, vals, hidden)
    if pick is None and eq.parent is not None and vals[eq.parent] > 0:
        pick = eq.parent
    return pick


def _add_companion(
    leak: int, vals: Sequence[float], equations: Sequence[Equation], hidden: set[int]
) -> bool:
    for eq in equations:
        members = [*eq.children, *([eq.parent] if eq.parent is not None else [])]
        if leak in members:
            pick = _smallest_shown(members, vals, hidden)
            if pick is not None:
                hidden.add(pick)
                return True
    return False


def _rref(rows: list[list[Fraction]]) -> list[list[Fraction]]:
    """Reduced row echelon form (exact), zero rows dropped."""
    matrix = [row[:] for row in rows]
    rank, width = 0, len(matrix[0]) if matrix else 0
    for col in range(width):
        pivot = next((r for r in range(rank, len(matrix)) if matrix[r][col] != 0), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        lead = matrix[rank][col]
        matrix[rank] = [a / lead for a in matrix[rank]]
        for r in range(len(matrix)):
            if r != rank and matrix[r][col] != 0:
                factor = matrix[r][col]
                matrix[r] = [a - factor * b for a, b in zip(matrix[r], matrix[rank], strict=True)]
        rank += 1
    return matrix[:rank]


def determined_cells(equations: Sequence[Equation], hidden: set[int]) -> set[int]:
    """The hidden cells whose exact value the shown cells and the equations fix: a cell is
    fixed when its unit vector lies in the row space of the equations over the hidden cells,
    i.e. when a row of the reduced echelon form is that unit vector."""
    unknowns = sorted(hidden)
    pos = {c: i for i, c in enumerate(unknowns)}
    rows: list[list[Fraction]] = []
    for eq in equations:
        row = [Fraction(0)] * len(unknowns)
        for c in eq.children:
            if c in pos:
                row[pos[c]] += 1
        if eq.parent is not None and eq.parent in pos:
            row[pos[eq.parent]] -= 1
        if any(row):
            rows.append(row)
    fixed = set()
    for row in _rref(rows):
        nonzero = [i for i, a in enumerate(row) if a != 0]
        if len(nonzero) == 1:
            fixed.add(unknowns[nonzero[0]])
    return fixed


def is_determined(cell: int, equations: Sequence[Equation], hidden: set[int]) -> bool:
    """True when the shown cells and the equations fix the hidden ``cell``'s exact value."""
    return cell in determined_cells(equations, hidden)
