"""Degree checks by standard monomials: agreement with the full interpolation, refusals."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings, strategies as st

from lcnalg import Parameterization
from lcnalg.polys.hilbert import minimal_monomial_generators
from lcnalg.algebra.interpolation import InterpolationState, interpolate_degree
from lcnalg.algebra.standard_monomials import check_degree, minimal_leads, standard_monomials


def _ideal_part(gens, nvars, degree):
    """All monomials of one degree (sorted index tuples) divisible by some generator."""
    out = []
    for m in itertools.combinations_with_replacement(range(nvars), degree):
        e = [m.count(i) for i in range(nvars)]
        if any(all(a <= b for a, b in zip(g, e)) for g in gens):
            out.append(m)
    return out


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 4), st.integers(1, 3), st.data())
def test_standard_monomials_brute_force(nvars, degree, data):
    gens = data.draw(st.lists(st.tuples(*[st.integers(0, 2)] * nvars), max_size=5))
    gens = [g for g in gens if 0 < sum(g) <= degree]
    part = _ideal_part(gens, nvars, degree)
    std = {tuple(r) for r in standard_monomials(part, nvars, degree).tolist()}
    # monomials with no divisor of degree `degree` in the ideal
    expected = {m for m in itertools.combinations_with_replacement(range(nvars), degree + 1)
                if not any(tuple(m[:k] + m[k + 1:]) in set(part) for k in range(degree + 1))}
    assert std == expected
    by_degree = {d: _ideal_part(gens, nvars, d) for d in range(1, degree + 1)}
    assert sorted(minimal_leads(by_degree, nvars, degree)) == sorted(minimal_monomial_generators(gens))


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
