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


def test_a_refused_degree_is_read_within_the_elimination_the_certificate_tries(capsys):
    """``lcnalg equations`` asks for the whole ideal: a degree refused by the work bound is read
    from an elimination of up to ``--max-certify-entries`` entries (``Limits()`` allows
    ``max_read_entries`` = 10^7), and ``--max-read-entries`` still overrides it.  ``2,4,3,2
    s=2,1,2``: degree 6 is refused at 1.5·10^9 operations and read from the elimination."""
    args = ["equations", "2,4,3,2 s=2,1,2", "--json", "--jobs", "1", "--max-equations-work", "1500000000"]
    code, out, _ = run(args + ["--max-certify-entries", "1000"], capsys)
    small = json.loads(out)
    assert code == 0 and not small["certified"] and small["complete_up_to_degree"] == 5
    assert "within max_read_entries = 1000," in small["stopped_by"]
    code, out, _ = run(args, capsys)
    whole = json.loads(out)
    assert code == 0 and whole["certified"] and "degree 6 was read" in whole["stopped_by"]
    code, out, _ = run(args + ["--max-read-entries", "1000"], capsys)
    assert code == 0 and "within max_read_entries = 1000," in json.loads(out)["stopped_by"]
