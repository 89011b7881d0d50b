"""Stratification: strata dimensions by independent exact ranks, closure edges at sample points,
one node per set (checked on every stratification built here by :func:`check_strata`)."""

from __future__ import annotations

import json
import random
import re
import sys
from fractions import Fraction
from math import lcm

import flint
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg import Architecture, FunctionSpace, Limits, Parameterization
from lcnalg.algebra import implicitization as impl, interpolation
from lcnalg.algebra.grading import grading_work
from lcnalg.parameterization import parameterize
from lcnalg.errors import InputError
from lcnalg.plot import plot_stratification
from lcnalg.real.boundary import boundary
from lcnalg.real.membership import contains
from lcnalg.singularities.critical import shared_root_image_dimension, shared_root_point
from lcnalg.singularities.strata import family_kind, in_family, kind_subset, stratification
from tests.cli.runner import run


# ----------------------------------------------------------------------------- invariants
def _pair(name):
    return tuple(int(x) for x in name.split()[-1].split(","))


def _poly(real_roots, pairs):
    """Integer coefficients (low to high) of prod (z - r) * prod (z^2 + c)."""
    p = flint.fmpz_poly([1])
    for r in real_roots:
        p *= flint.fmpz_poly([-r, 1])
    for c in pairs:
        p *= flint.fmpz_poly([c, 0, 1])
    return p


def _points(arch, name, bd):
    """Exact points of the set a description names: a double real root 0 times factors with
    the fewest and with the most real roots (all other roots distinct)."""
    sizes = [f[0] for f in arch.filters]
    if name == "boundary":
        degrees, fewest = [sum(sizes) - len(sizes) - 2], [bd.m - 2]
    else:
        l, m = _pair(name)
        degrees = [k - 1 - (i in (l - 1, m - 1)) for i, k in enumerate(sizes)]
        fewest = [e % 2 for e in degrees]
    out = []
    for real in (fewest, degrees):
        f, root, pair = flint.fmpz_poly([0, 0, 1]), 1, 1
        for e, r in zip(degrees, real):
            f *= _poly(range(root, root + r), range(pair, pair + (e - r) // 2))
            root, pair = root + r, pair + (e - r) // 2
        out.append([int(c) for c in f.coeffs()])
    return out


def _member(arch, name, bd, f):
    """Independent exact membership: the boundary by its own test; a shared-root image by
    dividing out each rational double root and asking contains() for the other factors."""
    if name == "boundary":
        return bd.is_boundary_point(f)
    l, m = _pair(name)
    sizes = [f_[0] - (i in (l - 1, m - 1)) for i, f_ in enumerate(arch.filters)]
    rest = ",".join(str(k) for k in sizes)
    n = len(f) - 2
    for factor, e in flint.fmpz_poly(f).factor()[1]:
        if factor.degree() == 1 and e >= 2:
            q = flint.fmpq_poly(f) / flint.fmpq_poly(factor * factor)
            coeffs = [Fraction(int(c.p), int(c.q)) for c in q.coeffs()] + [Fraction(0)] * n
            den = lcm(*[c.denominator for c in coeffs[:n]])
            if contains(rest, [int(c * den) for c in coeffs[:n]]).contained:
                return True
    return False


def check_strata(s, arch):
    """One node per set, and edges only between strata of different dimensions."""
    g = s.graph
    a = Architecture.coerce(arch)
    names = [x for _, d in g.nodes(data=True) for x in d["names"]]
    assert len(names) == len(set(names))
    for u, v in g.edges:
        assert g.nodes[u]["dimension"] < g.nodes[v]["dimension"], (u, v)
    same = [(u, v) for u in g for v in g if u < v and g.nodes[u]["dimension"] == g.nodes[v]["dimension"]]
    stride_one = a.ndim == 1 and all(x == (1,) for x in a.strides[:-1])
    if stride_one:
        bd = boundary(a)
        for x in g.nodes["origin"]["names"][1:]:   # a single-entry layer: the family maps to 0
            assert not any(Parameterization(a).evaluate(shared_root_point(a, _pair(x), 3)[0]))
        pts = {x: _points(a, x, bd) for x in names if x not in g.nodes["origin"]["names"] + ("V",)}
        for node, d in g.nodes(data=True):   # a merged node: every description accepts every point
            if node in ("V", "origin"):
                continue
            for x in d["names"]:
                for y in d["names"]:
                    if x != y:
                        assert all(_member(a, y, bd, p) for p in pts[x]), (x, y)
        for u, v in same:                      # distinct nodes: a point of one lies outside the other
            x, y = g.nodes[u]["names"][0], g.nodes[v]["names"][0]
            u_in_v = all(_member(a, y, bd, p) for p in pts[x])
            v_in_u = all(_member(a, x, bd, p) for p in pts[y])
            assert not (u_in_v and v_in_u), (u, v)
            assert (v in g.nodes[u]["subset_of"]) == u_in_v and (u in g.nodes[v]["subset_of"]) == v_in_u
        assert not s.undecided_pairs
    else:
        for u, v in same:
            if f"'{u}' and '{v}'" in " ".join(s.undecided_pairs) or f"'{v}' and '{u}'" in " ".join(s.undecided_pairs):
                continue
            mu = Parameterization(a)
            if "relative boundary" in (u, v):   # a point of one exactly outside the other
                other = v if u == "relative boundary" else u
                bd = boundary(a)
                if other == "singular locus":
                    sl = FunctionSpace(arch).singular_locus()
                    assert not all(sl.contains(p) for p in bd.relative_samples)
                    continue
                fam = _pair(g.nodes[other]["names"][0])
                off = any(not bd.is_relative_boundary_point(list(mu.evaluate(shared_root_point(a, fam, seed)[0])))
                          for seed in range(7, 12))
                # the exact points of the root-orbit type witnesses named in the notes
                witnesses = [[int(x) for x in w.split(",")] for n in s.notes if "not contained" in n
                             for w in re.findall(r"exact point \[([-0-9, ]+)\]", n)]
                out = [p for p in list(bd.relative_samples) + witnesses
                       if bd.is_relative_boundary_point(list(p)) and in_family(a, fam, p) is False]
                assert off or out, (u, v)
                assert not (out and other in g.nodes["relative boundary"]["subset_of"])
                continue
            if "singular locus" in (u, v):      # a point of the family off the singular locus
                other = v if u == "singular locus" else u
                sl = FunctionSpace(arch).singular_locus()
                assert not all(sl.contains(mu.evaluate(shared_root_point(a, _pair(x), seed)[0]))
                               for x in g.nodes[other]["names"] for seed in range(7, 10))
                continue
            pu, pv = _pair(g.nodes[u]["names"][0]), _pair(g.nodes[v]["names"][0])
            assert any(in_family(a, q, mu.evaluate(shared_root_point(a, p, seed)[0])) is False
                       for p, q in ((pu, pv), (pv, pu)) for seed in range(7, 12)), (u, v)
        for _, d in g.nodes(data=True):        # merged families: same marked layer types
            kinds = {family_kind(a, _pair(x)) for x in d["names"] if x.startswith("shared root")}
            assert len(kinds) <= 1
    return s


@pytest.mark.parametrize("arch", ["2,2", "2,2,2", "3,2 s=2", "3,3 s=2", "3,2,2 s=2,2", "2x2,2x2"])
def test_stratification_checks(arch):
    fs = FunctionSpace(arch)        # one space: the implicit equations the strata use are computed once
    s = check_strata(fs.stratification(), arch)
    g = s.graph
    a = Architecture.parse(arch)
    mu = Parameterization(a)
    # every node has a single dimension; V's dimension is the certified one
    assert g.nodes["V"]["dimension"] == FunctionSpace(arch).dimension.value
    # independent route for image strata: exact Jacobian rank of mu at random points of the family
    for node, d in g.nodes(data=True):
        for name in d["names"]:
            if name.startswith("shared root"):
                pair = _pair(name)
                for seed in (11, 12):
                    assert shared_root_image_dimension(a, pair, seed)[1] == d["dimension"]
    # closure edges: a point of the smaller stratum satisfies the larger's equations
    eqs = fs.implicit_equations().polynomials
    for node, d in g.nodes(data=True):
        for name in d["names"]:
            if name.startswith("shared root"):
                c = mu.evaluate(shared_root_point(a, _pair(name), 99)[0])
                assert all(f(*[flint.fmpz(x) for x in c]) == 0 for f in eqs)
                assert g.has_edge(node, "V")
    for u, v in g.edges:
        assert g.nodes[u]["dimension"] < g.nodes[v]["dimension"]
    assert "origin" in g and all(g.has_edge("origin", v) for v in g.nodes if v != "origin")


def test_boundary_stratum_dimension():
    s = check_strata(stratification("2,2,2"), "2,2,2")
    assert s.graph.nodes["boundary"]["dimension"] == 3
    b = boundary("2,2,2")
    # (z-1)^2 (z-2): boundary point; the family (z-a)^2 q has a Jacobian of rank 3
    assert b.is_boundary_point([-2, 5, -4, 1])
    a, q0, q1 = 1, -2, 1
    # c(a, q) = (z^2 - 2 a z + a^2)(q0 + q1 z): Jacobian columns d/da, d/dq0, d/dq1
    da = [2 * a * q0, -2 * q0 + 2 * a * q1, -2 * q1, 0]
    dq0 = [a * a, -2 * a, 1, 0]
    dq1 = [0, a * a, -2 * a, 1]
    assert flint.fmpq_mat([list(r) for r in zip(da, dq0, dq1)]).rank() == 3


def test_exports(tmp_path):
    s = check_strata(stratification("2,2"), "2,2")
    data = json.loads(s.to_json())
    assert data["architecture"] == "2,2"
    for x in data["strata"]:
        assert {"name", "dimension", "description", "equations", "in_closure_of"} <= set(x)
    assert "digraph" in s.to_dot() and r"\begin{tabular}" in s.to_latex()
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        with pytest.raises(InputError):
            plot_stratification(s, tmp_path / "h.png")
    else:
        assert plot_stratification(s, tmp_path / "h.png")


def test_result_protocol_and_status():
    s = check_strata(stratification("2,2"), "2,2")
    assert s.status == "probabilistic" and s.status.failure_bound is None
    data = json.loads(s.to_json())
    assert data["status"] == "probabilistic" and "graph" not in data and data["strata"]
    assert "probabilistic" in s.provenance() and s._repr_latex_().startswith("$")
    # a part that was not computed makes the whole undecided, saying which
    from lcnalg import Limits

    t = check_strata(stratification("3,2,2 s=2,2", limits=Limits(max_minors=10, max_section_terms=1,
                                                                   max_bordered=1)), "3,2,2 s=2,2")
    assert t.status.kind.name in ("UNDECIDED", "BOUNDS", "PROBABILISTIC")
    t.provenance(), t.to_text(), t.to_json(), t.to_latex()


@pytest.mark.parametrize("arch, certified", [("3,3 s=1 r=2", False), ("3,2,2 s=2,2", True)])
def test_the_singular_locus_stratum_says_when_it_is_only_bounded(arch, certified):
    """A singular locus known only within proved bounds is a bounded stratum like the others:
    ``dimension_bounds`` holds them (the JSON, the text), ``dimension`` the upper one; a
    certified one has none.  The bounds are the singular locus's own."""
    from lcnalg.singularities.singular_locus import singular_locus

    s = stratification(arch)
    sl = singular_locus(arch)
    assert sl.certified == certified
    node = next(x for x in json.loads(s.to_json())["strata"] if x["name"] == "singular locus")
    assert node["dimension"] == sl.dimension
    if certified:
        assert node["dimension_bounds"] is None
    else:
        assert node["dimension_bounds"] == [sl.lower_bound, sl.upper_bound] and sl.lower_bound < sl.upper_bound
        assert f"dim between {sl.lower_bound} and {sl.upper_bound} (bounds)" in s.to_text()


def test_given_inputs_are_used():
    from lcnalg.algebra.implicitization import implicit_equations

    mu = Parameterization("3,2 s=2")
    eqs = implicit_equations(mu)
    s = check_strata(stratification("3,2 s=2", dimension=4, equations=eqs), "3,2 s=2")
    assert s.graph.nodes["V"]["dimension"] == 4 and s.graph.nodes["V"]["equations"] == eqs.equations


@pytest.mark.parametrize("arch", ["3,2 s=2", "2,2 r=2"])
def test_a_given_parameterization_is_used_and_checked(arch, monkeypatch):
    """A parameterization handed down is the one the strata and the singular locus use (none
    is built), with the same strata; one of another architecture is refused."""
    mu = parameterize(arch)
    before = stratification(arch)

    def refuse(*_args, **_kwargs):
        raise AssertionError("a parameterization was built")
    # (the package lcnalg.singularities exports functions named like its modules)
    for module in ("lcnalg.singularities.strata", "lcnalg.singularities.singular_locus", "lcnalg.real.description"):
        monkeypatch.setattr(sys.modules[module], "parameterize", refuse)
    after = stratification(arch, parameterization=mu)
    assert before.strata() == after.strata()
    with pytest.raises(InputError, match="parameterization: made for the architecture '3,3 s=2'"):
        stratification(arch, parameterization=parameterize("3,3 s=2"))
    with pytest.raises(InputError, match="parameterization: expected None or the parameterization"):
        stratification(arch, parameterization="x")


def test_equal_sets_are_one_node():
    # stride one, all layers linear: the boundary and the three shared-root images are the
    # cubics with a real double root (and so a real simple root): one set, four descriptions
    s = check_strata(stratification("2,2,2"), "2,2,2")
    node = s.graph.nodes["boundary"]
    assert set(node["names"]) == {"boundary", "shared root 1,2", "shared root 1,3", "shared root 2,3"}
    assert len(node["descriptions"]) == 4 and len(node["defined_by"]) == 4
    assert node["equations"] == ("c1^2*c2^2 - 4*c0*c2^3 - 4*c1^3*c3 + 18*c0*c1*c2*c3 - 27*c0^2*c3^2",)  # Disc
    assert sorted(s.graph.nodes) == ["V", "boundary", "origin"]
    assert sorted(s.graph.edges) == [("boundary", "V"), ("origin", "V"), ("origin", "boundary")]
    assert "boundary = shared root 1,2 = shared root 1,3 = shared root 2,3 (dim 3)" in s.to_text()
    (row,) = [x for x in s.strata() if x["name"] == "boundary"]
    assert row["in_closure_of"] == ["V"] and len(row["names"]) == 4


def test_same_dimension_subsets_are_not_edges():
    # 2,3,2: S(2) (layers 1,2 or 2,3: cofactor with 2 real roots) and the boundary are proper
    # subsets of S(0) (layers 1,3: any quadratic cofactor), all of dimension 4
    s = check_strata(stratification("2,3,2"), "2,3,2")
    g = s.graph
    assert g.nodes["shared root 1,2"]["names"] == ("shared root 1,2", "shared root 2,3")
    assert g.nodes["boundary"]["subset_of"] == ("shared root 1,3",)
    assert g.nodes["shared root 1,2"]["subset_of"] == ("shared root 1,3",)
    assert not g.has_edge("boundary", "shared root 1,2") and not g.has_edge("boundary", "shared root 1,3")
    assert "a proper subset (same dimension) of: shared root 1,3" in s.to_text()


def test_strided_families_with_the_same_layers_merge():
    s = check_strata(stratification("3,2,2 s=2,1"), "3,2,2 s=2,1")
    assert s.graph.nodes["shared root 1,2"]["names"] == ("shared root 1,2", "shared root 1,3")
    assert "shared root 1,3" not in s.graph


def test_kind_subset_is_a_partial_order_on_double_roots():
    for a in range(4):
        for b in range(4):
            assert kind_subset(("double root", a), ("double root", b)) == (a >= b)
    assert kind_subset(("planted", 1), ("planted", 2)) is None and kind_subset(None, ("planted", 1)) is None


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=4), min_size=2, max_size=3))
def test_stride_one_strata_are_distinct_sets(sizes):
    arch = ",".join(str(k) for k in sizes)
    check_strata(stratification(arch), arch)


@pytest.mark.parametrize("arch", ["3,2,3 s=2,1", "3,3,3 s=2,2", "2,3,2 s=1,2", "3,2 s=2"])
def test_planted_points_are_in_their_family(arch):
    a = Architecture.parse(arch)
    mu = Parameterization(a)
    for pair in [(l + 1, m + 1) for l, m, r in a.layer_pairs() if a.filters[l][0] - 1 >= r and a.filters[m][0] > 1]:
        for seed in range(4):
            assert in_family(a, pair, mu.evaluate(shared_root_point(a, pair, seed)[0])) is True
    assert in_family(a, (1, 2), [0] * mu.ambient_dimension) is True


def test_strided_families_told_apart_exactly():
    # 3,2,3 s=2,1: g ranges over quadratics in z^2 for layers 1,2, over those with real roots
    # in z^2 for layers 1,3; a point of the first with complex roots in z^2 is not in the second
    s = check_strata(stratification("3,2,3 s=2,1"), "3,2,3 s=2,1")
    assert {"shared root 1,2", "shared root 1,3"} <= set(s.graph) and not s.undecided_pairs
    f = flint.fmpz_poly([-2, 0, 1]) ** 2 * flint.fmpz_poly([1, 0, 0, 0, 1])   # (z^2 - 2)^2 (1 + z^4)
    c = [int(x) for x in f.coeffs()]
    assert in_family("3,2,3 s=2,1", (1, 2), c) is True and in_family("3,2,3 s=2,1", (1, 3), c) is False
    # 3,2,4 s=2,1: both give the real cubics in z^2: one node
    t = check_strata(stratification("3,2,4 s=2,1"), "3,2,4 s=2,1")
    assert t.graph.nodes["shared root 1,2"]["names"] == ("shared root 1,2", "shared root 1,3")


def test_pairs_without_a_witness_are_undecided(monkeypatch):
    # with no witness tried and the root-orbit types refused by max_nodes, the two families of
    # 3,2,3 s=2,1 cannot be told apart: they stay two nodes without an edge, and the whole
    # result says what is undecided and which bound stopped the types
    import lcnalg.singularities.strata as strata
    from lcnalg import Limits

    monkeypatch.setattr(strata, "WITNESS_TRIES", 0)
    s = check_strata(stratification("3,2,3 s=2,1", limits=Limits(max_nodes=100)), "3,2,3 s=2,1")
    (pair,) = s.undecided_pairs
    assert pair.startswith("whether the strata 'shared root 1,2' and 'shared root 1,3' (both of "
                           "dimension 4) are equal sets (root-orbit types not enumerated: refused")
    assert "max_nodes" in pair
    assert s.status == "undecided" and "shared root 1,3" in s.status.reason
    assert not s.graph.has_edge("shared root 1,2", "shared root 1,3")
    assert json.loads(s.to_json())["undecided_pairs"] == list(s.undecided_pairs)


def test_in_family_refuses_what_is_not_a_family():
    with pytest.raises(InputError, match="pair"):
        in_family("2,1", (1, 2), [1, 1])
    with pytest.raises(InputError, match="pair"):
        in_family("2,2", (2, 3), [1, 2, 1])
    with pytest.raises(InputError, match="filter"):
        in_family("2,2", (1, 2), [1, 2])


@pytest.mark.parametrize("arch", ["2,2,2", "3,3,3 s=2,2"])
def test_dot_is_the_hasse_diagram(arch):
    """--dot draws the covering relation only; its transitive closure is the closure relation."""
    import re

    import networkx as nx

    s = stratification(arch)
    edges = set(re.findall(r'^  "([^"]+)" -> "([^"]+)";$', s.to_dot(), re.M))
    assert edges == set(nx.transitive_reduction(s.graph).edges)
    assert set(nx.transitive_closure_dag(nx.DiGraph(list(edges))).edges) == set(s.graph.edges)


def test_strata_refuse_the_linear_equations_before_sampling(monkeypatch):
    """The stratification of a network whose linear equations alone exceed max_equations_work
    still answers (V, its origin, the singular locus undecided as the equations are incomplete)
    without drawing a single image point for them: the refusal is estimated up front."""
    arch = "2x1,2x1,1x2 s=1x1,1x1 r=3"
    mu = parameterize(arch)
    state = interpolation.InterpolationState.start(mu)
    n, lower = len(state.grading.variables), impl.linear_equations_lower_bound(state)
    assert lower > 0
    bound = grading_work(mu) + impl.MONOMIAL_WORK * n + impl.GENERATOR_WORK * lower - 1

    def no_sampling(*args, **kwargs):
        raise AssertionError("image points drawn for the equations before their work was estimated")
    monkeypatch.setattr(interpolation, "ImagePool", no_sampling)
    monkeypatch.setattr(interpolation, "integer_image", no_sampling)
    space = FunctionSpace(arch, limits=Limits(max_equations_work=bound))
    strata = space.stratification()
    text = str(strata)
    assert "complete up to degree 0" in text
    assert f"V (dim {space.dimension.value})" in text


@pytest.mark.parametrize("arch", ["2x2,2x2 s=2x1", "3,3,3 s=2,3", "2,2 r=2"])
def test_strata_latex_is_ascii_text_mode_safe(arch):
    # the descriptions carry unicode (∂, κ, ⊊), '<->', '_' and '^': escaped for LaTeX's text mode
    latex = stratification(arch).to_latex()
    body = latex.replace(r"\textless{}", "").replace(r"\textgreater{}", "")
    assert latex.isascii() and "<" not in body and ">" not in body
    assert all(ch not in body.replace(r"\_", "").replace(r"\textasciicircum{}", "") for ch in "_^")


@pytest.mark.parametrize("arch", ["2,2,2", "3,2 s=2", "2,2", "2x2,2x1", "3,2,2 s=2,2", "2,2 r=2"])
def test_json_equations_are_polynomials_and_the_rest_is_said_in_defined_by(arch, capsys):
    """Every entry of a stratum's "equations" (and of each of its "components") parses with sympy
    as a polynomial in the coordinates (each "= 0"): the origin's are the coordinates, V's vanish
    on points of the image; descriptions of how a set is defined otherwise are in "defined_by"."""
    import sympy  # deferred: only this test parses the strata's equations

    code, out, _ = run(["strata", arch, "--json"], capsys)
    assert code == 0
    strata = {s["name"]: s for s in json.loads(out)["strata"]}
    mu = parameterize(arch)
    names = sympy.symbols(mu.coordinate_names)
    for s in strata.values():
        for eq in s["equations"] + [e for c in s["components"] for e in c]:
            assert sympy.Poly(sympy.sympify(eq.replace("^", "**")), *names).total_degree() >= 1, (s["name"], eq)
        assert s["equations"] or s["components"] or s["defined_by"], s["name"]
    assert [str(e) for e in strata["origin"]["equations"]] == list(mu.coordinate_names)
    rng = random.Random(5)
    c = dict(zip(names, mu.evaluate([rng.randint(-3, 3) for _ in range(mu.num_parameters)])))
    assert all(sympy.sympify(e.replace("^", "**")).subs(c) == 0 for e in strata["V"]["equations"])
    assert strata["V"]["equations"] or strata["V"]["defined_by"] == [f"no equation: V = C^{len(names)}"]
