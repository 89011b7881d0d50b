"""Minors: FLINT determinants agree with the expansion, the count is bounded first."""

from __future__ import annotations

import itertools
from fractions import Fraction

import flint
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg.errors import ResourceLimitError
from lcnalg.limits import Limits
from lcnalg.polys.minors import all_minors, count_minors, determinant
from lcnalg.rings import integer_ring


def _leibniz(mat):
    n = len(mat)
    total = 0
    for perm in itertools.permutations(range(n)):
        sign = (-1) ** sum(1 for i in range(n) for j in range(i) if perm[j] > perm[i])
        term = sign
        for i in range(n):
            term *= mat[i][perm[i]]
        total += term
    return total


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 4).flatmap(lambda n: st.lists(
    st.lists(st.integers(-5, 5), min_size=n, max_size=n), min_size=n, max_size=n)))
def test_determinant_against_leibniz(mat):
    d = _leibniz(mat)
    assert determinant(mat, 0) == d
    assert determinant([[Fraction(x, 2) for x in r] for r in mat], Fraction(0)) == Fraction(d, 2 ** len(mat))
    assert int(determinant(mat, flint.nmod(0, 7))) == d % 7
    R = integer_ring(("x",))
    x = R.gens()[0]
    # polynomial entries go through the expansion; at x = 0 they give the integer determinant
    poly = determinant([[R.from_dict({}) + a for a in r] for r in mat], R.from_dict({}))
    assert poly == d
    shifted = determinant([[a + x * (i == j) for j, a in enumerate(r)] for i, r in enumerate(mat)],
                          R.from_dict({}))
    assert shifted(0) == d and shifted.degrees() == (len(mat),)


def test_all_minors_bounded_by_limits():
    mat = [[1, 0, 2, 1], [0, 1, 3, 1], [1, 1, 1, 0]]
    assert count_minors(3, 4, 2) == 18
    with pytest.raises(ResourceLimitError) as err:
        all_minors(mat, 2, 0, limits=Limits(max_minors=17))
    assert err.value.limit == "max_minors"
    minors = all_minors(mat, 2, 0, limits=Limits(max_minors=18))
    brute = {abs(_leibniz([[mat[r][c] for c in cols] for r in rows]))
             for cols in itertools.combinations(range(4), 2) for rows in itertools.combinations(range(3), 2)}
    assert {abs(m) for m in minors} == brute - {0}
