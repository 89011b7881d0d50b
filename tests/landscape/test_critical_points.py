"""Critical points of the squared loss, counted: the values of the theory come out of the count.

Strides > 1: the count equals the generic ED degree of the Segre variety (closed formula),
for a generic Q and for Q induced by random data; Q = I gives fewer; stride one gives the
number of orderings of the factors over one function-space point.
"""

from __future__ import annotations

import pytest

from lcnalg import InputError, Parameterization, ResourceLimitError
from lcnalg.landscape import Dataset, QuadraticLoss, critical_points, ed_degree, segre_ed_degree
from lcnalg.landscape.segre import segre_dimensions
from lcnalg.limits import Limits


@pytest.mark.parametrize("dims, value", [((1, 1), 6), ((1, 2), 10), ((2, 1), 10), ((2, 2), 39),
                                         ((1, 1, 1), 34), ((1, 3), 14), ((0,), 1), ((1,), 1), ((0, 3), 1)])
def test_segre_formula(dims, value):
    assert segre_ed_degree(dims) == value


def test_segre_formula_gives_one_for_a_linear_space():
    # one factor: the cone over P^n is the whole space, whose ED degree is 1
    assert [segre_ed_degree((n,)) for n in range(6)] == [1] * 6


# architecture, generic (= data-induced) count, count with Q = I
VALUES = [("2,2 s=2", 6, 2), ("2,3 s=2", 10, 2), ("3,2 s=2", 10, 10), ("3,2 s=3", 10, 2)]


@pytest.mark.parametrize("arch, generic, identity", VALUES)
def test_counts_match_theory(arch, generic, identity):
    g = ed_degree(arch, "generic", seed=1)
    i = ed_degree(arch, "identity", seed=1)
    assert (g.complex_critical_points, g.distinct_critical_points, g.function_space_critical_points) == (generic,) * 3
    assert g.ed_degree_segre == segre_ed_degree(segre_dimensions(arch)) == generic and g.matches_segre
    assert i.complex_critical_points == identity
    assert g.status == "probabilistic" and g.failure_probability < 1e-5


@pytest.mark.parametrize("arch", ["2,2 s=2", "2,3 s=2", "3,2 s=2", "3,2 s=3", "2x2,2x1 s=2x2"])
def test_random_data_count_equals_segre_for_strides_above_one(arch):
    n = Parameterization(arch).ambient_dimension
    loss = QuadraticLoss.from_data(arch, Dataset.random(arch, n + 2, seed=7))
    res = critical_points(arch, loss, seed=2)
    assert res.complex_critical_points == res.ed_degree_segre
    assert res.fibre_sizes == {1: res.ed_degree_segre}


@pytest.mark.parametrize("arch, count", [("2,2", 2), ("2,3", 3)])
def test_stride_one_counts_the_orderings_of_the_factors(arch, count):
    res = ed_degree(arch, seed=3)
    assert res.complex_critical_points == count != res.ed_degree_segre
    assert res.function_space_critical_points == 1 and res.fibre_sizes == {count: 1}
    # stride one: isolated critical points where mu is critical (shared roots) exist and are set aside
    assert res.mu_critical_points > 0


@pytest.mark.parametrize("arch", ["2,2 s=2", "3,2 s=2", "2,3 s=2"])
def test_strides_above_one_have_no_mu_critical_critical_points_with_nonzero_layers(arch):
    # [KMST24]: reduced, strides > 1, generic data: every non-zero critical point is in the
    # smooth interior; here: no isolated critical point with a non-zero last layer has mu critical
    n = Parameterization(arch).ambient_dimension
    for seed in (1, 2):
        loss = QuadraticLoss.from_data(arch, Dataset.random(arch, n + 1, seed=seed))
        assert critical_points(arch, loss, seed=seed).mu_critical_points == 0


def test_three_three_stride_two_identity():
    # the generic count (39, the Segre value) takes about 2 s and is left to the benchmarks
    res = ed_degree("3,3 s=2", "identity", seed=0)
    assert res.complex_critical_points == 23 and res.ed_degree_segre == 39


def test_count_over_q_agrees():
    res = critical_points("2,2 s=2", QuadraticLoss.generic(4, seed=5), exact=True)
    assert res.over_q and res.complex_critical_points == 6 and res.primes and res.status == "probabilistic"


def test_refusals_and_bad_input():
    with pytest.raises(ResourceLimitError, match="--max-critical-solutions"):
        critical_points("3,3,3 s=2,2", QuadraticLoss.generic(15, seed=0))
    with pytest.raises(ResourceLimitError, match="--max-exact-critical-solutions"):
        critical_points("2,3", QuadraticLoss.generic(4, seed=0), exact=True)
    with pytest.raises(InputError, match="^loss: defined on 3 entries"):
        critical_points("2,2 s=2", QuadraticLoss.generic(3, seed=0))
    with pytest.raises(InputError, match="^loss: expected a QuadraticLoss"):
        critical_points("2,2 s=2", "x")
    with pytest.raises(InputError, match="^kind:"):
        ed_degree("2,2 s=2", kind="frobenius")
    assert Limits(max_critical_solutions=5).max_critical_solutions == 5
