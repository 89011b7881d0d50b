"""Gradient-flow trajectories: the conserved quantities stay put, the loss decreases, the
function-space flow w' = -K grad l holds, and bad input is refused by name."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy

pytest.importorskip("scipy")

from lcnalg import InputError, Limits, parameterize
from lcnalg.flow.trajectory import FloatMap, FlowLoss, flow, initial_point
from lcnalg.landscape import Dataset, QuadraticLoss

DATA_1D = Dataset.from_arrays([[1, 2, 0, -1], [0, 1, 5, 2], [2, -3, 1, 1], [4, 0, 1, -2], [1, 1, 1, 1],
                               [3, -1, 2, 0]], [3, -1, 0, 2, 1, -2])


def _small_loss(n, seed=0):
    rng = np.random.default_rng(seed)
    A = rng.standard_normal((n, n))
    return FlowLoss(A @ A.T / n + 0.1 * np.eye(n), rng.standard_normal(n), 1.0, "test")


@pytest.mark.parametrize("arch", ["2,2", "3,2 s=2", "2x2,2x2", "2,2 r=2", "2,2,2 r=2", "3,2 s=2 r=3"])
def test_invariants_do_not_drift(arch):
    mu = parameterize(arch)
    res = flow(mu, _small_loss(mu.ambient_dimension), initial_point(mu, 1, 0.5), t_max=5.0)
    assert res.success and res.message == "reached t_max"
    assert len(res.drift) == mu.architecture.num_layers - 1
    scale = 1 + max(abs(d) for d in res.invariants_initial)
    assert max(res.drift) < 1e-8 * scale
    assert res.loss_non_increasing and res.losses[-1] < res.losses[0]
    assert res.function_space_residual is not None and res.function_space_residual < 1e-3
    # the reported functions are mu of the reported parameters
    fmap = FloatMap(mu)
    assert np.allclose(fmap.image(np.array(res.parameters[-1])), res.functions[-1])


@pytest.mark.parametrize("arch", ["3,2 s=2", "2x2,2x1", "2,2 r=2", "2x1,1x2 r=3"])
def test_float_map_against_exact_jacobian(arch):
    mu = parameterize(arch)
    theta = [Fraction(v, 7) for v in mu.random_point(5, bound=20)]
    J = mu.jacobian_at(theta)
    fmap = FloatMap(mu)
    x = np.array([float(v) for v in theta])
    exact = np.array([[float(Fraction(int(J[i, j].p), int(J[i, j].q))) for j in range(J.ncols())]
                      for i in range(J.nrows())])
    assert np.allclose(fmap.jacobian(x), exact, rtol=1e-12, atol=1e-12)
    assert np.allclose(fmap.image(x), [float(v) for v in mu.evaluate(theta)])


def test_data_loss_linear_matches_landscape():
    """The flow's loss from data against the landscape module's (independent code)."""
    mu = parameterize("2,2,2 s=2,1")
    data = Dataset.random(mu.architecture, 12, seed=4)
    L = FlowLoss.from_data(mu, data)
    Q = QuadraticLoss.from_data(mu.architecture, data)
    Qf = np.array([[float(x) for x in row] for row in Q.Q])
    u = np.array([float(x) for x in Q.u])
    assert np.allclose(L.Q, Qf) and np.allclose(L.b, Qf @ u)
    w = np.arange(mu.ambient_dimension, dtype=float) / 3
    assert L.value(w) == pytest.approx(float(Q.loss(list(map(Fraction, w.tolist())))), rel=1e-9)


def test_data_loss_polynomial_against_the_form():
    """Sum (f(x) - y)^2 with f the network's output form (sympy) against w^T Q w - 2 b^T w + c."""
    mu = parameterize("2,2 r=2")
    data = Dataset.from_arrays([[1, 2, 0], [0, 1, 5], [2, -3, 1], [4, 0, 1]], [3, -1, 0, 2])
    theta = [1, -2, 3, 1]
    f = mu.form(theta)
    xs = sympy.symbols("x0 x1 x2")
    exact = sum((f.subs(dict(zip(xs, x))) - y[0]) ** 2 for x, y in zip(data.inputs, data.targets))
    L = FlowLoss.from_data(mu, data)
    w = np.array([float(v) for v in mu.evaluate(theta)])
    assert L.value(w) == pytest.approx(float(exact), rel=1e-12)


def test_stops_with_the_reason():
    mu = parameterize("2,2")
    res = flow(mu, _small_loss(3), [0.5, 0.1, -0.3, 0.2], t_max=50.0, limits=Limits(max_flow_evaluations=200))
    assert not res.success and "200 right-hand-side evaluations" in res.message
    assert "max_flow_evaluations" in res.message and res.times[0] == 0.0
    # a flow that blows up in finite time (l = -||w||^2) stops instead of hanging
    bad = FlowLoss(-np.eye(3), np.zeros(3), 0.0, "concave")
    res = flow(mu, bad, [1.0, 0.5, 1.0, -0.5], t_max=100.0, limits=Limits(max_flow_evaluations=20000))
    assert not res.success and res.message
    assert "STOPPED" in res.to_text()


@pytest.mark.parametrize("kwargs, field", [
    ({"t_max": -1.0}, "t_max"), ({"t_max": math.inf}, "t_max"), ({"t_max": math.nan}, "t_max"),
    ({"t_max": "x"}, "t_max"), ({"rtol": 0.0}, "rtol"), ({"samples": 1}, "samples"),
    ({"init": [1.0, 2.0, 3.0]}, "init"), ({"init": [1.0, math.nan, 0.0, 1.0]}, "init"),
    ({"init": [[1.0, 2.0], [3.0, math.inf]]}, "init"), ({"init": [[1.0], [2.0, 3.0]]}, "init"),
    ({"init": "abc"}, "init"), ({"loss": FlowLoss.identity([1.0, 2.0])}, "loss"),
])
def test_bad_input_names_the_field(kwargs, field):
    mu = parameterize("2,2")
    args = {"loss": FlowLoss.identity([1.0, 0.0, 1.0]), "init": [1.0, 0.5, 0.2, 0.1]}
    args.update(kwargs)
    loss, init = args.pop("loss"), args.pop("init")
    with pytest.raises(InputError, match=f"^{field}"):
        flow(mu, loss, init, **args)


def test_data_that_do_not_fit():
    mu = parameterize("3,2")
    with pytest.raises(InputError, match="inputs"):
        FlowLoss.from_data(mu, DATA_1D.__class__.from_arrays([[1, 2, 3]], [1]))


def test_plot_flow(tmp_path):
    pytest.importorskip("matplotlib")
    from lcnalg.plot import plot_flow

    mu = parameterize("2,2,2 r=2")
    res = flow(mu, _small_loss(mu.ambient_dimension), initial_point(mu, 2, 0.5), t_max=1.0, samples=21)
    out = plot_flow(res, tmp_path / "flow.png")
    assert out.stat().st_size > 0


def test_higher_precision_agrees_and_drifts_less():
    """mpmath's Taylor method at 100 bits against DOP853: same trajectory, drift near 2^-100."""
    mu = parameterize("2,2")
    loss = FlowLoss.identity([1.0, -1.0, 2.0])
    lo = flow(mu, loss, [1.0, 0.5, 0.3, -0.2], t_max=0.5, samples=3)
    hi = flow(mu, loss, [1.0, 0.5, 0.3, -0.2], t_max=0.5, samples=3, precision=100)
    assert hi.success and "100 bits" in hi.method
    assert np.allclose(lo.parameters[-1], hi.parameters[-1], rtol=1e-8, atol=1e-9)
    assert max(hi.drift) < 1e-25
    with pytest.raises(InputError, match="^precision"):
        flow(mu, loss, [1.0, 0.5, 0.3, -0.2], precision=20)
