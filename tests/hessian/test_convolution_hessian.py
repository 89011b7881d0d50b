"""The Hessian of linear CNNs with channels, assembled in the weights: against the channel
parameterization, the dense-entry route, sympy, the SBH21 formulas, and its own proved bounds."""

import random
from fractions import Fraction

import flint
import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings, strategies as st

from lcnalg import ChannelParameterization
from lcnalg.errors import InputError, LCNAlgError, ResourceLimitError
from lcnalg.hessian import (LinearLayer, convolution_hessian, convolution_layers, dense_hessian_ranks, hessian_rank,
                            loss_hessian)
from lcnalg.limits import Limits
from tests.test_channel_parameterization import channel_architectures

P = (1 << 61) - 1


def _point(layers, seed, N=3):
    rng = random.Random(seed)
    theta = [[Fraction(rng.randint(-6, 6) or 1, rng.randint(1, 3)) for _ in range(m.num_weights)] for m in layers]
    X = [[rng.randint(-4, 4) for _ in range(N)] for _ in range(layers[0].cols)]
    Y = [[rng.randint(-4, 4) for _ in range(N)] for _ in range(layers[-1].rows)]
    return theta, X, Y


def _matrix(layer, weights):
    return flint.fmpq_mat([[flint.fmpq(Fraction(e).numerator, Fraction(e).denominator) for e in row]
                           for row in LinearLayer(layer.rows, layer.cols, layer.positions()).matrix_entries(weights)])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arch=channel_architectures(), seed=st.integers(0, 10**6))
def test_product_of_layer_matrices_is_the_channel_parameterization(arch, seed):
    layers = convolution_layers(arch)
    theta, _, _ = _point(layers, seed)
    F = None
    for layer, w in zip(layers, theta):
        F = _matrix(layer, w) if F is None else _matrix(layer, w) * F
    mu = ChannelParameterization(arch)
    values = mu.evaluate([w for t in theta for w in t])
    assert [F[o, c] for o in range(F.nrows()) for c in range(F.ncols())] == [
        flint.fmpq(v.numerator, v.denominator) if isinstance(v, Fraction) else flint.fmpq(v) for v in values]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arch=channel_architectures(max_layers=3), out=st.integers(1, 2), seed=st.integers(0, 10**6))
def test_structured_hessian_equals_the_dense_entry_route(arch, out, seed):
    layers = convolution_layers(arch, (out,) * arch.ndim)
    theta, X, Y = _point(layers, seed)
    H = convolution_hessian(layers, theta, X, Y)
    D = loss_hessian([LinearLayer(m.rows, m.cols, m.positions()) for m in layers], theta, X, Y)
    assert (H.loss(), H.outer(), H.functional()) == (D.loss, D.outer, D.functional)


@pytest.mark.parametrize("arch,out", [("2,2 c=1,2,2", None), ("2,2 s=2 c=2,2,1", (2,)),
                                      ("2x1,1x2 s=2x1 c=1,2,2", (2, 1)), ("2,1,2 s=2,1 c=1,2,2,1", None)])
def test_against_sympy_hessian_of_the_expanded_loss(arch, out):
    layers = convolution_layers(arch, out)
    syms = [[sp.Symbol(f"t{l}_{a}") for a in range(m.num_weights)] for l, m in enumerate(layers)]
    F = sp.eye(layers[-1].rows)
    for m, ws in zip(layers[::-1], syms[::-1]):
        T = sp.zeros(m.rows, m.cols)
        for w, pos in zip(ws, m.positions()):
            for i, j in pos:
                T[i, j] += w
        F = F * T
    theta, X, Y = _point(layers, 7, N=2)
    E = F * sp.Matrix(X) - sp.Matrix(Y)
    flat = [s for ws in syms for s in ws]
    values = {s: sp.Rational(w.numerator, w.denominator) for ws, t in zip(syms, theta) for s, w in zip(ws, t)}
    expected = sp.hessian(sum(e ** 2 for e in E), flat).xreplace(values)   # every symbol a number: as subs
    H = convolution_hessian(layers, theta, X, Y).loss()
    assert all(sp.Rational(str(H[i, j])) == expected[i, j] for i in range(len(flat)) for j in range(len(flat)))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arch=channel_architectures(max_layers=3), seed=st.integers(0, 10**6))
def test_sketch_modular_and_exact_ranks(arch, seed):
    layers = convolution_layers(arch)
    theta, X, Y = _point(layers, seed)
    Hq = convolution_hessian(layers, theta, X, Y)
    Hp = convolution_hessian(layers, theta, X, Y, modulus=P)
    exact = {"loss": Hq.loss().rank(), "outer": Hq.outer().rank(), "functional": Hq.functional().rank()}
    modular = {"loss": Hp.loss().rank(), "outer": Hp.outer().rank(), "functional": Hp.functional().rank()}
    n = Hq.num_weights
    sketched = Hp.sketched_ranks(upper=n, seed=seed)
    narrow = Hp.sketched_ranks(upper=max(exact.values()), seed=seed + 1)
    assert sketched == modular == exact == narrow
    assert exact["outer"] == Hq.jacobian.rank()
    # a sketch narrower than the rank stays a lower bound
    if exact["loss"] >= 2:
        assert Hp.sketched_ranks(upper=exact["loss"] - 2, seed=seed)["loss"] <= exact["loss"]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arch=channel_architectures(max_layers=3), seed=st.integers(0, 10**6),
       method=st.sampled_from(["exact", "modular", "sketch"]))
def test_ranks_never_exceed_the_proved_bounds(arch, seed, method):
    r = hessian_rank(arch, seed=seed, method=method)
    for name, bound in r.bounds.items():
        if bound["status"] == "proved":
            for part in ("loss", "outer", "functional"):
                assert r.answer()[part] <= bound[part], (name, part)
    assert (r.failure_probability is not None) == (method == "sketch")


@pytest.mark.parametrize("arch,samples", [("3,1 c=1,4,2", 2), ("3,1 c=1,4,2", 6), ("2,1 c=2,3,5", 3),
                                          ("2,1 c=2,3,5", 8), ("2,1,1 c=1,3,2,4", 5), ("4,1 c=1,2,3", 3),
                                          ("2x2,1x1 c=1,3,2", 2), ("2x2,1x1 c=1,3,2", 9)])
def test_dense_channel_networks_meet_the_sbh21_formulas(arch, samples):
    # first filter covers the whole input and later filters have size one: a dense linear network
    r = hessian_rank(arch, samples=samples, seed=4)
    layers = convolution_layers(arch)
    assert all(m.num_weights == m.rows * m.cols for m in layers)
    f = dense_hessian_ranks(r.data_rank, layers[-1].rows, [m.rows for m in layers[:-1]])
    assert r.answer() == {k: min(v, r.num_parameters) for k, v in f.items()}
    assert r.certified


def test_channel_function_space_bounds_the_outer_part():
    from lcnalg import FunctionSpace

    fs = FunctionSpace("2,2 s=2 c=1,3,2", seed=2)
    r = fs.hessian_rank(samples=9)
    assert r.rank_outer <= r.bounds["function_space"]["outer"] == fs.dimension.value


def test_bad_input_and_limits():
    with pytest.raises(InputError, match="method"):
        hessian_rank("2,2", method="svd")
    with pytest.raises(LCNAlgError, match="channels"):
        convolution_layers("2,2 c=1,2")
    with pytest.raises(InputError, match="modulus"):
        convolution_hessian(convolution_layers("2,2"), [[1, 1], [1, 1]], [[1], [1], [1]], [[1]], modulus=4)
    with pytest.raises(InputError, match="theta"):
        convolution_hessian(convolution_layers("2,2"), [[1], [1, 1]], [[1], [1], [1]], [[1]])
    with pytest.raises(InputError, match="rows"):
        convolution_hessian(convolution_layers("2,2"), [[1, 1], [1, 1]], [[1], [1]], [[1]])
    with pytest.raises(ResourceLimitError, match="max_hessian_entries"):
        hessian_rank("3,3,3 c=1,64,64,1")
    with pytest.raises(ResourceLimitError, match="max_hessian_entries"):
        hessian_rank("3,3 c=1,40,1", method="exact", limits=Limits(max_hessian_entries=1000))
