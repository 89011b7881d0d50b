"""The command line of the critical locus and the stratification."""

from __future__ import annotations

import json

from lcnalg.cli import main


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
