"""Kondor–Trivedi on homogeneous spaces: kernels to matrices and back, computed literally.

:func:`lcnalg.groups.convolution_matrix` evaluates ``A_κ[y, x] = Σ_{g x_0 = x} κ(s_y^{-1} g)``
as a sum over the whole group; these tests check, on random transitive actions of random
groups, that the bi-invariant kernels map onto the commutant (equivariant images, as many
independent ones as orbits on ``Y × X``), that the closed form ``|H| κ(s_y^{-1} t_x)`` agrees
with the sum, and that an equivariant map is recovered from ``κ_A(g) = A[y_0, g x_0] / |H|``.
"""

from __future__ import annotations

import random
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg import InputError
from lcnalg.groups import (CosetAction, PermutationGroup, TupleAction, bi_invariant_kernels, convolution_matrix,
                           equivariant_maps, parse_action, parse_group)
from lcnalg.groups.permutations import compose, inverse
from tests.groups.reference import sympy_elements


def equivariant(A, on, to) -> bool:
    A = np.array(A, dtype=object)
    for gx, gy in zip(on.generator_images(), to.generator_images()):
        for y in range(to.size):
            for x in range(on.size):
                if A[gy[y], gx[x]] != A[y, x]:
                    return False
    return True


def rank(rows) -> int:
    import flint

    return flint.fmpq_mat([[flint.fmpq(Fraction(v).numerator, Fraction(v).denominator) for v in r]
                           for r in rows]).rank()


@st.composite
def transitive_cases(draw):
    """A random group of degree <= 4 and two random coset spaces G/H, G/K."""
    n = draw(st.integers(2, 4))
    gens = [tuple(g) for g in draw(st.lists(st.permutations(list(range(n))), min_size=1, max_size=2))]
    G = PermutationGroup(gens)
    elements = sympy_elements(gens)
    H = draw(st.lists(st.sampled_from(elements), max_size=2))
    K = draw(st.lists(st.sampled_from(elements), max_size=2))
    return G, CosetAction(G, H), CosetAction(G, K)


@settings(max_examples=30, deadline=None)
@given(case=transitive_cases(), seed=st.integers(0, 100))
def test_kernels_map_onto_the_commutant(case, seed):
    G, on, to = case
    kernels = bi_invariant_kernels(G, on, to)
    images = [convolution_matrix(G, on, to, k) for k in kernels]
    assert all(equivariant(A, on, to) for A in images)
    flat = [[v for row in A for v in row] for A in images]
    dimension = equivariant_maps(G, on, to).dimension
    assert rank(flat) == len(kernels) == dimension  # injective, and onto by dimension
    # the closed form |H| kappa(s_y^-1 t_x), with any representatives
    elements = G.elements()
    index = {g: i for i, g in enumerate(elements)}
    H = [g for g in elements if on.act(g, 0) == 0]
    rng = random.Random(seed)
    for kernel, A in zip(kernels, images):
        for y in range(to.size):
            for x in range(on.size):
                s = rng.choice([g for g in elements if to.act(g, 0) == y])
                t = rng.choice([g for g in elements if on.act(g, 0) == x])
                assert A[y][x] == len(H) * kernel[index[compose(inverse(s), t)]]
    # conversely: a random equivariant map is the convolution with kappa_A(g) = A[y0, g x0] / |H|
    coefficients = [Fraction(rng.randint(-5, 5), rng.randint(1, 3)) for _ in images]
    A = [[sum(c * M[y][x] for c, M in zip(coefficients, images)) for x in range(on.size)] for y in range(to.size)]
    kappa = [Fraction(A[0][on.act(g, 0)], len(H)) for g in elements]
    assert [list(r) for r in convolution_matrix(G, on, to, kappa)] == A


def test_a_left_invariant_kernel_is_averaged_on_the_right():
    G = parse_group("S3")
    on, to = parse_action(G, "regular"), parse_action(G, "points")
    # K = stabilizer of the point 0 (order 2): kappa(k g) = kappa(g) makes A_kappa well defined,
    # and H = 1, so every left-K-invariant kernel is bi-invariant: 3 = |K\G| of them
    assert len(bi_invariant_kernels(G, on, to)) == 3 == equivariant_maps(G, on, to).dimension


def test_deep_sets_kernels():
    G = parse_group("S4")
    X = TupleAction(G, 1)
    A, B = (convolution_matrix(G, X, X, k) for k in bi_invariant_kernels(G, X, X))
    assert np.array_equal(np.array(A), 6 * np.eye(4, dtype=int))  # |H| I
    assert np.array_equal(np.array(B), 6 * (np.ones((4, 4), dtype=int) - np.eye(4, dtype=int)))


def test_bad_kernels_and_intransitive_actions_are_named():
    G = parse_group("S3")
    X = TupleAction(G, 1)
    with pytest.raises(InputError, match="^kernel: expected 6 rational values .* got 2 values"):
        convolution_matrix(G, X, X, [1, 2])
    with pytest.raises(InputError, match="^kernel: not invariant under the stabilizer"):
        convolution_matrix(G, X, X, [1, 2, 3, 4, 5, 6])
    with pytest.raises(InputError, match=r"^kernel \(entry 0\)"):
        convolution_matrix(G, X, X, ["x"] * 6)
    with pytest.raises(InputError, match="^on: the action on pairs has 2 orbits"):
        bi_invariant_kernels(G, TupleAction(G, 2), X)
    with pytest.raises(InputError, match="^to: expected an Action of this group"):
        bi_invariant_kernels(G, X, TupleAction(parse_group("S3"), 1))
