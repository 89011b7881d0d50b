"""V(R) for 2D architectures with any strides, level by level over C (lcnalg.real.polyphase_head_2d.levels_v_member).

Compared with: the implicit equations of V where they are certified and cheap; the one-level decision of
head_member (V(R) from the absolute splits of the factors of the polyphase gcd) and of polyphase_2d_member;
the factorization patterns at stride one; M (levels_member, contains) on images of real layers (in both),
on real points of V built from a complex layer h in one layer and conj(h) in another, possibly at another
level (in V(R), typically not in M), and on images moved by one entry (typically in neither)."""

from __future__ import annotations

import math
import random
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lcnalg import FunctionSpace
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, ResourceLimitError
from lcnalg.limits import Limits
from lcnalg.real import contains, inequalities
from lcnalg.real.patterns import pattern_table
from lcnalg.real.polyphase_2d import polyphase_2d_member, polyphase_2d_shape
from lcnalg.real.polyphase_head_2d import head_2d_shape, head_member, levels_member, levels_v_member
from tests.real.gaussian import conj, gauss_box, gmul, real_box


# ------------------------------------------------------------------ points from layers
def _stretch(q: dict, a: int, b: int) -> dict:
    return {(i * a, j * b): c for (i, j), c in q.items()}


def _boxes(arch: Architecture) -> list:
    return [(f[0] - 1, f[1] - 1) for f in arch.filters]


def _strides(arch: Architecture) -> list:
    return [tuple(t) for t in arch.cumulative_strides[:arch.num_layers]]


def _product(arch: Architecture, layers: list) -> list[int]:
    prod = {(0, 0): (1, 0)}
    for layer, t in zip(layers, _strides(arch)):
        prod = gmul(prod, _stretch(layer, *t))
    assert all(c[1] == 0 for c in prod.values())
    nx, ny = arch.end_to_end_filter_shape
    return [prod.get((i, j), (0, 0))[0] for i in range(nx) for j in range(ny)]


def _v_point(arch: Architecture, rng: random.Random) -> list[int] | None:
    """A real point of V: h(x^ρ, y^ρ) in layer l1 and conj(h) in a later layer l2 (ρ the ratio of their
    cumulative strides), real integer layers elsewhere; None when no such h fits."""
    boxes, ts = _boxes(arch), _strides(arch)
    l1, l2 = sorted(rng.sample(range(len(boxes)), 2))
    ra, rb = ts[l2][0] // ts[l1][0], ts[l2][1] // ts[l1][1]
    d = (min(boxes[l1][0] // ra, boxes[l2][0]), min(boxes[l1][1] // rb, boxes[l2][1]))
    if d == (0, 0):
        return None
    h = gauss_box(d, rng)
    layers = [real_box(n, rng) for n in boxes]
    layers[l1] = gmul(_stretch(h, ra, rb), real_box((boxes[l1][0] - ra * d[0], boxes[l1][1] - rb * d[1]), rng))
    layers[l2] = gmul(conj(h), real_box((boxes[l2][0] - d[0], boxes[l2][1] - d[1]), rng))
    return _product(arch, layers)


def _image(arch: Architecture, rng: random.Random) -> list[int]:
    return _product(arch, [real_box(n, rng) for n in _boxes(arch)])


def _points(arch: Architecture, rng: random.Random, n: int) -> list[tuple[str, list[int]]]:
    out = []
    for _ in range(n):
        p = next((q for q in (_v_point(arch, rng) for _ in range(6)) if q is not None), None)
        if p is not None:
            out.append(("v", p))
        img = _image(arch, rng)
        out.append(("image", img))
        moved = list(img)
        moved[rng.randrange(len(moved))] += rng.choice([-1, 1])
        out.append(("moved", moved))
    return out


def _check(arch: Architecture, kind: str, p: list[int], *, with_m: bool = True) -> tuple[bool | None, bool]:
    v = levels_v_member(arch, p)
    m = levels_member(arch, p).in_function_space if with_m else None
    if kind in ("v", "image"):
        assert v.in_v, (str(arch), kind, p)
    if kind == "image" and with_m:
        assert m, (str(arch), p)
    assert v.in_v or not m, (str(arch), p)                     # M ⊆ V(R)
    if head_2d_shape(arch) is not None:
        assert head_member(arch, p).in_v is v.in_v, (str(arch), p)
    if polyphase_2d_shape(arch) is not None:
        assert polyphase_2d_member(arch, p).in_v is v.in_v, (str(arch), p)
    return m, v.in_v


# ------------------------------------------------------------------ tests
def test_docstring_cases_and_refusals():
    p = [0] * 20
    p[0], p[16] = 2, 1                                          # x^4 + 2 = (x^2 + i√2)(x^2 − i√2)
    r = levels_v_member("2x2,2x2,2x2 s=1x1,2x1", p)
    assert (r.in_v, r.levels) == (True, ((2, 1),))
    assert levels_member("2x2,2x2,2x2 s=1x1,2x1", p).in_function_space is False
    assert levels_v_member("2x2,2x2,2x2 s=1x1,2x1", [0] * 20).in_v
    assert levels_v_member("3x3", [1] * 9).in_v                 # one layer: everything
    with pytest.raises(InputError, match="level-by-level"):
        levels_v_member("3,2 s=2", [1] * 4)
    with pytest.raises(InputError, match="filter"):
        levels_v_member("2x2,2x2,2x2 s=1x1,2x1", [1] * 3)
    with pytest.raises(ResourceLimitError):
        levels_v_member("2x2,2x2,2x2 s=2x1,1x2", [1] * 30, Limits(max_nodes=1))


def test_three_levels_by_hand():
    """``2x2,2x2,2x2 s=2x1,2x1``: layers in (x, y), (x^2, y), (x^4, y) (docs/theory.md#polyphase-head-2d)."""
    arch = Architecture.parse("2x2,2x2,2x2 s=2x1,2x1")
    nx, ny = arch.end_to_end_filter_shape

    def flat(poly: dict) -> list[int]:
        return [poly.get((i, j), 0) for i in range(nx) for j in range(ny)]

    both = flat({(0, 0): 1, (4, 0): 1})                              # x^4 + 1: layer 3 takes w + 1, w = x^4
    pair = flat({(0, 0): 1, (4, 0): 1, (0, 2): 1, (4, 2): 1})        # (x^4 + 1)(y^2 + 1): y ± i in two layers
    neither = flat({(0, 0): 1, (1, 0): 1, (2, 0): 1})                # 1 + x + x^2: two absolute factors in x
    for p, m, v in ((both, True, True), (pair, False, True), (neither, False, False)):
        r = levels_v_member(arch, p)
        assert (levels_member(arch, p).in_function_space, r.in_v) == (m, v)
        assert contains(arch, p).contained is m
        assert (r.choice is None) is (not v)
    # the choice: counts of absolute blocks per Q-irreducible factor of the polyphase gcds, one tuple per level
    assert len(levels_v_member(arch, pair).choice) == 2


@settings(max_examples=8, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.integers(0, 10**6))
def test_head_and_polyphase_agree(seed):
    """One strided level: the level-by-level route over C equals head_member's (absolute splits of the factors
    of G∘π) and polyphase_2d_member's V(R); at stride one, the patterns' Π_V."""
    rng = random.Random(seed)
    k = rng.choice([1, 2])
    boxes = [(rng.randint(1, 2), rng.randint(0, 1)) for _ in range(k + 1)]
    boxes = [b if b != (1, 0) or rng.random() < .5 else (1, 1) for b in boxes]
    a, b = rng.choice([(2, 1), (1, 2), (2, 2)])
    strides = ",".join(["1x1"] * (k - 1) + [f"{a}x{b}"] + ["1x1"] * (len(boxes) - k - 1))
    text = ",".join(f"{x + 1}x{y + 1}" for x, y in boxes) + (f" s={strides}" if len(boxes) > 1 else "")
    arch = Architecture.parse(text)
    if math.prod(arch.end_to_end_filter_shape) > 40:
        return
    for kind, p in _points(arch, rng, 2):
        _check(arch, kind, p, with_m=False)


@pytest.mark.parametrize("text", ["2x2,2x2", "3x2,2x2", "2x2,2x2,2x1"])
def test_stride_one_is_the_pattern_table(text):
    arch = Architecture.parse(text)
    table = pattern_table(arch)
    rng = random.Random(len(text))
    for kind, p in _points(arch, rng, 3):
        v = levels_v_member(arch, p).in_v
        assert v is table.in_v(table.pattern_of([Fraction(x) for x in p])), (text, p)
        if kind == "v":
            assert v


@pytest.mark.parametrize("text", ["2x2,2x2,2x2 s=2x1,1x2", "2x2,2x2,2x2 s=2x1,2x1", "2x2,2x2,3x2 s=1x2,2x1",
                                  "2x2,2x2,2x2,2x1 s=1x1,2x1,2x1"])
def test_several_levels_on_built_points(text):
    """Images are in both; a conjugate pair split between two layers (possibly of different levels) is in
    V(R); M ⊆ V(R) and M agrees with contains(); moved points are typically in neither."""
    arch = Architecture.parse(text)
    ineq = inequalities(arch, equations=False)
    assert (ineq.family, ineq.closed) == ("2D factor groupings", False)
    rng = random.Random(sum(map(ord, text)))
    seen = set()
    for kind, p in _points(arch, rng, 3):
        m, v = _check(arch, kind, p, with_m=kind != "moved")     # M of a moved point: slow, and V(R) decides
        if m is not None:
            assert m is contains(arch, p).contained, (text, p)
        assert ineq.variety_holds_at(p) is v
        seen.add((kind, m, v))
    assert ("v", False, True) in seen                           # a point of V(R) \ M was built
    assert ("moved", None, False) in seen


def _vanish(polys, p) -> bool:
    return all(f(*p) == 0 for f in polys)


@pytest.mark.parametrize("text", ["2x1,2x2,1x2 s=2x1,2x1", "2x2,2x1,2x1 s=1x2,2x1"])
def test_certified_equations(text):
    """Three levels, M ≠ V(R) (family "2D contents"): V(R) by the absolute factors level by level is the real
    zero set of the certified implicit equations, on built points of V(R) \\ M, images and moved points; and it
    is what inequalities().variety_holds_at answers."""
    fs = FunctionSpace(text)
    eq = fs.implicit_equations()
    assert eq.certified
    arch = Architecture.parse(text)
    ineq = inequalities(arch, equations=False)
    assert ineq.closed is False
    rng = random.Random(len(text))
    seen = set()
    for kind, p in _points(arch, rng, 3):
        v = levels_v_member(arch, p).in_v
        assert v is _vanish(eq.polynomials, p), (text, kind, p)
        assert ineq.variety_holds_at(p) is v
        m = ineq.holds_at(p)
        assert v or not m
        seen.add((kind, m, v))
    assert {("v", False, True), ("image", True, True), ("moved", False, False)} <= seen


@pytest.mark.parametrize("text", ["3x1,2x2,2x1 s=2x1,2x1"])
def test_equations_up_to_degree_three(text):
    """Where only the equations of degree ≤ 3 are cheap: a point of V(R) satisfies them (necessary condition)."""
    eq = FunctionSpace(text).implicit_equations(max_degree=3, certify=False)
    arch = Architecture.parse(text)
    rng = random.Random(len(text) + 1)
    for kind, p in _points(arch, rng, 3):
        v = levels_v_member(arch, p).in_v
        assert not v or _vanish(eq.polynomials, p), (text, kind, p)
        if kind != "moved":
            assert v


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.integers(0, 10**6))
def test_random_architectures_several_levels(seed):
    """Random 2D architectures with two or three strided levels: images in V(R) and M, built conjugate pairs in
    V(R), M ⊆ V(R) on moved points."""
    rng = random.Random(seed)
    n = rng.choice([3, 4])
    boxes = [(rng.randint(0, 2), rng.randint(0, 1)) for _ in range(n)]
    boxes = [bx if bx != (0, 0) else (1, 1) for bx in boxes]
    strides = [rng.choice(["1x1", "2x1", "1x2"]) for _ in range(n - 1)]
    text = ",".join(f"{x + 1}x{y + 1}" for x, y in boxes) + " s=" + ",".join(strides)
    arch = Architecture.parse(text)
    if len({tuple(t) for t in arch.cumulative_strides[:n]}) < 3 or math.prod(arch.end_to_end_filter_shape) > 60:
        return
    for kind, p in _points(arch, rng, 1):
        _check(arch, kind, p, with_m=kind != "moved")


def test_variety_holds_at_other_families():
    """The dispatch of variety_holds_at: stride-one patterns, 1D root orbits, 1D stride one, closed spaces."""
    r = inequalities("2x2,2x2", equations=False)
    assert r.variety_holds_at([1, 0, 1, 0, 0, 0, 1, 0, 1])                 # (1 + x^2)(1 + y^2): q q̄ split
    assert not r.holds_at([1, 0, 1, 0, 0, 0, 1, 0, 1])
    assert r.variety_holds_at([1, 0, 0, 0, 0, 0, 0, 0, 1])                 # 1 + x^2 y^2 = (1 + ixy)(1 - ixy)
    p = [1, 1, 0, 1, 0, 0, 0, 0, 1]                                         # 1 + x + y + x^2 y^2: irreducible
    assert (r.holds_at(p), r.variety_holds_at(p), levels_v_member("2x2,2x2", p).in_v) == (False, False, False)
    r = inequalities("3,2,2 s=2,1", equations=False)                        # 1D root orbits
    assert r.family == "root orbits"
    rng = random.Random(5)
    for _ in range(6):
        c = [rng.randint(-3, 3) for _ in range(7)]
        assert r.variety_holds_at(c) or not r.holds_at(c)
    assert inequalities("2,2,2", equations=False).variety_holds_at([1, 0, 1, 0])      # 1D stride one: R^k
    r = inequalities("2x2,2x1,1x2 s=2x1,1x2", equations=False)              # closed: V(R) = M
    assert r.closed and r.variety_holds_at([1] * 16) is r.holds_at([1] * 16)
