"""The Hessian rank sweep: the family description, the exponent fit, the table, the bounds, the CLI."""

from __future__ import annotations

import json
import math
import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lcnalg import Architecture, FunctionSpace, Limits
from lcnalg.errors import InputError, LCNAlgError, ResourceLimitError
from lcnalg.hessian import (dense_hessian_entries, hessian_rank, power_law_fit, rank_sweep, stored_hessian_entries,
                            sweep_family)
from lcnalg.hessian.layers import architecture_layers
from tests.cli.runner import run


# ------------------------------------------------------------------ the fit
@pytest.mark.parametrize("b", [0.5, 1.0, 0.3, 1.7])
def test_fit_recovers_an_exact_power_law(b):
    x = list(range(2, 40, 3))
    f = power_law_fit(x, [3.5 * v ** b for v in x])
    assert abs(f.exponent - b) < 1e-12 and abs(f.intercept - math.log(3.5)) < 1e-11
    assert f.stderr < 1e-12 and f.points == len(x) and f.residual < 1e-24


def test_fit_of_square_roots_is_near_one_half_and_of_identity_is_not():
    near = power_law_fit([k * k for k in range(1, 9)], list(range(1, 9)))
    assert abs(near.exponent - 0.5) < 1e-14 and near.near_target is True
    far = power_law_fit([4, 6, 8, 12], [4, 6, 8, 12])
    assert far.exponent == 1.0 and far.stderr == 0.0 and far.near_target is False


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 10**6), st.integers(1, 10**6)), min_size=3, max_size=20))
def test_fit_agrees_with_numpy_polyfit(points):
    """Independent route: numpy's least squares in float64 (slope, intercept, and the standard
    error from its scaled covariance)."""
    x, y = [p[0] for p in points], [p[1] for p in points]
    if len(set(x)) < 2:
        with pytest.raises(InputError, match="^x: at least two distinct"):
            power_law_fit(x, y)
        return
    f = power_law_fit(x, y)
    u, v = np.log(x), np.log(y)
    (slope, intercept), cov = np.polyfit(u, v, 1, cov="unscaled")
    resid = v - (slope * u + intercept)
    rss = float(resid @ resid)
    scale = max(1.0, abs(slope), abs(intercept))
    assert abs(f.exponent - slope) <= 1e-7 * scale and abs(f.intercept - intercept) <= 1e-6 * scale
    if len(set(x)) >= 2 and rss > 1e-12:
        se = math.sqrt(rss / (len(x) - 2) * cov[0, 0])
        assert abs(f.stderr - se) <= 1e-6 * max(se, 1e-9)
        if abs(abs(slope - 0.5) - 2 * se) > 1e-6 * max(se, 1e-9):  # away from the border: the same verdict
            assert f.near_target == (abs(slope - 0.5) <= 2 * se)


def test_noisy_square_root_growth_is_judged_near_one_half():
    rng = np.random.default_rng(7)
    x = np.arange(10, 400, 13)
    y = 2.0 * np.sqrt(x) * np.exp(rng.normal(0, 0.05, len(x)))
    f = power_law_fit(list(x), list(y))
    assert abs(f.exponent - 0.5) < 0.05 and f.near_target is True
    assert "near 0.5" in f.verdict() and "not near" not in f.verdict()
    two = power_law_fit([2, 8], [1, 2])
    assert two.stderr is None and two.near_target is None and "undecided" in two.verdict()


@pytest.mark.parametrize("x, y, field", [([1, 2], [1], "y"), ([1, 1], [1, 2], "x"), ([0, 2], [1, 2], "x"),
                                        ([1, 2], [1, -2], "y"), ([1, float("nan")], [1, 2], "x"),
                                        (["1", 2], [1, 2], "x"), ([1, 2], [True, 2], "y"), (3, [1, 2], "x")])
def test_fit_bad_input_names_the_field(x, y, field):
    with pytest.raises(InputError, match=f"^{field}"):
        power_law_fit(x, y)


# ------------------------------------------------------------------ the family
def test_family_grid_and_lists():
    assert [str(a) for a in sweep_family("filters=2..4,6 layers=2")] == ["2,2", "3,3", "4,4", "6,6"]
    assert [str(a) for a in sweep_family("filters=3 layers=2..3 strides=1..2")] == [
        "3,3", "3,3 s=2", "3,3,3", "3,3,3 s=2,2"]
    assert [str(a) for a in sweep_family("filters=2 dim=1..2 layers=1 strides=1,2")] == ["2", "2x2"]  # deduplicated
    assert [str(a) for a in sweep_family(" 3,2 s=2 ; filters=2; 2,2 ")] == ["3,2 s=2", "2,2"]
    assert [str(a) for a in sweep_family(["2x2,2x2", FunctionSpace("3,2").architecture])] == ["2x2,2x2", "3,2"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 5), min_size=1, max_size=3), st.lists(st.integers(1, 3), min_size=1, max_size=2),
       st.lists(st.integers(1, 3), min_size=1, max_size=2), st.sampled_from([1, 2]))
def test_grid_is_the_product_of_its_values(filters, layers, strides, dim):
    """Independent route: the Architecture constructor on the product of the values."""
    spec = (f"filters={','.join(map(str, filters))} layers={','.join(map(str, layers))} "
            f"strides={','.join(map(str, strides))} dim={dim}")
    expected = []
    for L in layers:
        for s in strides:
            for k in filters:
                arch = Architecture(filters=((k,) * dim,) * L, strides=((s,) * dim,) * (L - 1) + ((1,) * dim,))
                if arch not in expected:
                    expected.append(arch)
    assert list(sweep_family(spec)) == expected


@pytest.mark.parametrize("spec, words", [
    ("", "empty part"), ("filters=", "no values"), ("filters=2..", "ranges"), ("filters=5..2", "empty"),
    ("layers=2..3", "needs filters"), ("filters=2 widths=3", "keys are"), ("filters=2 filters=3", "twice"),
    ("filters=0", "1..10000"), ("filters=x", "positive integer"), ("3,,x", "architecture"), ("2,2;;3,3", "empty"),
    ("filters=2 dim=9", "1..8"), ("filters=" + "9" * 5000, "digits"), ("filters=2..3..4", "ranges"),
])
def test_bad_spec_is_one_line_naming_family(spec, words):
    with pytest.raises(LCNAlgError) as info:
        sweep_family(spec)
    message = str(info.value)
    assert message.startswith("family") and "\n" not in message and len(message) < 1000
    assert words in message, message


@pytest.mark.parametrize("family", [None, 3, [3], [["2,2"]], {"2,2"}, b"2,2", []])
def test_bad_family_objects(family):
    with pytest.raises(InputError, match="^family"):
        sweep_family(family)


def test_unsupported_members_are_refused_before_any_rank(monkeypatch):
    import lcnalg.hessian.sweep as sweep

    monkeypatch.setattr(sweep, "hessian_rank", lambda *a, **k: pytest.fail("a rank was computed"))
    with pytest.raises(InputError, match="^activation"):
        rank_sweep(["2,2", "2,2 c=1,2,1", "2,2 r=2"])
    with pytest.raises(InputError, match="^activation"):
        rank_sweep("filters=2..3; 2,2 r=2")


def test_refused_beyond_the_member_bound_before_building():
    start = time.perf_counter()
    with pytest.raises(ResourceLimitError, match="max_sweep_members") as info:
        sweep_family("filters=1..10000 layers=1..1000 strides=1..10000 dim=1..8")
    assert info.value.estimate == 10000 * 1000 * 10000 * 8 and time.perf_counter() - start < 1
    with pytest.raises(ResourceLimitError, match="max_sweep_members"):
        sweep_family(["2,2", "3,3", "4,4"], limits=Limits(max_sweep_members=2))
    assert len(sweep_family("filters=2..3", limits=Limits(max_sweep_members=2))) == 2


def test_dense_hessian_entries_match_the_layers():
    for arch in ("2,2", "3,2 s=2", "2x2,3x1 s=2x1", "2,2,2 s=3,2"):
        n = sum(m.rows * m.cols for m in architecture_layers(arch))
        assert dense_hessian_entries(arch) == n * n


def test_refused_beyond_the_hessian_bound_together():
    # the dense Hessians in all entries: 2,2 has 64, 3,3 has (3*5 + 1*3)^2 = 324
    assert dense_hessian_entries("3,3") == 324
    # what the ranks store (exact route: n^2): 2,2 has 16, 3,3 has 36; each fits 50, together they do not
    assert (stored_hessian_entries("2,2"), stored_hessian_entries("3,3")) == (16, 36)
    limits = Limits(max_hessian_entries=50)
    assert hessian_rank("3,3", limits=limits, samples=1).num_parameters == 6
    with pytest.raises(ResourceLimitError, match="max_hessian_entries") as info:
        rank_sweep(["2,2", "3,3"], limits=limits, samples=1)
    assert info.value.estimate == 16 + 36
    with pytest.raises(ResourceLimitError, match="random data"):
        rank_sweep(["2,2"], samples=10**9)
    start = time.perf_counter()
    with pytest.raises(ResourceLimitError, match="max_hessian_entries"):
        rank_sweep("filters=1000..1063")
    assert time.perf_counter() - start < 2


# ------------------------------------------------------------------ the sweep
def test_members_are_the_single_ranks_and_the_table_shows_them():
    r = rank_sweep("filters=2..3 layers=2..3; 2x2,2x2", seed=4)
    assert [m.architecture for m in r.members] == ["2,2", "3,3", "2,2,2", "3,3,3", "2x2,2x2"]
    text = r.to_text()
    for m in r.members:
        alone = hessian_rank(m.architecture, seed=4)
        assert (alone.rank_loss, alone.rank_outer, alone.rank_functional) == (m.rank_loss, m.rank_outer,
                                                                              m.rank_functional)
        # H_o = 2 DF^T (Sigma x I) DF: at most the function space's dimension, which certifies it here
        dim = FunctionSpace(m.architecture).dimension.value
        assert m.rank_outer <= dim and m.rank_loss <= m.num_parameters
        row = [line.split() for line in text.splitlines() if line.split()[:1] == [m.architecture]]
        assert row == [[m.architecture, str(m.num_parameters), str(m.rank_loss), str(m.rank_outer),
                        str(m.rank_functional), "yes" if m.certified else "no"]]
    assert "rank H_L" in text.splitlines()[1] and "fit log(rank H_L)" in text
    data = json.loads(r.to_json())
    assert [m["rank_loss"] for m in data["members"]] == [m.rank_loss for m in r.members]
    assert data["fit"]["exponent"] == r.fit.exponent and r.to_latex().startswith(r"\begin{tabular}")


def test_the_fit_is_of_the_members_ranks():
    r = rank_sweep("filters=2..5 layers=2..3", samples=2, seed=1)
    direct = power_law_fit([m.num_parameters for m in r.members], [m.rank_loss for m in r.members])
    assert r.fit == direct
    verdict = r.answer()["near_half"]
    assert verdict == (abs(r.fit.exponent - 0.5) <= 2 * r.fit.stderr)
    one = rank_sweep(["3,2 s=2"])
    assert one.fit is None and one.answer()["exponent"] is None and "no exponent" in one.to_text()


# ------------------------------------------------------------------ the command line
def test_cli_sweep_table_and_json(capsys):
    code, out, err = run(["hessian-rank", "--sweep", "filters=2..3; 2,2 s=2", "--seed", "2"], capsys)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[1].split()[:2] == ["architecture", "params"] and [l.split()[0] for l in lines[2:5]] == [
        "2,2", "3,3", "2,2"]
    code, out, err = run(["hessian-rank", "--sweep", "filters=2..4", "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and [m["num_parameters"] for m in data["members"]] == [4, 6, 8]
    assert data["fit"]["exponent"] == 1.0 and data["fit"]["near_target"] is False


@pytest.mark.parametrize("argv, option", [
    (["--sweep", "filters=2..x"], "--sweep"), (["--sweep", ""], "--sweep"), (["--sweep", "9" * 5000], "--sweep"),
    (["2,2", "--sweep", "filters=2"], "--sweep"), ([], "ARCH"), (["2,2", "--plot", "x.png"], "--plot"),
    (["--sweep", "filters=2", "--data", "x.csv"], "--data"),
    (["--sweep", "filters=1..100", "--max-sweep-members", "5"], "--max-sweep-members"),
    (["--sweep", "filters=300..320"], "--max-hessian-entries"), (["--sweep", "2,2; 2,2 r=2"], "--sweep"),
])
def test_cli_errors_are_one_line(argv, option, capsys):
    code, out, err = run(["hessian-rank", *argv], capsys)
    assert code == 2 and not out and len(err.strip().splitlines()) == 1 and option in err, err
    assert len(err) < 1000


def test_cli_plot(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    path = tmp_path / "sweep.svg"
    code, out, err = run(["hessian-rank", "--sweep", "filters=2..4 layers=2..3", "--plot", str(path)], capsys)
    assert code == 0, err
    svg = path.read_text()
    assert "fit: rank H_L" in svg and "b = 1.000" in svg and "slope 0.5" in svg


def test_plot_refuses_other_results(tmp_path):
    pytest.importorskip("matplotlib")
    from lcnalg.plot import plot_hessian_sweep

    with pytest.raises(InputError, match="^result: expected a HessianSweepResult"):
        plot_hessian_sweep(hessian_rank("2,2"), tmp_path / "x.png")
    single = rank_sweep(["2,2"])  # no fit: the ranks alone are drawn
    assert plot_hessian_sweep(single, tmp_path / "one.png").stat().st_size > 1000
