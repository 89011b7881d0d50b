"""An independent membership check for 1D: sympy's exact roots + brute-force assignment."""

from __future__ import annotations

import itertools
from fractions import Fraction

import sympy

TOL = sympy.Float(10) ** -30


def roots_with_multiplicity(coeffs):
    """Roots with multiplicity: sympy's squarefree decomposition, numpy roots of each part."""
    import numpy as np

    z = sympy.Symbol("z")
    expr = sum(sympy.Rational(c.numerator, c.denominator) * z**e for e, c in enumerate(map(Fraction, coeffs)))
    poly = sympy.Poly(expr, z)
    out = []
    for part, mult in poly.sqf_list()[1]:
        co = [float(c) for c in part.all_coeffs()]
        out += [complex(r) for r in np.roots(co)] * mult
    return poly.degree(), out


def _close(a, b):
    return abs(a - b) < 1e-6 * max(1, abs(a))


def _is_closed(sub, t):
    """Multiset closed under conjugation and multiplication by t-th roots of unity."""
    import cmath

    zeta = cmath.exp(2j * cmath.pi / t)
    zeros = sum(1 for r in sub if abs(r) < 1e-9)
    if zeros % t:
        return False
    nz = [r for r in sub if abs(r) >= 1e-9]

    def same_multiset(a, b):
        b = list(b)
        for x in a:
            j = next((i for i, y in enumerate(b) if _close(x, y)), None)
            if j is None:
                return False
            b.pop(j)
        return True

    return same_multiset(nz, [r.conjugate() for r in nz]) and same_multiset(nz, [r * zeta for r in nz])


def brute_contains(layers, coeffs):
    """``layers`` = [(n_l, t_l)]; True iff the roots split into admissible layer root sets."""
    if all(Fraction(c) == 0 for c in coeffs):
        return True
    _, roots = roots_with_multiplicity(coeffs)

    def rec(l, remaining):
        if l == len(layers):
            return not remaining
        n, t = layers[l]
        idx = range(len(remaining))
        for size in range(0, min(n * t, len(remaining)) + 1):
            if size % t:
                continue
            for sub in itertools.combinations(idx, size):
                chosen = [remaining[i] for i in sub]
                if _is_closed(chosen, t):
                    rest = [remaining[i] for i in idx if i not in sub]
                    if rec(l + 1, rest):
                        return True
        return False

    return rec(0, roots)
