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
    # generic fibre of one orbit (exact 1D count): determined at generic w; special pairs remain
    assert data["globally_determined"] is True and data["counterexample"] is None
    assert data["special_counterexample"]["delta"]
    assert main(["metric", "2x2,2x2", "--latex"]) == 0
    assert "K = J" in capsys.readouterr().out


def test_bad_architecture_exit_2(capsys):
    assert main(["metric", "2,2 r=0"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "r" in err
    assert main(["invariants", "2,x"]) == 2


def _files(tmp_path):
    data = tmp_path / "d.csv"
    data.write_text("x0,x1,x2,y0\n1,2,0,3\n0,1,5,-1\n2,-3,1,0\n4,0,1,2\n1,1,1,1\n")
    init = tmp_path / "init.json"
    init.write_text("[[0.5, -0.3], [0.2, 0.4]]")
    return data, init


def test_flow_json_trajectory(tmp_path, capsys):
    import pytest
    pytest.importorskip("scipy")
    data, init = _files(tmp_path)
    assert main(["flow", "2,2", "--data", str(data), "--init", str(init), "--t-max", "5", "--samples", "11",
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["success"] and len(out["times"]) == 11 and out["times"][-1] == 5.0
    assert out["parameters"][0] == [0.5, -0.3, 0.2, 0.4]
    assert max(out["drift"]) < 1e-9 and out["losses"][-1] < out["losses"][0]
    assert main(["flow", "2,2 r=2", "--data", str(data), "--seed", "3", "--t-max", "1"]) == 0
    assert "reached t = 1" in capsys.readouterr().out
    assert main(["flow", "2,2", "--data", str(data), "--max-flow-evaluations", "50", "--latex"]) == 0
    assert "stopped" in capsys.readouterr().out


def test_flow_bad_input(tmp_path, capsys):
    import pytest
    pytest.importorskip("scipy")
    data, init = _files(tmp_path)
    bad = tmp_path / "bad.json"
    for argv, word in [
        (["--t-max", "-1"], "--t-max"), (["--t-max", "inf"], "--t-max"), (["--t-max", "nan"], "--t-max"),
        (["--init", str(bad)], "--init"), (["--rtol", "0"], "--rtol"),
    ]:
        bad.write_text("[1, 2, 3]")
        assert main(["flow", "2,2", "--data", str(data)] + argv) == 2
        err = capsys.readouterr().err
        assert word in err and err.count("\n") == 1
    bad.write_text("[1, 2, NaN, 4]")
    assert main(["flow", "2,2", "--data", str(data), "--init", str(bad)]) == 2
    assert "init: entry 2 is nan" in capsys.readouterr().err
    assert main(["flow", "3,2", "--data", str(data)]) == 2
    assert "--data" in capsys.readouterr().err


def test_metric_formula(capsys):
    assert main(["metric", "2x1,1x2", "--formula", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["available"] and sympy.sympify(data["P"]) == sympy.sympify("w0**2 + w1**2 + w2**2 + w3**2")
    assert main(["metric", "2,2", "--formula"]) == 0
    assert "none" in capsys.readouterr().out


def test_flow_ends_at_the_exact_minimum(capsys):
    """The flow's end point against the exact real critical points (an independent, exact route)."""
    import pytest
    from pathlib import Path
    pytest.importorskip("scipy")
    data = Path(__file__).resolve().parents[1] / "landscape" / "data_2_2_s2.csv"
    assert main(["flow", "2,2 s=2", "--data", str(data), "--nearest-critical", "--t-max", "20", "--seed", "1",
                 "--samples", "3", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    near = out["nearest_critical_point"]
    assert near["label"] == "minimum" and near["is_global_minimum"] and near["distance"] < 1e-8
    assert abs(out["losses"][-1] - near["loss"]) < 1e-8
    assert main(["flow", "2,2 r=2", "--data", str(data), "--nearest-critical"]) == 2
    assert "linear networks only" in capsys.readouterr().err
