"""Minimal generators from a reduced Gröbner basis, and the truncated basis they use: against
plain linear algebra on the Macaulay matrices of the input generators (``dim I_d − dim (m I)_d``,
the graded Nakayama count), and against the whole basis."""

from __future__ import annotations

import itertools
import random

import pytest
from flint import nmod_mat
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lcnalg.errors import InputError
from lcnalg.polys.groebner import groebner_basis
from lcnalg.polys.minimal_generators import minimal_in_degree

P = 32003


def _monomials(n, d):
    return [tuple(sum(1 for i in c if i == v) for v in range(n))
            for c in itertools.combinations_with_replacement(range(n), d)]


def _rank_of_multiples(polys, n, d, p):
    """The rank of all the products ``m f`` of degree ``d`` (``f`` in ``polys``, of degree at most ``d``)."""
    cols = {m: j for j, m in enumerate(_monomials(n, d))}
    rows = []
    for f in polys:
        k = sum(next(iter(f)))
        if k > d:
            continue
        for m in _monomials(n, d - k):
            row = [0] * len(cols)
            for e, c in f.items():
                row[cols[tuple(a + b for a, b in zip(e, m))]] += c
            rows.append([c % p for c in row])
    return nmod_mat(rows, p).rank() if rows else 0


@st.composite
def homogeneous_ideals(draw):
    """A few random homogeneous polynomials mod P in 3 or 4 variables, of degrees 2 to 3, with
    few terms (sparse, so that the ideal is not the whole of a degree at once)."""
    n = draw(st.integers(3, 4))
    rng = random.Random(draw(st.integers(0, 10**9)))
    polys = []
    for _ in range(draw(st.integers(2, 4))):
        d = rng.choice((2, 2, 3))
        monos = _monomials(n, d)
        terms = rng.sample(monos, rng.randint(1, 3))
        polys.append({m: rng.randrange(1, P) for m in terms})
    return n, polys


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(homogeneous_ideals())
def test_minimal_generators_number_what_nakayama_counts(case):
    """In each degree ``d`` up to the basis' highest: ``|M_d| = dim I_d − dim (m I)_d``, both
    ranks of Macaulay matrices of the input (not of the basis); and ``M`` generates the ideal:
    its products have the rank of the input's in every degree."""
    n, polys = case
    gb = groebner_basis(polys, modulus=P, nvars=n)
    basis = list(gb.polys)
    top = max(sum(next(iter(g))) for g in basis)
    chosen = []
    for d in range(1, top + 1):
        minimal = minimal_in_degree(basis, d, P, n)
        whole = _rank_of_multiples(polys, n, d, P)
        below = _rank_of_multiples([f for f in polys if sum(next(iter(f))) < d], n, d, P) if d > 1 else 0
        # (m I)_d: the products of every element of I of degree < d, i.e. of the input below d
        # and of the basis below d: the same span, since the input generates I
        lower = _rank_of_multiples([g for g in basis if sum(next(iter(g))) < d], n, d, P)
        assert below <= lower
        assert len(minimal) == whole - lower
        chosen += [basis[i] for i in minimal]
        assert _rank_of_multiples(chosen, n, d, P) == whole


def test_a_basis_element_made_from_the_ones_below_is_not_minimal():
    """``(x^2 − y^2, xy)``: its reduced basis adds ``y^3 = x·(xy) − y·(x^2 − y^2)``; with the
    three generators ``(x^2, xy, y^3)`` it is one."""
    reduced = groebner_basis([{(2, 0): 1, (0, 2): -1}, {(1, 1): 1}], modulus=7)
    basis = list(reduced.polys)
    assert [next(iter(g)) for g in basis if sum(next(iter(g))) == 3] == [(0, 3)]
    assert minimal_in_degree(basis, 3, 7, 2) == []
    # the Hilbert function below degree 3 given (1, 2, 1: three quadratic monomials, two of them
    # leading), or too short
    assert minimal_in_degree(basis, 3, 7, 2, below=[1, 2, 1]) == []
    with pytest.raises(InputError, match="^below: expected the 3 values"):
        minimal_in_degree(basis, 3, 7, 2, below=[1, 2])
    monomial = [{(2, 0): 1}, {(1, 1): 1}, {(0, 3): 1}]
    assert minimal_in_degree(monomial, 3, 7, 2) == [2]
    assert minimal_in_degree(monomial, 4, 7, 2) == []


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(homogeneous_ideals(), st.integers(2, 5))
def test_the_truncated_basis_is_the_whole_basis_up_to_its_degree(case, top):
    n, polys = case
    whole = groebner_basis(polys, modulus=P, nvars=n)
    cut = groebner_basis(polys, modulus=P, nvars=n, max_degree=top)
    assert list(cut.polys) == [g for g in whole.polys if sum(next(iter(g))) <= top]
    assert "truncated at degree" in cut.method and "truncated" not in whole.method


@pytest.mark.parametrize("bad, why", [(-1, "non-negative int"), (2.5, "non-negative int"), (True, "non-negative int")])
def test_a_bad_truncation_degree_is_refused(bad, why):
    with pytest.raises(InputError, match=f"max_degree: .*{why}"):
        groebner_basis([{(2, 0): 1, (0, 2): -1}], modulus=7, max_degree=bad)


def test_a_truncated_basis_needs_a_prime_and_homogeneous_input():
    with pytest.raises(InputError, match="max_degree: .*modulus=None"):
        groebner_basis([{(2, 0): 1, (0, 2): -1}], max_degree=3)
    with pytest.raises(InputError, match="max_degree: .*non-homogeneous input"):
        groebner_basis([{(2, 0): 1, (0, 0): -1}], modulus=7, max_degree=3)
