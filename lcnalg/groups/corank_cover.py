r"""A necessary condition for ``f ∈ M`` from the real Wedderburn decomposition: the corank cover.

``M = {w_L ⋯ w_1 : w_l ∈ R^{S_l}}`` for windows ``S_l ⊆ G``, and ``R[G] ≅ ⊕_c Mat_{d_c}(D_c)``
(:mod:`lcnalg.groups.wedderburn`), each component through an exact representation ``ρ_c`` of size
``n_c`` (real for ``D = R``; the complex ``ρ_χ`` for ``D = C, H``).  Then
``ρ_c(f) = ρ_c(w_L) ⋯ ρ_c(w_1)`` and Sylvester's inequality ``rank(AB) ≥ rank A + rank B − n``
gives, with ``κ_c(x) = n_c − rank_C ρ_c(x)`` (the corank),

    ``κ_c(f) ≤ Σ_l κ_c(w_l)``  for every component ``c``.

For ``f ≠ 0`` every ``w_l`` is a non-zero real vector on ``S_l``.  So with ``A_l`` the set of vectors
``v`` such that some non-zero real ``w ∈ R^{S_l}`` has ``κ_c(w) ≥ v_c`` for all ``c`` (a downward
closed set), ``f ∈ M`` implies that ``κ(f) ≤ v_1 + ⋯ + v_L`` for some ``v_l ∈ A_l``.  Only the
components with ``κ_c(f) > 0`` matter, and ``v_c`` runs over ``0..κ_c(f)``: the coranks a component
can have (``0`` or ``n_c`` for a division algebra, ``d = 1``: ``ρ_c(w)`` is zero or invertible;
even for ``H``, whose complex coranks are twice the quaternionic ones).

Deciding ``v ∈ A_l``, exactly
-----------------------------
* *Full coranks are linear.*  ``κ_c(w) = n_c`` iff ``ρ_c(w) = 0``, a linear system in ``w`` over
  ``Q(ζ_e)``.  Its equations together with their complex conjugates (for real ``w``,
  ``ρ_c(w) = 0`` iff ``\overline{ρ_c(w)} = 0``) have a solution space closed under conjugation, so it
  has a basis of real vectors and its real dimension is ``|S_l|`` minus the exact rank over
  ``Q(ζ_e)``.  If every ``v_c`` is ``0`` or ``n_c``: ``v ∈ A_l`` iff that dimension is positive.
* *Intermediate coranks are determinantal.*  ``κ_c(w) ≥ v_c`` iff the minors of order
  ``n_c − v_c + 1`` of ``ρ_c(w)`` vanish.  When every component involved has rational matrices
  (every component of ``S_n`` and ``D_4``), ``w = Σ t_i b_i`` over a rational basis of the linear
  part, and ``v ∈ A_l`` iff the minors (homogeneous in ``t``) have a real zero ``t ≠ 0``: one chart
  per first non-zero ``t_j = 1``, each decided by
  :func:`~lcnalg.groups.fibre_membership.has_real_point` (Hermite's count, slices and critical
  points).  When a chart is left open, ``v`` is *assumed* to be in ``A_l``.
* *Irrational blocks* (``D_5``'s ``Mat_2(R)`` with entries in ``Q(√5)``, complex components).  The
  conditions on the window's real weights ``t`` (every entry of a block of full corank, every
  minor of order ``n_c − v_c + 1`` of the others) have coefficients in ``Q(ζ_e) = Q[z]/(φ_e)``.
  Each is replaced by its norm ``N(p) = Res_z(φ_e, p) = Π_σ σ(p)`` over the embeddings ``σ``, a
  polynomial over ``Q``; at real ``t``, ``p(t) = 0`` gives ``N(p)(t) = 0``.  So when no chart has a
  real zero of the norms, ``v ∉ A_l`` (proved); when every condition vanishes identically on a
  chart (``N(p) = 0`` exactly when ``p = 0``), ``v ∈ A_l`` (proved); otherwise a real zero of the
  norms may be one of a conjugate system only, and ``v`` is *assumed* to be in ``A_l``.  Example:
  ``D_5`` with windows ``{1, r}`` and ``f = 1 + s``, ``s`` a reflection: ``ρ_c(f)`` has corank 1 in
  both ``Mat_2(R)``, and ``det(aI + bR_θ) = a² + 2ab cos θ + b²`` has norm
  ``Π (a² + 2ab cos θ_σ + b²)²`` with every ``|cos θ_σ| < 1``, no real zero but ``0``: obstructed.

Assuming more vectors in ``A_l`` than there are only weakens the condition, so a failed cover is a
proof that ``f ∉ M``; a cover proves nothing (the condition is necessary, not sufficient).  The
cover itself: the sums ``min(v_1 + ⋯ + v_l, κ(f))`` reachable after ``l`` layers, layer by layer.

What this does not decide
-------------------------
``f ∈ M`` asks for matrices ``X_l ∈ ρ(R^{S_l})`` (a linear subspace of ``⊕_c Mat_{d_c}(D_c)``
coupling the components) with ``X_L ⋯ X_1 = ρ(f)``: a real polynomial system as large as the fibre
itself, which :mod:`lcnalg.groups.fibre_membership` decides chart by chart.  Only when a window is
all of ``G`` (``ρ(R^G)`` is the whole algebra, and the identity lies in every window) does it
reduce to a per-component question, and then ``M = R[G]``.  The cover uses the coranks alone.

Bounds: ``Limits.max_nodes`` on the corank vectors examined (per layer) and the layer sums; the
minors by ``max_minors``; each chart by the bounds of
:func:`~lcnalg.groups.fibre_membership.has_real_point`.

Examples
--------
>>> d = corank_cover("D4: 2,2", [1, 0, 0, 0, 0, 0, 0, 0])      # invertible: no corank to cover
>>> d.obstructed, d.coranks
(False, ())
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Iterator, Sequence

import flint

from lcnalg.errors import InputError, check
from lcnalg.groups.fibre_membership import has_real_point
from lcnalg.groups.group_algebra import GroupConvParameterization, group_filter, group_parameterization
from lcnalg.groups.representations import cyclotomic_conjugate
from lcnalg.groups.wedderburn import RealWedderburn, real_wedderburn
from lcnalg.limits import Limits
from lcnalg.polys.minors import all_minors

__all__ = ["CorankCover", "corank_cover", "cyclotomic_rank"]


@dataclass(frozen=True)
class CorankCover:
    """The outcome of the corank cover (module docstring).

    Attributes
    ----------
    obstructed : bool
        True when no choice of achievable corank vectors covers ``κ(f)``: then ``f ∉ M`` (proved).
    reason : str
    coranks : tuple of (int, str, int)
        ``(component index, component name, κ_c(f))`` for each component where ``ρ_c(f)`` is singular.
    achievable : tuple of tuple
        Per layer the maximal corank vectors found in ``A_l`` (over the components of ``coranks``).
    assumed : int
        How many vectors were assumed in some ``A_l`` without a proof (irrational matrices whose
        norms have a real zero, or an open chart).
    """

    obstructed: bool
    reason: str
    coranks: tuple = ()
    achievable: tuple = ()
    assumed: int = 0
    notes: tuple = field(default=())

    def to_dict(self) -> dict:
        return {"obstructed": self.obstructed, "reason": self.reason,
                "coranks": [{"component": c, "name": name, "corank": k} for c, name, k in self.coranks],
                "achievable": [[list(v) for v in layer] for layer in self.achievable], "assumed": self.assumed}


def cyclotomic_rank(rows: Any, phi: Any) -> int:
    """The rank of a matrix over ``Q[x]/(φ)`` (``φ`` irreducible; entries ``fmpq_poly``), by Gaussian elimination.

    Parameters
    ----------
    rows : sequence of sequence of fmpq_poly
    phi : fmpq_poly

    Returns
    -------
    int

    Examples
    --------
    >>> import flint
    >>> phi = flint.fmpq_poly([1, 0, 1])                 # Q(i)
    >>> i = flint.fmpq_poly([0, 1])
    >>> cyclotomic_rank([[1, i], [i, -1]], phi), cyclotomic_rank([[1, i], [1, -i]], phi)
    (1, 2)
    """
    M = [[flint.fmpq_poly(x) % phi for x in r] for r in rows]
    rank = 0
    ncols = len(M[0]) if M else 0
    for col in range(ncols):
        piv = next((r for r in range(rank, len(M)) if M[r][col] != 0), None)
        if piv is None:
            continue
        M[rank], M[piv] = M[piv], M[rank]
        g, u, _ = M[rank][col].xgcd(phi)
        inv = (u / g[0]) % phi
        for r in range(rank + 1, len(M)):
            c = M[r][col]
            if c != 0:
                factor = (c * inv) % phi
                M[r] = [(a - factor * b) % phi for a, b in zip(M[r], M[rank])]
        rank += 1
    return rank


def _allowed(component: Any, top: int) -> list[int]:
    """The coranks ``≤ top`` a component can have: ``0, n_c`` for a division algebra, even ones for ``H``."""
    if component.is_division:
        return sorted({0, component.size} & set(range(top + 1))) or [0]
    step = 2 if component.kind == "H" else 1
    return list(range(0, top + 1, step))


class _Layer:
    """Membership of corank vectors in ``A_l`` for one window (module docstring)."""

    def __init__(self, W: RealWedderburn, positions: tuple[int, ...], comps: list[int], seed: int,
                 limits: Limits) -> None:
        self.W, self.positions, self.comps, self.seed, self.limits = W, positions, comps, seed, limits
        self.e = W.reps.exponent
        self.phi = flint.fmpq_poly(flint.fmpz_poly.cyclotomic(self.e))
        self.assumed = 0
        self.notes: list[str] = []

    def achievable(self, v: tuple[int, ...]) -> bool:
        comps = [self.W.components[c] for c in self.comps]
        full = [i for i, (comp, k) in enumerate(zip(comps, v)) if k == comp.size and k > 0]
        middle = [i for i, (comp, k) in enumerate(zip(comps, v)) if 0 < k < comp.size]
        k = len(self.positions)
        rows = []
        for i in full:
            for R in _entries(comps[i].matrices, self.positions):
                rows.append(R)
                rows.append([cyclotomic_conjugate(x, self.e, self.phi) for x in R])
        if not middle:
            return (k - cyclotomic_rank(rows, self.phi) if rows else k) > 0
        if not all(comps[i].rational for i in full + middle):
            return self._by_norms(v, comps, full, middle)
        # a rational basis of the linear part, then the minors in its coordinates t
        if rows:
            basis = _rational_nullspace([[_rational(x) for x in r] for r in rows], k)
        else:
            basis = [[flint.fmpq(int(r == c)) for r in range(k)] for c in range(k)]
        if not basis:
            return False
        m = len(basis)
        ctx = flint.fmpq_mpoly_ctx.get(tuple(f"t{i}" for i in range(m)), "degrevlex")
        t = ctx.gens()
        zero = ctx.from_dict({})
        w = [sum((t[i] * basis[i][j] for i in range(m)), zero) for j in range(k)]
        minors = []
        for i in middle:
            comp = comps[i]
            n = comp.size
            mat = [[sum((w[j] * _rational(comp.matrices[g][a][b]) for j, g in enumerate(self.positions)), zero)
                    for b in range(n)] for a in range(n)]
            minors += all_minors(mat, n - v[i] + 1, zero, limits=self.limits,
                                 what=f"minors of a layer's block {comp.name}")
        open_chart = False
        for sub in _charts(minors, t):
            if not sub:
                return True
            if any(p.is_constant() for p in sub):
                continue
            real, route = has_real_point(sub, seed=self.seed, limits=self.limits)
            if real:
                return True
            if real is None:
                open_chart = True
                self.notes.append(f"corank vector {v}: a chart left open ({route})")
        if open_chart:
            self.assumed += 1
            return True
        return False

    def _by_norms(self, v: tuple[int, ...], comps: list[Any], full: list[int], middle: list[int]) -> bool:
        """``v ∈ A_l`` for blocks with entries in ``Q(ζ_e)`` (module docstring, *Irrational
        blocks*): the conditions on the window's real weights ``t`` (the entries of the blocks of
        full corank, the minors of the others), each replaced by its norm to ``Q``; proved
        reachable when every condition vanishes on a chart, proved unreachable when no chart has
        a real zero of the norms, else assumed."""
        k = len(self.positions)
        ctx = flint.fmpq_mpoly_ctx.get(tuple(f"t{i}" for i in range(k)) + ("z",), "degrevlex")
        gens = ctx.gens()
        t, z = gens[:k], gens[k]
        zero = ctx.from_dict({})

        def element(x: Any) -> Any:   # an element of Q(ζ_e), a polynomial in ζ, as one in z
            return sum((c * z ** i for i, c in enumerate(flint.fmpq_poly(x).coeffs()) if c), zero)

        def block(comp: Any) -> list[list[Any]]:
            n = comp.size
            return [[sum((t[j] * element(comp.matrices[g][a][b]) for j, g in enumerate(self.positions)), zero)
                     for b in range(n)] for a in range(n)]

        conditions = [x for i in full for row in block(comps[i]) for x in row if x != 0]
        for i in middle:
            conditions += all_minors(block(comps[i]), comps[i].size - v[i] + 1, zero, limits=self.limits,
                                     what=f"minors of a layer's block {comps[i].name}")
        phi = element(self.phi)
        tctx = flint.fmpq_mpoly_ctx.get(tuple(f"t{i}" for i in range(k)), "degrevlex")
        norms = []
        for p in conditions:   # Res_z(φ, p) = Π_σ σ(p): zero at real t whenever p is
            r = phi.resultant(p, "z")
            norms.append(tctx.from_dict({e[:k]: c for e, c in r.to_dict().items()}))
        open_chart = False
        for sub in _charts(norms, tctx.gens()):
            if not sub:   # every condition vanishes on the chart (a norm is zero only with its polynomial)
                return True
            if any(p.is_constant() for p in sub):
                continue
            real, route = has_real_point(sub, seed=self.seed, limits=self.limits)
            if real is None:
                self.notes.append(f"corank vector {v}: a chart of the norms left open ({route})")
            if real is not False:   # (a real zero of the norms may be one of a conjugate's only)
                open_chart = True
        if open_chart:
            self.assumed += 1
            self.notes.append(f"corank vector {v} assumed (irrational matrices: the norms of its conditions "
                              "have a real zero)")
            return True
        return False


def _charts(polys: list[Any], t: Sequence[Any]) -> Iterator[list[Any]]:
    """Per chart ``t_0 = .. = t_{j-1} = 0, t_j = 1`` (``j`` the first non-zero weight), the
    non-zero polynomials of homogeneous ``polys`` there (an empty list: all vanish on it)."""
    ctx, m = t[0].context(), len(t)
    for j in range(m):
        point = [ctx.from_dict({})] * j + [ctx.from_dict({(0,) * m: 1})] + list(t[j + 1:])
        yield [q for q in (p.compose(*point) for p in polys) if q != 0]


def _rational_nullspace(rows: list[list[Any]], k: int) -> list[list[Any]]:
    """A basis of ``{x ∈ Q^k : rows · x = 0}`` from the reduced row echelon form (one vector per free column)."""
    R, rank = flint.fmpq_mat(rows).rref()
    pivots = []
    for r in range(rank):
        pivots.append(next(c for c in range(k) if R[r, c] != 0))
    basis = []
    for free in (c for c in range(k) if c not in pivots):
        x = [flint.fmpq(0)] * k
        x[free] = flint.fmpq(1)
        for r, p in enumerate(pivots):
            x[p] = -R[r, free]
        basis.append(x)
    return basis


def _rational(x: Any) -> Any:
    return x.coeffs()[0] if x.coeffs() else flint.fmpq(0)


def _entries(matrices: Any, positions: tuple[int, ...]) -> list[list[Any]]:
    n = len(matrices[0])
    return [[matrices[g][a][b] for g in positions] for a in range(n) for b in range(n)]


def corank_cover(mu: GroupConvParameterization | str, f: Any, *, seed: int = 0,
                 limits: Limits | None = None, wedderburn: RealWedderburn | None = None) -> CorankCover:
    """The corank cover of ``f ≠ 0`` (module docstring): ``obstructed`` proves ``f ∉ M``.

    Parameters
    ----------
    mu : GroupConvParameterization or str
        The network (any finite group; strides of ``C<n>`` are windows like any other).
    f : sequence or str
        ``|G|`` exact numbers, not all zero.
    seed : int
        Seed of :func:`~lcnalg.groups.fibre_membership.has_real_point`.
    limits : Limits, optional
    wedderburn : RealWedderburn, optional
        The decomposition of the network's group, if already computed.

    Returns
    -------
    CorankCover

    Raises
    ------
    InputError
        For a filter of the wrong length, inexact, or zero.
    ResourceLimitError
        When the vectors or the minors exceed their bounds.

    Examples
    --------
    >>> d = corank_cover("D4: 2,2", [1, 0, 0, 1, 0, 0, 0, 0])     # 1 + r^2 (windows {1, r}): zero in Mat_2(R)
    >>> d.obstructed, d.coranks
    (True, ((4, 'Mat_2(R)', 2),))
    """
    mu = group_parameterization(mu, limits)
    limits = mu.limits if limits is None else Limits.coerce(limits)
    arch = mu.architecture
    values = group_filter(f, arch.order)
    if not any(values):
        raise InputError("f: expected a non-zero filter (the zero filter is in M)")
    W = wedderburn if wedderburn is not None else real_wedderburn(arch.group, limits=limits)
    check(tuple(W.reps.table) == tuple(tuple(r) for r in mu.table),
          "the decomposition's elements are enumerated like the network's")
    blocks = W.transform(values)
    phi = flint.fmpq_poly(flint.fmpz_poly.cyclotomic(W.reps.exponent))
    kappa = []
    for c, (comp, B) in enumerate(zip(W.components, blocks)):
        if B is None:
            continue
        k = comp.size - cyclotomic_rank(B, phi)
        if k:
            kappa.append((c, comp.name, k))
    if not kappa:
        return CorankCover(False, "rho_c(f) is invertible in every component: nothing to cover")
    comps = [c for c, _, _ in kappa]
    target = tuple(k for _, _, k in kappa)
    ranges = [_allowed(W.components[c], k) for c, k in zip(comps, target)]
    budget = limits.budget("max_nodes", "corank vectors of the layers (the corank cover)")
    layers_max = []
    assumed = 0
    notes: list[str] = []
    memo: dict = {}
    for positions in arch.positions:
        if positions in memo:
            layers_max.append(memo[positions])
            continue
        layer = _Layer(W, positions, comps, seed, limits)
        yes: list[tuple[int, ...]] = []
        no: list[tuple[int, ...]] = []
        for v in sorted(itertools.product(*ranges), key=sum):
            budget.spend()
            if any(all(a <= b for a, b in zip(v, y)) for y in yes):
                yes.append(v)
                continue
            if any(all(a >= b for a, b in zip(v, x)) for x in no):
                continue
            (yes if layer.achievable(v) else no).append(v)
        maximal = tuple(v for v in yes if not any(u != v and all(a <= b for a, b in zip(v, u)) for u in yes))
        memo[positions] = maximal
        layers_max.append(maximal)
        assumed += layer.assumed
        notes += layer.notes
    reach = {tuple(0 for _ in target)}
    for maximal in layers_max:
        reach = {tuple(min(a + b, k) for a, b, k in zip(r, v, target)) for r in reach for v in maximal}
        budget.spend(len(reach))
    names = ", ".join(f"{name} (component {c + 1}): {k}" for c, name, k in kappa)
    if target in reach:
        return CorankCover(False, f"the coranks of f ({names}) can be covered by the layers", tuple(kappa),
                           tuple(layers_max), assumed, tuple(notes))
    return CorankCover(True, f"the coranks of f in the Wedderburn components ({names}) exceed what non-zero real "
                       f"layers on their windows can cover (Sylvester: corank(AB) <= corank A + corank B; the "
                       f"achievable corank vectors per layer decided exactly: linear systems over Q(zeta_e), real "
                       f"points of minors)", tuple(kappa), tuple(layers_max), assumed, tuple(notes))
