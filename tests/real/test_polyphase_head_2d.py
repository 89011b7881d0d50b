"""2D with layers 1..k at stride one and the others at one stride (lcnalg.real.polyphase_head_2d): the
decision by the blocks of the polyphase gcd against the grouping search of contains() on images, images
moved off V and real points of V built from complex layers with a conjugate pair split between layers;
against the polyphase route (k = 1) and the level-by-level route where it answers."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lcnalg import FunctionSpace
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, ResourceLimitError
from lcnalg.limits import Limits
from lcnalg.real import boundary, contains, is_zariski_closed
from lcnalg.real.polyphase_2d import polyphase_2d_member, polyphase_2d_shape
from lcnalg.real.polyphase_head_2d import gcd_blocks, head_2d_shape, head_member, levels_member
from tests.real.gaussian import conj, gauss_box, gmul, real_box


# ------------------------------------------------------------------ points from layers
def _stretch(q: dict, a: int, b: int) -> dict:
    return {(i * a, j * b): c for (i, j), c in q.items()}


def _product(arch: Architecture, layers: list) -> list[int]:
    sh = head_2d_shape(arch)
    a, b = sh.strides
    k = len(sh.head_boxes)
    prod = {(0, 0): (1, 0)}
    for l, layer in enumerate(layers):
        prod = gmul(prod, layer if l < k else _stretch(layer, a, b))
    assert all(c[1] == 0 for c in prod.values())
    nx, ny = arch.end_to_end_filter_shape
    return [prod.get((i, j), (0, 0))[0] for i in range(nx) for j in range(ny)]


def _v_point(arch: Architecture, rng: random.Random) -> list[int] | None:
    """A real point of V: h and conj(h) in two layers (two head layers, a head layer with h(x^a, y^b) and a
    strided layer, or two strided layers), real integer layers elsewhere."""
    sh = head_2d_shape(arch)
    (a, b), boxes = sh.strides, sh.head_boxes + sh.boxes
    k = len(sh.head_boxes)
    l1, l2 = sorted(rng.sample(range(len(boxes)), 2))
    if l2 < k or l1 >= k:                                    # both at the same stride
        d = (min(boxes[l1][0], boxes[l2][0]), min(boxes[l1][1], boxes[l2][1]))
        sa, sb = 1, 1
    else:                                                    # h(x^a, y^b) in head layer l1, conj(h) in layer l2
        d = (min(boxes[l1][0] // a, boxes[l2][0]), min(boxes[l1][1] // b, boxes[l2][1]))
        sa, sb = a, b
    if d == (0, 0):
        return None
    h = gauss_box(d, rng)
    layers = [real_box(n, rng) for n in boxes]
    layers[l1] = gmul(_stretch(h, sa, sb), real_box((boxes[l1][0] - sa * d[0], boxes[l1][1] - sb * d[1]), rng))
    layers[l2] = gmul(conj(h), real_box((boxes[l2][0] - d[0], boxes[l2][1] - d[1]), rng))
    return _product(arch, layers)


def _image(arch, rng) -> list[Fraction]:
    mu = FunctionSpace(arch).parameterization
    return list(mu.evaluate([Fraction(rng.randint(-3, 3), rng.randint(1, 3)) for _ in range(mu.num_parameters)]))


def _compare(arch, point, *, in_v: bool | None = None) -> tuple[bool, bool]:
    r = head_member(arch, point)
    assert r.in_function_space is contains(arch, point).contained, (arch, point)
    assert r.in_v or not r.in_function_space
    if in_v is not None:
        assert r.in_v is in_v, (arch, point)
    if polyphase_2d_shape(arch) is not None:
        p = polyphase_2d_member(arch, point)
        assert (p.in_function_space, p.in_v) == (r.in_function_space, r.in_v), (arch, point)
    lv = levels_member(arch, point).in_function_space
    assert lv is None or lv is r.in_function_space, (arch, point)
    return r.in_function_space, r.in_v


def _filter(arch: str, poly: dict) -> list[int]:
    nx, ny = Architecture.parse(arch).end_to_end_filter_shape
    return [poly.get((i, j), 0) for i in range(nx) for j in range(ny)]


# ------------------------------------------------------------------ tests
def test_shape_and_refusals():
    sh = head_2d_shape("2x2,2x2,2x2 s=1x1,2x1")
    assert (sh.head_boxes, sh.strides, sh.boxes, sh.total) == (((1, 1), (1, 1)), (2, 1), ((1, 1),), (4, 3))
    assert head_2d_shape("2x2,2x2 s=2x1").head_boxes == ((1, 1),)            # k = 1: the polyphase family
    for arch in ("2x2,2x2", "2x2,2x2,2x2 s=2x1,2x1", "2x2,2x2,2x2 s=1x1,2x1 r=2", "3,2 s=2", "2x2x2,2x2x2 s=2x1x1"):
        assert head_2d_shape(arch) is None
    with pytest.raises(InputError, match="polyphase-block"):
        head_member("2x2,2x2", [0] * 9)
    for garbage in ([1, 2], None, "x", [None] * 20, {"a": 1}):
        with pytest.raises(InputError, match="filter"):
            head_member("2x2,2x2,2x2 s=1x1,2x1", garbage)
    with pytest.raises(ResourceLimitError, match="max_nodes"):
        head_member("2x2,2x2,2x2 s=1x1,2x1", [1] * 20, Limits(max_nodes=1))
    assert head_member("2x2,2x2,2x2 s=1x1,2x1", [0] * 20).in_function_space
    # up front: (x^2 - 1)(x^2 - 4) has 4 real factors at level 2x1, so up to 2^4 sets are tried for the blocks
    p = _filter("2x2,2x2,2x2 s=1x1,2x1", {(0, 0): 4, (2, 0): -5, (4, 0): 1})
    with pytest.raises(ResourceLimitError, match="sets of real factors tried for the blocks.*16, above the bound 15"):
        levels_member("2x2,2x2,2x2 s=1x1,2x1", p, Limits(max_nodes=15))
    assert levels_member("2x2,2x2,2x2 s=1x1,2x1", p).in_function_space is contains("2x2,2x2,2x2 s=1x1,2x1", p).contained


def test_blocks_split_like_the_factors_of_g():
    # u^2 - 2 (u = x^2): x^2 - √2 splits into two real factors, x^2 + √2 is a pair
    blocks = gcd_blocks({(2, 0): 1, (0, 0): -2}, (2, 1))
    assert sorted((b.size, b.split, b.exponent) for b in blocks) == [
        ((1, 0), ((("C", 1, 0), 1),), 1), ((1, 0), ((("R", 1, 0), 2),), 1)]
    # (u + v)^2 with u = x^2: x^2 + y is absolutely irreducible, one block of exponent 2
    assert [(b.size, b.split, b.exponent) for b in gcd_blocks({(2, 0): 1, (1, 1): 2, (0, 2): 1}, (2, 1))] == [
        ((1, 1), ((("R", 2, 1), 1),), 2)]
    # u + v with (a, b) = (2, 2): x^2 + y^2 is a pair C(1,1); u - v: (x - y)(x + y)
    assert [b.split for b in gcd_blocks({(1, 0): 1, (0, 1): 1}, (2, 2))] == [((("C", 1, 1), 1),)]
    assert [b.split for b in gcd_blocks({(1, 0): 1, (0, 1): -1}, (2, 2))] == [((("R", 1, 1), 2),)]


def test_explicit_points():
    arch = "2x2,2x2,2x2 s=1x1,2x1"
    # (x^4 - 2)(1 + y) = (x^2 - √2)(x^2 + √2)(1 + y): the head takes (x - 2^(1/4))(x + 2^(1/4)),
    # Q = (u + √2)(1 + v)
    p = _filter(arch, {(0, 0): -2, (0, 1): -2, (4, 0): 1, (4, 1): 1})
    r = head_member(arch, p)
    assert r.in_function_space and contains(arch, p).contained
    assert levels_member(arch, p).in_function_space is True     # by the blocks (no rational divisor suffices)
    # (x^4 + 2)(1 + y): G = (u^2 + 2)(1 + v) and u^2 + 2 is irreducible over R, of bidegree (2, 0): no box
    # of layer 3 takes it and x^4 + 2 is too wide for the head; over C, u + i√2 goes to layer 3
    p = _filter(arch, {(0, 0): 2, (0, 1): 2, (4, 0): 1, (4, 1): 1})
    r = head_member(arch, p)
    assert (r.in_function_space, r.in_v) == (False, True)
    assert contains(arch, p).contained is False


_ARCHS = ["2x2,2x2,2x2 s=1x1,2x1", "2x2,2x2,2x2 s=1x1,1x2", "2x2,2x2,2x2 s=1x1,2x2", "3x2,2x2,2x2 s=1x1,2x1",
          "2x2,2x1,2x2 s=1x1,2x1", "2x2,2x2,2x2,2x2 s=1x1,2x1,1x1", "2x2,2x2 s=2x1", "2x2,2x2,2x2 s=2x1,1x1"]


@pytest.mark.parametrize("arch", _ARCHS)
def test_agrees_with_contains(arch):
    rng = random.Random(11)
    seen = set()
    for _ in range(3):
        image = _image(arch, rng)
        assert _compare(arch, image, in_v=True) == (True, True)
        image[rng.randrange(len(image))] += 1
        _compare(arch, image)
        point = _v_point(Architecture.parse(arch), rng)
        if point is not None:
            seen.add(_compare(arch, point, in_v=True))
    assert (False, True) in seen                 # V(R) \\ M reached: not closed


@pytest.mark.parametrize("arch", ["2x2,2x2,2x2 s=1x1,2x1", "2x2,2x2,2x2 s=1x1,2x2", "2x2,2x1,2x2 s=1x1,2x1"])
def test_closedness_witness_is_in_v_outside_m(arch):
    """The witness of is_zariski_closed (a complex-layer search, another route) is in V(R) \\ M here too."""
    verdict = is_zariski_closed(arch)
    assert verdict.closed is False
    r = head_member(arch, [Fraction(x) for x in verdict.witness])
    assert (r.in_function_space, r.in_v) == (False, True)


@st.composite
def _family(draw):
    """A small architecture of the family: 1 or 2 layers at stride one, 1 or 2 at one stride (a, b)."""
    k = draw(st.integers(1, 2))
    t = draw(st.integers(1, 2))
    dims = st.tuples(st.integers(1, 3), st.integers(1, 3))
    filters = [draw(dims) for _ in range(k + t)]
    a, b = draw(st.sampled_from([(2, 1), (1, 2), (2, 2)]))
    if sum(f[0] * f[1] for f in filters) > 14:
        filters = [(min(f[0], 2), min(f[1], 2)) for f in filters]
    strides = ["1x1"] * (k - 1) + [f"{a}x{b}"] + ["1x1"] * (t - 1)
    return ",".join(f"{f[0]}x{f[1]}" for f in filters) + " s=" + ",".join(strides)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_family(), st.integers(0, 10 ** 6))
def test_random_architectures(arch, seed):
    assert head_2d_shape(arch) is not None
    rng = random.Random(seed)
    image = _image(arch, rng)
    _compare(arch, image, in_v=True)
    image[rng.randrange(len(image))] += 1
    _compare(arch, image)
    point = _v_point(Architecture.parse(arch), rng)
    if point is not None:
        _compare(arch, point, in_v=True)


def _p_beta(beta: Fraction) -> list[Fraction]:
    """(x^2 + β)^2 (y + 1)(y + 2)(y + 3) for 2x2,2x2,2x2 s=1x1,2x1 (shape 5x4)."""
    sq = {0: beta * beta, 2: 2 * beta, 4: Fraction(1)}
    cub = {0: Fraction(6), 1: Fraction(11), 2: Fraction(6), 3: Fraction(1)}
    return [sq.get(i, Fraction(0)) * cub.get(j, Fraction(0)) for i in range(5) for j in range(4)]


def test_a_limit_the_blocks_decide_and_the_boundary_is_not_derived():
    """P_β = (x^2 + β)^2 (y+1)(y+2)(y+3): in V(R) for every β, in M iff β ≤ 0 (the block of u + β splits
    over R iff β ≤ 0), so P_0 = x^4 (y+1)(y+2)(y+3) ∈ M is a limit of points of V(R) outside M;
    boundary() says why the relative boundary is not derived."""
    arch = "2x2,2x2,2x2 s=1x1,2x1"
    for eps in (Fraction(1, 3), Fraction(1, 1000)):
        r = head_member(arch, _p_beta(eps))
        assert (r.in_function_space, r.in_v) == (False, True)
        assert contains(arch, _p_beta(eps)).contained is False
        assert head_member(arch, _p_beta(-eps)).in_function_space is contains(arch, _p_beta(-eps)).contained is True
        pair, = [b for b in r.blocks if b.size == (1, 0)]
        assert pair.split == ((("C", 1, 0), 1),) and pair.exponent == 2       # x^2 + ε: one pair, twice
    r0 = head_member(arch, _p_beta(Fraction(0)))
    assert r0.in_function_space and contains(arch, _p_beta(Fraction(0))).contained
    b = boundary(arch, equations=False)
    assert b.relative_family == "2D polyphase head (monomial limits)" and b.relative_dimension is None
    assert "polyphase-head-2d" in b.relative and "β ≤ 0" in b.relative and "Not derived" in b.relative
    assert b.is_relative_boundary_point(_p_beta(Fraction(0))) is True      # the monomial limit β → 0+
    two = boundary("2x2,2x2,2x2 s=2x1,2x1", equations=False)
    assert two.relative_family == "" and "cumulative strides" in two.relative
