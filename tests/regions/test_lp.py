"""The exact interior-point test against independent routes: interval arithmetic in one
dimension, and the floating-point linear program of scipy where its optimum is far from zero."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg.regions import interior_point

coefficient = st.integers(-4, 4)


def row(n):
    return st.tuples(st.lists(coefficient, min_size=n, max_size=n), coefficient)


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(row(1), max_size=6), boxed=st.booleans())
def test_one_dimension_matches_intervals(rows, boxed):
    lo, hi = (Fraction(-2), Fraction(3)) if boxed else (None, None)
    feasible = True
    for (a,), c in rows:  # a x + c > 0
        if a > 0:
            lo = Fraction(-c, a) if lo is None else max(lo, Fraction(-c, a))
        elif a < 0:
            hi = Fraction(-c, a) if hi is None else min(hi, Fraction(-c, a))
        elif c <= 0:
            feasible = False
    expected = feasible and (lo is None or hi is None or lo < hi)
    x = interior_point(rows, 1, box=((-2,), (3,)) if boxed else None)
    assert (x is not None) == expected
    if x is not None:
        assert all(a[0] * x[0] + c > 0 for a, c in rows)


@settings(max_examples=150, deadline=None)
@given(n=st.integers(2, 3), data=st.data(), boxed=st.booleans())
def test_agrees_with_floating_point_where_the_slack_is_clear(n, data, boxed):
    from scipy.optimize import linprog

    rows = data.draw(st.lists(row(n), min_size=1, max_size=7))
    box = ((-1,) * n, (2,) * n) if boxed else None
    x = interior_point(rows, n, box=box)
    if x is not None:
        assert all(sum(ai * xi for ai, xi in zip(a, x)) + c > 0 for a, c in rows)
        if boxed:
            assert all(-1 <= v <= 2 for v in x)
    # maximize t: -a.x + t <= c, t <= 1; variables (x, t)
    A = np.array([[-v for v in a] + [1.0] for a, _ in rows])
    b = np.array([float(c) for _, c in rows])
    bounds = [(-1, 2) if boxed else (None, None)] * n + [(None, 1)]
    res = linprog(c=[0.0] * n + [-1.0], A_ub=A, b_ub=b, bounds=bounds, method="highs")
    assert res.status == 0
    t = -res.fun
    if abs(t) > 1e-7:
        assert (x is not None) == (t > 0)


def test_a_start_point_outside_the_rows_is_moved():
    # start at the origin, where x + y > 3 fails; the witness satisfies it
    x = interior_point([((1, 1), -3), ((1, -1), 0)], 2, start=(0, 0))
    assert x[0] + x[1] > 3 and x[0] > x[1]


def test_lower_dimensional_sets_have_no_interior_point():
    # x > 0 and x < 0 in one coordinate of R^3; x + y > 1, x + y < 1
    assert interior_point([((1, 0, 0), 0), ((-1, 0, 0), 0)], 3) is None
    assert interior_point([((1, 1), -1), ((-1, -1), 1)], 2, box=((0, 0), (1, 1))) is None
    assert interior_point([((0, 0), 0)], 2) is None          # 0 > 0
    assert interior_point([], 2) == (0, 0)


@pytest.mark.parametrize("scale", [1, 10**20])
def test_exact_for_huge_and_tiny_coefficients(scale):
    # a thin wedge: y > x/scale and y < x/scale + 1/scale^2 meets x in (0, 1)
    s = Fraction(scale)
    rows = [((-1 / s, 1), 0), ((1 / s, -1), 1 / s**2)]
    x = interior_point(rows, 2, box=((0, 0), (1, 1)))
    assert x is not None
    u, v = (Fraction(int(q.p), int(q.q)) for q in x)
    assert u / s < v < u / s + 1 / s**2
