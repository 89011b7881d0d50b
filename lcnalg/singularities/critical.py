"""Critical points of the parameterization μ (docs/theory.md#critical-locus).

``θ`` is critical iff ``rank Jμ(θ) < dim M``.  The critical locus is the zero set of the
ideal of maximal (``dim M``-sized) minors of the symbolic Jacobian, computed exactly over
Z.  Its description is split as

    V(minors) = V(G) ∪ V(minors / G),      G = gcd of the minors,

so the hypersurface part ``V(G)`` comes with its irreducible factors over Q (exact
factorization), and the rest is an ideal of codimension ≥ 2 whose dimension is computed by
a Gröbner basis modulo a prime (a dimension mod p: see ``dimension_note``).

In 1D the factors are compared with the *shared (hyper)root* resultants [KMST24]: layers
``l < m`` with ``r = t_{m-1}/t_{l-1}`` share a hyperroot iff ``p_l(y)`` and ``p_m(y^r)``
(binary forms of formal degrees ``k_l-1`` and ``(k_m-1) r``, infinity included) have a
common root, iff their Sylvester resultant ``H_{lm}(θ)`` vanishes.  Stride one is ``r = 1``:
two layer polynomials share a root.

**Two layers: the exact dimension without minors** (:func:`family_critical_bounds`).  For a
linear two-layer network without channels (1D or 2D), ``μ(w) = p_1(x) P_2(x)``, ``P_2 = p_2(x^r)``
(``r`` the first stride, per axis), and ``dim M = N − 1``.  Off the zero layers
``Z_l = {w_l = 0}``, ``θ`` is critical iff it lies on a *shared-factor family*
``φ_σ(q_1, R, q_2) = (q_1 R(x^r), q_2 R)`` for a non-zero degree box ``σ``
(:func:`~lcnalg.singularities._birational.exchange_families`, ``R' = R``): every critical point
is of that form (the proof in :mod:`lcnalg.singularities._birational`, "Critical points", which
uses only ``dim M = N − 1``), and conversely at every such point with ``q_1, q_2 ≠ 0``,
``(q_1 R'(x^r), −q_2 R'(y))`` is in the kernel of ``Jμ`` for every ``R'`` of box ``σ``, a kernel of
dimension ``≥ 2`` where the torus gives 1.  On ``Z_1`` the columns of ``w_1`` are ``x^i P_2``
(independent) and those of ``w_2`` vanish, so ``rank Jμ = k_1`` there (``w_2 ≠ 0``): ``Z_1`` is
critical iff ``k_1 < N − 1``; likewise ``Z_2``; and ``Jμ(0) = 0``.  So
``Crit μ = {0} ∪ Z_1 ∪ Z_2 ∪ ⋃_σ closure φ_σ`` (the critical zero layers only), and its dimension is the largest of ``dim Z_l = N − k_l`` and of the
families' dimensions.  A family's dimension is at most its number of parameters minus one (the
scaling ``(c q_1, R/c, c q_2)`` is in every fibre) and at least the exact rank of ``Jφ_σ`` at an
integer point: when they meet it is exact.  No minor is formed, so the answer does not depend on
``limits.max_minors``; when the minors are formed as well, their mod-``p`` dimension must not be
below the proved one (checked).  With three layers or more, the critical zero layers
(``rank Jμ = k_l`` on ``Z_l``, the same argument), the intersections of two of them (``Jμ = 0``) and the shared-factor families of every pair of
layers whose rank drop is proved by bordered minors of ``Jμ∘φ`` in ``Z[t]``
(:func:`~lcnalg.singularities._birational.certify_critical_family`) give a proved lower bound.
When the maximal minors are beyond their bounds, that lower bound and ``N − 1`` (``μ`` has rank
``dim M`` at a point, so ``Crit μ`` is a proper Zariski-closed subset of ``C^N``) are the answer,
the upper bound lowered to ``N − 2`` when a few maximal minors have no common factor over Q
(:func:`coprime_minors`: a component of dimension ``N − 1`` of their common zeros would be a
hypersurface ``V(h)`` with ``h`` dividing each of them; a common monomial is cleared by a point of
rank ``dim M`` on each of its weights' hyperplanes): certified when they meet, else proved
bounds.  A polynomial network beyond the minors' bounds gets the same upper bound, and the lower
bound of its critical zero layers (below), decided without minors.

**Polynomial networks** (``σ(t) = t^r``, ``r ≥ 2``, docs/theory.md#polynomial-critical-locus).  The
same minors, gcd and residual dimension; the 1D shared-root description is replaced by the
*zero layers* ``Z_l = {w_l = 0}``: for ``r ≥ 2`` every coordinate has degree ``r^{L-l} ≥ 2``
in ``w_l`` when ``l < L``, so the whole Jacobian vanishes on ``Z_l``, and on ``Z_L`` only the
``|k_L|`` columns of ``w_L`` survive; whether ``Z_l`` is critical is decided exactly (every
minor vanishes identically under ``w_l = 0``).  That the zero layers *exhaust* the locus is
decided exactly when it fits the bounds: off ``⋃ Z_l`` a point lies in a chart
``w_{1,i_1} ⋯ w_{L,i_L} ≠ 0``; the rescaling torus and the homogeneity of μ in ``w_L``
preserve ``rank Jμ`` and move the point to the slice ``w_{l,i_l} = 1`` (all ``l``), so the
locus misses the chart iff the maximal minors of ``Jμ`` restricted to that slice generate the
unit ideal, proved by a Gröbner basis over Q (multi-modular, verified exactly).  Then the
critical locus is exactly the union of the critical ``Z_l`` (its dimension certified).
"""

from __future__ import annotations

import itertools
import random
import re
import time
from dataclasses import dataclass, field
from typing import Any, Sequence

import flint

from lcnalg import checks

from lcnalg.algebra.dimension import function_space_dimension, support
from lcnalg.polys.groebner import groebner_basis
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, InternalError, ResourceLimitError
from lcnalg.limits import Limits
from lcnalg.parameterization import Parameterization, parameterize
from lcnalg.printing import latex_escape, poly_latex, poly_text
from lcnalg.results import Result, Status, Tabular
from lcnalg.rings import integer_ring, to_fmpq
from lcnalg.polys.minors import all_minors, count_minors, count_subminors, minor
from lcnalg.polys.modular import GF_PRIME
from lcnalg.polys.mpoly_factor import factor as mpoly_factor
from lcnalg.singularities._birational import certify_critical_family, exchange_families
from lcnalg.singularities._sandwich import image_rank, planted_families

__all__ = [
    "CriticalLocusResult", "CriticalComponent", "CriticalFamily", "critical_locus", "is_critical",
    "shares_hyperroot", "hyperroot_resultants", "shared_root_point", "shared_root_image_dimension",
    "planted_families", "jacobian_minors", "zero_layers_exhaust", "family_critical_bounds", "coprime_minors",
]


def _dimension(mu: Parameterization, dimension: int | None, seed: int) -> int:
    """``dim M``: the given value, or the exact computation of :mod:`lcnalg.algebra.dimension`."""
    if dimension is not None:
        return dimension
    return function_space_dimension(mu, seed=seed).value


def is_critical(arch: Architecture | str, theta: Any, *, dimension: int | None = None, seed: int = 0) -> bool:
    """Exact test: is ``rank Jμ(θ) < dim M`` (rank over Q at a rational point)?

    Parameters
    ----------
    arch : Architecture or str
    theta : sequence
        Exact weights (flat, or one filter per layer).
    dimension : int, optional
        ``dim M`` if known (else computed, with ``seed``).
    seed : int
        Seed of the dimension computation.

    Examples
    --------
    >>> is_critical("2,2", [[1, 1], [1, 1]])   # both layers are z + 1
    True
    >>> is_critical("2,2", [[1, 1], [2, 1]])
    False
    >>> is_critical("2,2 r=2", [[1, 1], [1, 1]]), is_critical("2,2 r=2", [[0, 0], [1, 1]])
    (False, True)
    """
    seed, dimension = checks.arguments(seed=seed, dimension=dimension)
    arch = Architecture.coerce(arch)
    (dimension,) = checks.handed_down(arch, number=True, dimension=dimension)
    mu = parameterize(arch)
    return mu.jacobian_rank(theta) < _dimension(mu, dimension, seed)


def _linear_only(arch: Architecture, what: str) -> None:
    """Refuse a polynomial network (``r ≥ 2``) where only the linear description applies."""
    if arch.activation is not None:
        raise InputError(f"architecture {arch}: {what} is stated for linear networks (no r=); for r >= 2 "
                         "use critical_locus, whose families are the zero layers")


def _sylvester_det(f: Sequence[flint.fmpq], g: Sequence[flint.fmpq]) -> flint.fmpq:
    """Resultant of binary forms with coefficient lists ``f``, ``g`` (formal degrees)."""
    a, b = len(f) - 1, len(g) - 1
    n = a + b
    if n == 0:
        return flint.fmpq(1)
    rows = []
    for i in range(b):
        rows.append([flint.fmpq(0)] * i + list(f[::-1]) + [flint.fmpq(0)] * (b - 1 - i))
    for i in range(a):
        rows.append([flint.fmpq(0)] * i + list(g[::-1]) + [flint.fmpq(0)] * (a - 1 - i))
    return flint.fmpq_mat(rows).det()


def shares_hyperroot(arch: Architecture | str, theta: Any) -> bool:
    """The shared-hyperroot condition at an exact point (1D) -- the description tests compare
    with :func:`is_critical` (docs/theory.md#critical-points; for strides this is lcnalg's reading of [KMST24],
    checked by tests, not proved here).

    True iff (a) a layer is zero and the rank drops because of it (another layer is zero, or
    ``k_l < dim M``), or (b) two layers ``l < m`` with ``r = t_{m-1}/t_{l-1}`` have a common
    *hyperroot orbit*: some root ``β`` of ``p_m`` (projectively) with ``(y^r - β) | p_l(y)``.
    Stride one (``r = 1``): two layer polynomials share a root, infinity included.

    Examples
    --------
    >>> shares_hyperroot("2,2", [[-1, 1], [-1, 2]])   # roots 1 and 1/2
    False
    >>> shares_hyperroot("3,2 s=2", [[-4, 0, 1], [-4, 1]])   # p_1 = y^2 - 4, p_2 = x - 4
    True
    """
    arch = Architecture.coerce(arch)
    _linear_only(arch, "the hyperroot condition")
    if arch.ndim != 1:
        raise InputError(f"architecture {arch}: the hyperroot condition is stated for 1D only")
    mu = Parameterization(arch)
    layers = [[to_fmpq(x, "point") for x in layer] for layer in mu.split(theta)]
    zero = [all(x == 0 for x in layer) for layer in layers]
    dim_m = mu.num_parameters - arch.num_layers + 1
    if sum(zero) >= 2 or any(z and len(layers[i]) < dim_m for i, z in enumerate(zero)):
        return True
    for l, m, r in arch.layer_pairs():
        if zero[l] or zero[m]:
            continue
        P, Q = layers[l], layers[m]
        D = len(P) - 1
        if D < r:
            continue
        # affine roots beta: common root of p_m and every A_i, p_l(y) = sum_i y^i A_i(y^r)
        g = flint.fmpq_poly(Q)
        for i in range(r):
            g = g.gcd(flint.fmpq_poly(P[i::r] or [0]))
        if g.degree() >= 1:
            return True
        # beta = infinity: p_m has a root at infinity and x^r divides the form of p_l
        if Q[-1] == 0 and all(c == 0 for c in P[D - r + 1:]):
            return True
    return False


def hyperroot_resultants(arch: Architecture | str) -> dict[tuple[int, int], flint.fmpz_mpoly]:
    """The resultants ``H_{lm}(w) = Res_y(p_l(y), p_m(y^r))`` in ``Z[w]`` (1D; layers from 1).

    Examples
    --------
    >>> hyperroot_resultants("2,2")[(1, 2)]
    w1_1*w2_0 - w1_0*w2_1
    """
    arch = Architecture.coerce(arch)
    _linear_only(arch, "the hyperroot condition")
    if arch.ndim != 1:
        raise InputError(f"architecture {arch}: the hyperroot condition is stated for 1D only")
    mu = Parameterization(arch)
    names = mu.parameter_names
    ctx = integer_ring(names + ("z_",))
    gens = ctx.gens()
    z = gens[-1]
    polys = []
    for lo, hi in mu.layer_slices:
        polys.append([gens[i] for i in range(lo, hi)])
    out = {}
    for l, m, r in arch.layer_pairs():
        f = sum((c * z ** j for j, c in enumerate(polys[l])), ctx.from_dict({}))
        g = sum((c * z ** (j * r) for j, c in enumerate(polys[m])), ctx.from_dict({}))
        res = f.resultant(g, "z_")
        out[(l + 1, m + 1)] = mu.ring.from_dict({e[:-1]: int(c) for e, c in res.to_dict().items()})
    return out


def shared_root_point(arch: Architecture | str, pair: tuple[int, int], seed: int,
                      root: int | None = None, bound: int = 50) -> tuple[list[list[int]], dict]:
    """A random integer point with a planted shared hyperroot orbit between layers ``pair``.

    ``p_l(y) = (y^r - β) q_l(y)`` and ``p_m(x) = (x - β) q_m(x)`` (``r = t_{m-1}/t_{l-1}``,
    layers numbered from 1) with random integers; other layers random.

    Raises
    ------
    InputError
        When ``k_l - 1 < r`` (no orbit fits into layer ``l``).

    Examples
    --------
    >>> theta, _ = shared_root_point("3,2 s=2", (1, 2), seed=0)
    >>> shares_hyperroot("3,2 s=2", theta), is_critical("3,2 s=2", theta)
    (True, True)
    """
    arch = Architecture.coerce(arch)
    _linear_only(arch, "the shared-hyperroot family")
    l, m = pair[0] - 1, pair[1] - 1
    r = {(a, b): rr for a, b, rr in arch.layer_pairs()}[(l, m)]
    sizes = [f[0] for f in arch.filters]
    if sizes[l] - 1 < r:
        raise InputError(f"layers {pair}: layer {pair[0]} has degree {sizes[l] - 1} < r = {r}")
    rng = random.Random(seed)
    beta = root if root is not None else rng.choice([x for x in range(-9, 10) if x != 0])
    q = {l: [rng.randint(-bound, bound) or 1 for _ in range(sizes[l] - r)],
         m: [rng.randint(-bound, bound) or 1 for _ in range(sizes[m] - 1)]}
    layers = []
    for i, k in enumerate(sizes):
        if i == l:
            layers.append(_mul_binomial(q[l], r, beta, k))
        elif i == m:
            layers.append(_mul_binomial(q[m], 1, beta, k))
        else:
            layers.append([rng.randint(-bound, bound) or 1 for _ in range(k)])
    return layers, {"beta": beta, "r": r, "q": q}


def _mul_binomial(q: list[int], r: int, beta: int, k: int) -> list[int]:
    """Coefficients of ``(y^r - beta) q(y)`` padded to length ``k``."""
    out = [0] * k
    for j, c in enumerate(q):
        out[j + r] += c
        out[j] -= beta * c
    return out


def shared_root_image_dimension(arch: Architecture | str, pair: tuple[int, int], seed: int) -> tuple[int, int]:
    """Dimensions of the planted shared-hyperroot family and of its image under μ.

    Exact ranks over Q, at a random point, of the family map ``φ(β, q_l, q_m, others)`` and of
    ``μ∘φ``: lower bounds that equal the dimensions outside a proper Zariski-closed set.

    Examples
    --------
    >>> shared_root_image_dimension("2,2", (1, 2), seed=0)   # (z-b)^2 q_1 q_2: the discriminant
    (3, 2)
    """
    arch = Architecture.coerce(arch)
    mu = Parameterization(arch)
    theta, data = shared_root_point(arch, pair, seed)
    l, m = pair[0] - 1, pair[1] - 1
    beta, r, q = data["beta"], data["r"], data["q"]
    sizes = [f[0] for f in arch.filters]
    N = mu.num_parameters
    cols: list[list[int]] = []
    col = [0] * N
    for i in (l, m):
        lo = mu.layer_slices[i][0]
        for j, c in enumerate(q[i]):
            col[lo + j] -= c
    cols.append(col)
    for i, rr in ((l, r), (m, 1)):
        lo = mu.layer_slices[i][0]
        for j in range(len(q[i])):
            col = [0] * N
            col[lo + j] = -beta
            col[lo + j + rr] = 1
            cols.append(col)
    for i in range(len(sizes)):
        if i in (l, m):
            continue
        lo, hi = mu.layer_slices[i]
        for j in range(lo, hi):
            col = [0] * N
            col[j] = 1
            cols.append(col)
    jphi = flint.fmpq_mat([[cols[c][row] for c in range(len(cols))] for row in range(N)])
    jmu = mu.jacobian_at(theta)
    return jphi.rank(), (jmu * jphi).rank()


@dataclass(frozen=True)
class CriticalComponent:
    """One irreducible hypersurface component ``{f = 0}`` of the critical locus.

    Attributes
    ----------
    name : str
        ``C1``, ``C2``, …
    equation : str
        The irreducible factor ``f`` over Q (:func:`~lcnalg.printing.poly_text`).
    multiplicity : int
        Its exponent in ``G = gcd(minors)``.
    dimension : int
        ``N - 1`` in parameter space.
    shared_hyperroot_layers : tuple of int
        When ``f`` is a hyperroot resultant vanishing on a planted family: its layers (from 1).
    image_dimension : int or None
        Then the exact rank of ``J(μ∘φ)`` at a random point of the family (a lower bound on the
        dimension of its image under μ, equal generically).
    """

    name: str
    equation: str
    multiplicity: int
    dimension: int
    shared_hyperroot_layers: tuple[int, ...] = ()
    image_dimension: int | None = None


@dataclass(frozen=True)
class CriticalFamily:
    """A planted family of critical points (1D).

    Attributes
    ----------
    kind : str
        ``"shared hyperroot orbit"`` or ``"zero layer"``.
    layers : tuple of int
        The layers involved (from 1).
    dimension : int
        Exact rank of the family map at a random point (its dimension generically).
    image_dimension : int
        Exact rank of ``J(μ∘φ)`` there: the dimension of its image under μ generically.
    critical : bool
        ``rank Jμ < dim M`` at that point (exact).
    """

    kind: str
    layers: tuple[int, ...]
    dimension: int
    image_dimension: int
    critical: bool


@dataclass(frozen=True, kw_only=True)
class CriticalLocusResult(Tabular, Result):
    """The critical locus ``{θ : rank Jμ(θ) < dim M}`` in the filter coordinates.

    Attributes
    ----------
    dimension_of_function_space : int
        ``r = dim M``; the locus is cut out by the ``r × r`` minors of ``Jμ``.
    num_parameters : int
    num_minors : int
        Number of distinct non-zero maximal minors (up to sign).
    dimension : int
        Dimension of the critical locus in parameter space (``-1`` if empty): ``N - 1`` when
        there is a hypersurface part (proved), else the mod-p dimension of the rest (an upper
        bound, equal over Q for all but finitely many p).
    lower_bound : int
        A proved lower bound on that dimension (``N - 1`` from a hypersurface factor; else 0:
        every minor vanishes at ``θ = 0``).
    hypersurface_factors : tuple of str
        Irreducible factors over Q of ``G = gcd(minors)``, exact.
    hypersurface_multiplicities : tuple of int
    residual_dimension : int
        Dimension of ``V(minors / G)`` (mod p), ``-1`` if empty; its upper bound ``N - 2``
        when its Gröbner basis passed ``limits.max_locus_entries`` (said in ``limitations``).
    residual_computed : bool
        False in that case.
    hyperroot_resultants : dict
        ``"l,m"`` → ``H_{lm}`` (1D only).
    matches_hyperroots : bool or None
        1D stride one: the irreducible factors of ``G`` are exactly those of the pairwise
        resultants ``H_{lm}`` (exact).  1D with strides: every planted family (shared
        hyperroot orbit, zero layer) is critical and the largest family dimension equals
        the computed dimension of the locus (a dimension-level comparison; that the families
        exhaust the locus is not proved).  None in 2D, and with strides when the residual
        dimension is only bounded.
    families : tuple of CriticalFamily
        1D linear: the planted families.  Polynomial networks (``r ≥ 2``): the zero layers
        ``{w_l = 0}`` (kind ``"zero layer"``, ``critical`` decided exactly: every minor vanishes
        identically on it).
    matches_zero_layers : bool or None
        Polynomial networks: True when the critical locus is proved to be exactly the union
        of the critical zero layers (:func:`zero_layers_exhaust`); False when a chart off the
        zero layers meets it; None when not decided (reason in ``zero_layers_note``) or linear.
    zero_layers_note : str
        How the exhaustion was decided, or why not.
    minors_formed : bool
        False when the maximal minors were beyond their bound and a two-layer network's
        dimension came from its families alone (:func:`family_critical_bounds`).
    components : tuple of CriticalComponent
        One per hypersurface factor.
    minors : tuple
        The minors (``fmpz_mpoly``; not exported).

    The :attr:`status` is certified when the bounds meet, else ``bounds lower..dimension``.

    Examples
    --------
    >>> r = critical_locus("2,2")
    >>> r.dimension, str(r.status), r.components[0].name, r.components[0].shared_hyperroot_layers
    (3, 'certified', 'C1', (1, 2))
    >>> str(critical_locus("3,2 s=2").status)   # no hypersurface part: two layers, proved by the families
    'certified'
    >>> from lcnalg import Limits   # without the families: the minors' dimension mod p, an upper bound
    >>> str(critical_locus("3,2 s=2", limits=Limits(max_family_work=1)).status)
    'bounds 0..3'

    """

    dimension_of_function_space: int
    num_parameters: int
    num_minors: int
    dimension: int
    hypersurface_factors: tuple[str, ...]
    hypersurface_multiplicities: tuple[int, ...]
    residual_dimension: int
    lower_bound: int = -1
    residual_computed: bool = True
    hyperroot_resultants: dict = field(default_factory=dict)
    matches_hyperroots: bool | None = None
    components: tuple[CriticalComponent, ...] = ()
    families: tuple[CriticalFamily, ...] = ()
    matches_zero_layers: bool | None = None
    zero_layers_note: str = ""
    minors_formed: bool = True
    minors: tuple = field(default=(), repr=False, compare=False, metadata={"export": False})

    title = "critical locus"

    @property
    def status(self) -> Status:
        """Certified when the dimension is proved (a hypersurface part), else the proved bounds."""
        if self.certified:
            return Status.certified()
        return Status.bounds(self.lower_bound, self.dimension, reason=self.limitations)

    def answer(self) -> int:
        return self.dimension

    def to_text(self) -> str:
        lines = [
            f"critical locus of mu for {self.architecture}: rank J(theta) < dim M = {self.dimension_of_function_space}",
            (f"  {self.num_minors} distinct maximal minors" if self.minors_formed else
             "  maximal minors not formed" + "".join(f" (beyond {m.group(1)}: the hypersurface factors are not listed)"
                                                     for m in [re.search(r"\(CLI: (--[a-z-]+)\)", self.limitations)]
                                                     if m))
            + (f"; locus of dimension {self.dimension} in R^{self.num_parameters} "
               f"(codimension {self.num_parameters - self.dimension})"
               if self.certified or self.lower_bound >= self.dimension else
               f"; locus of dimension between {self.lower_bound} and {self.dimension} (proved bounds) in "
               f"R^{self.num_parameters}"),
        ]
        for comp in self.components:
            img = comp.image_dimension
            lines.append(f"  hypersurface component {comp.name}: {comp.equation} = 0"
                         + (f"  (image under mu: dimension {img})" if img is not None else ""))
        if self.minors_formed:
            lines.append(f"  lower-dimensional part V(minors/gcd): dimension "
                         f"{'' if self.residual_computed else 'at most '}{self.residual_dimension}")
        for fam in self.families:
            lines.append(f"  family {fam.kind} {list(fam.layers)}: dimension {fam.dimension}, "
                         f"image dimension {fam.image_dimension}, critical: {fam.critical}")
        if self.matches_zero_layers is not None or self.zero_layers_note:
            verdict = {True: "the critical locus is exactly the union of the critical zero layers",
                       False: "the critical locus is NOT only the zero layers (not described)",
                       None: "whether the zero layers exhaust the critical locus is not decided"}
            lines.append(f"  zero-layer description: {verdict[self.matches_zero_layers]} ({self.zero_layers_note})")
        if self.matches_hyperroots is not None:
            lines.append("  shared-(hyper)root description: "
                         + ("agrees with the computed locus" if self.matches_hyperroots
                            else "DOES NOT agree with the computed locus"))
        lines.append(f"  [{self.provenance()}]")
        return "\n".join(lines)

    def table(self) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
        """One row per hypersurface component, then the lower-dimensional rest and the planted
        families: part, equation or layers, dimension in parameter space, image dimension."""
        rows: list[tuple[Any, ...]] = [(c.name, f"{c.equation} = 0", self.num_parameters - 1,
                                        "" if c.image_dimension is None else c.image_dimension)
                                       for c in self.components]
        if self.minors_formed:
            rows.append(("V(minors/gcd)", "codimension >= 2",
                         ("" if self.residual_computed else "at most ") + str(self.residual_dimension), ""))
        rows += [(f"family: {f.kind}", f"layers {', '.join(map(str, f.layers))}", f.dimension, f.image_dimension)
                 for f in self.families]
        return (("part", "equation", "dimension", "image dimension"), rows)

    def table_caption(self) -> str:
        return f"critical locus of mu for {self.architecture}"

    def to_latex(self) -> str:
        rows = [r"\begin{tabular}{lll}", r"component & equation & image dim.\\ \hline"]
        for comp, f in zip(self.components, self._factor_polys()):
            img = comp.image_dimension
            rows.append(rf"{latex_escape(comp.name)} & ${poly_latex(f)} = 0$ & {'' if img is None else img}\\")
        if self.minors_formed:
            rows.append(rf"residual & codim $\geq 2$ & dim.\ {self.residual_dimension}\\")
        for fam in self.families if not self.minors_formed else ():
            rows.append(rf"{latex_escape(fam.kind)} & layers {', '.join(map(str, fam.layers))} & dim.\ {fam.dimension}\\")
        rows.append(r"\end{tabular}")
        return "\n".join(rows)

    def _factor_polys(self) -> list:
        import sympy

        return [sympy.sympify(c.equation, convert_xor=True) for c in self.components]


def _factor_key(f: flint.fmpz_mpoly) -> str:
    return str(f if int(f.leading_coefficient()) > 0 else -f)


def jacobian_minors(mat: list, size: int, zero: Any, limits: Limits, what: str) -> list:
    """:func:`~lcnalg.polys.minors.all_minors` of a symbolic Jacobian, whose refusal by
    ``limits.max_subminors`` reports the closed-form count of the whole Laplace expansion
    (:func:`~lcnalg.polys.minors.count_subminors`), not the count where the walk on the zero
    pattern passed the bound.

    Raises
    ------
    ResourceLimitError
        As :func:`~lcnalg.polys.minors.all_minors`.

    Examples
    --------
    >>> from lcnalg import Parameterization
    >>> mu = Parameterization("3,2 s=2")
    >>> len(jacobian_minors(mu.jacobian, 4, mu.ring.from_dict({}), Limits(), "minors"))
    22
    >>> jacobian_minors(mu.jacobian, 4, mu.ring.from_dict({}), Limits(max_subminors=2), "minors")
    Traceback (most recent call last):
    ...
    lcnalg.errors.ResourceLimitError: refused: sub-minors of the Laplace expansion of the minors (4x4 of a 5x5 matrix; closed form, zero entries not counted) estimated at 105, above the bound 2; to allow it, raise limits=Limits(max_subminors=...) (CLI: --max-subminors)
    """
    try:
        return all_minors(mat, size, zero, limits=limits, what=what)
    except ResourceLimitError as err:
        if err.limit != "max_subminors":
            raise
        rows, cols = len(mat), len(mat[0]) if mat else 0
        raise limits.refuse("max_subminors", f"sub-minors of the Laplace expansion of the {what} ({size}x{size} "
                            f"of a {rows}x{cols} matrix; closed form, zero entries not counted)",
                            count_subminors(rows, cols, size)) from None


def _maximal_minors(mu: Parameterization, rdim: int, limits: Limits) -> list:
    """The distinct non-zero ``rdim × rdim`` minors of the symbolic Jacobian (their count
    refused beyond ``limits.max_minors`` before the Jacobian is built; the expansion bounded by
    ``limits.max_subminors`` and ``limits.max_minor_terms`` in :func:`all_minors`)."""
    what = "maximal minors of the Jacobian of mu"
    # the non-zero rows are the coordinates that do not vanish identically
    rows, cols = len(support(mu)), mu.num_parameters
    limits.check("max_minors", what, count_minors(rows, cols, rdim))
    jac = [row for row in mu.jacobian if any(not e.is_zero() for e in row)]
    minors = jacobian_minors(jac, rdim, mu.ring.from_dict({}), limits, what) if rdim <= len(jac) else []
    if not minors:
        raise InputError(f"architecture {mu.architecture}: the Jacobian has no non-zero minor of size {rdim}")
    return minors


def _zero_layer_bounds(mu: Any, rdim: int, seed: int) -> dict[str, Any]:
    """A polynomial network's zero layers ``Z_l = {w_l = 0}`` decided critical without minors, as
    :func:`family_critical_bounds` gives its families: ``Jμ`` vanishes on ``Z_l`` for ``l < L``
    (every coordinate has degree ``r^{L-l} >= 2`` in ``w_l``), and on ``Z_L`` only the ``k_L``
    columns of ``w_L`` survive, so ``Z_L`` is critical when ``k_L < dim M``, and not critical when
    ``Jμ`` has rank ``dim M`` at a random point of it (exact); otherwise it is left out.  The
    largest critical one bounds ``dim Crit μ`` from below."""
    N = mu.num_parameters
    out, undecided = [], []
    for l, (lo, hi) in enumerate(mu.layer_slices):
        jac, img = _on_zero_layer(mu, l, seed)
        if l + 1 < len(mu.layer_slices) or hi - lo < rdim:
            critical = rdim > 0
        elif flint.fmpq_mat(jac).rank() == rdim:
            critical = False
        else:
            undecided.append(l + 1)
            continue
        out.append(CriticalFamily("zero layer", (l + 1,), N - (hi - lo), img, critical))
    lower = max((f.dimension for f in out if f.critical), default=-1)
    argument = (f"the zero layer{'s' if sum(f.critical for f in out) > 1 else ''} "
                + ", ".join(f"w_{f.layers[0]} = 0" for f in out if f.critical)
                + f" of dimension up to {lower} are critical (Jmu vanishes on w_l = 0 for l < L: every coordinate "
                "has degree r^(L-l) >= 2 in w_l; on w_L = 0 only the k_L columns of w_L survive)")
    if undecided:
        argument += f"; the zero layer w_{undecided[0]} = 0 is not decided without the minors"
    return {"lower": lower, "dimension": None, "families": out, "argument": argument,
            "method": "critical zero layers of the polynomial network, exact ranks at integer points"}


def _zero_layer_families(mu: Any, minors: list, rdim: int, seed: int) -> list[CriticalFamily]:
    """Polynomial networks: the zero layers ``{w_l = 0}``, each decided critical exactly (every
    minor has all its terms divisible by a weight of layer ``l``, i.e. vanishes identically
    there), with the exact rank of ``Jμ`` restricted to the other layers' columns at a random
    point of it (the dimension of its image, generically: 0 for ``r ≥ 2``, ``μ`` vanishing there)."""
    N = mu.num_parameters
    out = []
    for l, (lo, hi) in enumerate(mu.layer_slices):
        vanish = all(any(e[i] for i in range(lo, hi)) for m in minors for e in m.monoms())
        out.append(CriticalFamily("zero layer", (l + 1,), N - (hi - lo), _on_zero_layer(mu, l, seed)[1], vanish))
    return out


def _on_zero_layer(mu: Any, l: int, seed: int) -> tuple[Any, int]:
    """``Jμ`` at a random integer point of the zero layer ``{w_l = 0}`` (``l`` from 0), and the
    exact rank of its columns of the other layers there (the dimension of the layer's image,
    generically)."""
    lo, hi = mu.layer_slices[l]
    theta = list(mu.random_point(seed + l, bound=50))
    theta[lo:hi] = [0] * (hi - lo)
    jac = mu.jacobian_at(theta)
    keep = [j for j in range(mu.num_parameters) if not lo <= j < hi]
    img = flint.fmpq_mat([[jac[i, j] for j in keep] for i in range(jac.nrows())]).rank() if keep else 0
    return jac, img


def zero_layers_exhaust(mu: Any, rdim: int, limits: Limits | None = None) -> tuple[bool | None, str]:
    """Decide exactly whether every critical point of μ has a zero layer (docs/theory.md#polynomial-critical-locus).

    For each choice ``i_1, …, i_L`` of one weight per layer, the maximal minors of ``Jμ``
    restricted to the slice ``w_{l,i_l} = 1`` must generate the unit ideal of
    ``Q[other weights]`` (a Gröbner basis over Q, verified exactly).  The rescaling torus and
    the homogeneity of μ in the last layer keep ``rank Jμ`` and move every point with
    ``w_{l,i_l} ≠ 0`` (all ``l``) into that slice, so the charts cover the complement of the
    zero layers.  Valid for any parameterization with that rescaling torus (linear networks
    included, where shared roots make the answer False).

    Returns
    -------
    (bool or None, str)
        True: the locus lies in the union of the zero layers; False: a chart meets it (the
        chart is named); None: refused by ``limits`` (``max_minors``: the minors of one
        slice; ``max_locus_entries``: each Gröbner basis), with the reason.

    Examples
    --------
    >>> from lcnalg.parameterization import parameterize
    >>> zero_layers_exhaust(parameterize("2,2 r=2"), 3)[0], zero_layers_exhaust(parameterize("2,2"), 3)[0]
    (True, False)
    """
    limits = Limits.coerce(limits)
    N = mu.num_parameters
    rows = [row for row in mu.jacobian if any(not e.is_zero() for e in row)]
    charts = list(itertools.product(*[range(lo, hi) for lo, hi in mu.layer_slices]))
    try:
        limits.check("max_minors", "maximal minors of the Jacobian of mu on one chart slice",
                     count_minors(len(rows), N, rdim))
    except ResourceLimitError as err:
        return None, f"not decided: {err}"
    for chart in charts:
        free = [i for i in range(N) if i not in chart]
        ctx = integer_ring(tuple(mu.parameter_names[i] for i in free) or ("t_",))
        gens = ctx.gens()
        one = ctx.from_dict({(0,) * ctx.nvars(): 1})
        sub = [one if i in chart else gens[free.index(i)] for i in range(N)]
        jac = [[e.compose(*sub, ctx=ctx) for e in row] for row in rows]
        name = "*".join(mu.parameter_names[i] for i in chart)
        try:
            minors = jacobian_minors(jac, rdim, ctx.from_dict({}), limits, "maximal minors on a chart slice")
            unit = any(m.is_constant() and not m.is_zero() for m in minors)
            if not unit and minors:
                gb = groebner_basis(minors, "degrevlex", limits=limits, max_total_entries=limits.max_locus_entries)
                if not gb.certified:
                    return None, f"not decided: the Groebner basis on the chart {name} != 0 was not verified"
                unit = gb.dimension() < 0
        except ResourceLimitError as err:
            return None, f"not decided on the chart {name} != 0: {err}"
        if not unit:
            return False, f"the chart {name} != 0 meets the critical locus"
    return True, (f"proved: on each of the {len(charts)} charts w_(1,i1)*...*w_(L,iL) != 0 the maximal minors "
                  "restricted to the slice w_(l,il) = 1 generate the unit ideal (Groebner basis over Q, verified)")


def family_critical_bounds(mu: Any, rdim: int, *, seed: int = 0,
                           limits: Limits | None = None) -> dict[str, Any] | None:
    """Critical families of a linear network: a proved lower bound on ``dim Crit μ``, and its exact
    value for two layers (module docstring).

    Parameters
    ----------
    mu : Parameterization
        A linear network without channels, 1D or 2D, with at least two layers.
    rdim : int
        ``dim M``.
    seed : int
        Seed of the integer points at which ranks are taken.
    limits : Limits, optional
        ``max_family_work`` bounds the families built; the bordered-minor certificates of
        three or more layers are bounded by ``max_bordered`` and ``max_certificate_terms`` (a
        family beyond them is left out of the lower bound).

    Returns
    -------
    dict or None
        None outside that case.  Else ``lower`` (a proved lower bound, ``-1`` when no family is
        proved critical), ``dimension`` (the exact dimension, or None when only the lower bound
        is proved: three layers or more, or a family's rank below its parameters minus one),
        ``families`` (:class:`CriticalFamily`: the critical zero layers and the shared-factor
        families proved critical) and ``argument``.

    Examples
    --------
    >>> from lcnalg import Parameterization
    >>> out = family_critical_bounds(Parameterization("4,4 s=3"), 7)
    >>> out["dimension"], [(f.kind, f.dimension) for f in out["families"]]
    (5, [('zero layer', 4), ('zero layer', 4), ('shared factor R(z^3), degree 1', 5)])
    >>> family_critical_bounds(Parameterization("3,2,2 s=2,2"), 5)["lower"]
    5
    """
    arch = mu.architecture
    L = arch.num_layers
    if (arch.activation is not None or getattr(arch, "channels", None) is not None or arch.ndim > 2
            or L < 2):
        return None
    limits = Limits.coerce(limits)
    N = mu.num_parameters
    two = L == 2 and rdim == N - 1
    families: list[CriticalFamily] = []
    for l, (lo, hi) in enumerate(mu.layer_slices):
        theta = list(mu.random_point(seed + l, bound=50))
        theta[lo:hi] = [0] * (hi - lo)
        # only the columns of w_l survive, x^i times the other layers: the same rank wherever
        # the other layers are non-zero
        if mu.jacobian_rank(theta) < rdim:
            families.append(CriticalFamily("zero layer", (l + 1,), N - (hi - lo), 0, True))
    # two zero layers: every partial derivative of mu has one of them as a factor, J mu = 0
    sizes = [hi - lo for lo, hi in mu.layer_slices]
    pairs = sorted(((l, m) for l in range(L) for m in range(l + 1, L)), key=lambda p: sizes[p[0]] + sizes[p[1]])
    if rdim >= 1 and not any(f.dimension >= N - sizes[pairs[0][0]] - sizes[pairs[0][1]] for f in families):
        l, m = pairs[0]
        families.append(CriticalFamily("two zero layers", (l + 1, m + 1), N - sizes[l] - sizes[m], 0, True))
    exact = two
    for _fam, _other, same in exchange_families(mu, limits=limits):
        l, m = (int(x) for x in same.name.split()[1].split("<->"))
        box = same.name.split("box ")[1].rstrip(")")
        r = same.name.split("r=")[1].split(",")[0]
        if not two:
            try:
                v = certify_critical_family(mu, same, rdim, seed=seed, limits=limits)
            except ResourceLimitError:
                continue
            if not v["critical"]:
                continue
        upper = same.ctx.nvars() - 1
        rank, t0 = -1, None
        for trial in range(3):
            rng = random.Random(seed * 7919 + trial)
            t = [rng.randint(-97, 97) or 1 for _ in range(same.ctx.nvars())]
            vals = [flint.fmpz(v) for v in t]
            jphi = flint.fmpq_mat([[int(p.derivative(j)(*vals)) for j in range(same.ctx.nvars())]
                                   for p in same.theta])
            if jphi.rank() > rank:
                rank, t0 = jphi.rank(), t
            if rank == upper:
                break
        exact = exact and rank == upper
        families.append(CriticalFamily(f"shared factor R(z^{r}), degree {box}", (l, m), rank,
                                       image_rank(mu, same, t0), True))
    lower = max((f.dimension for f in families), default=-1)
    if two:
        argument = ("two layers: Crit mu is the union of the critical zero layers and of the shared-factor families "
                    "(layer 1 = q1(z) R(z^r), layer 2 = q2(z) R(z), R of a non-zero degree box): every critical point "
                    "off the zero layers lies on one, and each is critical (an explicit kernel of J mu of dimension "
                    ">= 2); on a zero layer rank J mu is the other layer's size unless both are zero (the origin, "
                    "critical); a family's dimension is its parameters minus one (the scaling in every fibre), reached by "
                    "the exact rank of J phi at an integer point")
    else:
        argument = ("lower bound: the critical zero layers (rank J mu = the layer's size there) and the shared-factor "
                    "families whose rank drop is proved by bordered minors in Z[t], each of dimension at least the "
                    "exact rank of J phi at an integer point")
    return {"lower": lower, "dimension": lower if exact else None, "families": families, "argument": argument}


def _split_hypersurface(minors: list) -> tuple[Any, list[tuple[Any, int]], list]:
    """``G = gcd(minors)``, its irreducible factors over Q (leading coefficient positive) and
    the residual minors ``minors / G``."""
    g = minors[0]
    for f in minors[1:]:
        g = g.gcd(f)
        if g.is_constant():
            break
    if g.is_constant():
        return g, [], minors
    _, facs = mpoly_factor(g)
    factors = [(f if int(f.leading_coefficient()) > 0 else -f, int(e)) for f, e in facs]
    return g, factors, [f / g for f in minors]


def _hyperroot_comparison(arch: Architecture, factors: list, dim: int, rdim: int,
                          seed: int) -> tuple[dict, bool | None, dict, list[CriticalFamily]]:
    """1D: the resultants ``H_{lm}``, whether they describe the locus, which pair each factor
    comes from, and the planted families."""
    hyper: dict = {}
    matches = None
    factor_pair: dict[str, tuple[int, int]] = {}
    families: list[CriticalFamily] = []
    if arch.ndim != 1 or arch.num_layers < 2:
        return hyper, matches, factor_pair, families
    stride_one = all(r == 1 for _, _, r in arch.layer_pairs())
    if stride_one:
        H = hyperroot_resultants(arch)
        hyper = {f"{l},{m}": poly_text(h) for (l, m), h in H.items()}
        hkeys: set[str] = set()
        for pair, h in H.items():
            if h.is_constant():
                continue
            _, hf = mpoly_factor(h)
            for f, _e in hf:
                key = _factor_key(f)
                hkeys.add(key)
                factor_pair.setdefault(key, pair)
        matches = hkeys == {_factor_key(f) for f, _ in factors}
    mu = Parameterization(arch)
    N = mu.num_parameters
    for pair in planted_families(arch):
        theta, _ = shared_root_point(arch, pair, seed)
        fam, img = shared_root_image_dimension(arch, pair, seed)
        families.append(CriticalFamily("shared hyperroot orbit", tuple(pair), fam, img,
                                       mu.jacobian_rank(theta) < rdim))
    for i, f in enumerate(arch.filters):
        if f[0] < rdim:
            families.append(CriticalFamily("zero layer", (i + 1,), N - f[0], 0, True))
    if not stride_one:
        matches = (all(fam.critical for fam in families)
                   and dim == max((fam.dimension for fam in families), default=-1))
    return hyper, matches, factor_pair, families


def _components(arch: Architecture, factors: list, factor_pair: dict, N: int,
                seed: int) -> tuple[CriticalComponent, ...]:
    comps = []
    # a pair whose family is empty (a single-entry layer has no root to share) plants nothing
    planted = set(planted_families(arch)) if factor_pair else set()
    for i, (f, e) in enumerate(factors, start=1):
        pair = factor_pair.get(_factor_key(f))
        layers: tuple[int, ...] = ()
        img = None
        if pair is not None and pair in planted and _vanishes_on_family(arch, pair, f, seed):
            layers = tuple(pair)
            img = shared_root_image_dimension(arch, pair, seed)[1]
        comps.append(CriticalComponent(f"C{i}", poly_text(f), e, N - 1, layers, img))
    return tuple(comps)


def critical_locus(arch: Architecture | str, *, dimension: int | None = None, seed: int = 0,
                   modulus: int = GF_PRIME, max_minors: int | None = None,
                   limits: Limits | None = None) -> CriticalLocusResult:
    """Critical locus of μ: the ideal of maximal minors of the Jacobian, decomposed.

    The stages: the maximal minors (beyond ``limits.max_minors``, ``max_subminors`` or
    ``max_minor_terms``, a linear network is answered by its critical families alone: exact for
    two layers, bounds ``lower..N-1`` for more; otherwise refused); their gcd ``G`` and its
    factorization over Q (the hypersurface part); the dimension of the rest by a Gröbner basis
    mod ``modulus``; in 1D the comparison with the shared-(hyper)root description and the
    planted families; the components.

    Parameters
    ----------
    arch : Architecture or str
    dimension : int, optional
        ``dim M`` if already known (else computed by
        :func:`~lcnalg.algebra.dimension.function_space_dimension`).
    seed : int
        Seed of every random choice (the dimension, the points of the planted families).
    modulus : int
        Prime for the Gröbner basis giving the residual dimension.
    max_minors : int, optional
        Overrides ``limits.max_minors``: beyond it not all minors are formed (the families' or,
        for a network with an activation, the critical zero layers' lower bound, and the upper
        bound of a few minors).
    limits : Limits, optional
        Resource bounds.

    Returns
    -------
    CriticalLocusResult

    Examples
    --------
    >>> r = critical_locus("2,2")
    >>> r.hypersurface_factors, r.dimension, r.matches_hyperroots
    (('w1_1*w2_0 - w1_0*w2_1',), 3, True)
    """
    dimension, seed, modulus = checks.arguments(dimension=dimension, seed=seed, modulus=modulus)
    start = time.perf_counter()
    limits = Limits.coerce(limits, max_minors=max_minors)
    arch = Architecture.coerce(arch)
    (dimension,) = checks.handed_down(arch, number=True, dimension=dimension)
    mu = parameterize(arch, limits=limits)
    rdim = _dimension(mu, dimension, seed)
    N = mu.num_parameters
    fams, notes = None, []
    if arch.num_layers == 2:   # exact from the families, which are few: before the minors
        fams = _families(mu, rdim, seed, limits, notes)
    two = fams if fams is not None and fams["dimension"] is not None else None
    try:
        minors = _maximal_minors(mu, rdim, limits)
    except ResourceLimitError as err:
        if fams is None and two is None:   # three layers or more: the families' proved bounds
            fams = _families(mu, rdim, seed, limits, notes)
        if fams is None and arch.activation is not None:   # polynomial networks: the zero layers'
            fams = _zero_layer_bounds(mu, rdim, seed)
        if fams is None:
            raise
        return _families_only(arch, fams, rdim, N, seed, start, err, notes, mu, limits)
    g, factors, residual = _split_hypersurface(minors)
    stopped = ""
    try:
        res_dim = groebner_basis(residual, "degrevlex", modulus=modulus, limits=limits,
                                 max_total_entries=limits.max_locus_entries).dimension()
    except ResourceLimitError as err:
        if err.limit != "max_total_entries":
            raise
        # the residual minors have no common factor: V(minors/G) has codimension >= 2
        res_dim = N - 2
        stopped = (f"the dimension of V(minors/gcd) was not computed ("
                   f"{limits.refuse('max_locus_entries', 'total Macaulay entries of its Groebner basis', err.estimate)}"
                   f"); N - 2 = {N - 2} bounds it (the residual minors have no common factor); ")
    dim = max(N - 1 if factors else -1, res_dim)
    lower = N - 1 if factors else 0
    zero_match, zero_note = None, ""
    if arch.activation is not None:
        hyper, matches, factor_pair = {}, None, {}
        families = _zero_layer_families(mu, minors, rdim, seed)
        zero_match, zero_note = zero_layers_exhaust(mu, rdim, limits)
        if zero_match:
            # the locus is the union of the critical zero layers, linear subspaces: exact dimension
            dim = lower = max((f.dimension for f in families if f.critical), default=-1)
    else:
        hyper, matches, factor_pair, families = _hyperroot_comparison(arch, factors, dim, rdim, seed)
    if fams is None and lower < dim:   # three layers or more: a lower bound from certified families
        fams = _families(mu, rdim, seed, limits, notes)
    if fams is not None:
        if dim < fams["lower"]:  # pragma: no cover - a bug: the mod-p dimension bounds the one over Q
            raise InternalError(f"critical locus of {arch}: the minors give dimension {dim} mod p, below the "
                                f"proved {fams['lower']} of the critical families")
        lower = max(lower, fams["lower"])
        if two is not None:
            dim = lower = two["dimension"]
        if not families:
            families = fams["families"]
    if stopped and not all(r == 1 for _, _, r in arch.layer_pairs()):
        matches = None   # with strides it compares dimensions, and this one is only bounded
    limitations = stopped + "".join(notes) + (
        f"minors and factors exact over Z; dimension of V(minors/gcd) from a Groebner basis mod "
        f"p = {modulus} (an upper bound, equal to the dimension over Q outside finitely many primes); "
        "image dimensions are exact Jacobian ranks at a random point of each planted family (lower "
        "bounds, equal generically)") + (f"; zero layers: {zero_note}" if zero_note else "")
    return CriticalLocusResult(
        architecture=str(arch), method="maximal minors of the symbolic Jacobian; gcd + factorization "
        "over Q for the hypersurface part; Groebner basis mod p for the rest",
        certified=lower == dim, failure_probability=None,
        how_to_certify="" if lower == dim else
        "recompute the residual Groebner basis over Q (groebner_basis without modulus)",
        argument=("V(gcd of the minors) is a hypersurface inside the locus, which is a proper subset: "
                  f"dimension N - 1 = {N - 1}" if factors else
                  "the locus is the union of the critical zero layers (linear subspaces), proved chart by chart"
                  if zero_match else fams["argument"] if fams is not None and lower == dim else ""),
        limitations=limitations,
        seed=seed, primes=(modulus,), seconds=time.perf_counter() - start,
        dimension_of_function_space=rdim, num_parameters=N, num_minors=len(minors), dimension=dim,
        lower_bound=lower, hypersurface_factors=tuple(poly_text(f) for f, _ in factors),
        hypersurface_multiplicities=tuple(e for _, e in factors), residual_dimension=res_dim,
        residual_computed=not stopped,
        hyperroot_resultants=hyper, matches_hyperroots=matches,
        components=_components(arch, factors, factor_pair, N, seed),
        families=tuple(families), matches_zero_layers=zero_match, zero_layers_note=zero_note,
        minors=tuple(minors),
    )


def _families(mu: Any, rdim: int, seed: int, limits: Limits, notes: list[str]) -> dict[str, Any] | None:
    try:
        return family_critical_bounds(mu, rdim, seed=seed, limits=limits)
    except ResourceLimitError as err:   # the families are beyond their bound: the minors alone
        notes.append(f"the critical families were not built ({err}); ")
        return None


#: Maximal minors :func:`coprime_minors` forms at most, looking for a set of them without a common
#: factor (within ``limits.max_subminors`` sub-minors in all).  Their gcd can lose its last
#: factor late: 114 minors for 2x2,2x2,2x1 s=2x1,2x1 (0.1 s), 64 for 3,3,3,3 s=2,2,2.
COPRIME_TRIES = 256


def coprime_minors(mu: Parameterization, rdim: int, *, seed: int = 0, limits: Limits | None = None,
                   tries: int = COPRIME_TRIES) -> int | None:
    """How many maximal minors of ``Jμ`` it took to find a set of them whose gcd over Q is a
    constant (None when ``tries`` of them did not, or their expansion passed its bounds: at most
    ``2^rdim`` sub-minors each, ``limits.max_subminors`` in all, and ``limits.max_minor_terms``
    terms).

    Then the critical locus has dimension at most ``N - 2``: it lies in the common zeros of
    those minors, and a component of dimension ``N - 1`` of that zero set is a hypersurface
    ``V(h)`` with ``h`` irreducible (``Q[θ]`` is a unique factorization domain), so ``h`` divides
    each of them (Nullstellensatz), hence their gcd.  A gcd that is a monomial is enough when
    ``Jμ`` has rank ``dim M`` at a point of each hyperplane ``w = 0`` of its weights: then ``w``
    does not divide every maximal minor, so no factor of the gcd can hold a component of the
    locus.  A few minors suffice where forming all of them (:func:`jacobian_minors`) is refused.
    Each is chosen non-zero: its rows and columns are picked greedily, in a random order, where
    ``Jμ`` at a random point modulo a prime gains rank; each is one ``rdim × rdim`` determinant by
    Laplace expansion.

    Parameters
    ----------
    mu : Parameterization
    rdim : int
        ``dim M``, the size of the maximal minors.
    seed : int
        Seed of the random points and orders.
    limits : Limits, optional
    tries : int
        Minors tried at most.

    Returns
    -------
    int or None

    Examples
    --------
    >>> from lcnalg.parameterization import parameterize
    >>> coprime_minors(parameterize("3,2,3 s=2,2"), 6) is not None   # its locus has dimension 6 = N - 2
    True
    >>> coprime_minors(parameterize("2,2"), 3) is None                 # w1_1*w2_0 - w1_0*w2_1 divides them all
    True
    """
    lim = Limits.coerce(limits)
    rows_used = [i for i, row in enumerate(mu.jacobian) if any(not e.is_zero() for e in row)]
    jac = [mu.jacobian[i] for i in rows_used]
    N = mu.num_parameters
    if not 0 < rdim <= min(len(jac), N):
        return None
    zero = mu.ring.from_dict({})
    terms = lim.budget("max_minor_terms", f"terms of {tries} maximal minors of the Jacobian of mu")
    rng = random.Random(seed)
    g = None
    for k in range(1, min(tries, lim.max_subminors // 2 ** rdim) + 1):
        at = mu.jacobian_at(mu.random_point_mod(rng.randrange(2**30), GF_PRIME), GF_PRIME)
        value = [[int(at[i, j]) for j in range(N)] for i in rows_used]
        rows = _gaining(value, rng.sample(range(len(jac)), len(jac)), rdim)
        cols = _gaining([list(c) for c in zip(*(value[i] for i in rows))], rng.sample(range(N), N), rdim)
        if len(rows) < rdim or len(cols) < rdim:
            continue   # a point where Jμ has rank below dim M
        try:
            m = minor(jac, sorted(rows), sorted(cols), zero, terms=terms)
        except ResourceLimitError:
            return None
        g = m if g is None else g.gcd(m)
        if g.total_degree() == 0 or (len(g) == 1 and _off_hyperplanes(mu, g, rdim, rng)):
            return k
    return None


def _off_hyperplanes(mu: Parameterization, monomial: Any, rdim: int, rng: random.Random) -> bool:
    """Whether, for every weight ``w`` in ``monomial`` (the gcd of the minors so far, when it is a
    monomial), ``Jμ`` has rank ``dim M`` modulo a prime, hence over Q, at a random point of the
    hyperplane ``w = 0``: then ``w`` does not divide every maximal minor, and no hypersurface is left
    that could divide them all (polynomial networks: minors often share powers of the weights)."""
    for v, e in enumerate(monomial.monoms()[0]):
        if e:
            theta = list(mu.random_point_mod(rng.randrange(2**30), GF_PRIME))
            theta[v] = 0
            if mu.jacobian_at(theta, GF_PRIME).rank() < rdim:
                return False
    return True


def _gaining(rows: list[list[int]], order: list[int], size: int) -> list[int]:
    """The first ``size`` rows in ``order`` each of which raises the rank (modulo ``GF_PRIME``) of
    those kept before it (fewer when the rows have a smaller rank)."""
    kept: list[int] = []
    for i in order:
        if flint.nmod_mat([rows[j] for j in kept + [i]], GF_PRIME).rank() > len(kept):
            kept.append(i)
            if len(kept) == size:
                break
    return kept


def _families_only(arch: Architecture, fams: dict[str, Any], rdim: int, N: int, seed: int, start: float,
                   err: ResourceLimitError, notes: list[str], mu: Parameterization,
                   limits: Limits) -> CriticalLocusResult:
    """The answer of :func:`family_critical_bounds` alone, when the minors are refused: the exact
    dimension (two layers), or its proved lower bound and an upper bound, ``N - 2`` when a few
    maximal minors have no common factor (:func:`coprime_minors`), else ``N - 1`` (``rank Jμ =
    dim M`` off a proper Zariski-closed subset of ``C^N``)."""
    exact = fams["dimension"] is not None
    coprime = None if exact or fams["lower"] >= N - 1 else coprime_minors(mu, rdim, seed=seed, limits=limits)
    upper = N - 1 if coprime is None else N - 2
    dim = fams["dimension"] if exact else upper
    lower = dim if exact else fams["lower"]
    argument = fams["argument"] if exact else (
        f"{fams['argument']}; upper bound N - 1 = {N - 1}: mu has rank dim M = {rdim} at a point, so its "
        "critical locus is a proper Zariski-closed subset of the parameter space" if coprime is None else
        f"{fams['argument']}; upper bound N - 2 = {N - 2}: {coprime} maximal minors of the Jacobian have no "
        "common factor over Q but weights w whose hyperplane w = 0 has a point where Jmu has rank dim M, so "
        "their common zeros, which hold the locus, have no component of dimension N - 1")
    how = "" if lower == dim else ("raise the bound the maximal minors met (named in the limitations) to form "
                                  "them: their dimension modulo p bounds the locus from above")
    return CriticalLocusResult(
        architecture=str(arch), method=fams.get("method", ("two-layer families" if exact else "critical families")
                                                 + " (critical zero layers and shared-factor families), exact ranks "
                                                 "at integer points") + "; "
        + (f"{coprime} maximal minors without a common hypersurface" if coprime is not None else
           "no minor formed" if exact or fams["lower"] >= N - 1 else
           "no set of a few maximal minors found without a common hypersurface"),
        certified=lower == dim, failure_probability=None, how_to_certify=how, argument=argument,
        limitations="".join(notes) + f"the maximal minors were not formed ({err}), so the hypersurface factors "
        "and the residual part are not listed" + ("; the dimension does not need them" if exact else ""),
        seed=seed, primes=(), seconds=time.perf_counter() - start,
        dimension_of_function_space=rdim, num_parameters=N, num_minors=0, dimension=dim, lower_bound=lower,
        hypersurface_factors=(), hypersurface_multiplicities=(), residual_dimension=-1, residual_computed=False,
        families=tuple(fams["families"]), minors_formed=False)


def _vanishes_on_family(arch: Architecture, pair: tuple[int, int], f: flint.fmpz_mpoly, seed: int) -> bool:
    """Does ``f`` vanish at a random point of the planted shared-hyperroot family of ``pair``?"""
    theta, _ = shared_root_point(arch, pair, seed=seed)
    return f(*[flint.fmpz(int(x)) for layer in theta for x in layer]) == 0
