"""``lcnalg critical-locus`` and ``lcnalg strata`` for polynomial networks (r >= 2)."""

from __future__ import annotations

import json

import pytest

from lcnalg import FunctionSpace
from tests.cli.runner import run


@pytest.mark.parametrize("arch", ["2,2 r=2", "2,2 s=2 r=3", "2x1,1x2 r=2"])
def test_critical_locus_cli_agrees_with_the_api(arch, capsys):
    code, out, err = run(["critical-locus", arch, "--json"], capsys)
    assert code == 0 and not err
    data = json.loads(out)
    api = FunctionSpace(arch).critical_locus()
    assert data["dimension"] == api.dimension and data["matches_zero_layers"] is True
    code, out, _ = run(["critical-locus", arch], capsys)
    assert "exactly the union of the critical zero layers" in out


def test_critical_locus_cli_answers_above_the_bound(capsys):
    """2,2,2 r=2's 89,775 maximal minors are beyond --max-minors: its critical zero layers (dimension
    4) and two minors without a common hypersurface (upper bound N - 2 = 4) certify it, as all
    the minors do (Singular's dim(std(minor(jacob(F), 4))) is 4); the text names the bound."""
    code, out, err = run(["critical-locus", "2,2,2 r=2", "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and not err and data["dimension"] == 4 and data["status"] == "certified"
    assert "--max-minors" in data["limitations"] and data["minors_formed"] is False


def test_strata_cli_accepts_r(capsys):
    code, out, err = run(["strata", "2,2 r=2", "--json"], capsys)
    assert code == 0 and not err
    data = json.loads(out)
    assert [x["name"] for x in data["strata"]] == ["V", "singular locus", "origin"]
    assert data["boundary_decided"] is True


def test_function_space_methods():
    fs = FunctionSpace("2,2 r=2")
    assert fs.critical_locus().matches_zero_layers is True
    assert fs.singular_locus().dimension == 1
    assert [x["name"] for x in fs.stratification().strata()] == ["V", "singular locus", "origin"]
