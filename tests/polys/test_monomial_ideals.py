"""Monomial ideals: standard monomials and minimal generators against brute force."""

from __future__ import annotations

import itertools

from hypothesis import given, settings, strategies as st

from lcnalg.polys.monomial_ideals import divides, minimal_leads, minimal_monomial_generators, standard_monomials


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


def _brute_minimal(gens):
    """Generators not divisible by another generator (distinct ones kept once)."""
    gs = sorted(set(gens))
    return sorted(g for g in gs if not any(h != g and all(a <= b for a, b in zip(h, g)) for h in gs))


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 4).flatmap(lambda n: st.lists(st.tuples(*[st.integers(0, 3)] * n), max_size=60)))
def test_minimal_generators_brute_force(gens):
    """Both code paths (loop for few monomials, numpy for many) against the definition."""
    got = minimal_monomial_generators(gens)
    assert sorted(got) == _brute_minimal(gens)
    assert got == sorted(got, key=lambda m: (sum(m), m))
    # every generator is divisible by a minimal one
    assert all(any(divides(m, g) for m in got) for g in gens)
