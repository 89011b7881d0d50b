"""The norm of a polynomial over a number field: the multimodular ``lcnalg.polys.number_field.norm``
against the characteristic-polynomial route ``norm_by_charpoly`` and the bivariate resultant
``res_T(φ(T), F(z, T))`` computed here directly by FLINT (the definition), and against the
product of the conjugates."""

from __future__ import annotations

import math

import flint
import pytest
from hypothesis import assume, given, settings, strategies as st

from lcnalg.errors import InputError
from lcnalg.polys.number_field import norm, norm_by_charpoly


def _resultant_norm(f, phi):
    ctx = flint.fmpz_mpoly_ctx.get(("z", "T"), "lex")
    z, t = ctx.gens()
    den = math.lcm(1, *(int(q.denom()) for c in f for q in flint.fmpq_poly(c).coeffs()))
    big = ctx.from_dict({})
    for j, c in enumerate(f):
        for k, q in enumerate(flint.fmpq_poly(c).coeffs()):
            if q != 0:
                big += int(q * den) * z ** j * t ** k
    small = ctx.from_dict({(0, k): int(q) for k, q in enumerate(flint.fmpq_poly(phi).numer().coeffs()) if q != 0})
    res = small.resultant(big, "T")
    coeffs = [0] * (res.degrees()[0] + 1 if not res.is_zero() else 1)
    for (ez, _), c in res.terms():
        coeffs[ez] += int(c)
    return flint.fmpz_poly(coeffs)


_fractions = st.builds(flint.fmpq, st.integers(-9, 9), st.integers(1, 4))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(-5, 5), min_size=1, max_size=6), st.sampled_from([1, 2, 3, -1]),
       st.lists(st.lists(_fractions, max_size=8), min_size=1, max_size=5))
def test_norm_equals_the_resultant(low, lead, coeffs):
    phi = flint.fmpq_poly(low + [lead])
    _, fac = phi.factor()
    assume(len(fac) == 1 and fac[0][1] == 1)  # φ irreducible: K = Q[T]/(φ) is a field
    f = [flint.fmpq_poly(c) for c in coeffs]   # coefficients of degree up to d + 1: not reduced
    assert norm(f, phi) == _resultant_norm(f, phi) == norm_by_charpoly(f, phi)


_big = st.integers(-(1 << 150), 1 << 150)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-7, 7), min_size=2, max_size=6), st.sampled_from([1, -1, 2, 3, 6, 35]),
       st.lists(st.lists(st.builds(flint.fmpq, _big, st.integers(1, 1 << 40)), max_size=7), min_size=1, max_size=5),
       st.lists(st.integers(-3, 3), min_size=1, max_size=3), st.integers(0, 2), st.booleans())
def test_norm_equals_the_charpoly_route_over_random_fields(low, lead, coeffs, top, vanishing, monic_top):
    # fields of degree 2-6 with non-monic φ; coefficients of up to 150 bits (several primes);
    # top coefficients that are non-zero multiples of φ vanish in K and lower the degree in z
    phi = flint.fmpq_poly(low + [lead])
    _, fac = phi.factor()
    assume(len(fac) == 1 and fac[0][1] == 1)
    f = [flint.fmpq_poly(c) for c in coeffs]
    if monic_top:
        f.append(flint.fmpq_poly([1]))
    f += [phi * flint.fmpq_poly(top) / (k + 2) for k in range(vanishing)]
    expected = norm_by_charpoly(f, phi)
    assert norm(f, phi) == expected
    assert norm(f, phi, max_primes=1) == expected      # the fallback when the bound needs more primes
    if sum(len(c) for c in coeffs) <= 12:
        assert expected == _resultant_norm(f, phi)


def test_norm_values_that_vanish_or_drop_degree_modulo_the_field():
    # at the interpolation points z = -1, 0, 1: F(1, T) = 0 for 1 - T + (T - 1) z and -T + T z,
    # F(0, T) = 1 of degree 0 < e = 1 for 1 + T z; a constant; a top coefficient vanishing in K
    phi = flint.fmpq_poly([-5, 1, 3])
    t = flint.fmpq_poly([0, 1])
    for f in ([1 - t, t - 1], [-t, t], [t ** 0, t], [t * 0 + 7], [flint.fmpq_poly([]), t, phi]):
        assert norm(f, phi) == _resultant_norm(f, phi) == norm_by_charpoly(f, phi)
    assert norm([phi, 2 * phi], phi) == 0 == norm_by_charpoly([phi], phi)


def test_norm_refuses_bad_input():
    phi = flint.fmpq_poly([-2, 0, 1])
    with pytest.raises(InputError, match="phi"):
        norm([flint.fmpq_poly([1])], flint.fmpq_poly([3]))
    with pytest.raises(InputError, match="phi"):
        norm([flint.fmpq_poly([1])], "T^2 - 2")
    with pytest.raises(InputError, match="max_primes"):
        norm([flint.fmpq_poly([1])], phi, max_primes=0)
    with pytest.raises(InputError, match="f"):
        norm(3, phi)
    with pytest.raises(InputError, match="f"):
        norm(["x"], phi)


def test_norm_over_a_quadratic_field_is_the_product_of_the_conjugates():
    # f = z^2 + sqrt(3) z - 1 over Q(sqrt 3): (z^2 - 1)^2 - 3 z^2 = z^4 - 5 z^2 + 1
    phi = flint.fmpq_poly([-3, 0, 1])
    f = [flint.fmpq_poly([-1]), flint.fmpq_poly([0, 1]), flint.fmpq_poly([1])]
    assert norm(f, phi) == flint.fmpz_poly([1, 0, -5, 0, 1])
    # a leading coefficient that vanishes in K lowers the degree, as the resultant does; with
    # φ = 2T^2 - 6 (the same field) the T-degree 2 of that coefficient scales by lc(φ)^2 = 4
    f0 = f + [flint.fmpq_poly([-3, 0, 1])]
    assert norm(f0, phi) == _resultant_norm(f0, phi) == norm(f, phi)
    phi2 = flint.fmpq_poly([-6, 0, 2])
    assert norm(f0, phi2) == _resultant_norm(f0, phi2) == 4 * norm(f, phi)
    assert norm(f, phi2) == 2 * norm(f, phi)
