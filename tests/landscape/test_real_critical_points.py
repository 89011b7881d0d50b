"""Real critical points of the loss, exactly: Eckart–Young for the standard inner product on
``2,2 s=2``, repeated filters at stride one, agreement with gradient descent and with the
complex count."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg import FunctionSpace
from lcnalg.errors import InputError, ResourceLimitError
from lcnalg.landscape import QuadraticLoss, critical_points, gradient_descent
from lcnalg.landscape.real_critical_points import real_critical_points
from lcnalg.limits import Limits


def loss_ball(point) -> tuple[float, float]:
    value = point.loss_value
    return value, 1e-9 * (1 + abs(value))


@settings(max_examples=12, deadline=None)
@given(st.lists(st.integers(-9, 9), min_size=4, max_size=4))
def test_standard_inner_product_on_rank_one_matrices_is_eckart_young(u):
    """``2,2 s=2`` maps onto the rank-one 2 x 2 matrices: for ``Q = I`` the critical points with
    μ regular are the two rank-one truncations of the SVD of ``u``: the minimum at loss
    ``σ_2²`` and a saddle at ``σ_1²`` (when ``σ_1 > σ_2 > 0``)."""
    sigma = np.linalg.svd(np.array(u, dtype=float).reshape(2, 2), compute_uv=False)
    if sigma[1] < 1e-6 or sigma[0] - sigma[1] < 1e-6:
        return  # not generic: a zero or repeated singular value
    res = real_critical_points("2,2 s=2", QuadraticLoss.identity(u))
    regular = [p for p in res.points if not p.mu_critical]
    assert [p.kind for p in regular] == ["minimum", "saddle"]
    assert regular[0].loss_value == pytest.approx(sigma[1] ** 2, rel=1e-9)
    assert regular[1].loss_value == pytest.approx(sigma[0] ** 2, rel=1e-9)
    assert regular[0].least_loss and not regular[1].least_loss
    assert regular[0].signature == (3, 0, 0) and regular[1].signature == (2, 1, 0)


def test_stride_one_minimum_repeats_the_filter_when_the_target_has_no_real_roots():
    """For ``2,2`` the function space is the quadratics with real roots; for a target without
    real roots the best approximation has a double root: the two layers repeat one filter
    ([KMMT22]), a point where μ is critical.  Every μ-critical point of two layers of size 2 is a
    shared root, which for linear factors is a repeated filter: the exact rank and the exact
    proportionality test agree."""
    res = real_critical_points("2,2", QuadraticLoss.identity([1, 1, 1]))
    least = [p for p in res.points if p.least_loss]
    assert least and all(p.kind == "minimum" and p.mu_critical and p.repeated_filters == ((1, 2),)
                         for p in least)
    for p in res.points:
        assert p.mu_critical == bool(p.repeated_filters)
        assert p.mu_critical == (p.jacobian_rank < res.dimension)


@pytest.mark.parametrize("arch, loss", [
    ("2,2 s=2", QuadraticLoss.generic(4, seed=1)),
    ("2,2", QuadraticLoss.identity([1, 1, 1])),
    ("2,2", QuadraticLoss.generic(3, seed=4)),
])
def test_gradient_descent_reaches_the_least_exact_critical_value(arch, loss):
    res = real_critical_points(arch, loss)
    least = min(p.loss_value for p in res.points)
    Q = np.array([[float(x) for x in row] for row in loss.Q])
    u = np.array([float(x) for x in loss.u])
    descent = gradient_descent(arch, Q, u, runs=4, seed=2, max_steps=3000, tolerance=1e-7)
    assert descent.best_loss + float(loss.constant) == pytest.approx(least, rel=1e-3, abs=1e-4)


@pytest.mark.parametrize("arch, loss", [
    ("2,2 s=2", QuadraticLoss.generic(4, seed=3)),
    ("2,2", QuadraticLoss.generic(3, seed=3)),
    ("2,2 s=2", QuadraticLoss.identity([3, 1, -2, 5])),
])
def test_real_points_are_among_the_counted_complex_points(arch, loss):
    res = real_critical_points(arch, loss)
    count = critical_points(arch, loss)
    regular = [p for p in res.points if not p.mu_critical]
    assert len(regular) <= count.distinct_critical_points
    assert len(regular) % 2 == count.distinct_critical_points % 2  # non-real points come in pairs
    assert len(res.points) <= res.complex_solutions


@pytest.mark.parametrize("arch, seed", [("2,2 s=2", 1), ("3,2 s=2", 2), ("1x2,2x1 s=2x2", 0)])
def test_kmst24_every_real_critical_point_of_strided_generic_data_is_in_the_smooth_interior(arch, seed):
    """[KMST24] for strides > 1 and generic data, checked point by point: μ regular at the real
    point and the implicit equations' Jacobian of full rank at its image (a proof of smooth
    interior); the images satisfy the equations (balls contain 0)."""
    fs = FunctionSpace(arch, seed=seed)
    res = fs.real_critical_points("generic")
    assert res.points and all(p.location == "smooth interior" and not p.mu_critical for p in res.points)
    assert [p.kind for p in res.points if p.least_loss] == ["minimum"]
    assert len(res.points) <= fs.critical_points("generic").distinct_critical_points
    eqs = fs.implicit_equations()
    import flint

    for p in res.points:
        image = [flint.arb(x) for x in p.image]
        for g in eqs.polynomials:
            value = sum((flint.arb(int(c)) * np.prod([image[i] ** int(k) for i, k in enumerate(e)])
                         for e, c in g.to_dict().items()), flint.arb(0))
            assert value.contains(0) or abs(float(value.mid())) < 1e-6 * (1 + max(abs(float(x.mid())) for x in image)) ** int(g.total_degree())


def test_location_needs_equations_off_the_filling_case():
    res = real_critical_points("2,2 s=2", QuadraticLoss.generic(4, seed=1))
    assert {p.location for p in res.points} == {"not decided"}
    filling = real_critical_points("2,2", QuadraticLoss.generic(3, seed=1))
    assert {p.location for p in filling.points} == {"smooth interior", "mu critical, boundary of M"}
    with pytest.raises(InputError, match="equations"):
        real_critical_points("2,2 s=2", QuadraticLoss.generic(4, seed=1),
                             equations=FunctionSpace("3,2 s=2").implicit_equations())


def test_strided_mu_critical_point_says_whether_its_image_is_singular_on_v():
    """3,2 s=2 with the target p = (z^2 - 2)(z^2 - 2): the layers repeat a hyperroot, mu is
    critical at the zero-loss point, and its image is a singular point of V (the certified
    cubic's gradient vanishes there); M != V(R) here, and the root-orbit type places it on the
    boundary of M relative to V(R): (z^2 - 2)^2 + e^2 = (z^2 - 2 - ie)(z^2 - 2 + ie) is in
    V(R) \\ M for every e != 0 (a complex layer z^2 - 2 - ie; checked by orbit_member)."""
    from lcnalg import Architecture
    from lcnalg.real.orbit_description import orbit_member
    from lcnalg import Parameterization

    theta = [[-2, 0, 1], [-2, 1]]
    u = list(Parameterization("3,2 s=2").evaluate(theta))
    fs = FunctionSpace("3,2 s=2")
    assert fs.is_zariski_closed().closed is False
    res = fs.real_critical_points(QuadraticLoss.identity(u))
    zero = [p for p in res.points if p.loss == "0"]
    assert len(zero) == 1 and zero[0].mu_critical and zero[0].shared_roots == ((1, 2),)
    assert zero[0].location == "mu critical, boundary of M (relative to V(R)), singular point of V"
    for e in (1, Fraction(1, 100), Fraction(1, 10**6)):
        w = orbit_member(Architecture.parse("3,2 s=2"), [u[0] + e * e] + list(u[1:]))
        assert w.in_variety and not w.in_function_space
    # independent check: the gradient of the equation vanishes at u
    (eq,) = fs.implicit_equations().polynomials
    assert all(eq.derivative(i)(*u) == 0 for i in range(len(u)))
    assert all(p.location.startswith(("mu critical, interior of M (relative to V(R))",
                                      "mu critical, boundary of M (relative to V(R))"))
               for p in res.points if p.mu_critical)


@pytest.mark.parametrize("arch, loss", [
    ("2,3", QuadraticLoss.generic(4, seed=2)),
    ("3,2", QuadraticLoss.identity([1, 0, 2, 1])),
    ("2,2", QuadraticLoss.identity([1, 1, 1])),
])
def test_stride_one_mu_is_critical_exactly_where_two_layers_share_a_root(arch, loss):
    """Two exact routes: the rank of the Jacobian of μ and the Sylvester matrices of the layer
    polynomials (stride one: the differential of the product drops rank iff two factors share a
    root, projectively)."""
    res = real_critical_points(arch, loss)
    assert res.points
    for p in res.points:
        assert p.mu_critical == bool(p.shared_roots)
        assert set(p.repeated_filters) <= set(p.shared_roots)


def test_facade_and_result():
    fs = FunctionSpace("2,2 s=2", seed=1)
    res = fs.critical_points("identity", real=True)
    assert res.real_critical_points == fs.real_critical_points("identity").points
    assert "real points" in res.to_text()
    assert res.to_json()
    assert fs.critical_points("identity").real_critical_points is None
    assert real_critical_points("2,2 s=2", QuadraticLoss.identity([4, 0, 0, 1])).to_latex().startswith("\\begin")


def test_bad_input_and_bounds():
    with pytest.raises(InputError, match="loss"):
        real_critical_points("2,2 s=2", "generic")
    with pytest.raises(ResourceLimitError, match="max_real_critical_solutions"):
        real_critical_points("3,3 s=2", QuadraticLoss.generic(7, seed=0))
    with pytest.raises(ResourceLimitError, match="max_real_critical_solutions"):
        real_critical_points("2,2 s=2", QuadraticLoss.generic(4, seed=0), limits=Limits(max_real_critical_solutions=26))


def test_the_zero_function_is_reported_with_its_exact_loss():
    """θ = 0 is critical for every loss when L >= 2 (the gradient system vanishes there, exactly),
    and its loss is the loss form at w = 0."""
    from fractions import Fraction

    from lcnalg import FunctionSpace
    from lcnalg.landscape import QuadraticLoss
    from lcnalg.parameterization import Parameterization

    loss = QuadraticLoss.generic(4, seed=3)
    res = FunctionSpace("2,2 s=2").real_critical_points(loss)
    n = len(loss.u)
    at_zero = sum(Fraction(loss.u[i]) * Fraction(loss.Q[i][j]) * Fraction(loss.u[j]) for i in range(n)
                  for j in range(n)) + Fraction(loss.constant)
    assert Fraction(res.zero_loss) == at_zero == loss.loss([0] * n) and "zero: theta = 0" in res.to_text()
    # the gradient J(0)^T Q (mu(0) - u) vanishes: the Jacobian of mu is zero at theta = 0
    mu = Parameterization("2,2 s=2")
    assert mu.jacobian_at([0] * mu.num_parameters).rank() == 0
    assert FunctionSpace("5").real_critical_points(QuadraticLoss.generic(5, seed=1)).zero_loss is None


@pytest.mark.parametrize("arch", ["2,2", "2,3", "3,2"])
def test_location_of_mu_critical_points_against_random_perturbations(arch):
    """Stride one: the exact parity rule (interior iff enough real roots of odd multiplicity)
    against floating-point perturbations of the image: an interior point keeps at least m real
    roots under every small perturbation, a boundary point loses them under some."""
    import numpy as np

    from lcnalg import Architecture, FunctionSpace

    a = Architecture.parse(arch)
    m = sum(1 for (k,) in a.filters if (k - 1) % 2)
    rng = np.random.default_rng(0)
    seen = set()
    for loss in ("identity", "generic"):
        for p in FunctionSpace(arch).real_critical_points(loss).points:
            if not p.mu_critical:
                assert p.location in ("smooth interior", "not decided")
                continue
            assert p.location in ("mu critical, interior of M", "mu critical, boundary of M")
            w = np.array(p.image_values)
            outside = 0
            for _ in range(300):
                q = w + 1e-6 * np.abs(w).max() * rng.standard_normal(len(w))
                roots = np.roots(q[::-1])
                real = int(np.sum(np.abs(roots.imag) <= 1e-9 * (1 + np.abs(roots))))
                outside += real < m
            assert (outside == 0) == p.location.endswith("interior of M"), (p.location, outside)
            seen.add(p.location)
    assert seen


@pytest.mark.parametrize("arch", ["2x1,2x1", "1x2,1x2", "2x1,3x1", "1x2,2x1"])
def test_2d_stride_one_mu_is_critical_exactly_where_two_layers_share_a_factor(arch):
    """Two exact routes in 2D: the rank of the Jacobian of μ and the kernel of
    (U, V) ↦ U P_b + P_a V (a common factor of two layer polynomials)."""
    from lcnalg import FunctionSpace

    seen = set()
    for loss in ("identity", "generic"):
        for p in FunctionSpace(arch).real_critical_points(loss).points:
            assert p.mu_critical == bool(p.shared_roots)
            seen.add(p.mu_critical)
    assert seen == ({False} if arch == "1x2,2x1" else {False, True})
