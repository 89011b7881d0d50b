"""Certified snapping of float end points to exact critical points (Krawczyk)."""

from __future__ import annotations

import flint
import numpy as np
import pytest

from lcnalg import FunctionSpace
from lcnalg.landscape.critical_points import critical_system
from lcnalg.landscape.descent import ExactCriticalImage, gradient_descent
from lcnalg.landscape.real_critical_points import REAL_RANDOM_RANGE
from lcnalg.landscape.snapping import ChartSystem, snap_to_critical_point


def setting(arch, loss="generic"):
    fs = FunctionSpace(arch)
    loss = fs._loss(loss)
    found = fs.real_critical_points(loss)
    system = critical_system(fs.architecture, loss, seed=fs.seed, random_range=REAL_RANDOM_RANGE)
    chart = ChartSystem.from_system(system, fs.parameterization.layer_slices)
    with flint.ctx.workprec(128):
        balls = [[flint.arb(c) for c in p.chart] for p in found.points]
    return fs, loss, found, chart, balls


def weights_from_chart(chart: ChartSystem, y):
    """All weights of the chart point ``y`` (the inverse of ChartSystem.to_chart)."""
    theta, pos = [], 0
    for l, (lo, hi) in enumerate(chart.slices):
        size = hi - lo
        if l < len(chart.slices) - 1:
            a = chart.chart[l]
            rest = list(y[pos:pos + size - 1])
            theta.extend([(1 - sum(a[j + 1] * rest[j] for j in range(size - 1))) / a[0]] + rest)
            pos += size - 1
        else:
            theta.extend(y[pos:pos + size])
    return np.array(theta, dtype=float)


@pytest.mark.parametrize("arch", ["2,2 s=2", "2,3", "3,2 s=2"])
def test_a_perturbed_exact_point_snaps_back_to_it_and_only_to_it(arch):
    fs, loss, found, chart, balls = setting(arch)
    assert found.points
    rng = np.random.default_rng(1)
    for k, p in enumerate(found.points):
        if p.mu_critical:
            continue  # critical points of the chart system that are not isolated cannot be boxed
        y = np.array([float(b.mid()) for b in balls[k]])
        theta = weights_from_chart(chart, y * (1 + 1e-9 * rng.standard_normal(len(y))))
        # a rescaled representative of the same orbit snaps the same way
        lam = 1.7
        theta[chart.slices[0][0]:chart.slices[0][1]] *= lam
        theta[chart.slices[-1][0]:chart.slices[-1][1]] /= lam
        out = snap_to_critical_point(chart, theta, balls)
        assert (out.index, out.reason) == (k, "snapped")
        # without that point in the list the box is still proved to hold one zero: the list is incomplete
        others = balls[:k] + balls[k + 1:]
        assert snap_to_critical_point(chart, theta, others).reason == "a critical point not in the exact list"


def test_points_away_from_critical_points_and_off_the_chart_are_not_snapped():
    fs, loss, found, chart, balls = setting("2,2 s=2")
    theta = np.array([1.0, 2.0, -1.0, 0.5])
    assert snap_to_critical_point(chart, theta, balls).index is None
    a = chart.chart[0]
    off = np.array([a[1], -a[0], 1.0, 1.0], dtype=float)  # a · w_1 = 0
    assert snap_to_critical_point(chart, off, balls).reason == "off the chart"


@pytest.mark.parametrize("arch,loss", [("2,2 s=2", "generic"), ("2,3", "identity"), ("3,2 s=2", "identity")])
def test_certified_snaps_agree_with_matching_by_distance(arch, loss):
    fs, loss_q, found, chart, balls = setting(arch, loss)
    exact = [ExactCriticalImage(label=f"point {k}", image=p.image_values, radius=p.image_radius, loss=p.loss_value,
                                is_global_minimum=p.least_loss, chart=p.chart) for k, p in enumerate(found.points)]
    Q = [[float(x) for x in row] for row in loss_q.Q]
    u = [float(x) for x in loss_q.u]
    certified = gradient_descent(arch, Q, u, runs=8, seed=3, critical_points=exact, chart_system=chart)
    by_distance = gradient_descent(arch, Q, u, runs=8, seed=3, critical_points=exact)
    assert all(r.snap == "snapped" for r in certified.runs if r.converged and not r.mu_critical)
    for a, b in zip(certified.runs, by_distance.runs):
        assert b.snap is None
        if a.matched is not None and b.matched is not None:
            assert a.matched == b.matched
    assert "certified" in certified.limitations and "by distance" in by_distance.limitations


def test_descend_snaps_with_a_certificate():
    res = FunctionSpace("2,2 s=2").descend("identity", runs=4)
    assert res.statistics["snap: snapped"] == 1.0
    assert all(r.snap == "snapped" and r.matched for r in res.runs)
