"""The boundary of the function space: examples checked against the real-root counts."""

from __future__ import annotations

from fractions import Fraction

import flint

from lcnalg.real.boundary import boundary
from lcnalg.real.membership import contains


def test_boundary_examples():
    b = boundary("2,2,2")
    assert b.is_boundary_point([-2, 5, -4, 1])          # (z-1)^2 (z-2)
    assert not b.is_boundary_point([-6, 11, -6, 1])     # three simple real roots
    assert b.is_boundary_point([0, 0, 0, 0])
    assert b.is_boundary_point([0, 0, 1, 0])            # z^2 · (root at infinity): odd count 1 < 3
    assert not b.is_boundary_point([1, 0, 0, 1])        # outside M
    # perturbing the double root away leaves M: ((z-1)^2 + 1/100)(z-2) is outside
    p = flint.fmpq_poly([flint.fmpq(101, 100), -2, 1]) * flint.fmpq_poly([-2, 1])
    assert not contains("2,2,2", [Fraction(str(x)) for x in p.coeffs()]).contained
    assert "c1^2" in boundary("2,2").discriminant
