"""Gröbner bases over GF(p) and Q: an F4-style engine on FLINT ``nmod_mat``.

Algorithm
---------
*Over GF(p)* (``modulus=p``).  The input is made homogeneous for a positive integer grading
(the given ``grading=``, else the standard grading, the order's weights, or a positive grading
found from the input; if none exists the input is homogenized with one extra variable
``h``).  Then, degree by degree (weighted degree), the critical pairs of the lowest degree
(at most ``MAX_PAIRS_PER_STEP``, smallest lcms first) and all input polynomials of that
degree are put into one Macaulay matrix; symbolic
preprocessing adds one reducer (a monomial multiple of a basis element) for every monomial
divisible by a leading monomial (the active element of smallest index whose leading monomial
divides it; found for a whole generation of monomials at once on their exponent arrays, pairs
whose 64-bit divisibility masks disagree skipped); the matrix is block diagonal by multidegree
(labels from the exponent arrays times the multigrading); in each block the columns are ordered
``[reducer leads | other monomials]``, each part from the largest monomial down (a lexicographic
sort of the exponent arrays times the order's matrix,
:meth:`~lcnalg.polys.monomials.MonomialOrder.matrix`), and the block is reduced with FLINT
``nmod_mat.rref``.  The rows whose pivots fall among the other monomials
are the new basis elements.  Modulo a prime below ``2^31``, in a block of at least
``BLAS_BLOCK_ENTRIES`` entries (smaller ones are faster in FLINT), only those rows are computed: the
reducer rows ``[A | B]`` have ``A`` upper unitriangular, and the rows of the reduced echelon form
with their pivots outside ``A`` are the reduced echelon form of the Schur complement
``D − C A^{-1} B`` of the other rows ``[C | D]`` (it is unique, so the basis is the same); ``C A^{-1}``
is found by blocked substitution, all products exact in float64 BLAS
(:func:`lcnalg.polys.blas_echelon.matmul_mod`).  Pairs are managed with the Gebauer--Möller criteria
(product and chain; the chain criterion among the pairs of a new element tests all of them
at once on exponent arrays: a pair is dropped when an earlier one in an order extending
divisibility has an lcm dividing its own, the same pairs as testing the kept ones only; the
pairs waiting are kept in arrays (``PairQueue``), so the test of the old
pairs against a new leading monomial and the choice of the pairs of a degree are array
operations).  For
homogeneous input this yields the reduced Gröbner basis directly: an element of degree ``d``
never contains a monomial divisible by a leading monomial of degree ``> d``.  For
homogenized input the basis is dehomogenized (``h = 1``) and inter-reduced, which gives the
reduced basis of the original ideal for any monomial order (the order on ``k[x, h]`` compares
the ``x`` part first, so leading monomials dehomogenize to leading monomials).  Modulo ``p``
the homogenized run also divides every new element ``h^k g`` by ``h^k`` (the affine fall of
degree; ``g`` re-enters at its degree), and once the dehomogenized leading monomials leave
finitely many standard monomials it tries the commuting-matrices certificate of
:mod:`lcnalg.polys.groebner.border` after each step, which proves the basis complete without
reducing the remaining pairs (docs/theory.md#affine-groebner).  A block with few rows to
reduce against many reducers is reduced row by row in sparse form when that is estimated
cheaper than the dense elimination.

*Hilbert-driven skipping* (``hilbert_function=``, homogeneous input for the given ``grading``).
When the Hilbert function ``HF(d) = dim (R/I)_d`` of the quotient is known, the pairs of a
degree are dropped as soon as the current leading monomials leave exactly ``HF(d)``
standard monomials of degree ``d``.  Proof: the current elements ``G`` lie in ``I``, so
``<LM(G)>_d ⊆ LM(I)_d`` and the standard monomials of ``G`` in degree ``d`` are at least
``dim (R/I)_d = HF(d)`` many (Macaulay: ``R/I`` and ``R/LM(I)`` have one Hilbert function);
equality forces ``<LM(G)>_d = LM(I)_d``.  A degree-``d`` block of a Macaulay matrix
(critical pairs or inputs, all in ``I_d``) can only add elements whose leading monomials are
standard for ``G`` and lie in ``LM(I)_d``: there are none, so the block adds nothing, and
skipping it leaves the run (and the basis) exactly as it was.  Over GF(p) the argument needs
only ``HF(d) ≤ dim (R/I_p)_d`` (then ``HF(d) = count ≥ dim (R/I_p)_d ≥ HF(d)``), so the
Hilbert function over Q serves every prime of the multi-modular run.  The count
(a pivot recursion on the Hilbert numerator, truncated, kept up to date as below)
is made once per degree that takes more than one step (more than ``MAX_PAIRS_PER_STEP``
pairs), and each new element of that degree then lowers it by one (its leading monomial is
standard for the elements before it); a count below ``HF(d)`` proves the given function wrong
and raises InputError.  For a graph ideal ``<c - mu(w)>`` (the elimination certificate,
docs/theory.md#elimination-certificate) the quotient is ``k[w]`` and ``HF(d)`` is the number of
``w``-monomials of degree ``d``; most blocks of its elimination reduce to zero and are skipped.

*By multidegree* (``grading=`` a matrix ``A``, one row per grading, its rows adding up to the
degree; ``hilbert_function`` on multidegrees).  The same argument holds in each multidegree
``a``: the inputs are homogeneous for every row, so are their S-polynomials and the rows of a
Macaulay block (the blocks are by the finest grading, which refines ``A``), and the standard
monomials of multidegree ``a`` number at least ``HF(a)``, with equality only when
``<LM(G)>_a = LM(I)_a``; the pairs and inputs of a complete multidegree are dropped.  The steps
of a degree then differ from the plain run's (other pairs fill them), but the elements found
still form a Gröbner basis (each dropped pair has a standard representation by the elements
of that moment), and the returned basis is reduced (a later step of a degree can make a tail
monomial of an earlier element a leading monomial; it is reduced away at the end), so it is
the same.  The counts of all the multidegrees of a degree come from the multigraded numerator
of the leading ideal, kept up to date across degrees
(:class:`~lcnalg.polys.hilbert.StandardMonomialCounter`): each new leading monomial ``m``
updates it by ``N(M + <m>) = N(M) - t^{deg m} N(M : m)`` (the standard monomials of ``M`` in
``M + <m>`` are the ``m v``, ``v`` standard for ``M : m``), truncated a few degrees above the
one counted; a degree above the truncation counts from scratch by the truncated pivot
recursion (:func:`~lcnalg.polys.hilbert.standard_monomial_counts`).  For the graph ideal the grading by
layers gives ``HF(a) = prod_l C(a_l + n_l - 1, n_l - 1)``
(:func:`~lcnalg.algebra.implicitization.graph_multigrading`).

*Refined* (``fine_grading=`` rows that grade the input but do not count towards the degree;
``hilbert_function`` on the multidegree followed by their entries).  The argument is the same
in each refined piece (finite: every variable has a positive degree), and a refined piece is
complete before its coarse one.  The refining entries are further digits of the counter's
coded multidegrees; its numerator then has many more terms, so a count that passes
:data:`~lcnalg.polys.hilbert.REFINED_COUNT_TERMS` terms, or twice the entries of the Macaulay
matrices so far, gives the last refining row up for the rest of the run, and the next one if the
count is still too large (counts in the shorter multidegrees, each the sum of ``HF`` over its
refined pieces).  For the graph
ideal of a convolution, the positions along each axis
(:func:`~lcnalg.algebra.elimination_certificate.graph_positions`).

*Over Q* (``modulus=None``).  Multi-modular: the homogeneous stage is run modulo 62-bit
primes; primes whose leading-monomial set differs from the majority are discarded; the
coefficients are combined by CRT and rational reconstruction until one more prime agrees.
The lifted set ``H`` is then **verified exactly over Q** (fmpq arithmetic):

1. every (homogenized) input generator top-reduces to 0 modulo ``H``
   (so ``J := <input> ⊆ <H>``);
2. every critical pair of ``H`` kept by the Gebauer--Möller criteria has an S-polynomial that
   top-reduces to 0 (Buchberger's criterion with the product/chain criteria, so ``H`` is a
   Gröbner basis of ``<H>``);
3. ``<H> ⊆ J``: by the Hilbert-function sandwich of docs/theory.md#mod-p-hilbert: ``J`` is homogeneous; for the
   prime ``p`` used, ``dim (J_p)_d <= dim J_d`` (a Macaulay matrix mod p has rank at most its
   rank over Q) and the mod-p basis computed above is a Gröbner basis of ``J_p`` with the same
   leading monomials as ``H``.  Hence ``HF(R/<LM H>) = HF(R/J_p) >= HF(R/J) >= HF(R/<H>) =
   HF(R/<LM H>)``, so ``J = <H>``.  This step trusts the exact mod-p computation; if an exact
   membership test is supplied (``ideal_test=``, e.g. "vanishes under the parameterization"
   for a graph ideal, docs/theory.md#elimination-certificate) every final element is also checked with it.

If a check fails more primes are added, up to ``max_primes``; then
:class:`~lcnalg.errors.ResourceLimitError` is raised.  For homogenized input the verified
``H`` is dehomogenized and inter-reduced with exact rational arithmetic.

Examples
--------
>>> gb = groebner_basis([{(1, 1): 1, (0, 0): -1}, {(2, 0): 1, (0, 2): -1}], "lex", nvars=2)
>>> gb.polys
[{(1, 0): 1, (0, 3): -1}, {(0, 4): 1, (0, 0): -1}]
>>> gb.certified, gb.num_solutions()
(True, 4)
"""

from lcnalg.polys.groebner._driver import groebner_basis
from lcnalg.polys.groebner.basis import GroebnerBasis

__all__ = ["GroebnerBasis", "groebner_basis"]
