"""Critical locus and singular locus of polynomial networks (activation t^r, r >= 2): the
computed locus against the zero-layer description, exact ranks at points on and off it, and
the singular locus by two routes."""

from __future__ import annotations

import random

import flint
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg import Architecture, Parameterization
from lcnalg.errors import InputError
from lcnalg.parameterization import parameterize
from lcnalg.singularities.critical import (critical_locus, hyperroot_resultants, is_critical,
                                           planted_families, shared_root_point, shares_hyperroot,
                                           zero_layers_exhaust)
from lcnalg.singularities.singular_locus import singular_locus
from lcnalg.singularities.strata import check_stratification, stratification

# 1D and 2D, r = 2 and 3, strides 1 and 2; each under a second
ARCHS = ["2,2 r=2", "2,2 r=3", "2,3 r=2", "3,2 s=2 r=2", "2,2 s=2 r=3", "2x1,1x2 r=2", "2x1,2x1 s=2x1 r=2"]


def _sizes(arch):
    return [len(x) for x in parameterize(arch).split(list(range(Architecture.parse(arch).num_parameters)))]


@pytest.mark.parametrize("arch", ARCHS)
def test_locus_is_the_union_of_the_zero_layers(arch):
    r = critical_locus(arch)
    mu = parameterize(arch)
    N, sizes = mu.num_parameters, _sizes(arch)
    # dim M = N - (L - 1) [SMK25], computed independently by the dimension module
    assert r.dimension_of_function_space == N - (len(sizes) - 1)
    assert r.matches_zero_layers is True and r.certified and str(r.status) == "certified"
    zero = [f for f in r.families if f.kind == "zero layer"]
    assert [f.layers for f in zero] == [(l + 1,) for l in range(len(sizes))]
    assert all(f.critical for f in zero)
    assert [f.dimension for f in zero] == [N - k for k in sizes]
    assert r.dimension == max(N - k for k in sizes)
    assert all(f.image_dimension == 0 for f in zero)   # mu vanishes on a zero layer


@pytest.mark.parametrize("arch", ARCHS)
def test_ranks_on_and_off_the_zero_layers(arch):
    """The minors vanish at points of each zero layer, the exact rank there is below dim M, and
    at random points with no zero layer it equals dim M (independent of the ideal computation)."""
    r = critical_locus(arch)
    mu = parameterize(arch)
    d = r.dimension_of_function_space
    rng = random.Random(1)
    for l, (lo, hi) in enumerate(mu.layer_slices):
        for _ in range(3):
            theta = [rng.randint(-9, 9) for _ in range(mu.num_parameters)]
            theta[lo:hi] = [0] * (hi - lo)
            assert mu.jacobian_rank(theta) < d and is_critical(arch, theta, dimension=d)
            vals = [flint.fmpz(x) for x in theta]
            assert all(m(*vals) == 0 for m in r.minors[:50])
    for seed in range(5):
        theta = mu.random_point(seed, bound=30)
        assert mu.jacobian_rank(theta) == d and not is_critical(arch, theta, dimension=d)


@settings(max_examples=40, deadline=None)
@given(arch=st.sampled_from(["2,2 r=2", "2,2 s=2 r=3", "2,3 r=2"]), data=st.data())
def test_critical_iff_a_layer_is_zero_at_small_points(arch, data):
    """Exhaustion compared with exact ranks at small integer points (many special ones: zeros,
    repeated and proportional filters, shared roots)."""
    mu = parameterize(arch)
    theta = data.draw(st.lists(st.integers(-2, 2), min_size=mu.num_parameters, max_size=mu.num_parameters))
    layers = mu.split(theta)
    assert is_critical(arch, theta, dimension=mu.num_parameters - len(layers) + 1) == \
        any(all(x == 0 for x in layer) for layer in layers)


def test_exhaustion_fails_for_linear_networks():
    # the same test finds the shared-root locus of a linear network off its zero layers
    assert zero_layers_exhaust(Parameterization("2,2"), 3)[0] is False
    assert zero_layers_exhaust(parameterize("2,2 r=2"), 3)[0] is True


def test_one_entry_layer_is_a_hypersurface_component():
    r = critical_locus("2,1 r=2")
    assert r.hypersurface_factors == ("w2_0",) and r.matches_zero_layers is True and r.dimension == 2


def test_exhaustion_refused_by_the_bound_is_not_decided():
    from lcnalg import Limits

    ok, note = zero_layers_exhaust(parameterize("3,2 s=2 r=2"), 4, Limits(max_minors=100))
    assert ok is None and "max_minors" in note


def test_linear_descriptions_refuse_r():
    for call in (lambda: shares_hyperroot("2,2 r=2", [1, 1, 1, 1]), lambda: hyperroot_resultants("2,2 r=2"),
                 lambda: shared_root_point("3,2 s=2 r=2", (1, 2), seed=0)):
        with pytest.raises(InputError, match="architecture"):
            call()
    assert planted_families("3,2,2 s=2,2 r=2") == [] and planted_families("3,2,2 s=2,2") == [(1, 2)]


@pytest.mark.parametrize("arch, dim", [("2,2 r=2", 1), ("2,2 r=3", 1), ("2,2 s=2 r=2", 0)])
def test_singular_locus_two_routes(arch, dim):
    auto = singular_locus(arch)
    minors = singular_locus(arch, method="minors")
    assert auto.certified and minors.certified and auto.dimension == minors.dimension == dim
    mu = parameterize(arch)
    # every certified component's sample point is singular; a generic image point is not
    for c in auto.components:
        if c.sample:
            assert minors.contains(c.sample)
    assert not minors.contains(mu.evaluate(mu.random_point(3, bound=20)))


def test_singular_line_of_two_subnetworks():
    """2,2 r=2: f = v0 l0^r + v1 l1^r; the sub-networks (u0, 0),(0, v1) and (0, u1),(v0, 0) both give
    the line c x1^2, met by two parameter orbits: one certified component of dimension 1 (listed
    once, as Singular's minimal associated primes of I + minors have it)."""
    r = singular_locus("2,2 r=2")
    names = {c.name for c in r.components if c.component}
    assert names == {"sparse 1:0+2:1"} and r.dimension == 1
    mu = parameterize("2,2 r=2")
    line = mu.evaluate([[1, 0], [0, 1]])
    assert line == mu.evaluate([[0, 1], [1, 0]]) and r.contains(line)
    assert r.contains(mu.evaluate([[1, 0], [0, 5]]))


@pytest.mark.parametrize("arch", ["2,2 r=2", "2,2 s=2 r=3"])
def test_strata_of_polynomial_networks(arch):
    """V, the singular locus (a node when positive-dimensional) and the origin; M = V(R), so the
    boundary is decided (no stratum of its own)."""
    check_stratification(arch)
    s = stratification(arch)
    sl = singular_locus(arch)
    names = [x["name"] for x in s.strata()]
    assert names == (["V", "singular locus", "origin"] if sl.dimension >= 1 else ["V", "origin"])
    dims = {x["name"]: x["dimension"] for x in s.strata()}
    assert dims["V"] == sl.dimension_of_variety and dims.get("singular locus", sl.dimension) == sl.dimension
    assert s.boundary_decided and s.status.kind.value != "undecided"
    assert s.graph.has_edge("origin", "V")


def test_small_polynomial_networks_are_answered_by_default():
    """The minors count before forming them is an upper bound (26,208 for ``2,4 s=3 r=3``, of
    which most vanish); the default ``max_minors`` admits it, and the locus is exactly the
    critical zero layer ``w_1 = 0`` (dimension N - k_1 = 6 - 2), proved chart by chart."""
    from lcnalg.polys.minors import count_minors

    mu = parameterize("2,4 s=3 r=3")
    rows = sum(1 for row in mu.jacobian if any(not e.is_zero() for e in row))
    assert count_minors(rows, mu.num_parameters, 5) > 5000
    r = critical_locus("2,4 s=3 r=3")
    assert r.certified and r.dimension == 4 and r.matches_zero_layers is True
