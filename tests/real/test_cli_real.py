"""CLI: contains, inequalities, boundary; plot."""

from __future__ import annotations

import json

import pytest

from lcnalg.cli import main


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


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


@pytest.mark.parametrize("cmd", ["inequalities", "boundary"])
@pytest.mark.parametrize("fmt", [[], ["--json"], ["--latex"]])
def test_inequalities_boundary(cmd, fmt, capsys):
    code, out, err = run([cmd, "2,2,2"] + fmt, capsys)
    assert code == 0 and out and not err
    code, out, err = run([cmd, "2x2,2x2"] + fmt, capsys)
    # not closed, two layers along both axes: no inequalities; the boundary is M (thin, closed),
    # its boundary relative to V(R) is not derived
    assert code == 0 and ("undecided" in out or "not derived" in out or "no description" in out)
    if cmd == "boundary":
        assert "∂M = M" in out or r"\partial \mathcal{M}_{\texttt{2x2,2x2}} = \mathcal{M}" in out
    code, out, err = run([cmd, "3,2 s=2"] + fmt, capsys)
    assert code == 0 and out and not err


@pytest.mark.parametrize("fmt", [[], ["--json"], ["--latex"]])
def test_closed_cli_and_closed_descriptions(fmt, capsys):
    code, out, err = run(["closed", "1x2,2x1,1x3"] + fmt, capsys)
    assert code == 0 and not err and ("yes" in out or "true" in out or "=" in out)
    if fmt == ["--json"]:
        data = json.loads(out)
        assert data["closed"] is True and data["certified"] is True
    code, out, err = run(["closed", "4,4,4 s=2,2", "--max-states", "3"] + fmt, capsys)
    assert code == 0 and "undecided" in out or (fmt == ["--json"] and json.loads(out)["closed"] is None)
    for cmd in ("inequalities", "boundary"):
        code, out, err = run([cmd, "3,3 s=2"] + fmt, capsys)
        assert code == 0 and ("c1*c2*c3" in out or "c_{1} c_{2} c_{3}" in out or "c1*c2*c5" in out)


@pytest.mark.parametrize("argv", [["closed", "2,2", "--max-states", "0"], ["closed", "2,,2"],
                                  ["contains", "2x2,2x2", "1,2;3,4;5,6", "--max-field-work", "-1"],
                                  ["inequalities", "2,2 s=2", "--max-degree", "x"],
                                  ["inequalities", "2,2 r=2"], ["boundary", "2x2,2x2 r=2"],
                                  ["contains", "2,2", "1,x,2"], ["contains", "2,2", "1,2"],
                                  ["contains", "2,,2", "1,2,3"], ["contains", "2x2,2x2", "1,2;3"],
                                  ["contains", "2,2", "1,2/0,3"], ["inequalities", "3,,"],
                                  ["boundary"], ["contains", "2,2"]])
def test_bad_input(argv, capsys):
    code, out, err = run(argv, capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_plot(tmp_path):
    pytest.importorskip("matplotlib")
    from lcnalg.plot import plot_cubic_slice

    path = plot_cubic_slice("2,2,2", tmp_path / "slice.png", resolution=41)
    assert path.exists() and path.stat().st_size > 1000
    with pytest.raises(ValueError):
        plot_cubic_slice("3,2 s=2", tmp_path / "x.png")
