"""Gradient descent: the float network agrees with the exact parameterization, the loss it
reaches for the standard inner product on ``2,2 s=2`` is the Eckart–Young distance, and the
conserved quantities of the flow barely move."""

from __future__ import annotations

from fractions import Fraction

import flint
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg import FunctionSpace
from lcnalg.errors import InputError
from lcnalg.landscape import Dataset, QuadraticLoss
from lcnalg.landscape.descent import ExactCriticalImage, Network, gradient_descent
from lcnalg.parameterization import Parameterization
from tests.strategies import architectures


@settings(max_examples=40, deadline=None)
@given(architectures(max_layers=3, max_size=3, max_ambient=20), st.randoms(use_true_random=False))
def test_float_network_agrees_with_the_exact_parameterization(arch, rnd):
    mu = Parameterization(arch)
    net = Network(mu)
    theta = [rnd.randint(-5, 5) for _ in range(mu.num_parameters)]
    assert net.image(np.array(theta, dtype=float)).tolist() == [float(c) for c in mu.evaluate(theta)]
    exact = mu.jacobian_at(theta)
    jac = net.jacobian(np.array(theta, dtype=float))
    assert jac.tolist() == [[float(exact[i, j]) for j in range(exact.ncols())] for i in range(exact.nrows())]
    # the gradient is 2 J^T Q (mu - u), exactly for integer data
    n = mu.ambient_dimension
    Q = [[rnd.randint(-2, 2) for _ in range(n)] for _ in range(n)]
    Q = [[Q[i][j] + Q[j][i] for j in range(n)] for i in range(n)]
    u = [rnd.randint(-3, 3) for _ in range(n)]
    r = [c - x for c, x in zip(mu.evaluate(theta), u)]
    qr = [sum(Q[i][j] * r[j] for j in range(n)) for i in range(n)]
    grad = [2 * sum(exact[i, k] * qr[i] for i in range(n)) for k in range(mu.num_parameters)]
    loss, g = net.loss_and_gradient(np.array(theta, float), np.array(Q, float), np.array(u, float))
    assert loss == float(sum(ri * qi for ri, qi in zip(r, qr)))
    assert g.tolist() == [float(x) for x in grad]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_standard_inner_product_reaches_the_eckart_young_distance(seed):
    """For ``2,2 s=2`` μ is the outer product ``w1 ⊗ w2``: the function space is the rank-one
    2 x 2 matrices, and the least squared distance from ``u`` is the smaller singular value
    squared (Eckart–Young), an independent route to the global minimum."""
    rng = np.random.default_rng(seed)
    u = rng.integers(-9, 10, size=4).astype(float)
    res = gradient_descent("2,2 s=2", np.eye(4), u, runs=6, seed=seed)
    sigma = np.linalg.svd(u.reshape(2, 2), compute_uv=False)
    assert res.best_loss == pytest.approx(sigma[1] ** 2, rel=1e-6, abs=1e-9)
    assert res.statistics["converged"] == 1.0
    for run in res.runs:
        assert run.loss <= float(u @ u) + 1e-9 or not run.converged


def test_descent_decreases_the_loss_and_conserves_the_differences_of_norms():
    rng = np.random.default_rng(5)
    A = rng.standard_normal((5, 5))
    Q = A @ A.T + np.eye(5)
    u = rng.standard_normal(5)
    coarse = gradient_descent("3,2 s=2", Q, u, runs=4, seed=3, dimension=4, max_step=0.05)
    fine = gradient_descent("3,2 s=2", Q, u, runs=4, seed=3, dimension=4, max_step=0.005)
    res = fine
    assert len(res.runs) == 4
    assert all(len(r.drift) == 1 for r in res.runs)
    # the drift of δ = |w2|^2 - |w1|^2 comes from the finite steps: it shrinks with them
    assert fine.max_drift < coarse.max_drift / 2
    assert fine.best_loss == pytest.approx(coarse.best_loss, rel=1e-5, abs=1e-9)
    assert not res.certified and "experiment" in res.limitations
    assert res.to_json() and res.to_text().startswith("gradient descent on 3,2 s=2")


@settings(max_examples=30, deadline=None)
@given(architectures(max_layers=3, max_size=3, max_ambient=20), st.randoms(use_true_random=False))
def test_gradient_is_tangent_to_the_level_sets_of_the_conserved_quantities(arch, rnd):
    """μ is linear in each layer, so ``<θ_l, ∂ℓ/∂θ_l>`` is the same for every layer (Euler):
    the flow conserves ``|θ_{l+1}|^2 - |θ_l|^2``."""
    mu = Parameterization(arch)
    net = Network(mu)
    theta = np.array([rnd.uniform(-2, 2) for _ in range(mu.num_parameters)])
    n = mu.ambient_dimension
    A = np.array([[rnd.uniform(-1, 1) for _ in range(n)] for _ in range(n)])
    _, g = net.loss_and_gradient(theta, A @ A.T, np.array([rnd.uniform(-3, 3) for _ in range(n)]))
    pairings = [float(theta[lo:hi] @ g[lo:hi]) for lo, hi in net.slices]
    scale = 1 + max(abs(p) for p in pairings)
    assert all(abs(p - pairings[0]) <= 1e-9 * scale for p in pairings)


def test_matching_to_exact_critical_points():
    u = np.array([4.0, 0.0, 0.0, 1.0])  # diag(4, 1): rank-one critical points diag(4,0), diag(0,1), and 0
    exact = [ExactCriticalImage("global minimum", (4.0, 0.0, 0.0, 0.0), 0.0, 1.0, True),
             ExactCriticalImage("saddle", (0.0, 0.0, 0.0, 1.0), 0.0, 16.0),
             ExactCriticalImage("zero", (0.0, 0.0, 0.0, 0.0), 0.0, 17.0)]
    res = gradient_descent("2,2 s=2", np.eye(4), u, runs=8, seed=0, critical_points=exact)
    assert res.statistics["matched to an exact critical point"] == 1.0
    assert res.statistics["at the global minimum (matched)"] == res.statistics["matched: global minimum"]
    assert res.statistics["matched: global minimum"] > 0.5


def test_bad_input():
    with pytest.raises(InputError, match="Q"):
        gradient_descent("2,2 s=2", np.eye(3), [1, 2, 3, 4])
    with pytest.raises(InputError, match="Q"):
        gradient_descent("2,2 s=2", [[1, 2, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]], [1, 2, 3, 4])
    with pytest.raises(InputError, match="u"):
        gradient_descent("2,2 s=2", np.eye(4), [1, 2, float("nan"), 4])
    with pytest.raises(InputError, match="runs"):
        gradient_descent("2,2 s=2", np.eye(4), [1, 2, 3, 4], runs=0)
    with pytest.raises(InputError, match="critical_points"):
        gradient_descent("2,2 s=2", np.eye(4), [1, 2, 3, 4], runs=1, critical_points="x")
    assert gradient_descent("2,2 s=2", np.eye(4), [1, 2, 3, 4], runs=1, seed=-7).runs[0].steps > 0
    with pytest.raises(InputError, match="tolerance"):
        gradient_descent("2,2 s=2", np.eye(4), [1, 2, 3, 4], tolerance="x")
    assert gradient_descent("2,2 s=2", flint.fmpq_mat(4, 4, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]),
                            [Fraction(1, 2), 2, 3, 4], runs=1).runs[0].converged


def test_descent_reports_the_constant_of_a_data_loss():
    # the losses exclude the constant C of the loss; plus C, the least one is the least squared
    # error on the data, which the exact real critical points report as such
    fs = FunctionSpace("2,2 s=2")
    data = Dataset.random("2,2 s=2", 6, seed=2)
    loss = QuadraticLoss.from_data("2,2 s=2", data)
    res = fs.descend(data, runs=6)
    assert res.loss_constant == pytest.approx(float(loss.constant)) and loss.constant > 0
    least = min(float(p.loss_value) for p in fs.real_critical_points(data).points)
    assert res.best_loss + res.loss_constant == pytest.approx(least, rel=1e-6)
    assert f"plus {res.loss_constant:.6g}" in res.to_text()
    assert res.to_dict()["loss_constant"] == res.loss_constant
