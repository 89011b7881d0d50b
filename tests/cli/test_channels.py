"""Channel widths (``c=``) on the command line: ``info`` reports them, every other subcommand
refuses them in one line with exit status 2."""

from __future__ import annotations

import json

import pytest

from lcnalg import FunctionSpace
from lcnalg.cli import CHANNEL_COMMANDS, SUBCOMMANDS
from tests.cli.runner import run


def test_info_channels_json(capsys):
    code, out, err = run(["info", "3,1,1 c=1,2,2,3", "--json"], capsys)
    assert code == 0 and not err
    data = json.loads(out)
    # the 3x3 matrices of rank <= 2: dimension 2(3 + 3 - 2), a hypersurface
    assert (data["dimension"], data["ambient_dimension"], data["is_filling"]) == (8, 9, False)
    fs = FunctionSpace("3,1,1 c=1,2,2,3")
    assert data["num_parameters"] == fs.parameterization.num_parameters == 6 + 4 + 6
    assert list(data["parameterization"]) == list(fs.parameterization.coordinate_names)


def test_info_channels_text(capsys):
    code, out, err = run(["info", "3,2 c=1,4,1"], capsys)
    assert code == 0 and not err
    assert "c0_0_3 = w1_0_0_2*w2_0_0_1" in out and "filling" in out


ARGS = {"contains": ["1,2,3,4"], "flow": ["--data", "missing.csv"]}


#: Subcommands whose argument is not an architecture (channels do not apply).
NOT_ARCHITECTURE = {"regions", "equivariant", "verify", "group-conv"}


@pytest.mark.parametrize("command", [c.replace("_", "-") for c in SUBCOMMANDS
                                     if c.replace("_", "-") not in CHANNEL_COMMANDS | NOT_ARCHITECTURE])
def test_other_subcommands_refuse_channels(command, capsys):
    code, out, err = run([command, "3,2 c=1,4,1", *ARGS.get(command, [])], capsys)
    assert code == 2 and not out
    assert len(err.strip().splitlines()) == 1 and "c=" in err and all(c in err for c in CHANNEL_COMMANDS)


def test_channel_commands_accept_channels(capsys, tmp_path):
    needed = {"report": ["-o", str(tmp_path / "report.tex")]}
    for command in sorted(CHANNEL_COMMANDS):
        code, out, err = run([command, "3,2 c=1,4,1", *needed.get(command, [])], capsys)
        assert code == 0 and out and not err, (command, err)
