"""The exact region count against independent routes: the arrangement bound of one generic
hidden layer (Zaslavsky), the breakpoints of one-dimensional networks, a fine grid, random points,
and the upper bounds of Serra et al."""

from __future__ import annotations

import itertools
import math
import random
from fractions import Fraction

import flint
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from lcnalg import InputError, Limits, ResourceLimitError
from lcnalg.regions import (Network, arrangement_bound, linear_regions, montufar_lower_bound, product_bound,
                            serra_bound)
from lcnalg.regions.count import region_work
from tests.regions.reference import generic_point, pattern, preactivations


def dense_net(n0, widths, rng, low=-3, high=3, bias=True):
    layers, prev = [], n0
    for w in list(widths) + [1]:
        layers.append({"type": "dense", "weights": [[rng.randint(low, high) for _ in range(prev)] for _ in range(w)],
                       "bias": [rng.randint(low, high) if bias else 0 for _ in range(w)]})
        prev = w
    return {"input": [n0], "layers": layers}


def in_general_position(rows, n) -> bool:
    """Every at most n normals independent and every n+1 augmented rows independent (exact ranks)."""
    for k in range(1, min(len(rows), n + 1) + 1):
        for subset in itertools.combinations(rows, k):
            if k <= n and flint.fmpq_mat([list(a) for a, _ in subset]).rank() < k:
                return False
            if k == n + 1 and flint.fmpq_mat([list(a) + [c] for a, c in subset]).rank() < k:
                return False
    return True


# ------------------------------------------------------------------ one hidden layer: arrangement
@pytest.mark.parametrize("n0, units", [(1, 4), (2, 5), (3, 6), (2, 2)])
def test_one_generic_hidden_layer_reaches_the_arrangement_bound(n0, units):
    rng = random.Random(20 + n0 * units)
    while True:
        net = dense_net(n0, [units], rng, -5, 5)
        first = net["layers"][0]
        if in_general_position(list(zip(first["weights"], first["bias"])), n0):
            break
    r = linear_regions(net)
    assert r.count == arrangement_bound(units, n0) == r.arrangement_bound == r.upper_bound
    assert r.certified and r.status == "certified"


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10**6), n0=st.integers(1, 3), units=st.integers(1, 5))
def test_one_hidden_layer_generic_or_not(seed, n0, units):
    net = dense_net(n0, [units], random.Random(seed), -3, 3)
    first = net["layers"][0]
    r = linear_regions(net)
    bound = arrangement_bound(units, n0)
    assert r.count <= bound
    if in_general_position(list(zip(first["weights"], first["bias"])), n0):
        assert r.count == bound


# ------------------------------------------------------------------ one-dimensional input: breakpoints
def breakpoint_count(net, lo=None, hi=None) -> int:
    """Regions of a network on R (or [lo, hi]) from its breakpoints: the zeros of every unit's
    pre-activation, found layer by layer (each unit is linear between the breakpoints found so
    far, so its zeros are found from exact values at those points), sorted; the count is one
    plus the number of consecutive open pieces whose activation patterns differ."""
    points: set[Fraction] = set()
    depth = len(net["layers"]) - 1
    for layer in range(depth):
        grid = sorted(points)
        anchors = ([grid[0] - 1] if grid else [Fraction(-1)]) + grid + ([grid[-1] + 1] if grid else [Fraction(1)])
        new = set()
        for a, b in zip(anchors, anchors[1:]):
            za, zb = preactivations(net, [a])[layer], preactivations(net, [b])[layer]
            for u, (va, vb) in enumerate(zip(za, zb)):
                if va != vb:
                    root = a - va * (b - a) / (vb - va)
                    # the first and last pieces are unbounded: extend their lines
                    if (a < root < b) or (a == anchors[0] and root <= a) or (b == anchors[-1] and root >= b):
                        new.add(root)
        points |= new
    cuts = sorted(p for p in points if (lo is None or lo < p) and (hi is None or p < hi))
    left = lo if lo is not None else (cuts[0] - 1 if cuts else Fraction(0))
    right = hi if hi is not None else (cuts[-1] + 1 if cuts else Fraction(1))
    ends = [left] + cuts + [right]
    samples = [(a + b) / 2 for a, b in zip(ends, ends[1:])]
    patterns = [pattern(net, [x]) for x in samples]
    return 1 + sum(p != q for p, q in zip(patterns, patterns[1:]))


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10**6), widths=st.lists(st.integers(1, 4), min_size=1, max_size=3),
       boxed=st.booleans())
def test_one_dimensional_input_matches_the_breakpoints(seed, widths, boxed):
    net = dense_net(1, widths, random.Random(seed))
    if boxed:
        r = linear_regions(net, box=(-2, 3))
        assert r.count == breakpoint_count(net, Fraction(-2), Fraction(3))
    else:
        r = linear_regions(net)
        assert r.count == breakpoint_count(net)
    assert r.count <= serra_bound(1, widths)


def test_one_dimensional_sawtooth_doubles_per_layer():
    # h(x) = 2 relu(x) - 4 relu(x - 1/2) folds [0, 1] onto itself: L layers give 2^L linear pieces
    # of the output and 2^L + ... patterns; compare with the breakpoint route
    layer = {"type": "dense", "weights": [[1], [1]], "bias": [0, "-1/2"]}
    fold = {"type": "dense", "weights": [[2, -4], [2, -4]], "bias": [0, "-1/2"]}
    net = {"input": [1], "layers": [layer, fold, fold, {"type": "dense", "weights": [[2, -4]]}]}
    r = linear_regions(net, box=(0, 1))
    assert r.count == breakpoint_count(net, Fraction(0), Fraction(1))
    assert r.count >= 8  # three folds of [0, 1]: at least 2^3 pieces


# ------------------------------------------------------------------ a fine grid in the plane
def grid_patterns(net, lo, hi, steps) -> set[str]:
    step = (Fraction(hi) - Fraction(lo)) / steps
    seen = set()
    for i in range(steps + 1):
        for j in range(steps + 1):
            p = pattern(net, [lo + i * step, lo + j * step], strict=True)
            if p is not None:
                seen.add(p)
    return seen


def test_tiny_network_agrees_with_a_fine_grid():
    net = {"input": [2], "layers": [
        {"type": "dense", "weights": [[1, 0], [0, 1], [1, 1]], "bias": ["-1/3", "-1/2", -1]},
        {"type": "dense", "weights": [[1, -1, 1], [-1, 2, 1]], "bias": ["-1/4", "-1/5"]},
        {"type": "dense", "weights": [[1, 1]]}]}
    r = linear_regions(net, box=(0, 1))
    seen = grid_patterns(net, 0, 1, 60)
    assert len(seen) <= r.count                 # a grid can only miss regions
    assert seen == {p for p, _ in r.regions}    # here every region is wide enough to be hit
    assert len(seen) == r.count > 8  # more than the 2^3 cells of the first layer alone


# ------------------------------------------------------------------ random networks: bounds and points
@st.composite
def small_networks(draw):
    """Dense networks, or a strided 1D convolution (possibly two) followed by a dense layer."""
    seed = draw(st.integers(0, 10**6))
    if draw(st.booleans()):
        n0 = draw(st.integers(1, 3))
        widths = draw(st.lists(st.integers(1, 3), min_size=0, max_size=2))
        return n0, widths, dense_net(n0, widths, random.Random(seed), -2, 2)
    rng = random.Random(seed)
    n0 = draw(st.integers(2, 5))
    layers, length, widths = [], n0, []
    for _ in range(draw(st.integers(1, 2))):
        k = draw(st.integers(1, min(3, length)))
        stride = draw(st.integers(1, 2))
        layers.append({"type": "conv", "filter": [rng.randint(-2, 2) for _ in range(k)], "stride": stride,
                       "bias": rng.randint(-2, 2)})
        length = (length - k) // stride + 1
        widths.append(length)
    layers.append({"type": "dense", "weights": [[1] * length]})
    return n0, widths, {"input": [n0], "layers": layers}


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=small_networks(), boxed=st.booleans(), seed=st.integers(0, 10**6))
def test_random_networks_between_the_points_seen_and_the_bounds(case, boxed, seed):
    n0, widths, net = case
    r = linear_regions(net, box=(-3, 3) if boxed else None)
    assert r.count <= r.upper_bound == serra_bound(n0, widths) <= product_bound(n0, widths) <= 2 ** sum(widths)
    # the work done stays below the up-front estimate that max_region_work is checked against
    estimate, upper = region_work(Network.from_dict(net), boxed, Limits())
    assert r.work <= estimate and upper == r.upper_bound
    # every region's point has its pattern, with no pre-activation zero; the patterns are distinct
    patterns = [p for p, _ in r.regions]
    assert len(set(patterns)) == len(patterns) == r.count
    for p, point in r.regions:
        x = [Fraction(v) for v in point]
        assert pattern(net, x) == p if widths else p == ""
        if boxed:
            assert all(-3 <= v <= 3 for v in x)
    # random points of the domain on no hyperplane of the network see only counted patterns
    # (integer weights: a pre-activation vanishes there only where it is identically zero)
    rng = random.Random(seed)
    seen = {pattern(net, generic_point(rng, n0, 3 if boxed else rng.choice([1, 30]))) for _ in range(60)}
    assert seen <= set(patterns) and len(seen) <= r.count


# ------------------------------------------------------------------ convolutions
def conv_as_dense(net):
    """The same network with every hidden layer written as a dense matrix by the reference
    evaluator (columns = images of the unit vectors minus the image of 0, bias = image of 0)."""
    shape, layers = list(net["input"]), []
    total = 1
    for k in shape:
        total *= k
    n = total
    for layer in net["layers"][:-1]:
        single = {"input": shape, "layers": [layer, {"type": "dense", "weights": [[0]]}]}
        zero = preactivations(single, [0] * n)[0]
        cols = [[v - b for v, b in zip(preactivations(single, [int(i == j) for i in range(n)])[0], zero)]
                for j in range(n)]
        layers.append({"type": "dense", "weights": [[str(col[i]) for col in cols] for i in range(len(zero))],
                       "bias": [str(b) for b in zero]})
        n, shape = len(zero), [len(zero)]
    return {"input": [total], "layers": layers + [net["layers"][-1]]}


@pytest.mark.parametrize("net", [
    {"input": [5], "layers": [{"type": "conv", "filter": [1, -1, 2], "stride": 2, "bias": "1/2"},
                              {"type": "conv", "filter": [1, 1], "stride": 1, "bias": -1},
                              {"type": "dense", "weights": [[1]]}]},
    {"input": [4], "layers": [{"type": "conv", "filter": [2, -1], "stride": 1, "bias": 1},
                              {"type": "dense", "weights": [[1, -1, 1], [0, 1, 1]], "bias": [0, -1]},
                              {"type": "dense", "weights": [[1, 1]]}]},
    {"input": [3, 3], "layers": [{"type": "conv", "filter": [[1, -1], [2, 1]], "stride": [1, 1], "bias": 1},
                                 {"type": "dense", "weights": [[1, 1, 1, 1]]}]},
    {"input": [3, 4], "layers": [{"type": "conv", "filter": [[1, 0], [-1, 1]], "stride": [1, 2]},
                                 {"type": "dense", "weights": [[1, -1, 1, 1]], "bias": [0]},
                                 {"type": "dense", "weights": [[1]]}]},
])
def test_convolution_equals_its_dense_matrix(net):
    dense = conv_as_dense(net)
    r, d = linear_regions(net), linear_regions(dense)
    assert r.count == d.count and r.count <= r.upper_bound
    assert r.max_lower_bound is None  # no lower bound on the maximum for shared weights
    assert sorted(p for p, _ in r.regions) == sorted(p for p, _ in d.regions)
    for p, point in r.regions:
        assert pattern(net, [Fraction(v) for v in point]) == p


def test_strided_1d_convolution_of_independent_windows():
    # stride = filter size: the windows are disjoint, each unit cuts R^6 by its own hyperplane,
    # and the hidden layer is an arrangement of 3 hyperplanes with independent normals: 2^3 regions
    net = {"input": [6], "layers": [{"type": "conv", "filter": [1, 2], "stride": 2, "bias": 1},
                                    {"type": "dense", "weights": [[1, 1, 1]]}]}
    r = linear_regions(net)
    assert r.count == 8 == r.arrangement_bound


# ------------------------------------------------------------------ bounds
@settings(max_examples=50, deadline=None)
@given(n0=st.integers(1, 4), widths=st.lists(st.integers(1, 4), min_size=1, max_size=3))
def test_serra_bound_is_its_sum_over_J(n0, widths):
    total = 0
    for js in itertools.product(*[range(w + 1) for w in widths]):
        ok, avail = True, n0
        for j, w in zip(js, widths):
            if j > min(avail, w):
                ok = False
                break
            avail = min(avail, w - j)
        if ok:
            prod = 1
            for j, w in zip(js, widths):
                prod *= math.comb(w, j)
            total += prod
    assert serra_bound(n0, widths) == total <= product_bound(n0, widths)
    if len(widths) == 1:
        assert total == arrangement_bound(widths[0], n0)
    low = montufar_lower_bound(n0, widths)
    if low is not None:
        assert low <= serra_bound(n0, widths)


# ------------------------------------------------------------------ limits and bad input
def test_refused_up_front_with_the_estimate_and_the_option():
    net = dense_net(4, [16, 16], random.Random(0))
    with pytest.raises(ResourceLimitError, match="max_region_work"):
        linear_regions(net)
    small = dense_net(2, [2], random.Random(0))
    with pytest.raises(ResourceLimitError, match=r"estimated at \d+, above the bound 5"):
        linear_regions(small, limits=Limits(max_region_work=5))


@pytest.mark.parametrize("data, field", [
    ({"input": [2]}, "layers"),
    ({"input": [2, 2, 2], "layers": []}, "input"),
    ({"input": [0], "layers": [{"type": "dense", "weights": [[1]]}]}, "input"),
    ({"input": [2], "layers": []}, "layers"),
    ({"input": [2], "layers": [{"type": "pool"}]}, r"layers\[0\]\.type"),
    ({"input": [1], "layers": [{"type": []}]}, r"layers\[0\]\.type"),
    ({"input": [1], "layers": [{"type": {}}]}, r"layers\[0\]\.type"),
    ({"input": [2], "layers": [{"type": "dense", "weights": [[1, 2]], "bias": [1, 2]}]}, r"layers\[0\]\.bias"),
    ({"input": [2], "layers": [{"type": "dense", "weights": [[1, "x"]]}]}, r"layers\[0\]\.weights\[0\]\[1\]"),
    ({"input": [2], "layers": [{"type": "dense", "weights": [[1, float("inf")]]}]}, r"layers\[0\]\.weights"),
    ({"input": [2], "layers": [{"type": "conv", "filter": [1, 1, 1]}]}, r"layers\[0\]\.filter"),
    ({"input": [3], "layers": [{"type": "conv", "filter": [1], "stride": 0}]}, r"layers\[0\]\.stride"),
    ({"input": [3, 3], "layers": [{"type": "conv", "filter": [1, 2]}]}, r"layers\[0\]\.filter\[0\]"),
    ({"input": [3], "layers": [{"type": "conv", "filter": [1], "bias": [1, 2]}]}, r"layers\[0\]\.bias"),
    ({"input": [3], "layers": [{"type": "conv", "filter": [1], "pad": 1}]}, r"layers\[0\]"),
    ([1, 2], "network"),
])
def test_bad_networks_are_one_line_errors_naming_the_field(data, field):
    with pytest.raises(InputError, match=f"^{field}") as info:
        linear_regions(data)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("box", [(1, 0), (0, "x"), (0, 1, 2), [(0, 1)], [(0, 1), (0,)], "x", (0, float("nan"))])
def test_bad_boxes(box):
    with pytest.raises(InputError, match="^box"):
        linear_regions(dense_net(2, [2], random.Random(1)), box=box)


def test_network_object_and_file_give_the_same_count(tmp_path):
    import json

    net = dense_net(2, [3, 2], random.Random(5))
    path = tmp_path / "net.json"
    path.write_text(json.dumps(net))
    assert linear_regions(str(path)).count == linear_regions(Network.from_dict(net)).count == linear_regions(net).count
