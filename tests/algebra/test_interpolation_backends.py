"""Interpolation with every elimination through float64 BLAS products gives the same ideal
as through FLINT (the reduced echelon forms are unique, so every step must agree)."""

from __future__ import annotations

from unittest import mock

import pytest

import lcnalg.polys.blas_echelon as blas_echelon
import lcnalg.polys.modmat as modmat
from lcnalg import Parameterization
from lcnalg.algebra.implicitization import implicit_equations


@pytest.mark.parametrize("arch, max_degree", [("2x2,2x2", 6), ("3,3,3 s=2,2", None)])
def test_interpolation_with_blas_eliminations_gives_the_same_generators(arch, max_degree):
    kwargs = {"certify": False, "jobs": 1} | ({} if max_degree is None else {"max_degree": max_degree})
    with mock.patch.object(modmat, "BLAS_WORK", 2**62):   # every elimination in FLINT
        flint_run = implicit_equations(Parameterization(arch), **kwargs)
    spy = mock.Mock(wraps=blas_echelon.echelon)
    with mock.patch.object(modmat, "BLAS_WORK", 0), mock.patch.object(blas_echelon, "echelon", spy):
        blas_run = implicit_equations(Parameterization(arch), **kwargs)
    assert spy.call_count > 10   # the eliminations modulo the 31-bit primes did go through BLAS
    assert [str(f) for f in blas_run.polynomials] == [str(f) for f in flint_run.polynomials]
    assert blas_run.num_generators == flint_run.num_generators > 0
    assert blas_run.complete_up_to_degree == flint_run.complete_up_to_degree
