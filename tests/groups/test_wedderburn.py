"""The real Wedderburn decomposition R[G] = (+) Mat_d(D), against independent routes: sympy's conjugacy
classes (the number of real components is the number of real classes, g ~ g^-1 merged), the count of
square roots of 1 (sum of indicator * degree, Frobenius-Schur), the group algebra product (the transform is
multiplicative), the inversion (injective), and the complex representations (same traces)."""

from __future__ import annotations

import random
from fractions import Fraction

import flint
import pytest
from hypothesis import given, settings, strategies as st
from sympy.combinatorics import Permutation
from sympy.combinatorics import PermutationGroup as SympyGroup

from lcnalg import InputError
from lcnalg.groups import PermutationGroup, group_algebra_product, parse_group
from lcnalg.groups.representations import group_fourier
from lcnalg.groups.wedderburn import DIVISION_DIMENSION, real_wedderburn

#: Q8 acting regularly on 8 points: i = (0 1 2 3)(4 5 6 7), j = (0 4 2 6)(1 7 3 5).
Q8 = PermutationGroup([[1, 2, 3, 0, 5, 6, 7, 4], [4, 7, 6, 5, 2, 1, 0, 3]], name="Q8")
GROUPS = {"S3": parse_group("S3"), "D4": parse_group("D4"), "Q8": Q8, "S4": parse_group("S4"),
          "A4": parse_group("A4"), "D5": parse_group("D5"), "C3xC2": parse_group("C3xC2"), "C5": parse_group("C5")}
WEDDERBURN = {name: real_wedderburn(G) for name, G in GROUPS.items()}
SETTINGS = settings(max_examples=10, deadline=None)


def sympy_counts(G):
    """(number of real classes, number of g with g^2 = 1), by sympy's enumeration and conjugacy classes."""
    S = SympyGroup([Permutation(list(g)) for g in G.generators])
    classes = [frozenset(c) for c in S.conjugacy_classes()]
    real = set()
    for c in classes:
        g = next(iter(c))
        partner = next(d for d in classes if g ** -1 in d)
        real.add(frozenset([c, partner]))
    squares = sum(1 for g in S.generate() if (g * g).is_Identity)
    return len(real), squares


def matmul(A, B, phi):
    d = len(A)
    return tuple(tuple(sum((A[i][m] * B[m][j] for m in range(d)), flint.fmpq_poly(0)) % phi for j in range(d))
                 for i in range(d))


@pytest.mark.parametrize("name", sorted(GROUPS))
def test_components_against_class_counts(name):
    W = WEDDERBURN[name]
    real_classes, squares = sympy_counts(GROUPS[name])
    assert W.complete
    assert W.dimension_count == sum(c.degree ** 2 * DIVISION_DIMENSION[c.kind] for c in W.components) == W.order
    assert len(W.components) == real_classes
    # Frobenius-Schur: sum over complex characters of nu(chi) chi(1) = #{g : g^2 = 1}
    assert sum(c.indicator * c.size for c in W.components) == squares
    assert all(c.size == (2 * c.degree if c.kind == "H" else c.degree) for c in W.components)


def test_named_types():
    kinds = {name: sorted(c.name for c in W.components) for name, W in WEDDERBURN.items()}
    assert kinds["Q8"] == ["H", "R", "R", "R", "R"]
    assert kinds["S4"] == ["Mat_2(R)", "Mat_3(R)", "Mat_3(R)", "R", "R"]
    for name in ("S3", "D4", "S4"):              # rational characters, split over Q
        assert all(c.kind == "R" and c.rational for c in WEDDERBURN[name].components)


def random_element(rng, n):
    return [Fraction(rng.randint(-4, 4), rng.choice([1, 1, 2, 3])) for _ in range(n)]


@pytest.mark.parametrize("name", sorted(GROUPS))
@SETTINGS
@given(seed=st.integers(0, 10**6))
def test_transform_is_an_algebra_isomorphism(name, seed):
    W = WEDDERBURN[name]
    rng = random.Random(seed)
    n = W.order
    a, b = random_element(rng, n), random_element(rng, n)
    phi = flint.fmpq_poly(flint.fmpz_poly.cyclotomic(W.reps.exponent))
    ab = group_algebra_product(a, b, W.reps.table)
    Ta, Tb, Tab = W.transform(a), W.transform(b), W.transform(ab)
    assert all(matmul(x, y, phi) == z for x, y, z in zip(Ta, Tb, Tab))
    assert W.inverse(Ta) == tuple(a)
    one = [1] + [0] * (n - 1)
    assert all(M[i][j] == int(i == j) for M in W.transform(one) for i in range(len(M)) for j in range(len(M)))
    # the real matrices are equivalent to the complex representation: equal traces of f and f^2
    F, F2 = group_fourier(a, W.reps), group_fourier(group_algebra_product(a, a, W.reps.table), W.reps)
    for c, M in zip(W.components, Ta):
        k = c.characters[0]
        M2 = matmul(M, M, phi)
        assert sum((M[i][i] for i in range(c.size)), flint.fmpq_poly(0)) % phi == \
            sum((F[k][i][i] for i in range(c.size)), flint.fmpq_poly(0)) % phi
        assert sum((M2[i][i] for i in range(c.size)), flint.fmpq_poly(0)) % phi == \
            sum((F2[k][i][i] for i in range(c.size)), flint.fmpq_poly(0)) % phi


def test_real_components_have_real_matrices():
    """The R components of D5 lie over Q(sqrt 5): real (conjugation-fixed) but not rational."""
    W = WEDDERBURN["D5"]
    e = W.reps.exponent
    phi = flint.fmpq_poly(flint.fmpz_poly.cyclotomic(e))
    two = [c for c in W.components if c.degree == 2]
    assert len(two) == 2 and not any(c.rational for c in two)
    for c in two:
        for M in c.matrices:
            for row in M:
                for v in row:
                    bar = sum((x * (flint.fmpq_poly([0] * ((-t) % e) + [1]) % phi) for t, x in enumerate(v.coeffs())),
                              flint.fmpq_poly(0)) % phi
                    assert bar == v


def test_quaternion_component_is_a_division_algebra():
    """The H component of Q8: every non-zero element of its image is invertible (det > 0 on the 2 x 2 complex
    image, the reduced norm), checked on random rational elements."""
    W = WEDDERBURN["Q8"]
    k = next(i for i, c in enumerate(W.components) if c.kind == "H")
    phi = flint.fmpq_poly(flint.fmpz_poly.cyclotomic(W.reps.exponent))
    rng = random.Random(3)
    for _ in range(20):
        f = random_element(rng, 8)
        M = W.transform(f)[k]
        det = (M[0][0] * M[1][1] - M[0][1] * M[1][0]) % phi
        assert det.degree() <= 0 and det.coeffs() and det.coeffs()[0] > 0 or all(v == 0 for r in M for v in r)


def test_dicyclic_family():
    """Q<n> from its presentation: Q8 is the regular quaternion group above; Q12 = C3 x| C4 and Q16 (generalized
    quaternion) have quaternionic components, counted against sympy's classes like the others."""
    assert parse_group("Q8").generators == Q8.generators
    for name in ("Q12", "Q16"):
        G = parse_group(name)
        W = real_wedderburn(G)
        real_classes, squares = sympy_counts(G)
        assert W.complete and W.dimension_count == G.order() and len(W.components) == real_classes
        assert sum(c.indicator * c.size for c in W.components) == squares == 2     # 1 and a^m
        assert any(c.kind == "H" for c in W.components)
    with pytest.raises(InputError, match="multiple of 4"):
        parse_group("Q10")


def test_bad_input():
    W = WEDDERBURN["S3"]
    with pytest.raises(InputError, match="^f: expected 6"):
        W.transform([1, 2])
    with pytest.raises(InputError, match="^blocks: expected 3"):
        W.inverse([])
    with pytest.raises(InputError, match="^group"):
        real_wedderburn(42)
