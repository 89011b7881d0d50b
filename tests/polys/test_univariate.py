"""Univariate polynomials: three independent real-root counts, charts of binary forms."""

from __future__ import annotations

import flint
from hypothesis import given, settings, strategies as st

from lcnalg.polys.univariate import (chart, odd_real_roots_projective, real_root_count, real_roots_projective,
                                     sturm_habicht_count)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.integers(-5, 5), min_size=2, max_size=8))
def test_three_real_root_counts_agree(c):
    p = flint.fmpz_poly(c)
    if p.degree() < 1:
        return
    n = real_root_count(p)
    assert sturm_habicht_count(c) == n
    with flint.ctx.workprec(64):
        assert sum(m for r, m in p.complex_roots() if r.imag.is_zero()) == n
    assert real_roots_projective(c) == n + (len(c) - 1 - p.degree())
    assert odd_real_roots_projective(c) <= real_roots_projective(c)


def test_chart_moves_infinity():
    lam, g = chart([2, -3, 1, 0])             # (z-1)(z-2) with a root at infinity
    assert lam == "0" and g[-1] != 0 and sturm_habicht_count(g) == 3
