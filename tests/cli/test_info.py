"""``lcnalg info``: the summary of an architecture and its function space, in every format."""

from __future__ import annotations

import json

import pytest

from lcnalg import FunctionSpace
from lcnalg.results import ArchitectureSummary
from lcnalg.rings import poly_to_str
from tests.cli.runner import run


def test_info_text(capsys):
    code, out, err = run(["info", "3,2 s=2"], capsys)
    assert code == 0 and not err
    for piece in ["3,2 s=2", "dimension", "4", "ambient dimension", "5", "thin", "c2 = w1_2*w2_0 + w1_0*w2_1"]:
        assert piece in out


def test_info_json_keys(capsys):
    code, out, _ = run(["info", "2x2,2x2", "--json"], capsys)
    data = json.loads(out)
    assert code == 0
    assert data["architecture"] == "2x2,2x2"
    assert (data["dimension"], data["ambient_dimension"], data["is_filling"]) == (7, 9, False)
    assert data["num_parameters"] == 8 and data["certified"] is True and data["method"]
    assert len(data["parameterization"]) == 9
    for key in ("D", "L", "filters", "strides", "end_to_end_filter_shape", "failure_probability", "seed",
                "primes", "status"):
        assert key in data


def test_info_latex(capsys):
    code, out, _ = run(["info", "2,2 s=2", "--latex"], capsys)
    assert code == 0 and r"\begin{align*}" in out and "w_{1,0} w_{2,0}" in out


def test_info_abbreviates_unless_full(capsys):
    _, short, _ = run(["info", "2,2,2,2,2,2,2,2,2,2,2,2,2"], capsys)
    _, full, _ = run(["info", "2,2,2,2,2,2,2,2,2,2,2,2,2", "--full"], capsys)
    assert "more coordinates" in short and "terms)" in short
    assert "more coordinates" not in full and "terms)" not in full


@pytest.mark.parametrize("arch", ["2,2,2,2,2,2,2", "3x3,2x2", "4,3,2 s=2,2"])
def test_abbreviation_is_the_printer_s(arch):
    """Cutting a coordinate's text equals abbreviating the polynomial itself."""
    mu = FunctionSpace(arch).parameterization
    for c in mu.coordinates:
        for k in (1, 2, 6):
            assert ArchitectureSummary.abbreviate(str(c), k) == poly_to_str(c, k)


def test_summary_is_a_result_in_every_format():
    s = FunctionSpace("2x2,2x2").summary()
    assert s.status == "certified" and s.answer() == 7
    assert json.loads(s.to_json())["dimension"] == 7
    assert s.provenance().startswith("certified")
    assert "7" in s._repr_latex_() and r"\begin{align*}" in s.to_latex()
    assert "more coordinates" not in s.to_text(full=True)


def test_seed_reaches_the_dimension(capsys):
    code, out, _ = run(["info", "3,2 s=2", "--json", "--seed", "5"], capsys)
    assert code == 0 and json.loads(out)["seed"] == 5


@pytest.mark.parametrize("arch, degree, status", [("3,2 s=2", 3, "certified"), ("2x2,2x2", 10, "certified"),
                                                  ("2,2 r=2", 4, "probabilistic"),
                                                  ("2x2,2x1 r=2", 32, "probabilistic")])
def test_info_reports_the_degree_for_linear_and_polynomial_networks(arch, degree, status, capsys):
    """The JSON degree is the fibre route's, and agrees with the slice (r >= 2) or the
    certified equations (linear), computed here independently."""
    code, out, _ = run(["info", arch, "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["degree"] == degree and data["degree_status"] == status
    fs = FunctionSpace(arch)
    assert data["dimension"] == fs.dimension.value
    detail = data["degree_detail"]
    assert detail["fibre_size"] * degree == detail["segre_degree"]
    if fs.architecture.activation:
        from lcnalg.algebra.fibre import degree_by_slice

        assert degree_by_slice(fs.parameterization, seed=9).degree == degree
        assert detail["status_detail"]["failure_bound"] > 0
    elif fs.architecture.ndim == 1:
        assert fs.implicit_equations(certify=True).degree == degree
    code, text, _ = run(["info", arch], capsys)
    row = [line for line in text.splitlines() if line.startswith("degree ")]
    assert len(row) == 1 and row[0].split()[1] == str(degree) and status in row[0]
