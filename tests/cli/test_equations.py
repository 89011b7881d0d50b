"""``lcnalg equations``: scripts for other systems without computing, the seed, --all."""

from __future__ import annotations

import json

from tests.cli.runner import run


def test_scripts_need_no_computation(capsys):
    # the scripts only write the parameterization: no bound of the equations is met
    code, out, _ = run(["equations", "3x3,3x3", "--m2", "--max-piece", "1"], capsys)
    assert code == 0 and "kernel" in out
    code, out, _ = run(["equations", "3x3,3x3", "--singular", "--max-piece", "1"], capsys)
    assert code == 0 and "eliminate" in out


def test_seed_is_recorded(capsys):
    code, out, _ = run(["equations", "2,2 s=2", "--json", "--seed", "7"], capsys)
    assert code == 0 and json.loads(out)["seed"] == 7


def test_all_prints_every_equation(capsys):
    code, short, _ = run(["equations", "2x2,2x2", "--no-certify"], capsys)
    code2, full, _ = run(["equations", "2x2,2x2", "--all", "--no-certify"], capsys)
    assert code == code2 == 0 and len(full) >= len(short)
