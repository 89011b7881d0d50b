"""The parameterization μ: two independent routes, exact and modular evaluation, Jacobians."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import flint
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg import Architecture, InputError, Parameterization, ResourceLimitError
from lcnalg.polys.modular import LARGE_PRIMES

from tests.strategies import architectures, points


def conv_matrix(w: list, shape: tuple, stride: tuple, out_shape: tuple) -> tuple[flint.fmpq_mat, tuple]:
    """Matrix of the valid cross-correlation x ↦ (Σ_j w_j x_{i·s+j})_i (row-major arrays)."""
    in_shape = tuple(s * (o - 1) + k for s, o, k in zip(stride, out_shape, shape))
    def flat(idx, sh):
        f = 0
        for i, n in zip(idx, sh):
            f = f * n + i
        return f
    rows = math.prod(out_shape)
    cols = math.prod(in_shape)
    entries = [[0] * cols for _ in range(rows)]
    weights = dict(zip(itertools.product(*(range(k) for k in shape)), w))
    for i in itertools.product(*(range(o) for o in out_shape)):
        for j, v in weights.items():
            pos = tuple(a * s + b for a, s, b in zip(i, stride, j))
            entries[flat(i, out_shape)][flat(pos, in_shape)] += Fraction(v)
    return flint.fmpq_mat([[flint.fmpq(x.numerator, x.denominator) if isinstance(x, Fraction) else x
                            for x in row] for row in entries]), in_shape


def network_matrix(arch: Architecture, layers: list[list], out_shape: tuple) -> tuple:
    """Multiply the layers' convolution matrices, last layer on the left."""
    shapes = [out_shape]
    for f, s in zip(reversed(arch.filters), reversed(arch.strides)):
        shapes.append(tuple(si * (o - 1) + k for si, o, k in zip(s, shapes[-1], f)))
    shapes.reverse()  # shapes[l] = input shape of layer l+1
    total = None
    for l in range(arch.num_layers):
        A, _ = conv_matrix(layers[l], arch.filters[l], arch.strides[l], shapes[l + 1])
        total = A if total is None else A * total
    return total, shapes[0]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_polynomial_product_equals_product_of_convolution_matrices(data):
    arch = data.draw(architectures(max_layers=3, max_size=3, max_stride=3, max_ambient=30))
    theta = data.draw(points(arch))
    mu = Parameterization(arch)
    c = mu.evaluate(theta)
    out_shape = tuple(data.draw(st.integers(1, 2)) for _ in range(arch.ndim))
    W, in_shape = network_matrix(arch, theta, out_shape)
    t = arch.cumulative_strides[-1]
    k = arch.end_to_end_filter_shape
    # W is the convolution with stride t_L and filter μ(θ).
    expected, _ = conv_matrix(list(c), k, t, out_shape)
    assert expected.nrows() == W.nrows() and expected.ncols() == W.ncols()
    assert expected == W


def test_stride_example_from_math_md():
    # k=(2,2), s=(2,·): u=(1,2), v=(3,5) give (3,6,5,10); swapping the layers (3,5,6,10).
    mu = Parameterization("2,2 s=2")
    assert mu.evaluate([[1, 2], [3, 5]]) == (3, 6, 5, 10)
    assert mu.evaluate([[3, 5], [1, 2]]) == (3, 5, 6, 10)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_symbolic_coordinates_agree_with_evaluation(data):
    arch = data.draw(architectures(max_ambient=30))
    mu = Parameterization(arch)
    theta = data.draw(points(arch))
    flat = [flint.fmpq(x.numerator, x.denominator) if isinstance(x, Fraction) else flint.fmpq(x)
            for layer in theta for x in layer]
    # Evaluate the symbolic polynomials at the rational point through Q[w].
    ctx = flint.fmpq_mpoly_ctx.get(mu.parameter_names, "degrevlex")
    values = []
    for c in mu.coordinates:
        q = ctx.from_dict({m: flint.fmpq(int(v)) for m, v in c.to_dict().items()})
        values.append(Fraction(int(q(*flat).p), int(q(*flat).q)) if not q.is_zero() else 0)
    assert tuple(values) == mu.evaluate(theta)
    # multilinear of degree L, with Π|k_l| terms in all
    assert sum(len(c) for c in mu.coordinates) == mu.num_terms
    assert all(c.total_degree() == arch.num_layers for c in mu.coordinates if not c.is_zero())


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_modular_evaluation_is_reduction_of_exact(data):
    arch = data.draw(architectures(max_ambient=30))
    theta = data.draw(points(arch))
    mu = Parameterization(arch)
    p = 1_000_003
    exact = mu.evaluate(theta)
    mod = mu.evaluate_mod(theta, p)
    for e, m in zip(exact, mod):
        f = Fraction(e)
        assert f.numerator * pow(f.denominator, -1, p) % p == m


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_jacobian_at_point_matches_symbolic_jacobian(data):
    arch = data.draw(architectures(max_ambient=25))
    mu = Parameterization(arch)
    theta = data.draw(points(arch, fractions=False))
    flat = [x for layer in theta for x in layer]
    J = mu.jacobian_at(theta)
    for m, row in enumerate(mu.jacobian):
        for i, entry in enumerate(row):
            assert J[m, i] == entry(*flat)
    # Euler: J_l w_l = μ for every layer (docs/theory.md#euler-identity), an independent identity.
    c = mu.evaluate(theta)
    for lo, hi in mu.layer_slices:
        for m in range(mu.ambient_dimension):
            assert sum(J[m, i] * flat[i] for i in range(lo, hi)) == c[m]
    p = LARGE_PRIMES[1]
    assert mu.jacobian_rank(theta, modulus=p) <= mu.jacobian_rank(theta)


def test_points_in_layer_shape_and_flat_agree():
    mu = Parameterization("2x2,2x1")
    nested = [[[1, 2], [3, 4]], [[5], [6]]]
    assert mu.evaluate(nested) == mu.evaluate([1, 2, 3, 4, 5, 6])
    assert mu.evaluate([["1/2", 2, 3, 4], [5, 6]])[0] == Fraction(5, 2)


@pytest.mark.parametrize(
    "theta, match",
    [
        ([1, 2, 3], "expected 4 weights"),
        ([[1, 2, 3], [4]], "layer 1 needs 2"),
        ([1.5, 2, 3, 4], "not exact"),
        (["x", 2, 3, 4], "not an integer or fraction"),
        ("1234", "expected 4 weights"),
        (7, "expected 4 weights"),
    ],
)
def test_bad_points(theta, match):
    with pytest.raises(InputError, match=match):
        Parameterization("2,2 s=2").evaluate(theta)


def test_resource_limit_on_symbolic_terms():
    mu = Parameterization("3,3,3,3", max_terms=50)
    with pytest.raises(ResourceLimitError, match="max_terms"):
        mu.coordinates
    assert len(mu.evaluate(mu.random_point(0))) == 9  # evaluation needs no symbolic form


def test_activation_and_channels_are_refused_clearly():
    with pytest.raises(InputError, match="r="):
        Parameterization("2,2 r=2")
    with pytest.raises(InputError, match="c="):
        Parameterization("2,2 c=1,2,1")


def test_random_points_are_reproducible_and_seeded():
    mu = Parameterization("3,2 s=2")
    assert mu.random_point(5) == mu.random_point(5)
    assert mu.random_point(5) != mu.random_point(6)
    assert all(0 <= x < 97 for x in mu.random_point_mod(1, 97))


def test_sympy_conversion_round_trip():
    from lcnalg.rings import from_sympy, to_sympy

    mu = Parameterization("2x2,2x2")
    for c in mu.coordinates:
        assert from_sympy(to_sympy(c), mu.ring) == c


def test_exact_conversion_is_one_public_function():
    from fractions import Fraction

    import flint

    from lcnalg.rings import to_fmpq

    assert to_fmpq("-2/5", "x") == flint.fmpq(-2, 5) and to_fmpq(Fraction(1, 3), "x") == flint.fmpq(1, 3)
    for bad in (0.5, True, "abc"):
        with pytest.raises(InputError, match="^x: "):
            to_fmpq(bad, "x")


def test_max_terms_is_a_limits_field():
    from lcnalg import Limits

    with pytest.raises(ResourceLimitError) as err:
        Parameterization("3,3,3,3", limits=Limits(max_terms=50)).coordinates
    assert err.value.limit == "max_terms"


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_support_is_where_the_all_ones_filters_reach(data):
    """The support is the sumset of the layers' exponents; with every weight 1 each coordinate
    counts the paths that reach it, so it is nonzero exactly there.  Large filters take the
    route through indicator polynomials, small ones the pairwise sums."""
    arch = data.draw(st.one_of(
        architectures(max_layers=3, max_size=3, max_stride=3, max_ambient=30),
        st.sampled_from(["300,300 s=2", "30x30,20x20 s=2x3", "20x1,1x20,5x5 s=3x1,1x2", "260,2,257 s=1,3"])))
    mu = Parameterization(arch)
    reached = {m for m, c in enumerate(mu.evaluate([1] * mu.num_parameters)) if c != 0}
    assert mu.support == reached
