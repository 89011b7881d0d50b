"""The metric K = J J^T: pairs with equal (w, delta) and different K, re-checked by an independent
route (sympy with the square roots of the scales, or float64 with numpy's roots)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy

from lcnalg import FunctionSpace, parameterize
from lcnalg.flow.metric import compare_metrics, metric, metric_tensor, paper_claim_applies


def _sympy_check(mu, pair):
    """Rebuild g.q with c_l = sqrt(t_l) in sympy; check mu, delta equal and K different, exactly."""
    names = sympy.symbols(mu.parameter_names)
    coords = [sympy.sympify(str(c).replace("^", "**")) for c in mu.coordinates]
    t = [sympy.Rational(v) for v in pair.scales_squared]
    q = [sympy.Rational(v) for v in pair.other_base]
    theta = [sympy.Rational(v) for v in pair.point]
    other = []
    for (lo, hi), tl in zip(mu.layer_slices, t):
        other += [sympy.sqrt(tl) * v for v in q[lo:hi]]
    r = mu.architecture.activation or 1
    # the sign pattern: c_L = 1/prod(...) must make prod c_l = 1 for r = 1 (all c_l > 0 here)
    sub = lambda pt: dict(zip(names, pt))
    w1 = [sympy.nsimplify(c.subs(sub(theta))) for c in coords]
    w2 = [sympy.radsimp(sympy.expand(c.subs(sub(other)))) for c in coords]
    assert all(sympy.simplify(a - b) == 0 for a, b in zip(w1, w2))
    norms = lambda pt: [sum(v ** 2 for v in pt[lo:hi]) for lo, hi in mu.layer_slices]
    n1, n2 = norms(theta), norms(other)
    for l in range(len(n1) - 1):
        assert sympy.simplify((r * n1[l + 1] - n1[l]) - (r * n2[l + 1] - n2[l])) == 0
    J = sympy.Matrix([[sympy.diff(c, v) for v in names] for c in coords])
    K1 = (J * J.T).subs(sub(theta))
    K2 = (J * J.T).subs(sub(other)).applyfunc(lambda e: sympy.radsimp(sympy.expand(e)))
    assert K1 != K2
    assert K1 == sympy.Matrix([[sympy.Rational(v) for v in row] for row in pair.metric])
    assert K2 == sympy.Matrix([[sympy.Rational(v) for v in row] for row in pair.other_metric])


def _float_check(mu, pair):
    """float64: recover t from the roots of the scales polynomial, rebuild g.q, compare."""
    theta = np.array([float(sympy.Rational(v)) for v in pair.point])
    q = np.array([float(sympy.Rational(v)) for v in pair.other_base])
    t1 = float(pair.scales_squared[0].strip("[").split()[0])
    r = mu.architecture.activation or 1
    a = [float(q[lo:hi] @ q[lo:hi]) for lo, hi in mu.layer_slices]
    d = [float(sympy.Rational(v)) for v in pair.delta]
    t = [t1]
    for l in range(len(a) - 1):
        t.append((d[l] + a[l] * t[l]) / (r * a[l + 1]))
    other = np.concatenate([math.sqrt(tl) * q[lo:hi] for (lo, hi), tl in zip(mu.layer_slices, t)])
    w1 = np.array([float(x) for x in mu.evaluate([sympy.Rational(v) for v in pair.point])])
    from lcnalg.landscape.descent import Network
    net = Network(mu)
    assert np.allclose(net.image(other), w1, rtol=1e-9, atol=1e-9)
    J1, J2 = net.jacobian(theta), net.jacobian(other)
    assert np.abs(J1 @ J1.T - J2 @ J2.T).max() == pytest.approx(pair.max_difference, rel=1e-6)
    assert pair.max_difference > 1e-3


@pytest.mark.parametrize("arch", ["2,2", "3,3", "2,2,2", "2x2,2x2", "2x3,2x3"])
def test_swaps_exact_pair(arch):
    mu = parameterize(arch)
    res = metric(mu, seed=2)
    assert res.locally_determined and res.globally_determined is False
    assert res.counterexample.exact and "swapped" in res.counterexample.description
    _sympy_check(mu, res.counterexample)


@pytest.mark.parametrize("arch", ["3,2", "4,2", "3,2,2"])
def test_root_regrouping_1d_stride_one(arch):
    mu = parameterize(arch)
    res = metric(mu, seed=5)
    assert res.globally_determined is False
    pair = res.counterexample
    if pair.exact:
        _sympy_check(mu, pair)
    else:
        _float_check(mu, pair)


def test_special_point_of_strided_filter():
    """(1 - z^2)(z^2 - 2)(z^2 - 3) for 3,3 s=2: two factorizations, equal delta, different K."""
    mu = parameterize("3,3 s=2")
    pair = compare_metrics(mu, [1, 0, -1, 6, -5, 1], [-2, 0, 1, -3, 4, -1])
    assert pair is not None and not pair.exact
    z = sympy.Symbol("z")
    assert sympy.Poly(sympy.expand((1 - z**2) * (z**2 - 2) * (z**2 - 3)), z).all_coeffs()[::-1] == \
        [int(v) for v in pair.filter]
    _float_check(mu, pair)


@pytest.mark.parametrize("arch, globally", [("3,3 s=2", True), ("3,2 s=2", True), ("2x3,3x2", True)])
def test_special_pairs_found(arch, globally):
    """Generic determinacy (proved by elimination for small two-layer networks, or from a
    generic fibre of one orbit) coexists with special filters where two factorizations with
    equal delta have different K."""
    mu = parameterize(arch)
    res = metric(mu, seed=1)
    assert res.counterexample is None and res.globally_determined is globally
    assert res.special_counterexample is not None and res.special_set
    pair = res.special_counterexample
    (_sympy_check if pair.exact else _float_check)(mu, pair)


@pytest.mark.parametrize("arch", ["2,2", "2,2 s=2", "2x1,1x2", "2,2 r=2", "3,2 r=3"])
def test_same_branch_same_metric(arch):
    """Rescaling a point and rescaling back to the same delta gives the same K (no pair)."""
    mu = parameterize(arch)
    theta = list(mu.random_point(3, bound=9))
    assert compare_metrics(mu, theta, theta) is None
    L = mu.architecture.num_layers
    flipped = list(theta)
    lo, hi = mu.layer_slices[0]
    flipped[lo:hi] = [-v for v in theta[lo:hi]]
    if (mu.architecture.activation or 1) % 2 == 1:   # the sign has to be compensated in layer 2
        lo2, hi2 = mu.layer_slices[1]
        flipped[lo2:hi2] = [-v for v in theta[lo2:hi2]]
    assert compare_metrics(mu, theta, flipped) is None
    assert L >= 2


def test_metric_tensor_against_float_jacobian():
    mu = parameterize("3,2 s=2")
    from lcnalg.landscape.descent import Network
    J = Network(mu).jacobian(np.array([1.0, -2.0, 3.0, 5.0, 7.0]))
    K = metric_tensor(mu, [1, -2, 3, 5, 7])
    assert np.allclose(np.array([[float(K[i, j].p) / float(K[i, j].q) for j in range(K.ncols())]
                                 for i in range(K.nrows())]), J @ J.T)


def test_paper_setting_and_function_space():
    from lcnalg import Architecture
    assert paper_claim_applies(Architecture.parse("2,2 s=2")) and not paper_claim_applies(Architecture.parse("2,2"))
    assert paper_claim_applies(Architecture.parse("2x2,2x2"))
    res = FunctionSpace("2x2,2x2").metric()
    assert res.paper_claim_applies and res.globally_determined is False   # the claim needs a qualifier
    assert res.to_json() and "K = J" in res.to_latex() or "K =" in res.to_latex()


@pytest.mark.parametrize("arch", ["2,2 s=2", "2x1,1x2", "2,2 s=3"])
def test_globally_determined_by_elimination(arch):
    """[AKR25]'s setting: here K is proved a function of (w, delta) at generic w."""
    res = metric(parameterize(arch))
    assert res.paper_claim_applies and res.globally_determined is True and res.status == "certified"
    assert "rational function" in res.argument


@pytest.mark.parametrize("arch, certified", [("2,2,2 s=2,2", True), ("3,2,2 s=2,2", True), ("2,2 r=2", False),
                                             ("2,2,2 s=2,1 r=2", False)])
def test_globally_determined_from_a_generic_fibre_of_one_orbit(arch, certified):
    """|F| = 1: real points with the same generic w differ by a real rescaling, and equal delta
    forces it to be a sign change, which keeps K (docs/theory.md#metric-fibre).  Independent
    check: random real rescalings of a point, rescaled back to equal delta by the exact
    univariate solver, give the same K."""
    import random
    from fractions import Fraction

    mu = parameterize(arch)
    res = metric(mu, seed=2)
    assert res.globally_determined is True and res.counterexample is None
    assert "one rescaling orbit" in res.argument
    assert res.certified is certified
    rng = random.Random(4)
    theta = list(mu.random_point(5, bound=9))
    degrees = mu.layer_degrees
    for _ in range(3):
        s = [Fraction(rng.randint(1, 9), rng.randint(1, 9)) * rng.choice([-1, 1]) for _ in degrees[:-1]]
        last = 1 / math.prod(x ** d for x, d in zip(s, degrees))   # d_L = 1: prod s_l^{d_l} = 1
        scales = s + [last]
        other = [v * scales[l] for l, (lo, hi) in enumerate(mu.layer_slices) for v in theta[lo:hi]]
        assert mu.evaluate(other) == mu.evaluate(theta)
        assert compare_metrics(mu, theta, other) is None


@pytest.mark.parametrize("arch", ["2,2 r=2", "3,2 r=2", "2,2,2 r=2", "2,2 s=2 r=3", "2x2,2x1 r=2", "3,3 s=2 r=2"])
def test_local_rank_of_a_polynomial_network_is_the_exact_rank(arch):
    """With a monomial activation the rank of ``(μ, δ)`` is taken modulo a prime with ``Jμ``
    evaluated at random inputs (``E·Jμ``: its rows lie in the row space of ``Jμ``); it is the
    exact rank over Q of the whole Jacobian stacked with the gradients of ``δ`` at an
    independent random point (both are the generic rank)."""
    import random

    import flint

    from lcnalg.flow.invariants import conserved_quantities

    mu = parameterize(arch)
    n = mu.num_parameters
    rng = random.Random(7)
    point = [rng.randint(-50, 50) for _ in range(n)]
    pt = [flint.fmpz(v) for v in point]
    rows = mu.jacobian_at(point).tolist()
    for h in conserved_quantities(mu):
        rows.append([flint.fmpq(h.derivative(j)(*pt)) for j in range(n)])
    exact = flint.fmpq_mat(rows).rank()
    res = metric(mu)
    assert res.jacobian_rank == exact and res.locally_determined == (exact == n)
    assert "rank modulo p" in res.method


@pytest.mark.parametrize("arch", ["2,2 r=2", "2,2,2 r=3", "2x2,2x2 r=2"])
def test_evaluation_jacobian_rows_lie_in_the_row_space_of_the_jacobian(arch):
    mu = parameterize(arch)
    p = 1_000_003
    theta = list(range(2, mu.num_parameters + 2))
    J = mu.jacobian_at(theta, p)
    E = mu.evaluation_jacobian(theta, p, seed=3)
    import flint

    both = flint.nmod_mat(J.tolist() + E.tolist(), p)
    assert E.nrows() == E.ncols() == mu.num_parameters
    assert both.rank() == J.rank() == E.rank()
