"""``lcnalg hessian-rank``: JSON keys, ranks within the bounds, data files, bad input."""

import json
from pathlib import Path

import pytest

from tests.cli.runner import run

_LOSS_DATA = str(Path(__file__).resolve().parents[1] / "landscape" / "data_2_2_s2.csv")


@pytest.mark.parametrize("arch", ["2,2", "3,2 s=2", "2x2,2x1"])
def test_json_keys_and_bounds(arch, capsys):
    code, out, err = run(["hessian-rank", arch, "--json", "--seed", "3"], capsys)
    assert code == 0, err
    data = json.loads(out)
    for key in ("architecture", "num_parameters", "rank_loss", "rank_outer", "rank_functional", "bounds",
                "certified", "method"):
        assert key in data
    for part in ("loss", "outer", "functional"):
        assert data[f"rank_{part}"] <= data["bounds"]["toeplitz"][part] <= data["num_parameters"]


def test_data_file(capsys):
    code, out, err = run(["hessian-rank", "2,2 s=2", "--data", _LOSS_DATA, "--json"], capsys)
    assert code == 0, err
    assert json.loads(out)["num_parameters"] == 4


def test_bad_input_is_one_line(capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("1,2,3\n")
    for argv in (["hessian-rank", "2,2", "--samples", "0"], ["hessian-rank", "2,2 s=2", "--data", str(bad)],
                 ["hessian-rank", "2,2 c=1,2"], ["hessian-rank", "2,2", "--method", "svd"]):
        code, out, err = run(argv, capsys)
        assert code == 2 and not out and len(err.strip().splitlines()) == 1, (argv, err)


def test_channels_and_the_sketch(capsys):
    code, out, err = run(["hessian-rank", "3,3 c=1,4,2", "--method", "sketch", "--json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["num_parameters"] == 3 * 4 + 4 * 2 * 3 and data["failure_probability"] > 0
    code, out2, err = run(["hessian-rank", "3,3 c=1,4,2", "--method", "exact", "--json"], capsys)
    exact = json.loads(out2)
    assert all(data[f"rank_{p}"] == exact[f"rank_{p}"] for p in ("loss", "outer", "functional"))
    assert exact["failure_probability"] is None
