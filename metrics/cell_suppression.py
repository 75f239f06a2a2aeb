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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from math import gcd

import numpy as np


@dataclass(frozen=True)
class Equation:
    """``sum(children) == parent`` (a cell index) or a total published elsewhere (None)."""

    children: tuple[int, ...]
    parent: int | None = None


# Above this many hidden cells the audit runs in floating point (numpy's SVD) instead of
# exact fractions: the equations' coefficients are 0 and ±1, so the rank is well separated.
_EXACT_LIMIT = 64


def _is_small(value: float, threshold: int) -> bool:
    return 0 < value < threshold


def protect(
    values: Sequence[float | None],
    equations: Sequence[Equation],
    threshold: int,
    forced: Iterable[int] = (),
) -> set[int]:
    """Indices of the cells to suppress (primary and secondary). ``forced`` cells are hidden
    for another reason (a month of the period is hidden: metrics.disclosure) and are
    protected like primary ones."""
    vals = [float(v or 0.0) for v in values]
    hidden = {i for i, v in enumerate(vals) if _is_small(v, threshold)} | set(forced)
    if not hidden:
        return hidden
    while True:
        _apply_rules(vals, equations, hidden, threshold)
        leaks = determined_cells(equations, hidden)
        if not leaks:
            return hidden
        # Small tables: one companion at a time (fewest cells hidden); big ones (a series of
        # every area): one per leak of the round, since the audit is the costly step there.
        batch = sorted(leaks) if len(hidden) > _EXACT_LIMIT else [min(leaks)]
        added = [_add_companion(leak, vals, equations, hidden) for leak in batch]
        if not any(added):
            return hidden  # nothing left to hide: every cell of its equations is hidden or zero


def _smallest_shown(cells: Sequence[int], vals: Sequence[float], hidden: set[int]) -> int | None:
    shown = [c for c in cells if c not in hidden and vals[c] > 0]
    return min(shown, key=lambda c: (vals[c], c)) if shown else None


def _apply_rules(
    vals: Sequence[float], equations: Sequence[Equation], hidden: set[int], threshold: int
) -> None:
    """Fixes broken equations until none is left, always the first broken one narrowest
    first (a municipality's partner is sought in its own service area before the whole
    area). After a fix only the equations holding the new cell can have broken again."""
    order = sorted(equations, key=lambda e: len(e.children))
    holding: dict[int, list[int]] = {}
    for k, eq in enumerate(order):
        for c in (*eq.children, *([eq.parent] if eq.parent is not None else [])):
            holding.setdefault(c, []).append(k)
    i = 0
    while i < len(order):
        pick = _partner_needed(order[i], vals, hidden, threshold)
        if pick is None:
            i += 1
            continue
        hidden.add(pick)
        earlier = [k for k in holding.get(pick, []) if k < i]
        i = min(earlier) if earlier else i


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


def _rref(rows: list[list[int]]) -> list[list[int]]:
    """Reduced row echelon form up to a factor per row (exact, in integers: Gauss-Jordan
    without fractions, each row divided by the gcd of its entries), zero rows dropped. A
    row's zero pattern is that of the rational reduced form."""
    matrix = [row[:] for row in rows]
    rank, width = 0, len(matrix[0]) if matrix else 0
    for col in range(width):
        pivot = next((r for r in range(rank, len(matrix)) if matrix[r][col] != 0), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        lead_row = matrix[rank]
        lead = lead_row[col]
        for r in range(len(matrix)):
            factor = matrix[r][col]
            if r != rank and factor != 0:
                row = [a * lead - factor * b for a, b in zip(matrix[r], lead_row, strict=True)]
                divisor = gcd(*row)
                matrix[r] = [a // divisor for a in row] if divisor > 1 else row
        rank += 1
    return matrix[:rank]


def determined_cells(equations: Sequence[Equation], hidden: set[int]) -> set[int]:
    """The hidden cells whose exact value the shown cells and the equations fix: a cell is
    fixed when its unit vector lies in the row space of the equations over the hidden cells,
    i.e. when a row of the reduced echelon form is that unit vector."""
    unknowns = sorted(hidden)
    if len(unknowns) > _EXACT_LIMIT:
        return _determined_float(equations, unknowns)
    pos = {c: i for i, c in enumerate(unknowns)}
    rows: list[list[int]] = []
    for eq in equations:
        row = [0] * len(unknowns)
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


def _determined_float(equations: Sequence[Equation], unknowns: list[int]) -> set[int]:
    """determined_cells for big systems: a cell is fixed when the null space of the equations
    over the hidden cells has no component along it."""
    pos = {c: i for i, c in enumerate(unknowns)}
    rows = []
    for eq in equations:
        row = np.zeros(len(unknowns))
        for c in eq.children:
            if c in pos:
                row[pos[c]] += 1.0
        if eq.parent is not None and eq.parent in pos:
            row[pos[eq.parent]] -= 1.0
        if row.any():
            rows.append(row)
    if not rows:
        return set()
    _, sing, vt = np.linalg.svd(np.array(rows), full_matrices=True)
    rank = int((sing > 1e-9 * max(1.0, float(sing.max()))).sum())
    null = vt[rank:].T  # columns span the null space
    norms = np.abs(null).max(axis=1) if null.size else np.zeros(len(unknowns))
    return {unknowns[i] for i in range(len(unknowns)) if norms[i] < 1e-9}


def is_determined(cell: int, equations: Sequence[Equation], hidden: set[int]) -> bool:
    """True when the shown cells and the equations fix the hidden ``cell``'s exact value."""
    return cell in determined_cells(equations, hidden)
