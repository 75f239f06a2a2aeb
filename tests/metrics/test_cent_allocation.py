"""The largest-remainder allocation: exact to the cent, ties by the larger osuus and then the
order of kunnat.csv, and the shares always add up to the pool (a property test)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from metrics.costs.cent_allocation import allocate, to_cents, to_euros


def _shares(*pairs: tuple[str, str]) -> list[tuple[str, Decimal]]:
    return [(k, Decimal(v)) for k, v in pairs]


def test_leftover_cents_go_to_the_largest_remainders() -> None:
    # exact shares 0.75, 1.5, 0.75 cents: floors 0, 1, 0; the two cents left go to A and C
    got = allocate(3, _shares(("A", "25"), ("B", "50"), ("C", "25")))
    assert got == {"A": 1, "B": 1, "C": 1}


def test_equal_remainders_go_to_the_larger_osuus() -> None:
    # exact 0.5, 1.5, 3: A and B both have half a cent left; B has the larger osuus
    got = allocate(5, _shares(("A", "10"), ("B", "30"), ("C", "60")))
    assert got == {"A": 0, "B": 2, "C": 3}


def test_equal_remainders_and_osuus_go_by_the_order_of_kunnat() -> None:
    got = allocate(2, _shares(("A", "50"), ("B", "25"), ("C", "25")))
    assert got == {"A": 1, "B": 1, "C": 0}
    got = allocate(2, _shares(("A", "50"), ("C", "25"), ("B", "25")))
    assert got == {"A": 1, "C": 1, "B": 0}


def test_a_negative_pool_is_shared_the_same_way() -> None:
    got = allocate(-5, _shares(("A", "10"), ("B", "30"), ("C", "60")))
    assert sum(got.values()) == -5
    assert got == {"A": -1, "B": -1, "C": -3}  # exact -0.5, -1.5, -3: floors -1, -2, -3


def test_weights_need_not_add_up_to_100() -> None:
    assert allocate(100, _shares(("A", "1"), ("B", "3"))) == {"A": 25, "B": 75}


@given(
    pool=st.integers(min_value=-10**12, max_value=10**12),
    weights=st.lists(
        st.decimals(min_value=Decimal("0.000001"), max_value=Decimal(100), places=6),
        min_size=1, max_size=13,
    ),
)  # fmt: skip
def test_the_shares_add_up_to_the_pool_and_differ_from_exact_by_under_a_cent(
    pool: int, weights: list[Decimal]
) -> None:
    shares = [(f"K{i}", w) for i, w in enumerate(weights)]
    got = allocate(pool, shares)
    assert sum(got.values()) == pool
    total = sum(weights)
    for (kunta, weight), cents in zip(shares, got.values(), strict=True):
        exact = Decimal(pool) * weight / total
        assert abs(Decimal(cents) - exact) < 1, kunta


def test_cents_and_euros_convert_exactly() -> None:
    assert to_cents(Decimal("-45.00")) == -4500
    assert to_euros(123456) == Decimal("1234.56")
    with pytest.raises(ValueError, match="cents"):
        to_cents(Decimal("0.001"))
