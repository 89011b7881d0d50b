"""``lcnalg inequalities`` and ``lcnalg boundary``: the semi-algebraic description and the
boundary of the real function space, in every format."""

from __future__ import annotations

import pytest

from tests.cli.runner import run


@pytest.mark.parametrize("cmd", ["inequalities", "boundary"])
@pytest.mark.parametrize("fmt", [[], ["--json"], ["--latex"]])
def test_inequalities_boundary(cmd, fmt, capsys):
    code, out, err = run([cmd, "2,2,2"] + fmt, capsys)
    assert code == 0 and out and not err
    code, out, err = run([cmd, "2x2,2x2 s=2x1"] + fmt, capsys)
    assert code == 0 and out and not err
    if cmd == "boundary":   # not closed: the boundary is M (thin, closed), relative to V(R) by the polyphase gcd
        assert "polyphase" in out and "not derived" not in out
        assert "--json" not in fmt or '"relative_dimension": 4' in out
        assert "∂M = M" in out or r"\partial \mathcal{M}_{\texttt{2x2,2x2 s=2x1}} = \mathcal{M}" in out
        code, out, err = run([cmd, "2x2,2x2,2x2 s=1x1,2x1"] + fmt, capsys)   # two layers at stride one first
        assert code == 0 and "not derived" in out
    else:                   # 2D strided: the reduction to groupings, with what is not known
        assert "groupings" in out or "mathbb{R}[x^{a_l}, y^{b_l}]" in out
        code, out, err = run([cmd, "2,3,2 s=2,2"] + fmt, capsys)   # 1D strides: the root-orbit types
        assert code == 0 and ("root-orbit" in out or "root orbits" in out or r"\kappa" in out)
    code, out, err = run([cmd, "2x2,2x2"] + fmt + (["--no-equations"] if cmd == "inequalities" else []), capsys)
    assert code == 0 and out and not err
    if cmd == "boundary":         # 2D stride one: the relative boundary from the pattern closures
        assert "closure(S_π)" in out and "not derived" not in out
        assert "--json" not in fmt or '"relative_dimension": 4' in out
    if cmd == "inequalities":     # 2D stride one: the factorization patterns, C(1,1) the one q conj(q)
        assert "C(1,1)" in out or "C_{1,1}" in out or '"C(1,1)"' in out
    code, out, err = run([cmd, "3,2 s=2"] + fmt, capsys)
    assert code == 0 and out and not err


@pytest.mark.parametrize("cmd", ["inequalities", "boundary"])
def test_seed_and_no_equations(cmd, capsys):
    code, out, err = run([cmd, "3,3 s=2", "--seed", "4", "--no-equations"], capsys)
    assert code == 0 and out and not err
