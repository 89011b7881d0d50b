"""Minors: FLINT determinants agree with the expansion, the count is bounded first."""

from __future__ import annotations

import itertools
from fractions import Fraction

import flint
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg.errors import InputError, ResourceLimitError
from lcnalg.limits import Limits
from lcnalg.polys.minors import (all_minors, bordered_minors, count_expansion_subminors, count_minors,
                                 count_subminors, determinant, minor)
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


def _expansion_states(nonzero, size):
    """The states of the expansion along the last column on the zero pattern, by walking it:
    every (column prefix, row set) reached from the size-minors (the definition)."""
    seen = set()
    stack = [(cols, rows) for cols in itertools.combinations(range(len(nonzero[0])), size)
             for rows in itertools.combinations(range(len(nonzero)), size)]
    while stack:
        cols, rows = stack.pop()
        if not cols or (cols, rows) in seen:
            continue
        seen.add((cols, rows))
        stack.extend((cols[:-1], rows[:pos] + rows[pos + 1:]) for pos, i in enumerate(rows)
                     if nonzero[i][cols[-1]])
    return len(seen)


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 5).flatmap(lambda r: st.integers(1, 6).flatmap(lambda c: st.tuples(
    st.lists(st.lists(st.booleans(), min_size=c, max_size=c), min_size=r, max_size=r),
    st.integers(1, min(r, c)), st.integers(0, 60)))))
def test_expansion_count_against_the_walk(case):
    nonzero, size, bound = case
    states = _expansion_states(nonzero, size)
    assert count_expansion_subminors(nonzero, size) == states
    assert states <= count_subminors(len(nonzero), len(nonzero[0]), size)
    # with a bound: the same decision, and a value the count reaches
    early = count_expansion_subminors(nonzero, size, bound=bound)
    assert (early > bound) == (states > bound)
    assert early == states if states <= bound else bound < early <= states


def test_expansion_count_decides_the_refusal_of_all_minors():
    mat = [[1, 0, 2, 0], [0, 1, 3, 0], [1, 0, 0, 4], [0, 2, 0, 1]]
    nonzero = [[x != 0 for x in row] for row in mat]
    states = count_expansion_subminors(nonzero, 3)
    assert states == _expansion_states(nonzero, 3) < count_subminors(4, 4, 3)
    # the closed form passes the bound, the pattern count decides
    R = integer_ring(("x",))
    x, zero = R.gens()[0], R.from_dict({})
    sym = [[zero + a * x for a in row] for row in mat]
    assert all_minors(sym, 3, zero, limits=Limits(max_subminors=states))
    with pytest.raises(ResourceLimitError) as err:
        all_minors(sym, 3, zero, limits=Limits(max_subminors=states - 1))
    assert err.value.limit == "max_subminors"


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 5), st.integers(1, 5), st.data())
def test_bordered_minors_are_the_determinants_of_the_bordered_blocks(m, n, data):
    """With one memo for all of them, each bordered minor is still (up to sign) the
    determinant of its own block (Leibniz), on polynomial entries with many zeros."""
    k = data.draw(st.integers(0, min(m, n) - 1), label="k")
    rows = data.draw(st.lists(st.integers(0, m - 1), min_size=k, max_size=k, unique=True), label="rows")
    cols = data.draw(st.lists(st.integers(0, n - 1), min_size=k, max_size=k, unique=True), label="cols")
    ctx = flint.fmpz_mpoly_ctx.get(("x", "y"), "degrevlex")
    x, y = ctx.gens()
    pool = [ctx.from_dict({}), ctx.from_dict({}), x, y, x * y - 2, x + 3 * y ** 2, ctx.from_dict({(0, 0): 5})]
    M = [[pool[data.draw(st.integers(0, len(pool) - 1))] for _ in range(n)] for _ in range(m)]
    got = list(bordered_minors(lambda i, j: M[i][j], (m, n), rows, cols, ctx.from_dict({})))
    expected = [(i, j) for i in range(m) if i not in rows for j in range(n) if j not in cols]
    assert [(i, j) for i, j, _ in got] == expected
    for i, j, d in got:
        block = [[M[r][c] for c in sorted(cols) + [j]] for r in sorted(rows + [i])]
        assert d in (_leibniz(block), -_leibniz(block))


def test_bordered_minors_bounded_before_and_while_computing():
    M = [[(i + 1) ** j for j in range(12)] for i in range(12)]   # Vandermonde: every minor non-zero
    with pytest.raises(ResourceLimitError, match="max-subminors"):   # (12 - 10 + 1) 2^10 + 4 sub-minors
        next(bordered_minors(lambda i, j: M[i][j], (12, 12), range(10), range(10), 0,
                             limits=Limits(max_subminors=3000)))
    ctx = flint.fmpz_mpoly_ctx.get(("x",), "degrevlex")
    x, = ctx.gens()
    P = [[(x + i) ** (j + 1) for j in range(5)] for i in range(5)]
    with pytest.raises(ResourceLimitError, match="max-minor-terms"):
        list(bordered_minors(lambda i, j: P[i][j], (5, 5), range(3), range(3), ctx.from_dict({}),
                             limits=Limits(max_minor_terms=10)))
    with pytest.raises(Exception, match="rows, cols"):
        list(bordered_minors(lambda i, j: 0, (2, 2), [0, 0], [0, 1], 0))


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 5).flatmap(lambda k: st.tuples(
    st.lists(st.lists(st.integers(-5, 5), min_size=6, max_size=6), min_size=6, max_size=6),
    st.permutations(range(6)).map(lambda p: p[:k]), st.permutations(range(6)).map(lambda p: p[:k]))))
def test_one_minor_is_the_determinant_of_its_submatrix(case):
    """`minor` on rows and columns in the order given equals FLINT's determinant of that submatrix."""
    mat, rows, cols = case
    assert minor(mat, rows, cols, 0) == int(flint.fmpz_mat([[mat[i][j] for j in cols] for i in rows]).det())


def test_one_minor_refuses_bad_index_sets():
    for rows, cols in (((0, 1), (0,)), ((0, 2), (0, 1)), ((0,), (-1,))):
        with pytest.raises(InputError, match="rows, cols"):
            minor([[1, 2], [3, 4]], rows, cols, 0)
