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
from hypothesis import given, settings, strategies as st

from lcnalg import Architecture
from lcnalg.landscape import QuadraticLoss
from lcnalg.landscape.real_critical_points import real_critical_points
from lcnalg.polys.real_algebraic import RealAlgebraicPoint
from lcnalg.real.algebraic_root_type import algebraic_root_type
from lcnalg.real.orbit_description import RootType, orbit_member, root_type, type_member
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
@settings(max_examples=25, deadline=None)
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
