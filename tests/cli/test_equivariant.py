"""``lcnalg equivariant``: the commutant of a finite group through the command line."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tests.cli.runner import run


def test_text_names_the_checks(capsys):
    code, out, err = run(["equivariant", "C6"], capsys)
    assert code == 0 and not err
    for piece in ("C6 (order 6", "dimension  6", "Burnside", "Kondor-Trivedi holds", "certified"):
        assert piece in out


def test_json_has_dimension_and_an_equivariant_basis(capsys):
    code, out, _ = run(["equivariant", "S5", "--on", "pairs", "--to", "pairs", "--json", "--dense"], capsys)
    data = json.loads(out)
    assert code == 0 and data["dimension"] == 15 == len(data["basis"]) == data["nullspace_dimension"]
    assert data["kondor_trivedi"] is True and data["status"] == "certified"
    basis = np.array(data["basis"])
    assert basis.shape == (15, 25, 25) and (basis.sum(axis=0) == 1).all()  # a partition of Y x X
    # each basis matrix commutes with the transposition (0 1) acting on pairs
    swap = [1, 0, 2, 3, 4]
    P = np.zeros((25, 25), dtype=int)
    for a in range(5):
        for b in range(5):
            P[swap[a] * 5 + swap[b], a * 5 + b] = 1
    assert all((P @ B == B @ P).all() for B in basis)


def test_icosahedron_faces_to_vertices(capsys):
    code, out, _ = run(["equivariant", "icosahedron", "--on", "faces", "--to", "vertices", "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and (data["on_size"], data["to_size"], data["group_order"]) == (20, 12, 60)
    assert data["dimension"] == data["burnside"] == data["double_cosets"]


def test_latex(capsys):
    code, out, _ = run(["equivariant", "D5", "--latex"], capsys)
    assert code == 0 and r"\operatorname{Hom}" in out and "= 3$" in out


def test_generators_file(tmp_path, capsys):
    path = tmp_path / "g.json"
    path.write_text("[[1, 2, 3, 0], [3, 2, 1, 0]]")  # D4 on the square
    code, out, _ = run(["equivariant", "--generators", str(path), "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["group_order"] == 8 and data["dimension"] == 3  # distances 0, 1, 2


@pytest.mark.parametrize("argv, field", [
    (["equivariant", "Z5"], "GROUP"),
    (["equivariant"], "GROUP"),
    (["equivariant", "S3", "--on", "squares"], "--on"),
    (["equivariant", "S3", "--to", "tuples:x"], "--to"),
    (["equivariant", "S3", "--on", "cosets:0,0,1"], "--on"),
    (["equivariant", "S3", "--to", "vertices"], "--to"),
    (["equivariant", "--generators", "/nonexistent.json"], "--generators"),
    (["equivariant", "S12"], "--max-group-order"),
    (["equivariant", "C1000000"], "--max-group-order"),
    (["equivariant", "C300", "--on", "pairs"], "--max-equivariant-work"),
])
def test_bad_or_huge_input_is_one_line(argv, field, capsys):
    code, out, err = run(argv, capsys)
    assert code == 2 and not out and len(err.strip().splitlines()) == 1 and field in err, err


def test_not_a_permutation_in_the_file(tmp_path, capsys):
    for content, piece in [("[[0, 0, 1]]", "--generators[0]"), ("[1, 2]", "--generators[0]"), ("{", "JSON"),
                           ("[[1, 0], [0, 1, 2]]", "--generators[1]")]:
        path = tmp_path / "g.json"
        path.write_text(content)
        code, out, err = run(["equivariant", "--generators", str(path)], capsys)
        assert code == 2 and piece in err and len(err.strip().splitlines()) == 1, err
