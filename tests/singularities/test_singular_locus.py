"""Singular locus: the toric and sandwich routes against all minors over Q, and components
checked at sample points by exact ranks."""

from __future__ import annotations

import json
import random

import flint
import pytest

from lcnalg import Architecture, FunctionSpace, Limits, Parameterization
from lcnalg.errors import InputError, ResourceLimitError
from lcnalg.singularities.singular_locus import (SingularLocusResult, axis_networks, candidate_families,
                                                 certify_family, section_upper_bound, segre_product_singular_dimension,
                                                 singular_locus, toric_singular_locus)


def test_singular_locus_small():
    assert singular_locus("2,2,2").dimension == -1
    r = singular_locus("3,2 s=2")
    assert r.certified and r.codimension == 1 and r.dimension == 3 == r.lower_bound == r.upper_bound
    old = singular_locus("3,2 s=2", method="minors")   # the exact-minors route is still there
    assert old.exact_ideal and old.dimension == 3 and old.certified and "over Q" in old.method
    with pytest.raises(ResourceLimitError):
        singular_locus("3,2,2 s=2,2", method="minors")
    with pytest.raises(InputError):
        singular_locus("3,3 s=2", method="toric")   # not toric: refused, not guessed


@pytest.mark.parametrize("arch", ["3,2 s=2", "3,3 s=2", "4,2 s=2", "2,2,2 s=1,2", "3,3,2 s=1,2",
                                  "2,3,2 s=1,2", "2x2,2x1", "2,2 s=2"])
def test_minors_over_q_agree_with_the_structured_routes(arch):
    """Two independent routes: all minors + a verified Groebner basis over Q, against the
    toric / sandwich route (families proved singular + linear-section upper bound)."""
    a = singular_locus(arch)
    b = singular_locus(arch, method="minors")
    assert a.certified and b.certified and b.route == "minors"
    assert a.dimension == b.dimension
    if "merged" in a.method:   # layers joined by stride one: same V as the merged architecture
        merged = Architecture.parse(arch).merged_over_c()
        assert singular_locus(str(merged)).dimension == a.dimension


def _jac_rank(eqs, n, point):
    vals = [flint.fmpz(int(x)) for x in point]
    return flint.fmpq_mat([[int(g.derivative(j)(*vals)) for j in range(n)] for g in eqs]).rank()


def _on_v(eqs, point):
    vals = [flint.fmpz(int(x)) for x in point]
    return all(g(*vals) == 0 for g in eqs)


def _family_point(mu, family, seed):
    """A random filter of the named candidate family and its image."""
    fam = {f.name: f for f in candidate_families(mu)}[family]
    rng = random.Random(seed)
    t = [flint.fmpz(rng.randint(-30, 30) or 1) for _ in range(fam.ctx.nvars())]
    theta = [int(p(*t)) for p in fam.theta]
    return theta, mu.evaluate(theta), t


def test_toric_segre_2x2_s2x2():
    """2x2,2x2 s=2x2: distinct Kronecker exponents, V is the Segre cone of P^3 x P^3 (4x4 rank-one
    matrices after relabelling); the theorem says Sing = {0}.  Computed, then compared."""
    arch = "2x2,2x2 s=2x2"
    r = singular_locus(arch)
    assert r.route == "toric" and r.certified and r.dimension == 0
    assert [c.name for c in r.components] == ["origin"]
    mu = Parameterization(arch)
    # every coordinate is one monomial u_ij v_ab, all distinct: the coordinate Segre embedding
    assert all(len(c) == 1 for c in mu.coordinates) and len({str(c) for c in mu.coordinates}) == 16
    fs = FunctionSpace(arch)
    eqs = fs.implicit_equations().polynomials
    out = toric_singular_locus(mu, eqs, 7, degrees=False)
    assert out["num_faces"] == (2**4 - 1) ** 2 + 1   # faces of Delta_3 x Delta_3, plus the empty one
    # independent route: rank J_g = codim = 9 at random points of V, also with zero filter entries
    for seed in range(4):
        theta = list(mu.random_point(seed, bound=9))
        if seed >= 2:
            theta[seed] = 0
            theta[4 + seed] = 0
        assert _jac_rank(eqs, 16, mu.evaluate(theta)) == 9
    assert _jac_rank(eqs, 16, [0] * 16) < 9 and r.contains([0] * 16)


@pytest.mark.parametrize("arch, family, dim_sing", [
    ("3,2,2 s=2,2", "sparse 1:1", 4),     # Singular: dim(std(I + minor(jacob(I), 4))) = 4 (mod 32003)
    ("3,3 s=2", "sparse 1:1", 4),
    ("2x2,2x2", "separable all", 5),      # Singular: 5 (mod 32003)
])
def test_sandwich_certified_components(arch, family, dim_sing):
    fs = FunctionSpace(arch)
    equations = fs.implicit_equations()
    # all three ideals are certified by default (2x2,2x2 by the elimination certificate), so
    # the families found singular by their Jacobian are components and the bounds meet
    assert equations.certified
    r = singular_locus(arch, equations=equations, method="sandwich")
    assert r.route == "sandwich" and r.dimension == dim_sing
    assert singular_locus(arch, equations=equations).dimension == dim_sing   # auto: birational or sandwich
    comp = {c.name: c for c in r.components}[family]
    assert comp.dimension == dim_sing
    assert r.certified and r.lower_bound == r.upper_bound == dim_sing
    assert comp.component is True
    mu = fs.parameterization
    eqs = equations.polynomials
    n, codim = fs.ambient_dimension, r.codimension
    fam = {f.name: f for f in candidate_families(mu)}[family]
    for seed in (101, 102, 103):
        theta, c, t = _family_point(mu, family, seed)
        # on V, and the Jacobian of the equations drops rank there (exact ranks)
        assert _on_v(eqs, c) and _jac_rank(eqs, n, c) < codim and r.contains(c)
        # dimension of the component: exact rank of J(mu o phi) at the point
        jphi = flint.fmpq_mat([[int(p.derivative(i)(*t)) for i in range(fam.ctx.nvars())] for p in fam.theta])
        assert (mu.jacobian_at(theta) * jphi).rank() == dim_sing
        # random points of V (outside the component) are smooth: rank = codim
        c2 = mu.evaluate(mu.random_point(seed, bound=50))
        assert _jac_rank(eqs, n, c2) == codim and not r.contains(c2)


def test_certified_only_with_certified_equations():
    """The status is certified only when the equations are: with equations complete up to a
    degree, the families' certificates (bordered minors of the Jacobian of those equations)
    rest on their completeness; the linear-section upper bound does not."""
    from lcnalg.algebra.implicitization import implicit_equations

    mu = Parameterization("3,3 s=2")
    partial = implicit_equations(mu, certify=False)
    assert not partial.certified and partial.complete_up_to_degree is not None
    r = singular_locus("3,3 s=2", equations=partial, method="sandwich")
    assert not r.certified and not r.equations_certified and r.dimension == 4
    assert r.status == "bounds 0..4" and r.status.reason == r.limitations
    assert "complete only up to degree" in r.limitations and "upper bound 4 holds" in r.limitations
    assert all(c.component is None for c in r.components) and "certify=True" in r.how_to_certify
    assert "certify=True" in r.status.reason and "--certify" in r.provenance()
    full = singular_locus("3,3 s=2", equations=implicit_equations(mu, certify=True), method="sandwich")
    assert full.certified and full.equations_certified and full.status == "certified"
    # the birational route reads no equation of V: certified with the partial equations as well
    b = singular_locus("3,3 s=2", equations=partial)
    assert b.route == "birational" and b.certified and b.dimension == 4 and not b.equations_certified
    # one irreducible equation of a hypersurface generates its ideal: certified without more
    hyper = singular_locus("3,2 s=2", equations=implicit_equations(Parameterization("3,2 s=2"), certify=False))
    assert hyper.certified and hyper.dimension == 3


def test_2x2_2x2_component_is_rank_one():
    """The 5-dimensional component of Sing V for 2x2,2x2: products a(x) b(y), i.e. coefficient
    matrices of rank one -- checked at sample points; the squares p^2 lie in Sing V too."""
    r = singular_locus("2x2,2x2")
    mu = Parameterization("2x2,2x2")
    for seed in (5, 6):
        _, c, _ = _family_point(mu, "separable all", seed)
        assert flint.fmpq_mat(3, 3, list(c)).rank() == 1
        p = list(mu.random_point(seed, bound=20))
        square = mu.evaluate(p[:4] + p[:4])
        assert r.contains(square) and flint.fmpq_mat(3, 3, list(square)).rank() == 3
    rep = {c.name: c for c in r.components}["repeated 1=2"]
    assert rep.dimension == 4 and rep.component is None   # maximality not decided


@pytest.mark.parametrize("arch", ["3,2 s=2", "3,3 s=2", "4,2 s=2", "2x2,2x1", "3,3,2 s=1,2"])
def test_sandwich_agrees_with_all_minors(arch):
    """Independent route: all minors + a Groebner basis mod p (an upper bound, equal for all but
    finitely many p) against the certified sandwich."""
    r = singular_locus(arch)
    assert r.certified
    assert singular_locus(arch, method="minors").dimension == r.dimension


def test_section_bound_is_not_fooled():
    """Below the true dimension the section test never 'proves' a bound (it cannot, being a proof)."""
    fs = FunctionSpace("3,3 s=2")
    eqs = fs.implicit_equations().polynomials
    for seed in range(3):
        assert section_upper_bound(eqs, 2, 3, seed=seed)[0] is False
    assert section_upper_bound(eqs, 2, 4, seed=0)[0] is True
    with pytest.raises(ResourceLimitError):
        section_upper_bound(eqs, 2, 0, seed=0, max_terms=10)


def test_certify_family_negative_and_contains_input():
    fs = FunctionSpace("3,2,2 s=2,2")
    mu = fs.parameterization
    eqs = fs.implicit_equations().polynomials
    jac = [[g.derivative(j) for j in range(9)] for g in eqs]
    fam = {f.name: f for f in candidate_families(mu)}["sparse 1:0"]
    v = certify_family(mu, jac, 4, fam, seed=3)
    assert v["in_singular_locus"] is False and v["jacobian_rank"] == 4
    r = singular_locus("3,2,2 s=2,2")
    with pytest.raises(InputError):
        r.contains([0, 1])
    assert not r.contains([1] * 9)   # not on V
    data = json.loads(r.to_json())
    assert data["certified"] and data["dimension"] == 4 and "equations" not in data


def test_unknown_method():
    with pytest.raises(InputError):
        singular_locus("3,2 s=2", method="magic")


def _protocol(r):
    """Every export of a result works and carries its status."""
    data = json.loads(r.to_json())
    assert data["status"] == r.status.label and data["status_detail"]["kind"]
    assert r.status.label in r.provenance() and r.to_text() and r.to_latex()
    assert r._repr_latex_().startswith("$")
    return data


def test_result_protocol_and_status():
    r = singular_locus("3,2 s=2")
    assert r.status == "certified" and r.status.is_certified
    data = _protocol(r)
    assert "generators" not in data and "equations" not in data
    assert data["components"] and isinstance(data["components"][0]["name"], str)
    undecided = SingularLocusResult(
        architecture="3,3 s=2", method="sandwich", certified=False, dimension=3, dimension_of_variety=5,
        ambient_dimension=7, codimension=2, num_equations=3, num_minors=0, exact_ideal=False,
        description="not decided: 1 <= dim <= 3", lower_bound=1, upper_bound=3, route="sandwich")
    assert undecided.status == "bounds 1..3"
    _protocol(undecided)
    projected = SingularLocusResult(
        architecture="3,3 s=2", method="minors", certified=False, failure_probability=1e-3, dimension=4,
        dimension_of_variety=5, ambient_dimension=7, codimension=2, num_equations=3, num_minors=6,
        exact_ideal=False, description="4", lower_bound=-1, upper_bound=4, how_to_certify="all minors")
    assert projected.status == "probabilistic" and projected.status.failure_bound == 1e-3
    _protocol(projected)


def test_limits_name_the_field():
    from lcnalg import Limits

    with pytest.raises(ResourceLimitError) as err:
        singular_locus("3,2,2 s=2,2", method="minors")
    assert err.value.limit == "max_minors" and "--max-minors" in str(err.value)
    with pytest.raises(ResourceLimitError) as err:
        singular_locus("3,2,2 s=2,2", method="minors", randomized=True, limits=Limits(max_locus_terms=10))
    assert err.value.limit == "max_locus_terms"
    with pytest.raises(ResourceLimitError) as err:
        singular_locus("2,2 s=2", method="toric", limits=Limits(max_supports=2))
    assert err.value.limit == "max_supports"
    # auto: the toric route steps aside, the next route answers and the answer names the bound
    r = singular_locus("2,2 s=2", limits=Limits(max_supports=2))
    assert r.route == "birational" and r.certified and r.dimension == 0
    assert "--max-supports" in r.limitations


def test_section_bounded_and_sandwich_bounds_kept():
    """A linear section beyond limits.max_section_entries is given up (the next one tried);
    when the minors route that could narrow the bounds is refused, the sandwich's proved
    bounds are the answer, naming the bound."""
    fs = FunctionSpace("3,2,2 s=2,2")
    eqs = fs.implicit_equations().polynomials
    with pytest.raises(ResourceLimitError) as info:
        section_upper_bound(eqs, 2, 3, seed=0, limits=Limits(max_section_entries=1))
    assert info.value.limit == "max_section_entries"
    # 3,2,2 s=2,2: a certified family of dimension dim V - 1 = 4 meets the free upper bound
    # (Sing V is a proper closed subset of the irreducible V): no section is computed
    r = singular_locus("3,2,2 s=2,2", limits=Limits(max_section_entries=1), method="sandwich")
    assert r.certified and r.dimension == 4 and "--max-section-entries" not in r.method
    assert "u=4: Sing V is a proper closed subset" in r.method
    # 2x2,2x2: no section proves the upper bound 5 and all minors are refused: the proved
    # bounds, the lower one from the filter families certified in Sing V (its ideal is certified
    # by default), the upper one dim V - 1 (the unbounded run finds 5: test above)
    r = singular_locus("2x2,2x2", limits=Limits(max_section_entries=1, max_minors=1))
    assert r.route == "sandwich" and r.status == "bounds 5..6" and r.upper_bound == 6
    assert "--max-minors" in r.status.reason


@pytest.mark.parametrize("arch", ["3,2,2 s=2,2", "2x2,2x2"])
def test_family_certificates_share_max_minor_terms(arch):
    """The bordered minors of all candidate families share ``max_minor_terms``: with a bound
    too small for any of them, the families whose rank drop needs minors of size 2 or more stay
    undecided and name the option, those decided by the point keep their verdict; with the
    default bound the verdicts are those of each family certified alone."""
    fs = FunctionSpace(arch)
    r = singular_locus(arch, equations=fs.implicit_equations(), method="sandwich")
    # (the linear sections that would bound the locus from above once the families are open
    # are kept out: 11 s on 3,2,2 s=2,2, and not what is tested here)
    small = singular_locus(arch, equations=fs.implicit_equations(), method="sandwich",
                           limits=Limits(max_minor_terms=1, max_section_entries=1))
    mu = fs.parameterization
    n = mu.ambient_dimension
    jac = [[g.derivative(j) for j in range(n)] for g in fs.implicit_equations().polynomials]
    alone = {f.name: certify_family(mu, jac, n - r.dimension_of_variety, f, seed=0)["in_singular_locus"]
             for f in candidate_families(mu)}
    assert {v.name: v.in_singular_locus for v in r.families} == alone
    assert any(alone.values())
    for v, w in zip(r.families, small.families):
        assert v.name == w.name and v.dimension == w.dimension
        if v.in_singular_locus is True and v.jacobian_rank > 0:   # 1-minors are entries: no sub-minor
            assert w.in_singular_locus is None and "--max-minor-terms" in w.certificate
        else:
            assert w.in_singular_locus == v.in_singular_locus


def test_the_minors_refusal_names_options_that_exist():
    """The minors route refused by max_minors names --max-minors, which the subcommands that
    compute the singular locus (strata, report) have, and a Python keyword of singular_locus
    (not a command-line option): every '--option' in the message is a real one."""
    import inspect
    import re

    from lcnalg.cli import build_parser
    from lcnalg.errors import ResourceLimitError
    from lcnalg.limits import Limits
    from lcnalg.singularities.singular_locus import singular_locus

    with pytest.raises(ResourceLimitError) as info:
        singular_locus("3,2 s=2", method="minors", limits=Limits(max_minors=1))
    message = str(info.value)
    named = set(re.findall(r"--[a-z0-9-]+", message))
    assert named == {"--max-minors"}, message
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for command in ("strata", "report"):
        options = {s for a in sub.choices[command]._actions for s in a.option_strings}
        assert named <= options, (command, named - options)
    for keyword in re.findall(r"keyword (\w+)=", message):
        assert keyword in inspect.signature(singular_locus).parameters


def test_three_layers_with_a_family_of_codimension_one_in_v_is_certified_at_once():
    """3,2,3 s=2,2 (43 quadratic and cubic equations, V of dimension 6 in C^13): the family
    'weight 1 of layer 1 is zero' is certified in Sing V (bordered minors vanish in Z[t]) with
    an image of dimension 5 = dim V - 1, the upper bound that holds for every irreducible V;
    the answer is certified without any linear section or minor, and agrees with the rank of
    the Jacobian of the equations at a point of that family (below codim) and at a random
    point of V (equal to codim)."""
    def jacobian_rank_at(jac, point):
        return flint.fmpq_mat([[int(d(*point)) for d in row] for row in jac]).rank()

    fs = FunctionSpace("3,2,3 s=2,2")
    equations = fs.implicit_equations()
    r = singular_locus("3,2,3 s=2,2", equations=equations, method="sandwich")
    assert r.certified and r.route == "sandwich" and r.dimension == 5
    assert "proper closed subset" in r.method and "determinants" not in r.method
    comp = r.components[0]
    assert comp.dimension == 5
    eqs = equations.polynomials
    n = fs.parameterization.ambient_dimension
    codim = n - 6
    jac = [[g.derivative(j) for j in range(n)] for g in eqs]
    assert jacobian_rank_at(jac, list(comp.sample)) < codim
    rng = random.Random(1)
    theta = [rng.randint(-5, 5) or 1 for _ in range(fs.parameterization.num_parameters)]
    point = [int(x) for x in fs.parameterization.evaluate(theta)]
    assert jacobian_rank_at(jac, point) == codim


def test_one_axis_layers_give_the_rank_one_matrices():
    """2x1,2x1,1x3 s=1x1,1x2,2x1: every quadratic P(x) factors over C and Q(y^2) is any cubic in y^2,
    so V = {P ⊗ Q} is the cone of rank-1 3x3 matrices (in the 9 coordinates where mu is not zero),
    singular at its vertex only; the sandwich alone left 0..4."""
    r = singular_locus("2x1,2x1,1x3 s=1x1,1x2,2x1")
    assert r.route == "segre product" and r.certified and r.dimension == 0 and r.dimension_of_variety == 5
    assert r.contains([0] * r.ambient_dimension)
    x, y = axis_networks(Architecture.parse("2x1,2x1,1x3 s=1x1,1x2,2x1"))
    assert (str(x), str(y)) == ("2,2", "3")


#: One-axis 2D networks: sandwich certified (5, 0, 3, 3) or bounds only (0..1, 0..4).
ONE_AXIS = ["3x1,2x1,1x3 s=2x1,1x1", "2x1,2x1,1x2", "1x3,1x2 s=1x2", "3x1,2x1 s=2x1", "3x1,1x3",
            "2x1,1x3,2x1 s=1x2,2x1"]


@pytest.mark.parametrize("arch", ONE_AXIS)
def test_segre_product_route_within_the_sandwich(arch):
    """The Segre-product route (from the two 1D networks, no equation of V used) against the sandwich
    on V's own certified equations (families proved singular by bordered minors, linear-section upper
    bound): inside its bounds, equal when they meet; and dim V = dim V_x + dim V_y - 1."""
    r = singular_locus(arch)
    assert r.route == "segre product" and r.certified
    s = singular_locus(arch, method="sandwich")
    assert s.lower_bound <= r.dimension <= s.upper_bound, (arch, r.method, s.method)
    if s.certified:
        assert r.dimension == s.dimension
    x, y = axis_networks(Architecture.parse(arch))
    dims = [FunctionSpace(a).dimension.value if a is not None else 1 for a in (x, y)]
    assert dims[0] + dims[1] - 1 == r.dimension_of_variety


def test_segre_product_dimension_is_monotone():
    for da in range(1, 5):
        for db in range(1, 5):
            for sa in range(-1, da):
                for sb in range(-1, db):
                    d = segre_product_singular_dimension(da, sa, db, sb)
                    assert -1 <= d < da + db - 1
                    if sa + 1 < da:
                        assert segre_product_singular_dimension(da, sa + 1, db, sb) >= d
                    if sb + 1 < db:
                        assert segre_product_singular_dimension(da, sa, db, sb + 1) >= d


@pytest.mark.parametrize("arch, dim, support", [
    # Singular (I plus the codimension minors of its Jacobian, minAssGTZ) finds one prime each:
    ("2,2 r=2", 1, {2}),                       # the line of x1^2
    ("2,2 r=3", 1, None),
    ("2,3 r=2", 2, None),
    ("1,2,2 r=2", None, None),
    ("1x2,1x3 r=2", 2, None),
])
def test_equal_images_are_one_component(arch, dim, support):
    # two zero-weight families with the same image (the line of x1^2 for 2,2 r=2) are one component
    res = FunctionSpace(arch).singular_locus()
    top = [c for c in res.components if c.dimension == res.dimension]
    assert len(top) == 1, [c.name for c in top]
    if dim is not None:
        assert res.dimension == dim
    if support is not None:
        assert {i for i, x in enumerate(top[0].sample) if x} == support
