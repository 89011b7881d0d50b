"""Linear networks with channels: μ against block-Toeplitz matrices, symbolic against numeric,
modular against exact, and dense networks against determinantal varieties."""

from __future__ import annotations

import itertools
import math
import random
from fractions import Fraction

import flint
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lcnalg import (Architecture, ArchitectureError, ChannelParameterization, FunctionSpace, InputError, Limits,
                    ResourceLimitError, parameterize)

P = 1_000_003


@st.composite
def channel_architectures(draw, max_layers=3):
    """Small linear architectures with channels, 1D or 2D."""
    ndim = draw(st.integers(1, 2))
    L = draw(st.integers(1, max_layers))
    filters = tuple(tuple(draw(st.integers(1, 3 if ndim == 1 else 2)) for _ in range(ndim)) for _ in range(L))
    strides = tuple(tuple(draw(st.integers(1, 2)) for _ in range(ndim)) for _ in range(L - 1)) + ((1,) * ndim,)
    channels = [draw(st.integers(1, 3 if L < 3 else 2)) for _ in range(L + 1)]
    if all(c == 1 for c in channels):
        channels[draw(st.integers(0, L))] = 2
    return Architecture(filters, strides=strides, channels=tuple(channels))


def random_rational_point(mu, seed):
    rng = random.Random(seed)
    return [Fraction(rng.randint(-9, 9), rng.randint(1, 5)) for _ in range(mu.num_parameters)]


def conv_matrix(weights, shape, stride, in_shape):
    """The matrix of ``y_a = Σ_j w_j x_{s·a + j}`` (valid convolution, row-major flattening)."""
    out_shape = tuple((n - k) // s + 1 for n, k, s in zip(in_shape, shape, stride))
    assert all((n - k) % s == 0 for n, k, s in zip(in_shape, shape, stride))
    rows = []
    for a in itertools.product(*map(range, out_shape)):
        row = []
        for b in itertools.product(*map(range, in_shape)):
            j = tuple(bb - s * aa for aa, bb, s in zip(a, b, stride))
            inside = all(0 <= x < k for x, k in zip(j, shape))
            row.append(weights[sum(x * math.prod(shape[i + 1:]) for i, x in enumerate(j))] if inside else 0)
        rows.append(row)
    return rows, out_shape


def toeplitz_network(arch, theta):
    """The product of the layers' block-Toeplitz matrices on one receptive field: a
    ``c_L × (c_0 · |receptive field|)`` matrix of rationals."""
    ch = arch.channels
    shape = tuple(arch.end_to_end_filter_shape)
    total = None
    start = 0
    for l, (f, s) in enumerate(zip(arch.filters, arch.strides), start=1):
        k = math.prod(f)
        block_rows = []
        out_shape = None
        for o in range(ch[l]):
            blocks = []
            for i in range(ch[l - 1]):
                w = theta[start + (o * ch[l - 1] + i) * k: start + (o * ch[l - 1] + i + 1) * k]
                mat, out_shape = conv_matrix(w, f, s, shape)
                blocks.append(mat)
            block_rows.extend([sum((blk[r] for blk in blocks), []) for r in range(len(blocks[0]))])
        start += ch[l] * ch[l - 1] * k
        layer = flint.fmpq_mat([[flint.fmpq(x.numerator, x.denominator) if isinstance(x, Fraction) else x
                                 for x in row] for row in block_rows])
        total = layer if total is None else layer * total
        shape = out_shape
    assert math.prod(shape) == 1
    return total


def as_fmpq(x):
    x = Fraction(x)
    return flint.fmpq(x.numerator, x.denominator)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arch=channel_architectures(), seed=st.integers(0, 10**6))
def test_evaluate_is_the_product_of_block_toeplitz_matrices(arch, seed):
    mu = ChannelParameterization(arch)
    theta = random_rational_point(mu, seed)
    toeplitz = toeplitz_network(arch, theta)
    values = mu.evaluate(theta)
    flat = [toeplitz[o, col] for o in range(toeplitz.nrows()) for col in range(toeplitz.ncols())]
    assert [as_fmpq(v) for v in values] == flat
    assert mu.ambient_dimension == arch.ambient_dimension == len(values)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arch=channel_architectures(max_layers=2), seed=st.integers(0, 10**6))
def test_symbolic_numeric_modular_and_jacobians_agree(arch, seed):
    mu = ChannelParameterization(arch)
    rng = random.Random(seed)
    theta = [rng.randint(-20, 20) for _ in range(mu.num_parameters)]
    values = mu.evaluate(theta)
    assert tuple(int(c(*theta)) for c in mu.coordinates) == values
    assert mu.evaluate_mod(theta, P) == tuple(v % P for v in values)
    support = mu.support
    assert all((v == 0) or m in support for m, v in enumerate(values))
    assert all((mu.coordinates[m] != 0) == (m in support) for m in range(mu.ambient_dimension))
    exact = mu.jacobian_at(theta)
    symbolic = [[int(d(*theta)) for d in row] for row in mu.jacobian]
    assert [[exact[r, c] for c in range(exact.ncols())] for r in range(exact.nrows())] == symbolic
    modular = mu.jacobian_at(theta, modulus=P)
    assert [[int(modular[r, c]) for c in range(modular.ncols())] for r in range(modular.nrows())] == \
        [[x % P for x in row] for row in symbolic]
    tangents = mu.orbit_tangents(theta)
    product = exact * tangents.transpose()  # the hidden GL(c_l) keeps mu fixed: tangents in the kernel
    assert product == flint.fmpq_mat(product.nrows(), product.ncols())
    assert mu.orbit_rank(theta, modulus=P) <= mu.orbit_rank(theta) == tangents.rank()
    # reversing every filter (all axes) reverses every end-to-end filter, strides included
    reversed_theta = []
    for (lo, hi), exps in zip(mu.layer_slices, mu.layer_exponents):
        k = len(exps)
        for b in range(lo, hi, k):
            reversed_theta.extend(theta[b:b + k][::-1])
    image = mu.permute_inputs(list(range(math.prod(mu.input_shape)))[::-1])
    assert mu.evaluate(reversed_theta) == tuple(values[image[idx]] for idx in range(mu.ambient_dimension))
    sample = mu.sample_image(2, 101, seed=seed)
    assert sample.shape == (2, mu.ambient_dimension)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arch=channel_architectures(max_layers=2), seed=st.integers(0, 10**6))
def test_dimension_between_bounds(arch, seed):
    fs = FunctionSpace(arch, seed=seed)
    mu = fs.parameterization
    d = fs.dimension
    # the rank at any point is a lower bound; N minus the symmetry orbit at any point an upper one
    theta = mu.random_point(seed + 1, bound=50)
    assert mu.jacobian_rank(theta) <= d.upper_bound
    assert d.value <= mu.num_parameters - mu.orbit_rank(theta)
    assert d.value <= min(mu.num_parameters, fs.ambient_dimension)
    assert fs.ambient_dimension == arch.ambient_dimension
    assert fs.is_filling == (d.value == fs.ambient_dimension)


@pytest.mark.parametrize("c0,d,widths", [
    (1, 3, (2, 3)), (1, 3, (2, 2, 3)), (1, 4, (1, 2)), (2, 2, (3, 2)), (1, 2, (4, 3)), (1, 5, (2, 4, 3)),
    (2, 3, (2, 5)),
])
def test_dense_networks_are_determinantal_varieties(c0, d, widths):
    """First filter over the whole input, later filters of size 1: W_L ⋯ W_1, whose image is
    the c_L × (c_0 d) matrices of rank ≤ min width, of dimension r(m + n − r)."""
    L = len(widths)
    arch = Architecture(((d,),) + ((1,),) * (L - 1), channels=(c0,) + widths)
    fs = FunctionSpace(arch)
    m, n = widths[-1], c0 * d
    r = min((n,) + widths)
    assert fs.dimension.value == r * (m + n - r)
    assert fs.dimension.certified  # the Jacobian rank meets N minus the hidden GL(c_l) orbit
    assert fs.ambient_dimension == m * n
    assert fs.is_filling == (r == min(m, n))


def test_dense_network_equals_matrix_product():
    mu = ChannelParameterization("3,1 c=1,2,2")
    theta = list(range(1, mu.num_parameters + 1))
    w1 = flint.fmpz_mat(2, 3, theta[:6])
    w2 = flint.fmpz_mat(2, 2, theta[6:])
    product = w2 * w1
    assert mu.evaluate(theta) == tuple(int(product[o, i]) for o in range(2) for i in range(3))


def test_names_and_order():
    mu = ChannelParameterization("2x1,1x1 c=2,1,1")
    assert mu.parameter_names == ("w1_0_0_0", "w1_0_0_1", "w1_0_1_0", "w1_0_1_1", "w2_0_0_0")
    assert mu.coordinate_names == ("c0_0_0", "c0_0_1", "c0_1_0", "c0_1_1")
    assert mu.layer_slices == ((0, 4), (4, 5)) and mu.layer_degrees == (1, 1)
    # a point as one nested array per layer, shape (c_l, c_{l-1}) + k_l
    assert mu.evaluate([[[[[1], [2]], [[3], [5]]]], [[[[7]]]]]) == (7, 14, 21, 35)
    assert parameterize("2,2 c=1,2,1") .__class__ is ChannelParameterization


@pytest.mark.parametrize("text", ["3,2 c=1,4", "3,2 c=1,4,1,1", "3,2 c=1,0,1", "3,2 c=1,-1,1", "3,2 c=1,x,1"])
def test_bad_channel_lists(text):
    with pytest.raises(ArchitectureError, match=r"channels \(c\)"):
        Architecture.parse(text)


def test_refusals():
    with pytest.raises(InputError, match="c="):
        parameterize("2,2 r=2 c=1,2,1")
    with pytest.raises(InputError, match="c="):
        FunctionSpace("2,2 r=2 c=1,2,1").dimension
    with pytest.raises(InputError, match="no channels"):
        ChannelParameterization("2,2")
    with pytest.raises(InputError, match="c="):
        FunctionSpace("2,2 c=1,2,1").degree
    with pytest.raises(ResourceLimitError, match="max_coordinates"):
        ChannelParameterization("3,3 c=8,8,8", limits=Limits(max_coordinates=100))
    mu = ChannelParameterization("3,3,3 c=3,3,3,3", max_terms=100)
    with pytest.raises(ResourceLimitError, match="max_terms"):
        mu.coordinates
    with pytest.raises(InputError, match="point"):
        mu.evaluate([1, 2, 3])


@pytest.mark.parametrize("method,args", [
    ("implicit_equations", ()), ("contains", ([1, 2],)), ("is_zariski_closed", ()), ("inequalities", ()),
    ("boundary", ()), ("critical_locus", ()), ("singular_locus", ()), ("stratification", ()),
    ("critical_points", ()), ("real_critical_points", ()), ("descend", ()), ("ed_degree", ()), ("invariants", ()),
    ("metric", ()),
])
def test_one_channel_methods_refuse_channels(method, args):
    fs = FunctionSpace("2,1 c=1,2,1")
    with pytest.raises(InputError, match=r"one channel.*\(c=\)"):
        getattr(fs, method)(*args)
    summary = fs.summary()  # what channels support: the summary, without the one-channel degree
    assert summary.degree is None and summary.dimension == fs.dimension.value == 2


def test_symmetry_matrix_is_bounded_up_front():
    with pytest.raises(ResourceLimitError, match="max_jacobian_entries"):
        FunctionSpace("1,1 c=1,300,1").dimension
