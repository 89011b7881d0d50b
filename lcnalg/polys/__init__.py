"""Exact algebra that knows nothing about networks.

The modules import only :mod:`lcnalg.errors`, :mod:`lcnalg.limits`, :mod:`lcnalg.rings`,
:mod:`lcnalg.printing` and third-party libraries (python-flint, numpy, sympy):

* :mod:`lcnalg.polys.modular` — the one prime table, Chinese remaindering, rational
  reconstruction, multi-modular lifts of vectors.
* :mod:`lcnalg.polys.monomials` — monomial orders and exponent helpers.
* :mod:`lcnalg.polys.monomial_ideals` — minimal generators and standard monomials.
* :mod:`lcnalg.polys.hilbert` — Hilbert numerators and series, dimension and degree of
  monomial ideals.
* :mod:`lcnalg.polys.modmat` — matrices modulo a word-size prime (FLINT ``nmod_mat``):
  monomial evaluation, reduced echelon forms, pivots, canonical kernel bases; exact integer
  nullspaces.
* :mod:`lcnalg.polys.blas_echelon` — echelon forms modulo a prime below ``2^31`` through
  exact float64 BLAS products (the large eliminations of :mod:`lcnalg.polys.modmat`).
* :mod:`lcnalg.polys.minors` — minors of polynomial matrices, their count bounded first.
* :mod:`lcnalg.polys.groebner` — Gröbner bases over GF(p) and Q (F4 on FLINT matrices,
  multi-modular lift verified exactly).
* :mod:`lcnalg.polys.zero_dimensional` — zero-dimensional systems: solutions counted with
  multiplicity, distinct and real (Hermite's quadratic form), rational univariate
  representations and certified enclosures of the real solutions.
* :mod:`lcnalg.polys.real_algebraic` — exact arithmetic at a real algebraic point (a number
  field ``Q(τ)`` with an isolating ball): values, signs and signatures decided exactly.

Submodules are imported on use (``from lcnalg.polys.groebner import groebner_basis``); this
package imports none of them, so that importing one does not load the others.
"""
