"""``lcnalg strata``: options checked before any computation."""

from __future__ import annotations

import pytest

from tests.cli.runner import run


@pytest.mark.parametrize("path", ["", "   ", "{tmp}", "{tmp}/missing/dir/h.png", "{tmp}/h.txt",
                                  "{tmp}/" + "x" * 300 + ".png"])
def test_plot_path_checked_before_computing(path, tmp_path, capsys):
    # 9x9,9x9,9x9 would take very long: a refusal at once shows that nothing was computed
    code, out, err = run(["strata", "9x9,9x9,9x9", "--plot", path.format(tmp=tmp_path)], capsys)
    assert code == 2 and not out
    assert len(err.strip().splitlines()) == 1 and "--plot" in err


def test_strata_options(capsys):
    code, out, err = run(["strata", "2,2", "--seed", "3", "--max-minors", "5000", "--json"], capsys)
    assert code == 0 and '"seed": 3' in out


def test_plot_draws_the_hasse_diagram(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    path = tmp_path / "strata.png"
    code, out, err = run(["strata", "2,2", "--plot", str(path)], capsys)
    assert code == 0 and out and path.stat().st_size > 1000
