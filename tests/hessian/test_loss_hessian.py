"""The exact loss Hessian against sympy, the SBH21 dense formulas, and the Toeplitz bound."""

import random
from fractions import Fraction

import flint
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from lcnalg.errors import InputError, ResourceLimitError
from lcnalg.hessian import (architecture_layers, convolution_layer, dense_hessian_ranks, dense_layer,
                            loss_hessian)
from lcnalg.limits import Limits


def _rand_matrix(rng, rows, cols, lo=-5, hi=5):
    return [[rng.randint(lo, hi) for _ in range(cols)] for _ in range(rows)]


def _data_of_rank(rng, d0, N, r):
    """X = A B with A (d0 × r), B (r × N) random: rank r (checked)."""
    while True:
        A, B = _rand_matrix(rng, d0, r), _rand_matrix(rng, r, N)
        X = [[sum(A[i][k] * B[k][j] for k in range(r)) for j in range(N)] for i in range(d0)]
        if flint.fmpq_mat(d0, N, [e for row in X for e in row]).rank() == r:
            return X


def _random_theta(rng, layers):
    """Nonzero weights: a zero in a width-1 layer is a special point (the ranks drop)."""
    return [[Fraction(rng.choice((-1, 1)) * rng.randint(1, 99), rng.randint(1, 7)) for _ in range(m.num_weights)]
            for m in layers]


def _sympy_hessians(layers, theta, X, Y):
    """H_L by sympy's hessian of the expanded loss; H_o = 2 Jᵀ J with J the Jacobian of the residual."""
    syms = [[sympy.Symbol(f"w{l}_{k}") for k in range(m.num_weights)] for l, m in enumerate(layers)]
    F = None
    for m, s in zip(layers, syms):
        W = sympy.Matrix(m.matrix_entries(s))
        F = W if F is None else W * F
    R = F * sympy.Matrix(X) - sympy.Matrix(Y)
    flat = [v for s in syms for v in s]
    loss = sympy.expand(sum(e ** 2 for e in R))
    point = {v: sympy.Rational(x.numerator, x.denominator) for v, x in zip(flat, (x for t in theta for x in t))}
    HL = sympy.hessian(loss, flat).xreplace(point)     # every symbol a number: xreplace evaluates as subs
    J = sympy.Matrix(list(R)).jacobian(flat).xreplace(point)
    return HL, 2 * J.T * J


def _as_sympy(M):
    return sympy.Matrix(M.nrows(), M.ncols(), lambda i, j: sympy.Rational(int(M[i, j].p), int(M[i, j].q)))


@pytest.mark.parametrize("layers", [
    [dense_layer(2, 3), dense_layer(1, 2)],
    [dense_layer(2, 2), dense_layer(2, 2), dense_layer(2, 2)],
    [convolution_layer((2,), (2,), (4,)), convolution_layer((2,), (1,), (2,))],
    architecture_layers("2x2,2x1"),
])
def test_hessian_equals_sympy(layers):
    rng = random.Random(1)
    theta = _random_theta(rng, layers)
    N = 3
    X, Y = _rand_matrix(rng, layers[0].cols, N), _rand_matrix(rng, layers[-1].rows, N)
    H = loss_hessian(layers, theta, X, Y)
    HL, Ho = _sympy_hessians(layers, theta, X, Y)
    assert _as_sympy(H.loss) == HL
    assert _as_sympy(H.outer) == Ho
    assert _as_sympy(H.functional) == HL - Ho
    # the same Hessian modulo a prime is the reduction of the rational one
    p = 1_000_003
    Hp = loss_hessian(layers, theta, X, Y, modulus=p)
    assert all(int(Hp.loss[i, j]) == int(H.loss[i, j].p) * pow(int(H.loss[i, j].q), -1, p) % p
               for i in range(H.loss.nrows()) for j in range(H.loss.ncols()))


# (input d_0, hidden widths, outputs K, data rank r): r below/above the widths, K below/above
DENSE_CASES = [
    (4, [3], 2, 2), (4, [2], 3, 4), (3, [4], 2, 3), (5, [3, 2], 4, 3), (3, [2, 3], 2, 1),
    (4, [3], 4, 4), (2, [3], 3, 2), (4, [1], 2, 3), (3, [2, 2], 3, 3),
]


@pytest.mark.parametrize("d0,hidden,K,r", DENSE_CASES)
def test_dense_ranks_equal_sbh21(d0, hidden, K, r):
    rng = random.Random(d0 * 100 + K * 10 + r)
    widths = [d0, *hidden, K]
    layers = [dense_layer(widths[l + 1], widths[l]) for l in range(len(widths) - 1)]
    N = r + 2
    X, Y = _data_of_rank(rng, d0, N, r), _rand_matrix(rng, K, N)
    ranks = loss_hessian(layers, _random_theta(rng, layers), X, Y).ranks()
    expected = dense_hessian_ranks(r, K, hidden)
    assert (ranks["outer"], ranks["functional"], ranks["loss"]) == (
        expected["outer"], expected["functional"], expected["loss"]), (ranks, expected)


@settings(max_examples=25, deadline=None)
@given(widths=st.lists(st.integers(1, 4), min_size=3, max_size=5), data=st.data())
def test_dense_ranks_equal_sbh21_random_widths(widths, data):
    d0, K, hidden = widths[0], widths[-1], widths[1:-1]
    r = data.draw(st.integers(1, d0))
    rng = random.Random(data.draw(st.integers(0, 10**6)))
    layers = [dense_layer(widths[l + 1], widths[l]) for l in range(len(widths) - 1)]
    N = r + data.draw(st.integers(0, 2))
    X, Y = _data_of_rank(rng, d0, N, r), _rand_matrix(rng, K, N)
    ranks = loss_hessian(layers, _random_theta(rng, layers), X, Y).ranks()
    expected = dense_hessian_ranks(r, K, hidden)
    assert all(ranks[k] == expected[k] for k in ("outer", "functional", "loss")), (widths, r, N, ranks, expected)


def test_one_layer_functional_part_vanishes():
    """L = 1: the loss is quadratic, H_F = 0, though the functional formula gives s²; H_L and H_o agree."""
    rng = random.Random(3)
    layers = [dense_layer(2, 3)]
    X, Y = _data_of_rank(rng, 3, 4, 2), _rand_matrix(rng, 2, 4)
    ranks = loss_hessian(layers, _random_theta(rng, layers), X, Y).ranks()
    expected = dense_hessian_ranks(2, 2, [])
    assert ranks["functional"] == 0 and expected["functional"] == 4
    assert (ranks["outer"], ranks["loss"]) == (expected["outer"], expected["loss"])


@pytest.mark.parametrize("arch", ["2,2", "3,2 s=2", "2,2,2 s=2,1", "2x2,2x2", "2x2,2x1 s=2x2,1x1", "3,3"])
def test_convolution_ranks_below_toeplitz_bound(arch):
    rng = random.Random(7)
    layers = architecture_layers(arch, None)
    d0 = layers[0].cols
    N = d0 + 1
    X, Y = _rand_matrix(rng, d0, N), _rand_matrix(rng, layers[-1].rows, N)
    ranks = loss_hessian(layers, _random_theta(rng, layers), X, Y).ranks()
    n = sum(m.num_weights for m in layers)
    for part in ("loss", "outer", "functional"):
        assert ranks[part] <= min(ranks["dense_" + part], n)


def test_bad_input_names_the_field():
    layers = [dense_layer(1, 2), dense_layer(1, 1)]
    theta = [[1, 2], [3]]
    with pytest.raises(InputError, match="X"):
        loss_hessian(layers, theta, [[1, 2]], [[1, 2]])
    with pytest.raises(InputError, match="Y"):
        loss_hessian(layers, theta, [[1], [2]], [[1, 2]])
    with pytest.raises(InputError, match="non-finite"):
        loss_hessian(layers, theta, [[float("nan")], [2]], [[1]])
    with pytest.raises(InputError, match="X"):
        loss_hessian(layers, theta, [[], []], [[]])
    with pytest.raises(InputError, match="theta"):
        loss_hessian(layers, [[1], [3]], [[1], [2]], [[1]])
    with pytest.raises(ResourceLimitError, match="max_hessian_entries"):
        loss_hessian(layers, theta, [[1], [2]], [[1]], limits=Limits(max_hessian_entries=8))
