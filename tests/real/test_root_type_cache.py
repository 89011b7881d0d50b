"""The exact types at algebraic points with the per-decision sharing of the root-independent work.

A :class:`~lcnalg.real.algebraic_root_type.RootTypeCache` shares the norm, its isolated roots, the gcds
over the field and the class polynomials between points of one field and coefficients at different real
roots; the types must be those of independent (uncached) calls, in any order of the roots.
"""

from __future__ import annotations

import flint
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.polys.real_algebraic import RealAlgebraicPoint
from lcnalg.real.algebraic_root_type import RootTypeCache, algebraic_root_type
from lcnalg.real.orbit_tilings import orbit_model

SETTINGS = settings(max_examples=15, deadline=None)


def _points(phi: flint.fmpz_poly, coords: list) -> list[RealAlgebraicPoint]:
    """The point with these coordinates at every real root of ``phi``."""
    balls = [r.real for r, _ in phi.complex_roots() if r.imag.is_zero()]
    return [RealAlgebraicPoint.from_root(flint.fmpq_poly(phi), b, coords) for b in balls]


@st.composite
def fields(draw):
    """An irreducible ``φ`` of degree 2-4 with a real root, and two coordinates in ``Q[T]/(φ)``.

    ``φ = T^d + 2 (a_{d-1} T^{d-1} + … + a_1 T) − 2 (2k + 1)`` is Eisenstein at 2 (irreducible) with
    ``φ(0) < 0``, so it has a positive real root."""
    d = draw(st.integers(2, 4))
    middle = [2 * a for a in draw(st.lists(st.integers(-3, 3), min_size=d - 1, max_size=d - 1))]
    phi = flint.fmpz_poly([-2 * (2 * draw(st.integers(0, 3)) + 1)] + middle + [1])
    elems = st.lists(st.fractions(min_value=-9, max_value=9, max_denominator=9), min_size=1, max_size=d)
    coords = [flint.fmpq_poly([flint.fmpq(x.numerator, x.denominator) for x in draw(elems)]) for _ in range(2)]
    return phi, coords


@pytest.mark.parametrize("lcn", ["2,2,2,2", "3,2 s=2"])
@SETTINGS
@given(data=fields(), f=st.lists(st.integers(-4, 4), min_size=3, max_size=3), reverse=st.booleans())
def test_cached_types_equal_uncached(lcn, data, f, reverse):
    phi, coords = data
    model = orbit_model(Architecture.parse(lcn))
    D = 4
    # F = f + (x0 + x1 z)(z^3 - 1) in the coordinates (x0, x1): the plane of lifts of C3
    coeffs = [{(0, 0): v} if v else {} for v in f] + [{}] * 2
    coeffs[0] = {**coeffs[0], (1, 0): -1}
    coeffs[1] = {**coeffs[1], (0, 1): -1}
    coeffs[3] = {**coeffs[3], (1, 0): 1}
    coeffs[4] = {**coeffs[4], (0, 1): 1}
    assert len(coeffs) == D + 1
    pts = _points(phi, coords)
    cache = RootTypeCache()
    order = pts[::-1] if reverse else pts
    cached = {id(p): algebraic_root_type(model, p, coeffs, cache=cache) for p in order}
    assert len(cache) <= 1
    for p in pts:
        assert cached[id(p)] == algebraic_root_type(model, p, coeffs)


def test_the_cache_argument_is_checked():
    m = orbit_model(Architecture.parse("2,2"))
    x = _points(flint.fmpz_poly([-2, 0, 1]), [flint.fmpq_poly([0, 1])])[0]
    with pytest.raises(InputError, match="cache"):
        algebraic_root_type(m, x, [{(0,): 1}, {(1,): 1}, {(0,): 1}], cache={})
