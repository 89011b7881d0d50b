"""Echelon forms through float64 BLAS products against FLINT's ``nmod_mat.rref``.

The reduced echelon form is unique, so rank, pivot columns and the entries in the free columns
must be equal; matrices with planted rank, zero and repeated columns, wide and tall, modulo
primes near ``2^31`` (where the float64 bounds are tightest) and small primes, with small
panels so that several panels and the recursion inside a panel are exercised.
"""

from __future__ import annotations

import flint
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg.polys.blas_echelon import INNER, SOLVE_LEAF, echelon, matmul_mod, solve_unitriangular
from lcnalg.polys.modmat import (backend_for, kernel_basis, kernel_reader, leading_pivot_columns, pivot_columns, rank,
                                 rref)
from lcnalg.polys.modular import LIFT_PRIME

PRIMES = [2, 3, 101, 65521, 2147483587, 2147483629, 2147483647]


@st.composite
def planted(draw, max_rows=24, max_cols=30):
    """(A, p, options): A = X·Y mod p of planted rank, with zero and repeated columns; options
    of :func:`echelon` small enough that several panels, the recursion in a panel and the
    panels' second tries are exercised."""
    p = draw(st.sampled_from(PRIMES))
    rows = draw(st.integers(1, max_rows))
    cols = draw(st.integers(1, max_cols))
    rank = draw(st.integers(0, min(rows, cols)))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    if draw(st.booleans()):   # entries near p: the largest products
        X = p - 1 - rng.integers(0, min(p, 3), (rows, rank))
        Y = p - 1 - rng.integers(0, min(p, 3), (rank, cols))
    else:
        X = rng.integers(0, p, (rows, rank))
        Y = rng.integers(0, p, (rank, cols))
    A = (X.astype(object) @ Y.astype(object) % p).astype(np.int64) if rank else np.zeros((rows, cols), np.int64)
    for j in draw(st.lists(st.integers(0, cols - 1), max_size=cols // 2)):
        A[:, j] = 0
    for i, j in draw(st.lists(st.tuples(st.integers(0, cols - 1), st.integers(0, cols - 1)), max_size=4)):
        A[:, j] = A[:, i]
    A[:draw(st.integers(0, rows // 2))] = 0   # leading zero rows: a panel's first try falls short
    options = {"panel": draw(st.integers(1, 12)), "base": draw(st.integers(1, 5)), "extra_rows": draw(st.integers(0, 3))}
    return A, p, options


def _flint(A, p):
    """Rank, pivots and the free columns' entries of FLINT's reduced echelon form."""
    R, rank = flint.nmod_mat(A.tolist(), p).rref()
    E = np.array([[int(R[i, j]) for j in range(A.shape[1])] for i in range(rank)], dtype=np.int64).reshape(
        rank, A.shape[1])
    pivots = [int(np.flatnonzero(E[i])[0]) for i in range(rank)]
    free = [j for j in range(A.shape[1]) if j not in pivots]
    return rank, pivots, free, E[:, free]


@settings(max_examples=150, deadline=None)
@given(planted())
def test_echelon_equals_flint_rref(case):
    A, p, options = case
    ech = echelon(A, p, **options)
    rank, pivots, free, entries = _flint(A, p)
    assert (ech.rank, ech.pivots) == (rank, pivots)
    assert ech.free_entries(free).tolist() == entries.tolist()
    # in A's own memory: the same form
    in_place = echelon(A.copy(), p, overwrite=True, **options)
    assert (in_place.rank, in_place.pivots) == (rank, pivots)
    assert in_place.free_entries(free).tolist() == entries.tolist()


@settings(max_examples=60, deadline=None)
@given(planted())
def test_kernel_vectors_vanish(case):
    A, p, options = case
    ech = echelon(A, p, **options)
    free = [j for j in range(A.shape[1]) if j not in ech.pivots]
    K = np.zeros((len(free), A.shape[1]), dtype=object)
    K[np.arange(len(free)), free] = 1
    if ech.rank and free:
        K[:, ech.pivots] = (-ech.free_entries(free).T.astype(object)) % p
    assert not (A.astype(object) @ K.T % p).any()
    assert len(free) + ech.rank == A.shape[1]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(PRIMES), st.integers(1, 5), st.integers(1, 5), st.integers(0, 2**32 - 1))
def test_matmul_mod_is_exact_beyond_one_inner_block(p, m, n, seed):
    rng = np.random.default_rng(seed)
    k = INNER + 37   # two inner blocks
    X = p - 1 - rng.integers(0, min(p, 2), (m, k))   # the largest entries, the worst case of the bound
    Y = rng.integers(0, p, (k, n))
    got = matmul_mod(X.astype(np.float64), Y.astype(np.float64), p)
    assert got.astype(np.int64).tolist() == (X.astype(object) @ Y.astype(object) % p).tolist()


@settings(max_examples=60, deadline=None)
@given(planted(max_rows=12, max_cols=16))
def test_modmat_gives_the_same_results_with_either_backend(case):
    A, p, _ = case
    ncols = A.shape[1]
    assert rref(A, p, backend="blas")[0].tolist() == rref(A, p, backend="flint")[0].tolist()
    assert rref(A, p, backend="blas")[1] == rref(A, p, backend="flint")[1]
    assert rref(A, p, False, backend="blas")[1] == rref(A, p, False, backend="flint")[1]
    assert pivot_columns(A, p, backend="blas") == pivot_columns(A, p, backend="flint")
    assert rank(A, p, backend="blas") == rank(A, p, backend="flint") == len(pivot_columns(A, p))
    a = kernel_basis(A, p, ncols, backend="blas")
    b = kernel_basis(A, p, ncols, backend="flint")
    assert (a[0], a[1], a[2].tolist()) == (b[0], b[1], b[2].tolist())
    wanted = b[1][::2]
    assert kernel_reader(A, p, ncols, "blas")[2](wanted).tolist() == kernel_reader(A, p, ncols, "flint")[2](wanted).tolist()


def test_default_panels_on_a_larger_matrix():
    # the default panel and recursion on 300 × 400 of rank 250 with a repeated column
    p = 2147483629
    rng = np.random.default_rng(7)
    A = rng.integers(0, 2**15, (300, 250)) @ rng.integers(0, 2**15, (250, 400)) % p   # int64: below 2^39
    A[:, 3] = A[:, 1]
    ech = echelon(A, p)
    rank, pivots, free, entries = _flint(A, p)
    assert (ech.rank, ech.pivots) == (rank, pivots) and rank == 250 and 3 not in pivots
    assert (ech.free_entries(free) == entries).all()
    strided = echelon(np.repeat(A, 2, axis=1)[:, ::2], p, overwrite=True)   # not contiguous: copied
    assert strided.pivots == pivots and (strided.free_entries(free) == entries).all()


def test_backend_choice():
    assert backend_for((5000, 5000), 2147483629) == "blas"
    assert backend_for((5000, 5000), LIFT_PRIME) == "flint"   # 50 bits: FLINT
    assert backend_for((10, 10), 2147483629) == "flint"
    with pytest.raises(ValueError, match="below 2"):
        backend_for((10, 10), LIFT_PRIME, "blas")
    with pytest.raises(ValueError, match="backend"):
        backend_for((10, 10), 7, "lapack")
    with pytest.raises(ValueError, match="modulus"):
        echelon(np.zeros((2, 2), dtype=np.int64), 2**31)


@st.composite
def multiples(draw):
    """(A, p): rows most of which have distinct leading columns (the shape of the products of a
    kernel basis by the variables), some sharing a lead, some combinations of others, some
    random; rows shuffled.  Sizes cross a few leaves of the triangular solve."""
    p = draw(st.sampled_from(PRIMES))
    cols = draw(st.integers(1, 3 * SOLVE_LEAF + 5))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    leads = sorted(rng.choice(cols, size=draw(st.integers(0, cols)), replace=False).tolist())
    rows = []
    for j in leads:
        r = np.zeros(cols, dtype=np.int64)
        r[j] = rng.integers(1, p)
        tail = rng.random(cols - j - 1) < draw(st.sampled_from([0.1, 0.5, 1.0]))
        r[j + 1:][tail] = rng.integers(0, p, int(tail.sum()))
        rows.append(r)
    A = np.array(rows, dtype=np.int64).reshape(len(rows), cols)
    extra = [A]
    if len(rows):
        k = draw(st.integers(0, 6))
        C = rng.integers(0, p, (k, len(rows)))
        extra.append((C.astype(object) @ A.astype(object) % p).astype(np.int64))   # in the span
    extra.append(rng.integers(0, p, (draw(st.integers(0, 3)), cols)))           # generic rows
    A = np.vstack(extra)
    return A[rng.permutation(len(A))], p


@settings(max_examples=150, deadline=None)
@given(st.one_of(multiples(), planted().map(lambda c: (c[0], c[1]))))
def test_leading_pivot_columns_equal_the_rref_pivots(case):
    # the triangular route and FLINT's reduced echelon form have the same pivot columns
    A, p = case
    assert leading_pivot_columns(A, p) == _flint(A, p)[1]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(PRIMES), st.integers(1, 3 * SOLVE_LEAF + 3), st.integers(1, 4), st.integers(0, 2**32 - 1))
def test_solve_unitriangular_solves(p, n, m, seed):
    # X A = C exactly, A upper unitriangular and dense or sparse, beyond one leaf
    rng = np.random.default_rng(seed)
    A = np.triu(rng.integers(0, p, (n, n)) * (rng.random((n, n)) < rng.random()), 1)
    np.fill_diagonal(A, 1)
    C = rng.integers(0, p, (m, n))
    X = C.astype(np.float64)
    solve_unitriangular(X, A.astype(np.float64), p)
    assert ((X.astype(np.int64).astype(object) @ A.astype(object)) % p == C).all()


def test_leading_pivot_columns_beyond_31_bits():
    # a 50-bit prime: the float64 solve does not apply, the echelon form answers
    rng = np.random.default_rng(5)
    A = np.triu(rng.integers(1, 2**40, (6, 8)))
    A = np.vstack([A, (A[0] * 3 + A[2]) % LIFT_PRIME])
    assert leading_pivot_columns(A, LIFT_PRIME) == _flint(A, LIFT_PRIME)[1] == [0, 1, 2, 3, 4, 5]
