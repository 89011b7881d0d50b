r"""The function space of a linear group-convolutional network: dimension, equations, membership.

``M = μ(R^N) ⊆ R[G]`` for the product map ``μ(w) = w_L ⋯ w_1`` of
:class:`~lcnalg.groups.group_algebra.GroupConvParameterization` (windows ``S_l ⊆ G``).

**Dimension.**  The generic rank of ``Jμ``, by the rank sandwich of
:func:`~lcnalg.algebra.dimension.function_space_dimension`: the exact rank modulo ``p`` at a
random point (a proved lower bound) against ``min(N − (L − 1), #coordinates not identically
zero)`` (proved upper bound: ``w_l ↦ λ_l w_l`` with ``Π λ_l = 1`` keeps ``μ`` fixed, with orbits
of dimension ``L − 1`` where every ``w_l ≠ 0``).  Equal bounds certify the dimension.

**Equations.**  The multigraded interpolation of :mod:`lcnalg.algebra.interpolation`, degree
after degree up to ``max_degree``, over the finest torus grading of ``μ`` itself (computed from
its coordinates, :func:`~lcnalg.algebra.grading.finest_grading`: the total degree, plus whatever
else survives).  Without wrap-around (``C_n`` with ``K = Σ S_l (k_l − 1) < n``) the torus weight
``wt(c_m) = m`` of the ordinary convolution survives; with wrap-around only ``m mod n`` does,
which is not a torus grading (docs/theory.md#group-convolutional-networks); for ``C_n`` it is
added as a weight in ``Z/n`` (:attr:`~lcnalg.algebra.grading.Grading.moduli`), which splits the
pieces further.  Every equation is verified exactly by substitution (``g(μ(w)) = 0`` in ``Z[w]``); the
rank sandwich proves that those found generate every equation of degree ``≤ max_degree``; the
whole ideal is certified when ``M`` fills its non-zero coordinates, or by the elimination
certificate (:func:`~lcnalg.algebra.implicitization.certify_by_elimination`).

**Fourier decomposition (cyclic ``G = Z/n``).**  The characters ``χ_j(z) = ζ^j`` (``ζ = e^{2πi/n}``)
are ring homomorphisms ``R[z]/(z^n − 1) → C``, so ``\hat f(χ_j) = Π_l \hat w_l(χ_j)``
(:func:`cyclic_fourier`, exact in ``Q(ζ_n)`` as FLINT polynomials reduced modulo ``Φ_n``).
Pairing ``χ_j`` with ``χ_{−j}`` gives ``R[Z/n] ≅ R × R (n even) × C^{⌊(n−1)/2⌋}``
(:func:`fourier_components`).  ``\hat f`` vanishes at the primitive ``d``-th roots of unity
exactly when ``Φ_d`` divides ``f(z)`` (:func:`cyclotomic_zeros`).  For any abelian group the
characters are computed from the multiplication table (:func:`abelian_characters`,
:func:`abelian_fourier`); for any group the irreducible representations, exact over ``Q(ζ_e)``,
and the Fourier transform ``f ↦ (ρ(f))_ρ`` of ``R[G]`` are in :mod:`lcnalg.groups.representations`.

**Membership** (:func:`group_conv_contains`), in this order, each step exact:

1. ``f = 0``: contained (zero layers).
2. A coordinate outside the products of the windows is non-zero: not contained.
3. ``f`` lies in one layer's window (in particular when a layer ranges over all of ``G``): contained,
   with that layer equal to ``f`` and every other layer the identity ``δ_e`` (``e`` is in every
   window).  So with one full-support layer ``M = R[G]``.
4. ``C_n`` without wrap-around: the product ``Π_l w_l(z^{S_l})`` of the layer polynomials
   (``S_l = s_1 ⋯ s_{l−1}``, all 1 without strides) has degree ``≤ K = Σ S_l (k_l − 1) < n``,
   so it is not reduced: ``M`` is the ordinary function space of ``k_1,…,k_L s=s_1,…`` in the
   coordinates ``c_0..c_K`` (the others zero), and the existing decision
   :func:`lcnalg.real.membership.contains` answers.
5. ``C_n`` with wrap-around, necessary conditions: (a) *Fourier zeros*: if ``f ≠ 0`` then every
   layer ``w_l(z^{S_l})`` is non-zero in ``R[G]``, so it vanishes on a conjugation-closed proper
   subset of the ``n``-th roots of unity with at most ``c_l = min(gcd(n, S_l)(k_l − 1), n − 1)``
   elements (``w_l`` has at most ``k_l − 1`` roots, each hit by ``gcd(n, S_l)`` powers
   ``ζ^{j S_l}``), and these sets cover the zeros of ``\hat f``; with ``p`` conjugate pairs
   (``Φ_d | f``, ``d ≥ 3``, gives ``φ(d)/2``) and ``s`` real zeros (``z = ±1``) among them that
   needs ``p ≤ Σ ⌊c_l/2⌋`` and ``2p + s ≤ Σ c_l``; (b) every verified equation vanishes at ``f``.
   For a non-cyclic ``G`` (a): the zero set of ``\hat f`` over the *linear* characters (all
   characters when ``G`` is abelian; the degree-one irreducibles of
   :func:`~lcnalg.groups.representations.irreducible_representations` otherwise) must be
   covered by zero sets of non-zero real layers on their windows: a linear character is a ring
   homomorphism ``R[G] → C``, so ``\hat f(χ) = Π_l \hat w_l(χ)``.  A real layer vanishing at ``χ``
   vanishes at ``\bar χ``, so the conjugation classes of zeros are shared out among the layers;
   a non-zero real ``w_l`` on ``S_l`` vanishes on a conjugation-closed set ``X`` iff the complex
   system ``(χ(h))_{χ ∈ X, h ∈ S_l}`` has a non-zero solution (its conjugate is one too, so its
   real or imaginary part is a real one), i.e. iff its rank over ``Q(ζ_m)`` (exact) is below
   ``|S_l|``; zero sets only shrink when ``X`` does, so a cover exists iff some assignment of the
   classes works, and every assignment is tried (bounded by ``max_nodes``).
   For a non-abelian ``G`` also the *corank cover* (:mod:`lcnalg.groups.corank_cover`): in every
   component ``Mat_d(D)`` of the real Wedderburn decomposition (:mod:`lcnalg.groups.wedderburn`)
   Sylvester's inequality gives ``corank ρ_c(f) ≤ Σ_l corank ρ_c(w_l)``, and the corank vectors a
   non-zero real layer on its window can reach are decided exactly (linear systems over
   ``Q(ζ_e)`` for a zero block, real points of minors for an intermediate corank when the
   component's matrices are rational); no way of covering the coranks of ``f`` proves ``f ∉ M``.
6. ``C_n`` with wrap-around, a sufficient condition: some lift ``f + (z^n − 1) h`` (``h`` real of
   degree ``≤ K − n``) is in the ordinary function space (the ordinary decision); lcnalg tries
   ``h = 0``, ``±c z^i`` (``c = 1, 2, 1/2``) and seeded random small integer ``h``, up to ``tries``;
   the ordinary witness is a witness.

7. ``C_n`` with wrap-around, the exact lift decision (:func:`~lcnalg.groups.cyclic_lifts.decide_lift`,
   whose module docstring has the proofs): (a) *stride-one fill*: with every layer at cumulative
   stride 1 and ``m = #{l : k_l − 1 odd} ≤ e + 1`` (``e = K − n``) every ``f`` is in ``M``: ``h``
   interpolates ``−f(r)/(r^n − 1)`` at ``m`` rational points ``r ≠ ±1``, so the lift has ``m``
   real roots, and its ordinary witness is the witness; (b) *one free coefficient* (``e = 0``, any
   strides): the root-orbit type of ``F_c = f + c (z^n − 1)`` is constant between the real roots of
   ``c (f_0 − c) ψ_F(c) ψ_R(c)`` (first non-vanishing subresultant coefficients of ``F_c, ∂_z F_c``
   and of the class polynomial ``res_z(F_c, w − z^T), ∂_w``), so a rational sample per interval and
   every critical value (irrational ones exactly over ``Q(c_0)``) decide ``f ∈ M``, with the
   witness ``c`` (``data["lift"]``: critical values, samples, ``h``, the lift, or the algebraic
   ``c`` with its minimal polynomial and isolating interval, and the layers of ``F_c``: exact over
   ``Q(c)`` when each layer's share of the roots is a product of factors of ``F_c`` over ``Q(c)``,
   certified balls otherwise, :mod:`lcnalg.real.algebraic_witness`); (c) *two free coefficients*
   (``e = 1``, any strides; :mod:`lcnalg.groups.lift_plane`): the type of
   ``f + (c0 + c1 z)(z^n − 1)`` is constant on the cells of a cylindrical decomposition of the
   plane adapted to the critical curves (``c1``, ``f_0 − c0``, the first non-vanishing
   subresultant coefficients) and to where they meet the later subresultant coefficients; one
   exact point per cell (rational, or over a number field on the curves) decides ``f ∈ M``; at an
   algebraic point the layers are given as in (b).

For stride one with ``e ≥ 2`` outside the fill, :func:`~lcnalg.groups.cyclic_lifts.decide_lift` (case 4)
also proves "contained" when ``m ≤ e + 1`` plus the number of ``±1`` at which ``f`` vanishes (roots of
every lift), or when a lift with ``e − 1`` real roots placed (at ``0``, ``2``, … or at infinity) has the
remaining ``m − e + 1`` (the plane of lifts of the quotient, decided exactly), and proves "not contained"
when ``m = K`` and three coefficients of ``f`` that no lift changes violate Newton's inequality.  With strides
and ``e ≥ 2`` it proves "contained" when, with some roots of the layers placed (a factor ``z^{S_l} − a``,
``a`` rational with ``|a| ≠ 1``, or a root at infinity), the quotient ``f / Π (z^{S_l} − a)`` modulo
``z^n − 1`` is in the function space of the smaller network (decided exactly: pencil, plane, fill or the
ordinary decision).
Otherwise (``e ≥ 2`` outside these cases) the answer is **undecided**:
``f ∈ M`` iff ``f + (z^n − 1) h`` lies in the ordinary function space for some real ``h`` of degree
``≤ e``, an existential question in ``e + 1`` real variables (stated in ``data["lift"]["remaining"]``;
for stride one: at least ``m`` real roots with multiplicity, ``e − deg h`` of them at infinity),
which step 6 tries only at finitely many exact ``h``, unless step 8 decides.  For non-cyclic groups
steps 1–3, 5 and 8 apply.  The higher-dimensional representations bound nothing from above
(every window contains the identity, so ``ρ(w_l)`` reaches full rank, and a product of non-zero
matrices may vanish); they bound from below through the coranks (the corank cover of step 5).

8. Any finite group (after step 5 for a non-cyclic group; for ``C_n`` with wrap-around after
   step 6, before step 7 when ``e = K − n ≥ 1``, where the plane of lifts and the placed roots take
   seconds to minutes, and after step 7 when ``e = 0``, where the pencil is quick), *the real points
   of the fibre* (:mod:`lcnalg.groups.fibre_membership`, whose
   module docstring has the proof): ``f ≠ 0`` is in ``M`` iff for some choice of one window
   position ``j_l`` per layer ``l < L`` the chart system ``μ(w) = f``, ``w_{l, j_l} = 1``,
   ``w_{l, i} = 0`` (``i < j_l``) has a real solution (rescale each layer of a real preimage by
   its first non-zero weight).  Each chart gets a verified Gröbner basis over ``Q``: unit ideal
   (no solution), zero-dimensional (distinct real solutions counted exactly by Hermite's form,
   a witness from the rational univariate representation, exact or certified balls, multiplied
   back to ``f``) or positive-dimensional (random affine slices, whose real points are the chart's,
   then the critical and singular points of the squared distance to a random point on the zero set
   of codimension-many combinations of the chart's equations, together with the chart's points on
   the other components of that zero set, decided recursively; these contain a real point iff the
   chart has one).  Contained if a chart has a real point, not contained if every chart is empty or
   proved without one, otherwise undecided with the open charts in ``data["fibre"]``.  Bounded by
   ``max_fibre_chart_work`` (the charts' multihomogeneous Bézout numbers) and ``max_lagrange_points``
   (each Lagrange system).  When ``dim M < N − (L − 1)`` (every non-empty fibre positive-dimensional
   modulo the rescalings, e.g. ``C_n`` with stride one and wrap-around) every chart needs slices and
   Lagrange systems, and the step runs only when ``WIDE_FIBRE_FACTOR`` (100) times the estimate is
   within ``max_fibre_chart_work`` (``C3xC2: 2,2,2``: 19, run; ``C4: 2,2,2,2,2,2``: 5056, not run).

References
----------
.. [KMST24] Kohn, Montúfar, Shahverdi, Trager, *Function Space and Critical Points of Linear
   Convolutional Networks*, SIAGA 8 (2024).
.. [CW16] T. Cohen, M. Welling, *Group equivariant convolutional networks*, ICML 2016.
"""

from __future__ import annotations

import itertools
import math
import random
import time
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import flint

from lcnalg import checks
from lcnalg.algebra.dimension import function_space_dimension
from lcnalg.algebra.implicitization import ImplicitEquations
from lcnalg.algebra.grading import Grading, finest_grading
from lcnalg.algebra.plain_interpolation import equations_up_to_degree
from lcnalg.errors import InputError, ResourceLimitError, check
from lcnalg.groups.corank_cover import corank_cover
from lcnalg.groups.cyclic_lifts import decide_lift
from lcnalg.groups.fibre_membership import FibreDecision, chart_work, fibre_membership
from lcnalg.groups.group_algebra import (GroupConvArchitecture, GroupConvParameterization, group_filter,
                                         group_parameterization)
from lcnalg.groups.representations import irreducible_representations
from lcnalg.groups.wedderburn import real_wedderburn
from lcnalg.limits import Limits
from lcnalg.printing import function_space_symbol, latex_paragraph
from lcnalg.real.decision import number_text
from lcnalg.real.membership import ContainmentResult, contains
from lcnalg.results import DimensionResult, Result, Witness

__all__ = ["group_conv_equations", "group_conv_contains", "group_convolution", "read_filter", "cyclic_fourier",
           "abelian_characters", "abelian_fourier",
           "fourier_components", "cyclotomic_zeros", "GroupConvResult"]

#: Default highest degree of the equations.
DEFAULT_MAX_DEGREE = 2


# ------------------------------------------------------------------ equations
def group_conv_equations(mu: GroupConvParameterization | str, *, max_degree: int | None = None, seed: int = 0,
                         certify: bool | None = None, dimension: int | None = None,
                         limits: Limits | None = None) -> ImplicitEquations:
    """Minimal generators, up to ``max_degree``, of the vanishing ideal of ``M`` (module docstring).

    Parameters
    ----------
    mu : GroupConvParameterization or str
    max_degree : int, optional
        Highest degree (default 2).
    seed : int
    certify : bool or None
        Attempt the elimination certificate always (True), never (False), or (None) when the
        equations are at most ``limits.max_certify_generators`` of degree at most
        ``limits.max_certify_degree``.
    dimension : int, optional
        The dimension of ``M`` if known.
    limits : Limits, optional

    Returns
    -------
    ImplicitEquations

    Raises
    ------
    ResourceLimitError
        When a degree up to ``max_degree`` has more than ``limits.max_monomials`` monomials
        (refused before any work), or a graded piece exceeds the interpolation bounds.

    Examples
    --------
    >>> r = group_conv_equations("C5: 2,2,2")      # (a0 + a1 z)(b0 + b1 z)(c0 + c1 z) mod z^5 - 1
    >>> r.equations, r.certified                   # no wrap-around: the product has degree 3
    (('c4',), True)
    >>> group_conv_equations("C4: 3,3").equations  # wrap-around: M fills R^4
    ()
    """
    mu = group_parameterization(mu, limits)
    limits = mu.limits if limits is None else Limits.coerce(limits)
    max_degree = checks.integer(DEFAULT_MAX_DEGREE if max_degree is None else max_degree, "max_degree",
                                low=1, form="a positive integer")
    seed = checks.seed(seed)
    dimension, certify = checks.arguments(dimension=dimension, certify=certify)
    dimension = getattr(dimension, "value", dimension)
    grading = None
    if mu.architecture.cyclic_order is not None:
        # the Z/n grading c_m -> m mod n refines the pieces (docs/theory.md#group-convolutional-networks)
        base, n_order = finest_grading(mu), mu.architecture.order
        grading = Grading(base.variables, tuple(d + (m % n_order,) for d, m in zip(base.degrees, base.variables)),
                          base.zero_coordinates, moduli=(0,) * base.rank + (n_order,))
    return equations_up_to_degree(
        mu, max_degree=max_degree, seed=seed, dimension=dimension, certify=certify, limits=limits,
        architecture=str(mu.architecture), grading=grading,
        method=lambda g: ("multigraded interpolation over GF(p) (finest torus grading of the group-algebra product"
                          + (", refined by c_m -> m mod n" if g.moduli else "")
                          + f", {g.rank} weights, no symmetry), rational reconstruction, exact substitution check"),
        how_to_certify="certify=True (elimination of the graph ideal <c - mu(w)>)")


# ------------------------------------------------------------------ Fourier
#: Largest cyclic group order of the Fourier functions (the transform costs ``n^2`` field additions).
MAX_FOURIER_ORDER = 2000


def _cyclic_order(n: Any) -> int:
    return checks.integer(n, "n", low=1, high=MAX_FOURIER_ORDER,
                          form=f"the order of the cyclic group, 1 <= n <= {MAX_FOURIER_ORDER}")


def read_filter(filt: Any, arch: GroupConvArchitecture | str, *, name: str = "filter") -> tuple[Fraction, ...]:
    """Read an end-to-end filter of ``arch``: ``|G|`` exact numbers, a sequence or comma-separated text.

    Parameters
    ----------
    filt : sequence or str
    arch : GroupConvArchitecture or str
    name : str
        The field named in messages (the command line passes ``--contains``).

    Raises
    ------
    InputError
        For another length or an inexact entry.

    Examples
    --------
    >>> read_filter("1, -2/3, 0", "C3: 2,2")
    (Fraction(1, 1), Fraction(-2, 3), Fraction(0, 1))
    >>> read_filter([1, 2], "C3: 2,2", name="--contains")
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: --contains: expected 3 exact numbers (one per element of the group), got 2
    """
    if not isinstance(name, str):
        raise InputError(f"name: expected a text, got {type(name).__name__}")
    if not isinstance(arch, GroupConvArchitecture):
        arch = GroupConvArchitecture(arch)
    return group_filter(filt, arch.order, name)


def cyclic_fourier(f: Any, n: int) -> tuple[flint.fmpq_poly, ...]:
    r"""The Fourier transform of ``f ∈ Q[Z/n]``: ``\hat f(χ_j) = Σ_m f_m ζ^{jm}`` for ``j = 0..n−1``,
    exact in ``Q(ζ_n)`` (each value a polynomial in ``ζ`` of degree ``< φ(n)``, reduced modulo
    ``Φ_n``).

    Parameters
    ----------
    f : sequence or str
        ``n`` exact numbers (the coefficients of ``z^0..z^{n−1}``).
    n : int

    Returns
    -------
    tuple of flint.fmpq_poly

    Examples
    --------
    >>> [v.coeffs() for v in cyclic_fourier([1, 1, 0, 0], 4)]    # 1 + z at 1, i, -1, -i (ζ = i: Φ_4 = ζ^2 + 1)
    [[2], [1, 1], [], [1, -1]]
    """
    n = _cyclic_order(n)
    values = group_filter(f, n)
    phi = flint.fmpq_poly(flint.fmpz_poly.cyclotomic(n))
    out = []
    for j in range(n):
        coeffs = [flint.fmpq(0)] * n
        for m, v in enumerate(values):
            if v:
                coeffs[(j * m) % n] += flint.fmpq(v.numerator, v.denominator)
        out.append(flint.fmpq_poly(coeffs) % phi)
    return tuple(out)


def fourier_components(n: int) -> tuple[tuple[int, str], ...]:
    """The factors of ``R[Z/n] ≅ R × R (n even) × C^{⌊(n−1)/2⌋}``: one character per pair
    ``{χ_j, χ_{−j}}``, with its field.

    Examples
    --------
    >>> fourier_components(6)
    ((0, 'R'), (3, 'R'), (1, 'C'), (2, 'C'))
    """
    n = _cyclic_order(n)
    out = [(0, "R")]
    if n % 2 == 0:
        out.append((n // 2, "R"))
    out.extend((j, "C") for j in range(1, (n - 1) // 2 + 1))
    return tuple(out)


def cyclotomic_zeros(f: Any, n: int) -> tuple[int, ...]:
    """The divisors ``d`` of ``n`` with ``Φ_d | f(z)``: ``\\hat f`` vanishes exactly at the
    characters ``χ_j`` with ``n / gcd(j, n) = d`` for these ``d``.

    Examples
    --------
    >>> cyclotomic_zeros([1, 1, 1, 0, 0, 0], 6)      # 1 + z + z^2 = Φ_3
    (3,)
    >>> cyclotomic_zeros([1, 0, 0, 0, 0, -1], 6)     # 1 - z^5 vanishes only at z = 1
    (1,)
    """
    n = _cyclic_order(n)
    values = group_filter(f, n)
    poly = flint.fmpq_poly([flint.fmpq(v.numerator, v.denominator) for v in values])
    if poly == 0:
        return tuple(d for d in range(1, n + 1) if n % d == 0)
    return tuple(d for d in range(1, n + 1)
                 if n % d == 0 and poly % flint.fmpq_poly(flint.fmpz_poly.cyclotomic(d)) == 0)


def abelian_characters(mu: GroupConvParameterization | str, *,
                       limits: Limits | None = None) -> tuple[int, tuple[tuple[int, ...], ...]]:
    """The characters of an abelian group, exactly: ``χ(e_h) = ζ_m^{t[h]}`` with ``m`` the exponent.

    A character is a homomorphism ``G → μ_m``; it is fixed by its values on the generators
    ``g_i`` (of orders ``o_i``), which are ``m/o_i``-th multiples of ``ζ_m``.  Each of the ``Π o_i``
    assignments is propagated breadth-first over the multiplication table (``χ(g_i h) =
    χ(g_i) χ(h)``) and kept when consistent; an abelian group has exactly ``|G|`` characters
    (checked), and they diagonalize ``R[G] ⊗ C ≅ C^{|G|}``: ``\\hat f(χ) = Σ_h f_h χ(e_h)``
    is multiplicative (:func:`abelian_fourier`).

    Parameters
    ----------
    mu : GroupConvParameterization or str
        Its group must be abelian.
    limits : Limits, optional
        ``max_equivariant_work`` bounds ``Π o_i · |G| · #generators``.

    Returns
    -------
    (int, tuple of tuple of int)
        The exponent ``m`` and one tuple ``t`` per character (``t[h] ∈ 0..m−1``).

    Raises
    ------
    InputError
        For a non-abelian group (its irreducible representations are not computed).

    Examples
    --------
    >>> m, chars = abelian_characters("C3xC2: 2")
    >>> m, len(chars), chars[0]
    (6, 6, (0, 0, 0, 0, 0, 0))
    """
    mu = group_parameterization(mu, limits)
    limits = mu.limits if limits is None else Limits.coerce(limits)
    table = mu.table
    order = len(table)
    if any(table[i][j] != table[j][i] for i in range(order) for j in range(i)):
        raise InputError(f"mu: the group {mu.architecture.group_text} is not abelian; only characters of abelian "
                         f"groups are computed")
    index = {g: i for i, g in enumerate(mu.elements)}
    gens = [index[g] for g in mu.architecture.group.generators]
    orders = []
    for g in gens:
        k, h = 1, g
        while h != 0:
            h, k = table[g][h], k + 1
        orders.append(k)
    m = math.lcm(*orders)
    limits.check("max_equivariant_work", f"operations enumerating the characters of {mu.architecture.group_text}",
                 math.prod(orders) * order * len(gens))
    chars = []
    for choice in itertools.product(*(range(0, m, m // o) for o in orders)):
        value: list[int | None] = [None] * order
        value[0] = 0
        queue, ok = [0], True
        for h in queue:
            for g, t in zip(gens, choice):
                v = (value[h] + t) % m  # type: ignore[operator]
                target = table[g][h]
                if value[target] is None:
                    value[target] = v
                    queue.append(target)
                elif value[target] != v:
                    ok = False
                    break
            if not ok:
                break
        if ok:
            chars.append(tuple(int(v) for v in value))  # type: ignore[arg-type]
    check(len(chars) == order, f"found {len(chars)} characters of an abelian group of order {order}")
    return m, tuple(chars)


def abelian_fourier(f: Any, mu: GroupConvParameterization | str, *,
                    limits: Limits | None = None) -> tuple[flint.fmpq_poly, ...]:
    """The Fourier transform ``\\hat f(χ) = Σ_h f_h χ(e_h)`` of ``f ∈ Q[G]`` at every character of an
    abelian group (:func:`abelian_characters`), exact in ``Q(ζ_m)`` (polynomials in ``ζ_m`` modulo
    ``Φ_m``).  For ``C<n>`` it is :func:`cyclic_fourier` (characters in the same order).

    Examples
    --------
    >>> [v.coeffs() for v in abelian_fourier([1, 1, 0, 0], "C4: 2")] == [v.coeffs() for v in cyclic_fourier([1, 1, 0, 0], 4)]
    True
    """
    mu = group_parameterization(mu, limits)
    m, chars = abelian_characters(mu, limits=limits)
    values = group_filter(f, len(mu.table))
    phi = flint.fmpq_poly(flint.fmpz_poly.cyclotomic(m))
    out = []
    for t in chars:
        coeffs = [flint.fmpq(0)] * m
        for h, v in enumerate(values):
            if v:
                coeffs[t[h]] += flint.fmpq(v.numerator, v.denominator)
        out.append(flint.fmpq_poly(coeffs) % phi)
    return tuple(out)


def _zero_count(zeros: tuple[int, ...]) -> tuple[int, int]:
    """(conjugate pairs, real zeros) among the roots of unity of the divisors ``zeros``."""
    pairs = singles = 0
    for d in zeros:
        if d <= 2:
            singles += 1
        else:
            totient = sum(1 for k in range(1, d + 1) if math.gcd(k, d) == 1)
            pairs += totient // 2
    return pairs, singles


# ------------------------------------------------------------------ abelian character zeros
def _cyclotomic_rank(rows: list[list[Any]], phi: Any) -> int:
    """The rank over ``Q(ζ_m) = Q[x]/(Φ_m)`` (a field) of a matrix of its elements, by Gauss–Jordan."""
    rows = [list(r) for r in rows]
    rank = 0
    for col in range(len(rows[0]) if rows else 0):
        piv = next((i for i in range(rank, len(rows)) if rows[i][col] != 0), None)
        if piv is None:
            continue
        rows[rank], rows[piv] = rows[piv], rows[rank]
        g, u, _ = rows[rank][col].xgcd(phi)
        inv = (u / g[0]) % phi
        rows[rank] = [(x * inv) % phi for x in rows[rank]]
        for i in range(len(rows)):
            if i != rank and rows[i][col] != 0:
                c = rows[i][col]
                rows[i] = [(a - c * b) % phi for a, b in zip(rows[i], rows[rank])]
        rank += 1
    return rank


def _linear_characters(mu: GroupConvParameterization, limits: Limits) -> tuple[int, list[list[Any]]]:
    """``(m, χ values)``: every linear character of ``G`` as values in ``Q(ζ_m)`` (``fmpq_poly`` modulo
    ``Φ_m``) at the enumerated elements; all characters for an abelian group
    (:func:`abelian_characters`), the degree-one irreducibles otherwise
    (:func:`~lcnalg.groups.representations.irreducible_representations`)."""
    table = mu.table
    order = len(table)
    if all(table[i][j] == table[j][i] for i in range(order) for j in range(i)):
        m, chars = abelian_characters(mu, limits=limits)
        phi = flint.fmpq_poly(flint.fmpz_poly.cyclotomic(m))
        power = [flint.fmpq_poly([0] * t + [1]) % phi for t in range(m)]
        return m, [[power[t[h]] for h in range(order)] for t in chars]
    reps = irreducible_representations(mu.architecture.group, limits=limits)
    check(reps.elements == tuple(mu.elements), "the representations enumerate the group differently")
    return reps.exponent, [[reps.character(c, h) for h in range(order)]
                           for c, d in enumerate(reps.degrees) if d == 1]


def _character_cover(mu: GroupConvParameterization, values: tuple[Fraction, ...],
                     limits: Limits) -> tuple[bool, str] | None:
    r"""Step 5(a) for a non-cyclic group (module docstring): can the zeros of ``\hat f`` at the linear
    characters be shared out among the layers so that each layer vanishes on its share?
    ``(False, reason)`` when not, ``(True, note)`` when a share exists, None when ``\hat f`` has no
    zero there."""
    m, chars = _linear_characters(mu, limits)
    phi = flint.fmpq_poly(flint.fmpz_poly.cyclotomic(m))
    power = [flint.fmpq_poly([0] * t + [1]) % phi for t in range(m)]
    fq = [flint.fmpq(v.numerator, v.denominator) for v in values]
    fhat = [sum((v * x for v, x in zip(fq, chi) if v != 0), flint.fmpq_poly(0)) % phi for chi in chars]
    zeros = [i for i, v in enumerate(fhat) if v == 0]
    if not zeros:
        return None

    def bar(v: Any) -> Any:
        return sum((c * power[(-t) % m] for t, c in enumerate(v.coeffs()) if c != 0), flint.fmpq_poly(0)) % phi

    index = {tuple(str(v) for v in chi): i for i, chi in enumerate(chars)}
    units, seen = [], set()
    for i in zeros:                        # a real layer vanishing at χ vanishes at its conjugate
        if i not in seen:
            j = index[tuple(str(bar(v)) for v in chars[i])]
            seen |= {i, j}
            units.append(frozenset({i, j}))
    positions = mu.architecture.positions
    memo: dict = {}
    budget = limits.budget("max_nodes", "assignments of the Fourier zeros of f to the layers")

    def vanishes(l: int, share: frozenset) -> bool:
        # a non-zero real layer on window S_l vanishes on the conjugation-closed share iff the
        # complex system has a non-zero solution (its real or imaginary part is real), i.e. rank < |S_l|
        key = (l, share)
        if key not in memo:
            budget.spend(len(share) * len(positions[l]))
            rows = [[chars[c][h] for h in positions[l]] for c in sorted(share)]
            memo[key] = _cyclotomic_rank(rows, phi) < len(positions[l])
        return memo[key]

    shares = [frozenset()] * len(positions)

    def place(u: int) -> bool:
        budget.spend()
        if u == len(units):
            return True
        tried = set()
        for l in range(len(positions)):
            new = shares[l] | units[u]
            if (positions[l], shares[l]) in tried:     # identical windows with identical shares: one try
                continue
            tried.add((positions[l], shares[l]))
            if vanishes(l, new):
                old, shares[l] = shares[l], new
                if place(u + 1):
                    return True
                shares[l] = old
        return False

    count = sum(len(u) for u in units)
    if place(0):
        return True, (f"the {count} character zero(s) of the Fourier transform can be shared out among the layers "
                      f"(exact ranks over Q(zeta_{m}))")
    return False, (f"the Fourier transform vanishes at {count} character(s) ({len(units)} conjugation class(es)); "
                   f"no way of sharing them out lets every layer vanish on its share (a non-zero real layer on "
                   f"window S_l vanishes on a set X of characters iff the exact rank of (chi(h))_(chi in X, h in S_l) "
                   f"over Q(zeta_{m}) is below |S_l|; every assignment was tried)")


# ------------------------------------------------------------------ membership
def _evaluate(poly: Any, values: tuple[Fraction, ...]) -> Fraction:
    total = Fraction(0)
    for mono, coeff in poly.terms():
        term = Fraction(int(coeff))
        for v, e in zip(values, mono):
            if e:
                term *= v ** int(e)
        total += term
    return total


def group_conv_contains(mu: GroupConvParameterization | str, filt: Any, *, equations: ImplicitEquations | None = None,
                        seed: int = 0, tries: int = 32, limits: Limits | None = None) -> ContainmentResult:
    """Is an exact end-to-end filter in the real function space ``M``?  (Module docstring, steps 1–8.)

    Parameters
    ----------
    mu : GroupConvParameterization or str
    filt : sequence or str
        ``|G|`` exact numbers, indexed like the coordinates (``C<n>``: coefficients of
        ``z^0..z^{n−1}``), or such text separated by commas.
    equations : ImplicitEquations, optional
        Verified equations of ``M`` (:func:`group_conv_equations`), used as necessary
        conditions; by default those of degree ``≤ 2`` are computed when ``M`` does not fill its
        non-zero coordinates.
    seed : int
        Seed of the random points and of the random lifts.
    tries : int
        How many lifts ``f + (z^n − 1) h`` step 6 tries at most (``h = 0`` first).
    limits : Limits, optional
        Bounds of the ordinary decision (``max_nodes``, ``max_root_work``, ...), of the equations and of
        the fibre charts (``max_fibre_chart_work``, ``max_quotient_dimension``, the Gröbner matrix bounds).

    Returns
    -------
    ContainmentResult
        ``contained`` True (with a witness), False (with the violated condition), or None
        (undecided, with what was tried).

    Raises
    ------
    InputError
        For a filter of the wrong length or with inexact entries.

    Examples
    --------
    >>> group_conv_contains("C5: 2,2,2", "1,0,0,1,0").contained     # no wrap: z^3 + 1 has one real root, needs 3
    False
    >>> group_conv_contains("C3: 2,2,2", "1,1,1").reason            # wrap: Φ_3 needs a layer of size 3
    'the Fourier transform vanishes at 1 conjugate pair(s) and 0 real root(s) of unity; the layers can vanish at no more than 0 pair(s) and 3 roots in all'
    >>> r = group_conv_contains("C3: 2,2,2", "1,0,1")               # z^2 (1 + z) = z^3 + z^2 = 1 + z^2 mod z^3 - 1
    >>> r.contained, r.reason.split(" is ")[0]
    (True, 'f + (z^3 - 1)(1)')
    """
    start = time.perf_counter()
    mu = group_parameterization(mu, limits)
    limits = mu.limits if limits is None else Limits.coerce(limits)
    seed = checks.seed(seed)
    tries = checks.integer(tries, "tries", low=1, high=10**4, form="an integer from 1 to 10000")
    arch = mu.architecture
    order = arch.order
    values = group_filter(filt, order)
    texts = tuple(number_text(v) for v in values)
    windows = arch.windows
    checked: list[str] = []

    def result(contained: bool | None, reason: str, method: str, layers: tuple | None = None,
               exact: bool = True, limitation: str = "", argument: str = "",
               data: dict | None = None) -> ContainmentResult:
        evidence = None if layers is None else Witness(filter=texts, layers=layers, exact=exact,
                                                      note="layer filters on their windows, layer 1 first")
        return ContainmentResult(architecture=str(arch), filter=texts, contained=contained,
                                 certified=contained is not None, method=method, evidence=evidence,
                                 reason=reason, seconds=time.perf_counter() - start, seed=seed,
                                 limitations=limitation if contained is None else "", argument=argument,
                                 data=data or {})

    def fibre_result(fibre: FibreDecision, extra: dict | None = None) -> ContainmentResult:
        method = ("the real points of the fibre: one chart per choice of the first non-zero weight of layers 1..L-1 "
                  "(rescaled to 1), each a verified Groebner basis over Q, zero-dimensional charts counted by "
                  "Hermite's form (lcnalg.groups.fibre_membership)")
        argument = ("f != 0: every layer of a real preimage is non-zero; rescaling layer l < L by the inverse of its "
                    "first non-zero weight (and layer L by the product) keeps mu(w) = f, so f is in M iff some chart "
                    "system has a real solution")
        return result(fibre.contained, fibre.reason, method, fibre.witness, fibre.witness_exact, argument=argument,
                      data={**(extra or {}), "fibre": fibre.to_dict()})

    def identity(k: int) -> tuple[str, ...]:
        return ("1",) + ("0",) * (k - 1)

    # 1. zero
    if not any(values):
        return result(True, "the zero filter (every layer zero)", "zero filter",
                      tuple(("0",) * k for k in windows))
    # 2. coordinates that vanish identically
    outside = [h for h in range(order) if values[h] and h not in mu.support]
    if outside:
        return result(False, f"coordinate c{outside[0]} is not zero, but no product of the windows reaches it",
                      "support of the windows' products")
    # 3. f in one layer's window
    for l, positions in enumerate(arch.positions):
        if all(not v for h, v in enumerate(values) if h not in positions):
            layers = tuple(tuple(texts[g] for g in positions) if j == l else identity(kk)
                           for j, kk in enumerate(windows))
            return result(True, f"f lies in the window of layer {l + 1}: that layer is f, the others the identity",
                          "one layer carries f", layers)
    checked.append("f does not lie in a single window")
    n = arch.cyclic_order
    K = arch.degree
    lcn = arch.lcn_text
    # 4. cyclic without wrap-around: the ordinary function space
    if n is not None and not arch.wraps_around:
        r = contains(lcn, list(values[:K + 1]), limits=limits)
        method = (f"no wrap-around (sum S_l (k_l - 1) = {K} < n = {n}): M is the ordinary function space of {lcn} "
                  f"in c0..c{K}; {r.method}")
        return result(r.contained, r.reason, method, r.witness, r.witness_exact, r.limitations)
    # 5a. Fourier zeros
    if n is not None:
        zeros = cyclotomic_zeros(list(values), n)
        pairs, singles = _zero_count(zeros)
        # layer l is w_l(z^{S_l}): at most gcd(n, S_l)(k_l - 1) zeros among the n-th roots, and not all n
        caps = [min(math.gcd(n, S) * (k - 1), n - 1) for k, S in zip(windows, arch.dilations)]
        cap_pairs = sum(c // 2 for c in caps)
        cap = sum(caps)
        if pairs > cap_pairs or 2 * pairs + singles > cap:
            return result(False, f"the Fourier transform vanishes at {pairs} conjugate pair(s) and {singles} real "
                          f"root(s) of unity; the layers can vanish at no more than {cap_pairs} pair(s) and "
                          f"{cap} roots in all", "Fourier zeros (cyclotomic divisors of f, exact)")
        checked.append(f"Fourier zeros fit (Phi_d | f for d in {list(zeros)})")
    # 5a'. not cyclic: the zeros of the Fourier transform at the linear characters covered by the layers' zero sets
    if n is None:
        try:
            cover = _character_cover(mu, values, limits)
        except ResourceLimitError as err:
            checked.append(f"character zeros not checked ({err})")
        else:
            if cover is not None and cover[0] is False:
                return result(False, cover[1], "Fourier zeros at the characters (the linear ones for a non-abelian "
                              "group; exact ranks over Q(zeta_m), exhaustive cover search)")
            if cover is not None:
                checked.append(cover[1])
    # 5a''. not abelian: the coranks of f in the Wedderburn components covered by the layers' (Sylvester)
    if n is None:
        try:
            wedderburn = real_wedderburn(arch.group, limits=limits)
            corank = (corank_cover(mu, values, seed=seed, limits=limits, wedderburn=wedderburn)
                      if any(c.size > 1 for c in wedderburn.components) else None)
        except ResourceLimitError as err:
            checked.append(f"Wedderburn coranks not checked ({err})")
            corank = None
        if corank is not None:
            if corank.obstructed:
                return result(False, corank.reason, "the corank cover in the real Wedderburn decomposition of R[G] "
                              "(exact ranks over Q(zeta_e), achievable corank vectors decided exactly; "
                              "lcnalg.groups.corank_cover)", argument="f != 0: every layer is non-zero, and "
                              "corank rho_c(w_L ... w_1) <= sum_l corank rho_c(w_l) in every component c",
                              data={"corank": corank.to_dict()})
            checked.append(corank.reason)
    # 5b. equations
    if equations is None:
        dim = function_space_dimension(mu, seed=seed, limits=limits)
        if dim.certified and dim.value == len(mu.support):
            checked.append("M is full-dimensional in its non-zero coordinates (no equation)")
        else:
            try:
                equations = group_conv_equations(mu, max_degree=2, seed=seed, dimension=dim.value, certify=False,
                                                 limits=limits)
            except ResourceLimitError as err:
                checked.append(f"equations not computed ({err})")
    elif str(getattr(equations, "architecture", "")) != str(arch):
        raise InputError(f"equations: computed for {getattr(equations, 'architecture', '?')}, not for {arch}")
    if equations is not None:
        for text, poly in zip(equations.equations, equations.polynomials):
            if _evaluate(poly, values) != 0:
                return result(False, f"the verified equation {text} does not vanish at f",
                              "implicit equation of M (verified by exact substitution)")
        checked.append(f"the {equations.num_generators} equations of degree <= "
                       f"{equations.complete_up_to_degree} vanish")
    if n is None:
        fibre = _fibre_step(mu, values, seed, limits, checked)
        if fibre is not None and fibre.contained is not None:
            return fibre_result(fibre)
        return result(None, "; ".join(checked) + "; no real decision for a non-cyclic group with restricted windows",
                      "necessary conditions only", limitation="membership undecided",
                      data={"fibre": fibre.to_dict()} if fibre is not None else None)
    # 6. lifts f + (z^n - 1) h that factor with the given degrees
    try:
        limits.check("max_coordinates", f"coefficients of each lift f + (z^{n} - 1) h (degree K = {K})", K + 1)
        lifts = _lifts(K - n, tries, seed)
    except ResourceLimitError as err:
        checked.append(f"no lift tried ({err})")
        lifts = []
    tried = 0
    for h in lifts:
        g = [Fraction(0)] * (K + 1)
        for m, v in enumerate(values):
            g[m] += v
        for i, c in enumerate(h):      # (z^n - 1) h
            g[i + n] += c
            g[i] -= c
        try:
            r = contains(lcn, g, limits=limits)
        except ResourceLimitError as err:
            checked.append(f"the ordinary decision on {lcn} was refused ({err})")
            break
        tried += 1
        if r.contained:
            lift = "f itself" if not any(h) else "f + (z^%d - 1)(%s)" % (n, _poly_text(h))
            return result(True, f"{lift} is a product of real polynomials of degrees < k_l ({lcn}), and reduces "
                          f"to f modulo z^{n} - 1: {r.reason}",
                          f"an exact lift of f in the ordinary function space of {lcn}; {r.method}",
                          r.witness, r.witness_exact)
    checked.append(f"none of {tried} lift(s) f + (z^{n} - 1) h tried is in the ordinary function space of {lcn}")
    # 8 before 7 when two or more coefficients of h are free (e = K - n >= 1): the plane of lifts and
    # the placed roots take seconds to minutes, a finite fibre's charts usually well under a second
    fibre = None
    early = K - n >= 1
    if early:
        fibre = _fibre_step(mu, values, seed, limits, checked)
        if fibre is not None and fibre.contained is not None:
            return fibre_result(fibre)
    # 7. the exact lift decision: stride-one fill, or the pencil f + c (z^n - 1) (lcnalg.groups.cyclic_lifts)
    try:
        d = decide_lift(arch, values, limits=limits)
    except ResourceLimitError as err:
        checked.append(f"the exact lift decision was refused ({err})")
        d = None
    if d is not None and d.contained is not None:
        method = {"fill": "stride-one fill: an interpolated exact lift with m real roots (lcnalg.groups.cyclic_lifts)",
                  "pencil": "the pencil f + c (z^n - 1): its root-orbit type is constant between exact critical "
                            "values of c, one sample per interval and each critical value decided exactly "
                            "(lcnalg.groups.cyclic_lifts)",
                  "plane": "the plane of lifts f + (c0 + c1 z)(z^n - 1): its root-orbit type is constant on the cells "
                           "of an exact cylindrical decomposition adapted to the critical curves, one point per cell "
                           "decided exactly (lcnalg.groups.lift_plane)",
                  "reduced": "stride one, e >= 2: a lift with e - 1 of its real roots placed (at rational points or at "
                             "infinity), the rest decided exactly on the plane of lifts of the quotient "
                             "(lcnalg.groups.cyclic_lifts)",
                  "placed": "strides, e >= 2: roots of some layers placed (a factor z^S - a, a rational with "
                            "|a| != 1, or a root at infinity), the quotient g = f / prod (z^S - a) mod z^n - 1 decided "
                            "exactly on the smaller network (lcnalg.groups.cyclic_lifts)",
                  "newton": "stride one, every root real: Newton's inequality at three coefficients no lift changes "
                            "(lcnalg.groups.cyclic_lifts)"}[d.case]
        r = d.ordinary
        layers = r.witness if r is not None and d.contained else None
        exact = r.witness_exact if r is not None else True
        alg = d.algebraic_c or {}
        if layers is None and d.contained and alg.get("layer_balls"):
            # an algebraic lift: certified enclosures here, the exact layers over Q(x) in data["lift"]
            layers, exact = tuple(tuple(q) for q in alg["layer_balls"]), False
        return result(d.contained, d.reason, method, layers, exact, argument=d.argument, data={"lift": d.to_dict()})
    if d is not None:
        checked.append(f"the exact lift decision left it open ({d.case})")
    # 8. the real points of the fibre, chart by chart (lcnalg.groups.fibre_membership), unless tried above
    if not early:
        fibre = _fibre_step(mu, values, seed, limits, checked)
    if fibre is not None and fibre.contained is not None:
        return fibre_result(fibre, {"lift": d.to_dict() if d is not None else {}})
    question = d.remaining if d is not None else (f"is f + (z^{n} - 1) h in the ordinary function space of {lcn} "
                                                  f"for some real h of degree <= {K - n}?")
    data = {"lift": d.to_dict() if d is not None else {}}
    if fibre is not None:
        data["fibre"] = fibre.to_dict()
    return result(None, "; ".join(checked) + f"; undecided: f is in M iff the answer is yes: {question}",
                  "necessary conditions (support, Fourier zeros, equations), exact lifts to the ordinary network "
                  "and the fibre charts", limitation="membership undecided", data=data)


#: Where every fibre is positive-dimensional (dim M < N − (L − 1)) all charts go through slices and Lagrange
#: systems: the fibre step runs there only when ``WIDE_FIBRE_FACTOR`` times the chart estimate is within
#: ``max_fibre_chart_work`` (measured: estimate 19, ``C3xC2: 2,2,2``, at most 0.15 s a filter; 5056,
#: ``C4: 2,2,2,2,2,2``, over 5 minutes for one filter).
WIDE_FIBRE_FACTOR = 100


def _fibre_step(mu: GroupConvParameterization, values: tuple[Fraction, ...], seed: int, limits: Limits,
                checked: list[str]) -> FibreDecision | None:
    """Step 8: :func:`~lcnalg.groups.fibre_membership.fibre_membership`, unless a bound refuses it (noted in
    ``checked``).  When the certified ``dim M < N − (L − 1)`` every non-empty chart is positive-dimensional;
    the charts are then solved only when ``WIDE_FIBRE_FACTOR`` times the chart estimate is within
    ``max_fibre_chart_work``, each Lagrange system within ``max_lagrange_points``."""
    L = mu.architecture.num_layers
    finite = mu.num_parameters - (L - 1)
    try:
        dim = function_space_dimension(mu, seed=seed, limits=limits)
        if dim.certified and dim.value < finite:
            work = chart_work(mu, limits=limits)
            limits.check("max_fibre_chart_work", f"{WIDE_FIBRE_FACTOR} x the multihomogeneous Bezout numbers of "
                         f"the fibre charts of {mu.architecture} (dim M = {dim.value} < N - (L - 1) = {finite}: "
                         f"every chart positive-dimensional)", WIDE_FIBRE_FACTOR * work)
        fibre = fibre_membership(mu, values, seed=seed, limits=limits)
    except ResourceLimitError as err:
        checked.append(f"the fibre charts were not solved ({err})")
        return None
    if fibre.contained is None:
        checked.append(fibre.reason)
    return fibre


def _lifts(degree: int, tries: int, seed: int) -> list[tuple[Fraction, ...]]:
    """The polynomials ``h`` of degree ``≤ degree`` tried in step 6: zero, ``±c z^i``
    (``c = 1, 2, 1/2``), then seeded random integer vectors with entries in ``[−3, 3]``; at
    most ``tries`` of them."""
    size = degree + 1
    out: list[tuple[Fraction, ...]] = [(Fraction(0),) * size]
    for i in range(size):
        for c in (1, -1, 2, -2, Fraction(1, 2), Fraction(-1, 2)):
            h = [Fraction(0)] * size
            h[i] = Fraction(c)
            out.append(tuple(h))
    rng = random.Random(seed)
    while len(out) < tries:
        out.append(tuple(Fraction(rng.randint(-3, 3)) for _ in range(size)))
    return out[:tries]


def _poly_text(h: tuple[Fraction, ...]) -> str:
    terms = [f"{number_text(c)}*z^{i}" if i else number_text(c) for i, c in enumerate(h) if c]
    return " + ".join(terms) or "0"


# ------------------------------------------------------------------ entry point
@dataclass(frozen=True, kw_only=True)
class GroupConvResult(Result):
    """The function space of a linear group-convolutional network.

    Attributes
    ----------
    group : str
    group_order : int
    windows : tuple of int
    cyclic_order : int or None
        ``n`` for ``C<n>``.
    wraps_around : bool or None
        For ``C<n>``: ``Σ (k_l − 1) ≥ n``.
    ordinary : str or None
        For ``C<n>`` without wrap-around: the ordinary architecture with the same function space
        (in the coordinates ``c_0..c_K``).
    num_parameters, ambient_dimension, support_size : int
    dimension : DimensionResult
    equations : ImplicitEquations or None
    membership : ContainmentResult or None
    fourier : tuple of str
        The factors of ``R[Z/n]`` (``"chi_j: R"`` or ``"chi_j: C"``) for ``C<n>``.
    strides : tuple of int
        Strides of layers ``1..L−1`` (``C<n>``).
    degree : int or None
        For ``C<n>``: ``K = Σ S_l (k_l − 1)``, the degree of the unreduced product.
    irreducible_degrees : tuple of int
        With ``irreps``: the degrees ``d_ρ`` of the irreducible representations
        (``C[G] ≅ ⊕_ρ Mat_{d_ρ}(C)``, :func:`~lcnalg.groups.representations.irreducible_representations`).
    characters : tuple of str
        With ``irreps``: the class sizes and the character table, exact in ``Q(ζ_e)`` (one line each).
    wedderburn : tuple of str
        With ``irreps``: the real Wedderburn decomposition ``R[G] ≅ ⊕ Mat_d(D)``
        (:func:`~lcnalg.groups.wedderburn.real_wedderburn`), one line per component after the summary.
    """

    group: str
    group_order: int
    windows: tuple[int, ...]
    cyclic_order: int | None
    wraps_around: bool | None
    ordinary: str | None
    num_parameters: int
    ambient_dimension: int
    support_size: int
    dimension: DimensionResult
    equations: ImplicitEquations | None = None
    membership: ContainmentResult | None = None
    fourier: tuple[str, ...] = ()
    strides: tuple[int, ...] = ()
    degree: int | None = None
    irreducible_degrees: tuple[int, ...] = ()
    characters: tuple[str, ...] = ()
    wedderburn: tuple[str, ...] = ()
    characters_latex: str = field(default="", metadata={"export": False})
    wedderburn_latex: str = field(default="", metadata={"export": False})

    title = "group-convolutional function space"

    def answer(self) -> int:
        return self.dimension.value

    def to_text(self) -> str:
        lines = [f"architecture: {self.architecture} (group {self.group} of order {self.group_order}, "
                 f"{len(self.windows)} layers, {self.num_parameters} weights)"]
        if self.cyclic_order is not None:
            lines.append("wrap-around: " + ("yes (the product of the filter polynomials is reduced mod z^n - 1)"
                                            if self.wraps_around else f"no: same function space as the ordinary "
                                            f"{self.ordinary} (coordinates c0..c{self.degree})"))
            lines.append("Fourier factors: " + ", ".join(self.fourier))
        if self.characters:
            lines.append("irreducible representations (exact over Q(zeta_e), verified; z<e> is zeta_e): "
                         + self.characters[0])
            lines.extend("  " + line for line in self.characters[1:])
        if self.wedderburn:
            lines.append("real Wedderburn decomposition (exact matrices, verified): " + self.wedderburn[0])
            lines.extend(self.wedderburn[1:])
        lines.append(f"dimension: {self.dimension.value} of {self.ambient_dimension} "
                     f"({self.support_size} coordinates not identically zero)  [{self.dimension.provenance()}]")
        if self.equations is not None:
            lines.append(self.equations.to_text())
        if self.membership is not None:
            lines.append(self.membership.to_text())
        return "\n".join(lines)

    def to_latex(self) -> str:
        """The dimension, then what was asked (the irreducible representations, the equations,
        the membership), each a paragraph ready for a document body."""
        parts = [f"% lcnalg group-conv {self.architecture}",
                 rf"$\dim {function_space_symbol(self.architecture)} = {self.dimension.value}$ in "
                 rf"$\mathbb{{R}}^{{{self.ambient_dimension}}}$ ({self.dimension.status.label})."]
        parts += [line for line in (self.characters_latex, self.wedderburn_latex) if line]
        if self.equations is not None:
            parts.append(latex_paragraph(self.equations.to_latex()))
        if self.membership is not None:
            parts.append(latex_paragraph(self.membership.to_latex()))
        return "\n\n".join(parts)


def group_convolution(spec: GroupConvArchitecture | str, *, equations: bool = False, max_degree: int | None = None,
                      contains_filter: Any = None, seed: int = 0, certify: bool | None = None,
                      irreps: bool = False, limits: Limits | None = None) -> GroupConvResult:
    """The function space of a linear group-convolutional network: dimension, and optionally its
    equations up to ``max_degree`` and the membership of a filter.

    Parameters
    ----------
    spec : GroupConvArchitecture or str
        ``"GROUP: k1,k2,..."`` (:class:`~lcnalg.groups.group_algebra.GroupConvArchitecture`).
    equations : bool
        Compute the equations (:func:`group_conv_equations`).
    max_degree : int, optional
        Their highest degree (default 2).
    contains_filter : sequence or str, optional
        Decide this end-to-end filter (:func:`group_conv_contains`).
    seed : int
    certify : bool or None
        As in :func:`group_conv_equations`.
    irreps : bool
        Also compute the irreducible representations of ``G`` exactly
        (:func:`~lcnalg.groups.representations.irreducible_representations`): their degrees and
        the character table, and the real Wedderburn decomposition
        (:func:`~lcnalg.groups.wedderburn.real_wedderburn`).
    limits : Limits, optional

    Returns
    -------
    GroupConvResult

    Examples
    --------
    >>> r = group_convolution("C6: 3,2")
    >>> r.dimension.value, r.wraps_around, r.ordinary
    (4, False, '3,2')
    >>> group_convolution("S3: 3,3").dimension.value     # one equation: a hypersurface in R^6
    5
    """
    start = time.perf_counter()
    limits = Limits.coerce(limits)
    equations = checks.flag(equations, "equations", none=False)
    irreps = checks.flag(irreps, "irreps", none=False)
    seed = checks.seed(seed)
    mu = GroupConvParameterization(spec, limits=limits)
    arch = mu.architecture
    dim = function_space_dimension(mu, seed=seed, limits=limits)
    eqs = group_conv_equations(mu, max_degree=max_degree, seed=seed, certify=certify, dimension=dim.value,
                               limits=limits) if equations else None
    member = None
    if contains_filter is not None:
        member = group_conv_contains(mu, contains_filter, equations=eqs, seed=seed, limits=limits)
    n = arch.cyclic_order
    fourier = tuple(f"chi_{j}: {field}" for j, field in fourier_components(n)) if n is not None else ()
    reps = irreducible_representations(arch.group, limits=limits) if irreps else None
    wedderburn = real_wedderburn(arch.group, limits=limits) if irreps else None
    return GroupConvResult(
        architecture=str(arch), method="group-algebra product; " + dim.method, certified=dim.certified,
        failure_probability=dim.failure_probability, how_to_certify=dim.how_to_certify, seed=seed,
        primes=dim.primes, seconds=time.perf_counter() - start,
        group=arch.group_text, group_order=arch.order, windows=arch.windows, cyclic_order=n,
        wraps_around=arch.wraps_around, ordinary=arch.lcn_text if arch.wraps_around is False else None,
        num_parameters=mu.num_parameters, ambient_dimension=mu.ambient_dimension, support_size=len(mu.support),
        dimension=dim, equations=eqs, membership=member, fourier=fourier, strides=arch.strides,
        degree=arch.degree if n is not None else None,
        irreducible_degrees=reps.degrees if reps is not None else (),
        characters=tuple(reps.to_text().splitlines()) if reps is not None else (),
        wedderburn=tuple(wedderburn.to_text().splitlines()) if wedderburn is not None else (),
        characters_latex=reps.to_latex() if reps is not None else "",
        wedderburn_latex=wedderburn.to_latex() if wedderburn is not None else "")
