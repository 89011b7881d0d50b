"""Gcds over a number field: the modular ``lcnalg.polys.number_field.gcd`` against Euclid's
algorithm over ``K`` (``euclidean_gcd``), on random fields and random polynomials with a planted
common factor, and the squarefree decomposition built on it against its defining properties."""

from __future__ import annotations

import flint
from hypothesis import assume, given, settings, strategies as st

from lcnalg.polys.number_field import divmod_monic, euclidean_gcd, gcd, monic, mul, squarefree, trim

_fractions = st.builds(flint.fmpq, st.integers(-9, 9), st.integers(1, 3))


@st.composite
def _fields(draw):
    """An irreducible ``φ`` of degree 2-6: the minimal polynomial of ``s + t·ζ`` for a random
    root ``ζ`` of a random integer polynomial, when that is of full degree (checked by factoring)."""
    d = draw(st.integers(2, 6))
    low = draw(st.lists(st.integers(-6, 6), min_size=d, max_size=d))
    lead = draw(st.sampled_from([1, 1, 2, 3, -2]))
    base = flint.fmpq_poly(low + [lead])
    s, t = draw(st.integers(-3, 3)), draw(st.integers(1, 3))
    # the minimal polynomial of s + t ζ is base((x − s)/t), cleared of denominators
    shifted = base(flint.fmpq_poly([flint.fmpq(-s, t), flint.fmpq(1, t)]))
    _, fac = shifted.factor()
    assume(len(fac) == 1 and fac[0][1] == 1 and fac[0][0].degree() == d)
    return shifted.numer()


def _elements(phi, draw, n):
    d = phi.degree()
    return [flint.fmpq_poly(draw(st.lists(_fractions, min_size=d, max_size=d))) for _ in range(n)]


@st.composite
def _cases(draw):
    phi = flint.fmpq_poly(draw(_fields()))
    g = _elements(phi, draw, draw(st.integers(1, 4)))          # degree 0-3
    u = _elements(phi, draw, draw(st.integers(1, 4)))
    v = _elements(phi, draw, draw(st.integers(0, 4)))
    assume(trim(g, phi) and trim(u, phi))
    return phi, g, u, v


def _divides(g, f, phi):
    return not divmod_monic(f, monic(g, phi), phi)[1]


@settings(max_examples=120, deadline=None)
@given(_cases())
def test_modular_gcd_equals_euclid_with_a_planted_factor(case):
    phi, g, u, v = case
    a, b = mul(g, u, phi), mul(g, v, phi)
    h = gcd(a, b, phi)
    assert h == euclidean_gcd(a, b, phi)
    assert h[-1] == 1 and len(h) >= len(trim(g, phi))                # monic, and g divides h
    assert _divides(h, a, phi) and (not b or _divides(h, b, phi))
    assert _divides(g, h, phi)
    if b:
        assert gcd(divmod_monic(a, h, phi)[0], divmod_monic(b, h, phi)[0], phi) == [flint.fmpq_poly([1])]


@settings(max_examples=60, deadline=None)
@given(_cases(), st.integers(1, 3))
def test_squarefree_recovers_a_planted_power(case, e):
    phi, g, u, _ = case
    assume(len(trim(g, phi)) > 1)
    f = monic(mul(u, mul(g, g, phi) if e > 1 else g, phi), phi)
    if e == 3:
        f = monic(mul(f, g, phi), phi)
    parts = squarefree(f, phi)
    prod = [flint.fmpq_poly([1])]
    for h, k in parts:
        assert len(h) > 1 and h[-1] == 1
        assert euclidean_gcd(h, [c * i for i, c in enumerate(h)][1:], phi) == [flint.fmpq_poly([1])]
        for _ in range(k):
            prod = mul(prod, h, phi)
    assert prod == f
    # the roots of the planted factor have multiplicity at least e: its radical divides Π_{k ≥ e} h_k
    dg = trim([c * i for i, c in enumerate(g)][1:], phi)
    radical = divmod_monic(g, euclidean_gcd(g, dg, phi), phi)[0] if dg else [flint.fmpq_poly([1])]
    high = [flint.fmpq_poly([1])]
    for h, k in parts:
        if k >= e:
            high = mul(high, h, phi)
    assert _divides(radical, high, phi)

def test_gcd_over_a_degree_six_field_with_large_coefficients():
    # K = Q(ζ), ζ^6 + ζ + 1 = 0; a planted linear factor with coefficients of ~40 digits
    phi = flint.fmpq_poly([1, 1, 0, 0, 0, 0, 1])
    zeta = flint.fmpq_poly([0, 1])
    gamma = (flint.fmpq_poly([10 ** 40 + 7, -3, 0, flint.fmpq(5, 10 ** 20 + 1)]) * zeta ** 2) % phi
    g = [gamma, flint.fmpq_poly([1])]
    a = mul(g, [zeta + 1, flint.fmpq_poly([2]), zeta ** 5], phi)
    b = mul(g, [flint.fmpq_poly([3]), zeta ** 3 - 1], phi)
    assert gcd(a, b, phi) == euclidean_gcd(a, b, phi) == g
    assert gcd(a, [], phi) == monic(a, phi)
    assert gcd(a, [zeta], phi) == [flint.fmpq_poly([1])]


def test_gcd_falls_back_to_euclid_without_primes():
    phi = flint.fmpq_poly([-2, 0, 1])
    r2 = flint.fmpq_poly([0, 1])
    a, b = [flint.fmpq_poly([-2]), 0, 1], [r2, 1]
    assert gcd(a, b, phi, max_primes=0) == gcd(a, b, phi) == [r2, 1]


def test_an_unlucky_prime_is_discarded():
    # the primes are used from 2^62 down: modulo the first one, z − 1 − p0 ≡ z − 1 and the images
    # have degree 2, one more than the gcd z − √2; the next primes give degree 1 and the answer
    p0 = (1 << 62) - 1
    while not flint.fmpz(p0).is_prime():
        p0 -= 2
    phi = flint.fmpq_poly([-2, 0, 1])
    r2 = flint.fmpq_poly([0, 1])
    one = flint.fmpq_poly([1])
    g = [-r2, one]
    a = mul(g, [-one, one], phi)
    b = mul(g, [-one - p0, one], phi)
    assert gcd(a, b, phi) == euclidean_gcd(a, b, phi) == g
    # the same over Q (φ = T): the first image is z(z − 1), the gcd z
    t = flint.fmpq_poly([0, 1])
    assert gcd([0, -1, 1], [0, -1 - p0, 1], t) == [flint.fmpq_poly([]), one]
