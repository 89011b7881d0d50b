"""The command line of gradient descent, and of the real critical points it is matched to."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lcnalg.cli import main

DATA = Path(__file__).resolve().parents[1] / "landscape" / "data_2_2_s2.csv"


def test_descend_statistics_and_matching(capsys):
    assert main(["descend", "2,2 s=2", "--identity", "--runs", "4", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    stats = data["statistics"]
    assert stats["converged"] == 1.0
    # every run ends at an exact critical point (the minimum or the saddle of Eckart-Young)
    assert stats["matched to an exact critical point"] == 1.0
    assert stats["matched: minimum"] + stats["matched: saddle"] == 1.0
    assert len(data["runs"]) == 4 and all(len(r["drift"]) == 1 for r in data["runs"])
    assert main(["descend", "2,2 s=2", "--data", str(DATA), "--runs", "2"]) == 0
    assert "gradient descent on 2,2 s=2: 2 runs" in capsys.readouterr().out


def test_descend_without_exact_points_beyond_the_bound(capsys):
    # 3,3 s=2 is beyond the exact bound: runs are reported, not matched
    assert main(["descend", "3,3 s=2", "--runs", "2", "--max-steps", "200", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "matched to an exact critical point" not in data["statistics"]


def test_plot(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    out = tmp_path / "runs.png"
    assert main(["descend", "2,2", "--runs", "3", "--plot", str(out)]) == 0
    assert out.stat().st_size > 0


def test_real_points_on_the_command_line(capsys):
    assert main(["critical-points", "2,2", "--identity", "--real", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    kinds = sorted(p["kind"] for p in data["real_critical_points"])
    assert kinds and set(kinds) <= {"minimum", "saddle", "maximum", "degenerate"}
    assert all(p["mu_critical"] == bool(p["repeated_filters"]) for p in data["real_critical_points"])


@pytest.mark.parametrize("argv, word", [
    (["descend", "2,2", "--runs", "0"], "--runs"),
    (["descend", "2,2", "--runs", "x"], "--runs"),
    (["descend", "2,2", "--plot", "/nonexistent/dir/p.png"], "--plot"),
    (["descend", "2,2 s=2", "--data", "/nonexistent.csv"], "--data"),
])
def test_bad_input_is_one_line(argv, word, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and word in err[0]
