"""Linear group-convolutional networks: the product map in R[G], its function space, the Fourier
decomposition of R[Z/n] and real membership, each against an independent route (sympy's
polynomial remainder and Jacobian rank, the ordinary convolutional network, the regular
representation, a norm identity)."""

from __future__ import annotations

import json
import math
import random
from fractions import Fraction

import flint
import pytest
import sympy as sp
from hypothesis import given, settings, strategies as st

from lcnalg import FunctionSpace, InputError, Parameterization
from lcnalg.algebra.dimension import function_space_dimension
from lcnalg.algebra.grading import Grading, finest_grading
from lcnalg.algebra.interpolation import InterpolationState, interpolate_degree
from lcnalg.algebra.sampling import pieces_of_degree
from lcnalg.cli import main
from lcnalg.groups import (GroupConvParameterization, abelian_characters, abelian_fourier, cyclic_fourier, cyclotomic_zeros, fourier_components,
                           group_algebra_product, group_conv_contains, group_conv_equations, group_convolution,
                           parse_group, read_filter)
from lcnalg.groups.permutations import compose

SETTINGS = settings(max_examples=15, deadline=None)


@st.composite
def cyclic_specs(draw, wrap: bool | None = None):
    """``C<n>: k_1,...,k_L`` with windows of size at most 4; ``wrap`` forces (no) wrap-around."""
    n = draw(st.integers(2, 7))
    if wrap is False:
        windows, budget = [], n - 1          # sum (k_l - 1) <= n - 1
        for _ in range(draw(st.integers(1, 3))):
            k = draw(st.integers(1, min(4, budget + 1)))
            windows.append(k)
            budget -= k - 1
    else:
        windows = [draw(st.integers(1, min(n, 4))) for _ in range(draw(st.integers(1, 3)))]
        while wrap and sum(k - 1 for k in windows) < n:
            windows.append(min(n, 4))
    return f"C{n}: " + ",".join(map(str, windows))


def random_point(mu, rng, bound=5):
    return [Fraction(rng.randint(-bound, bound), rng.randint(1, 3)) for _ in range(mu.num_parameters)]


@st.composite
def strided_specs(draw):
    """``C<n>: k_1,...,k_L s=s_1,...`` with strides 1..3 and windows within their subgroups."""
    n = draw(st.integers(2, 8))
    layers = draw(st.integers(2, 3))
    strides = [draw(st.integers(1, 3)) for _ in range(layers - 1)]
    windows, S = [], 1
    for l in range(layers):
        room = n // math.gcd(S, n)
        windows.append(draw(st.integers(1, min(room, 3))))
        if l < layers - 1:
            S *= strides[l]
    return f"C{n}: " + ",".join(map(str, windows)) + " s=" + ",".join(map(str, strides))


def sympy_cyclic_coordinates(n: int, windows: list[int], dilations: list[int] | None = None):
    """The end-to-end filter by sympy's remainder of the product of the layer polynomials w_l(z^S_l)."""
    z = sp.Symbol("z")
    product = sp.Integer(1)
    names = []
    for l, (k, S) in enumerate(zip(windows, dilations or [1] * len(windows)), start=1):
        ws = sp.symbols(f"w{l}_0:{k}")
        names += list(ws)
        product *= sum(w * z**(S * i) for i, w in enumerate(ws))
    rem = sp.Poly(sp.rem(sp.expand(product), z**n - 1, z), z)
    coeffs = [rem.coeff_monomial(z**m) for m in range(n)]
    return names, coeffs


# ------------------------------------------------------------------ the product map
@SETTINGS
@given(spec=cyclic_specs())
def test_cyclic_coordinates_are_the_product_modulo_z_n_minus_1(spec):
    mu = GroupConvParameterization(spec)
    arch = mu.architecture
    names, coeffs = sympy_cyclic_coordinates(arch.cyclic_order, list(arch.windows))
    assert [str(x) for x in names] == list(mu.parameter_names)
    assert [sp.expand(a - b) for a, b in zip(mu.to_sympy(), coeffs)] == [0] * arch.order


@SETTINGS
@given(spec=cyclic_specs(wrap=False), seed=st.integers(0, 10**6))
def test_no_wrap_around_is_the_ordinary_network(spec, seed):
    mu = GroupConvParameterization(spec)
    arch = mu.architecture
    assert arch.wraps_around is False
    lcn = Parameterization(arch.lcn_text)
    K = sum(k - 1 for k in arch.windows)
    assert [str(c) for c in mu.coordinates[:K + 1]] == [str(c) for c in lcn.coordinates]
    assert all(c.is_zero() for c in mu.coordinates[K + 1:])
    theta = random_point(mu, random.Random(seed))
    assert mu.evaluate(theta)[:K + 1] == lcn.evaluate(theta)
    assert function_space_dimension(mu).value == FunctionSpace(arch.lcn_text).dimension.value


@pytest.mark.parametrize("spec", ["C6: 3,2", "C5: 2,2,2", "C7: 3,2,2"])
def test_no_wrap_around_equations_are_the_ordinary_ones_plus_the_zero_coordinates(spec):
    mu = GroupConvParameterization(spec)
    arch = mu.architecture
    K = sum(k - 1 for k in arch.windows)
    ordinary = FunctionSpace(arch.lcn_text).implicit_equations(max_degree=2).equations
    ours = group_conv_equations(mu, max_degree=2)
    assert set(ours.equations) == set(ordinary) | {f"c{m}" for m in range(K + 1, arch.order)}
    assert ours.certified  # M fills c0..cK: the zero coordinates generate the ideal


@pytest.mark.parametrize("spec", ["C4: 3,3", "C5: 3,3,2", "C6: 4,4", "C3: 2,2,2", "C4: 2,2,2,2,2", "C6: 2,2,2,2,2,2"])
def test_wrap_around_dimension_is_the_sympy_jacobian_rank(spec):
    mu = GroupConvParameterization(spec)
    arch = mu.architecture
    names, coeffs = sympy_cyclic_coordinates(arch.cyclic_order, list(arch.windows))
    jac = sp.Matrix(coeffs).jacobian(names)
    rng = random.Random(7)
    rank = max(jac.xreplace({x: sp.Rational(rng.randint(-9, 9), rng.randint(1, 4)) for x in names}).rank()  # as subs
               for _ in range(2))
    d = function_space_dimension(mu)
    assert d.certified and d.value == rank
    assert mu.jacobian_at(random_point(mu, rng)).rank() <= d.value


@pytest.mark.parametrize("spec", ["C4: 3,3", "S3: 3,2", "D4: 2,3,2"])
def test_jacobian_is_the_symbolic_derivative(spec):
    mu = GroupConvParameterization(spec)
    theta = random_point(mu, random.Random(3))
    sym = sp.Matrix([[sp.diff(c, sp.Symbol(w)) for w in mu.parameter_names] for c in mu.to_sympy()])
    at = sym.xreplace({sp.Symbol(w): sp.Rational(t.numerator, t.denominator) for w, t in zip(mu.parameter_names, theta)})
    assert at.tolist() == [[sp.Rational(str(x)) for x in row] for row in mu.jacobian_at(theta).tolist()]
    assert mu.jacobian_at([int(t * 6) % 101 for t in theta], modulus=101).rank() <= mu.num_parameters


@SETTINGS
@given(spec=strided_specs(), seed=st.integers(0, 10**6))
def test_strided_coordinates_and_the_ordinary_strided_network(spec, seed):
    mu = GroupConvParameterization(spec)
    arch = mu.architecture
    names, coeffs = sympy_cyclic_coordinates(arch.cyclic_order, list(arch.windows), list(arch.dilations))
    assert [sp.expand(a - b) for a, b in zip(mu.to_sympy(), coeffs)] == [0] * arch.order
    f = mu.evaluate(random_point(mu, random.Random(seed)))
    assert group_conv_contains(mu, f).contained is not False
    if not arch.wraps_around:
        lcn = Parameterization(arch.lcn_text)
        assert [str(c) for c in mu.coordinates[:arch.degree + 1]] == [str(c) for c in lcn.coordinates]
        assert function_space_dimension(mu).value == FunctionSpace(arch.lcn_text).dimension.value


def test_strided_no_wrap_equations_are_the_ordinary_ones():
    mu = GroupConvParameterization("C6: 2,2 s=2")             # w1(z) w2(z^2): degree 3 < 6
    ours = group_conv_equations(mu, max_degree=2)
    ordinary = FunctionSpace("2,2 s=2").implicit_equations(max_degree=2).equations
    assert set(ours.equations) == set(ordinary) | {"c4", "c5"} and ours.certified


@pytest.mark.parametrize("spec", ["C6: 3,2,2 s=2,2", "C6: 2,2,2 s=2,2"])
def test_strided_wrap_around_equations_are_graded_by_z_mod_n(spec):
    """With wrap-around the torus weight wt(c_m) = m is lost but m mod n survives: each Z/n-homogeneous
    component of an equation vanishes on the image (exact substitution), and random points satisfy them."""
    mu = GroupConvParameterization(spec)
    n = mu.architecture.order
    r = group_conv_equations(mu, max_degree=3, certify=True)
    assert r.certified and r.equations and r.dimension < n
    ring = mu.coordinate_ring
    for poly in r.polynomials:
        parts: dict[int, dict] = {}
        for mono, coeff in poly.terms():
            parts.setdefault(sum(m * int(e) for m, e in enumerate(mono)) % n, {})[mono] = coeff
        for part in parts.values():
            assert ring.from_dict(part).compose(*mu.coordinates, ctx=mu.ring).is_zero()
    rng = random.Random(2)
    f = mu.evaluate(random_point(mu, rng))
    assert all(sp.sympify(e, locals={c: sp.Symbol(c) for c in mu.coordinate_names}).subs(
        dict(zip(sp.symbols(mu.coordinate_names), f))) == 0 for e in r.equations)
    # off the hypersurface: refused through an equation
    off = [rng.randint(-9, 9) for _ in range(n)]
    member = group_conv_contains(mu, off, equations=r)
    assert member.contained is False


@pytest.mark.parametrize("spec", ["C6: 3,2,2 s=2,2", "C8: 3,2,2 s=2,2"])
def test_the_z_mod_n_weight_splits_the_pieces_and_keeps_the_ideal(spec):
    mu = GroupConvParameterization(spec)
    n = mu.architecture.order
    coarse = finest_grading(mu)
    fine = Grading(coarse.variables, tuple(d + (m % n,) for d, m in zip(coarse.degrees, coarse.variables)),
                   coarse.zero_coordinates, moduli=(0,) * coarse.rank + (n,))
    assert len(pieces_of_degree(fine, 3)) > len(pieces_of_degree(coarse, 3))
    runs = []
    for grading in (coarse, fine):
        state = InterpolationState.start(mu, use_symmetry=False, grading=grading)
        reports = [interpolate_degree(state) for _ in range(3)]
        runs.append(([r.hilbert_lower for r in reports], sorted(e for e, _, _ in state.generators)))
    assert runs[0] == runs[1]
    assert "m mod n" in group_conv_equations(mu, max_degree=1).method


# ------------------------------------------------------------------ general finite groups
@pytest.mark.parametrize("group", ["S3", "D4", "C3xC2", "A4"])
def test_group_algebra_product_is_the_regular_representation(group):
    G = parse_group(group)
    elements = G.elements()
    index = {g: i for i, g in enumerate(elements)}
    n = len(elements)

    def rho(a):  # sum_g a_g P(g), P(g) e_h = e_{gh}, built from the permutations themselves
        return sp.Matrix(n, n, lambda h, k: sum(a[g] for g in range(n)
                                                if index[compose(elements[g], elements[k])] == h))

    mu = GroupConvParameterization(f"{group}: *,*,*")
    rng = random.Random(11)
    a, b, c = ([Fraction(rng.randint(-4, 4), rng.randint(1, 3)) for _ in range(n)] for _ in range(3))
    ab = group_algebra_product(a, b, mu.table)
    assert rho(ab) == rho(a) * rho(b)
    assert group_algebra_product(ab, c, mu.table) == group_algebra_product(a, group_algebra_product(b, c, mu.table),
                                                                            mu.table)
    # the network computes w_L ... w_1 (layer 1 applied first)
    assert list(mu.evaluate(c + b + a)) == group_algebra_product(ab, c, mu.table)


@pytest.mark.parametrize("spec, degree", [("S3: 3,3", 4), ("D4: 2,3", 4)])
def test_equations_of_a_non_abelian_network_vanish_exactly_on_its_image(spec, degree):
    mu = GroupConvParameterization(spec)
    r = group_conv_equations(mu, max_degree=degree, certify=True)
    assert r.dimension == function_space_dimension(mu).value < len(mu.support)
    assert any(d > 1 for d in r.degrees) and r.certified
    rng = random.Random(5)
    for _ in range(3):
        f = mu.evaluate(random_point(mu, rng))
        values = dict(zip(sp.symbols(mu.coordinate_names), f))
        assert all(sp.sympify(e, locals=dict(zip(mu.coordinate_names, sp.symbols(mu.coordinate_names)))).subs(values)
                   == 0 for e in r.equations)
    # a point off the hypersurface is refused by membership, through that equation
    high = next(p for p in r.polynomials if p.total_degree() > 1)
    off = [Fraction(rng.randint(-9, 9)) for _ in range(mu.ambient_dimension)]
    off = [x if m in mu.support else 0 for m, x in enumerate(off)]
    value = sum(int(c) * sp.prod([sp.Rational(x) ** int(e) for x, e in zip(off, m)]) for m, c in high.terms())
    assert value != 0
    member = group_conv_contains(mu, off, equations=r)
    assert member.contained is False and "does not vanish" in member.reason


@pytest.mark.parametrize("spec", ["C3xC2: 2,2,3", "C3xC2: 2,3"])
def test_the_ideal_of_an_abelian_group_is_graded_by_the_group(spec):
    """c_h has G-degree h (each term of c_h is a product of elements with product h), so the ideal
    is G-graded: every G-homogeneous component of an equation vanishes on the image by itself."""
    mu = GroupConvParameterization(spec)
    r = group_conv_equations(mu, max_degree=3)
    cubic = [p for p in r.polynomials if p.total_degree() == 3]
    assert cubic
    ring = mu.coordinate_ring
    for poly in cubic:
        parts: dict[int, dict] = {}
        for mono, coeff in poly.terms():
            degree = 0  # the identity
            for h, e in enumerate(mono):
                for _ in range(int(e)):
                    degree = mu.table[degree][h]
            parts.setdefault(degree, {})[mono] = coeff
        for part in parts.values():
            assert ring.from_dict(part).compose(*mu.coordinates, ctx=mu.ring).is_zero()


# ------------------------------------------------------------------ Fourier
@SETTINGS
@given(n=st.integers(1, 9), data=st.data())
def test_fourier_transform_is_multiplicative(n, data):
    entries = st.fractions(min_value=-5, max_value=5, max_denominator=4)
    a = data.draw(st.lists(entries, min_size=n, max_size=n))
    b = data.draw(st.lists(entries, min_size=n, max_size=n))
    table = [[(i + j) % n for j in range(n)] for i in range(n)]
    phi = flint.fmpq_poly(flint.fmpz_poly.cyclotomic(n))
    fa, fb, fab = cyclic_fourier(a, n), cyclic_fourier(b, n), cyclic_fourier(group_algebra_product(a, b, table), n)
    assert all((x * y) % phi == z for x, y, z in zip(fa, fb, fab))
    # the trivial character is the sum of the coefficients
    total = sum(a, Fraction(0))
    assert fa[0] == flint.fmpq_poly([flint.fmpq(total.numerator, total.denominator)])
    # zeros: a character vanishes iff Phi_d divides a for its order d
    zeros = set(cyclotomic_zeros(a, n))
    for j, v in enumerate(fa):
        assert (v == 0) == (n // math.gcd(j, n) in zeros)


def test_fourier_agrees_with_the_numerical_dft():
    import numpy as np

    a = [3, -1, 4, 1, -5, 9]
    exact = cyclic_fourier(a, 6)
    zeta = np.exp(2j * np.pi / 6)
    numeric = [sum(float(c) * zeta ** k for k, c in enumerate(v.coeffs())) for v in exact]
    assert np.allclose(numeric, np.conj(np.fft.fft(a)))
    assert fourier_components(6) == ((0, "R"), (3, "R"), (1, "C"), (2, "C"))
    assert sum(1 if f == "R" else 2 for _, f in fourier_components(7)) == 7


@pytest.mark.parametrize("group", ["C3xC2", "C2xC2xC2", "C4xC2", "C5"])
def test_characters_of_an_abelian_group_diagonalize_its_group_algebra(group):
    mu = GroupConvParameterization(f"{group}: 1")
    n = mu.architecture.order
    m, chars = abelian_characters(mu)
    assert len(set(chars)) == n
    for t in chars:  # homomorphisms G -> mu_m
        assert all((t[i] + t[j]) % m == t[mu.table[i][j]] for i in range(n) for j in range(n))
    for t in chars:  # orthogonality: sum_g chi(g) conj(chi'(g)) = |G| [chi = chi'], exact in Q(zeta_m)
        for u in chars:
            total = sum(sp.exp(2 * sp.pi * sp.I * ((a - b) % m) / m) for a, b in zip(t, u))
            assert sp.nsimplify(sp.simplify(total)) == (n if t == u else 0)
    rng = random.Random(4)
    a, b = ([Fraction(rng.randint(-5, 5), rng.randint(1, 3)) for _ in range(n)] for _ in range(2))
    phi = flint.fmpq_poly(flint.fmpz_poly.cyclotomic(m))
    fa, fb = abelian_fourier(a, mu), abelian_fourier(b, mu)
    fab = abelian_fourier(group_algebra_product(a, b, mu.table), mu)
    assert all((x * y) % phi == z for x, y, z in zip(fa, fb, fab))
    if group == "C5":
        assert fa == cyclic_fourier(a, 5)


def test_non_abelian_groups_have_no_character_decomposition_here():
    with pytest.raises(InputError, match="not abelian"):
        abelian_characters("S3: 2")


# ------------------------------------------------------------------ membership
@SETTINGS
@given(spec=cyclic_specs(), seed=st.integers(0, 10**6))
def test_a_product_is_never_refused_and_its_witness_multiplies_back(spec, seed):
    mu = GroupConvParameterization(spec)
    f = mu.evaluate(random_point(mu, random.Random(seed)))
    r = group_conv_contains(mu, f)
    assert r.contained is not False, r.reason
    if r.contained and r.witness_exact:
        layers = [[Fraction(x) for x in w] for w in r.witness]
        assert mu.evaluate(layers) == f


@SETTINGS
@given(spec=cyclic_specs(wrap=False), data=st.data())
def test_no_wrap_membership_is_the_ordinary_decision(spec, data):
    mu = GroupConvParameterization(spec)
    arch = mu.architecture
    K = sum(k - 1 for k in arch.windows)
    head = data.draw(st.lists(st.integers(-4, 4), min_size=K + 1, max_size=K + 1))
    f = head + [0] * (arch.order - K - 1)
    ordinary = FunctionSpace(arch.lcn_text).contains(head).contained
    assert group_conv_contains(mu, f).contained == ordinary
    g = list(f)
    if K + 1 < arch.order:
        g[-1] = 1  # a coordinate no product of the windows reaches
        assert group_conv_contains(mu, g).contained is False


def test_fourier_zeros_refuse_and_a_norm_identity_confirms():
    """C3: 2,2,2: |f^(w)|^2 = c0^2+c1^2+c2^2-c0c1-c1c2-c0c2 is the product of the layers' positive definite
    norms a^2 - ab + b^2, so it vanishes on M only at f = 0; 1 + z + z^2 (norm 0) is not in M."""
    mu = GroupConvParameterization("C3: 2,2,2")
    c0, c1, c2 = mu.to_sympy()
    norm = sp.factor(c0**2 + c1**2 + c2**2 - c0 * c1 - c1 * c2 - c0 * c2)
    a = [sp.Symbol(f"w{l}_0") ** 2 - sp.Symbol(f"w{l}_0") * sp.Symbol(f"w{l}_1") + sp.Symbol(f"w{l}_1") ** 2
         for l in (1, 2, 3)]
    assert sp.expand(norm - a[0] * a[1] * a[2]) == 0
    r = group_conv_contains(mu, [1, 1, 1])
    assert r.contained is False and r.certified
    # a wrap-around member found by a lift: z^2 (1 + z) = 1 + z^2 mod z^3 - 1
    r = group_conv_contains(mu, "1,0,1")
    assert r.contained is True and mu.evaluate([[Fraction(x) for x in w] for w in r.witness]) == (1, 0, 1)


@SETTINGS
@given(data=st.data())
def test_c4_3_3_is_decided_everywhere(data):
    # every real polynomial of degree <= 3 is (quadratic)(linear): each f is its own lift
    f = data.draw(st.lists(st.integers(-6, 6), min_size=4, max_size=4))
    assert group_conv_contains("C4: 3,3", f).contained is True


def test_full_support_layer_fills_the_group_algebra():
    r = group_convolution("S3: *,2", contains_filter=[1, -2, 3, 0, 5, 7])
    assert r.dimension.value == 6 and r.membership.contained is True
    assert r.membership.witness[0] == ("1", "-2", "3", "0", "5", "7")


# ------------------------------------------------------------------ input
def test_bad_input_names_the_field():
    with pytest.raises(InputError, match="^spec"):
        GroupConvParameterization("C6 3,2")
    with pytest.raises(InputError, match="^spec: layer 2"):
        GroupConvParameterization("C6: 3,9")
    with pytest.raises(InputError, match="^spec: 'r=2' is not accepted: .* linear layers"):
        GroupConvParameterization("C6: 3,2 r=2")
    with pytest.raises(InputError, match="^spec \\(GROUP\\)"):
        GroupConvParameterization("Z8: 2")
    with pytest.raises(InputError, match="^filter"):
        group_conv_contains("C3: 2,2", [1, 2])
    with pytest.raises(InputError, match="^--contains"):
        read_filter("1,x,2", "C3: 2,2", name="--contains")
    with pytest.raises(InputError, match="^table"):
        group_algebra_product([1], [1], [[1]])


def test_cli(capsys):
    assert main(["group-conv", "C6: 3,2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["dimension"]["value"] == 4 and data["ordinary"] == "3,2"
    assert main(["group-conv", "C3: 2,2,2", "--contains", "1,1,1"]) == 0
    assert "not contained" in capsys.readouterr().out
    assert main(["group-conv", "C3: 2,2", "--contains", "1,2"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--contains" in err[0]
