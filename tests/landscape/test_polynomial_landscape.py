"""The loss landscape of polynomial networks (activation t -> t^r, r >= 2).

The squared loss on function space is checked against the loss computed through the network's
forward pass; the Segre–Veronese ED degree formula against the Segre formula (d = 1) and known
values; the critical-point count against the Segre–Veronese ED degree where that is a theorem
(mu embeds the Segre–Veronese cone linearly), and elsewhere against itself by independent routes
(two primes, and the univariate representation over Q of the real-point solver).
"""

from __future__ import annotations

import math
import random
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings, strategies as st

from lcnalg import FunctionSpace, InputError, ResourceLimitError, parameterize
from lcnalg.architecture import Architecture
from lcnalg.landscape import Dataset, QuadraticLoss, critical_points, ed_degree, segre_ed_degree
from lcnalg.landscape.critical_points import bezout_number
from lcnalg.landscape.real_critical_points import real_critical_points
from lcnalg.landscape.segre import (segre_veronese_dimensions, segre_veronese_ed_degree,
                                    segre_veronese_kernel)
from lcnalg.limits import Limits


# -- the loss on function space ------------------------------------------------------------
@st.composite
def polynomial_architectures(draw) -> Architecture:
    """Small polynomial architectures: 1D with two or three layers, 2D with two."""
    ndim = draw(st.integers(1, 2))
    layers = draw(st.integers(2, 3)) if ndim == 1 else 2
    r = draw(st.integers(2, 3)) if layers == 2 else 2
    filters = tuple(tuple(draw(st.integers(1, 3 if ndim == 1 else 2)) for _ in range(ndim)) for _ in range(layers))
    strides = tuple(tuple(draw(st.integers(1, 2)) for _ in range(ndim)) for _ in range(layers))
    return Architecture(filters, strides, activation=r)


def _patches(x: list, in_shape: tuple, k: tuple, t: tuple, out: tuple) -> list[list]:
    """The receptive field of every output, read off the nested input directly."""
    def at(arr, idx):
        for i in idx:
            arr = arr[i]
        return arr
    result = []
    for i in _grid(out):
        result.append([at(x, [i[a] * t[a] + j[a] for a in range(len(k))]) for j in _grid(k)])
    return result


def _grid(shape: tuple) -> list[tuple]:
    if not shape:
        return [()]
    return [(i,) + rest for i in range(shape[0]) for rest in _grid(shape[1:])]


def _shaped(flat: list, shape: tuple):
    if len(shape) == 1:
        return list(flat)
    step = math.prod(shape[1:])
    return [_shaped(flat[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]


@settings(max_examples=12, deadline=None)
@given(st.data())
def test_loss_through_the_forward_pass_equals_function_space_form(data):
    arch = data.draw(polynomial_architectures())
    mu = parameterize(arch)
    n = mu.ambient_dimension
    if n > 40:
        return
    out = tuple(data.draw(st.integers(1, 2)) for _ in range(arch.ndim))
    positions = math.prod(out)
    samples = -(-(n + 2) // positions)
    rng = random.Random(data.draw(st.integers(0, 10**6)))
    k, t = arch.end_to_end_filter_shape, arch.cumulative_strides[-1]
    assert k == mu.input_shape  # one output reads the linear network's end-to-end filter shape
    in_shape = tuple(ti * (o - 1) + ki for ti, o, ki in zip(t, out, k))
    xs = [_shaped([Fraction(rng.randint(-9, 9), rng.randint(1, 3)) for _ in range(math.prod(in_shape))], in_shape)
          for _ in range(samples)]
    ys = [_shaped([Fraction(rng.randint(-9, 9)) for _ in range(positions)], out) for _ in range(samples)]
    try:
        loss = QuadraticLoss.from_data(arch, Dataset.from_arrays(xs, ys))
    except InputError as exc:  # degenerate random data: said clearly
        assert str(exc).startswith("data:")
        return
    assert loss.n == n and loss.is_positive_definite()
    theta = [[Fraction(rng.randint(-5, 5), rng.randint(1, 4)) for _ in range(hi - lo)] for lo, hi in mu.layer_slices]
    form = sympy.expand(mu.form(theta))
    xvars = sympy.symbols(f"x0:{mu.num_inputs}")
    direct = sympy.Integer(0)
    for x, y in zip(xs, ys):
        flat_y = y if arch.ndim == 1 else [v for row in y for v in row]
        for patch, target in zip(_patches(x, in_shape, k, t, out), flat_y):
            # every input symbol a number: xreplace (simultaneous) evaluates as subs does
            value = form.xreplace({v: sympy.Rational(p.numerator, p.denominator) for v, p in zip(xvars, patch)})
            direct += (value - sympy.Rational(target.numerator, target.denominator)) ** 2
    assert loss.loss(mu.evaluate(theta)) == Fraction(int(sympy.numer(direct)), int(sympy.denom(direct)))


def test_generic_and_identity_forms_have_the_size_of_the_function_space():
    fs = FunctionSpace("2,2 r=2")
    assert fs.ambient_dimension == 5
    assert fs.critical_points("identity").complex_critical_points == 14
    assert QuadraticLoss.generic(5, seed=1).is_positive_definite()


def test_data_of_the_wrong_shape_names_the_field():
    arch = "2,2 s=2 r=2"  # one output reads 4 inputs, outputs are 2 inputs apart
    with pytest.raises(InputError, match=r"^inputs: length 5 along axis 1 does not fit 2,2 s=2 r=2"):
        QuadraticLoss.from_data(arch, Dataset.from_arrays([[1, 2, 3, 4, 5]], [1]))
    with pytest.raises(InputError, match=r"^targets: shape \(3,\) per sample"):
        QuadraticLoss.from_data(arch, Dataset.from_arrays([[1, 2, 3, 4, 5, 6]], [[1, 2, 3]]))
    with pytest.raises(InputError, match=r"^inputs: samples have 2 axes"):
        QuadraticLoss.from_data(arch, Dataset.from_arrays([[[1, 2], [3, 4]]], [1]))
    # too few samples for the 6 coefficients of the output form
    with pytest.raises(InputError, match=r"^data: the patch matrix Q has rank 5 < 6.*6 coefficients of the output form"):
        QuadraticLoss.from_data(arch, Dataset.random(arch, 5, seed=1))
    with pytest.raises(ResourceLimitError, match="max_loss_work|--max-loss-work"):
        QuadraticLoss.from_data(arch, Dataset.random(arch, 50, seed=1), limits=Limits(max_loss_work=1000))
    with pytest.raises(InputError, match="^loss: defined on 4 entries"):
        critical_points(arch, QuadraticLoss.generic(4, seed=1))


# -- the Segre–Veronese ED degree ----------------------------------------------------------
@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(0, 4), min_size=1, max_size=4))
def test_segre_veronese_with_degrees_one_is_the_segre_formula(dims):
    assert segre_veronese_ed_degree(dims, [1] * len(dims)) == segre_ed_degree(dims)


@pytest.mark.parametrize("n, d", [(1, 1), (1, 2), (1, 5), (2, 2), (2, 3), (3, 2), (4, 3)])
def test_veronese_varieties(n, d):
    # generic ED degree of v_d(P^n) [DHOST16]: ((2d-1)^(n+1) - (d-1)^(n+1)) / d; 3d - 2 for curves
    assert segre_veronese_ed_degree((n,), (d,)) == ((2 * d - 1) ** (n + 1) - (d - 1) ** (n + 1)) // d
    if n == 1:
        assert segre_veronese_ed_degree((1,), (d,)) == 3 * d - 2


@pytest.mark.parametrize("dims, value", [((1, 1), 6), ((2, 2), 39), ((1, 1, 1), 34), ((1, 2), 10)])
def test_segre_veronese_known_segre_values(dims, value):
    assert segre_veronese_ed_degree(dims, (1,) * len(dims)) == value


def test_segre_veronese_bad_input():
    with pytest.raises(InputError, match="^degrees: 1 entries for 2 factors"):
        segre_veronese_ed_degree((1, 1), (2,))
    with pytest.raises(InputError, match="^degrees"):
        segre_veronese_ed_degree((1, 1), (0, 1))
    with pytest.raises(InputError, match="^dims"):
        segre_veronese_ed_degree((-1,), (1,))


# -- critical points -----------------------------------------------------------------------
# mu embeds the Segre–Veronese cone linearly (kernel 0: strides separate the layer-1 windows)
EMBEDDED = ["2,2 s=2 r=2", "2,2 s=2 r=3", "2,3 s=2 r=2"]
# mu is a linear projection of it (kernel > 0: overlapping windows share monomials)
PROJECTED = ["2,2 r=2", "2,2 r=3", "2,3 r=2", "3,2 r=2"]


@pytest.mark.parametrize("arch", EMBEDDED)
def test_generic_count_is_the_segre_veronese_ed_degree_when_mu_embeds_it(arch):
    # docs/theory.md#polynomial-critical-points: with kernel 0 a generic Q on the coordinates is a
    # generic quadratic distance on the span of the Segre–Veronese cone, so the count is its
    # generic ED degree [DHOST16, Thm 5.8]
    mu = parameterize(arch)
    assert segre_veronese_kernel(mu) == 0
    n = mu.ambient_dimension
    expected = segre_veronese_ed_degree(*segre_veronese_dimensions(arch))
    for loss in (QuadraticLoss.generic(n, seed=1), QuadraticLoss.from_data(arch, Dataset.random(arch, 2 * n, seed=2))):
        res = critical_points(arch, loss, seed=3)
        assert res.complex_critical_points == res.ed_degree_segre_veronese == expected
        assert res.fibre_sizes == {1: expected} and res.mu_critical_points == 0 and res.matches_segre_veronese
        assert "kernel 0" in res.argument and "[SMK25] is not compared" in res.limitations


@pytest.mark.parametrize("arch", PROJECTED)
def test_projected_counts_agree_modulo_two_primes(arch):
    # no theorem here relates the count to the Segre–Veronese value (mu is a projection of its
    # cone); the count is checked against itself: two primes, two charts, two separating forms
    mu = parameterize(arch)
    assert segre_veronese_kernel(mu) > 0
    loss = QuadraticLoss.generic(mu.ambient_dimension, seed=4)
    a = critical_points(arch, loss, seed=5)
    b = critical_points(arch, loss, seed=6, modulus=2**31 - 1)
    assert a.complex_critical_points == b.complex_critical_points == a.distinct_critical_points
    assert a.fibre_sizes == b.fibre_sizes == {1: a.complex_critical_points}
    assert a.ed_degree_segre_veronese == segre_veronese_ed_degree(*segre_veronese_dimensions(arch))
    assert "measured, not proved" in a.limitations


def test_count_agrees_with_the_univariate_representation_over_q():
    # an independent route: the rational univariate representation (lifted from other primes,
    # verified over Q by substitution) has as many solutions as the modular count
    loss = QuadraticLoss.identity(n=6, seed=1)
    count = critical_points("2,2 s=2 r=2", loss, seed=1)
    rur = real_critical_points("2,2 s=2 r=2", loss, seed=1, dimension=3,
                               limits=Limits(max_real_critical_solutions=200))
    assert rur.complex_solutions == count.complex_critical_points + count.mu_critical_points
    assert 0 < len(rur.points) <= rur.complex_solutions
    assert all(not p.mu_critical and p.shared_roots == () for p in rur.points)
    assert sum(p.kind == "minimum" for p in rur.points) >= 1


def test_ed_degree_and_text_output():
    res = ed_degree("2,2 s=2 r=2", seed=0)
    assert res.function_space_critical_points == res.ed_degree_segre_veronese == 14
    text = res.to_text()
    assert "S-Veronese ED    14 (equal)" in text and "the linear network's" in text
    assert critical_points("2,2 s=2", QuadraticLoss.generic(4, seed=1)).ed_degree_segre_veronese is None


def test_oversized_systems_are_refused_up_front():
    assert bezout_number("2,2 r=2") == 5 ** 3 and bezout_number("2,2,2 r=2") == 13 ** 4
    with pytest.raises(ResourceLimitError, match=r"\(2D-1\)\^r.*--max-critical-solutions"):
        critical_points("2,2,2 r=2", QuadraticLoss.generic(10, seed=1))
    with pytest.raises(ResourceLimitError, match="--max-real-critical-solutions"):
        real_critical_points("2,2 r=2", QuadraticLoss.generic(5, seed=1))
    with pytest.raises(ResourceLimitError, match="--max-critical-solutions"):
        FunctionSpace("3,3 r=2", limits=Limits(max_critical_solutions=100)).critical_points()
