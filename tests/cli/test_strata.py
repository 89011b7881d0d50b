"""``lcnalg strata``: options checked before any computation."""

from __future__ import annotations

import json

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


def _check_strata_json(data):
    """One node per set (no name twice) and no closure edge between strata of equal dimension."""
    rows = {x["name"]: x for x in data["strata"]}
    names = [n for x in data["strata"] for n in x["names"]]
    assert len(names) == len(set(names))
    for x in data["strata"]:
        for y in x["in_closure_of"]:
            assert x["dimension"] < rows[y]["dimension"]
        for y in x["subset_of"]:
            assert x["dimension"] == rows[y]["dimension"]


@pytest.mark.parametrize("arch", ["2,2,2", "2,3,2", "3,2,2 s=2,2", "2,2 s=2", "3,3 s=2"])
def test_strata_are_distinct_sets(arch, capsys):
    code, out, err = run(["strata", arch, "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    _check_strata_json(data)
    if arch == "2,2,2":   # the boundary and the shared-root images are one set
        (merged,) = [x for x in data["strata"] if x["dimension"] == 3]
        assert merged["names"] == ["boundary", "shared root 1,2", "shared root 1,3", "shared root 2,3"]
        assert merged["in_closure_of"] == ["V"] and len(data["strata"]) == 3


def test_plot_draws_merged_nodes(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    path = tmp_path / "strata.png"
    code, out, err = run(["strata", "2,2,2", "--plot", str(path)], capsys)
    assert code == 0 and "boundary = shared root 1,2" in out and path.stat().st_size > 1000


def test_too_many_candidate_strata_refused_before_the_equations(capsys):
    """1000 layers plant about 500 000 shared-root families: refused at once, with the count
    (of the layers looked at) and the option, before the dimension and the equations."""
    import time

    start = time.perf_counter()
    code, out, err = run(["strata", "2," * 999 + "2"], capsys)
    assert code == 2 and not out and len(err.strip().splitlines()) == 1
    assert "--max-strata" in err and "candidate strata" in err and len(err) < 400
    assert time.perf_counter() - start < 5


def test_strata_with_many_linear_equations_answers_without_sampling_them(monkeypatch, capsys):
    """4,4,2 s=3,1 r=3 (371230 coordinates): the implicit equations it rests on are refused at
    degree 1 from the up-front count of their linear equations, before any image point of the
    interpolation is drawn, and the stratification answers with that status (it sampled for
    minutes first)."""
    from lcnalg.algebra import interpolation

    def no_sampling(*args, **kwargs):
        raise AssertionError("image points drawn before the work was estimated")
    monkeypatch.setattr(interpolation, "ImagePool", no_sampling)
    code, out, err = run(["strata", "4,4,2 s=3,1 r=3"], capsys)
    assert code == 0, err
    assert "no equation of V is known" in out and "stopped before degree 1 (at a resource bound" in out
    assert "V (dim 8)" in out
