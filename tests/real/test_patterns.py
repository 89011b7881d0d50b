"""2D stride one as a finite union over factorization patterns (lcnalg.real.patterns): the pattern
table against the exact membership test contains() (grouping of the real irreducible factors), the
closedness verdict of is_zariski_closed() and the 2D contents route, and the inequalities
description (text, LaTeX, JSON) built on it."""

from __future__ import annotations

import json
import random
from fractions import Fraction

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lcnalg import FunctionSpace
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, ResourceLimitError
from lcnalg.limits import Limits
from lcnalg.polys.bivariate import newton_polygon_indecomposable
from lcnalg.real import contains, inequalities, is_zariski_closed
from lcnalg.real.contents import content_member
from lcnalg.polys.bivariate import absolute_factorization, absolutely_irreducible_certificate
from lcnalg.real.patterns import (absolute_bidegree, pattern_representative, pattern_table, pattern_text,
                                  support_gcd)
from lcnalg.rings import integer_ring
from tests.real.gaussian import gmul


def _flat(poly: dict, shape: tuple[int, int]) -> list[int]:
    nx, ny = shape
    assert all(i < nx and j < ny for i, j in poly)
    return [poly.get((i, j), 0) for i in range(nx) for j in range(ny)]


def _conjugate_pair_point(arch: Architecture, rng: random.Random) -> list[int] | None:
    """A real point of V: a Gaussian-integer layer q in one layer, conj(q) in another, real
    integer layers elsewhere (every layer at stride one)."""
    boxes = [(f[0] - 1, f[1] - 1) for f in arch.filters]
    l, l2 = rng.sample(range(len(boxes)), 2)
    dx, dy = min(boxes[l][0], boxes[l2][0]), min(boxes[l][1], boxes[l2][1])
    if dx + dy == 0:
        return None
    q = {(i, j): (rng.randint(-2, 2), rng.randint(-2, 2)) for i in range(dx + 1) for j in range(dy + 1)}
    q[(dx, dy)] = (rng.randint(-2, 2), rng.choice([-1, 1]))       # not a real multiple
    prod = {(0, 0): (1, 0)}
    for k, (b1, b2) in enumerate(boxes):
        if k == l:
            layer = q
        elif k == l2:
            layer = {m: (c[0], -c[1]) for m, c in q.items()}
        else:
            layer = {(i, j): (rng.randint(-2, 2), 0) for i in range(b1 + 1) for j in range(b2 + 1)}
        prod = gmul(prod, layer)
    assert all(c[1] == 0 for c in prod.values())
    return _flat({m: c[0] for m, c in prod.items()}, arch.end_to_end_filter_shape)


def _image(arch: str, rng: random.Random) -> list[Fraction]:
    mu = FunctionSpace(arch).parameterization
    return list(mu.evaluate([Fraction(rng.randint(-3, 3), rng.randint(1, 3)) for _ in range(mu.num_parameters)]))


def _agree(r, arch: str, filt) -> bool:
    expected = contains(arch, list(filt)).contained
    assert r.holds_at(list(filt)) is expected, (arch, filt)
    return expected


@pytest.mark.parametrize("arch", ["2x2,2x2", "2x2,2x1,1x2", "3x2,2x2", "2x2,2x2 s=2x2", "2x3,3x2"])
def test_holds_at_agrees_with_contains(arch):
    """On images of random rational weights (contained), the closedness witness and products of
    conjugate complex layers (not contained where M is not closed), and images moved off V."""
    rng = random.Random(21)
    r = inequalities(arch, equations=False)
    a = Architecture.parse(arch)
    assert r.decided
    for _ in range(4):
        image = _image(arch, rng)
        assert _agree(r, arch, image) is True
        image[rng.randrange(len(image))] += 1
        _agree(r, arch, image)
    verdict = is_zariski_closed(arch)
    if verdict.closed is False:
        assert _agree(r, arch, [Fraction(w) for w in map(sympy.Rational, verdict.witness)]) is False
    if a.cumulative_strides[:a.num_layers] == ((1, 1),) * a.num_layers:
        outside = 0
        for _ in range(4):
            point = _conjugate_pair_point(a, rng)
            if point is not None and any(point):
                outside += _agree(r, arch, point) is False
        assert outside >= (1 if verdict.closed is False and arch != "2x2,2x1,1x2" else 0)


@pytest.mark.parametrize("arch", ["2x2,2x2", "3x2,2x2", "2x3,3x2", "2x2,2x2,2x2", "2x2,2x1,1x2"])
def test_every_pattern_is_realized_and_decided_like_contains(arch):
    """Each listed pattern has an integer representative with exactly that real factorization
    pattern, and contains() (grouping search) puts it in M exactly for the patterns of Pi_M; the
    non-closing patterns are points of V(R) outside M (complex layers exist by the grouping)."""
    t = pattern_table(arch)
    shape = Architecture.parse(arch).end_to_end_filter_shape
    assert set(t.in_m).isdisjoint(t.not_closed)
    for pattern in list(t.not_closed) + [p for p in t.in_m if p]:
        filt = _flat(pattern_representative(pattern), shape)
        assert t.pattern_of(filt) == pattern
        assert contains(arch, filt).contained is t.holds(pattern), pattern_text(pattern)


def test_two_by_two_patterns_by_hand():
    """2x2,2x2: every layer box is 1x1, so a pair C(d) (real bidegree 2d) never fits a layer: Pi_M
    is the patterns of R-types splitting into two shares <= (1, 1), and Pi_V \\ Pi_M the patterns
    with a pair whose absolute factors split so; q conj(q), q = 1 + i x + x y, is C(1,1)."""
    t = pattern_table("2x2,2x2")
    assert all(k == "R" for p in t.in_m for (k, _, _), _ in p)
    assert all(any(k == "C" for (k, _, _), _ in p) for p in t.not_closed)
    q_conj_q = [1, 0, 0, 0, 2, 0, 1, 0, 1]             # (1 + x y)^2 + x^2
    assert pattern_text(t.pattern_of(q_conj_q)) == "C(1,1)" and not t.contains(q_conj_q)
    assert pattern_text(t.pattern_of([1, 0, 0, 0, 0, 0, 1, 0, 0])) == "C(1,0)"      # x^2 + 1 = (x + i)(x - i)
    assert t.pattern_of([0] * 9) is None and t.contains([0] * 9)
    with pytest.raises(InputError):
        t.pattern_of([1, 2, 3])


def test_factor_types_are_absolutely_irreducible():
    """The representatives' factors have integrally indecomposable Newton polygons (Gao) exactly for
    the bidegrees absolute_bidegree() admits, and (e, 0) with e >= 2 splits over C."""
    for dx in range(4):
        for dy in range(4):
            if dx and dy:
                assert absolute_bidegree(dx, dy) and newton_polygon_indecomposable([(1, 0), (0, 1), (dx, dy)])
            else:
                assert absolute_bidegree(dx, dy) is ((dx, dy) in ((1, 0), (0, 1)))


def test_support_gcd_bounds_the_absolute_factors():
    """The number of absolute factors of a Q-irreducible f (computed by the absolute factorization)
    divides support_gcd(f); on random polynomials Gao's criterion leaves uncertified."""
    rng = random.Random(8)
    ctx = integer_ring(("x", "y"))
    seen = {1: 0, 2: 0}
    pair = {(2, 2): 1, (2, 0): 1, (1, 1): 4, (0, 2): 1, (0, 0): 1}     # (xy + 1)^2 + (x + y)^2: two factors
    for _ in range(40):
        dx, dy = rng.randint(1, 3), rng.randint(1, 3)
        d = {(i, j): rng.randint(-2, 2) for i in range(dx + 1) for j in range(dy + 1)}
        d[(dx, dy)], d[(0, 0)] = 1, rng.choice([-1, 1])
        d = {m: c for m, c in d.items() if c}
        for f, _ in ctx.from_dict(d).factor()[1] + ctx.from_dict(pair).factor()[1]:
            fd = {(int(m[0]), int(m[1])): int(c) for m, c in f.terms()}
            if absolutely_irreducible_certificate(f) is not None or len(fd) < 2:
                continue
            r = len(absolute_factorization(fd).classes)
            assert support_gcd(fd) % r == 0
            seen[min(r, 2)] += 1
    assert seen[1] and seen[2]


def test_patterns_agree_with_contents_route():
    """2x2,2x1,1x2 (one mixed layer) has two exact descriptions: contents and primitive part
    (inequalities' family) and the factorization patterns; they agree on random points."""
    t = pattern_table("2x2,2x1,1x2")
    a = Architecture.parse("2x2,2x1,1x2")
    rng = random.Random(5)
    points = [_image("2x2,2x1,1x2", rng) for _ in range(3)]
    points += [_conjugate_pair_point(a, rng) for _ in range(6)]
    points += [[rng.randint(-2, 2) for _ in range(9)] for _ in range(3)]
    for p in points:
        if p is None:
            continue
        vals = tuple(Fraction(v) for v in p)
        assert t.contains(vals) is content_member(a, vals, Limits())[0]


def test_closedness_from_patterns():
    """M = V(R) iff no pattern of V(R) is missing from M: against is_zariski_closed()."""
    for arch in ["2x2,2x2", "3x3,2x2", "2x2,3x1", "2x2,2x1,1x2", "2x2,2x2,2x2", "3x2,2x3", "1x2,2x1"]:
        verdict = is_zariski_closed(arch)
        if verdict.closed is not None:
            assert (not pattern_table(arch).not_closed) is verdict.closed, arch


def test_description_outputs_and_limits():
    r = inequalities("3x2,2x2", equations=False)
    assert r.family == "2D factorization patterns" and r.closed is False and r.status == "certified"
    text, latex = r.to_text(), r.to_latex()
    assert "Π_V \\ Π_M" in text and "C(0,1)" in text and r"\Pi_V \setminus \Pi_M" in latex
    data = json.loads(r.to_json())
    assert data["pattern_counts"]["in_M"] == len([e for e in data["patterns"] if e["in_M"]]) + 1
    for e in data["patterns"]:
        for cond in e["conditions"]:
            assert sympy.sympify(cond).free_symbols
        assert "absolute factorization" in e["factorization_condition"]
        if not e["in_M"]:       # a point of V(R) outside M, with the listed pattern
            assert contains("3x2,2x2", e["representative"]).contained is False
            assert pattern_text(r.table.pattern_of(e["representative"])) == e["pattern"]
    with pytest.raises(ResourceLimitError, match="max_pattern_work"):
        inequalities("2x2,2x2", equations=False, limits=Limits(max_pattern_work=10))
    with pytest.raises(InputError):
        pattern_table("2x2,2x2 s=2x1")


@pytest.mark.parametrize("arch", ["2x2,2x2 s=2x1", "2x2,2x2,2x2 s=1x1,2x1", "2x2,2x2 s=1x2"])
def test_strided_2d_reduction(arch):
    """With a strided layer the description is the reduction to groupings of the real irreducible
    factors, stating what is not known (or, with layer 1 the only layer at stride one, decided by the
    polyphase gcd); holds_at agrees with contains() on images, the closedness witness and images
    moved off V."""
    r = inequalities(arch, equations=False)
    polyphase = arch != "2x2,2x2,2x2 s=1x1,2x1"         # there: the polyphase gcd where it decides, else groupings
    assert r.decided and r.family == "2D factor groupings" and "polyphase" in r.method
    assert ("orbit-refined" in r.limitations) is not polyphase
    assert r.to_latex() and json.loads(r.to_json())["family"] == "2D factor groupings"
    rng = random.Random(4)
    for _ in range(3):
        image = _image(arch, rng)
        assert _agree(r, arch, image) is True
        image[rng.randrange(len(image))] += 1
        _agree(r, arch, image)
    verdict = is_zariski_closed(arch)
    if verdict.closed is False:
        assert _agree(r, arch, [Fraction(w) for w in map(sympy.Rational, verdict.witness)]) is False


ARCHS_2D = st.lists(st.sampled_from(["2x2", "3x2", "2x3", "2x1", "1x2"]), min_size=2, max_size=3).filter(
    lambda fs: sum(1 for f in fs if "1" not in f) >= 2 and sum(int(f[0]) - 1 for f in fs) <= 4
    and sum(int(f[2]) - 1 for f in fs) <= 4)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARCHS_2D, st.integers(0, 2**32), st.sampled_from(["image", "pair", "off"]))
def test_random_2d_architectures(filters, seed, kind):
    """Random 2D stride-one architectures with two or more layers along both axes: holds_at
    (pattern table) agrees with contains() (grouping search)."""
    arch = ",".join(filters)
    rng = random.Random(seed)
    r = inequalities(arch, equations=False)
    assert r.decided and (r.family == "2D factorization patterns" or r.closed)
    if kind == "pair":
        point = _conjugate_pair_point(Architecture.parse(arch), rng)
        if point is None or not any(point):
            return
    else:
        point = _image(arch, rng)
        if kind == "off":
            point[rng.randrange(len(point))] += rng.choice([-1, 1])
    _agree(r, arch, point)
