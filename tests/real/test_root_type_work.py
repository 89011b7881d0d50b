"""The estimate of an exact type over a number field, read off the norm before the isolation.

A point of large height (dense random power-basis coordinates) costs far more than its power-basis
size shows: its type must be refused before the isolation of the norm's roots starts, quickly and
naming the option; a point of small height is not refused, and estimating first (the norm kept in a
:class:`~lcnalg.real.algebraic_root_type.RootTypeCache`) changes no type.
"""

from __future__ import annotations

import random
import time

import flint
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg import Limits, ResourceLimitError
from lcnalg.architecture import Architecture
from lcnalg.polys.real_algebraic import RealAlgebraicPoint
from lcnalg.real.algebraic_root_type import RootTypeCache, algebraic_root_type, root_type_work
from lcnalg.real.orbit_tilings import orbit_model

#: an Eisenstein (at 2) polynomial of degree 8 with 30-bit coefficients and a real root
PHI = flint.fmpz_poly([-2 * 300_000_001, 2 * 123_456_789, -2 * 98_765_431, 2 * 7, 0, 2 * 5, -2 * 3, 2, 1])


def plane(f: list[int], n: int) -> list[dict]:
    """``F = f + (x0 + x1 z)(z^n - 1)`` as polynomials in ``(x0, x1)``."""
    coeffs = [{(0, 0): v} if v else {} for v in f] + [{}] * (n + 2 - len(f))
    coeffs[0] = {**coeffs[0], (1, 0): -1}
    coeffs[1] = {**coeffs[1], (0, 1): -1}
    coeffs[n] = {**coeffs[n], (1, 0): 1}
    coeffs[n + 1] = {**coeffs[n + 1], (0, 1): 1}
    return coeffs


def point(coords: list) -> RealAlgebraicPoint:
    root = next(r.real for r, _ in PHI.complex_roots() if r.imag.is_zero())
    return RealAlgebraicPoint.from_root(flint.fmpq_poly(PHI), root, coords)


def dense(bits: int, seed: int = 0) -> list:
    rng = random.Random(seed)
    return [flint.fmpq_poly([rng.randint(-2 ** bits, 2 ** bits) for _ in range(8)]) for _ in range(2)]


def small() -> list:
    """Quotients of small linear forms in the generator: hundreds of bits in the power basis, small height."""
    q = flint.fmpq_poly(PHI)
    out = []
    for a, b, c in ((3, -2, 5), (-7, 1, 2)):
        _, inv, _ = flint.fmpq_poly([c, 1]).xgcd(q)
        out.append((flint.fmpq_poly([a, b]) * inv) % q)
    return out


MODEL = orbit_model(Architecture.parse("2,2,2,2,2"))
F = plane([1, 2, 3, 4], 4)


def test_a_point_of_large_height_is_refused_before_the_isolation_naming_the_option():
    pt = point(dense(400))
    start = time.process_time()
    with pytest.raises(ResourceLimitError, match="max-root-work") as err:
        algebraic_root_type(MODEL, pt, F)
    assert time.process_time() - start < 5          # the isolation alone runs for minutes
    assert "isolating" in str(err.value)


def test_height_not_power_basis_size_drives_the_estimate():
    big, low = point(dense(400)), point(small())
    assert max(len(str(c)) for c in low.coordinates) > 100       # large in the power basis
    assert root_type_work(MODEL, low, F) * 100 < root_type_work(MODEL, big, F)
    assert root_type_work(MODEL, low, F) <= Limits().max_root_work
    assert algebraic_root_type(MODEL, low, F) is not None        # decided within the default bound


@settings(max_examples=6, deadline=None)
@given(seed=st.integers(0, 10 ** 6), bits=st.integers(2, 8), f=st.lists(st.integers(-5, 5), min_size=4, max_size=4))
def test_estimating_first_changes_no_type(seed, bits, f):
    pt = point(dense(bits, seed))
    coeffs = plane(f, 4)
    cache = RootTypeCache()
    work = root_type_work(MODEL, pt, coeffs, cache=cache)
    assert work == root_type_work(MODEL, pt, coeffs, cache=cache) == root_type_work(MODEL, pt, coeffs)
    assert algebraic_root_type(MODEL, pt, coeffs, cache=cache) == algebraic_root_type(MODEL, pt, coeffs)
