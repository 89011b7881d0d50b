"""The birational route of the singular locus (Sing V = closure of mu(Crit mu) and of the double
points when mu is birational onto P(V)) against the routes that read V's equations: the toric
route, the sandwich, all minors over Q, and the rank of the Jacobian of certified equations at
the sample points of its families."""

from __future__ import annotations

import time

import flint
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lcnalg import Architecture, FunctionSpace, Parameterization
from lcnalg.algebra.degree import fibre_at_sample_2d
from lcnalg.errors import InputError
from lcnalg.singularities.singular_locus import (birational_certificate, certify_critical_family, certify_exchange,
                                                 exchange_families, image_dimension, singular_locus)


def _rank_jg(eqs, n, point):
    vals = [flint.fmpz(int(x)) for x in point]
    return flint.fmpq_mat([[int(g.derivative(j)(*vals)) for j in range(n)] for g in eqs]).rank()


def test_the_two_layer_network_the_sandwich_left_at_0_to_8():
    """3x2,2x2 s=2x2 (77 equations; the sandwich's sections need 11x11 determinants of about
    10^10 terms, all minors about 10^18, Singular does not finish): mu is birational (one
    grouping of certified absolutely irreducible factors at a point of full rank), its one
    exchange family (layer 1 = g(y) A(x^2), layer 2 = c(Y) B(X), A and B exchanged) has an
    image of dimension 5, so dim Sing V = 5, certified without V's equations.  The equations
    (certified) agree: rank J_g < codim at the family's points, = codim at a random point of V."""
    fs = FunctionSpace("3x2,2x2 s=2x2")
    equations = fs.implicit_equations()
    assert equations.certified
    start = time.perf_counter()
    r = singular_locus("3x2,2x2 s=2x2", method="birational", equations=equations, dimension=9)
    assert r.route == "birational" and r.certified and r.dimension == 5 == r.lower_bound == r.upper_bound
    assert time.perf_counter() - start < 20
    (comp,) = r.components
    assert comp.component is True and comp.dimension == 5 and "double points" in comp.description
    eqs, n = equations.polynomials, fs.ambient_dimension
    assert _rank_jg(eqs, n, comp.sample) < r.codimension
    mu = fs.parameterization
    assert _rank_jg(eqs, n, mu.evaluate(mu.random_point(3, bound=20))) == r.codimension
    # the shared family (A = B) is critical, with an image of dimension 4 inside that of the exchange
    fam, other, same = exchange_families(mu)[0]
    crit = certify_critical_family(mu, same, 9)
    assert crit["critical"] is True and crit["jacobian_rank"] == 8 and crit["dimension"] == 4
    assert _rank_jg(eqs, n, mu.evaluate(list(crit["sample"]))) < r.codimension
    double = certify_exchange(mu, fam, other)
    assert double["double"] is True and image_dimension(mu, fam)[:2] == (5, True)
    # auto picks the same answer
    assert singular_locus("3x2,2x2 s=2x2", equations=equations, dimension=9).dimension == 5


@pytest.mark.parametrize("arch", ["3,2 s=2", "3,3 s=2", "4,2 s=2", "2,2,2 s=1,2", "3,3,2 s=1,2",
                                  "2,3,2 s=1,2", "2,2 s=2", "2x2,2x1", "2x1,2x2", "2x2,1x2 s=2x1",
                                  "3x2,1x2 s=2x1"])
def test_against_all_minors_over_q(arch):
    """Two independent routes: the birational route (no equation of V) against all Jacobian
    minors and a verified Groebner basis over Q."""
    a = singular_locus(arch, method="birational")
    b = singular_locus(arch, method="minors")
    assert a.certified and b.certified
    assert a.dimension == b.dimension


@pytest.mark.parametrize("arch", ["2,2 s=2", "2,3 s=3", "3,3 s=3", "2x2,2x2 s=2x2", "2x2,2x1 s=2x2"])
def test_against_the_toric_route(arch):
    """Two layers whose first layer is too short for the stride: no exchange family, so Sing V is
    the vertex, as the torus orbits say."""
    a = singular_locus(arch, method="birational")
    b = singular_locus(arch, method="toric")
    assert a.certified and b.certified and a.dimension == b.dimension == 0
    assert exchange_families(Parameterization(arch)) == []


@pytest.mark.parametrize("arch", ["3,2,2 s=2,2", "3,2,3 s=2,2", "2x1,2x2,1x2 s=2x2,1x1", "3,3,3 s=2,2"])
def test_against_the_sandwich(arch):
    """Where the sandwich (certified families and sections, on certified equations) is certified,
    the birational route agrees: exactly for two layers, within its bounds for more."""
    s = singular_locus(arch, method="sandwich")
    b = singular_locus(arch, method="birational")
    assert s.certified
    assert b.lower_bound <= s.dimension <= b.upper_bound
    if b.certified:
        assert b.dimension == s.dimension


def test_three_layers_give_a_lower_bound_and_the_sandwich_the_upper():
    """2,2,2 s=2,2 (three layers): no exchange or critical family maps off the vertex, so the
    birational route alone has the bounds 0..dim V - 1; auto closes them with the toric route."""
    b = singular_locus("2,2,2 s=2,2", method="birational")
    assert (b.lower_bound, b.upper_bound, b.certified) == (0, 3, False)
    assert singular_locus("2,2,2 s=2,2").dimension == 0


def test_the_theorem_at_the_family_points_with_certified_equations():
    """Every family the birational route certifies is singular for the certified equations of V
    (rank J_g < codim at its sample), and 3x1,2x2 s=2x2, where the sandwich stops at 4..5, is 4
    (Singular: dim(std(I + minor(jacob(I), 4))) = 4 mod 32003 on the ideal without its linear
    equations)."""
    for arch in ("3x1,2x2 s=2x2", "2x3,2x2 s=2x2", "4,3 s=2", "5,2 s=3"):
        fs = FunctionSpace(arch)
        equations = fs.implicit_equations()
        r = singular_locus(arch, method="birational", equations=equations)
        assert r.certified, arch
        if equations.certified:
            for c in r.components:
                assert _rank_jg(equations.polynomials, fs.ambient_dimension, c.sample) < r.codimension, (arch, c)
    assert singular_locus("3x1,2x2 s=2x2").dimension == 4


def test_lower_bound_without_certified_equations():
    """3x2,2x2 s=1x2: the equations found are complete up to degree 5 only (its ideal has
    generators of degree 6), so the sandwich's families are no proof; the birational route needs
    no equation and certifies 7.  Its answer is the one of the full ideal: at a point of the
    family 'separable 2', which the incomplete equations call singular, mu has one preimage of
    full rank, so V is smooth there (Singular's elimination ideal, 49 generators over Q, has
    a Jacobian of rank 7 = codim there)."""
    r = singular_locus("3x2,2x2 s=1x2")
    assert r.route == "birational" and r.certified and r.dimension == 7


def test_refusals():
    with pytest.raises(InputError, match="birational"):
        singular_locus("2x2,2x2", method="birational")    # |F| = 2: the two layers swap
    with pytest.raises(InputError, match="linear networks"):
        singular_locus("2,2 s=2 r=2", method="birational")
    ok, why = birational_certificate(Parameterization("2,2"), 3)
    assert ok is False and "2 point" in why


def test_fibre_at_a_sample_point():
    """The exact fibre count at one point: one grouping for 3x2,2x2 s=2x2, two (the layers swap)
    for 2x2,2x2."""
    theta, size, why = fibre_at_sample_2d(Parameterization("3x2,2x2 s=2x2"), squarefree=True)
    assert size == 1 and why == "" and len(theta) == 10
    assert fibre_at_sample_2d(Parameterization("2x2,2x2"), squarefree=True)[1] == 2


@st.composite
def two_layer(draw):
    d = draw(st.integers(1, 2))
    k1 = tuple(draw(st.integers(1, 4 if d == 1 else 3)) for _ in range(d))
    k2 = tuple(draw(st.integers(1, 3 if d == 1 else 2)) for _ in range(d))
    s = tuple(draw(st.integers(1, 3)) for _ in range(d))
    return Architecture((k1, k2), (s, (1,) * d))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(two_layer())
def test_two_layers_against_the_equations(arch):
    """Random two-layer networks: when mu is birational, the route's answer is certified, and its
    components are singular for the certified equations while random points of V are not."""
    fs = FunctionSpace(arch)
    assume(fs.ambient_dimension <= 12)
    mu = fs.parameterization
    dim_v = fs.dimension.value
    ok, _ = birational_certificate(mu, dim_v)
    assume(ok)
    equations = fs.implicit_equations()
    r = singular_locus(arch, method="birational", equations=equations, dimension=dim_v)
    assert r.certified and r.lower_bound == r.upper_bound
    if equations.certified and equations.polynomials and r.dimension >= 0:
        eqs, n = equations.polynomials, fs.ambient_dimension
        for c in r.components:
            assert _rank_jg(eqs, n, c.sample) < r.codimension
        assert _rank_jg(eqs, n, mu.evaluate(mu.random_point(7, bound=30))) == r.codimension
