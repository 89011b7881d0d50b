"""Permutation groups, their families and the icosahedron, against sympy and the geometry."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg import InputError
from lcnalg.groups import (PermutationGroup, alternating_group, cyclic_group, dihedral_group, direct_product,
                           icosahedral_rotation_group, icosahedron, parse_group, read_generators, symmetric_group)
from lcnalg.groups.permutations import as_permutation, compose, identity, inverse
from tests.groups.reference import sympy_order


@pytest.mark.parametrize("group, order", [
    (cyclic_group(7), 7), (dihedral_group(6), 12), (symmetric_group(5), math.factorial(5)),
    (alternating_group(5), 60), (alternating_group(2), 1), (symmetric_group(1), 1),
    (direct_product(cyclic_group(3), dihedral_group(4)), 24), (parse_group("S3xS3xC2"), 72),
])
def test_orders_by_enumeration_match_sympy_and_the_formula(group, order):
    assert group.order() == order == sympy_order(group.generators)


@settings(max_examples=40, deadline=None)
@given(gens=st.lists(st.permutations(list(range(5))), min_size=1, max_size=3))
def test_random_groups_enumeration_matches_sympy(gens):
    G = PermutationGroup(gens)
    elements = G.elements()
    assert len(elements) == len(set(elements)) == sympy_order(G.generators)
    assert elements[0] == identity(5)
    members = set(elements)
    for g in elements[:10]:  # closed under products and inverses
        assert inverse(g) in members and all(compose(s, g) in members for s in G.generators)


def element_order(p):
    k, q = 1, p
    while q != identity(len(p)):
        q, k = compose(p, q), k + 1
    return k


def test_icosahedron_combinatorics_and_euler():
    ico = icosahedron()
    V, E, F = len(ico.vertices), len(ico.edges), len(ico.faces)
    assert (V, E, F) == (12, 30, 20) and V - E + F == 2
    degrees = Counter(v for e in ico.edges for v in e)
    assert set(degrees.values()) == {5}
    # every edge lies on two faces, traversed in opposite directions (consistent orientation)
    directed = Counter((f[i], f[(i + 1) % 3]) for f in ico.faces for i in range(3))
    assert all(c == 1 for c in directed.values()) and len(directed) == 60


def test_icosahedral_rotation_group_is_a5_by_its_class_equation():
    G = icosahedral_rotation_group()
    elements = G.elements()
    assert len(elements) == 60 == sympy_order(G.generators)
    # A_5: 1 identity, 15 half-turns about edge axes, 20 third-turns about face axes, 24 fifth-turns
    assert Counter(element_order(g) for g in elements) == {1: 1, 2: 15, 3: 20, 5: 24}
    assert sorted(map(element_order, G.generators)) == [3, 5]


def test_icosahedral_rotations_are_rotations_of_space():
    """Each generator, read on the vertices, is a linear map of R^3 of determinant +1 that
    preserves the vertex set: an honest rotation (floating point only for this check)."""
    ico = icosahedron()
    phi = (1 + 5 ** 0.5) / 2
    coords = np.array([[a + b * phi for a, b in v] for v in ico.vertices])
    G = icosahedral_rotation_group()
    face_index = {frozenset(f): i for i, f in enumerate(ico.faces)}
    vertex_faces = [frozenset(i for i, f in enumerate(ico.faces) if v in f) for v in range(12)]
    for g in G.generators:
        image = [vertex_faces.index(frozenset(g[i] for i in vf)) for vf in vertex_faces]
        M, *_ = np.linalg.lstsq(coords, coords[image], rcond=None)
        assert np.allclose(coords @ M, coords[image]) and np.isclose(np.linalg.det(M), 1.0)
        assert np.allclose(M.T @ M, np.eye(3))
    assert len(face_index) == 20


def test_bad_permutations_name_the_field():
    for bad, match in [([0, 0], "each of 0..1 once"), ("012", "one-line notation"), ([0, 1.0], "entry 1.0"),
                       ([], "at least one entry"), ([True, False], "entry True"), (None, "one-line notation")]:
        with pytest.raises(InputError, match="^p: .*" + match):
            as_permutation(bad, "p")
    with pytest.raises(InputError, match="^n: expected an integer at least 3"):
        dihedral_group(2)
    with pytest.raises(InputError, match=r"^groups: expected at least two"):
        direct_product(cyclic_group(2))


@pytest.mark.parametrize("content, match", [
    ("not json", "cannot read a JSON list"), ("{}", "expected a non-empty JSON list"), ("[]", "non-empty JSON list"),
    ("[[0, 1], [0, 1, 2]]", r"generators\[1\]: .*2 entries"), ("[[0, 2]]", r"generators\[0\]: .*0..1"),
    ("[[1, 0, 2], \"x\"]", r"generators\[1\]"),
])
def test_generator_files(tmp_path, content, match):
    path = tmp_path / "g.json"
    path.write_text(content)
    with pytest.raises(InputError, match="^generators" if "generators" not in match else "^" + match.split(":")[0]):
        read_generators(str(path))
    with pytest.raises(InputError, match=match):
        read_generators(str(path))


def test_generator_file_roundtrip(tmp_path):
    path = tmp_path / "g.json"
    path.write_text("[[1, 2, 3, 0], [3, 2, 1, 0]]")
    assert read_generators(str(path)).order() == 8
