"""One result shape: every Result subclass of lcnalg renders, on certified and on partial or
undecided instances alike.

The classes are found by importing every module of the package, so a result class added
later fails :func:`test_every_result_class_is_exercised` until an instance is added here.
"""

from __future__ import annotations

import importlib
import json
import pkgutil

import pytest

import lcnalg
from lcnalg import FunctionSpace, Limits
from lcnalg.flow.closed_form import two_layer_metric_formula
from lcnalg.flow.trajectory import FlowLoss, flow
from lcnalg.groups import equivariant_maps
from lcnalg.landscape.descent import gradient_descent
from lcnalg.real import boundary, contains, inequalities, is_zariski_closed
from lcnalg.results import Result, Status, StatusKind

#: Base classes that are never returned themselves.
ABSTRACT = {"RealDescription"}


def _all_result_classes() -> set[type]:
    for info in pkgutil.walk_packages(lcnalg.__path__, "lcnalg."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    out, todo = set(), [Result]
    while todo:
        for sub in todo.pop().__subclasses__():
            out.add(sub)
            todo.append(sub)
    return {c for c in out if c.__module__.startswith("lcnalg") and c.__name__ not in ABSTRACT}


def _instances() -> list[tuple[str, object]]:
    fs = FunctionSpace("3,3 s=2", seed=3)
    return [
        ("dimension", fs.dimension),
        ("summary", fs.summary()),
        ("degree certified", fs.degree),
        ("degree probabilistic", FunctionSpace("2,2 r=2").degree),
        ("degree undecided", FunctionSpace("2,2 r=2", limits=Limits(max_fibre_solutions=1)).degree),
        ("equations certified", fs.implicit_equations()),
        ("equations partial", FunctionSpace("2x2,2x2").implicit_equations(max_degree=2)),
        ("contains decided", contains("3,2 s=2", "4,8,17,10,15")),
        ("contains undecided", contains("2x2x2,2x2x2", "1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1")),
        ("closed decided", is_zariski_closed("3,2 s=2")),
        ("closed undecided", is_zariski_closed("1x3,1x3,1x3 s=1x2,1x2", max_states=5)),
        ("inequalities decided", inequalities("2,2")),
        ("inequalities undecided", inequalities("4,4,4 s=2,2", equations=False)),
        ("boundary decided", boundary("2,2,2")),
        ("critical locus", fs.critical_locus()),
        ("singular locus", fs.singular_locus()),
        ("stratification", FunctionSpace("2,2,2").stratification()),
        ("gradient descent", gradient_descent("2,2 s=2", [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]],
                                              [1, 2, 3, 5], runs=2, seed=0)),
        ("critical points", FunctionSpace("2,2 s=2").critical_points("generic")),
        ("critical points real", FunctionSpace("2,2", seed=1).critical_points("identity", real=True)),
        ("real critical points", FunctionSpace("2,2 s=2").real_critical_points("identity")),
        ("critical points exact", FunctionSpace("2,2").critical_points("identity", exact=True)),
        ("invariants", FunctionSpace("2,2,2 r=2").invariants()),
        ("metric decided", FunctionSpace("2,2").metric()),
        ("metric undecided", FunctionSpace("3,3 s=2").metric()),
        ("metric formula", two_layer_metric_formula(FunctionSpace("2x1,1x2").parameterization, points=2)),
        ("metric formula none", two_layer_metric_formula(FunctionSpace("2,2").parameterization, points=2)),
        ("gradient flow", flow(FunctionSpace("2,2 r=2").parameterization, FlowLoss.identity([1, 0, 2, 0, 1]),
                               [1, 0.5, 0.3, -0.2], t_max=1.0, samples=5)),
        ("equivariant maps", equivariant_maps("S4", "pairs", "points", dense=True)),
    ]


INSTANCES = _instances()


def test_every_result_class_is_exercised():
    assert {type(r) for _, r in INSTANCES} >= _all_result_classes()


def test_partial_and_undecided_kinds_are_exercised():
    kinds = {r.status.kind for _, r in INSTANCES}
    assert {StatusKind.CERTIFIED, StatusKind.COMPLETE_TO_DEGREE, StatusKind.UNDECIDED} <= kinds


@pytest.mark.parametrize("name, res", INSTANCES, ids=[n for n, _ in INSTANCES])
def test_every_result_renders(name, res):
    status = res.status
    assert isinstance(status, Status)
    assert res.certified == status.is_certified
    assert res.provenance().startswith(status.label)
    if status.kind is StatusKind.UNDECIDED:
        assert status.reason
    if status.kind is StatusKind.PROBABILISTIC and status.failure_bound is not None:
        assert 0 <= status.failure_bound < 1
    assert res.to_text().strip()
    data = json.loads(res.to_json())
    assert data["status"] == status.label and data["status_detail"]["kind"] == status.kind.name.lower()
    assert data["architecture"] == res.architecture
    latex = res.to_latex()
    assert latex.strip() and res._repr_latex_().startswith("$")
