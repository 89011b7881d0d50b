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


def test_critical_locus_cli_refuses_above_the_bound(capsys):
    code, out, err = run(["critical-locus", "2,2,2 r=2"], capsys)
    assert code == 2 and not out and err.count("\n") == 1 and "--max-minors" in err


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
