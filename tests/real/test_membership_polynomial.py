"""Real membership for polynomial networks (activation t -> t^r, r >= 2), against independent routes:
the image of random real weights (forward pass), the complex fibre solved by sympy's Groebner bases
on the charts of the rescaling torus, and complex weights whose image is real."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings, strategies as st

from lcnalg import Architecture, FunctionSpace, InputError, Limits, PolynomialParameterization, ResourceLimitError
from lcnalg.real import contains


def _arch(data) -> Architecture:
    """Small polynomial architectures: 1D of 2 or 3 layers with strides, or 2D of 2 layers."""
    if data.draw(st.booleans()):
        L = data.draw(st.integers(2, 3))
        filters = tuple((data.draw(st.integers(1, 3)),) for _ in range(L))
        strides = tuple((data.draw(st.integers(1, 2)),) for _ in range(L - 1))
    else:
        L = 2
        filters = tuple((data.draw(st.integers(1, 2)), data.draw(st.integers(1, 2))) for _ in range(2))
        strides = ((data.draw(st.integers(1, 2)), data.draw(st.integers(1, 2))),)
    return Architecture(filters, strides, data.draw(st.integers(2, 3 if L == 2 else 2)))


def _weights(data, mu) -> list:
    """Small integers and fractions, often zero (special strata of the parameter space)."""
    value = st.one_of(st.just(0), st.integers(-4, 4), st.builds(Fraction, st.integers(-4, 4), st.integers(1, 3)))
    return [data.draw(value) for _ in range(mu.num_parameters)]


def _maps_back(arch, result, values) -> bool:
    mu = PolynomialParameterization(arch)
    layers = [[Fraction(x) for x in w] for w in result.witness]
    return tuple(Fraction(x) for x in mu.evaluate(layers)) == tuple(Fraction(x) for x in values)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_the_image_of_real_weights_is_contained_with_a_rational_witness(data):
    arch = _arch(data)
    mu = PolynomialParameterization(arch)
    f = mu.evaluate(_weights(data, mu))
    res = FunctionSpace(arch).contains(list(f))
    assert res.contained is True and res.certified and res.witness_exact
    assert _maps_back(arch, res, f)      # the witness is a preimage, exactly


def complex_fibre_is_empty(arch, values) -> bool:
    """No complex weights map to ``values``: sympy's reduced Groebner basis is {1} on every chart
    w_l[j] = 1 (l < L) of the rescaling torus (for f != 0 every w_l is non-zero, and a chart
    with w_l[j] != 0 reaches each orbit)."""
    mu = PolynomialParameterization(arch)
    w = sympy.symbols(mu.parameter_names)
    eqs = [c - sympy.Rational(v.numerator, v.denominator) for c, v in zip(mu.to_sympy(), map(Fraction, values))]
    eqs = [e.subs(dict(zip([sympy.Symbol(n) for n in mu.parameter_names], w))) for e in eqs]
    for js in itertools.product(*[range(hi - lo) for lo, hi in mu.layer_slices[:-1]]):
        fix = {w[lo + j]: 1 for (lo, _), j in zip(mu.layer_slices, js)}
        free = [x for x in w if x not in fix]
        if list(sympy.groebner([e.subs(fix) for e in eqs], *free, order="grevlex").exprs) != [1]:
            return False
    return True


@pytest.mark.parametrize("text", ["2,2 r=2", "2,3 r=2", "2,2 r=3", "3,2 s=2 r=2", "2,2,2 r=2"])
def test_a_no_is_an_empty_complex_fibre(text):
    """Perturbing one coordinate of an image point: every "not contained" is confirmed by the
    complex fibre (Groebner bases in sympy, an independent route); some perturbations stay in M."""
    arch = Architecture.parse(text)
    mu = PolynomialParameterization(arch)
    rng = random.Random(7)
    outside = 0
    for _ in range(6):
        f = list(mu.evaluate([rng.choice([0, 1, -1, 2, 3]) for _ in range(mu.num_parameters)]))
        f[rng.randrange(len(f))] += rng.choice([1, -2])
        res = contains(arch, f)
        assert res.decided and res.certified
        if res.contained:
            assert _maps_back(arch, res, f)
        else:
            outside += 1
            assert res.witness is None and res.reason.startswith("not in M")
            assert complex_fibre_is_empty(arch, f)
    assert outside >= 3


def test_examples_by_hand():
    # (x0 + x1)^2 - (x1 + x2)^2 and x0^2 + x2^2: the second needs w1 = (1, 0) for x0^2, whose shift
    # gives x1^2, not x2^2
    res = contains("2,2 r=2", [1, 2, 0, -2, -1])
    assert res.contained and res.witness == (("1", "1"), ("1", "-1"))
    res = contains("2,2 r=2", "x0^2 + x2^2")
    assert res.contained is False and complex_fibre_is_empty(Architecture.parse("2,2 r=2"), res.filter)
    # the leading monomial x0*x1 of x0*x1 + x1^2 is not a square
    res = contains("2,2 r=2", "x0*x1 + x1^2")
    assert res.contained is False and "r-th power" in res.reason
    # a polynomial, its coordinates, and sympy give one filter
    x0, x1, x2 = sympy.symbols("x0:3")
    a = contains("2,2 r=2", 3 * (x0 + 2 * x1) ** 2 + 5 * (x1 + 2 * x2) ** 2)
    b = contains("2,2 r=2", "3,12,17,20,20")
    assert a.filter == b.filter == ("3", "12", "17", "20", "20") and a.contained and b.contained


@pytest.mark.parametrize("text, r", [("2,2 r=2", 2), ("2,2,2 r=2", 2), ("2,2 r=3", 3), ("2x2,2x1 r=2", 2)])
def test_complex_weights_with_a_real_image_have_a_real_preimage(text, r):
    """M = mu(C^N) ∩ R^n (the module's theorem), for even and odd r: weights moved by a complex
    element of the torus, or by an r-th root of unity on a layer below the last (which fixes f),
    are not real, yet their real image is contained, with a rational witness."""
    arch = Architecture.parse(text)
    mu = PolynomialParameterization(arch)
    ws = [sympy.Symbol(n) for n in mu.parameter_names]
    zeta = sympy.I if r == 2 else sympy.exp(2 * sympy.pi * sympy.I / 3)
    rng = random.Random(r)
    real = [rng.choice([1, -1, 2, -3]) for _ in ws]
    lo, hi = mu.layer_slices[0]
    lo2, hi2 = mu.layer_slices[1]
    cases = []
    # lambda = zeta on layer 1 and lambda^(-r) on layer 2: for r = 2 this is i and -1
    cases.append([x * zeta if lo <= k < hi else x * zeta ** (-r) if lo2 <= k < hi2 else x
                  for k, x in enumerate(real)])
    for theta in cases:
        assert any(sympy.im(sympy.expand(t)) != 0 for t in theta)
        image = [sympy.nsimplify(sympy.expand(c.subs(dict(zip(ws, theta))))) for c in mu.to_sympy()]
        assert all(v.is_rational for v in image)
        f = [Fraction(int(v.p), int(v.q)) for v in image]
        res = contains(arch, f)
        assert res.contained and res.witness_exact and _maps_back(arch, res, f)


def test_the_zero_filter_and_resource_bounds():
    assert contains("2,2,2 r=3", [0] * PolynomialParameterization("2,2,2 r=3").ambient_dimension).contained
    with pytest.raises(ResourceLimitError, match="max-nodes"):
        contains("2x2,2x2,2x2 r=2", "x0^4", limits=Limits(max_nodes=100))
    with pytest.raises(ResourceLimitError, match="max-coordinates"):
        contains("3,3,3 r=40", "1")
    with pytest.raises(ResourceLimitError, match="max-coordinates"):
        FunctionSpace("2,2,2 r=3", limits=Limits(max_coordinates=20)).contains("x0^9")


@pytest.mark.parametrize("filt, field", [
    ("1,2", "5 needed"), ("x0^3", "degree 2"), ("x0*x2", "not a coordinate"), ("x0^2 + y", "polynomial in x0"),
    ("x0^2 + 0.5*x1^2", "polynomial in x0"), ("9^9^9^9*x0^2", "exponents"), ("x0^-2", "negative powers"),
    ("x", "not an input"), ("", "empty"), ([1, 2, 3, 4, float("nan")], "filter (entry 4"),
    ({"a": 1}, "filter"), (sympy.sqrt(2) * sympy.Symbol("x0") ** 2, "rational coefficients"),
])
def test_bad_filters_name_the_field(filt, field):
    with pytest.raises(InputError, match="filter") as err:
        contains("2,2 r=2", filt)
    assert field in str(err.value)


def test_channels_are_refused():
    with pytest.raises(InputError, match="c="):
        contains(Architecture(((2,), (2,)), activation=2, channels=(1, 2, 1)), [1, 2, 3])


@pytest.mark.parametrize("arch", ["2,1 r=2", "2,2 r=2", "1,2 s=1 r=3", "2,2 s=2 r=2"])
def test_m_is_the_real_zero_set_of_the_equations(arch):
    """is_zariski_closed says M = V(R) for r >= 2; an independent check: every integer point of
    a small box on which the certified equations vanish is contained (the membership search
    finds an exact witness), and closedness, inequalities and boundary agree."""
    import itertools

    from lcnalg import FunctionSpace

    fs = FunctionSpace(arch)
    closed = fs.is_zariski_closed()
    assert closed.closed is True and closed.certified
    eqs = fs.implicit_equations()
    assert eqs.certified
    n = fs.ambient_dimension
    on_v = [c for c in itertools.product(range(-2, 3), repeat=n) if all(p(*c) == 0 for p in eqs.polynomials)]
    assert len(on_v) > 1
    for c in on_v:
        assert fs.contains(list(c)).contained is True, c
    ineq = fs.inequalities()
    assert ineq.decided and ineq.closed and ineq.equations == eqs.equations
    b = fs.boundary()
    assert b.decided and b.closed
