"""Datasets: read from lists, numpy arrays, JSON and CSV; bad input names its field."""

from __future__ import annotations

import json
from fractions import Fraction

import numpy as np
import pytest

from lcnalg import InputError
from lcnalg.landscape import Dataset


def test_lists_numpy_json_csv_agree(tmp_path):
    X = [[1, 2, 3, 4], [0, -1, 5, 2]]
    Y = [[3], [1]]
    a = Dataset.from_arrays(X, Y)
    b = Dataset.from_arrays(np.array(X), np.array(Y))
    (tmp_path / "d.json").write_text(json.dumps({"inputs": X, "targets": Y}))
    (tmp_path / "d.csv").write_text("x0,x1,x2,x3,y0\n1,2,3,4,3\n0,-1,5,2,1\n")
    assert a == b == Dataset.from_file(tmp_path / "d.json") == Dataset.from_file(tmp_path / "d.csv")
    assert a.output_shape("2,2 s=2") == (1,)


def test_images_and_fractions():
    d = Dataset.from_arrays([[[1, "1/2", 0], [2, 3, 4], [0, 0, 1]]], [[[5, 6], [7, 8]]])
    assert d.input_shape == (3, 3) and d.inputs[0][1] == Fraction(1, 2)
    assert d.output_shape("2x2") == (2, 2)


@pytest.mark.parametrize("X, Y, arch, message", [
    ([], [], None, "^inputs: no samples"),
    ([[1, 2]], [1, 2], None, "^targets: 2 targets for 1"),
    ([[1, "a"]], [1], None, r"^inputs \(sample 1\)"),
    ([[1, float("inf")]], [1], None, r"^inputs \(sample 1\): inf"),
    ([[1, 2], [1]], [1, 1], None, r"^inputs \(sample 2\)"),
    ([[1, [2]]], [1], None, r"^inputs \(sample 1\): ragged"),
    ([[1, 2, 3]], [1], "2,2 s=2", "^inputs: length 3 along axis 1"),
    ([[1, 2, 3, 4]], [[1, 2]], "2,2 s=2", "^targets: shape"),
    ([[[1, 2], [3, 4]]], [1], "2,2", "^inputs: samples have 2 axes"),
    ([[1, 2]], [["9" * 5000]], None, r"^targets \(sample 1\): the number"),
])
def test_bad_data_names_the_field(X, Y, arch, message):
    with pytest.raises(InputError, match=message):
        d = Dataset.from_arrays(X, Y)
        d.output_shape(arch)


@pytest.mark.parametrize("name, text, message", [
    ("a.json", '{"inputs": [[1.5]], "targets": [1]}', "^data: 1.5 is not exact"),
    ("b.json", '{"inputs": [[1]]', "^data: malformed JSON"),
    ("c.json", '[1, 2]', "^data: expected a JSON object"),
    ("d.csv", "x0,z1\n1,2\n", "^data: CSV column 'z1'"),
    ("e.csv", "x0,y0\n", "^data: a CSV file needs"),
    ("f.csv", "x0,x2,y0\n1,2,3\n", "^inputs: CSV columns"),
    ("g.csv", "x0,y0\n1,2,3\n", "^data: CSV row 2"),
])
def test_bad_files_name_the_field(tmp_path, name, text, message):
    (tmp_path / name).write_text(text)
    with pytest.raises(InputError, match=message):
        Dataset.from_file(tmp_path / name)


def test_missing_file():
    with pytest.raises(InputError, match="^data: cannot read"):
        Dataset.from_file("/nonexistent/data.csv")
