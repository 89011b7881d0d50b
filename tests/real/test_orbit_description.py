"""The root-orbit description of 1D function spaces (every stride pattern) against contains().

Independent routes: ``orbit_member`` tiles each root class by level cosets and adds the count
vectors of the blocks (docs/theory.md#orbit-description); ``contains`` distributes complete
root orbits among the stride groups (lcnalg.real.membership_1d).  Points: images of random
integer layers (in M), images moved by one unit in one coefficient (mostly off V), and exact
points of random root-orbit configurations built from the closedness blocks (in V(R); in M or
not).  The relative boundary is checked against limits of points of V(R) \\ M and against the
closedness search (a closed M has an empty relative boundary).
"""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lcnalg.architecture import Architecture
from lcnalg.parameterization import Parameterization
from lcnalg.real.boundary import boundary
from lcnalg.real.closedness import is_zariski_closed
from lcnalg.real.inequalities import inequalities
from lcnalg.real.membership import contains
from lcnalg.real.orbit_description import block_counts, orbit_member, relative_boundary_member, root_type
from lcnalg.real.orbit_tilings import (configuration_blocks, decide_closedness_1d, orbit_model, witness_polynomial,
                                       configuration_points as sample_configurations)


def image(arch: Architecture, rng: random.Random) -> list[int]:
    """The end-to-end filter of random integer layers."""
    mu = Parameterization(arch)
    return [int(c) for c in mu.evaluate([rng.randint(-3, 3) for _ in range(mu.num_parameters)])]


def configuration_points(arch: Architecture, rng: random.Random, count: int) -> list[list[Fraction]]:
    """Exact points of V(R) with random root-orbit configurations (rational when T | 4 or T | 6)."""
    return sample_configurations(orbit_model(arch), count, seed=rng.randrange(10**9))


def agree(arch: Architecture, points) -> dict:
    seen = {True: 0, False: 0}
    for c in points:
        want = contains(arch, list(c)).contained
        got = orbit_member(arch, c)
        assert got.in_function_space is want, (str(arch), c)
        if want:
            assert got.in_variety
        seen[want] += 1
    return seen


ARCHS = ["3,2 s=2", "2,3,2 s=2,2", "4,4,4 s=2,2", "2,2,2 s=3,2", "3,3,2 s=2,3", "4,2,3 s=1,2", "2,4 s=3",
         "3,2,2 s=2,2", "4,3,2 s=2,3", "2,2,3 s=3,1"]


@pytest.mark.parametrize("a", ARCHS)
def test_description_agrees_with_contains(a):
    arch = Architecture.parse(a)
    rng = random.Random(a)
    pts = []
    for _ in range(12):
        c = image(arch, rng)
        pts.append(c)
        d = list(c)
        d[rng.randrange(len(d))] += rng.choice([-1, 1])
        pts.append(d)
    pts += configuration_points(arch, rng, 12)
    witness = is_zariski_closed(arch).witness
    if witness is not None:
        pts.append(list(witness))
    seen = agree(arch, pts)
    assert seen[True] >= 12                     # the images at least


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sizes=st.lists(st.integers(1, 4), min_size=1, max_size=3), strides=st.lists(st.integers(1, 3), max_size=2),
       seed=st.integers(0, 10**6))
def test_description_agrees_with_contains_random_architectures(sizes, strides, seed):
    strides = (strides + [1, 1])[: len(sizes) - 1]
    text = ",".join(map(str, sizes)) + (" s=" + ",".join(map(str, strides)) if strides else "")
    arch = Architecture.parse(text)
    rng = random.Random(seed)
    pts = [image(arch, rng) for _ in range(3)]
    pts.append([c + rng.randint(-1, 1) for c in pts[0]])
    pts += configuration_points(arch, rng, 3)
    agree(arch, pts)


def test_undecided_stride_patterns_are_now_described():
    """Every 1D architecture gets a decided description; holds_at is the orbit decision."""
    for a in ["4,4,4 s=2,2", "2,3,2 s=2,2", "2,3,2,2 s=2,2,3"]:
        r = inequalities(a, equations=False)
        assert r.decided and r.certified and r.family == "root orbits"
        arch = Architecture.parse(a)
        c = image(arch, random.Random(1))
        assert r.holds_at(c) is True
        assert r.holds_at([1] + [0] * (len(c) - 2) + [1]) is contains(a, [1] + [0] * (len(c) - 2) + [1]).contained
        import sympy  # deferred: only this test parses the conditions
        names = {f: sympy.Function(f) for f in ("resultant", "gcd", "degree")}   # parsed, not evaluated
        for expression in r.conditions.values():
            assert sympy.parse_expr(expression, local_dict=names).free_symbols
        # evaluated at a filter, the definitions give the class polynomial and the roots at infinity
        point = {f"c{j}": sympy.Integer(v) for j, v in enumerate(c)}
        w, z = sympy.symbols("w z")
        P = sympy.Poly(sympy.parse_expr(r.conditions["P"], local_dict=point), z)
        T = orbit_model(arch).T
        assert sympy.parse_expr(r.conditions["class_polynomial"], local_dict=point) == sympy.resultant(
            P.as_expr(), w - z ** T, z)
        assert sympy.parse_expr(r.conditions["roots_at_infinity"], local_dict=point) == len(c) - 1 - P.degree()
        assert "\\sum_{B" in r.to_latex() and "root-orbit" in r.to_text()


def test_closedness_witness_blocks_are_outside():
    """The closedness search's witness configuration is in V but not in M for the description too."""
    for a in ["3,2 s=2", "2,3,2 s=2,2", "3,2,2 s=2,2"]:
        model = orbit_model(Architecture.parse(a))
        res = decide_closedness_1d(Architecture.parse(a))
        assert res["closed"] is False
        w = witness_polynomial(model, res["blocks"])
        c = [Fraction(str(x)) for x in w]
        got = orbit_member(Architecture.parse(a), c)
        assert got.in_variety and not got.in_function_space


def test_block_counts_cover_the_degree():
    """Every count vector of a block has weighted sum equal to the block's number of roots."""
    model = orbit_model(Architecture.parse("4,3,2 s=2,3"))
    for b in configuration_blocks(model):
        kind = "zero" if b["zero"] else b["kind"]
        size = b["S"][0] if b["zero"] else sum(b["S"]) * (2 if kind == "pair" else 1)
        C, R = block_counts(model, (kind, tuple(b["S"])))
        assert C == b["FC"]
        assert all(sum(v * t for v, t in zip(vec, model.levels)) == size for vec in C)
        assert {v for v, _ in R} <= C


def _limit_of_pair(model, blocks):
    """Replace the first pair block by the real class it tends to as a → a positive real."""
    T = model.T
    for i, b in enumerate(blocks):
        if b["kind"] == "pair":
            S = tuple(b["S"][k] + b["S"][(-k) % T] for k in range(T))
            return blocks[:i] + [dict(b, kind="positive", S=S)] + blocks[i + 1:]
    return None


def test_relative_boundary_contains_limits_of_outside_points():
    """A V(R) \\ M configuration whose pair class tends to a real class: the limit is in the
    closure of V(R) \\ M, so it is on the relative boundary exactly when it lies in M."""
    checked = 0
    for a in ["3,2 s=2", "2,3,2 s=2,2", "3,2,2 s=2,2", "4,2 s=2", "3,3,2 s=2,2"]:
        arch = Architecture.parse(a)
        model = orbit_model(arch)
        res = decide_closedness_1d(arch)
        if res["closed"]:
            continue
        lim = _limit_of_pair(model, res["blocks"])
        if lim is None:
            continue
        w = witness_polynomial(model, lim)
        c = [Fraction(str(x)) for x in w]
        on, member = relative_boundary_member(arch, c)
        assert on is contains(arch, c).contained
        checked += 1
        # the V(R) \ M witness itself is not on the boundary (not in M)
        w0 = [Fraction(str(x)) for x in witness_polynomial(model, res["blocks"])]
        assert relative_boundary_member(arch, w0)[0] is False
    assert checked >= 3


def test_relative_boundary_3_2_s2():
    """M[3,2 s=2] = {A(z) q(z^2)}: V(R) \\ M = {(z^2 − b)(z^2 − b̄) : b ∉ R} up to scale, whose
    closure meets M in λ(z^2 − b)^2 (b real) and 0."""
    arch = Architecture.parse("3,2 s=2")
    b = boundary(arch)
    assert b.relative_family == "root orbits"
    for beta in (1, 2, -3):
        assert b.is_relative_boundary_point([beta * beta, 0, -2 * beta, 0, 1])
    assert b.is_relative_boundary_point([0, 0, 0, 0, 0])
    assert not b.is_relative_boundary_point([-1, 0, 0, 0, 1])          # (z^2 − 1)(z^2 + 1)
    assert not b.is_relative_boundary_point([4, 8, 17, 10, 15])        # generic image
    assert not b.is_relative_boundary_point([1, 0, 1, 0, 1])           # z^4 + z^2 + 1 ∉ M


@pytest.mark.parametrize("a", ["3,3 s=2", "2,3 s=2", "3,3,3 s=2,2", "2,2,2 s=2,2"])
def test_closed_means_empty_relative_boundary(a):
    """The closedness search (independent) proves M = V(R): no point is on the relative boundary."""
    arch = Architecture.parse(a)
    assert decide_closedness_1d(arch)["closed"] is True
    rng = random.Random(a)
    pts = [image(arch, rng) for _ in range(4)] + configuration_points(arch, rng, 4) + [[0] * (orbit_model(arch).degree + 1)]
    for c in pts:
        assert relative_boundary_member(arch, c)[0] is False


def test_root_type_exact():
    """κ of explicit polynomials: classes, signs, positions, 0 and ∞."""
    model = orbit_model(Architecture.parse("2,2,2 s=2,2"))     # T = 4, degree 7
    # z (z − 1)(z^4 − 16): a = 16 (positions 0, 1, 2, 3) and a = 1 (position 0), one 0, one at ∞
    t = root_type(model, [0, 16, -16, 0, 0, -1, 1, 0])
    assert t is not None and t.T == 4
    kinds = dict((k, s) for k, s in t.blocks if k in ("zero", "infinity"))
    assert kinds == {"zero": (1,), "infinity": (1,)}
    classes = sorted(s for k, s in t.blocks if k == "positive")
    assert classes == [(1, 0, 0, 0), (1, 1, 1, 1)]
    t = root_type(model, [-16, 0, 0, 0, 0, 0, 0, 0][:4] + [1, 0, 0, 0])         # z^4 − 16 with ∞ thrice
    assert t.blocks == (("infinity", (3,)), ("positive", (1, 1, 1, 1)))
    t = root_type(model, [16, 0, 0, 0, 1, 0, 0, 0])                            # z^4 + 16: a = −16 < 0
    assert t.blocks == (("infinity", (3,)), ("negative", (1, 1, 1, 1)))
