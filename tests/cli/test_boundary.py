"""``lcnalg boundary``: the equations of the relative boundary's Zariski closure in every format."""

from __future__ import annotations

import json

import sympy

from tests.cli.runner import run


def test_relative_equations_text_json_latex(capsys):
    code, out, err = run(["boundary", "3,2 s=2"], capsys)
    assert code == 0 and "Zariski closure of the relative boundary (certified)" in out
    assert "c2^2 - 4*c0*c4 = 0" in out
    code, out, err = run(["boundary", "3,2 s=2", "--json"], capsys)
    data = json.loads(out)
    assert data["relative_equations_status"] == "certified"
    c = sympy.symbols("c0:5")
    (ideal,) = data["relative_equations"]
    parsed = [sympy.sympify(s, locals={str(x): x for x in c}) for s in ideal]
    # λ(z² − b)² by hand: c1 = c3 = 0, c2² = 4 c0 c4
    assert sympy.groebner(parsed, *c) == sympy.groebner([c[1], c[3], c[2] ** 2 - 4 * c[0] * c[4]], *c)
    code, out, err = run(["boundary", "3,2 s=2", "--latex"], capsys)
    assert code == 0 and r"\begin{align*}" in out and "c_{2}^{2} - 4 c_{0} c_{4}" in out and "Z_{1}" in out


def test_relative_equations_options(capsys):
    code, out, err = run(["boundary", "3,2 s=2", "--no-equations"], capsys)
    assert code == 0 and "not computed" in out and "c2^2" not in out
    # asked for with --max-degree: refused up front, naming the option
    code, out, err = run(["boundary", "3,2 s=2", "--max-degree", "2", "--max-strata", "1"], capsys)
    assert code == 2 and not out and len(err.strip().splitlines()) == 1
    assert "refused" in err and "--max-strata" in err and "unrecognized" not in err
    # the bound raised: derived
    code, out, err = run(["boundary", "3,2 s=2", "--max-degree", "2", "--max-strata", "2"], capsys)
    assert code == 0 and "c2^2 - 4*c0*c4 = 0" in out
