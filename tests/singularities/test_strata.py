"""Stratification: strata dimensions by independent exact ranks, closure edges at sample points."""

from __future__ import annotations

import json

import flint
import pytest

from lcnalg import Architecture, FunctionSpace, Parameterization
from lcnalg.errors import InputError
from lcnalg.plot import plot_stratification
from lcnalg.singularities.critical import shared_root_image_dimension, shared_root_point
from lcnalg.singularities.strata import stratification


@pytest.mark.parametrize("arch", ["2,2", "2,2,2", "3,2 s=2", "3,3 s=2", "3,2,2 s=2,2", "2x2,2x2"])
def test_stratification_checks(arch):
    s = FunctionSpace(arch).stratification()
    g = s.graph
    a = Architecture.parse(arch)
    mu = Parameterization(a)
    # every node has a single dimension; V's dimension is the certified one
    assert g.nodes["V"]["dimension"] == FunctionSpace(arch).dimension.value
    # independent route for image strata: exact Jacobian rank of mu at random points of the family
    for node, d in g.nodes(data=True):
        if node.startswith("shared root"):
            pair = tuple(int(x) for x in node.split()[-1].split(","))
            for seed in (11, 12):
                assert shared_root_image_dimension(a, pair, seed)[1] == d["dimension"]
    # closure edges: a point of the smaller stratum satisfies the larger's equations
    eqs = FunctionSpace(arch).implicit_equations().polynomials
    for node in g.nodes:
        if node.startswith("shared root"):
            pair = tuple(int(x) for x in node.split()[-1].split(","))
            c = mu.evaluate(shared_root_point(a, pair, 99)[0])
            assert all(f(*[flint.fmpz(x) for x in c]) == 0 for f in eqs)
            assert g.has_edge(node, "V")
    for u, v in g.edges:
        assert g.nodes[u]["dimension"] <= g.nodes[v]["dimension"]
    assert "origin" in g and all(g.has_edge("origin", v) for v in g.nodes if v != "origin")


def test_boundary_stratum_dimension():
    s = stratification("2,2,2")
    assert s.graph.nodes["boundary"]["dimension"] == 3
    from lcnalg.real.boundary import boundary

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
    s = stratification("2,2")
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
    s = stratification("2,2")
    assert s.status == "probabilistic" and s.status.failure_bound is None
    data = json.loads(s.to_json())
    assert data["status"] == "probabilistic" and "graph" not in data and data["strata"]
    assert "probabilistic" in s.provenance() and s._repr_latex_().startswith("$")
    # a part that was not computed makes the whole undecided, saying which
    from lcnalg import Limits

    t = stratification("3,2,2 s=2,2", limits=Limits(max_minors=10, max_section_terms=1, max_bordered=1))
    assert t.status.kind.name in ("UNDECIDED", "BOUNDS", "PROBABILISTIC")
    t.provenance(), t.to_text(), t.to_json(), t.to_latex()


def test_given_inputs_are_used():
    from lcnalg.algebra.implicitization import implicit_equations

    mu = Parameterization("3,2 s=2")
    eqs = implicit_equations(mu)
    s = stratification("3,2 s=2", dimension=4, equations=eqs)
    assert s.graph.nodes["V"]["dimension"] == 4 and s.graph.nodes["V"]["equations"] == eqs.equations
