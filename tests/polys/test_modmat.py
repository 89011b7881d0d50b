"""Matrices mod p: the canonical kernel basis against FLINT's nullspace, and exact nullspaces."""

from __future__ import annotations

import flint
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg.polys.modmat import (basis_pivot_columns, evaluate_monomials, integer_nullspace, kernel_basis,
                                  pivot_columns, rref)

P = 101


def _matrices(max_rows=6, max_cols=7):
    return st.integers(1, max_rows).flatmap(lambda r: st.integers(1, max_cols).flatmap(
        lambda c: st.lists(st.lists(st.integers(0, 3), min_size=c, max_size=c), min_size=r, max_size=r)))


@settings(max_examples=80, deadline=None)
@given(_matrices())
def test_kernel_basis_spans_the_flint_nullspace(rows):
    A = np.array(rows, dtype=np.int64)
    ncols = A.shape[1]
    rank, free, K = kernel_basis(A, P, ncols)
    M = flint.nmod_mat(rows, P)
    X, nullity = M.nullspace()
    assert rank == M.rank() and len(free) == nullity == ncols - rank
    assert not (A @ K.T % P).any()                      # kernel vectors
    if nullity:
        # same span: K has full rank and adding FLINT's basis does not raise it
        flint_rows = [[int(X[i, j]) for i in range(ncols)] for j in range(nullity)]
        both = np.vstack([K, np.array(flint_rows, dtype=np.int64)])
        assert len(rref(K, P)[1]) == nullity == len(rref(both, P)[1])
        # canonical form: leading column (the largest non-zero) f, 1 there, 0 at the other f's
        for vec, f in zip(K.tolist(), free):
            assert max(j for j, x in enumerate(vec) if x) == f and vec[f] == 1
            assert all(vec[g] == 0 for g in free if g != f)


@settings(max_examples=60, deadline=None)
@given(_matrices())
def test_rref_and_pivot_columns_agree_with_flint(rows):
    A = np.array(rows, dtype=np.int64)
    E, piv = rref(A, P)
    R, rank = flint.nmod_mat(rows, P).rref()
    assert E.tolist() == [[int(x) for x in R.tolist()[i]] for i in range(rank)]
    assert pivot_columns(A, P) == piv


def test_evaluate_monomials_by_hand():
    pool = np.array([[2, 3, 5]], dtype=np.int64)
    monos = np.array([[0, 0, 1], [1, 2, 2]], dtype=np.int64)  # x0^2 x1, x1 x2^2
    assert evaluate_monomials(pool, monos, 1, 7).tolist() == [[12 % 7, 75 % 7]]


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 5).flatmap(lambda n: st.lists(
    st.lists(st.integers(-3, 3), min_size=n, max_size=n), max_size=4).map(lambda r: (r, n))))
def test_integer_nullspace_is_a_basis_of_the_rational_nullspace(data):
    rows, n = data
    basis = integer_nullspace(rows, n)
    rank = flint.fmpq_mat(len(rows), n, [x for r in rows for x in r]).rank() if rows else 0
    assert len(basis) == n - rank
    for v in basis:
        assert all(isinstance(x, int) for x in v)
        assert all(sum(a * b for a, b in zip(r, v)) == 0 for r in rows)
    if basis:
        assert flint.fmpq_mat(len(basis), n, [x for v in basis for x in v]).rank() == len(basis)


@settings(max_examples=80, deadline=None)
@given(_matrices(), st.randoms(use_true_random=False))
def test_basis_pivot_columns_of_a_permuted_kernel_basis_agree_with_pivot_columns(rows, rnd):
    # a canonical kernel basis (identity at its free columns) with its columns shuffled: the
    # pivots read through the orthogonal complement (more rows than half the columns) or
    # directly must be those of the elimination of the matrix itself
    A = np.array(rows, dtype=np.int64)
    ncols = A.shape[1]
    _, free, K = kernel_basis(A, P, ncols)
    if not free:
        return
    perm = list(range(ncols))
    rnd.shuffle(perm)
    B = np.zeros_like(K)
    B[:, perm] = K
    lead = [perm[f] for f in free]
    assert basis_pivot_columns(B, lead, P) == pivot_columns(B, P)


def test_basis_pivot_columns_rejects_a_matrix_without_the_identity():
    with pytest.raises(ValueError, match="identity"):
        basis_pivot_columns(np.array([[1, 2], [3, 1]], dtype=np.int64), [0, 1], P)
