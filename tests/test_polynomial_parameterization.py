"""The parameterization of polynomial networks against an independent forward pass in sympy."""

from __future__ import annotations

import itertools
import math
import random
from fractions import Fraction

import flint
import pytest
import sympy
from hypothesis import given, settings, strategies as st

from lcnalg import Architecture, FunctionSpace, InputError, LCNAlgError, Limits, Parameterization, ResourceLimitError
from lcnalg import PolynomialParameterization, parameterize


def forward_sympy(arch: Architecture, layers, xs):
    """Run the network written out loop by loop: layer l reads its input at i*s_l + j."""
    r = arch.activation
    # grid sizes from the top: one output
    sizes = [(1,) * arch.ndim]
    for f, s in zip(reversed(arch.filters), reversed(arch.strides)):
        sizes.append(tuple((n - 1) * sa + k for n, sa, k in zip(sizes[-1], s, f)))
    sizes = sizes[::-1]
    grid = {idx: xs[n] for n, idx in enumerate(itertools.product(*(range(m) for m in sizes[0])))}
    for l, (f, s) in enumerate(zip(arch.filters, arch.strides)):
        if l:
            grid = {k: v ** r for k, v in grid.items()}
        taps = list(itertools.product(*(range(k) for k in f)))
        grid = {i: sum(w * grid[tuple(i[a] * s[a] + j[a] for a in range(arch.ndim))] for j, w in zip(taps, layers[l]))
                for i in itertools.product(*(range(m) for m in sizes[l + 1]))}
    return sympy.expand(grid[(0,) * arch.ndim])


def _monomial(mu, exps):
    return math.prod(sympy.Symbol(f"x{i}") ** e for i, e in enumerate(exps))


def _arch(draw_1d: bool, data) -> Architecture:
    L = data.draw(st.integers(2, 3))
    if draw_1d:
        filters = [(data.draw(st.integers(1, 3)),) for _ in range(L)]
        strides = [(data.draw(st.integers(1, 2)),) for _ in range(L - 1)]
    else:
        filters = [(data.draw(st.integers(1, 2)), data.draw(st.integers(1, 2))) for _ in range(2)]
        strides = [(data.draw(st.integers(1, 2)), data.draw(st.integers(1, 2)))]
        L = 2
    r = data.draw(st.integers(2, 3 if L == 2 else 2))
    return Architecture(tuple(filters), tuple(strides), r)


@settings(max_examples=25, deadline=None)
@given(st.data(), st.booleans())
def test_symbolic_coordinates_are_the_coefficients_of_the_forward_pass(data, one_d):
    arch = _arch(one_d, data)
    mu = PolynomialParameterization(arch)
    ws = [sympy.Symbol(n) for n in mu.parameter_names]
    layers = [ws[lo:hi] for lo, hi in mu.layer_slices]
    xs = sympy.symbols(f"x0:{mu.num_inputs}")
    f = forward_sympy(arch, layers, xs)
    poly = sympy.Poly(f, *xs)
    # the coordinates are exactly the coefficients, in the documented order
    assert sorted(poly.monoms(), reverse=True) == list(mu.monomials)
    for exps, c in zip(mu.monomials, mu.to_sympy()):
        assert sympy.expand(poly.coeff_monomial(_monomial(mu, exps)) - c) == 0
    # degree r^(L-1) in x, r^(L-l) in layer l
    assert poly.total_degree() == mu.degree == arch.activation ** (arch.num_layers - 1)
    for (lo, hi), d in zip(mu.layer_slices, mu.layer_degrees):
        for c in mu.coordinates:
            assert all(sum(int(e) for e in m[lo:hi]) == d for m in c.monoms())


@settings(max_examples=25, deadline=None)
@given(st.data(), st.booleans(), st.integers(0, 10**6))
def test_numeric_forward_pass_matches_evaluate_and_mod_p(data, one_d, seed):
    arch = _arch(one_d, data)
    mu = PolynomialParameterization(arch)
    rng = random.Random(seed)
    theta = [Fraction(rng.randint(-9, 9), rng.randint(1, 4)) for _ in range(mu.num_parameters)]
    xs = [rng.randint(-5, 5) for _ in range(mu.num_inputs)]
    layers = [theta[lo:hi] for lo, hi in mu.layer_slices]
    value = forward_sympy(arch, [[sympy.Rational(v.numerator, v.denominator) for v in l] for l in layers], xs)
    c = mu.evaluate(theta)
    direct = sum(sympy.Rational(ci.numerator, ci.denominator) * math.prod(x ** e for x, e in zip(xs, m))
                 for ci, m in zip([Fraction(v) for v in c], mu.monomials))
    assert value == direct
    # evaluate equals the symbolic coordinates at theta
    point = [sympy.Rational(v.numerator, v.denominator) for v in theta]
    syms = [sympy.Symbol(n) for n in mu.parameter_names]
    for ci, expr in zip(c, mu.to_sympy()):
        assert sympy.Rational(Fraction(ci).numerator, Fraction(ci).denominator) == expr.subs(dict(zip(syms, point)))
    p = 1_000_003
    ints = [rng.randint(-50, 50) for _ in range(mu.num_parameters)]
    assert mu.evaluate_mod(ints, p) == tuple(int(x) % p for x in mu.evaluate(ints))


@settings(max_examples=15, deadline=None)
@given(st.data(), st.booleans(), st.integers(0, 10**6))
def test_jacobian_at_points_is_the_symbolic_jacobian(data, one_d, seed):
    arch = _arch(one_d, data)
    mu = PolynomialParameterization(arch)
    theta = mu.random_point(seed, bound=20)
    J = mu.jacobian_at(theta)
    for i, row in enumerate(mu.jacobian):
        for j, entry in enumerate(row):
            assert J[i, j] == entry(*theta)
    p = 1_000_003
    assert mu.jacobian_rank(theta, modulus=p) <= J.rank()


@settings(max_examples=15, deadline=None)
@given(st.data(), st.booleans(), st.integers(0, 10**6))
def test_evaluation_jacobian_is_the_jacobian_at_random_inputs(data, one_d, seed):
    """E·Jμ from the forward pass on numbers equals E times the exact Jacobian, E the input
    monomials evaluated at the same random inputs, so its rank bounds rank Jμ from below (and
    equals it here: the inputs are random mod a large prime)."""
    arch = _arch(one_d, data)
    mu = PolynomialParameterization(arch)
    p = 2**61 - 1
    theta = mu.random_point_mod(seed, p)
    J = mu.jacobian_at(theta, modulus=p)
    rng = random.Random(seed)   # the inputs evaluation_jacobian_rank draws with this seed
    points = [[rng.randrange(p) for _ in mu.input_names] for _ in range(mu.num_parameters)]
    E = flint.nmod_mat([[math.prod(pow(x, e, p) for x, e in zip(pt, m)) % p for m in mu.monomials]
                        for pt in points], p)
    assert mu.evaluation_jacobian_rank(theta, p, seed=seed) == (E * J).rank() == J.rank()


def test_dimension_of_a_wide_polynomial_network_is_read_at_random_inputs():
    """105826 coordinates: the Jacobian's forward pass on polynomials in 18 inputs would not
    fit in memory; E·Jμ certifies dim = Σ|k_l| − (L−1) from numbers."""
    fs = FunctionSpace("3x2,2x1,3x1 s=2x1,1x2 r=3")
    assert fs.ambient_dimension == 105826
    assert fs.dimension.certified and fs.dimension.value == 11 - 2
    assert "E·Jμ" in fs.dimension.method


@pytest.mark.parametrize("arch", ["2,2 r=2", "3,2 r=2", "2,2 s=2 r=3", "2,2,2 r=2", "2,3,2 s=2,1 r=2",
                                  "2x2,2x2 r=2", "2x1,1x2 r=3"])
def test_dimension_meets_the_rescaling_torus(arch):
    """Theorem [SMK25]: dim = Σ|k_l| − (L−1), the generic rank of the Jacobian; certified
    by the exact rank at a point meeting the torus bound."""
    fs = FunctionSpace(arch)
    a = fs.architecture
    assert fs.dimension.certified
    assert fs.dimension.value == sum(a.filter_sizes) - (a.num_layers - 1)


def test_rescaling_torus_fixes_the_output():
    mu = PolynomialParameterization("3,2,2 s=2,1 r=3")
    theta = [list(range(1, 4)), [2, -1], [5, 7]]
    lam = Fraction(3, 2)
    moved = [[lam * v for v in theta[0]], [v / lam ** 3 for v in theta[1]], theta[2]]
    assert mu.evaluate(moved) == mu.evaluate(theta)


def test_r_equal_one_is_the_linear_network():
    assert Architecture.parse("3,2 s=2 r=1") == Architecture.parse("3,2 s=2")
    assert isinstance(parameterize("3,2 s=2 r=1"), Parameterization)
    lin = FunctionSpace("3,2 s=2 r=1").implicit_equations()
    assert lin.equations == FunctionSpace("3,2 s=2").implicit_equations().equations


def test_names_and_order_are_documented():
    mu = PolynomialParameterization("2,2 r=2")
    assert mu.coordinate_names == ("c0_0", "c0_1", "c1_1", "c1_2", "c2_2")
    mu2 = PolynomialParameterization("2x1,1x2 r=2")
    assert mu2.coordinate_names[0] == "c0_0__0_0"
    assert all(n.startswith("c") for n in mu2.coordinate_names)


def test_reversal_permutes_monomials():
    mu = PolynomialParameterization("3,2 s=2 r=2")
    n = mu.num_inputs
    perm = mu.permute_inputs(tuple(n - 1 - i for i in range(n)))
    theta = mu.random_point(3, bound=9)
    layers = mu.split(theta)
    reversed_theta = [list(reversed(l)) for l in layers]
    a, b = mu.evaluate(theta), mu.evaluate(reversed_theta)
    assert all(b[perm[m]] == a[m] for m in range(len(a)))


def test_bad_input_is_refused():
    with pytest.raises(InputError, match="no activation"):
        PolynomialParameterization("2,2")
    with pytest.raises(InputError, match="use lcnalg.PolynomialParameterization"):
        Parameterization("2,2 r=2")
    with pytest.raises(InputError, match="point"):
        PolynomialParameterization("2,2 r=2").evaluate([1, 2, 3])
    for bad in ("2,2 r=0", "2,2 r=-1", "2,2 r=1.5", "2,2 r=x"):
        with pytest.raises(LCNAlgError, match="activation"):
            Architecture.parse(bad)
    with pytest.raises(ResourceLimitError, match="coordinates"):
        PolynomialParameterization("3,3,3 r=40")
    with pytest.raises(ResourceLimitError, match="max_coordinates"):
        PolynomialParameterization("2,2 r=3", limits=Limits(max_coordinates=5))
