"""Implicit equations of polynomial networks (activation t -> t^r): independent routes agree,
and every equation respects the gradings and symmetries derived in docs/theory.md."""

from __future__ import annotations

import random

import pytest
import sympy

from lcnalg import FunctionSpace, PolynomialParameterization
from lcnalg.algebra.implicitization import certify_by_elimination


def _sympy_ideal(mu):
    """The vanishing ideal by lex elimination of the graph ideal in sympy (independent route)."""
    ws = sympy.symbols(mu.parameter_names)
    cs = sympy.symbols(mu.coordinate_names)
    graph = [c - e for c, e in zip(cs, mu.to_sympy())]
    G = sympy.groebner(graph, *ws, *cs, order="lex")
    return [g for g in G.exprs if not (g.free_symbols & set(ws))], cs


@pytest.mark.parametrize("arch", ["2,2 r=2", "2,2 s=2 r=2", "2,2 r=3", "1,3 r=2"])
def test_equations_generate_the_elimination_ideal(arch):
    fs = FunctionSpace(arch)
    eqs = fs.implicit_equations()
    assert eqs.certified
    mu = fs.parameterization
    elim, cs = _sympy_ideal(mu)
    ours = [sympy.sympify(e.replace("^", "**"), locals={str(c): c for c in cs}) for e in eqs.equations]
    G_ours = sympy.groebner(ours, *cs, order="grevlex") if ours else None
    G_elim = sympy.groebner(elim, *cs, order="grevlex") if elim else None
    if G_ours is None or G_elim is None:
        assert G_ours is None and G_elim is None
        return
    assert all(G_ours.contains(g) for g in elim)
    assert all(G_elim.contains(g) for g in ours)


@pytest.mark.parametrize("arch", ["2,2 r=2", "3,2 r=2", "2,2 s=2 r=3", "2,3 s=2 r=2", "2x2,2x1 r=2",
                                  "2,2,2 s=2,2 r=2"])
def test_equations_are_homogeneous_for_the_input_weights_and_vanish_on_the_network(arch):
    fs = FunctionSpace(arch)
    mu = fs.parameterization
    eqs = fs.implicit_equations(max_degree=3, certify=False)  # the equations, not the whole-ideal certificate
    assert eqs.num_generators > 0
    shape = mu.input_shape
    # weight of c_alpha along each axis: sum of the positions of the factors (docs/theory.md)
    axes = []
    for a in range(len(shape)):
        stride = 1
        for n in shape[a + 1:]:
            stride *= n
        axes.append([sum((i // stride) % shape[a] * e for i, e in enumerate(m)) for m in mu.monomials])
    rng = random.Random(5)
    points = [mu.evaluate([rng.randint(-7, 7) for _ in range(mu.num_parameters)]) for _ in range(3)]
    for poly in eqs.polynomials:
        monos = [tuple(int(e) for e in m) for m in poly.monoms()]
        assert len({sum(m) for m in monos}) == 1
        for weight in axes:
            assert len({sum(w * e for w, e in zip(weight, m)) for m in monos}) == 1
        for c in points:  # the forward pass, not the symbolic coordinates
            assert poly(*c) == 0


@pytest.mark.parametrize("arch", ["2,2 s=2 r=3", "2,3 s=2 r=2"])
def test_toric_certificate_of_a_polynomial_network_agrees_with_elimination(arch):
    """With an activation the toric certificate closes the whole ideal, and the elimination
    certificate, run on the same equations, proves it too."""
    fs = FunctionSpace(arch)
    eqs = fs.implicit_equations()
    assert eqs.certified and eqs.certificate.startswith("toric certificate")
    ok, text = certify_by_elimination(fs.parameterization, tuple(eqs.polynomials))
    assert ok, text
    ok, _ = certify_by_elimination(fs.parameterization, tuple(eqs.polynomials[1:]))
    assert not ok  # one generator fewer is not the whole ideal (the generators are minimal)


def test_reversed_equations_vanish():
    fs = FunctionSpace("3,2 s=2 r=2")
    mu = fs.parameterization
    n = mu.num_inputs
    perm = mu.permute_inputs(tuple(n - 1 - i for i in range(n)))
    ring = mu.coordinate_ring
    gens = ring.gens()
    for poly in fs.implicit_equations().polynomials:
        moved = poly.compose(*[gens[perm[m]] for m in range(len(gens))])
        theta = mu.random_point(11, bound=9)
        assert moved(*mu.evaluate(theta)) == 0


@pytest.mark.parametrize("arch", ["2,2 r=2", "3,2 r=2", "2,2 s=2 r=3"])
def test_degree_of_the_ideal_is_the_segre_veronese_degree(arch):
    """deg V * |F| = (sum n)!/prod n! * prod d_l^n_l (docs/theory.md#polynomial-networks):
    the Hilbert polynomial of the certified equations gives deg V, and [SMK25]'s generic
    fibre of one orbit means it equals the formula (for 2,2 r=2 the fibre is solved below)."""
    import math

    fs = FunctionSpace(arch)
    a = fs.architecture
    r = a.activation
    L = a.num_layers
    ns = [k - 1 for k in a.filter_sizes]
    ds = [r ** (L - l) for l in range(1, L + 1)]
    sv = math.factorial(sum(ns)) // math.prod(math.factorial(x) for x in ns) * math.prod(
        d ** n for d, n in zip(ds, ns))
    deg = fs.implicit_equations().degree
    assert fs.implicit_equations().certified
    assert sv % deg == 0  # |F| = sv / deg is an integer
    assert deg == sv  # a fibre of one orbit


def test_fibre_of_2_2_r_2_is_one_orbit():
    """Solve mu(theta) = mu(theta0) on the chart w1_0 = 1 with sympy: one solution."""
    mu = PolynomialParameterization("2,2 r=2")
    w = sympy.symbols(mu.parameter_names)
    theta0 = [1, 3, 2, -5]
    target = mu.evaluate(theta0)
    eqs = [e.subs(w[0], 1) - t for e, t in zip(mu.to_sympy(), target)]
    sols = sympy.solve(eqs, w[1:], dict=True)
    assert sols == [{w[1]: 3, w[2]: 2, w[3]: -5}]


@pytest.mark.parametrize("arch", ["2x1,1x2 r=2", "1x2,2x1 r=2", "2x2,2x1 r=2"])
def test_transposition_is_a_symmetry_only_of_a_transposition_invariant_architecture(arch):
    """Linear layers with stride one commute, polynomial ones do not: the equations of
    2x1,1x2 r=2 are computed without the transposition, and each vanishes on mu."""
    fs = FunctionSpace(arch)
    eqs = fs.implicit_equations(max_degree=3)
    mu = fs.parameterization
    rng = random.Random(1)
    for poly in eqs.polynomials:
        for _ in range(2):
            assert poly(*mu.evaluate([rng.randint(-5, 5) for _ in range(mu.num_parameters)])) == 0
