"""The command line of the critical locus and the stratification."""

from __future__ import annotations

import json

from lcnalg.cli import main
from tests.cli.runner import run


def test_cli(capsys):
    assert main(["strata", "2,2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["architecture"] == "2,2" and data["strata"]
    assert main(["strata", "2,2", "--dot"]) == 0
    assert "digraph" in capsys.readouterr().out
    assert main(["critical-locus", "3,2 s=2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["dimension"] == 3
    assert main(["critical-locus", "3,,2"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert main(["strata", "2,2", "--bogus"]) == 2


def test_residual_dimension_bounded_names_the_bound(capsys):
    """Beyond limits.max_locus_entries the residual minors' dimension is bounded by N - 2
    (they have no common factor), not computed: a partial answer naming the option (the
    critical families, which would prove the dimension, refused as well)."""
    code, out, err = run(["critical-locus", "3,2 s=2", "--max-locus-entries", "1", "--max-family-work", "1"], capsys)
    assert code == 0 and "--max-locus-entries" in out and "dimension at most 3" in out and "bounds 0..3" in out
    code, out, err = run(["critical-locus", "3,2 s=2", "--max-locus-entries", "1"], capsys)
    assert code == 0 and "dimension at most 3" in out and "[certified" in out
