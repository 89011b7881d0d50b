"""The command line of the critical points of a loss."""

from __future__ import annotations

import json
from pathlib import Path

from lcnalg.cli import main

DATA = Path(__file__).resolve().parents[1] / "landscape" / "data_2_2_s2.csv"


def test_generic_identity_and_data(capsys):
    assert main(["critical-points", "2,2 s=2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["complex_critical_points"] == data["ed_degree_segre"] == 6
    assert {"architecture", "data", "certified", "method", "seconds"} <= set(data)
    assert main(["critical-points", "2,2 s=2", "--identity"]) == 0
    assert "2 with multiplicity" in capsys.readouterr().out
    assert main(["critical-points", "2,2 s=2", "--data", str(DATA), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["complex_critical_points"] == 6 and data["loss_kind"] == "data"
    assert main(["critical-points", "2,3", "--latex"]) == 0
    assert "$3$ complex critical points" in capsys.readouterr().out


def test_bad_input_is_one_line(capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("x0,x1,y0\n1,2,3\n")
    for argv, word in [(["2,2 s=2", "--data", str(bad)], "inputs"),
                       (["2,2 s=2", "--data", str(tmp_path / "none.json")], "data"),
                       (["3,3,3 s=2,2"], "--max-critical-solutions"),
                       (["2,2 s=2", "--generic", "--identity"], "not allowed"),
                       (["3,,2"], "layer")]:
        assert main(["critical-points"] + argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and word in err, err


def test_polynomial_network(capsys):
    assert main(["critical-points", "2,2 r=2", "--generic", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["complex_critical_points"] == data["ed_degree_segre_veronese"] == 14
    assert data["ed_degree_segre"] == 6
    assert {"architecture", "data", "real_critical_points", "certified", "method", "seconds"} <= set(data)
    assert main(["critical-points", "2,2,2 r=2"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--max-critical-solutions" in err
