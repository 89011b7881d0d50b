"""The equations of the Zariski closure of the relative boundary ∂_V M (1D, T | 4 or 6).

Independent routes: the ideal of 3,2 s=2 derived by hand (λ(z² − b)²) and compared through
sympy Gröbner bases; the stratum parameterizations against the exact root-orbit types of their
values; the equations at exact points that `relative_boundary_member` accepts; the dimension of
the ideal (codimension = Jacobian rank of the generators at a point of a top stratum) against
`relative_boundary_dimension`; interior points of M off the closure.
"""

from __future__ import annotations

import functools
import random

import flint
import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lcnalg.algebra.plain_interpolation import equations_up_to_degree
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, ResourceLimitError
from lcnalg.limits import Limits
from lcnalg.real.boundary import boundary
from lcnalg.real.boundary_equations import TypeStratumMap, relative_boundary_equations, type_dimension
from lcnalg.real.orbit_description import RootType, relative_boundary_dimension, relative_boundary_member, root_type
from lcnalg.real.orbit_tilings import orbit_model
from lcnalg.real.type_strata import TypeStrata, type_point


def _vanish(polys, point) -> bool:
    vals = [flint.fmpz(int(x)) for x in point]
    return all(p(*vals) == 0 for p in polys)


def _codimension(polys, point) -> int:
    """Rank of the Jacobian of the generators at an exact point."""
    n = len(point)
    vals = [flint.fmpz(int(x)) for x in point]
    rows = [[int(p.derivative(i)(*vals)) for i in range(n)] for p in polys]
    return flint.fmpq_mat(rows).rank() if rows else 0


def test_3_2_s2_by_hand():
    # λ(z² − b)² = λ z⁴ − 2λb z² + λb²: c1 = c3 = 0 and c2² = 4λ²b² = 4 c0 c4; conversely these
    # cut out {λ(z² − b)²} over C (c4 ≠ 0: b = −c2/(2c4)), an irreducible surface
    c = sympy.symbols("c0:5")
    hand = [c[1], c[3], c[2] ** 2 - 4 * c[0] * c[4]]
    lam, b = sympy.symbols("lam b")
    image = sympy.Poly(sympy.expand(lam * (sympy.Symbol("z") ** 2 - b) ** 2), sympy.Symbol("z")).all_coeffs()[::-1]
    assert all(sympy.expand(e.subs(dict(zip(c, image)))) == 0 for e in hand)
    r = relative_boundary_equations("3,2 s=2")
    assert r.certified and r.agrees and r.dimension == 2 and len(r.components) == 1
    found = [sympy.sympify(e.replace("^", "**"), locals=dict(zip([str(x) for x in c], c)))
             for e in r.components[0].equations.equations]
    assert sympy.groebner(found, *c, order="grevlex") == sympy.groebner(hand, *c, order="grevlex")


@pytest.mark.parametrize("text", ["3,2 s=2", "4,2 s=2", "2,3,2 s=2,2",                 # T | 4 or 6
                                  "6,2 s=5", "2,2,2 s=1,5", "2,2,2 s=1,8", "2,2,2 s=1,9"])  # T = 5, 8, 9
def test_equations_against_points_and_dimension(text):
    """Every relative-boundary type's exact points satisfy some component, some interior types
    miss them all, the dimension is a Jacobian rank, and BoundaryResult carries the same ideals
    (for T not dividing 4 or 6 through the Galois conjugates over Q(zeta_T))."""
    a = Architecture.parse(text)
    model = orbit_model(a)
    r = relative_boundary_equations(a)
    assert r.certified
    dim = relative_boundary_dimension(a)
    assert dim.exact and r.dimension == dim.lower and r.agrees
    polys = [p for comp in r.components for p in comp.equations.polynomials]
    n = model.degree + 1
    strata = TypeStrata(a)
    on = strata.members("relative boundary")
    checked = 0
    for t in sorted(on, key=lambda t: t.blocks):
        p = type_point(model, t, seed=3)
        if p is None:
            continue
        assert relative_boundary_member(a, p)[0]
        # every boundary point lies in the union of the components
        assert any(_vanish(comp.equations.polynomials, p) for comp in r.components), t
        checked += 1
    assert checked >= 2
    # the ideal's dimension: codimension = Jacobian rank at a point of a top stratum
    for comp in r.components:
        p = type_point(model, comp.rtype, seed=5)
        assert p is not None and _vanish(comp.equations.polynomials, p)
        assert n - _codimension(list(comp.equations.polynomials), p) == comp.dimension == r.dimension
    # the witness sample of `boundary` satisfies them
    for s in boundary(a).relative_samples:
        den = 1
        for x in s:
            den = den * x.denominator // __import__("math").gcd(den, x.denominator)
        assert any(_vanish(comp.equations.polynomials, [int(x * den) for x in s]) for comp in r.components)
    # interior points of M (types off the boundary): the closure is a proper subset, some miss it
    interior = [t for t in strata.types if t not in on and type_dimension(t) > r.dimension]
    missed = 0
    for t in interior[:10]:
        p = type_point(model, t, seed=7)
        if p is None:
            continue
        assert not relative_boundary_member(a, p)[0]
        missed += not _vanish(polys, p)
    assert missed >= 1
    b = boundary(a, equations=True)
    assert b.relative_equations_status == "certified" and list(map(list, b.relative_equations)) == \
        [list(c.equations.equations) for c in r.components]


@pytest.mark.parametrize("text", ["3,2 s=2", "4,2 s=2", "2,3,2 s=2,2", "3,3 s=3"])
def test_stratum_parameterization_has_the_type(text):
    """φ_κ at random integer parameters (h = 1) is a filter of type κ: the root-orbit type computed
    exactly from its coefficients."""
    a = Architecture.parse(text)
    model = orbit_model(a)
    rng = random.Random(1)
    types = TypeStrata(a).types
    for t in rng.sample(types, min(12, len(types))):
        phi = TypeStratumMap(model, t)
        for _ in range(3):
            theta = [rng.choice([-1, 1]) * rng.randint(1, 9)] + [1] + [rng.randint(1, 40) for _ in phi.parameter_names[2:]]
            values = phi.evaluate(theta)
            got = root_type(model, values)
            if got == t:
                break
        assert got == t, (t, values)
        assert phi.certified_dimension()[1]


def test_refusals():
    with pytest.raises(InputError, match="no relative boundary"):
        relative_boundary_equations("2,2 s=5")          # M = V(R)
    with pytest.raises(InputError, match="T dividing"):   # the lattice map; other T: RationalTypeStratumMap
        TypeStratumMap(orbit_model(Architecture.parse("6,2 s=5")), RootType(5, (("positive", (2, 2, 2, 2, 2)),)))
    with pytest.raises(InputError, match="^arch"):
        relative_boundary_equations("2x2,2x2")
    with pytest.raises(InputError, match="^max_degree"):
        relative_boundary_equations("3,2 s=2", max_degree=0)
    with pytest.raises(ResourceLimitError, match="max_strata"):
        relative_boundary_equations("3,2 s=2", limits=Limits(max_strata=1))   # two top types: a > 0 and a < 0


#: Small strided architectures (T | 4 or 6) whose M is thin and not closed, with a relative boundary.
SMALL = ["2,2,2 s=1,2", "2,2,2 s=1,3", "2,2,2 s=2,1", "2,2,2 s=3,1", "2,3,2 s=1,2", "2,3,2 s=1,3", "3,2,2 s=1,2",
         "3,2,2 s=1,3", "3,2,2 s=2,2", "2,2,3 s=1,3", "3,3,2 s=1,3", "3,2,3 s=2,1", "3,3,2 s=2,1"]


@functools.lru_cache(maxsize=None)
def _strided_case(text: str):
    """The architecture's boundary, its equations and its boundary types, checked once: they do
    not depend on the seed, which only draws the points below."""
    a = Architecture.parse(text)
    b = boundary(a, equations=False)             # the equations are compared below
    assert b.relative_family == "root orbits" and b.relative_dimension is not None
    r = relative_boundary_equations(a)
    assert r.agrees and r.dimension == b.relative_dimension and r.certified
    on = sorted(TypeStrata(a).members("relative boundary"), key=lambda t: t.blocks)
    return a, r, on


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.sampled_from(SMALL), seed=st.integers(0, 10**6))
def test_small_strided_architectures(text, seed):
    a, r, on = _strided_case(text)
    model = orbit_model(a)
    for comp in r.components:
        p = type_point(model, comp.rtype, seed=seed)
        if p is not None:
            assert relative_boundary_member(a, p)[0] and _vanish(comp.equations.polynomials, p)
            assert model.degree + 1 - _codimension(list(comp.equations.polynomials), p) == comp.dimension
    # a random boundary type's exact point lies on some component
    t = random.Random(seed).choice(on)
    p = type_point(model, t, seed=seed)
    if p is not None:
        assert relative_boundary_member(a, p)[0]
        assert any(_vanish(comp.equations.polynomials, p) for comp in r.components)


# ---------------------------------------------------------------- the equations in BoundaryResult


@pytest.mark.parametrize("text", ["3,2 s=2", "4,2 s=2", "3,2,2 s=2,2"])
def test_boundary_result_carries_the_equations(text):
    """`boundary` carries the ideals of `relative_boundary_equations`; they vanish at the exact
    points of every relative-boundary type stratum (which `is_relative_boundary_point` accepts),
    fail at some interior points of M (which it rejects), and the exported strings parse with
    sympy to the very polynomials."""
    a = Architecture.parse(text)
    model = orbit_model(a)
    b = boundary(a)
    r = relative_boundary_equations(a)
    assert b.relative_equations_status == "certified" == ("certified" if r.certified else "")
    assert [list(e) for e in b.relative_equations] == [list(e) for e in r.ideals()]
    assert len(b.relative_components) == len(r.components)
    strata = TypeStrata(a)
    on = strata.members("relative boundary")
    checked = 0
    for t in sorted(on, key=lambda t: t.blocks):
        p = type_point(model, t, seed=11)
        if p is None:
            continue
        assert b.is_relative_boundary_point(p) and b.in_relative_boundary_closure(p)
        checked += 1
    assert checked >= 2
    missed = 0
    for t in [t for t in strata.types if t not in on and type_dimension(t) > b.relative_dimension][:10]:
        p = type_point(model, t, seed=13)
        if p is not None:
            assert not b.is_relative_boundary_point(p)
            missed += not b.in_relative_boundary_closure(p)
    assert missed >= 1
    names = sympy.symbols(f"c0:{model.degree + 1}")
    loc = {str(x): x for x in names}
    data = b.to_dict()
    assert data["relative_equations_status"] == "certified"
    for texts, polys in zip(data["relative_equations"], b.relative_polynomials):
        for s, p in zip(texts, polys, strict=True):
            expected = sum(int(c) * sympy.prod([x ** int(e) for x, e in zip(names, m)])
                           for m, c in zip(p.monoms(), p.coeffs()))
            assert sympy.expand(sympy.sympify(s, locals=loc) - expected) == 0


def test_boundary_equations_switches_and_bounds():
    # equations=False skips them; the default derives them only for at most 10 coordinates
    assert boundary("3,2 s=2", equations=False).relative_equations == ()
    assert boundary("3,2 s=2", equations=False).relative_equations_status.startswith("not computed")
    big = boundary("3,2,2,2 s=2,2,2")                        # 17 coordinates
    assert big.relative_equations == () and "17 > 10" in big.relative_equations_status
    with pytest.raises(InputError, match="no equations"):
        big.in_relative_boundary_closure([0] * 17)
    # asked for (a max_degree): within the limits, refused up front naming the bound
    with pytest.raises(ResourceLimitError, match="max_strata"):
        boundary("3,2 s=2", max_degree=2, limits=Limits(max_strata=1))
    # not asked: the refusal is the status
    b = boundary("3,2 s=2", limits=Limits(max_strata=1))
    assert b.relative_equations == () and "max_strata" in b.relative_equations_status
    # a low max_degree: complete up to that degree (the ideal has a generator of degree 2)
    low = boundary("3,2 s=2", max_degree=1, equations=True)
    assert low.relative_equations == (("c1", "c3"),) or low.relative_equations_status == "certified"


# ---------------------------------------------------------------- the dimension from the type strata


@pytest.mark.parametrize("text", ["3,2 s=2", "2,3,2 s=2,2", "2,2,2 s=1,5", "3,2,2 s=2,2"])
def test_dimension_from_the_type_strata_when_the_bounds_do_not_meet(text):
    """With the configuration search of `relative_boundary_dimension` refused (max_states), the
    dimension comes from the exact type union: the same number as the met bounds."""
    from lcnalg.real.closedness import is_zariski_closed

    exact = relative_boundary_dimension(Architecture.parse(text))
    assert exact.exact
    b = boundary(text, closedness=is_zariski_closed(text), limits=Limits(max_states=2), equations=False)
    assert b.relative_dimension == exact.lower and "refused by max_states" in b.relative
    # both refused: not derived, saying why
    b = boundary(text, closedness=is_zariski_closed(text), limits=Limits(max_states=2, max_nodes=3), equations=False)
    assert b.relative_dimension is None and "max_nodes" in b.relative


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.sampled_from(SMALL + ["6,2 s=5", "2,2,2 s=1,8", "4,2 s=3", "3,2,2 s=5,1"]))
def test_type_union_dimension_against_the_bounds(text):
    a = Architecture.parse(text)
    dim = relative_boundary_dimension(a)
    on = TypeStrata(a).members("relative boundary")
    assert dim.exact and max(type_dimension(t) for t in on) == dim.lower


@pytest.mark.parametrize("text", ["3,2 s=2", "2,3,2 s=1,3", "3,2,2 s=1,3"])
def test_hypersurface_argument_agrees_with_the_elimination_certificate(text):
    """Where the closure of a boundary stratum is a hypersurface in its non-zero coordinates, the
    equations are certified by that argument (no Gröbner basis); the elimination certificate,
    forced on the same stratum map without it, certifies the very same equations."""
    a = Architecture.parse(text)
    comp = relative_boundary_equations(a).components[0]
    assert comp.equations.certified and "codimension one" in comp.equations.certificate
    phi = TypeStratumMap(orbit_model(a), comp.rtype)
    forced = equations_up_to_degree(phi, max_degree=comp.equations.complete_up_to_degree, seed=1,
                                    dimension=comp.dimension, certify=True, limits=Limits(), architecture=text,
                                    method=lambda g: "interpolation", how_to_certify="")
    assert forced.certified and "elimination" in forced.certificate
    assert sorted(forced.equations) == sorted(comp.equations.equations)
