"""Strata as unions of root-orbit types (1D, strides): the relative boundary and the shared-root
images are compared through their types, and each type-level verdict is checked at exact points
by independent routes (``contains``, ``in_family``, explicit closures, planted preimages)."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lcnalg import Architecture, Limits, Parameterization
from lcnalg.errors import InputError, ResourceLimitError
from lcnalg.real import contains
from lcnalg.real.orbit_description import RootType, relative_boundary_member, root_type
from lcnalg.real.orbit_tilings import orbit_model
from lcnalg.real.type_strata import (TypeStrata, compare_types, function_space_types, in_shared_root_image,
                                     type_point)
from lcnalg.singularities.critical import planted_families, shared_root_point
from lcnalg.singularities.strata import in_family, stratification


@pytest.mark.parametrize("arch,pair", [("3,2 s=2", (1, 2)), ("4,2 s=2", (1, 2)), ("2,3,2 s=2,2", (2, 3))])
def test_relative_boundary_is_the_shared_root_image(arch, pair):
    s = stratification(arch)
    assert not s.undecided_pairs and s.status == "probabilistic"
    names = set(s.graph.nodes["relative boundary"]["names"])
    assert names == {"relative boundary", f"shared root {pair[0]},{pair[1]}"}
    ts = TypeStrata(Architecture.parse(arch))
    assert ts.members("relative boundary") == ts.members(pair) != frozenset()


def test_relative_boundary_of_3_2_s2_from_its_closure():
    # V(R) \ M is the single type (z^2 - b)(z^2 - b̄), b not real: even quartics with
    # c2^2 < 4 c0 c4. Its closure meets M in the even quartics with c2^2 = 4 c0 c4.
    a = Architecture.parse("3,2 s=2")
    model = orbit_model(a)
    ts = TypeStrata(a)
    rb = ts.members("relative boundary")
    checked = 0
    for t in ts.types:
        p = type_point(model, t, seed=len(t.blocks))
        if p is None:
            continue
        expected = p[1] == p[3] == 0 and p[2] ** 2 == 4 * p[0] * p[4]
        assert relative_boundary_member(a, p)[0] == expected == (t in rb), (t, p)
        checked += 1
    assert checked >= 50 and len(rb) == 4
    # z (one root 0, three at infinity) is odd: not a limit of even quartics
    assert relative_boundary_member(a, [0, 1, 0, 0, 0])[0] is False


def test_a_proper_containment_has_an_exact_witness():
    # 2,2,2 s=1,2: F = {(z - β)^2 (a + b z^2)} lies in the relative boundary, but (z^2 - c)^2
    # (a limit of (z^2 - b)(z^2 - b̄) in V(R) \ M) is not in F
    a = Architecture.parse("2,2,2 s=1,2")
    ts = TypeStrata(a)
    c = compare_types(ts.members((1, 2)), ts.members("relative boundary"))
    assert c.first_in_second and not c.second_in_first
    p = type_point(orbit_model(a), c.only_second)
    assert relative_boundary_member(a, p)[0] and in_family(a, (1, 2), p) is False
    mu = Parameterization(a)
    for seed in range(3):
        assert relative_boundary_member(a, mu.evaluate(shared_root_point(a, (1, 2), seed)[0]))[0]
    s = stratification(a)
    assert s.graph.nodes["shared root 1,2"]["subset_of"] == ("relative boundary",) and not s.undecided_pairs
    assert any(str(p) in n for n in s.notes)


def test_refused_types_keep_the_pair_undecided():
    s = stratification("3,2 s=2", limits=Limits(max_nodes=100))
    (pair,) = s.undecided_pairs
    assert "root-orbit types not enumerated" in pair and "max_nodes" in pair
    with pytest.raises(ResourceLimitError, match="max_nodes"):
        function_space_types(orbit_model(Architecture.parse("2,2,3 s=3,3")))


def test_bad_input():
    a = Architecture.parse("3,2 s=2")
    with pytest.raises(InputError, match="pair"):
        in_shared_root_image(a, (2, 1), None)
    with pytest.raises(InputError, match="rtype"):
        in_shared_root_image(a, (1, 2), RootType(4, (("zero", (4,)),)))
    with pytest.raises(InputError, match="arch"):
        TypeStrata(Architecture.parse("2x2,2x2"))


@st.composite
def strided(draw):
    n = draw(st.integers(2, 3))
    sizes = draw(st.lists(st.integers(2, 3), min_size=n, max_size=n))
    strides = draw(st.lists(st.integers(1, 3), min_size=n - 1, max_size=n - 1).filter(lambda s: max(s) > 1))
    return Architecture.parse(",".join(map(str, sizes)) + " s=" + ",".join(map(str, strides)))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(strided(), st.integers(0, 10**6))
def test_type_verdicts_agree_with_points(a, seed):
    model = orbit_model(a)
    try:
        ts = TypeStrata(a, Limits(max_nodes=60_000))
        rb = ts.members("relative boundary")
    except ResourceLimitError:
        assume(False)
    pairs = [p for p in planted_families(a) if a.filters[p[1] - 1][0] >= 2]
    sets = {p: ts.members(p) for p in pairs}
    rng = random.Random(seed)
    # types from every set and from their complement
    pools = [sorted(rb, key=str)] + [sorted(x, key=str) for x in sets.values()] + [list(ts.types)]
    chosen = {t for pool in pools for t in rng.sample(pool, min(3, len(pool)))}
    for t in chosen:
        p = type_point(model, t, seed)
        if p is None:
            continue
        assert root_type(model, p) == t
        assert contains(a, p).contained                       # the hyperroot route: a type of M
        assert relative_boundary_member(a, p)[0] == (t in rb)
        for pair, members in sets.items():
            assert in_shared_root_image(a, pair, t) == (t in members)
            got = in_family(a, pair, p)                       # divide out (z^T - β)^2, then contains()
            assert got is None or got == (t in members), (pair, t, p)
    mu = Parameterization(a)
    for i in range(2):                                          # images of parameters: enumerated types
        f = mu.evaluate(mu.random_point(seed=seed + i))
        assert root_type(model, f) in ts.types
        for pair, members in sets.items():                      # planted preimages: in the image
            g = mu.evaluate(shared_root_point(a, pair, seed + i)[0])
            if any(g):
                assert root_type(model, g) in members
                assert relative_boundary_member(a, g)[0] == (root_type(model, g) in rb)


@pytest.mark.parametrize("arch", ["3,2 s=2", "2,2,2 s=1,2", "2,2,3 s=3,1", "3,2,2 s=2,1"])
def test_every_type_of_small_spaces_against_in_family(arch):
    # every type with a rational point: the type-level image verdict against dividing out the
    # double orbit (z^T - β)^2 (β rational, 0 or ∞) and asking contains() about the rest
    a = Architecture.parse(arch)
    model = orbit_model(a)
    ts = TypeStrata(a)
    pairs = [p for p in planted_families(a) if a.filters[p[1] - 1][0] >= 2]
    decided = 0
    for t in ts.types:
        p = type_point(model, t, seed=7)
        if p is None:
            continue
        for pair in pairs:
            got = in_family(a, pair, p)
            assert got is None or got == (t in ts.members(pair)), (pair, t, p)
            decided += got is not None
    assert decided >= len(ts.types) * len(pairs) // 2
