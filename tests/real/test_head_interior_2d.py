"""Interior points of M inside V(R) for layers 1..k at stride one and the others at one stride: the certified
criterion of lcnalg.real.polyphase_head_2d.head_interior_member (so head_boundary_member answers False there).

Every certified point is checked three ways: (1) an independent exact route: the differential of the
parameterization has rank N − L + 1 at the real factorization the point was built from (the criterion implies it at
every factorization); (2) points of V(R) near it at σ = 1/1000 in random directions: real perturbations of the
layers, conjugate multipliers 1 ± iσt in two layers (t a monomial both layers have room for) and conjugate
perturbations φ ± iσδ of a factor two layers share; all lie in M by head_member and by the grouping search of
contains(); (3) the certified on-boundary test never answers True there.  Controls: where the criterion abstains,
the same constructions find points of V(R) \\ M next to some points, so its abstention is not vacuous."""

from __future__ import annotations

import random
from fractions import Fraction

import flint
import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, ResourceLimitError, UndecidedError
from lcnalg.real import boundary, contains
from lcnalg.real.polyphase_head_2d import head_2d_shape, head_boundary_member, head_interior_member, head_member
from tests.real.gaussian import gmul, real_box

SIGMA = Fraction(1, 1000)
X, Y = sympy.symbols("x y")


def _stretch(q: dict, a: int, b: int) -> dict:
    return {(i * a, j * b): c for (i, j), c in q.items()}


def _product(arch: Architecture, layers: list) -> list[Fraction]:
    sh = head_2d_shape(arch)
    k, (a, b) = len(sh.head_boxes), sh.strides
    prod = {(0, 0): (Fraction(1), Fraction(0))}
    for l, layer in enumerate(layers):
        prod = gmul(prod, layer if l < k else _stretch(layer, a, b))
    assert all(c[1] == 0 for c in prod.values()), "the sampled point is not real"
    nx, ny = arch.end_to_end_filter_shape
    return [Fraction(prod.get((i, j), (0, 0))[0]) for i in range(nx) for j in range(ny)]


def _degree(layer: dict) -> tuple[int, int]:
    live = [m for m, c in layer.items() if c != (0, 0)]
    return (max(m[0] for m in live), max(m[1] for m in live))


def _jacobian_rank(arch: Architecture, layers: list) -> tuple[int, int]:
    """The rank of the differential of the parameterization at the layers, and N − L + 1 (exact, FLINT)."""
    sh = head_2d_shape(arch)
    k, (a, b) = len(sh.head_boxes), sh.strides
    polys = [layer if l < k else _stretch(layer, a, b) for l, layer in enumerate(layers)]
    nx, ny = arch.end_to_end_filter_shape
    cols = []
    for l, box in enumerate(sh.head_boxes + sh.boxes):
        other = {(0, 0): (1, 0)}
        for j, p in enumerate(polys):
            if j != l:
                other = gmul(other, p)
        for i in range(box[0] + 1):
            for j in range(box[1] + 1):
                prod = gmul(other, {(i, j) if l < k else (i * a, j * b): (1, 0)})
                cols.append([prod.get((s, t), (0, 0))[0] for s in range(nx) for t in range(ny)])
    rows = [[flint.fmpq(Fraction(v).numerator, Fraction(v).denominator) for v in col] for col in cols]
    return flint.fmpq_mat(rows).rank(), len(cols) - len(layers) + 1


def _slack(arch: Architecture, layers: list, l: int) -> set:
    """The monomials (in x, y) by which layer l can be multiplied within its box."""
    sh = head_2d_shape(arch)
    k, (a, b) = len(sh.head_boxes), sh.strides
    box = (sh.head_boxes + sh.boxes)[l]
    d = _degree(layers[l])
    step = (1, 1) if l < k else (a, b)
    return {(i * step[0], j * step[1]) for i in range(box[0] - d[0] + 1) for j in range(box[1] - d[1] + 1)}


def _as_sympy(layer: dict):
    return sum(sympy.Rational(c[0]) * X**i * Y**j for (i, j), c in layer.items())


def _as_dict(expr) -> dict:
    return {m: (Fraction(str(c)), Fraction(0)) for m, c in sympy.Poly(sympy.expand(expr), X, Y).as_dict().items()}


def nearby_points(arch: Architecture, layers: list, rng: random.Random, directions: int = 3) -> list:
    """Points of V(R) at distance O(σ) from the product of the (real) layers (module docstring)."""
    sh = head_2d_shape(arch)
    k = len(sh.head_boxes)
    boxes = sh.head_boxes + sh.boxes
    out = []
    for _ in range(directions):                          # real perturbations
        moved = []
        for layer, box in zip(layers, boxes):
            r = real_box(box, rng)
            moved.append({m: (layer.get(m, (0, 0))[0] + SIGMA * r[m][0], Fraction(0)) for m in r})
        out.append(("real", _product(arch, moved)))
    a, b = sh.strides
    for l in range(len(layers)):
        for l2 in range(l):
            for m in sorted(_slack(arch, layers, l) & _slack(arch, layers, l2)):
                c = (Fraction(rng.randint(-3, 3)), Fraction(rng.choice([-2, -1, 1, 2])))
                moved = list(layers)
                for ll, sign in ((l, 1), (l2, -1)):
                    own = m if ll < k else (m[0] // a, m[1] // b)
                    t = {(0, 0): (Fraction(1), Fraction(0)), own: (SIGMA * c[0], sign * SIGMA * c[1])}
                    if own == (0, 0):
                        t = {(0, 0): (1 + SIGMA * c[0], sign * SIGMA * c[1])}
                    moved[ll] = gmul(layers[ll], t)
                out.append((f"1 ± iσ·{c}·x^{m[0]}y^{m[1]} in layers {l2 + 1}, {l + 1}", _product(arch, moved)))
            if (l < k) != (l2 < k):
                continue
            phi = sympy.gcd(_as_sympy(layers[l]), _as_sympy(layers[l2]))
            if sympy.Poly(phi, X, Y).total_degree() == 0:
                continue
            dphi = sympy.Poly(phi, X, Y).degree(X), sympy.Poly(phi, X, Y).degree(Y)
            delta = sum(rng.randint(-2, 2) * X**i * Y**j for i in range(dphi[0] + 1) for j in range(dphi[1] + 1))
            moved = list(layers)
            for ll, sign in ((l, 1), (l2, -1)):
                rest = sympy.cancel(_as_sympy(layers[ll]) / phi)
                real, imag = _as_dict(rest * phi), _as_dict(rest * delta)
                moved[ll] = {mm: (real.get(mm, (0, 0))[0], sign * SIGMA * imag.get(mm, (0, 0))[0])
                             for mm in set(real) | set(imag)}
            out.append((f"{phi} ± iσ·({delta}) in layers {l2 + 1}, {l + 1}", _product(arch, moved)))
    return out


def _in_m(arch: Architecture, p: list) -> bool:
    h = head_member(arch, p)
    assert h.in_v, "a sampled point is not in V(R)"
    got = contains(arch, p).contained
    assert got == h.in_function_space, (str(arch), p)
    return got


def _check_certified(arch: Architecture, layers: list, rng: random.Random) -> None:
    p = _product(arch, layers)
    reason = head_interior_member(arch, p).reason
    if "merged" not in reason and "linear factors shared" not in reason:   # regular for the layers themselves
        rank, full = _jacobian_rank(arch, layers)
        assert rank == full, (str(arch), p)
    assert head_boundary_member(arch, p).on_boundary is False
    samples = nearby_points(arch, layers, rng)
    refused = 0
    for what, q in samples:
        try:
            assert _in_m(arch, q), (str(arch), p, what)
        except ResourceLimitError:                 # an exact zero test of the blocks needs too many bits: skipped
            refused += 1
    assert refused < len(samples)


def _layers(arch: Architecture, rng: random.Random, monomials: float = 0.0, shared: float = 0.0) -> list:
    """Random integer layers filling their boxes; with the given probabilities a layer gets a factor x or y, or
    two layers at the same stride share a factor."""
    sh = head_2d_shape(arch)
    boxes = sh.head_boxes + sh.boxes
    layers = []
    for n in boxes:
        layer = real_box(n, rng)
        layer[n] = (rng.choice([-2, -1, 1, 2]), 0)
        t = rng.random()
        if t < monomials / 2 and n[0] >= 1:
            rest = real_box((n[0] - 1, n[1]), rng)
            rest[(n[0] - 1, n[1])] = (1, 0)
            layer = gmul({(1, 0): (1, 0)}, rest)
        elif t < monomials and n[1] >= 1:
            rest = real_box((n[0], n[1] - 1), rng)
            rest[(n[0], n[1] - 1)] = (1, 0)
            layer = gmul({(0, 1): (1, 0)}, rest)
        layers.append({m: (Fraction(c[0]), Fraction(c[1])) for m, c in layer.items()})
    k = len(sh.head_boxes)
    if rng.random() < shared:
        pairs = [(l, l2) for l in range(len(boxes)) for l2 in range(l) if (l < k) == (l2 < k)]
        if pairs:
            l, l2 = rng.choice(pairs)
            d = (min(boxes[l][0], boxes[l2][0], 1), min(boxes[l][1], boxes[l2][1], 1))
            if d != (0, 0):
                g = real_box(d, rng)
                g[d] = (1, 0)
                for ll in (l, l2):
                    rest = real_box((boxes[ll][0] - d[0], boxes[ll][1] - d[1]), rng)
                    rest[(boxes[ll][0] - d[0], boxes[ll][1] - d[1])] = (1, 0)
                    layers[ll] = {m: (Fraction(c[0]), Fraction(c[1])) for m, c in gmul(g, rest).items()}
    return layers


# ------------------------------------------------------------------ examples
def test_generic_points_are_interior():
    """Layers filling their boxes, absolutely irreducible and coprime: every factorization is real and regular."""
    for text in ("2x2,2x2,2x2 s=1x1,2x1", "2x2,2x2,2x2 s=1x1,1x2", "2x2,2x2,2x2,2x2 s=1x1,1x1,2x1",
                 "2x2,2x2,2x2,2x2 s=1x1,2x2,1x1"):
        arch = Architecture.parse(text)
        rng = random.Random(len(text))
        for _ in range(2):
            layers = _layers(arch, rng)
            r = head_interior_member(arch, _product(arch, layers))
            assert r.certified and r.in_function_space and r.factorizations >= 1, (text, r.reason)
            _check_certified(arch, layers, rng)


def test_a_monomial_in_the_head_and_one_in_the_strided_layer():
    """x in a head layer and u = x^2 in the strided layer share the factor x, but the pole orders 1 and 2 of
    r/q along x cannot cancel: still certified (x·(1 + x + y)·(1 + 2x + xy)... with u·(1 + v))."""
    arch = Architecture.parse("2x2,2x2,2x2 s=1x1,2x1")
    layers = [{(0, 0): (2, 0), (0, 1): (1, 0), (1, 0): (1, 0), (1, 1): (1, 0)},
              {(1, 0): (1, 0), (1, 1): (3, 0)},
              {(1, 0): (1, 0), (1, 1): (1, 0)}]
    layers = [{m: (Fraction(c[0]), Fraction(0)) for m, c in layer.items()} for layer in layers]
    p = _product(arch, layers)
    r = head_interior_member(arch, p)
    assert r.certified, r.reason
    _check_certified(arch, layers, random.Random(3))


def test_abstentions_are_honest():
    """Where the criterion abstains the point may be on the relative boundary: the sampler finds V(R) \\ M next to
    (x + 1)(x + 2)·Q (room for y in both head layers) and next to (x + y + 1)^2·Q (a shared factor)."""
    arch = Architecture.parse("2x2,2x2,2x2 s=1x1,2x1")
    q = {m: (Fraction(c), Fraction(0)) for m, c in {(0, 0): 2, (1, 0): 1, (0, 1): 3, (1, 1): 1}.items()}
    cases = [
        ([{(0, 0): (Fraction(1), Fraction(0)), (1, 0): (Fraction(1), Fraction(0))},
          {(0, 0): (Fraction(2), Fraction(0)), (1, 0): (Fraction(1), Fraction(0))}, q], "common monomial"),
        ([{(0, 0): (Fraction(1), Fraction(0)), (1, 0): (Fraction(1), Fraction(0)), (0, 1): (Fraction(1), Fraction(0))},
          {(0, 0): (Fraction(1), Fraction(0)), (1, 0): (Fraction(1), Fraction(0)), (0, 1): (Fraction(1), Fraction(0))},
          q], "pole orders"),
    ]
    rng = random.Random(5)
    for layers, why in cases:
        p = _product(arch, layers)
        r = head_interior_member(arch, p)
        assert not r.certified and why in r.reason and r.in_function_space
        assert head_boundary_member(arch, p).on_boundary is not False
        assert any(not _in_m(arch, s) for _, s in nearby_points(arch, layers, rng))


def test_the_beta_family_below_zero():
    """(x^2 + β)^2 (y+1)(y+2)(y+3), β < 0, is in M and on the relative boundary: |x^2 − w^2|^2 (y+1)(y+2)(y+3)
    with w → √(−β) non-real lies in V(R) \\ M (its gcd factor |u − w^2|^2 is a pair of bidegree (2, 0) in u), the
    image of the complex layers (x − w)(y + 1), (x + w)(y + 2), (u − w̄^2)(v + 3). The interior criterion abstains
    (the factors x ± √(−β) lie in a head layer and, through u + β, in the strided layer), and the gcd pair limit
    certifies the point; x^2 y (y + 1) is a shifted pair limit, and a point of 3x1,2x2,2x1,2x2 s=1x1,1x1,2x2 stays
    undecided (the point of 3x2,3x2,3x1 s=1x1,2x1 that stood here is now a cluster limit)."""
    arch = Architecture.parse("2x2,2x2,2x2 s=1x1,2x1")
    w = (Fraction(1), Fraction(1, 1000))                                  # w = 1 + i/1000, β = −1
    wb2 = (w[0] ** 2 - w[1] ** 2, -2 * w[0] * w[1])                       # w̄^2
    one = (Fraction(1), Fraction(0))
    layers = [gmul({(0, 0): (-w[0], -w[1]), (1, 0): one}, {(0, 0): one, (0, 1): one}),
              gmul({(0, 0): w, (1, 0): one}, {(0, 0): (Fraction(2), Fraction(0)), (0, 1): one}),
              gmul({(0, 0): (-wb2[0], -wb2[1]), (1, 0): one}, {(0, 0): (Fraction(3), Fraction(0)), (0, 1): one})]
    q = _product(arch, layers)                                            # exact: a point of V(R)
    cub = (Y + 1) * (Y + 2) * (Y + 3)
    near = sympy.expand((X**2 - (1 + sympy.I / 1000) ** 2) * (X**2 - (1 - sympy.I / 1000) ** 2) * cub)
    nx, ny = arch.end_to_end_filter_shape
    poly = sympy.Poly(near, X, Y).as_dict()
    assert q == [Fraction(str(poly.get((i, j), 0))) for i in range(nx) for j in range(ny)]
    assert head_member(arch, q).in_v and not _in_m(arch, q)
    poly = sympy.Poly(sympy.expand((X**2 - 1) ** 2 * cub), X, Y).as_dict()
    p = [Fraction(str(poly.get((i, j), 0))) for i in range(nx) for j in range(ny)]
    assert max(abs(s - t) for s, t in zip(p, q)) <= Fraction(1, 1000)
    r = head_interior_member(arch, p)
    assert r.in_function_space and not r.certified and "pole orders" in r.reason
    on = head_boundary_member(arch, p)
    assert on.on_boundary is True and on.factors == (("gcd pair", "x^2 - 1", "u - 1"),)
    assert boundary(arch, equations=False).is_relative_boundary_point(p) is True
    p = [0] * 20
    p[9] = p[10] = 1                                                      # x^2 y (y + 1): a shifted pair limit
    assert head_boundary_member(arch, p).factors == (("shifted pair", "x"),)
    arch = Architecture.parse("3x1,2x2,2x1,2x2 s=1x1,1x1,2x2")           # (x + 1)(x + 2)(x^2 + 1)(x − 1)^2 y^3
    nx, ny = arch.end_to_end_filter_shape
    poly = sympy.Poly(sympy.expand((X + 1) * (X + 2) * (X**2 + 1) * (X - 1) ** 2 * Y**3), X, Y).as_dict()
    p = [Fraction(str(poly.get((i, j), 0))) for i in range(nx) for j in range(ny)]
    assert head_boundary_member(arch, p).on_boundary is None
    with pytest.raises(UndecidedError, match="interior criterion does not apply"):
        boundary(arch, equations=False).is_relative_boundary_point(p)


def test_refusals_and_trivial_answers():
    arch = "2x2,2x2,2x2 s=1x1,2x1"
    assert not head_interior_member(arch, [0] * 20).certified
    r = head_interior_member(arch, [1, 0, 1, 0] + [0] * 16)               # 1 + y^2: in V(R), not in M
    assert (r.certified, r.in_function_space) == (False, False)
    with pytest.raises(InputError, match="head interior"):
        head_interior_member("2x2,2x2,2x2 s=2x1,2x1", [0] * 32)


def test_boundary_answers_false_at_interior_points():
    arch = Architecture.parse("2x2,2x2,2x2 s=1x1,2x1")
    layers = _layers(arch, random.Random(11))
    p = _product(arch, layers)
    assert boundary(arch, equations=False).is_relative_boundary_point(p) is False


# ------------------------------------------------------------------ random architectures and points
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.integers(0, 10**6))
def test_random_points(seed):
    """Random head architectures and images of random layers (some with factors x, y, some sharing a factor):
    the interior and the on-boundary certificates never both answer; every certified interior point has a
    regular factorization by exact linear algebra and only points of M nearby."""
    rng = random.Random(seed)
    k = rng.choice([2, 3])
    boxes = [(rng.randint(0, 2), rng.randint(0, 1)) for _ in range(k + rng.choice([1, 1, 2]))]
    a, b = rng.choice([(2, 1), (1, 2), (2, 2), (3, 1)])
    strides = ["1x1"] * (k - 1) + [f"{a}x{b}"] + ["1x1"] * (len(boxes) - k - 1)
    arch = Architecture.parse(",".join(f"{x + 1}x{y + 1}" for x, y in boxes) + " s=" + ",".join(strides))
    sh = head_2d_shape(arch)
    if sh is None or (sh.total[0] + 1) * (sh.total[1] + 1) > 40:
        return
    layers = _layers(arch, rng, monomials=0.4, shared=0.3)
    p = _product(arch, layers)
    inner = head_interior_member(arch, p)
    on = head_boundary_member(arch, p)
    assert inner.in_function_space and on.in_function_space
    assert not (inner.certified and on.on_boundary), (str(arch), p)
    assert (on.on_boundary is False) == inner.certified
    if inner.certified:
        _check_certified(arch, layers, rng)


def test_merged_univariate_layers():
    """(x^2 + 1)·(x − 1)(x − 2)·Q(x^2, y) in 3x1,3x1,2x2 s=1x1,2x1: the complex factorization (x − i)(x − 1),
    (x + i)(x − 2) is not real, but the two univariate head layers merged hold a quartic every nearby real quartic of
    which splits into two real quadratics: certified, and nearby points stay in M. (x − 1)^2·Q in 2x1,2x1,2x2
    s=1x1,2x1: the merged layer has no real root of odd multiplicity for its two odd layers: not certified, and on
    the boundary (a pair limit)."""
    arch = Architecture.parse("3x1,3x1,2x2 s=1x1,2x1")
    f = Fraction
    q = {m: (f(c), f(0)) for m, c in {(0, 0): 1, (1, 0): 1, (0, 1): 1, (1, 1): 2}.items()}
    layers = [{(0, 0): (f(1), f(0)), (2, 0): (f(1), f(0))}, {(0, 0): (f(2), f(0)), (1, 0): (f(-3), f(0)),
                                                            (2, 0): (f(1), f(0))}, q]
    p = _product(arch, layers)
    r = head_interior_member(arch, p)
    assert r.certified and "merged" in r.reason, r.reason
    _check_certified(arch, layers, random.Random(7))
    arch = Architecture.parse("2x1,2x1,2x2 s=1x1,2x1")
    layers = [{(0, 0): (f(-1), f(0)), (1, 0): (f(1), f(0))}, {(0, 0): (f(-1), f(0)), (1, 0): (f(1), f(0))}, q]
    p = _product(arch, layers)
    r = head_interior_member(arch, p)
    assert not r.certified and "fewer real roots of odd multiplicity" in r.reason, r.reason
    assert head_boundary_member(arch, p).on_boundary is True


# ------------------------------------------------------------------ linear factors shared by layers
def split_points(arch: Architecture, layers: list, shared: list, rng: random.Random, directions: int = 4) -> list:
    """Points of V(R) near the product of the real layers in which the copies of shared linear factors move apart:
    for ``(axis, c, holders)`` in ``shared`` (``x − c`` or ``y − c``, one copy in each holder), two holders take
    ``ψ − σz`` and ``ψ − σz̄`` (``z`` non-real) and the others ``ψ − σt`` (``t`` real), the rest of every layer moved
    by ``σ`` times a real polynomial; a strided holder (stride 1 along the axis) reads ``ψ`` in ``u`` or ``v``."""
    sh = head_2d_shape(arch)
    boxes = sh.head_boxes + sh.boxes
    one = (Fraction(1), Fraction(0))
    out = []
    for _ in range(directions):
        rests = [dict(layer) for layer in layers]
        parts = [{(0, 0): one} for _ in layers]
        for axis, c, holders in shared:
            unit = (1, 0) if axis == 0 else (0, 1)
            psi = {(0, 0): (Fraction(-c), Fraction(0)), unit: one}
            pair = rng.sample(sorted(holders), 2)
            re, im = Fraction(rng.randint(-3, 3)), Fraction(rng.choice([-2, -1, 1, 2]))
            for l in holders:
                rests[l] = _as_dict(sympy.cancel(_as_sympy(rests[l]) / _as_sympy(psi)))
                z = (re, im if l == pair[0] else -im) if l in pair else (Fraction(rng.randint(-3, 3)), Fraction(0))
                parts[l] = gmul(parts[l], {(0, 0): (-c - SIGMA * z[0], -SIGMA * z[1]), unit: one})
        moved = []
        for l, (rest, box) in enumerate(zip(rests, boxes)):
            d = _degree(parts[l]) if len(parts[l]) > 1 else (0, 0)
            r = real_box((box[0] - d[0], box[1] - d[1]), rng)
            rest = {m: (rest.get(m, (0, 0))[0] + SIGMA * r.get(m, (0, 0))[0], Fraction(0)) for m in set(rest) | set(r)}
            moved.append(gmul(parts[l], rest))
        out.append(("split " + ", ".join(f"{'xy'[axis]} - {c} in {sorted(h)}" for axis, c, h in shared),
                    _product(arch, moved)))
    return out


def square_point(seed: int) -> tuple | None:
    """A random head architecture and real layers in which one to three layers (a strided one only at stride 1
    along the axis) hold a common linear factor ``x − c`` or ``y − c``, or two or three strided layers a common
    ``u − c`` (``v − c``) at any stride; None when the draw has no room for it."""
    rng = random.Random(seed)
    k = rng.choice([2, 3])
    boxes = [(rng.randint(0, 2), rng.randint(0, 1)) for _ in range(k + rng.choice([1, 1, 2]))]
    a, b = rng.choice([(1, 2), (1, 2), (2, 1), (2, 2), (3, 1)])
    strides = ["1x1"] * (k - 1) + [f"{a}x{b}"] + ["1x1"] * (len(boxes) - k - 1)
    arch = Architecture.parse(",".join(f"{x + 1}x{y + 1}" for x, y in boxes) + " s=" + ",".join(strides))
    sh = head_2d_shape(arch)
    if sh is None or (sh.total[0] + 1) * (sh.total[1] + 1) > 40:
        return None
    layers = _layers(arch, rng, monomials=0.3)
    boxes = sh.head_boxes + sh.boxes
    axis = 0 if rng.random() < 0.7 else 1
    c = rng.randint(-2, 2)
    able = [l for l, n in enumerate(boxes) if n[axis] >= 1 and (l < k or (a, b)[axis] == 1)]
    strided = [l for l, n in enumerate(boxes) if n[axis] >= 1 and l >= k]
    if len(strided) >= 2 and rng.random() < 0.4:       # u − c (v − c) in strided layers only, at any stride
        able = strided
    if len(able) < 2:
        return None
    holders = rng.sample(able, 3 if len(able) >= 3 and rng.random() < 0.3 else 2)
    unit = (1, 0) if axis == 0 else (0, 1)
    for l in holders:
        top = (boxes[l][0] - unit[0], boxes[l][1] - unit[1])
        rest = real_box(top, rng)
        rest[top] = (rng.choice([-2, -1, 1, 2]), 0)
        layer = gmul({(0, 0): (-c, 0), unit: (1, 0)}, rest)
        layers[l] = {m: (Fraction(v[0]), Fraction(v[1])) for m, v in layer.items()}
    return arch, layers, [(axis, c, holders)]


def _check_clusters(arch: Architecture, layers: list, shared: list, rng: random.Random) -> None:
    _check_certified(arch, layers, rng)
    samples = split_points(arch, layers, shared, rng)
    refused = 0
    for what, q in samples:
        try:
            assert _in_m(arch, q), (str(arch), _product(arch, layers), what)
        except ResourceLimitError:
            refused += 1
    assert refused < len(samples)


def test_a_square_split_between_a_head_and_the_strided_layer():
    """x·(xy − y − 1)·u(u + 1) in 2x1,2x2,3x1 s=1x1,1x2 (u = x): x lies in head layer 1 and in the strided layer,
    pole orders {1} and {1}; a nearby point splitting x^2 into a conjugate pair puts the pair into the strided layer
    and its u + 1 into head layer 1: certified by the shared linear factors, and nearby points stay in M."""
    arch = Architecture.parse("2x1,2x2,3x1 s=1x1,1x2")
    f = Fraction
    layers = [{(1, 0): (f(1), f(0))}, {(1, 1): (f(1), f(0)), (0, 1): (f(-1), f(0)), (0, 0): (f(-1), f(0))},
              {(1, 0): (f(1), f(0)), (2, 0): (f(1), f(0))}]
    p = _product(arch, layers)
    r = head_interior_member(arch, p)
    assert r.certified and "linear factors shared" in r.reason, r.reason
    _check_clusters(arch, layers, [(0, 0, [0, 2])], random.Random(1))
    rank, full = _jacobian_rank(arch, layers)
    assert rank < full                                   # not regular at these layers: the first criterion abstains


def test_shared_linear_factors_on_the_boundary_stay_uncertified():
    """(x − 1)^2 (x + 1)^2 in 2x1,1x1,2x1,3x1 s=1x1,1x1,1x2: both squares split into pairs nearby find no room (the
    strided quadratic is full): not certified, and ((x − 1)^2 + σ^2)((x + 1)^2 + σ^2) lies in V(R) \\ M."""
    arch = Architecture.parse("2x1,1x1,2x1,3x1 s=1x1,1x1,1x2")
    f = Fraction
    lin = lambda c: {(0, 0): (f(-c), f(0)), (1, 0): (f(1), f(0))}      # noqa: E731
    layers = [lin(1), {(0, 0): (f(1), f(0))}, lin(1), gmul(lin(-1), lin(-1))]
    p = _product(arch, layers)
    r = head_interior_member(arch, p)
    assert not r.certified and "conjugate pairs" in r.reason, r.reason
    assert head_boundary_member(arch, p).on_boundary is True               # both gcd squares opened at once
    s = SIGMA
    pair = lambda c: {(0, 0): (f(c * c) + s * s, f(0)), (1, 0): (f(-2 * c), f(0)), (2, 0): (f(1), f(0))}   # noqa: E731
    q = _product(arch, [{(0, 0): (f(1), f(0))}] * 3 + [gmul(pair(1), pair(-1))])
    assert not _in_m(arch, q)


@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.integers(0, 10**6))
def test_random_squares_in_two_layers(seed):
    """Random head architectures with a linear factor held by two or three layers: the interior and on-boundary
    answers never coincide, and every certified point has only points of M nearby, the split ones included."""
    drawn = square_point(seed)
    if drawn is None:
        return
    arch, layers, shared = drawn
    p = _product(arch, layers)
    inner = head_interior_member(arch, p)
    on = head_boundary_member(arch, p)
    assert not (inner.certified and on.on_boundary), (str(arch), p)
    assert (on.on_boundary is False) == inner.certified
    if inner.certified:
        _check_clusters(arch, layers, shared, random.Random(seed))


def test_squares_certified_by_the_shared_linear_factors_occur():
    """The sampler of test_random_squares_in_two_layers reaches the new certificate (so its checks are not vacuous)."""
    found = 0
    for seed in range(60):
        drawn = square_point(seed)
        if drawn is None:
            continue
        arch, layers, shared = drawn
        r = head_interior_member(arch, _product(arch, layers))
        if r.certified and "linear factors shared" in r.reason:
            found += 1
            _check_clusters(arch, layers, shared, random.Random(seed))
    assert found >= 3


def test_univariate_strided_layers_merge_with_the_head():
    """(x^2 − 2x + 2)·(x − 1)·y·1·(u + 1)(2u + 1) in 3x1,2x1,1x2,1x1,3x1 s=1x1,1x1,1x2,1x1 (u = x): the pair of
    x^2 − 2x + 2 can split between the two univariate head layers, and the strided quadratic in u = x is a head layer
    in disguise; read as one, the merged quintic has three simple real roots for its one odd layer: certified, and
    nearby points stay in M."""
    arch = Architecture.parse("3x1,2x1,1x2,1x1,3x1 s=1x1,1x1,1x2,1x1")
    f = Fraction
    one = (f(1), f(0))
    layers = [{(0, 0): (f(2), f(0)), (1, 0): (f(-2), f(0)), (2, 0): one}, {(0, 0): (f(-1), f(0)), (1, 0): one},
              {(0, 1): one}, {(0, 0): one}, {(0, 0): one, (1, 0): (f(3), f(0)), (2, 0): (f(2), f(0))}]
    p = _product(arch, layers)
    r = head_interior_member(arch, p)
    assert r.certified and "read as head layers" in r.reason and "merged" in r.reason, r.reason
    _check_certified(arch, layers, random.Random(4))


def test_a_gcd_factor_shared_by_two_strided_layers_at_stride_two():
    """1·(2x + y − 2xy − 2)·(u − 1)(uv − 2u − 2)·(u − 1)(u + 2) in 1x1,2x2,3x2,3x1 s=1x1,2x1,1x1 (u = x^2): u − 1 lies
    in both strided layers, whose blocks {x − 1, x + 1} give overlapping pole orders; read in (u, v) the copies split
    nearby into u − s, u − s̄, and the pair fills the second strided layer while its root u + 2 joins the first:
    certified, and nearby points (the split ones included) stay in M."""
    arch = Architecture.parse("1x1,2x2,3x2,3x1 s=1x1,2x1,1x1")
    f = Fraction
    layers = [{(0, 0): 1}, {(0, 0): -2, (0, 1): 1, (1, 0): 2, (1, 1): -2}, {(0, 0): 2, (1, 1): -1, (2, 0): -2, (2, 1): 1},
              {(0, 0): -2, (1, 0): 1, (2, 0): 1}]
    layers = [{m: (f(c), f(0)) for m, c in layer.items()} for layer in layers]
    r = head_interior_member(arch, _product(arch, layers))
    assert r.certified and "linear factors shared" in r.reason, r.reason
    _check_clusters(arch, layers, [(0, 1, [2, 3])], random.Random(2))


def test_closed_function_space_is_interior_everywhere():
    """3x2,3x1,3x1 s=1x1,2x2 has M = V(R) (is_zariski_closed, as boundary() knows): the relative boundary is empty.
    P = 2y(x − 1)(x^2 + 1)(x + 1)^2(x − 2)^3 holds x − 2 in both head layers (overlapping pole orders) and x + 1 in
    head layer 1 and, through u − 1, in the layer at stride 2 (frozen there: the heads hold no x − 1); the interior
    criterion certifies it, in agreement with M = V(R); handed M = V(R) the boundary test answers False too, and
    points of V(R) near P in many directions (real perturbations, conjugate multipliers, the copies of x − 2 moved
    apart into a conjugate pair) all lie in M by head_member and contains()."""
    from lcnalg.real.closedness import is_zariski_closed   # deferred: only this test needs the closedness verdict
    arch = Architecture.parse("3x2,3x1,3x1 s=1x1,2x2")
    assert is_zariski_closed(arch).closed is True
    one = (Fraction(1), Fraction(0))
    head1 = gmul(gmul({(0, 1): (Fraction(2), Fraction(0))}, {(0, 0): (Fraction(-2), Fraction(0)), (1, 0): one}),
                 {(0, 0): one, (1, 0): one})                                  # 2y(x − 2)(x + 1)
    head2 = {(0, 0): (Fraction(4), Fraction(0)), (1, 0): (Fraction(-4), Fraction(0)), (2, 0): one}   # (x − 2)^2
    strided = {(0, 0): (Fraction(-1), Fraction(0)), (2, 0): one}                                    # (u − 1)(u + 1)
    layers = [head1, head2, strided]
    p = _product(arch, layers)
    assert head_boundary_member(arch, p).on_boundary is False
    assert head_interior_member(arch, p).certified
    r = head_boundary_member(arch, p, closed=True)
    assert (r.on_boundary, r.in_function_space) == (False, True)
    assert head_boundary_member(arch, [0] * len(p), closed=True).on_boundary is False
    assert head_boundary_member(arch, [0] * len(p), closed=False).on_boundary is True
    rng = random.Random(121)
    samples = nearby_points(arch, layers, rng, directions=8) + split_points(arch, layers, [(0, 2, {0, 1})], rng, 8)
    assert len(samples) >= 16
    for what, q in samples:
        assert _in_m(arch, q), what


def test_no_limit_leaves_a_closed_function_space():
    """On sampled architectures with M = V(R) no certified limit answers True (a limit leaving M would contradict
    M = V(R)), and handed closedness, every point of M answers False."""
    from lcnalg.real.closedness import is_zariski_closed   # deferred: only this test needs the closedness verdict
    seen = 0
    for seed in range(60):
        rng = random.Random(seed)
        k = rng.choice([2, 3])
        boxes = [(rng.randint(0, 2), rng.randint(0, 1)) for _ in range(k + rng.choice([1, 1, 2]))]
        a, b = rng.choice([(2, 1), (1, 2), (2, 2), (3, 1)])
        strides = ["1x1"] * (k - 1) + [f"{a}x{b}"] + ["1x1"] * (len(boxes) - k - 1)
        arch = Architecture.parse(",".join(f"{x + 1}x{y + 1}" for x, y in boxes) + " s=" + ",".join(strides))
        sh = head_2d_shape(arch)
        if sh is None or (sh.total[0] + 1) * (sh.total[1] + 1) > 40 or is_zariski_closed(arch).closed is not True:
            continue
        seen += 1
        p = _product(arch, _layers(arch, rng, monomials=0.4, shared=0.3))
        assert head_boundary_member(arch, p).on_boundary is not True, (str(arch), p)
        assert head_boundary_member(arch, p, closed=True).on_boundary is False
    assert seen >= 5


def _poly_layer(expr) -> dict:
    """A real layer from a sympy expression in x, y (u, v written as x, y for a strided layer)."""
    return {m: (Fraction(str(c)), Fraction(0)) for m, c in sympy.Poly(sympy.expand(expr), X, Y).as_dict().items()}


@pytest.mark.parametrize("text, factorizations, shared", [
    # x + 1 in head layer 3 and in the block x^2 − 1 of u − 1 in a layer at stride 2; the heads hold no x − 1
    ("2x2,1x1,3x1,2x2,3x1 s=1x1,1x1,2x2,1x1",
     [["x*y + 2*x - 2*y - 2", "4", "(x + 1)**2", "y*(x + 1)", "(x - 1)**2"],
      ["x*y + 2*x - 2*y - 2", "4", "(x + 1)**2", "y*(x - 1)", "x**2 - 1"]], []),
    # x − 2 in both head layers, x + 1 in head layer 1 and in the block of u − 1 (M = V(R) here)
    ("3x2,3x1,3x1 s=1x1,2x2", [["2*y*(x - 2)*(x + 1)", "(x - 2)**2", "x**2 - 1"],
                               ["2*y*(x - 2)**2", "(x - 2)*(x + 1)", "x**2 - 1"]], [(0, 2, {0, 1})]),
])
def test_a_shared_factor_frozen_at_stride_two(text, factorizations, shared):
    """A linear factor ψ shared by a head layer and a layer at stride 2 along its variable, where the head layers do
    not hold a whole block of the strided atom (x − 1 and x + 1 for u − 1): nearby, that atom stays balanced among
    the strided layers, so ψ's copies do not move between heads and strided layers, and the criterion of linear
    factors shared by layers certifies P (before, it refused any such sharing).  Points of V(R) near every real
    factorization, in many directions, all lie in M by head_member and contains()."""
    arch = Architecture.parse(text)
    rng = random.Random(9)
    p = None
    for layers in factorizations:
        layers = [_poly_layer(sympy.sympify(e)) for e in layers]
        q = _product(arch, layers)
        assert p is None or q == p
        p = q
        samples = nearby_points(arch, layers, rng, directions=8)
        if shared:
            samples += split_points(arch, layers, shared, rng, directions=6)
        for what, point in samples:
            assert _in_m(arch, point), (text, what)
    inner = head_interior_member(arch, p)
    assert inner.certified and "linear factors shared" in inner.reason, inner.reason
    assert head_boundary_member(arch, p).on_boundary is False


def _frozen_point(seed: int) -> tuple | None:
    """A random architecture at stride 2 along x whose first strided layer holds u − c^2 and head layer 1 x + c
    (``u`` and ``x`` for c = 0), and head layers 1 and 2 share x − d (so that the criterion of linear factors shared by
    layers is needed); the other layers random."""
    rng = random.Random(seed)
    k = rng.choice([2, 3])
    boxes = [(2, rng.randint(0, 1)), (rng.randint(1, 2), rng.randint(0, 1))]
    boxes += [(rng.randint(0, 2), rng.randint(0, 1)) for _ in range(k - 2)]
    boxes += [(rng.randint(1, 2), rng.randint(0, 1))] + [(rng.randint(0, 1), rng.randint(0, 1))
                                                          for _ in range(rng.choice([0, 0, 1]))]
    a, b = rng.choice([(2, 1), (2, 2)])
    strides = ["1x1"] * (k - 1) + [f"{a}x{b}"] + ["1x1"] * (len(boxes) - k - 1)
    arch = Architecture.parse(",".join(f"{x + 1}x{y + 1}" for x, y in boxes) + " s=" + ",".join(strides))
    sh = head_2d_shape(arch)
    if sh is None or (sh.total[0] + 1) * (sh.total[1] + 1) > 40:
        return None
    layers = _layers(arch, rng)
    c, d = Fraction(rng.choice([0, 1, 1, 2])), Fraction(rng.randint(-2, 2))
    one = (Fraction(1), Fraction(0))

    def lin(c0: Fraction) -> dict:
        return {(0, 0): (c0, Fraction(0)), (1, 0): one}

    for l, factor in ((0, gmul(lin(c), lin(-d))), (1, lin(-d)), (k, lin(-c * c))):
        n = (sh.head_boxes + sh.boxes)[l]
        e = max(m[0] for m in factor)
        rest = real_box((n[0] - e, n[1]), rng)
        rest[(n[0] - e, n[1])] = (rng.choice([-2, -1, 1, 2]), 0)
        layers[l] = gmul(factor, {m: (Fraction(v[0]), Fraction(v[1])) for m, v in rest.items()})
    return arch, layers, d


def _frozen_product(seed: int):
    """``(arch, layers, d, P)`` for the point of :func:`_frozen_point`, or None when there is none or ``P = 0``."""
    point = _frozen_point(seed)
    if point is None:
        return None
    arch, layers, d = point
    p = _product(arch, layers)
    return None if all(v == 0 for v in p) else (arch, layers, d, p)


@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.integers(0, 10**6))
def test_random_frozen_sharing(seed):
    """Random architectures with x + c in a head layer and u − c^2 in a layer at stride 2 (frozen when the heads hold
    no x − c): the interior and on-boundary answers never meet, and every certified point has only points of M
    nearby (real perturbations, conjugate multipliers, conjugate perturbations of shared factors)."""
    point = _frozen_product(seed)
    if point is None:
        return
    arch, layers, _, p = point
    inner = head_interior_member(arch, p)
    on = head_boundary_member(arch, p)
    assert not (inner.certified and on.on_boundary), (str(arch), p)
    if inner.certified:
        _check_certified(arch, layers, random.Random(seed))


def test_frozen_sharing_occurs():
    """The sampler above meets points certified by the criterion of linear factors shared by layers, with x + c also
    in a strided holder at stride 2 (20 of the first 60 seeds were refused before frozen sharing), so the test above
    is not vacuous; each is checked by nearby points."""
    found = 0
    for seed in range(60):
        point = _frozen_product(seed)
        if point is None:
            continue
        arch, layers, d, p = point
        inner = head_interior_member(arch, p)
        if inner.certified and "linear factors shared" in inner.reason:
            found += 1
            _check_certified(arch, layers, random.Random(seed))
            for what, q in split_points(arch, layers, [(0, d, {0, 1})], random.Random(seed)):
                assert _in_m(arch, q), (str(arch), p, what)     # the copies of x − d moved apart
            if found == 10:         # enough to show the sampler is not vacuous; the rest are alike
                break
    assert found >= 10
