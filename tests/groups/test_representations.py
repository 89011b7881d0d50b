"""Irreducible representations of small groups over Q(zeta_e) and the Fourier transform of R[G],
against independent routes: sympy's conjugacy classes and derived subgroup (the number of
irreducibles and of linear characters), the hook length formula (degrees of S_n), the full
multiplication table (homomorphism), traces recomputed from the matrices (orthogonality), the
group algebra product (multiplicativity) and the abelian characters of lcnalg.groups."""

from __future__ import annotations

import math
import random
from fractions import Fraction

import flint
import pytest
from hypothesis import given, settings, strategies as st
from sympy.combinatorics import Permutation
from sympy.combinatorics import PermutationGroup as SympyGroup

from lcnalg import InputError, Limits, ResourceLimitError
from lcnalg.groups import (GroupConvParameterization, PermutationGroup, abelian_characters, group_algebra_product,
                           group_conv_contains, parse_group)
from lcnalg.groups.representations import group_fourier, inverse_group_fourier, irreducible_representations

#: Q8 acting regularly on 8 points: i = (0 1 2 3)(4 5 6 7), j = (0 4 2 6)(1 7 3 5).
Q8 = PermutationGroup([[1, 2, 3, 0, 5, 6, 7, 4], [4, 7, 6, 5, 2, 1, 0, 3]], name="Q8")
GROUPS = {"S3": parse_group("S3"), "D4": parse_group("D4"), "Q8": Q8, "A4": parse_group("A4"),
          "S4": parse_group("S4"), "C3xC2": parse_group("C3xC2"), "A5": parse_group("icosahedron")}
REPS = {name: irreducible_representations(G) for name, G in GROUPS.items()}
SETTINGS = settings(max_examples=10, deadline=None)


def sympy_group(G):
    return SympyGroup([Permutation(list(g)) for g in G.generators])


def cyc(e):
    phi = flint.fmpq_poly(flint.fmpz_poly.cyclotomic(e))
    return phi, [flint.fmpq_poly([0] * t + [1]) % phi for t in range(e)]


def conj(v, e):
    phi, power = cyc(e)
    return sum((c * power[(-t) % e] for t, c in enumerate(v.coeffs())), flint.fmpq_poly(0)) % phi


def matmul(A, B, phi):
    d = len(A)
    return [[sum((A[i][m] * B[m][j] for m in range(d)), flint.fmpq_poly(0)) % phi for j in range(d)]
            for i in range(d)]


def hook_degrees(n):
    """The degrees of the irreducible representations of S_n by the hook length formula."""
    def partitions(m, top):
        if m == 0:
            yield []
            return
        for first in range(min(m, top), 0, -1):
            for rest in partitions(m - first, first):
                yield [first] + rest

    out = []
    for lam in partitions(n, n):
        conjugate = [sum(1 for r in lam if r > j) for j in range(lam[0])]
        hooks = math.prod(lam[i] - j + conjugate[j] - i - 1 for i in range(len(lam)) for j in range(lam[i]))
        out.append(math.factorial(n) // hooks)
    return sorted(out)


@pytest.mark.parametrize("name", list(GROUPS))
def test_counts_against_sympy(name):
    G, R = GROUPS[name], REPS[name]
    S = sympy_group(G)
    assert len(R.degrees) == len(list(S.conjugacy_classes())) == len(R.classes)
    assert sum(d * d for d in R.degrees) == R.order == S.order()
    # linear characters = |G / [G, G]|
    assert R.degrees.count(1) == S.order() // S.derived_subgroup().order()
    assert R.exponent == math.lcm(*(Permutation(list(g)).order() for g in R.elements))
    assert not R.not_computed


@pytest.mark.parametrize("n", [3, 4])
def test_symmetric_degrees_hook_formula(n):
    assert sorted(REPS[f"S{n}"].degrees) == hook_degrees(n)


def test_a5_known_structure():
    R = REPS["A5"]
    # A5 is perfect (one linear character) and its degrees divide 60
    assert R.degrees.count(1) == 1 and all(60 % d == 0 for d in R.degrees)
    assert R.exponent == 30


@pytest.mark.parametrize("name", ["S3", "D4", "Q8", "A4"])
def test_homomorphism_over_the_whole_table(name):
    R = REPS[name]
    phi, _ = cyc(R.exponent)
    for rho in R.matrices:
        for g in range(R.order):
            for h in range(R.order):
                assert matmul(rho[g], rho[h], phi) == [list(r) for r in rho[R.table[g][h]]]


@pytest.mark.parametrize("name", list(GROUPS))
def test_traces_and_orthogonality_from_the_matrices(name):
    R = REPS[name]
    e, n = R.exponent, R.order
    phi, _ = cyc(e)
    traces = [[sum((rho[g][i][i] for i in range(len(rho[0]))), flint.fmpq_poly(0)) % phi for g in range(n)]
              for rho in R.matrices]
    for c, tr in enumerate(traces):
        assert all(tr[g] == R.character(c, g) for g in range(n))
        for c2, tr2 in enumerate(traces):
            inner = sum((tr[g] * conj(tr2[g], e) for g in range(n)), flint.fmpq_poly(0)) % phi
            assert inner == (n if c == c2 else 0)
    # column orthogonality: sum_chi |chi(g)|^2 = |C_G(g)|
    for cls in R.classes:
        g = cls[0]
        centralizer = sum(1 for h in range(n) if R.table[g][h] == R.table[h][g])
        assert sum((tr[g] * conj(tr[g], e) for tr in traces), flint.fmpq_poly(0)) % phi == centralizer


def test_abelian_characters_agree():
    R = REPS["C3xC2"]
    m, chars = abelian_characters("C3xC2: 2")
    _, power = cyc(m)
    assert m == R.exponent
    ours = sorted(tuple(str(R.character(c, g)) for g in range(R.order)) for c in range(len(R.degrees)))
    theirs = sorted(tuple(str(power[t[g]]) for g in range(R.order)) for t in chars)
    assert ours == theirs


@pytest.mark.parametrize("name", ["S3", "Q8", "A4"])
@SETTINGS
@given(data=st.data())
def test_fourier_multiplicative_and_invertible(name, data):
    R = REPS[name]
    n = R.order
    phi, _ = cyc(R.exponent)
    a = [Fraction(x) for x in data.draw(st.lists(st.integers(-3, 3), min_size=n, max_size=n))]
    b = [Fraction(x) for x in data.draw(st.lists(st.integers(-3, 3), min_size=n, max_size=n))]
    ab = group_algebra_product(a, b, R.table)
    A, B, AB = group_fourier(a, R), group_fourier(b, R), group_fourier(ab, R)
    for x, y, z in zip(A, B, AB):
        assert matmul(x, y, phi) == [list(r) for r in z]
    assert list(inverse_group_fourier(A, R)) == a
    assert list(inverse_group_fourier(AB, R)) == ab


def test_fourier_of_a5_round_trip():
    R = REPS["A5"]
    rng = random.Random(3)
    f = [Fraction(rng.randint(-2, 2)) for _ in range(R.order)]
    assert list(inverse_group_fourier(group_fourier(f, R), R)) == f


def test_fourier_inputs():
    R = REPS["S3"]
    with pytest.raises(InputError, match="f: expected 6"):
        group_fourier([1, 2], R)
    with pytest.raises(InputError, match="reps"):
        group_fourier([1] * 6, "S3")
    with pytest.raises(InputError, match="fhat"):
        inverse_group_fourier([[[1]]], R)
    with pytest.raises(InputError, match="group"):
        irreducible_representations(42)


def test_refused_up_front():
    with pytest.raises(ResourceLimitError, match="max_equivariant_work"):
        irreducible_representations("S6")
    with pytest.raises(ResourceLimitError):
        irreducible_representations("S4", limits=Limits(max_equivariant_work=1000))


# ------------------------------------------------------------------ membership: zeros at the linear characters
@st.composite
def products(draw):
    """(spec, f) with f = w_L ... w_1 for random small integer layers of a non-abelian group with a text
    form (Q8 has none)."""
    name = draw(st.sampled_from(["S3", "D4", "A4", "S4"]))
    windows = [draw(st.integers(1, 3)) for _ in range(draw(st.integers(2, 3)))]
    spec = f"{name}: " + ",".join(map(str, windows))
    R = REPS[name]
    f = [Fraction(1)] + [Fraction(0)] * (R.order - 1)
    for k in windows:                     # the window is the first k elements (identity first)
        w = [Fraction(draw(st.integers(-2, 2))) for _ in range(k)] + [Fraction(0)] * (R.order - k)
        f = group_algebra_product(w, f, R.table)
    return spec, f


@settings(max_examples=25, deadline=None)
@given(case=products())
def test_membership_never_refuses_a_product(case):
    spec, f = case
    assert group_conv_contains(spec, f).contained is not False


def test_a4_binomial_layers_against_real_factorization():
    """A4: 2,2 has windows {1, g} with g of order 3; the product (a1 + b1 g)(a2 + b2 g) never wraps,
    so a + b g + c g^2 is in M iff a + b x + c x^2 splits into real linear factors: b^2 >= 4ac."""
    mu = GroupConvParameterization("A4: 2,2")
    g2 = mu.table[1][1]
    assert mu.table[1][g2] == 0 and g2 not in (0, 1)
    refused = 0
    for a in range(-2, 3):
        for b in range(-2, 3):
            for c in range(-2, 3):
                f = [0] * 12
                f[0], f[1], f[g2] = a, b, c
                r = group_conv_contains(mu, f)
                if r.contained is False:
                    assert b * b < 4 * a * c
                    refused += 1
                if a == b == c != 0:          # the Fourier transform vanishes at the characters omega, omega^2
                    assert r.contained is False and r.method.startswith("Fourier zeros at the characters")
    assert refused >= 2


def test_trivial_character_first_and_group_conv_irreps(capsys):
    from lcnalg.cli import main
    from lcnalg.groups import group_convolution
    for R in REPS.values():
        assert all(v == 1 for v in R.characters[0])
    r = group_convolution("S4: 2", irreps=True)
    assert r.irreducible_degrees == REPS["S4"].degrees and len(r.characters) == 2 + len(REPS["S4"].degrees)
    assert main(["group-conv", "S3: 2", "--irreps"]) == 0
    out = capsys.readouterr().out
    assert "irreducible degrees 1, 1, 2" in out and "chi3: 2, 0, -1" in out
    assert "R[S3] = R + R + Mat_2(R) (dimension 6 = |G|)" in out
    assert group_convolution("Q8: 2", irreps=True).wedderburn[0] == "R[Q8] = R + R + R + R + H (dimension 8 = |G|)"


@pytest.mark.parametrize("group", ["C5", "Q8", "A4", "D5"])
def test_the_latex_character_table_has_the_values_of_the_text_one(group):
    """Each entry of the LaTeX table, read back with sympy (``\\zeta_{e}`` as ``z<e>``,
    ``\\tfrac{a}{b}`` as ``a/b``), is the value of the text output, in the same place."""
    import re

    import sympy

    reps = irreducible_representations(group)
    e = reps.exponent
    z = sympy.Symbol(f"z{e}")
    text_rows = [line.split(": ", 1)[1].split(", ") for line in reps.to_text().splitlines()[2:]
                 if line.startswith("chi")]
    latex_rows = [line.split(" & ")[1:] for line in reps.to_latex().splitlines() if line.startswith(r"\chi_")]
    assert len(latex_rows) == len(text_rows) == len(reps.degrees)
    for t_row, l_row in zip(text_rows, latex_rows):
        l_row[-1] = l_row[-1].removesuffix(r" \\")
        assert len(l_row) == len(t_row) == len(reps.classes)
        for t, cell in zip(t_row, l_row):
            cell = re.sub(r"\\tfrac\{(\d+)\}\{(\d+)\}", r"(\1/\2)", cell)
            cell = cell.replace(rf"\zeta_{{{e}}}^{{", f"z{e}**{{").replace(rf"\zeta_{{{e}}}", f"z{e}")
            cell = re.sub(r"\*\*\{(\d+)\}", r"**\1", cell).replace(f") z{e}", f")*z{e}")
            cell = re.sub(r"(\d) z", r"\1*z", cell)
            assert sympy.expand(sympy.sympify(cell, locals={f"z{e}": z})
                                - sympy.sympify(t.replace("^", "**"), locals={f"z{e}": z})) == 0
