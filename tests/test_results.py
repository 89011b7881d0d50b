"""One result shape: every Result subclass of lcnalg renders, on certified and on partial or
undecided instances alike.

The classes are found by importing every module of the package, so a result class added
later fails :func:`test_every_result_class_is_exercised` until an instance is added here.
"""

from __future__ import annotations

import html.parser
import importlib
import json
import pkgutil
import re

import pytest

import lcnalg
from lcnalg.theorems import verify
from lcnalg import FunctionSpace, Limits
from lcnalg.flow.closed_form import two_layer_metric_formula
from lcnalg.flow.trajectory import FlowLoss, flow
from lcnalg.hessian import rank_sweep
from lcnalg.groups import equivariant_maps
from lcnalg.groups.group_networks import group_convolution
from lcnalg.landscape.descent import gradient_descent
from lcnalg.real import boundary, contains, inequalities, is_zariski_closed
from lcnalg.regions import linear_regions
from lcnalg.results import Result, Status, StatusKind, Tabular

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
        ("inequalities undecided", inequalities("2x2x2,2x2x2", equations=False)),
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
        ("hessian rank certified", FunctionSpace("3,1").hessian_rank(samples=4)),
        ("hessian rank bounds", FunctionSpace("2,2,2").hessian_rank()),
        ("hessian sweep certified", rank_sweep("filters=2..3")),
        ("hessian sweep undecided", rank_sweep("filters=2..4 layers=2..3", samples=2)),
        ("linear regions", linear_regions({"input": [4], "layers": [
            {"type": "conv", "filter": [1, -1], "stride": 2}, {"type": "dense", "weights": [[1, 1]]}]}, box=(0, 1))),
        ("basis comparison", FunctionSpace("3,2 s=2", basis={"family": "haar", "size": 2}).compare_basis()),
        ("basis equations", FunctionSpace("3,3", basis={"family": "polynomial", "size": 2}).implicit_equations()),
        ("equivariant maps", equivariant_maps("S4", "pairs", "points", dense=True)),
        ("group convolution", group_convolution("C6: 2,2,2 s=2,2", equations=True, contains_filter="1,0,1,0,0,0")),
        ("verification", verify(["dimension", "degree"], ["3,2 s=2", "2x2,2x2"], description="two")),
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
    assert latex.strip()
    _check_notebook_reprs(res)


VOID = {"br", "hr", "img", "meta", "input", "col", "wbr"}


class _WellFormed(html.parser.HTMLParser):
    """Every tag closed in order (void elements excepted); collects the text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.tags = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack)
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def _parse_html(text):
    parser = _WellFormed()
    parser.feed(text)
    parser.close()
    assert not parser.stack, parser.stack
    return parser


def _balanced(text):
    depth = 0
    for ch in re.sub(r"\\[{}$]", "", text):
        depth += (ch == "{") - (ch == "}")
        assert depth >= 0, text
    return depth == 0


def _check_notebook_reprs(res):
    """``_repr_latex_``: non-empty, no comment line, math delimited (``$`` pairs balanced) or a
    display environment or plain text; ``_repr_html_`` (tables): one well-formed table whose
    rows are those of ``table()``."""
    latex = res._repr_latex_()
    assert isinstance(latex, str) and latex.strip()
    assert not any(line.lstrip().startswith("%") for line in latex.splitlines())
    assert r"\begin{tabular}" not in latex and _balanced(latex)
    top = re.sub(r"\\\$", "", latex)
    assert top.count("$") % 2 == 0, latex
    if isinstance(res, Tabular):
        text = res._repr_html_()
        assert isinstance(text, str) and text.strip()
        parser = _parse_html(text)
        header, rows = res.table()
        assert parser.tags.count("table") == 1 and parser.tags.count("th") == len(header)
        assert parser.tags.count("tr") == len(rows) + 1
        assert res.provenance() in "".join(parser.text)


def test_every_tabular_class_has_an_instance_and_a_table():
    tabular = {c for c in _all_result_classes() if issubclass(c, Tabular)}
    assert {"Stratification", "RealCriticalPointsResult", "DescentResult", "CriticalLocusResult"} <= {
        c.__name__ for c in tabular}
    assert tabular <= {type(r) for _, r in INSTANCES}
    for c in _all_result_classes():   # the rule is defined once, on Result and Tabular
        assert "_repr_html_" not in vars(c) and ("_repr_latex_" not in vars(c) or c.__name__ == "ArchitectureSummary")


def test_html_escapes_user_text():
    """Names, descriptions and equations reach the HTML escaped (a synthetic stratification)."""
    import networkx as nx

    from lcnalg.singularities.strata import Stratification

    g = nx.DiGraph()
    evil = '<script>alert("x")</script> & <b>'
    g.add_node(evil, name=evil, names=(evil, "a<b"), dimension=2, equations=("x < y & z > 0",),
               description=evil, descriptions=(evil, "c&d"), subset_of=())
    g.add_node("origin", name="origin", names=("origin",), dimension=0, equations=(), description="0",
               descriptions=("0",), subset_of=())
    g.add_edge("origin", evil)
    s = Stratification(architecture="2,2", method="m <i>", certified=False, graph=g, notes=("n <u>",))
    text = s._repr_html_()
    parser = _parse_html(text)
    assert set(parser.tags) <= {"table", "caption", "thead", "tbody", "tr", "th", "td", "br", "p"}
    assert "<script>" not in text and "&lt;script&gt;" in text and "x &lt; y &amp; z &gt; 0" in text
    joined = "".join(parser.text)
    assert evil in joined and "n <u>" in joined and "m <i>" in joined
    _check_notebook_reprs(s)


def test_latex_for_notebooks_keeps_the_math():
    """The strata table becomes a MathJax array with every stratum; a bare formula is delimited;
    a comment line is dropped (the sentence after it kept)."""
    s = FunctionSpace("2,2,2").stratification()
    latex = s._repr_latex_()
    assert latex.startswith(r"$$\begin{array}") and latex.endswith(r"\end{array}$$")
    for row in s.strata():
        assert row["names"][0] in latex
    d = FunctionSpace("3,2 s=2").dimension
    assert d._repr_latex_() == r"$\displaystyle " + d.to_latex() + "$"
    inv = FunctionSpace("2,2,2 r=2").invariants()
    assert inv._repr_latex_() == inv.to_latex().split("\n", 1)[1]
