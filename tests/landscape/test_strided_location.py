"""Where a μ-critical real critical point lies for 1D architectures with strides: the root-orbit
type of a filter over a real number field Q(τ), against the rational route and against a
numeric route from known roots; and the interior/boundary decision at real critical points
against explicit sequences of V(R) \\ M and a brute-force search of real factorizations."""

from __future__ import annotations

import cmath
import itertools
import math
import random
from fractions import Fraction

import flint
import numpy as np
import pytest
from hypothesis import assume, given, settings, strategies as st

from lcnalg import Architecture
from lcnalg.landscape import QuadraticLoss
from lcnalg.landscape.real_critical_points import real_critical_points
from lcnalg.limits import Limits
from lcnalg.polys.real_algebraic import RealAlgebraicPoint
from lcnalg.real.algebraic_root_type import algebraic_root_type
from lcnalg.real.orbit_description import (RootType, orbit_member, relative_boundary_member, root_type,
                                           type_member)
from lcnalg.real.orbit_tilings import orbit_model

SQRT2 = RealAlgebraicPoint.from_root(flint.fmpq_poly([-2, 0, 1]), flint.arb("1.41 +/- 0.01"),
                                     [flint.fmpq_poly([0, 1])])          # the field Q(√2), x = √2
CUBIC = RealAlgebraicPoint.from_root(flint.fmpq_poly([-2, 0, 0, 1]), flint.arb("1.26 +/- 0.01"),
                                     [flint.fmpq_poly([0, 1])])          # Q(2^(1/3))
RATIONAL = RealAlgebraicPoint.from_root(flint.fmpq_poly([-3, 1]), flint.arb(3), [flint.fmpq_poly([0, 1])])
ARCHS = ["3,2 s=2", "2,3,2 s=2,2", "4,2 s=2", "3,2,2 s=2,2", "3,3 s=3", "2,2,2 s=1,2"]


# ------------------------------------------------------------------ helpers
def rational_filter(rng: random.Random, T: int) -> list[Fraction]:
    """A product of random rational factors, some of them repeated or stride-substituted (so that
    classes, multiplicities, the root 0 and roots at infinity all occur)."""
    p = flint.fmpq_poly([rng.choice([1, -2, 3])])
    for _ in range(rng.randint(1, 3)):
        f = flint.fmpq_poly([rng.randint(-3, 3) for _ in range(rng.choice([1, 2]))] + [rng.choice([1, -1, 2])])
        if rng.random() < 0.4:
            f = flint.fmpq_poly([c if i % T == 0 else 0 for i, c in
                                 enumerate(sum(([x] + [0] * (T - 1) for x in f.coeffs()), []))][: f.degree() * T + 1])
        p *= f ** rng.randint(1, 2)
    if rng.random() < 0.3:
        p *= flint.fmpq_poly([0, 1])
    vals = [Fraction(int(c.p), int(c.q)) for c in p.coeffs()]
    return vals + [Fraction(0)] * rng.randint(0, 2)


def numeric_type(roots: list[tuple[complex, int]], T: int, degree: int) -> RootType:
    """κ(P) from known roots (with multiplicities) in floating point: classes a = r^T grouped by
    distance, the base ρ_a of the module docstring, positions k rounded; a pair's S normalised as
    the least of its rotations and mirror images."""
    zero = sum(m for r, m in roots if r == 0)
    finite = sum(m for r, m in roots)
    blocks = [] if not zero else [("zero", (zero,))]
    if degree > finite:
        blocks.append(("infinity", (degree - finite,)))
    classes: list[tuple[complex, list]] = []
    for r, m in roots:
        if r == 0:
            continue
        a = r ** T
        for c in classes:
            if abs(c[0] - a) < 1e-9 * (1 + abs(a)):
                c[1].append((r, m))
                break
        else:
            classes.append((a, [(r, m)]))
    done = []
    for a, members in classes:
        if abs(a.imag) < 1e-9 * (1 + abs(a)):
            rho = abs(a) ** (1 / T) * (1 if a.real > 0 else cmath.exp(1j * math.pi / T))
            kind = "positive" if a.real > 0 else "negative"
        elif any(abs(b - a.conjugate()) < 1e-9 * (1 + abs(a)) for b in done):
            continue
        else:
            rho, kind = members[0][0], "pair"
        done.append(a)
        S = [0] * T
        for r, m in members:
            S[round(cmath.phase(r / rho) * T / (2 * math.pi)) % T] += m
        if kind == "pair":
            S = min(min(tuple(v[(k + c) % T] for k in range(T)) for c in range(T))
                    for v in (S, [S[-k % T] for k in range(T)]))
        blocks.append((kind, tuple(S)))
    return RootType(T, tuple(sorted(blocks)))


def q2_element(a: Fraction, b: Fraction) -> dict:
    """``a + b√2`` as a polynomial in the coordinate of SQRT2."""
    return {k: v for k, v in (((0,), a), ((1,), b)) if v}


def q2_poly(factors: list[tuple[list[tuple[Fraction, Fraction]], int]]) -> list[dict]:
    """The product of factors over Q(√2) (coefficients ``(a, b)`` = ``a + b√2``, constant first)."""
    out = [(Fraction(1), Fraction(0))]
    for f, e in factors:
        for _ in range(e):
            new = [(Fraction(0), Fraction(0))] * (len(out) + len(f) - 1)
            for i, (a, b) in enumerate(out):
                for j, (c, d) in enumerate(f):
                    x, y = new[i + j]
                    new[i + j] = (x + a * c + 2 * b * d, y + a * d + b * c)
            out = new
    return [q2_element(a, b) for a, b in out]


def q2_roots(f: list[tuple[Fraction, Fraction]]) -> list[complex]:
    """The roots of a squarefree factor over Q(√2), in floating point."""
    v = [float(a) + float(b) * math.sqrt(2) for a, b in f]
    return [complex(r) for r in np.roots(v[::-1])]


# ------------------------------------------------------------------ the type over Q(τ)
@settings(max_examples=15, deadline=None)
@given(st.sampled_from(ARCHS), st.integers(0, 10**6))
def test_type_over_a_number_field_equals_the_rational_type_on_rational_filters(arch, seed):
    """A rational filter seen in Q (τ = 3), in Q(√2) and in Q(2^(1/3)) (the norm then has the
    roots of P with multiplicity deg φ, every one a root of P): the same type as root_type's."""
    model = orbit_model(Architecture.parse(arch))
    vals = rational_filter(random.Random(seed), model.T)
    expected = root_type(model, vals)
    assert algebraic_root_type(model, RATIONAL, [{(1,): v / 3} if v else {} for v in vals]) == expected
    assert algebraic_root_type(model, SQRT2, [{(0,): v} if v else {} for v in vals]) == expected
    # in Q(2^(1/3)) write v = (v/2) x^3 (x^3 = 2): a coefficient given by a non-trivial expression
    assert algebraic_root_type(model, CUBIC, [{(3,): v / 2} if v else {} for v in vals]) == expected


def test_type_over_q_sqrt2_on_known_roots():
    """Filters over Q(√2) built from known factors: the exact type against the numeric type of
    their roots.  The norm's extra roots (the conjugates under √2 ↦ −√2) must be left out: −√2 has
    the class of √2 when T is even, 1 − √2 < 0 changes the sign of a class."""
    s = Fraction
    cases = [
        ("3,2 s=2", [([(s(-2), s(0)), (0, 0), (1, 0)], 1), ([(s(-1), s(-1)), (0, 0), (1, 0)], 1)]),  # (z²−2)(z²−1−√2)
        ("3,2 s=2", [([(s(0), s(-1)), (1, 0)], 2), ([(s(1), s(0)), (1, 0)], 1), ([(s(-3), s(0)), (1, 0)], 1)]),
        ("3,2 s=2", [([(s(0), s(1)), (0, 0), (1, 0)], 1)]),                                   # z² + √2: a < 0
        ("3,2 s=2", [([(s(3), s(0)), (0, 0), (s(0), s(-2)), (0, 0), (1, 0)], 1)]),           # (z²−√2−i)(z²−√2+i)
        ("3,3 s=3", [([(s(0), s(-1)), (1, 0)], 3), ([(s(1), s(1)), (1, 0), (1, 0)], 2)]),   # (z−√2)³(z²+z+1+√2)²
        ("2,3,2 s=2,2", [([(s(-1), s(1)), (0, 0), (0, 0), (0, 0), (1, 0)], 1), ([(s(0), s(1)), (1, 0)], 1)]),
        ("4,2 s=2", [([(s(1), s(-1)), (0, 0), (1, 0)], 2)]),                                  # (z² + 1 − √2)²
    ]
    for arch, factors in cases:
        model = orbit_model(Architecture.parse(arch))
        coeffs = q2_poly(factors)
        degree = len(coeffs) - 1 + 1                                       # one root at infinity as well
        roots = [(r, e) for f, e in factors for r in q2_roots(f)]
        got = algebraic_root_type(model, SQRT2, coeffs + [{}])
        assert got == numeric_type(roots, model.T, degree), (arch, got)
        assert ("infinity", (1,)) in got.blocks


def test_type_over_q_sqrt2_decides_membership_like_the_layers():
    """(z − √2)²(z + √2)(z − 1) over 3,2 s=2 is q1(z) q2(z²) with q1 = (z − √2)(z − 1) and
    q2 = y − 2 real: in M; (z² − √2 − i)(z² − √2 + i) is in V(R) only (complex layers)."""
    model = orbit_model(Architecture.parse("3,2 s=2"))
    s = Fraction
    inside = q2_poly([([(s(0), s(-1)), (1, 0)], 2), ([(s(0), s(1)), (1, 0)], 1), ([(s(-1), s(0)), (1, 0)], 1)])
    assert type_member(model, algebraic_root_type(model, SQRT2, inside)) == (True, True)
    outside = q2_poly([([(s(3), s(0)), (0, 0), (s(0), s(-2)), (0, 0), (1, 0)], 1)])
    assert type_member(model, algebraic_root_type(model, SQRT2, outside)) == (True, False)
    assert algebraic_root_type(model, SQRT2, [{}, {}]) is None


# ------------------------------------------------------------------ μ-critical real critical points
def layer_factorizations(roots: list[complex], layers: list[tuple[int, int]], tol: float):
    """Every way to deal the (simple, non-zero) roots into the layers: a layer ``(n, t)`` takes
    ``n`` orbits ``{r ζ^k : ζ^t = 1}``; yields the layers' roots in ``y = z^t``.  Straight from
    the definition of μ, with no root-orbit types."""
    if not layers:
        if not roots:
            yield []
        return
    (n, t), rest = layers[0], layers[1:]
    orbits = set()
    for r in roots:
        idx = []
        for k in range(t):
            target = r * cmath.exp(2j * math.pi * k / t)
            near = [j for j, x in enumerate(roots) if abs(x - target) < tol and j not in idx]
            if not near:
                break
            idx.append(near[0])
        else:
            orbits.add(tuple(sorted(idx)))
    for combo in itertools.combinations(sorted(orbits), n):
        used = {j for o in combo for j in o}
        if len(used) != n * t:
            continue
        remaining = [x for j, x in enumerate(roots) if j not in used]
        for tail in layer_factorizations(remaining, rest, tol):
            yield [[roots[o[0]] ** t for o in combo]] + tail


def brute_force_member(arch: str, coefficients: list[Fraction]) -> tuple[bool, bool]:
    """``(P ∈ V(R), P ∈ M)`` for a real filter with simple non-zero roots and full degree: some
    complex factorization, some with every layer real (its roots closed under conjugation)."""
    a = Architecture.parse(arch)
    t = [c[0] for c in a.cumulative_strides]
    layers = [(k - 1, tl) for (k,), tl in zip(a.filters, t) if k > 1]
    p = flint.fmpq_poly([flint.fmpq(c.numerator, c.denominator) for c in coefficients])
    assert p.degree() == len(coefficients) - 1 and coefficients[0] != 0
    with flint.ctx.workprec(200):
        roots = [complex(r) for r, m in p.complex_roots() for _ in range(int(m))]
    scale = max(abs(r) for r in roots)
    tol = 1e-9 * (1 + scale)
    assert all(abs(x - y) > 100 * tol for x, y in itertools.combinations(roots, 2)), "not simple"

    def real(ys: list[complex]) -> bool:
        left = list(ys)
        while left:
            y = left.pop()
            match = [i for i, w in enumerate(left) if abs(w - y.conjugate()) < tol * (1 + abs(y))]
            if abs(y.imag) < tol * (1 + abs(y)):
                continue
            if not match:
                return False
            left.pop(match[0])
        return True

    in_v = in_m = False
    for fact in layer_factorizations(roots, layers, tol):
        in_v = True
        if all(real(ys) for ys in fact):
            in_m = True
            break
    return in_v, in_m


def even_perturbations(image: tuple[float, ...], rng: random.Random, size: float, count: int):
    """Rational even filters near an even image: every even quartic is a point of V(R) for 3,2 s=2
    (``c(y − b)(y − b')`` with ``q1 = z² − b``, ``q2 = c(y − b')``, b, b' complex)."""
    scale = max(abs(x) for x in image)
    for _ in range(count):
        yield [Fraction(x) + (Fraction(rng.uniform(-1, 1)) * Fraction(size * scale) if i % 2 == 0 else 0)
               for i, x in enumerate(image)]


@pytest.mark.parametrize("u", [[1, 0, -2, 0, 3], [2, 0, 2, 0, 0], [3, 0, 0, 2, 0], [0, 2, -1, 2, 0]])
def test_mu_critical_points_of_3_2_s2_are_on_the_relative_boundary(u):
    """3,2 s=2 with Q = I: every μ-critical real critical point is placed exactly (this
    architecture has M ⊊ V(R)), and the placement is checked independently.  Its image is even
    (odd coefficients exactly 0); rational even perturbations stay in V(R); for a boundary
    point some of them leave M (a brute-force search of real layers finds none), for an interior
    point none does; orbit_member agrees with the brute force on every sample.  Fields of degree
    4 occur (u = (1, 0, −2, 0, 3): two points of degree 4)."""
    arch = "3,2 s=2"
    res = real_critical_points(arch, QuadraticLoss.identity(u), seed=1)
    crit = [p for p in res.points if p.mu_critical]
    assert crit
    rng = random.Random(0)
    for p in crit:
        assert p.location in ("mu critical, interior of M (relative to V(R))",
                              "mu critical, boundary of M (relative to V(R))")
        assert p.image[1] == p.image[3] == "0"
        outside = 0
        for q in even_perturbations(p.image_values, rng, 1e-6, 12):
            v, m = brute_force_member(arch, q)
            w = orbit_member(Architecture.parse(arch), q)
            assert v and (w.in_variety, w.in_function_space) == (v, m)
            outside += not m
        assert (outside > 0) == p.location.endswith("boundary of M (relative to V(R))"), (p.location, outside)


def nearby_points_of_v(layers: list[list[complex]], strides: list[int], rng: np.random.Generator, size: float,
                       count: int):
    """Points of V(R) near ``μ(layers)``: random complex perturbations of the layers (coefficients
    constant first, ``strides`` their cumulative strides) projected by minimal-norm Gauss–Newton
    steps onto ``Im μ = 0``; yields the real filters (floating point)."""
    sizes = [len(q) for q in layers]

    def mu(qs):
        out = np.array([1.0 + 0j])
        for q, t in zip(qs, strides):
            sub = np.zeros((len(q) - 1) * t + 1, dtype=complex)
            sub[::t] = q
            out = np.convolve(out, sub)
        return out

    def split(x):
        qs, k = [], 0
        for n in sizes:
            qs.append(x[k:k + n] + 1j * x[k + sum(sizes):k + sum(sizes) + n])
            k += n
        return qs

    base = np.concatenate([np.real(np.concatenate(layers)), np.imag(np.concatenate(layers))])
    for _ in range(count):
        x = base + size * rng.standard_normal(len(base))
        for _ in range(60):
            qs = split(x)
            f = np.imag(mu(qs))
            if np.abs(f).max() < 1e-14:
                break
            cols = []
            for part in (1.0, 1j):
                for l, n in enumerate(sizes):
                    for j in range(n):
                        dq = [np.zeros(m, dtype=complex) for m in sizes]
                        dq[l][j] = part
                        # μ is linear in each layer: its derivative replaces the layer by dq
                        cols.append(np.imag(mu([dq[i] if i == l else qs[i] for i in range(len(qs))])))
            jac = np.array(cols).T
            x = x - np.linalg.lstsq(jac, f, rcond=None)[0]
        assert np.abs(np.imag(mu(split(x)))).max() < 1e-12
        yield [Fraction(float(c)) for c in np.real(mu(split(x)))]


def test_interior_and_boundary_of_filters_over_q_sqrt2_against_nearby_points_of_v():
    """Two μ-critical filters over Q(√2) (a layer of each level holds the same class):
    (z² − √2)²(z² − 1) on 3,3 s=2 is interior relative to V(R) (a complex pair y = √2 ± iε can
    move into the even-degree layer of level 2, q1 = z² − 1 real), and (z² − √2)² on 3,2 s=2 is
    on the boundary ((z² − √2 − iε)(z² − √2 + iε) has complex layers only).  Checked against
    points of V(R) near them (complex layers projected onto real products, Gauss–Newton) and
    the explicit witnesses, with the brute-force search of real layers."""
    from lcnalg.real.orbit_description import type_on_relative_boundary

    s, r2, r4 = Fraction, math.sqrt(2), 2 ** 0.25
    rng = np.random.default_rng(0)
    # 3,3 s=2: q1 = z² − √2, q2 = (y − √2)(y − 1)
    model = orbit_model(Architecture.parse("3,3 s=2"))
    coeffs = q2_poly([([(s(0), s(-1)), (0, 0), (1, 0)], 2), ([(s(-1), s(0)), (0, 0), (1, 0)], 1)])
    rtype = algebraic_root_type(model, SQRT2, coeffs)
    assert rtype == numeric_type([(r4, 2), (-r4, 2), (1, 1), (-1, 1)], 2, 6)
    assert not type_on_relative_boundary(model, rtype)
    for q in nearby_points_of_v([[-r2, 0, 1], [r2, -r2 - 1, 1]], [1, 2], rng, 1e-3, 8):
        assert brute_force_member("3,3 s=2", q) == (True, True)
    # from complex layers with a real product: q1 = z² − (√2 + iδ), q2 = (y − √2 + iδ)(y − 1)
    d = 1e-3j
    swapped = [[-(r2 + d), 0, 1], [(r2 - d), -(r2 - d) - 1, 1]]
    for q in nearby_points_of_v(swapped, [1, 2], rng, 1e-4, 8):
        assert brute_force_member("3,3 s=2", q) == (True, True)
    # 3,2 s=2: q1 = z² − √2, q2 = y − √2
    model = orbit_model(Architecture.parse("3,2 s=2"))
    rtype = algebraic_root_type(model, SQRT2, q2_poly([([(s(0), s(-1)), (0, 0), (1, 0)], 2)]))
    assert type_on_relative_boundary(model, rtype)
    for e in (1e-2, 1e-4):
        witness = [Fraction(r2 * r2 + e * e), Fraction(0), Fraction(-2 * r2), Fraction(0), Fraction(1)]
        assert brute_force_member("3,2 s=2", witness) == (True, False)
    swapped = [[-(r2 + d), 0, 1], [-(r2 - d), 1]]          # q1 = z² − √2 − iδ, q2 = y − √2 + iδ
    outside = [brute_force_member("3,2 s=2", q) for q in nearby_points_of_v(swapped, [1, 2], rng, 1e-4, 8)]
    assert all(v for v, _ in outside) and not all(m for _, m in outside)


def test_mu_critical_points_of_3_3_s2_in_the_interior():
    """3,3 s=2 with Q = I and the target (z² − 1)²(z² − 3) (q1 = z² − 1 and q2 = (y − 1)(y − 3)
    share the class 1): μ-critical real critical points over Q and over fields of degree 6, all
    in the interior of M relative to V(R).  Checked at each: points of V(R) near its layers
    (complex perturbations projected onto real products) are all in M by the brute-force search
    of real layers."""
    from lcnalg import Parameterization

    arch = "3,3 s=2"
    u = list(Parameterization(arch).evaluate([[-1, 0, 1], [3, -4, 1]]))
    res = real_critical_points(arch, QuadraticLoss.identity(u), seed=1,
                               limits=Limits(max_real_critical_solutions=243))
    crit = [p for p in res.points if p.mu_critical]
    assert len(crit) == 3 and {p.field_degree for p in crit} == {1, 6}
    rng = np.random.default_rng(1)
    for p in crit:
        assert p.location == "mu critical, interior of M (relative to V(R))"
        w = [float(x) for x in p.weights]
        for q in nearby_points_of_v([w[:3], w[3:]], [1, 2], rng, 1e-3, 6):
            assert brute_force_member(arch, q) == (True, True)


def test_bad_input_is_an_input_error():
    from lcnalg.errors import InputError

    model = orbit_model(Architecture.parse("3,2 s=2"))
    with pytest.raises(InputError, match="^point"):
        algebraic_root_type(model, "sqrt2", [{}])
    with pytest.raises(InputError, match="^coefficients"):
        algebraic_root_type(model, SQRT2, {(0,): 1})
    with pytest.raises(InputError, match="^poly"):
        algebraic_root_type(model, SQRT2, [1, 2, 3])
    with pytest.raises(InputError, match="^poly"):
        algebraic_root_type(model, SQRT2, [{(0, 1): 1}])


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(ARCHS), st.integers(0, 10**6))
def test_type_over_q_sqrt2_on_random_products_of_known_factors(arch, seed):
    """Random products over Q(√2) of factors of degree 1 and 2 and stride-substituted factors
    ``z^T + c`` (so that classes are shared across factors, with multiplicities, and conjugate
    roots under √2 ↦ −√2 are often roots of the norm only): the exact type against the numeric
    type of the known roots."""
    rng = random.Random(seed)
    model = orbit_model(Architecture.parse(arch))
    T = model.T

    def element():
        return (Fraction(rng.randint(-3, 3)), Fraction(rng.choice([0, 0, 1, -1, 2])))

    factors = []
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(["linear", "quadratic", "strided"])
        if kind == "linear":
            f = [element(), (Fraction(1), Fraction(0))]
        elif kind == "quadratic":
            f = [element(), element(), (Fraction(1), Fraction(0))]
            (c, d), (b, e) = f[0], f[1]
            # a double root would be two close floating-point roots: exponents carry multiplicity here
            assume((b * b + 2 * e * e - 4 * c, 2 * b * e - 4 * d) != (0, 0))
        else:
            f = [element()] + [(Fraction(0), Fraction(0))] * (T - 1) + [(Fraction(1), Fraction(0))]
        if f[0] == (0, 0):
            f[0] = (Fraction(1), Fraction(1))
        factors.append((f, rng.randint(1, 2)))
    zero = rng.choice([0, 0, 1])
    coeffs = [{}] * zero + q2_poly(factors) + [{}] * rng.randint(0, 1)
    roots = [(r, e) for f, e in factors for r in q2_roots(f)] + ([(0, zero)] if zero else [])
    got = algebraic_root_type(model, SQRT2, coeffs)
    assert got == numeric_type(roots, T, len(coeffs) - 1), (factors, got)


def test_mu_critical_points_of_4_2_s2_against_explicit_sequences_outside_m():
    """4,2 s=2 (levels 1 | 2) with Q = I and the target (z² − 1)²(z − 2): the μ-critical points
    have rational images c·h(z)²·g(z) with h = z² − b even (the class of b is shared by both
    layers), placed on the boundary; c·(h² + e²)·g (h² + e² = (z² − b − ie)(z² − b + ie)) is in
    V(R) \\ M for every e ≠ 0 (brute-force search and orbit_member) and tends to the image."""
    arch = "4,2 s=2"
    res = real_critical_points(arch, QuadraticLoss.identity([-2, 1, 4, -2, -2, 1]), seed=1,
                               limits=Limits(max_real_critical_solutions=243))
    crit = [p for p in res.points if p.mu_critical]
    assert len(crit) == 2
    for p in crit:
        assert p.location == "mu critical, boundary of M (relative to V(R))" and p.field_degree == 1
        image = flint.fmpq_poly([flint.fmpq(Fraction(x).limit_denominator(1000).numerator,
                                            Fraction(x).limit_denominator(1000).denominator)
                                 for x in p.image_values])
        # the rational route agrees on the (rational) image
        exact = [Fraction(int(x.p), int(x.q)) for x in image.coeffs()]
        assert relative_boundary_member(Architecture.parse(arch), exact)[0]
        c, factors = image.factor()
        h = flint.fmpq_poly([1])
        for f, m in factors:
            h *= f ** (m // 2)
        assert h.degree() == 2 and h[1] == 0
        for e in (Fraction(1, 100), Fraction(1, 10**4)):
            q = image + c * flint.fmpq(e.numerator ** 2, e.denominator ** 2) * (image / (c * h * h))
            q = [Fraction(int(x.p), int(x.q)) for x in q.coeffs()]
            assert brute_force_member(arch, q) == (True, False)
            w = orbit_member(Architecture.parse(arch), q)
            assert (w.in_variety, w.in_function_space) == (True, False)
