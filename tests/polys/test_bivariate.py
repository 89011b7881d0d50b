"""Bivariate polynomials: absolute factorization, real factors, absolute irreducibility."""

from __future__ import annotations

import flint
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from lcnalg.errors import InputError
from lcnalg.polys.bivariate import (absolute_factorization, absolutely_irreducible_certificate, liouville_bits,
                                    newton_polygon_indecomposable, real_factors)
from lcnalg.polys.mpoly_factor import factor
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


# ------------------------------------------------------------ the FLINT route against sympy's

_FIELDS = [(-2, 0, 1), (-3, 0, 1), (1, 0, 1), (5, 0, 1), (-5, 0, 1), (-2, 0, 0, 1), (-3, 0, 0, 1), (1, 1, 1),
           (-1, -1, 0, 1), (-2, 0, 0, 0, 1), (1, 0, 0, 0, 1), (1, -1, 0, 0, 1), (4, 0, -10, 0, 1)]


@st.composite
def _conjugate_products(draw):
    """Q-irreducible factors of the norm of a random bivariate polynomial over a field of degree
    2 to 4 (Q(√d), a cube root, x^4 − 2, cyclotomic and biquadratic fields): products of
    conjugate factors, and Q-irreducible absolutely irreducible ones."""
    psi = draw(st.sampled_from(_FIELDS))
    k = len(psi) - 1
    dx, dy = draw(st.sampled_from([(1, 0), (0, 1), (1, 1), (2, 1), (1, 2)] if k <= 3 else [(1, 0), (0, 1), (1, 1)]))
    ctx = flint.fmpz_mpoly_ctx.get(("x", "y", "t"), "lex")
    x, y, t = ctx.gens()
    h = ctx.from_dict({})
    for i in range(dx + 1):
        for j in range(dy + 1):
            for e in range(k):
                h += draw(st.integers(-2, 2)) * x**i * y**j * t**e
    lead = x**dx * y**dy
    h += lead                                 # keep the bidegree
    norm = sum((c * t**e for e, c in enumerate(psi)), ctx.from_dict({})).resultant(h, "t")
    _, fac = factor(norm)
    out = []
    for q, _ in fac:
        d = {(int(m[0]), int(m[1])): int(c) for m, c in q.to_dict().items()}
        if max(m[0] for m in d) + max(m[1] for m in d) >= 1:
            out.append(d)
    if draw(st.booleans()):                   # a product over Q of random bivariate integer polynomials
        g = ctx.from_dict({(i, j, 0): draw(st.integers(-3, 3)) for i in range(3) for j in range(3)}) + x**2 * y
        out += [{(int(m[0]), int(m[1])): int(c) for m, c in q.to_dict().items()}
                for q, _ in factor(g)[1] if q.total_degree() >= 1]
    return out


def _product_minus_f_at(af, f, point, prec=256):
    """``lc · Π_classes g_class − f`` at a rational point, in certified balls."""
    with flint.ctx.workprec(prec):
        point = [flint.acb(q) for q in point]
        roots = af.roots(prec)
        val = flint.acb(flint.fmpq(af.lc.numerator, af.lc.denominator))
        for cl in af.classes:
            g = af.factor_at(cl[0], roots)
            val *= sum((c * point[0] ** i * point[1] ** j for (i, j), c in g.items()), flint.acb(0))
        return val - sum((c * point[0] ** i * point[1] ** j for (i, j), c in f.items()), flint.acb(0))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_conjugate_products())
def test_flint_route_agrees_with_sympy_route(polys):
    """Small cases against sympy's route (the same dataclass); larger ones (where sympy takes
    seconds) by the product of the absolute factors at two rational points."""
    for f in polys:
        af = absolute_factorization(f)
        degs = (max(m[0] for m in f), max(m[1] for m in f))
        if af.field_degree ** 2 * (degs[0] + 1) * (degs[1] + 1) <= 150:
            assert af == absolute_factorization(f, method="sympy"), f
            continue
        for point in ((flint.fmpq(3, 7), flint.fmpq(-5, 11)), (flint.fmpq(2), flint.fmpq(1, 3))):
            assert _product_minus_f_at(af, f, point).contains(0), f


def test_flint_route_examples_against_sympy():
    """Absolutely irreducible over a quartic point field (x^4 + x^2 y^2 + y^4 + 7), the norm of
    x + ζ5 y + ζ5^2 (four conjugate lines) and of x^2 + 2^(1/3) y^2 + 2^(2/3) (three conics)."""
    ctx = flint.fmpz_mpoly_ctx.get(("x", "y", "t"), "lex")
    x, y, t = ctx.gens()
    norms = [(t**4 + t**3 + t**2 + t + 1).resultant(x + t * y + t**2, "t"),
             (t**3 - 2).resultant(x**2 + t * y**2 + t**2, "t")]
    polys = [{(4, 0): 1, (2, 2): 1, (0, 4): 1, (0, 0): 7}]
    polys += [{(int(m[0]), int(m[1])): int(c) for m, c in q.to_dict().items()} for q in norms]
    for f in polys:
        _, fac = factor(flint.fmpz_mpoly_ctx.get(("x", "y"), "lex").from_dict(f))
        assert len(fac) == 1 and fac[0][1] == 1                      # irreducible over Q
        af = absolute_factorization(f)
        assert af == absolute_factorization(f, method="sympy")
    assert [len(absolute_factorization(f).classes) for f in polys] == [1, 4, 3]


def test_method_is_checked():
    with pytest.raises(InputError, match="method"):
        absolute_factorization({(1, 0): 1, (0, 1): 1}, method="maple")
