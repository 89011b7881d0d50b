"""The boundary of M relative to V(R) for 2D architectures whose only stride-one layer is the first
(lcnalg.real.polyphase_boundary_2d): the strata against the dimension of V (Jacobian rank) and against
contains() at their sample points; the pointwise test against limits of explicit families in
V(R) \\ M decided by contains(); the dimension against a Jacobian rank and the frontier bound; the
boundary() wiring."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lcnalg import FunctionSpace
from lcnalg.algebra.dimension import function_space_dimension
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.parameterization import Parameterization
from lcnalg.real import boundary, contains, is_zariski_closed
from lcnalg.real.pattern_boundary import factors_text
from lcnalg.real.patterns import pattern_text
from lcnalg.real.polyphase_2d import polyphase_2d_member, polyphase_2d_shape
from lcnalg.real.polyphase_boundary_2d import (placed_in_closure, polyphase_boundary_dimension,
                                               polyphase_boundary_member, polyphase_strata, stratum_sample)

ARCHS = ["2x2,2x2 s=2x1", "2x2,2x2 s=1x2", "3x2,2x2 s=2x1", "2x2,3x2 s=2x1", "2x2,2x2,2x2 s=2x1,1x1",
         "3x1,2x2 s=2x1", "2x2,2x2 s=3x1"]


def _pattern_of(factors) -> tuple:
    found: dict = {}
    for t, e in factors:
        found[t] = found.get(t, 0) + e
    return tuple(sorted(found.items()))


def _distinct(pattern) -> tuple:
    return tuple((t, 1) for t, m in pattern for _ in range(m))


@pytest.mark.parametrize("arch", ARCHS)
def test_strata_cover_v_with_its_dimension(arch):
    """The largest stratum of V(R) (and of M) has the dimension of V (rank of the Jacobian of μ);
    M-strata lie in V."""
    s = polyphase_strata(arch)
    dim = function_space_dimension(Parameterization(arch)).value
    assert max(x.dimension for x in s.strata if x.in_v) == dim
    assert max(x.dimension for x in s.strata if x.in_m) == dim
    assert all(x.in_v for x in s.strata if x.in_m)
    assert bool(s.outside) is (is_zariski_closed(arch).closed is False)


@pytest.mark.parametrize("arch", ARCHS[:3])
def test_strata_samples(arch):
    """At an integer point of every stratum: its degree and the pattern of its polyphase gcd are the
    stratum's, and contains() (the grouping search, an independent route) agrees with in_m."""
    s = polyphase_strata(arch)
    for x in s.strata:
        point = stratum_sample(s.shape, _distinct(x.pattern), x.rest)
        r = polyphase_2d_member(arch, point)
        assert r.degree == x.degree and _pattern_of(r.factors) == tuple(sorted(x.pattern)), (x, r)
        assert (r.in_function_space, r.in_v) == (x.in_m, x.in_v)
        if not x.in_m:
            assert contains(arch, point).contained is False


# ------------------------------------------------------------------ families in V(R) \ M and their limits
def _family(shape, pattern, rest, eps: Fraction, rng: random.Random) -> list[Fraction]:
    """A · Q_ε(x^a, y^b): A random of bidegree rest with the constant 1 and an off-lattice monomial, Q_ε the
    product over the types of π of a real factor of that bidegree (R) or |g + i ε k|^2 (C), which tends to
    g^2 as ε → 0."""
    u, v = sympy.symbols("u v")
    x, y = sympy.symbols("x y")
    a, b = shape.strides
    q = sympy.Integer(1)
    for (kind, i, j), m in pattern:
        for _ in range(m):
            g = sum(rng.randint(-3, 3) * u ** p * v ** r for p in range(i + 1) for r in range(j + 1))
            g += u ** i * v ** j + (u if i else 0) + (v if j else 0) + rng.randint(1, 3)
            if kind == "R":
                q *= g
            else:
                k = sum(rng.randint(-2, 2) * u ** p * v ** r for p in range(i + 1) for r in range(j + 1)) + 1
                q *= g ** 2 + eps ** 2 * k ** 2
    A = 1 + sum(rng.randint(-2, 2) * x ** p * y ** r for p in range(rest[0] + 1) for r in range(rest[1] + 1))
    A += x ** rest[0] * y ** rest[1]
    P = sympy.Poly(sympy.expand(A * q.subs({u: x ** a, v: y ** b})), x, y)
    nx, ny = shape.total[0] + 1, shape.total[1] + 1
    return [Fraction(str(P.coeff_monomial(x ** i * y ** j))) for i in range(nx) for j in range(ny)]


@pytest.mark.parametrize("arch", ARCHS)
def test_limits_of_families_outside_m(arch):
    """For every stratum of V(R) \\ M: points of an explicit family P_ε are in V(R) \\ M (contains() and
    the polyphase route), and the limit P_0, when in M (contains()), is on the relative boundary."""
    assert _limits_land(arch, random.Random(2)) or not polyphase_strata(arch).outside


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=st.tuples(st.integers(1, 3), st.integers(1, 3)), second=st.tuples(st.integers(1, 2), st.integers(1, 2)),
       stride=st.sampled_from([(2, 1), (1, 2), (2, 2), (3, 1)]), seed=st.integers(0, 10 ** 6))
def test_limits_on_random_architectures(first, second, stride, seed):
    arch = str(Architecture((first, second), (stride,)))
    if polyphase_2d_shape(arch) is None:
        return
    _limits_land(arch, random.Random(seed), per_stratum=4)


def _limits_land(arch: str, rng: random.Random, per_stratum: int = 0) -> int:
    """Limits of families in V(R) \\ M (checked by contains()) that land in M are on ∂_V M; returns how many landed."""
    s = polyphase_strata(arch)
    landed = 0
    outside = list(s.outside)
    if per_stratum:
        outside = rng.sample(outside, min(per_stratum, len(outside)))
    for x in outside:
        seed = rng.randrange(10 ** 6)
        pts = [_family(s.shape, x.pattern, x.rest, eps, random.Random(seed))
               for eps in (Fraction(1, 3), Fraction(1, 1000), Fraction(0))]
        r = [polyphase_2d_member(arch, p) for p in pts[:2]]
        if any(not m.in_v or m.in_function_space for m in r):   # a special member of the family: not in this stratum
            continue
        assert contains(arch, pts[0]).contained is False and contains(arch, pts[1]).contained is False
        limit = pts[2]
        on = polyphase_boundary_member(arch, limit, strata=s)
        assert on.in_function_space is contains(arch, limit).contained
        if on.in_function_space:
            landed += 1
            assert on.on_boundary, (x, limit)
    return landed


def test_explicit_boundary_points():
    arch = "2x2,2x2 s=2x1"
    b = boundary(arch, equations=False)
    assert b.relative_family == "2D polyphase gcd" and b.relative_dimension == 4
    # (1 + x) y^2 = lim (1 + x)(y^2 + ε^2); (1 + x)(y + 1)(y + 2) is no such limit (two distinct real roots)
    assert b.is_relative_boundary_point([0, 0, 1, 0, 0, 1] + [0] * 6)
    assert not b.is_relative_boundary_point([2, 3, 1, 2, 3, 1] + [0] * 6)
    assert contains(arch, [2, 3, 1, 2, 3, 1] + [0] * 6).contained
    assert b.is_relative_boundary_point([0] * 12)                       # 0 = lim t·(1 + x)(1 + y^2)
    assert not b.is_relative_boundary_point([1, 0, 1, 1, 0, 1] + [0] * 6)   # (1 + x)(1 + y^2) ∉ M
    assert placed_in_closure(((("R", 0, 1), 2),), ((("C", 0, 1), 1),), (0, 2))
    assert not placed_in_closure(((("R", 0, 1), 1),), ((("C", 0, 1), 1),), (0, 1))
    with pytest.raises(InputError, match="polyphase"):
        polyphase_strata("2x2,2x2")
    with pytest.raises(InputError, match="relative boundary is not derived"):
        boundary("2x2,2x2,2x2 s=2x1,2x1", equations=False).is_relative_boundary_point([0] * 32)


@pytest.mark.parametrize("arch", ARCHS)
def test_generic_points_are_interior(arch):
    """dim ∂_V M < dim M, so a random image of μ is off ∂_V M; V(R) \\ M is off it by definition."""
    d = polyphase_boundary_dimension(arch)
    assert d.dimension < function_space_dimension(Parameterization(arch)).value
    rng = random.Random(9)
    mu = FunctionSpace(arch).parameterization
    for _ in range(3):
        image = mu.evaluate([Fraction(rng.randint(-9, 9), rng.randint(1, 5)) for _ in range(mu.num_parameters)])
        assert not polyphase_boundary_member(arch, list(image)).on_boundary


def _stratum_rank(shape, factors, rest, rng: random.Random) -> int:
    """Rank of the Jacobian of (A, real G_i, complex H_j) ↦ A · Π G_i^{e_i}(x^a, y^b) Π |H_j|^{2 f_j}(x^a, y^b)
    at random integer points (exact, sympy; the largest of three): dim T_(δ,ρ) without the formula."""
    x, y = sympy.symbols("x y")
    a, b = shape.strides
    al = sympy.symbols(f"c0:{(rest[0] + 1) * (rest[1] + 1)}")
    params = list(al)
    prod = sum(c * x ** i * y ** j for c, (i, j) in zip(al, [(i, j) for i in range(rest[0] + 1)
                                                                for j in range(rest[1] + 1)]))
    for n, ((kind, i, j), e) in enumerate(factors):
        mons = [x ** (a * p) * y ** (b * q) for p in range(i + 1) for q in range(j + 1)]
        re = sympy.symbols(f"a{n}_0:{len(mons)}")
        f = sum(c * m for c, m in zip(re, mons))
        params += re
        if kind == "C":
            im = sympy.symbols(f"b{n}_0:{len(mons)}")
            params += im
            f = f ** 2 + sum(c * m for c, m in zip(im, mons)) ** 2
        prod *= f ** e
    poly = sympy.Poly(sympy.expand(prod), x, y)
    jac = sympy.Matrix([[sympy.diff(c, p) for p in params] for c in poly.coeffs()])
    # every parameter a number: xreplace evaluates the entries as subs does
    return max(jac.xreplace({p: sympy.Integer(rng.randint(-20, 20)) for p in params}).rank() for _ in range(3))


@pytest.mark.parametrize("arch", ARCHS[:3] + ["3x3,2x2 s=2x2", "3x3,3x3 s=2x2"])
def test_dimension_is_a_jacobian_rank_and_below_the_frontier(arch):
    d = polyphase_boundary_dimension(arch)
    s = polyphase_strata(arch)
    rng = random.Random(5)
    top = next(x for x in s.strata if x.degree == d.degree and x.in_m
               and _pattern_of(d.top) == tuple(sorted(x.pattern)))
    assert _stratum_rank(s.shape, d.top, top.rest, rng) == d.dimension
    assert d.dimension <= d.frontier
    outside = max(s.outside, key=lambda x: x.dimension)
    assert _stratum_rank(s.shape, _distinct(outside.pattern), outside.rest, rng) == d.frontier + 1
    sample = list(d.sample)
    assert contains(arch, sample).contained and polyphase_boundary_member(arch, sample, strata=s).on_boundary
    r = polyphase_2d_member(arch, sample)
    assert r.degree == d.degree and sorted(r.factors) == sorted(d.top), factors_text(r.factors)
    assert pattern_text(d.limit_of[0])

