"""Rational equations of root-orbit type strata for any T (the closure over Q of a stratum).

Independent routes: the norm of the equation over Q(cos 2π/5) by a sympy resultant; numeric
points of every Galois conjugate stratum (mpmath, 60 digits) against a perturbed point; the
T | 4, 6 lattice route against the cyclotomic interpolation on the same types (sympy Gröbner
bases); the relative boundary of architectures with T = 5, 8, 9 at exact points that
`relative_boundary_member` accepts, interior points it rejects, and the dimension (Jacobian rank
of the generators at a point) against `relative_boundary_dimension`.
"""

from __future__ import annotations

import math
import random

import mpmath
import pytest
import sympy

from lcnalg.architecture import Architecture
from lcnalg.real.boundary_equations import (RationalTypeStratumMap, TypeStratumMap, galois_stable_rotation,
                                            rational_key, relative_boundary_equations, type_dimension)
from lcnalg.real.cyclotomic_strata import CyclotomicStratumMap, galois_orbit, rational_stratum_equations
from lcnalg.real.orbit_description import RootType, root_type
from lcnalg.real.orbit_tilings import orbit_model
from lcnalg.real.type_strata import TypeStrata


def _sym(polys, n):
    c = sympy.symbols(f"c0:{n}")
    return c, [sympy.sympify(str(p), locals={str(x): x for x in c}) for p in polys]


def _numeric_point(rtype: RootType, degree: int, a: int, rng: random.Random) -> list:
    """Coefficients of λ z^{μ0} Π_j Π_k (z − ρ_j ζ^{ak})^{S_k} (the conjugate σ_a), ρ_j random complex."""
    mpmath.mp.dps = 60
    zeta = mpmath.exp(2j * mpmath.pi / rtype.T)
    phi = CyclotomicStratumMap(rtype, degree)
    poly = [mpmath.mpf(rng.randint(1, 9))]
    for S in phi.classes:
        rho = mpmath.mpc(rng.uniform(-2, 2), rng.uniform(-2, 2))
        for k, s in enumerate(S):
            for _ in range(s):
                root = rho * zeta ** (a * k)
                new = [mpmath.mpc(0)] * (len(poly) + 1)
                for i, x in enumerate(poly):
                    new[i] -= x * root
                    new[i + 1] += x
                poly = new
    out = [mpmath.mpc(0)] * phi.mu0 + poly
    return (out + [mpmath.mpc(0)] * (degree + 1 - len(out)))[:degree + 1]


def _value(p, point):
    return sum(mpmath.mpf(int(c)) * mpmath.fprod(point[i] ** int(e) for i, e in enumerate(m))
               for m, c in zip(p.monoms(), p.coeffs()))


def test_norm_by_resultant():
    # positive class at ζ^{±1}, T = 5: z² − tρz + ρ², t = 2cos(2π/5) a root of t² + t − 1; the
    # closure over Q(t) is c1² = t²c0c2, and its norm is the resultant in t
    t, c0, c1, c2 = sympy.symbols("t c0 c1 c2")
    norm = sympy.resultant(c1 ** 2 - t ** 2 * c0 * c2, t ** 2 + t - 1, t)
    r = rational_stratum_equations(RootType(5, (("positive", (0, 1, 0, 0, 1)),)), 2, max_degree=4)
    (eq,) = r.polynomials
    assert sympy.expand(sympy.sympify(str(eq)) - norm) == 0 or sympy.expand(sympy.sympify(str(eq)) + norm) == 0
    assert r.certified and r.conjugates == 2 and r.dimension == 2


@pytest.mark.parametrize("rtype, degree", [
    (RootType(5, (("positive", (0, 1, 0, 0, 1)),)), 2),
    (RootType(5, (("negative", (0, 1, 0, 1, 0)), ("positive", (1, 1, 1, 1, 1)))), 7),
    (RootType(8, (("positive", (0, 1, 0, 0, 0, 0, 0, 1)), ("zero", (1,)))), 4),
    (RootType(7, (("pair", (0, 1, 0, 0, 0, 0, 0)),)), 3),
])
def test_equations_vanish_on_every_conjugate(rtype, degree):
    r = rational_stratum_equations(rtype, degree, max_degree=4)
    assert r.polynomials and r.dimension_certified
    assert r.dimension == type_dimension(rtype)
    rng = random.Random(5)
    units = [a for a in range(1, rtype.T) if math.gcd(a, rtype.T) == 1]
    for a in units:
        pt = _numeric_point(rtype, degree, a, rng)
        assert all(abs(_value(p, pt)) < mpmath.mpf(10) ** -30 for p in r.polynomials), a
    # off the closure: a perturbed point (the top coordinate, zero when the filters drop degree)
    pt = _numeric_point(rtype, degree, 1, rng)
    pt[-1] += mpmath.mpf("0.37")
    assert any(abs(_value(p, pt)) > mpmath.mpf(10) ** -6 for p in r.polynomials)
    # one conjugate per orbit element
    assert r.conjugates == len(galois_orbit(rtype)) >= 1


@pytest.mark.parametrize("text", ["4,2 s=3", "3,2,2 s=2,2", "2,3,2 s=2,2", "4,2 s=2"])
def test_lattice_route_agrees(text):
    """For T | 4, 6 both routes apply: the lattice map and the cyclotomic interpolation give the
    same ideal (the closure is Galois-stable: conjugation only mirrors the classes)."""
    a = Architecture.parse(text)
    model = orbit_model(a)
    for t in sorted(TypeStrata(a).members("relative boundary"), key=lambda t: t.blocks)[:4]:
        assert len(galois_orbit(t)) == 1
        phi = TypeStratumMap(model, t)
        cyc = rational_stratum_equations(t, model.degree, max_degree=4)
        # each route's equations vanish on the other's parameterization
        assert all(CyclotomicStratumMap(t, model.degree).vanishes(p) for p in cyc.polynomials)
        q = phi.coordinate_ring
        for p in cyc.polynomials:
            g = q.from_dict({tuple(int(e) for e in m): int(c) for m, c in zip(p.monoms(), p.coeffs())})
            assert g.compose(*phi.coordinates, ctx=phi.ring).is_zero()
        assert cyc.dimension == type_dimension(t)
    r = relative_boundary_equations(a)
    comp = r.components[0]
    cyc = rational_stratum_equations(comp.rtype, model.degree, max_degree=comp.equations.complete_up_to_degree or 4)
    c, lat = _sym(comp.equations.polynomials, model.degree + 1)
    _, new = _sym(cyc.polynomials, model.degree + 1)
    assert sympy.groebner(lat, *c, order="grevlex") == sympy.groebner(new, *c, order="grevlex")


def test_rotation_to_a_rational_map():
    t = RootType(5, (("negative", (0, 0, 2, 0, 0)), ("positive", (1, 1, 1, 1, 1))))
    assert galois_stable_rotation(t).blocks == (("negative", (2, 0, 0, 0, 0)), ("positive", (1, 1, 1, 1, 1)))
    a = Architecture.parse("2,2,2 s=1,5")
    model = orbit_model(a)
    phi = RationalTypeStratumMap(model, t)
    rng = random.Random(2)
    for _ in range(5):   # φ at integer points has the type (exact root-orbit type), up to the sign class
        theta = [rng.randint(1, 9), 1] + [rng.randint(2, 15), rng.randint(16, 30)]      # distinct classes
        got = root_type(model, phi.evaluate(theta))
        assert got is not None and rational_key(got) == rational_key(t)
    assert phi.certified_dimension()[1]
    assert galois_stable_rotation(RootType(5, (("positive", (0, 1, 0, 0, 1)),))) is None
    assert rational_key(RootType(5, (("positive", (0, 1, 0, 0, 1)),))) == rational_key(
        RootType(5, (("positive", (0, 0, 1, 1, 0)),)))
