"""p-adic (Dixon) lifting against independent routes: FLINT's exact rational solve on random
integer systems with known rational solutions, and the interpolation's Chinese-remainder lifting
on real architectures (the same equations)."""

from __future__ import annotations

from fractions import Fraction

import flint
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg.algebra.interpolation import InterpolationState, interpolate_degree
from lcnalg.errors import InputError
from lcnalg.parameterization import parameterize
from lcnalg.polys.modular import PRIMES_31
from lcnalg.polys.padic import PRIME, dixon_solve, dixon_solve_rows, residue_primes

P = PRIME


def _exact(M: np.ndarray, B: np.ndarray) -> list[list[Fraction]]:
    """The solutions of the square system ``M y = B`` over Q by FLINT (columns of the solution)."""
    X = flint.fmpq_mat([[int(v) for v in row] for row in M]).solve(flint.fmpq_mat([[int(v) for v in row] for row in B]))
    return [[Fraction(int(X[i, j].p), int(X[i, j].q)) for i in range(M.shape[0])] for j in range(B.shape[1])]


@st.composite
def _systems(draw):
    """A random integer system: ``r`` unknowns, ``m ≥ r`` rows (the extra rows are integer
    combinations of the first ones, so the system stays consistent), entries of up to ``bits`` bits
    (beyond float64 and int64 too), and right-hand sides with rational solutions of random height."""
    r = draw(st.integers(1, 12))
    extra = draw(st.integers(0, 3))
    k = draw(st.integers(1, 4))
    bits = draw(st.sampled_from([3, 20, 70]))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    big = 1 << bits

    def ints(shape):
        return np.array([[int(rng.integers(-2**31, 2**31)) * big // 2**31 for _ in range(shape[1])]
                         for _ in range(shape[0])], dtype=object).reshape(shape)

    M = ints((r, r))
    if flint.fmpz_mat([[int(v) for v in row] for row in M]).det() % P == 0:
        M = M + np.eye(r, dtype=object) * (1 + big)  # a different matrix; it may still be singular mod p
    B = ints((r, k))
    mix = np.array([[int(v) for v in rng.integers(-3, 4, size=r)] for _ in range(extra)], dtype=object).reshape(extra, r)
    return np.vstack([M, mix.dot(M)]) if extra else M, np.vstack([B, mix.dot(B)]) if extra else B


@settings(max_examples=60, deadline=None)
@given(_systems(), st.sampled_from([P, PRIMES_31[0]]))
def test_dixon_equals_exact_solution(system, modulus):
    """Both products: one float64 product per chunk (21-bit modulus), three limbs (31-bit)."""
    M, B = system
    r = M.shape[1]
    out = dixon_solve(M, B, modulus, max_digits=300)
    if flint.fmpz_mat([[int(v) for v in row] for row in M[:r]]).det() % modulus == 0 and out is None:
        return  # (p divides every maximal minor: the lifting declines, nothing is claimed)
    assert out is not None
    expected = _exact(M[:r], B[:r]) if out else []
    assert out == {j: expected[j] for j in range(B.shape[1])}


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 30), st.integers(0, 2**32 - 1))
def test_dixon_known_kernel(n, seed):
    """A rational kernel vector planted in an integer matrix is found: ``A = [d M | −M n]`` has
    the kernel vector ``(n/d, 1)``, so ``d M z = M n`` has the solution ``z = n / d``."""
    rng = np.random.default_rng(seed)
    M = rng.integers(-50, 51, size=(n + 2, n)).astype(object)
    d = int(rng.integers(1, 10**6))
    num = rng.integers(-10**6, 10**6, size=n).astype(object)
    y = [Fraction(int(v), d) for v in num]
    out = dixon_solve(M * d, (M.dot(num)).reshape(-1, 1), P, max_digits=40)
    if out is None:
        return  # d M without full column rank modulo p (the caller falls back)
    assert out == {0: y}


def test_declines_and_bounds():
    assert dixon_solve(np.array([[1, 1], [2, 2]]), np.zeros((2, 1), dtype=np.int64), P) is None
    assert dixon_solve(np.eye(2, dtype=np.int64), np.zeros((2, 0), dtype=np.int64), P) == {}
    # the residues determine integers of height + log2(rows) + 3 bits
    for height, rows in [(1, 1), (90, 11354), (200, 3)]:
        qs = residue_primes(height, rows, P)
        assert P not in qs and np.prod([float(q) for q in qs]) > 2.0 ** (height + 3)


def test_rows_callback_equals_matrix():
    M = np.array([[3, 1, 4], [1, 5, 9], [2, 6, 5], [3, 5, 8]])
    B = np.array([[2, 7], [1, 8], [2, 8], [1, 8]])
    for cache in (0, 4 * 3 * 3):  # no residue matrix kept, one kept and the others evaluated again
        out = dixon_solve_rows(lambda q, i: (M[i] % q).astype(float), lambda q, i: (B[i] % q).astype(float),
                               M.shape, 4, P, cache_bytes=cache)
        assert out == dixon_solve(M, B, P)


@pytest.mark.parametrize("arch, degree", [("2,2 s=2", 4), ("3,3,2 s=2,1", 5), ("2x2,2x1", 5),
                                          ("2x1,2x2,1x2", 5), ("2,2,2,2 s=1,2,1", 5), ("3,2 r=2", 4)])
def test_interpolation_same_equations(arch, degree):
    """Every equation lifted p-adically (``lifting="padic"``) equals the one lifted by Chinese
    remaindering (``"primes"``), and ``"auto"`` too."""
    runs = {}
    for mode in ("primes", "padic", "auto"):
        state = InterpolationState.start(parameterize(arch))
        for _ in range(degree):
            interpolate_degree(state, lifting=mode)
        runs[mode] = (state.generators, state.complete_up_to_degree)
    assert runs["padic"] == runs["primes"] == runs["auto"]


def test_lifting_option_checked():
    state = InterpolationState.start(parameterize("2,2 s=2"))
    with pytest.raises(InputError, match="lifting"):
        interpolate_degree(state, lifting="crt")
