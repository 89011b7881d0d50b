"""``lcnalg contains``: membership of an exact filter, with a witness or the reason."""

from __future__ import annotations

import json

import pytest

from tests.cli.runner import run


def test_contains_json(capsys):
    code, out, _ = run(["contains", "3,2 s=2", "1,0,0,0,1", "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["contained"] is False and data["witness"] is None and data["certified"]
    for key in ("architecture", "filter", "contained", "witness", "reason", "certified"):
        assert key in data
    code, out, _ = run(["contains", "2,2", "-2,0,1", "--json"], capsys)
    assert json.loads(out)["contained"] is True and len(json.loads(out)["witness"]) == 2


def test_contains_text_latex_2d(capsys):
    code, out, _ = run(["contains", "2x1,1x2", "1,2;2,4"], capsys)
    assert code == 0 and "contained" in out and "layer 2" in out
    code, out, _ = run(["contains", "2,2", "1,0,1", "--latex"], capsys)
    assert code == 0 and r"\notin" in out


def test_a_filter_starting_with_a_minus_sign(capsys):
    """A negative first entry is a value, written plainly, after "--", or among options."""
    for argv in (["contains", "2,2", "-2,0,1"], ["contains", "2,2", "--", "-2,0,1"],
                 ["contains", "--json", "2,2", "-2,0,1"], ["contains", "2,2", "-2,0,1", "--json"],
                 ["contains", "2,2", "-1/2,0,1", "--max-nodes", "50"]):
        code, out, err = run(argv, capsys)
        assert code == 0 and not err and "contained" in out, argv
