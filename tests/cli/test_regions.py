"""``lcnalg regions NETWORK_FILE``: the count and bounds in every format, the box options, and
bad or huge input as one line on stderr (exit 2), refused up front."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from lcnalg.regions import linear_regions
from tests.cli.runner import run

NETWORK = str(Path(__file__).resolve().parents[1] / "regions" / "net_2_3_2.json")


def write(tmp_path, data, name="net.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return str(path)


def test_text_json_latex_agree_with_the_api(capsys):
    expected = linear_regions(NETWORK)
    code, out, err = run(["regions", NETWORK], capsys)
    assert code == 0 and not err
    assert f"linear regions     {expected.count} " in out and "Theorem 1" in out and "certified" in out
    code, out, _ = run(["regions", NETWORK, "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["count"] == expected.count and data["upper_bound"] == expected.upper_bound
    assert data["status"] == "certified" and len(data["regions"]) == expected.count
    code, out, _ = run(["regions", NETWORK, "--latex"], capsys)
    assert code == 0 and "\\begin{tabular}" in out and f"linear regions & {expected.count}" in out


def test_box_and_box_file_agree(tmp_path, capsys):
    box = write(tmp_path, [[-1, 1], ["-1", "1"]], "box.json")
    code, out, _ = run(["regions", NETWORK, "--box=-1,1", "--json"], capsys)
    code2, out2, _ = run(["regions", NETWORK, "--box-file", box, "--json"], capsys)
    assert code == code2 == 0
    assert json.loads(out)["count"] == json.loads(out2)["count"] == linear_regions(NETWORK, box=(-1, 1)).count


@pytest.mark.parametrize("argv, named", [
    (["--box", "1,0"], "--box"), (["--box", "0,x"], "--box"), (["--box", "0,1,2"], "--box"),
    (["--box", "0,nan"], "--box"), (["--box-file", "/nonexistent/box.json"], "--box-file"),
    (["--max-region-work", "0"], "--max-region-work"),
])
def test_bad_options_one_line(argv, named, capsys):
    code, out, err = run(["regions", NETWORK] + argv, capsys)
    assert code == 2 and not out and len(err.strip().splitlines()) == 1 and named in err, err


@pytest.mark.parametrize("text, named", [
    ("{", "NETWORK_FILE"),
    ('{"input": [2], "layers": [{"type": "dense", "weights": [[1, NaN]]}]}', "layers[0].weights[0][1]"),
    ('{"input": [2], "layers": [{"type": "dense", "weights": [[1, Infinity]]}]}', "layers[0].weights[0][1]"),
    ('{"input": [2], "layers": [{"type": "dense", "weights": [[1, 2, 3]]}]}', "layers[0].weights[0]"),
    ('{"input": [2], "layers": [{"type": "conv", "filter": [1, 2, 3]}]}', "layers[0].filter"),
    ('{"input": [2, 2], "layers": [{"type": "conv", "filter": [[1], [1, 2]]}]}', "layers[0].filter"),
    ('{"input": [4], "layers": [{"type": "conv", "filter": [1, 2], "stride": [1, 1]}]}', "layers[0].stride"),
    ('{"input": [4], "layers": [{"type": "dense", "weights": [[1, 2, 3, 4]], "bias": "x"}]}', "layers[0].bias"),
    ('{"input": "x", "layers": []}', "input"),
    ("[]", "network"),
])
def test_bad_network_files_one_line_naming_the_field(tmp_path, text, named, capsys):
    code, out, err = run(["regions", write(tmp_path, text)], capsys)
    assert code == 2 and not out and len(err.strip().splitlines()) == 1 and named in err, err


@pytest.mark.parametrize("data", [
    {"input": [100000], "layers": [{"type": "conv", "filter": [1, -1]}, {"type": "dense", "weights": [[1] * 99999]}]},
    {"input": [300, 300], "layers": [{"type": "conv", "filter": [[1, 1], [1, -1]], "stride": 1},
                                     {"type": "conv", "filter": [[1, 1], [1, 1]], "stride": 2}]},
    {"input": [4], "layers": [{"type": "dense", "weights": [[1, 2, 3, 4]] * 16},
                              {"type": "dense", "weights": [list(range(16))] * 16},
                              {"type": "dense", "weights": [[1] * 16]}]},
])
def test_large_networks_are_refused_up_front(tmp_path, data, capsys):
    path = write(tmp_path, data)
    start = time.perf_counter()
    code, out, err = run(["regions", path], capsys)
    assert code == 2 and "--max-region-work" in err and len(err.strip().splitlines()) == 1, err
    assert time.perf_counter() - start < 5


def test_help_documents_the_file_format(capsys):
    code, out, _ = run(["regions", "--help"], capsys)
    assert code == 0 and '"type": "conv"' in out and "NETWORK_FILE" in out and "--box" in out


def test_every_option_with_garbage_on_a_valid_network(tmp_path, capsys):
    """Each option that takes a value, given the values no option accepts (and extreme valid
    ones), on a valid network file: an answer, or one line naming the option, at once."""
    from tests.robustness.harness import GARBAGE_NUMBERS, outcome_problem

    names = ["--box", "--box-file", "--max-region-work", "max_region_work", "--json", "--latex", "NETWORK_FILE", "box",
             "layers", "input"]
    for option in ("--box", "--box-file", "--max-region-work"):
        for value in GARBAGE_NUMBERS + ("1000000000", "9" * 30, "0,1", "-1,1", str(tmp_path)):
            argv = ["regions", NETWORK, f"{option}={value}"]
            start = time.perf_counter()
            code, out, err = run(argv, capsys)
            problem = outcome_problem(argv, code, out, err, time.perf_counter() - start, names)
            assert problem is None, (argv, problem, err)
