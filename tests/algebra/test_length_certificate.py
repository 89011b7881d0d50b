"""The length certificate (docs/theory.md#length-certificate) against independent routes: the
elimination certificate over Q, an elimination mod p, textbook ideals, and deliberately wrong
inputs (a dropped generator, a wrong degree, a non-Cohen-Macaulay curve) that must never
certify."""

from __future__ import annotations

import itertools
import math
import random

import flint

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lcnalg import Architecture, InputError, Limits, Parameterization
from lcnalg.algebra.certify import verify_equations
from lcnalg.algebra.degree import degree_by_fibre
from lcnalg.algebra.implicitization import certify_by_elimination, graph_ideal, implicit_equations
from lcnalg.algebra.length_certificate import length_certificate, length_lower_bound
from lcnalg.polys.groebner import groebner_basis
from lcnalg.polys.monomials import elimination

P = 2147483629


def _equations(arch: str):
    mu = Parameterization(arch)
    r = implicit_equations(mu, certify=False)
    fib = degree_by_fibre(mu)
    return mu, r, fib


def _monomial_curve(exponents):
    """Generators of the ideal of the monomial curve ``t ↦ (s^{d-a} t^a)_a`` as integer dicts,
    found independently of lcnalg: the binomials ``x^u - x^v`` with equal weights up to degree 3,
    checked by substitution."""
    import itertools

    n = len(exponents)
    d = max(exponents)
    gens = []
    for deg in (2, 3):
        monos = [m for m in itertools.product(range(deg + 1), repeat=n) if sum(m) == deg]
        weight = {m: sum(a * e for a, e in zip(m, exponents)) for m in monos}
        for u, v in itertools.combinations(monos, 2):
            if weight[u] == weight[v]:
                gens.append({u: 1, v: -1})
    # substitution check: x_i = s^(d - a_i) t^(a_i) makes every binomial vanish
    for g in gens:
        (u, _), (v, _) = g.items()
        assert sum(a * e for a, e in zip(u, exponents)) == sum(a * e for a, e in zip(v, exponents))
        assert sum(u) == sum(v)
    return gens, n, d


@pytest.mark.parametrize("arch", ["3,2 s=2", "2,2,2 s=2,2", "3,3 s=3", "2,3,2 s=2,3"])
def test_certifies_where_the_elimination_certificate_does(arch):
    mu, r, fib = _equations(arch)
    assert fib.certified
    cert = length_certificate(r.polynomials, dimension=r.dimension, degree=fib.degree, seed=1)
    assert cert.certified and cert.closed and cert.length == fib.degree
    # the independent route over Q agrees that J = I
    assert certify_by_elimination(mu, r.polynomials)[0]


@pytest.mark.parametrize("arch", ["3,2 s=2", "2,2,2 s=2,2", "2,3,2 s=2,3"])
def test_refuses_a_dropped_generator(arch):
    mu, r, fib = _equations(arch)
    zeros = sum(1 for p in r.polynomials if p.total_degree() == 1)
    equations = [p for p in r.polynomials if p.total_degree() > 1]
    assert equations
    for i in range(len(equations)):
        rest = [p for p in r.polynomials if p.total_degree() == 1] + equations[:i] + equations[i + 1:]
        cert = length_certificate(rest, dimension=r.dimension, degree=fib.degree, nvars=mu.ambient_dimension)
        assert not cert.closed and not cert.certified
        assert cert.length is None or cert.length > fib.degree
        # and the elimination route agrees that the smaller set is not the whole ideal
        if i == 0:
            assert not certify_by_elimination(mu, tuple(rest))[0]
    assert zeros == len(r.polynomials) - len(equations)


def test_a_wrong_degree_never_certifies():
    """ℓ_p ≥ ℓ_Q ≥ e(R/J) ≥ deg V: only ℓ_p == e closes, whichever side e is wrong on."""
    _, r, fib = _equations("2,2,2 s=2,2")
    right = length_certificate(r.polynomials, dimension=r.dimension, degree=fib.degree)
    assert right.certified
    for wrong in (fib.degree - 1, fib.degree + 1, 2 * fib.degree):
        cert = length_certificate(r.polynomials, dimension=r.dimension, degree=wrong)
        assert not cert.closed and not cert.certified and cert.length == right.length
    # a wrong dimension: too few forms leave an infinite quotient, too many a shorter one
    assert length_certificate(r.polynomials, dimension=r.dimension - 1, degree=fib.degree).length is None
    assert not length_certificate(r.polynomials, dimension=r.dimension + 1, degree=fib.degree).closed


def test_an_uncertified_degree_is_only_conditional():
    _, r, fib = _equations("3,2 s=2")
    cert = length_certificate(r.polynomials, dimension=r.dimension, degree=fib.degree, degree_certified=False)
    assert cert.closed and not cert.certified and "conditional" in cert.text


def test_rational_normal_curves_and_a_non_cohen_macaulay_curve():
    # the rational normal curve of degree d is arithmetically Cohen-Macaulay: closes with deg = d
    for d in (2, 3, 4, 5):
        gens, n, _ = _monomial_curve(list(range(d + 1)))
        cert = length_certificate(gens, dimension=2, degree=d, nvars=n)
        assert cert.certified and cert.length == d
    # the rational quartic (s^4, s^3 t, s t^3, t^4) in P^3 is not Cohen-Macaulay: even its whole
    # ideal (the degree <= 3 binomials generate it) must not pass, whatever the seed
    gens, n, d = _monomial_curve([0, 1, 3, 4])
    for seed in range(3):
        cert = length_certificate(gens, dimension=2, degree=4, nvars=n, seed=seed)
        assert not cert.closed and cert.length == 5


def test_bounds_and_bad_input():
    _, r, fib = _equations("2,2,2 s=2,2")
    cert = length_certificate(r.polynomials, dimension=r.dimension, degree=fib.degree,
                              limits=Limits(max_total_entries=1))
    assert not cert.closed and "max_total_entries" in cert.text
    cert = length_certificate(r.polynomials, dimension=r.dimension, degree=fib.degree,
                              limits=Limits(max_matrix_entries=1))
    assert not cert.closed and "max_matrix_entries" in cert.text
    with pytest.raises(InputError, match="^dimension"):
        length_certificate(r.polynomials, dimension=99, degree=3)
    with pytest.raises(InputError, match="^degree"):
        length_certificate(r.polynomials, dimension=2, degree=0)
    with pytest.raises(InputError, match=r"^polys\[0\]"):
        length_certificate([{(1, 0): 1, (0, 0): 1}], dimension=1, degree=1)
    with pytest.raises(InputError, match=r"^polys\[0\]"):
        length_certificate(["x"], dimension=1, degree=1)
    with pytest.raises(InputError, match="^nvars"):
        length_certificate([], dimension=0, degree=1)
    # fewer equations than the codimension (Krull): refused without a Gröbner basis
    cert = length_certificate(r.polynomials[:1], dimension=r.dimension, degree=fib.degree,
                              nvars=r.ambient_dimension, limits=Limits(max_total_entries=1))
    assert not cert.closed and "Krull" in cert.text
    # V = C^3: the zero ideal is the whole ideal; the section is the origin, of length 1
    assert length_certificate([], dimension=3, degree=1, nvars=3).certified
    assert not length_certificate([], dimension=2, degree=1, nvars=3).closed


def test_flint_polynomials_are_measured_before_their_terms_are_read():
    """The bound on the substituted generators is met from their degrees alone: a request past it
    is refused before any term is read (the terms of a non-homogeneous polynomial, which reading
    rejects, are never looked at); within it the same polynomial is read and rejected."""
    ctx = flint.fmpz_mpoly_ctx.get(("a", "b", "c", "d"), "degrevlex")
    a, b, c, d = ctx.gens()
    bad = [a * b - c, b * c - a * d, c * c - b * d]     # the first is not homogeneous
    cert = length_certificate(bad, dimension=2, degree=3, limits=Limits(max_matrix_entries=5))
    assert not cert.closed and "was not attempted" in cert.text and "may have 9 terms" in cert.text
    with pytest.raises(InputError, match=r"^polys\[0\]: not homogeneous"):
        length_certificate(bad, dimension=2, degree=3)
    # the same count as dicts, which are read (and checked) first
    dicts = [{tuple(int(x) for x in e): int(v) for e, v in f.to_dict().items()} for f in bad]
    with pytest.raises(InputError, match=r"^polys\[0\]: not homogeneous"):
        length_certificate(dicts, dimension=2, degree=3, nvars=4, limits=Limits(max_matrix_entries=5))
    good = [b * b - a * c, c * c - b * d, b * c - a * d]
    assert length_certificate(good, dimension=2, degree=3).certified
    as_dicts = [{tuple(int(x) for x in e): int(v) for e, v in f.to_dict().items()} for f in good]
    assert length_certificate(as_dicts, dimension=2, degree=3, nvars=4).certified


def _reduced_gb_mod_p(polys, nvars):
    dicts = [{tuple(int(x) for x in k): int(v) % P for k, v in p.to_dict().items()} for p in polys]
    return sorted(tuple(sorted(d.items())) for d in groebner_basis(dicts, "degrevlex", modulus=P,
                                                                   nvars=nvars).polys)


def _elimination_mod_p(mu):
    graph, grading = graph_ideal(mu)
    N = mu.num_parameters
    gb = groebner_basis(graph, elimination(N), modulus=P, nvars=len(grading), grading=grading)
    return [mu.coordinate_ring.from_dict({tuple(k[N:]): int(v) for k, v in g.items()})
            for g in gb.polys if all(not any(k[:N]) for k in g)]


@st.composite
def thin_1d(draw):
    """1D architectures with two or three layers and some stride >= 2 (so that V is thin and the
    certificate has something to prove), at most 12 coordinates."""
    layers = draw(st.integers(2, 3))
    sizes = [draw(st.integers(2, 4 if layers == 2 else 3)) for _ in range(layers)]
    strides = [draw(st.integers(1, 3)) for _ in range(layers - 1)] + [1]
    assume(max(strides) >= 2)
    arch = Architecture(tuple((k,) for k in sizes), tuple((s,) for s in strides))
    assume(arch.ambient_dimension <= 12)
    return arch


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(thin_1d())
def test_default_certificate_on_random_1d_architectures(arch):
    """Where the default run certifies by the length certificate, its equations vanish on μ
    (exact substitution) and generate the ideal found by an elimination mod p."""
    mu = Parameterization(arch)
    r = implicit_equations(mu)
    if not (r.certified and "length certificate" in r.certificate):
        return
    assert all(verify_equations(mu, r.polynomials))
    assert r.degree == r.variety_degree
    # layers joined by stride one merged first (the same complex image, fewer weights)
    merged = Parameterization(arch.merged_over_c())
    assert merged.ambient_dimension == mu.ambient_dimension
    if merged.num_parameters + merged.ambient_dimension <= 19:  # the elimination mod p stays fast
        n = mu.ambient_dimension
        assert _reduced_gb_mod_p(r.polynomials, n) == _reduced_gb_mod_p(_elimination_mod_p(merged), n)


def test_a_probabilistic_degree_is_reported_as_conditional():
    """2D: deg V comes from a probabilistic fibre count, so a closed length certificate does not
    certify; the elimination certificate (when attempted) still does."""
    # not a torus-orbit closure, and a layer extends along both axes (2x1,1x2,2x1 s=1x1,1x2 was used
    # here; its layers lie on one axis each, so its degree is now certified, and so is its ideal)
    mu = Parameterization("2x1,2x2 s=1x2")
    r = implicit_equations(mu, limits=Limits(max_certify_generators=1, max_certify_entries=1))
    assert not r.certified and r.status == "complete up to degree 5"
    assert "conditional on the degree" in r.certificate and "probabilistic" in r.certificate
    r = implicit_equations(mu)
    assert r.certified and "elimination certificate" in r.method


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 4), min_size=1, max_size=5), st.integers(1, 3), st.integers(0, 10**6))
def test_the_degree_bound_never_exceeds_the_length_of_a_random_section(degrees, m, seed):
    """The lower bound from the degrees alone (dim R_d - sum dim R_(d-d_i)) against the exact
    length of random homogeneous polynomials of those degrees in m variables, modulo p (a Groebner
    basis); for as many general forms as variables it is the Bezout number."""
    p = 32003
    rng = random.Random(seed)
    ctx = flint.nmod_mpoly_ctx.get(tuple(f"z{j}" for j in range(m)), modulus=p, ordering="degrevlex")
    polys = []
    for d in degrees:
        monos = [e for e in itertools.product(range(d + 1), repeat=m) if sum(e) == d]
        polys.append(ctx.from_dict({e: rng.randrange(1, p) for e in monos}))
    gb = groebner_basis(polys, "degrevlex", modulus=p)
    bound = length_lower_bound(degrees, m)
    if gb.is_zero_dimensional():
        assert bound <= gb.num_solutions()
        if len(degrees) == m:
            assert bound == math.prod(degrees) == gb.num_solutions()


def test_a_quotient_longer_than_the_degree_by_its_degrees_alone_is_refused_without_a_basis():
    """30 septics in 12 variables cut by 4 forms: the quotient in 8 variables keeps every
    monomial of degree <= 6, C(14, 8) = 3003 of them, so its length exceeds 10 whatever the
    septics are; the Groebner basis (Macaulay matrices of millions of entries) is not formed."""
    rng = random.Random(1)
    monos = []
    for combo in itertools.islice(itertools.combinations_with_replacement(range(12), 7), 400):
        monos.append(tuple(combo.count(i) for i in range(12)))
    polys = [{e: rng.randrange(1, 100) for e in rng.sample(monos, 20)} for _ in range(30)]
    cert = length_certificate(polys, dimension=4, degree=10, nvars=12)
    assert not cert.closed and cert.length is None
    bound = length_lower_bound([7] * 30, 8)
    assert bound >= sum(math.comb(d + 7, 7) for d in range(7)) == 3003
    assert f"at least {bound} > 10" in cert.text
