"""The faces of the weight cone (double description, :mod:`lcnalg.singularities._toric`) against
two independent routes: a separating functional found by the exact simplex method for every one
of the ``2^n`` supports, and the algebraic orbit test ``c⁰_S ∈ V`` on toric neurovarieties."""

from __future__ import annotations

import flint
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg import FunctionSpace, Limits, Parameterization
from lcnalg.errors import ResourceLimitError
from lcnalg.regions.lp import strict_point
from lcnalg.singularities.singular_locus import cone_faces, cone_facets, singular_locus, toric_data


def _is_face(A: list[tuple[int, ...]], S: int) -> bool:
    """``S`` is a face's support iff some ``ℓ`` vanishes on ``a_j`` (``j ∈ S``) and is positive on
    the other ``a_j``: ``ℓ = N y`` with ``N`` a nullspace basis of the ``a_j`` in ``S``, and the
    strict system ``(a_j N) y > 0`` decided by the exact simplex method."""
    r = len(A[0])
    inside = [A[j] for j in range(len(A)) if S >> j & 1]
    if inside:
        null, nullity = flint.fmpz_mat([list(a) for a in inside]).nullspace()
        basis = [[int(null[i, k]) for i in range(r)] for k in range(nullity)]
    else:
        basis = [[flint.fmpq(int(i == k)) for i in range(r)] for k in range(r)]
    outside = [A[j] for j in range(len(A)) if not S >> j & 1]
    if not outside:
        return True
    if not basis:
        return False
    rows = [([sum(a[i] * b[i] for i in range(r)) for b in basis], 0) for a in outside]
    return strict_point(rows, len(basis)) is not None


def _faces_brute_force(A: list[tuple[int, ...]]) -> list[int]:
    return [S for S in range(1 << len(A)) if _is_face(A, S)]


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 4).flatmap(lambda r: st.lists(
    st.tuples(*([st.just(1)] + [st.integers(-2, 2)] * (r - 1))), min_size=r, max_size=7)))
def test_faces_equal_separating_functionals(A):
    """Pointed cones (first coordinate 1) of full rank: the double description's faces are the
    supports a strictly separating functional exists for, among all ``2^n``."""
    if flint.fmpq_mat([list(a) for a in A]).rank() < len(A[0]):
        return
    assert cone_faces(A) == _faces_brute_force(A)
    for ell in cone_facets(A):
        values = [sum(x * y for x, y in zip(ell, a)) for a in A]
        assert min(values) == 0 and max(values) > 0
        zero = [a for a, v in zip(A, values) if v == 0]
        assert flint.fmpq_mat([list(a) for a in zero]).rank() == len(A[0]) - 1   # a facet


def test_cube_and_product_of_simplices():
    """Counts from the face lattices: the cube has 27 faces (plus the empty one: 28), the
    product of two triangles has 7 x 7 faces (with the empty one: 49 + 1)."""
    cube = [(1, x, y, z) for x in (0, 1) for y in (0, 1) for z in (0, 1)]
    assert len(cone_faces(cube)) == 28 and len(cone_facets(cube)) == 6
    tri = [(1, 0), (0, 1), (0, 0)]
    prod = [(1,) + a + b for a in tri for b in tri]
    assert len(cone_faces(prod)) == 50 and len(cone_facets(prod)) == 6


@pytest.mark.parametrize("arch", ["2,2 s=2", "2x2,2x2 s=2x2", "2,2,2 s=2,2", "2x1,2x2 s=2x2"])
def test_faces_are_the_orbits_of_v(arch):
    """On toric neurovarieties the faces of the weight cone are exactly the supports ``S`` with
    ``c⁰_S ∈ V`` (every generator vanishes there), tested over all supports."""
    mu = Parameterization(arch)
    fs = FunctionSpace(arch)
    dim_v = fs.dimension.value
    data = toric_data(mu, dim_v)
    assert data is not None
    variables, weights = data
    eqs = fs.implicit_equations().polynomials
    c0 = [int(x) for x in mu.evaluate([1] * mu.num_parameters)]
    n = mu.ambient_dimension
    orbits = []
    for S in range(1 << len(variables)):
        pt = [flint.fmpz(c0[j]) if j in variables and S >> variables.index(j) & 1 else flint.fmpz(0)
              for j in range(n)]
        if all(g(*pt) == 0 for g in eqs):
            orbits.append(S)
    assert cone_faces(weights) == orbits


def test_toric_and_birational_routes_agree_beyond_brute_force():
    """``2x2,3x2 s=2x2`` has 24 coordinates (2^24 supports, once refused): the toric route through
    the faces and the birational route (no face, no equation of V) both prove Sing V = {0}."""
    toric = singular_locus("2x2,3x2 s=2x2", method="toric")
    birational = singular_locus("2x2,3x2 s=2x2", method="birational")
    assert toric.certified and birational.certified
    assert toric.dimension == birational.dimension == 0


def test_faces_bounded_by_max_supports():
    with pytest.raises(ResourceLimitError) as err:
        cone_faces([(1, 0, 0), (1, 1, 0), (1, 0, 1), (1, 1, 1)], limits=Limits(max_supports=5))
    assert err.value.limit == "max_supports"
