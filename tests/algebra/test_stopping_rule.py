"""Degree checks by standard monomials: agreement with the full interpolation, refusals."""

from __future__ import annotations

import pytest

from lcnalg import Parameterization
from lcnalg.algebra.interpolation import InterpolationState, interpolate_degree
from lcnalg.algebra.stopping_rule import check_degree


@pytest.mark.parametrize("arch, upto", [("2,2,2 s=2,2", 2), ("3,3 s=2", 3), ("2x2,2x2", 6),
                                        ("3,3,3 s=2,2", 4), ("2x2,2x2 s=2x2", 2), ("2,3 s=3", 2)])
def test_check_agrees_with_the_full_degree(arch, upto):
    """Route 1: the full interpolation of degree upto + 1; route 2: the standard monomials."""
    mu = Parameterization(arch)
    full = InterpolationState.start(mu)
    quick = InterpolationState.start(mu)
    for _ in range(upto):
        interpolate_degree(full)
        interpolate_degree(quick)
    report = interpolate_degree(full)
    assert report.new_generators == 0
    checked = check_degree(quick)
    assert checked is not None and checked.tight
    assert checked.hilbert_lower == report.hilbert_lower == checked.hilbert_upper
    assert quick.complete_up_to_degree == upto + 1


@pytest.mark.parametrize("arch, before", [("2,2,2 s=2,2", 1), ("3,3 s=2", 2), ("2x2,2x2", 5),
                                          ("3,3,3 s=2,2", 3)])
def test_check_refuses_a_degree_with_new_equations(arch, before):
    """Just before the degree of the missing generators, the check must fail."""
    mu = Parameterization(arch)
    state = InterpolationState.start(mu)
    for _ in range(before):
        interpolate_degree(state)
    assert check_degree(state) is None
    assert interpolate_degree(state).new_generators > 0
