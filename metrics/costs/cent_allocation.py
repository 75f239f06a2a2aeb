"""The largest-remainder allocation of a pool to the municipalities, exactly to the cent.

weight = osuus / Σ osuus; each municipality's exact share of the pool is floored to the cent
and the leftover cents go to the largest remainders (ties: the larger osuus, then the order of
kunnat.csv). Integer cents and fractions only, so the shares add up to the pool exactly; a
negative pool (corrections larger than costs) is shared the same way.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction


def to_cents(amount: Decimal | int | float | None) -> int:
    """Euros (DECIMAL with two decimals) as whole cents."""
    if amount is None:
        return 0
    cents = Decimal(amount) * 100
    if cents != cents.to_integral_value():
        raise ValueError(f"not a whole number of cents: {amount}")
    return int(cents)


def to_euros(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def allocate(pool_cents: int, shares: Sequence[tuple[str, Decimal]]) -> dict[str, int]:
    """``shares`` = (kunta, osuus) in the order of kunnat.csv; returns kunta -> cents."""
    total = sum((Fraction(osuus) for _, osuus in shares), Fraction(0))
    if total <= 0:
        raise ValueError("the percentages add up to zero")
    exact = [Fraction(pool_cents) * Fraction(osuus) / total for _, osuus in shares]
    floors = [math.floor(x) for x in exact]
    leftover = pool_cents - sum(floors)
    ranked = sorted(
        range(len(shares)),
        key=lambda i: (-(exact[i] - floors[i]), -Fraction(shares[i][1]), i),
    )
    for i in ranked[:leftover]:
        floors[i] += 1
    return {kunta: cents for (kunta, _), cents in zip(shares, floors, strict=True)}
