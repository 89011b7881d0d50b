"""Degree of the neurovariety: the Segre–Veronese formula, the fibre count, the linear slice and
the Hilbert polynomial of the certified equations, compared with each other."""

from __future__ import annotations

import math

import pytest
import sympy
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from lcnalg import Architecture, FunctionSpace, Limits, Parameterization, PolynomialParameterization, ResourceLimitError
from lcnalg.algebra.degree import (degree_by_fibre, fibre_size_axis_layers_2d, sampled_fibre_size_2d,
                                   segre_veronese_degree, variety_degree)
from lcnalg.algebra.fibre import count_fibre, degree_by_slice, fibre_bezout_number
from lcnalg.algebra.implicitization import implicit_equations

from tests.strategies import architectures

# 1D and 2D, r = 2 and 3, strides 1 and 2, L = 2 and 3
CASES = ["2,2 r=2", "2,2 s=2 r=3", "3,2 r=2", "2,2,2 r=2", "2x2,2x1 r=2", "2,2,2 s=2,1 r=3",
         "2x2,2x1 s=2x1 r=2", "2,3 s=2 r=2"]


def _hilbert_degree(arch: Architecture) -> int:
    """deg SV from its Hilbert polynomial: dim of the multidegree (t d_l) piece is
    Π C(n_l + t d_l, n_l); the degree is (Σ n_l)! times its leading coefficient."""
    t = sympy.Symbol("t")
    r = arch.activation or 1
    L = arch.num_layers
    ns = [n - 1 for n in arch.filter_sizes]
    hp = sympy.Integer(1)
    for l, n in enumerate(ns):
        d = r ** (L - 1 - l)
        hp *= sympy.Mul(*[(t * d + n - i) for i in range(n)]) / sympy.factorial(n)
    poly = sympy.Poly(sympy.expand(hp), t)
    return int(poly.LC() * sympy.factorial(sum(ns))) if poly.degree() == sum(ns) else 1


@settings(max_examples=60, deadline=None)
@given(architectures(max_layers=4, max_size=3, max_stride=2, max_ambient=60, reduced=True), st.integers(1, 4))
def test_segre_veronese_formula_is_the_hilbert_polynomial_s(arch, r):
    arch = Architecture(arch.filters, arch.strides, activation=r)
    assert segre_veronese_degree(arch) == _hilbert_degree(arch)


@pytest.mark.parametrize("arch", CASES)
def test_fibre_and_slice_agree_with_the_formula(arch):
    """Route 1: deg SV / |F| with |F| counted; route 2: the points of V on a random slice (no
    fibre count); and deg SV by the formula."""
    mu = PolynomialParameterization(arch)
    fib = degree_by_fibre(mu, seed=2)
    sl = degree_by_slice(mu, seed=5)
    sv = segre_veronese_degree(mu.architecture)
    assert fib.segre_degree == sv == sl.solutions == _hilbert_degree(mu.architecture)
    assert fib.degree is not None and fib.degree * fib.fibre_size == sv
    assert sl.degree == fib.degree
    # every image point of the slice has a fibre of the size counted by route 1
    assert sl.fibre_sizes == {fib.fibre_size: sl.degree}
    assert 0 < fib.failure_probability < 1e-3 and not fib.certified


@pytest.mark.parametrize("arch", ["2,2 r=2", "2,2 s=2 r=3", "3,2 r=2"])
def test_hilbert_polynomial_of_the_certified_equations(arch):
    """The degree of the whole vanishing ideal (elimination certificate) equals both routes."""
    mu = PolynomialParameterization(arch)
    eqs = implicit_equations(mu, certify=True)
    assert eqs.certified
    assert eqs.degree == eqs.variety_degree == degree_by_slice(mu).degree == degree_by_fibre(mu).degree


@pytest.mark.parametrize("arch", ["2,2 r=2", "2,2 s=2 r=3", "3,2 r=2"])
def test_fibre_count_over_q_and_mod_p(arch):
    mu = PolynomialParameterization(arch)
    modp = count_fibre(mu, seed=1, points=3)
    over_q = count_fibre(mu, seed=1, points=1, exact=True)
    assert modp.modulus is not None and over_q.modulus is None
    assert all(modp.contains_sample) and all(over_q.contains_sample)
    assert modp.fibre_size == over_q.fibre_size == min(modp.with_multiplicity)
    assert all(d <= k for d, k in zip(modp.distinct, modp.with_multiplicity))
    # the chart bound: deg SV (L - 1) / S per point
    assert over_q.failure_probability == pytest.approx(
        over_q.segre_veronese_degree * (mu.architecture.num_layers - 1) / 2**12)


@st.composite
def polynomial_architectures(draw):
    arch = draw(architectures(max_layers=3, max_size=3, max_stride=2, max_ambient=20, reduced=True))
    arch = Architecture(arch.filters, arch.strides, activation=draw(st.integers(2, 3)))
    assume(arch.num_layers >= 2 and segre_veronese_degree(arch) <= 120)
    assume(fibre_bezout_number(PolynomialParameterization(arch)) <= 2000)
    return arch


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(polynomial_architectures(), st.integers(0, 10**6))
def test_two_routes_on_random_architectures(arch, seed):
    mu = PolynomialParameterization(arch)
    fib = degree_by_fibre(mu, seed=seed)
    sl = degree_by_slice(mu, seed=seed)
    assert fib.degree == sl.degree and fib.degree * fib.fibre_size == sl.solutions


def test_refused_up_front():
    mu = PolynomialParameterization("2,2,2 r=2")
    small = Limits(max_fibre_solutions=fibre_bezout_number(mu) - 1)
    with pytest.raises(ResourceLimitError, match="max-fibre-solutions"):
        count_fibre(mu, limits=small)
    with pytest.raises(ResourceLimitError, match="max-fibre-solutions"):
        degree_by_slice(mu, limits=small)
    d = FunctionSpace("2,2,2 r=2", limits=small).degree
    assert d.value is None and d.status == "undecided" and "max_fibre_solutions" in d.status.reason


@pytest.mark.parametrize("arch, status", [("3,2 s=2", "certified"), ("2,2,2 s=2,2", "certified"),
                                          ("2x2,2x2", "certified"), ("2x2,2x2 s=2x2", "certified"),
                                          ("1x3,2x2 s=2x1", "probabilistic"),
                                          ("2,2 r=2", "probabilistic"),
                                          ("2x2,2x1 r=2", "probabilistic")])
def test_function_space_degree_linear_and_polynomial(arch, status):
    fs = FunctionSpace(arch)
    d = fs.degree
    assert d is fs.degree  # cached
    assert d.status == status and d.fibre_size * d.value == d.segre_degree
    assert d.segre_degree == segre_veronese_degree(fs.architecture)
    data = d.to_dict()
    assert data["value"] == d.value and data["status"] == status
    if status == "probabilistic" and fs.architecture.activation:
        assert data["status_detail"]["failure_bound"] > 0


@pytest.mark.parametrize("arch", ["3,2 s=2", "2,2,2 s=2,2"])
def test_linear_degree_is_the_certified_equations_degree(arch):
    mu = Parameterization(arch)
    eqs = implicit_equations(mu, certify=True)
    assert eqs.certified and variety_degree(mu).value == eqs.degree


def test_seconds_and_bezout_recorded():
    c = count_fibre(PolynomialParameterization("3,2 r=2"))
    ns, ds = [2, 1], [2, 1]
    assert c.bezout_number == math.factorial(4) // (math.factorial(2) * math.factorial(2)) * 2**2
    assert c.segre_veronese_degree == math.factorial(3) // 2 * math.prod(d ** n for d, n in zip(ds, ns))
    assert c.seconds >= 0


@pytest.mark.parametrize("arch,degree", [("1x3,2x1,2x1 s=2x2,1x1", 6), ("1x2,1x2,2x3 s=1x1,2x2", 21)])
def test_2d_fibre_sees_the_swap_of_equal_layers_at_every_seed(arch, degree):
    # two layers of one shape and cumulative stride can be swapped (|F| = 2); planting the same
    # zero |x0| in both made them share their factors and gave |F| = 1 (deg 12 and 42 at seed 7);
    # the degrees are those of the certified equations (lcnalg equations --certify: 6 and 21)
    mu = Parameterization(arch)
    for seed in range(10):
        r = degree_by_fibre(mu, seed=seed)
        assert (r.degree, r.fibre_size) == (degree, 2), seed


@settings(max_examples=20, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 3), st.integers(1, 3)), min_size=2, max_size=3), st.integers(0, 10**6))
def test_exact_2d_fibre_against_random_points(shapes, seed):
    """2D stride one: the exact count of assignments of generic absolute factors equals the count
    of groupings of the factors of mu(theta) at random integer points (an independent route)."""
    from lcnalg.algebra.degree import fibre_size_2d, sampled_fibre_size_2d

    arch = ",".join(f"{a}x{b}" for a, b in shapes)
    mu = Parameterization(arch)
    exact = fibre_size_2d(mu.architecture)
    sampled, why = sampled_fibre_size_2d(mu, seed=seed)
    if sampled is not None:                  # refused only when a factor is not certified
        assert exact == sampled, (arch, exact, sampled)
    assert segre_veronese_degree(mu.architecture) % exact == 0


@pytest.mark.parametrize("arch", ["2x2,2x1", "2x1,2x2,1x2", "2x1,1x2,2x1"])
def test_exact_2d_degree_is_the_degree_of_the_certified_equations(arch):
    fs = FunctionSpace(arch)
    eqs = fs.implicit_equations(certify=True)
    assert eqs.certified and fs.degree.status == "certified"
    assert eqs.degree == fs.degree.value


@st.composite
def one_axis_layers_2d(draw):
    """2D networks whose every layer has extent 1 along some axis (shapes a x 1, 1 x b, 1 x 1),
    strides 1 to 3 in each axis, two or three layers, at most 12 coordinates."""
    shapes = draw(st.lists(st.one_of(st.tuples(st.integers(1, 3), st.just(1)), st.tuples(st.just(1), st.integers(2, 3))),
                           min_size=2, max_size=3))
    strides = [draw(st.tuples(st.integers(1, 3), st.integers(1, 3))) for _ in shapes]
    arch = Architecture(tuple(shapes), tuple(strides))
    assume(arch.ambient_dimension <= 12)
    return arch


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(one_axis_layers_2d(), st.integers(0, 10**6))
def test_one_axis_layers_2d_degree_is_certified_and_matches_the_equations(arch, seed):
    """mu = P(x) Q(y): the exact count |F| = |F_x| |F_y| of root-orbit tilings, against the degree of
    the certified implicit equations and the count of factor groupings over Q(zeta_N) at a random
    point (it decides unless the factors exceed max_fibre_factors)."""
    mu = Parameterization(arch)
    fib = degree_by_fibre(mu, seed=seed)
    assert fib.certified and fib.degree is not None
    eqs = implicit_equations(mu, certify=True)
    assert eqs.certified and eqs.degree == fib.degree, (str(arch), eqs.degree, fib.degree)
    sampled, why = sampled_fibre_size_2d(mu, seed=seed)
    if sampled is not None:
        assert sampled == fib.fibre_size
    else:  # the univariate layers' factors are all split over Q(zeta_N): refused only at the bound
        assert "max_fibre_factors" in why, why


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.lists(st.one_of(st.tuples(st.integers(2, 4), st.just(1)), st.tuples(st.just(1), st.integers(2, 4))),
                min_size=2, max_size=3),
       st.lists(st.tuples(st.integers(1, 4), st.integers(1, 4)), min_size=3, max_size=3), st.integers(0, 10**6))
def test_cyclotomic_grouping_count_equals_the_root_orbit_tilings(shapes, strides, seed):
    """One-axis layers at any strides: the count of groupings of the linear factors over Q(zeta_N)
    at a random point (planted roots a^t, the cyclotomic factors of z^t - a^t split) equals the exact
    count |F_x| |F_y| of root-orbit tilings of the two 1D networks (two independent routes)."""
    arch = Architecture(tuple(shapes), tuple(strides[:len(shapes)]))
    exact = fibre_size_axis_layers_2d(arch)
    sampled, why = sampled_fibre_size_2d(Parameterization(arch), seed=seed)
    if sampled is None:
        assert "max_fibre_factors" in why, (str(arch), why)
    else:
        assert sampled == exact, (str(arch), sampled, exact)


def test_the_grouping_search_is_bounded_by_max_nodes():
    """The backtracking over groupings stops at limits.max_nodes and names the bound; with the
    default it counts the 1680 ways to share nine linear factors among three layers."""
    mu = Parameterization("4x1,4x1,4x1,2x2 s=1x1,1x1,1x2")
    assert sampled_fibre_size_2d(mu) == (1680, "")
    size, why = sampled_fibre_size_2d(mu, limits=Limits(max_nodes=50))
    assert size is None and "max_nodes = 50" in why and "--max-nodes" in why
    assert degree_by_fibre(mu, limits=Limits(max_nodes=50)).degree is None


@st.composite
def two_axis_and_strided_univariate_layers_2d(draw):
    """A layer with extent 2 along both axes and one or two univariate layers (a x 1, 1 x b), the
    univariate ones at cumulative stride 3 or 4 along their axis; at most 16 coordinates."""
    shapes = [(2, 2)] + draw(st.lists(st.sampled_from([(2, 1), (1, 2), (3, 1), (1, 3)]), min_size=1, max_size=2))
    shapes = draw(st.permutations(shapes))
    strides = [draw(st.tuples(st.integers(1, 4), st.integers(1, 4))) for _ in shapes]
    arch = Architecture(tuple(shapes), tuple(strides))
    t = arch.cumulative_strides
    axis = [0 if f[1] == 1 else 1 for f in arch.filters]
    assume(any(min(f) == 1 and t[l][axis[l]] >= 3 for l, f in enumerate(arch.filters)))
    assume(arch.ambient_dimension <= 16)
    return arch


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(two_axis_and_strided_univariate_layers_2d(), st.integers(0, 10**6))
def test_univariate_layers_at_larger_strides_are_counted_over_cyclotomic_fields(arch, seed):
    """A univariate layer q(x^t), t >= 3, next to a layer along both axes: its planted factors
    a^{phi(d)} Phi_d(x/a) are not absolutely irreducible, and the groupings are counted over
    Q(zeta_N); the degree is that of the certified implicit equations."""
    mu = Parameterization(arch)
    fib = degree_by_fibre(mu, seed=seed)
    assert fib.degree is not None, (str(arch), fib.method)
    eqs = implicit_equations(mu, certify=True)
    assert eqs.certified and eqs.degree == fib.degree, (str(arch), eqs.degree, fib.degree)


@pytest.mark.parametrize("arch, degree", [("1x1,3x1 s=2x2,2x2", 1), ("1x2,3x1 s=2x1", 3),
                                          ("2x1,2x1,1x3 s=1x1,1x2,2x1", 6)])
def test_one_axis_layers_with_strides_were_undecided(arch, degree):
    # a univariate layer in x^2 has Q-irreducible factors x^2 - a, never absolutely irreducible,
    # so the random-point count left these undecided; the values are those of the certified
    # equations, checked by the hypothesis test above on this family
    fs = FunctionSpace(arch)
    assert (fs.degree.value, str(fs.degree.status)) == (degree, "certified")
    assert fs.implicit_equations(certify=True).degree == degree


@st.composite
def bivariate_and_univariate_layers_2d(draw):
    """Two 2D layers: one with extent >= 2 along both axes, one univariate (a x 1 or 1 x b, a, b in
    3..4), in either order; strides 1 or 2, at most 12 coordinates."""
    shapes = [draw(st.sampled_from([(2, 2), (2, 3), (3, 2)]))]
    shapes.append(draw(st.sampled_from([(3, 1), (1, 3), (4, 1), (1, 4)])))
    shapes = draw(st.permutations(shapes))
    strides = [draw(st.tuples(st.integers(1, 2), st.integers(1, 2))) for _ in shapes]
    arch = Architecture(tuple(shapes), tuple(strides))
    axis_ok = all(min(f) > 1 or arch.cumulative_strides[l][0 if f[1] == 1 else 1] <= 2
                  for l, f in enumerate(arch.filters))
    assume(axis_ok and arch.ambient_dimension <= 12)
    return arch


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(bivariate_and_univariate_layers_2d(), st.integers(0, 10**6))
def test_univariate_layers_at_stride_two_are_counted_at_random_points(arch, seed):
    """A univariate layer q(x^t), t <= 2, with all roots planted has linear factors over Q, so the
    random-point count decides; its degree is that of the certified implicit equations."""
    mu = Parameterization(arch)
    fib = degree_by_fibre(mu, seed=seed)
    assert fib.degree is not None, (str(arch), fib.method)
    eqs = implicit_equations(mu, certify=True)
    assert eqs.certified and eqs.degree == fib.degree, (str(arch), eqs.degree, fib.degree)


@settings(max_examples=15, deadline=None)
@given(st.integers(1, 2), st.integers(2, 3), st.integers(0, 3), st.integers(0, 2), st.sampled_from([None, 2, 3]),
       st.data())
def test_one_varying_layer_has_degree_one(ndim, size, position, scalars, r, data):
    """One layer with more than one entry (the last one when r >= 2), the others scalars, any strides:
    the Segre(-Veronese) degree is 1, so deg V = 1 certified, as the certified equations say."""
    layers = 1 + scalars
    where = layers - 1 if r else position % layers
    shape = (size,) + (data.draw(st.integers(1, 2)),) * (ndim - 1)
    filters = tuple(shape if l == where else (1,) * ndim for l in range(layers))
    strides = tuple(tuple(data.draw(st.integers(1, 3)) for _ in range(ndim)) for _ in range(layers))
    arch = Architecture(filters, strides, activation=r)
    mu = PolynomialParameterization(arch) if r else Parameterization(arch)
    d = variety_degree(mu)
    assert d.value == 1 and str(d.status) == "certified"
    eqs = implicit_equations(mu, certify=True)
    assert eqs.certified and eqs.degree == 1


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(architectures(ndim=2, max_layers=3, max_size=3, max_stride=3, max_ambient=16, reduced=True))
def test_segre_embeddings_have_the_segre_degree(arch):
    """When mu puts the products of the layers' entries at distinct coordinates (decided by the
    closedness module's own test), V is a copy of the Segre cone: the degree is certified, equal to
    the Segre degree and to the degree of the certified equations."""
    from lcnalg.real.closedness import segre_embedding  # deferred: the real-geometry modules load only here

    assume(segre_embedding(arch))
    mu = Parameterization(arch)
    d = variety_degree(mu)
    assert str(d.status) == "certified" and d.value == segre_veronese_degree(arch)
    eqs = implicit_equations(mu, certify=True)
    assert eqs.certified and eqs.degree == d.value


def test_1d_fibre_order_bound_is_named():
    # 1,4,4,4 s=3,3,3,2 has a layer at cumulative stride 27 > 24 and printed "1D fibre count failed
    # (None)"; the refusal now names the bound and how to raise it, and the raised count agrees
    # with the certified equations (here on a smaller architecture with the bound lowered)
    mu = Parameterization("2,2,2 s=2,3")
    low = variety_degree(mu, limits=Limits(max_fibre_order=5))
    assert low.value is None and "max_fibre_order" in low.limitations and "--max-fibre-order" in low.limitations
    eqs = implicit_equations(mu, certify=True)
    assert eqs.certified and variety_degree(mu).value == eqs.degree


def test_fibre_system_bounded_before_its_groebner_basis():
    """The first Macaulay matrix of the fibre system holds every equation: its rows times
    distinct monomials are checked against limits.max_matrix_entries before the Groebner basis
    (4,3,3 s=1,3 r=3 spent minutes in a system of 5482 equations), and the count below the
    bound is unchanged."""
    mu = PolynomialParameterization("2,2 r=2")
    with pytest.raises(ResourceLimitError) as err:
        count_fibre(mu, limits=Limits(max_matrix_entries=3))
    assert err.value.limit == "max_matrix_entries" and "fibre system" in str(err.value)
    assert count_fibre(mu).fibre_size == 1
