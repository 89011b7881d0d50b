"""Membership in the real function space (1D): witnesses, reasons, independent cross-checks."""

from __future__ import annotations

import math
from fractions import Fraction

import flint
import pytest
import sympy
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from lcnalg import Architecture, FunctionSpace, InputError, Parameterization
from lcnalg.real.closedness import is_zariski_closed
from lcnalg.real.membership import contains, parse_filter
from tests.real.brute import brute_contains

ARCHS_1D = ["2,2", "2,2,2", "3,3", "2,3", "3,2 s=2", "2,2 s=2", "2,3 s=3", "3,3 s=2", "2,2,2 s=2,2",
            "2,2,2 s=1,2", "4,2 s=2", "2,2,2 s=3,2", "3,2,2 s=2,1", "2,3,2 s=2,2", "4,3", "2,2,2,2"]


def layers_of(arch):
    a = Architecture.parse(arch)
    t = a.cumulative_strides
    return [(f[0] - 1, t[l][0]) for l, f in enumerate(a.filters)]


def check_witness(arch, filt, res):
    """The witness multiplies back: exactly, or the enclosure product contains the filter."""
    assert res.contained and res.witness is not None
    a = Architecture.parse(arch)
    assert [len(w) for w in res.witness] == list(a.filter_sizes)
    if res.witness_exact:
        assert Parameterization(a).evaluate([[Fraction(x) for x in w] for w in res.witness]) == tuple(
            Fraction(x) for x in filt)
        return
    prod = flint.arb_poly([1])
    for w, (n, t) in zip(res.witness, layers_of(arch)):
        coeffs = [flint.arb(x) if x.startswith("[") else flint.arb(flint.fmpq(*Fraction(x).as_integer_ratio()))
                  for x in w]
        spread = [flint.arb(0)] * ((len(coeffs) - 1) * t + 1)
        for e, c in enumerate(coeffs):
            spread[e * t] = c
        prod *= flint.arb_poly(spread)
    got = list(prod.coeffs()) + [flint.arb(0)] * (len(filt) - prod.length())
    for c, v in zip(got, filt):
        assert c.contains(flint.arb(flint.fmpq(*Fraction(v).as_integer_ratio())))


small = st.integers(-3, 3)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ARCHS_1D), st.data())
def test_images_are_contained_with_witness(arch, data):
    a = Architecture.parse(arch)
    theta = [data.draw(st.lists(small, min_size=n, max_size=n)) for n in a.filter_sizes]
    filt = Parameterization(a).evaluate(theta)
    res = contains(a, filt)
    assert res.decided and res.certified and res.contained, res.to_text()
    check_witness(arch, filt, res)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ARCHS_1D), st.data())
def test_rational_layers(arch, data):
    a = Architecture.parse(arch)
    num = st.builds(Fraction, st.integers(-5, 5), st.integers(1, 4))
    theta = [data.draw(st.lists(num, min_size=n, max_size=n)) for n in a.filter_sizes]
    filt = Parameterization(a).evaluate(theta)
    res = contains(a, filt)
    assert res.contained
    check_witness(arch, filt, res)


# structured real filters: products of factors with non-real roots, roots at 0 and infinity
FACTORS = [[1, 0, 1], [-2, 0, 1], [1, 0, 0, 0, 1], [-1, 1], [0, 1], [1, 1, 1], [2, 0, 1], [-1, 0, 0, 0, 1],
           [1, 0, -1, 0, 1], [3, 1], [1, 0, 0, 1], [5, -2, 1]]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.sampled_from(ARCHS_1D), st.lists(st.sampled_from(range(len(FACTORS))), max_size=4), st.data())
def test_structured_filters_against_brute_force(arch, picks, data):
    a = Architecture.parse(arch)
    size = a.end_to_end_filter_shape[0]
    p = flint.fmpz_poly([data.draw(st.sampled_from([1, -2, 3]))])
    for i in picks:
        p *= flint.fmpz_poly(FACTORS[i])
    assume(p.degree() <= size - 1)
    coeffs = [int(c) for c in p.coeffs()] + [0] * (size - 1 - p.degree())   # roots at infinity
    res = contains(a, coeffs)
    assert res.decided
    expected = brute_contains(layers_of(arch), coeffs)
    assert res.contained == expected, (arch, coeffs, res.to_text())
    if res.contained:
        check_witness(arch, coeffs, res)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["2,2", "2,2,2", "3,2 s=2", "2,2 s=2", "2,3 s=3", "2,2,2 s=1,2", "3,3"]), st.data())
def test_random_filters_against_brute_force(arch, data):
    a = Architecture.parse(arch)
    coeffs = data.draw(st.lists(st.integers(-4, 4), min_size=a.ambient_dimension, max_size=a.ambient_dimension))
    res = contains(a, coeffs)
    assert res.contained == brute_contains(layers_of(arch), coeffs), (arch, coeffs)
    if res.contained:
        check_witness(arch, coeffs, res)


@pytest.mark.parametrize("arch,filt,expected", [
    ("2,2", [1, 0, 1], False),                 # z^2 + 1
    ("2,2", [1, 0, 0], True),                  # 1: double root at infinity
    ("2,2", [0, 0, 1], True),                  # z^2: double root at 0
    ("2,2,2", [1, 0, 1, 0], False),            # z^2 + 1 with a root at infinity: 1 real root, needs 3
    ("2,2,2", [0, 1, 0, 1], False),            # z (z^2 + 1)
    ("2,2,2", [-1, 3, -3, 1], True),           # (z - 1)^3
    ("2,2,2,2", [1, 0, 2, 0, 1], False),       # (z^2 + 1)^2
    ("3,3", [1, 0, 2, 0, 1], True),            # (z^2 + 1)^2 = (z^2 + 1)(z^2 + 1)
    ("3,2 s=2", [1, 0, 0, 0, 1], False),       # z^4 + 1: orbits over ±i, not conjugation-closed
    ("3,2 s=2", [-1, 0, 0, 0, 1], True),       # (z^2 - 1)(z^2 + 1)
    ("2,2 s=2", [1, 0, 0, 1], False),          # z^3 + 1 is not (a + bz)(c + dz^2)
    ("2,3 s=3", [1, 0, 0, 0, 0, 0, 1, 0], True),   # z^6 + 1 = q(z^3), q = w^2 + 1
    ("2,3 s=3", [1, 0, 0, 0, 0, 0, 0, 1], False),  # z^7 + 1: no complete orbit {ζρ : ζ^3 = 1}
    ("2,3 s=3", [0, 0, 0, 0, 0, 0, 0, 0], True),
    ("3,3 s=2", [0, 0, 0, 0, 0, 0, 1], True),  # z^6
    ("3,3 s=2", [0, 1, 0, 0, 0, 0, 0], True),  # z: layer 1 takes z, the rest at infinity
    ("3,3 s=2", [0, 0, 0, 1, 0, 0, 0], True),  # z^3 = z · (z^2)
    ("2,2 s=2", [0, 0, 1, 0], True),           # z^2
    ("2,2 s=2", [0, 1, 0, 0], True),           # z
])
def test_known_cases(arch, filt, expected):
    res = contains(arch, filt)
    assert res.contained is expected and res.certified
    assert brute_contains(layers_of(arch), filt) is expected
    if expected:
        check_witness(arch, filt, res)


def test_stride_one_reason_counts():
    res = contains("2,2,2", [1, 0, 0, 1])
    assert "needs at least 3 real roots" in res.reason and "has 1" in res.reason
    res = contains("3,2 s=2", [1, 0, 0, 0, 1])
    assert "no conjugation-closed choice" in res.reason


def test_json_keys():
    import json

    data = json.loads(contains("2,2 s=2", "3,6,5,10").to_json())
    for key in ("architecture", "filter", "contained", "witness", "reason", "certified"):
        assert key in data
    assert data["witness"] == [["1", "2"], ["3", "5"]] and data["contained"] is True


def test_latex_and_text():
    r = contains("2,2", [-2, 0, 1])
    assert r"\in" in r.to_latex() and "witness" in r.to_text()
    assert r"\notin" in contains("2,2", [1, 0, 1]).to_latex()


def test_function_space_method():
    assert FunctionSpace("2,2,2").contains([1, 0, 0, 1]).contained is False


@pytest.mark.parametrize("filt", ["1,2", "1,x,3", "", "1,2/0,3", [1.5, 2, 3], "1,2;3", [[1, 2], [3]]])
def test_bad_filters(filt):
    with pytest.raises(InputError):
        contains("2,2", filt)


def test_parse_nested_2d():
    assert parse_filter([[1, 2], [3, 4]], Architecture.parse("2x1,1x2")) == tuple(map(Fraction, (1, 2, 3, 4)))


def test_purely_imaginary_roots_give_a_finite_witness():
    """z^4 + 3z^2 + 1: roots ±i·a, ±i·b with real parts balls around 0 (squaring such a
    ball with ``**`` gave NaN in arb)."""
    res = FunctionSpace("3,2 s=2").contains([1, 0, 3, 0, 1])
    assert res.contained
    assert not any("nan" in c for w in res.witness for c in w)
    check_witness("3,2 s=2", [1, 0, 3, 0, 1], res)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 4), st.integers(1, 4), st.integers(2, 3), st.data())
def test_two_layer_closedness_rule_against_contains(n1, n2, s, data):
    """Real points of V built from complex layers (conjugate hyperroot pairs, one unpaired
    hyperroot whose conjugate orbit goes to layer 1 when it fits): contained exactly when
    the rule of closedness._two_layers_1d says so."""
    from lcnalg.real.closedness import is_zariski_closed

    arch = f"{n1 + 1},{n2 + 1} s={s}"
    verdict = is_zariski_closed(arch)
    assert verdict.decided
    rng = data.draw(st.randoms(use_true_random=False))
    x = sympy.symbols("x")
    hyper, w1_roots = [], []
    k = n2
    if k % 2 == 1 and n1 >= s and rng.random() < 0.7:
        a = sympy.Integer(rng.randint(-3, 3)) + sympy.I * rng.randint(1, 3)
        hyper.append(a)
        w1_orbit = sympy.conjugate(a)
        k -= 1
    else:
        w1_orbit = None
    while k >= 2 and rng.random() < 0.6:
        b = sympy.Integer(rng.randint(-3, 3)) + sympy.I * rng.randint(1, 3)
        hyper += [b, sympy.conjugate(b)]
        k -= 2
    hyper += [sympy.Integer(rng.randint(-4, 4)) for _ in range(k)]
    w2 = sympy.prod([x**s - a for a in hyper])
    rest = n1 - (s if w1_orbit is not None else 0)
    w1 = (x**s - w1_orbit if w1_orbit is not None else 1) * sympy.prod(
        [x - rng.randint(-4, 4) for _ in range(rest)])
    p = sympy.Poly(sympy.expand(w1 * w2), x)
    coeffs = [int(c) for c in reversed(p.all_coeffs())]
    coeffs += [0] * (n1 + s * n2 + 1 - len(coeffs))
    res = FunctionSpace(arch).contains(coeffs)
    if verdict.closed:
        assert res.contained
    if not res.contained:
        assert verdict.closed is False


@pytest.mark.parametrize("arch", ["2x2,2x2", "3x3,3x3", "2x3,2x3", "3x2,3x2"])
def test_two_equal_2d_layers_witness_multiplies_back(arch):
    """The complex layers q, conj(q) of the closedness witness multiply to the real witness,
    q is not a complex multiple of a real filter, and contains() never calls it a member."""
    from lcnalg.real.closedness import is_zariski_closed

    r = is_zariski_closed(arch)
    assert r.decided and r.closed is False
    a = Architecture.parse(arch)
    x, y = sympy.symbols("x y")
    polys = []
    for layer, (n, m) in zip(r.witness_layers, a.filters):
        vals = [sympy.sympify(v) for v in layer]
        polys.append(sum(vals[i * m + j] * x**i * y**j for i in range(n) for j in range(m)))
        nonzero = [v for v in vals if v != 0]
        assert any(not sympy.simplify(v / nonzero[0]).is_real for v in nonzero)
    nx, ny = a.end_to_end_filter_shape
    prod = sympy.Poly(sympy.expand(polys[0] * polys[1]), x, y)
    want = {(i, j): int(r.witness[i * ny + j]) for i in range(nx) for j in range(ny) if r.witness[i * ny + j] != "0"}
    assert {k: int(v) for k, v in prod.as_dict().items()} == want
    assert FunctionSpace(arch).contains([int(v) for v in r.witness]).contained is not True


@st.composite
def _thin_3d(draw):
    """3D architectures whose layers all have extent 1 along at least one common axis."""
    flat = draw(st.integers(0, 2))
    n = draw(st.integers(2, 3))
    shapes = []
    for _ in range(n):
        shape = [draw(st.integers(1, 3)) for _ in range(3)]
        shape[flat] = 1
        shapes.append(shape)
    strides = [[draw(st.integers(1, 2)) for _ in range(3)] for _ in range(n - 1)]
    return Architecture.parse(",".join("x".join(map(str, f)) for f in shapes) + " s="
                              + ",".join("x".join(map(str, s)) for s in strides))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_thin_3d(), st.data())
def test_3d_coordinate_copies(a, data):
    """3D with an axis of extent 1 in every layer: decided through the 1D/2D model.  Images of
    random layers are contained with a witness that multiplies back exactly (the 3D
    parameterization, an independent route); a non-zero coordinate outside the model's image is
    rejected; the closedness verdict is the model's."""
    from lcnalg.real.embedding import coordinate_embedding

    emb = coordinate_embedding(a)
    assert emb is not None and emb.inner.ndim <= 2
    mu = Parameterization(a)
    layers = [data.draw(st.lists(st.integers(-2, 2), min_size=n, max_size=n)) for n in a.filter_sizes]
    filt = list(mu.evaluate(layers))
    res = contains(a, filt)
    assert res.decided and res.contained is True
    if res.witness_exact:
        assert mu.evaluate([[Fraction(x) for x in w] for w in res.witness]) == tuple(Fraction(x) for x in filt)
    off = [i for i in range(len(filt)) if i not in set(emb.positions)]
    if off:
        filt[data.draw(st.sampled_from(off))] = 1
        assert contains(a, filt).contained is False
    assert is_zariski_closed(a).closed == is_zariski_closed(emb.inner).closed


def test_undecided_latex_escapes_its_reason():
    # the reason is text: braces, '<', '_' and unicode are escaped inside \text{...}
    import dataclasses
    r = dataclasses.replace(contains("2,2", [1, 0, 1]), contained=None, reason="max_nodes {a} < 5, ρ_a ∈ Σ")
    latex = r.to_latex()
    assert latex.isascii() and r"\{a\} \textless{} 5" in latex and r"\_a" in latex and r"\ensuremath{\rho}" in latex
