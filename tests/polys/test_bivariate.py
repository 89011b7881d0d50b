"""Bivariate polynomials: absolute factorization, real factors, absolute irreducibility."""

from __future__ import annotations

from lcnalg.polys.bivariate import (absolute_factorization, absolutely_irreducible_certificate, liouville_bits,
                                    newton_polygon_indecomposable, real_factors)
from lcnalg.rings import integer_ring


def test_absolute_factorization_examples():
    # (x^2 - 2y^2)(x^2 + y^2): Q-irreducible pieces, real pair and complex pair
    af = absolute_factorization({(2, 0): 1, (0, 2): -2})
    assert [r.kind for r in real_factors(af, 0)] == ["real", "real"]
    af = absolute_factorization({(2, 0): 1, (0, 2): 1})
    assert [r.kind for r in real_factors(af, 0)] == ["rational"]
    af = absolute_factorization({(3, 0): 1, (0, 3): -2})            # x^3 - 2y^3
    assert sorted(r.kind for r in real_factors(af, 0)) == ["pair", "real"]
    assert liouville_bits(1, 5) == 0 and liouville_bits(4, 3) == 4


def test_gao_and_certificates():
    R = integer_ring(("x", "y"))
    x, y = R.gens()
    assert absolutely_irreducible_certificate(x + y + 1) == "total degree 1"
    assert absolutely_irreducible_certificate(x * y**2 + y + 3).startswith("degree 1")
    assert absolutely_irreducible_certificate(x**2 + y**2) is None       # (x+iy)(x-iy)
    assert absolutely_irreducible_certificate(x**3 + y**2 + 1) is not None
    assert newton_polygon_indecomposable([(0, 0), (3, 0), (0, 2)])
    assert not newton_polygon_indecomposable([(0, 0), (1, 0), (0, 1), (1, 1)])
