"""2D membership: groupings of factors, absolute irreducibility certificates, undecided cases."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import HealthCheck, given, settings, strategies as st

from lcnalg import Architecture, Parameterization
from lcnalg.real.membership import contains
from tests.real.test_planar_real import check_2d_witness, factorization_route

ARCHS_2D = ["2x2,2x2", "2x1,1x2", "2x2,2x2 s=2x2", "2x3,3x2", "2x2,2x1", "3x1,1x3 s=2x1", "2x2,2x2,2x1"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ARCHS_2D), st.data())
def test_images_are_contained(arch, data):
    a = Architecture.parse(arch)
    theta = [data.draw(st.lists(st.integers(-3, 3), min_size=n, max_size=n)) for n in a.filter_sizes]
    filt = Parameterization(a).evaluate(theta)
    res = contains(a, filt)
    assert res.contained is True and res.witness_exact
    assert Parameterization(a).evaluate([[Fraction(x) for x in w] for w in res.witness]) == tuple(
        Fraction(x) for x in filt)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["2x2,2x2", "2x1,1x2", "2x2,2x1"]), st.data())
def test_random_filters_are_decided_consistently(arch, data):
    a = Architecture.parse(arch)
    c = data.draw(st.lists(st.integers(-3, 3), min_size=a.ambient_dimension, max_size=a.ambient_dimension))
    res = contains(a, c)
    if res.contained and res.witness_exact:
        assert Parameterization(a).evaluate([[Fraction(x) for x in w] for w in res.witness]) == tuple(
            Fraction(x) for x in c)
    elif res.contained:
        check_2d_witness(a, c, res)
    assert res.decided and res.certified, res.to_text()
    assert factorization_route(a, c).contained is res.contained


def test_segre_quadric():
    assert contains("2x1,1x2", "1,2;2,4").contained is True
    r = contains("2x1,1x2", "1,2;3,4")             # contents route: 1 + 2y + 3x + 4xy is primitive
    assert r.contained is False and r.certified and "primitive part" in r.reason
    r = factorization_route("2x1,1x2", "1,2;3,4")
    assert r.contained is False and r.certified and "sparse shape" in r.reason


def test_formerly_undecided_is_decided():
    """(x^2+1)(y^2+1) = (x+i)(y+i)·conj: in V, but the factors x^2+1, y^2+1 are irreducible
    over R and fit no 2x2 layer (decided through the absolute factorization)."""
    r = contains("2x2,2x2", "1,0,1;0,0,0;1,0,1")
    assert r.decided is True and r.contained is False and r.status == "certified"
    assert bool(r) is False
    assert "bidegree (2, 0)" in r.reason


def test_zero_2d():
    assert contains("2x2,2x2", [0] * 9).contained is True
