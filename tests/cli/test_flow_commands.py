"""The command line of the gradient-flow tools: invariants and metric."""

from __future__ import annotations

import json

import sympy

from lcnalg.cli import main


def test_invariants_json_parses_and_counts(capsys):
    assert main(["invariants", "3,2,2 r=2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["architecture"] == "3,2,2 r=2" and data["num_independent"] == 2
    exprs = [sympy.sympify(q) for q in data["invariants"]]
    w = sympy.symbols("w1_0 w1_1 w1_2 w2_0 w2_1 w3_0 w3_1")
    assert sympy.expand(exprs[0] - (2 * (w[3] ** 2 + w[4] ** 2) - (w[0] ** 2 + w[1] ** 2 + w[2] ** 2))) == 0
    assert data["status"] == "certified"


def test_invariants_text_and_latex(capsys):
    assert main(["invariants", "2x2,2x2"]) == 0
    assert "delta_1" in capsys.readouterr().out
    assert main(["invariants", "2,2", "--latex"]) == 0
    assert "\\delta_{1}" in capsys.readouterr().out


def test_metric_json_keys(capsys):
    assert main(["metric", "2,2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("architecture", "locally_determined", "globally_determined", "counterexample",
                "special_counterexample"):
        assert key in data
    assert data["locally_determined"] is True and data["globally_determined"] is False
    pair = data["counterexample"]
    assert pair["filter"] and pair["metric"] != pair["other_metric"]
    assert main(["metric", "3,3 s=2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["globally_determined"] is None and data["counterexample"] is None
    assert data["special_counterexample"]["delta"]
    assert main(["metric", "2x2,2x2", "--latex"]) == 0
    assert "K = J" in capsys.readouterr().out


def test_bad_architecture_exit_2(capsys):
    assert main(["metric", "2,2 r=0"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "r" in err
    assert main(["invariants", "2,x"]) == 2
