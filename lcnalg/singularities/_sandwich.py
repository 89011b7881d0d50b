"""Exact bounds on ``dim Sing V`` without expanding all Jacobian minors.

``K = I + (codim-size minors of J_g)`` is the Jacobian ideal, ``Sing V = V(K)``.

**Lower bound: certified families.**  A *family* is a polynomial map ``φ: C^a → Θ`` (filters)
with image ``P = closure μ(φ(C^a)) ⊆ V`` (irreducible).  ``dim P ≥ rank J(μ∘φ)(t₀)`` at any
point (exact rank over Q).  ``P ⊆ Sing V`` iff the matrix ``G(t) = J_g(μ(φ(t)))`` has rank
``< codim`` over the field ``Q(t)``.  Certificate (exact, bordering theorem): at a random
integer ``t₀`` take rows ``R`` and columns ``C`` of a non-zero ``ρ×ρ`` minor of ``G(t₀)``
(``ρ = rank G(t₀) < codim``); if every ``(ρ+1)``-minor of ``G(t)`` bordering ``R×C`` is the
zero polynomial (expanded in ``Z[t]``), then ``rank_{Q(t)} G = ρ``.  If instead
``rank G(t₀) = codim``, then ``μ(φ(t₀)) ∉ Sing V``, so ``P ⊄ Sing V`` (exact).

**Upper bound: linear sections.**  For a cone ``Z ⊂ C^n`` and a linear subspace ``L`` of
dimension ``n - u``, ``dim(Z ∩ L) ≥ dim Z - u``; so ``Z ∩ L = {0}`` proves ``dim Z ≤ u``.
Take ``L = M·C^{n-u}`` with a random integer ``M`` and ``F`` = the restrictions to ``L`` of
``I`` and of homogeneous components of a few ``det(A J_g B)`` (integer ``A``, ``B``: elements of
``K`` by Cauchy–Binet; ``K`` is homogeneous).  ``V(F) ⊇ Sing V ∩ L``.  If the Gröbner basis of
``F`` **mod p** has Krull dimension 0, then so has ``F`` over Q (a Macaulay matrix has rank
mod p at most its rank over Q, so the Hilbert function mod p bounds the one over Q from above,
docs/theory.md#mod-p-hilbert), hence ``Sing V ∩ L = {0}`` and ``dim Sing V ≤ u`` — a proof, whatever the
random choices (they only decide whether the bound is reached).
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import flint

from lcnalg.polys.groebner import groebner_basis
from lcnalg.errors import ResourceLimitError
from lcnalg.limits import Budget, Limits
from lcnalg.rings import integer_ring
from lcnalg.polys.minors import bordered_minors, determinant
from lcnalg.polys.modular import GF_PRIME
from lcnalg.architecture import Architecture

__all__ = ["Family", "family_contained", "image_contained", "image_span", "candidate_families", "planted_families", "certify_family", "section_upper_bound",
           "jacobian_rank_at", "make_family", "rank_drop_certificate"]


@dataclass(frozen=True)
class Family:
    """A polynomial family of filters ``φ: C^a → Θ``.

    Attributes
    ----------
    name : str
    description : str
    ctx : flint.fmpz_mpoly_ctx
        Ring of the family parameters ``t``.
    theta : tuple of fmpz_mpoly
        ``φ(t)``, one polynomial per weight (flat order of the parameterization).
    """

    name: str
    description: str
    ctx: Any
    theta: tuple

    def zero_weights(self) -> frozenset[int]:
        """Flat indices of the weights that vanish identically on the family."""
        return frozenset(i for i, p in enumerate(self.theta) if p == 0)


def family_contained(a: Family, b: Family, mu: Any) -> bool | None:
    """Exact containment of the images ``P_a ⊆ P_b`` when ``b`` is cut out in filter space by
    linear conditions (``sparse``, ``lacunary``, ``repeated``); None when undecided.

    Examples
    --------
    >>> from lcnalg import Parameterization
    >>> mu = Parameterization("3,2,2 s=2,2")
    >>> f = {x.name: x for x in candidate_families(mu)}
    >>> family_contained(f["hyperroot 1,2"], f["lacunary 1 (r=2)"], mu)
    True
    """
    if b.name.startswith(("sparse", "lacunary")):
        if b.zero_weights() <= a.zero_weights():
            return True
        return None
    if b.name.startswith("repeated"):
        l, m = (int(x) - 1 for x in b.name.split()[1].split("="))
        (lo1, hi1), (lo2, _) = mu.layer_slices[l], mu.layer_slices[m]
        if all(a.theta[lo1 + i] == a.theta[lo2 + i] for i in range(hi1 - lo1)):
            return True
    return None


def image_span(mu: Any, fam: Family) -> Any:
    """The linear span of the image ``μ(φ(C^a))``, as the rows of a reduced echelon form over Q:
    the coefficient vectors, one per monomial in ``t``, of the coordinates of ``μ∘φ``.

    Examples
    --------
    >>> from lcnalg import parameterize
    >>> mu = parameterize("2,2 r=2")
    >>> f = {x.name: x for x in candidate_families(mu)}
    >>> image_span(mu, f["sparse 1:0+2:1"]).tolist()   # the line of x1^2
    [[0, 0, 1, 0, 0]]
    """
    coords = [c.compose(*fam.theta, ctx=fam.ctx) for c in mu.coordinates]
    monomials = sorted({e for c in coords for e in c.monoms()})
    at = {e: i for i, e in enumerate(monomials)}
    M = flint.fmpq_mat(len(monomials), len(coords))
    for j, c in enumerate(coords):
        for e, v in zip(c.monoms(), c.coeffs()):
            M[at[e], j] = v
    R, rank = M.rref()
    return flint.fmpq_mat([[R[i, j] for j in range(R.ncols())] for i in range(rank)]) if rank else \
        flint.fmpq_mat(0, len(coords))


def image_contained(a: Family, b: Family, mu: Any, dim_b: int) -> bool | None:
    """``P_a ⊆ closure(P_b)``: True by :func:`family_contained`'s rules (tried first); else decided
    exactly when ``closure(P_b)`` is a linear space, that is when the span of ``P_b`` has the
    dimension ``dim_b`` of ``P_b`` (an irreducible variety of dimension ``d`` inside a linear space
    of dimension ``d`` is that space; ``dim_b`` may be a lower bound, such as a Jacobian rank at a
    point: ``dim_b ≤ dim P_b ≤ dim span``), ``P_a`` lying in it iff its span does; else None.

    Examples
    --------
    ``2,2 r=2``: zeroing weight 0 of layer 1 and 1 of layer 2, or 1 and 0, gives the same line.

    >>> from lcnalg import parameterize
    >>> mu = parameterize("2,2 r=2")
    >>> f = {x.name: x for x in candidate_families(mu)}
    >>> image_contained(f["sparse 1:0+2:1"], f["sparse 1:1+2:0"], mu, 1), family_contained(
    ...     f["sparse 1:0+2:1"], f["sparse 1:1+2:0"], mu)
    (True, None)
    """
    if family_contained(a, b, mu):
        return True
    span_b = image_span(mu, b)
    if span_b.nrows() != dim_b:
        return None
    span_a = image_span(mu, a)
    both = flint.fmpq_mat([[span_a[i, j] for j in range(span_a.ncols())] for i in range(span_a.nrows())]
                          + [[span_b[i, j] for j in range(span_b.ncols())] for i in range(span_b.nrows())])
    return True if both.rank() == dim_b else False


def make_family(mu: Any, name: str, description: str, layer_builders: list[Callable]) -> Family:
    """Build a family from per-layer builders ``f(fresh) -> list of entries``: ``fresh()`` returns
    the index of a new family parameter, and an entry is ``None`` (zero), a parameter index or
    ``[(coefficient, (parameter indices...)), ...]`` (a sum of products).

    Examples
    --------
    >>> from lcnalg import Parameterization
    >>> f = make_family(Parameterization("2,2"), "demo", "layer 1 is (t0, t0)",
    ...                 [lambda fresh: [fresh()] * 2, lambda fresh: [fresh(), None]])
    >>> [str(p) for p in f.theta]
    ['t0', 't0', 't1', '0']
    """
    counter = itertools.count()
    specs: list[tuple] = []
    for b in layer_builders:
        specs.append(b)
    # first pass: count parameters by a dry run with integer placeholders
    names: list[str] = []

    def fresh() -> int:
        i = next(counter)
        names.append(f"t{i}")
        return i

    recipes = [b(fresh) for b in specs]
    ctx = integer_ring(tuple(names) or ("t0",))
    gens = ctx.gens()
    theta = []
    for rec in recipes:
        for entry in rec:
            theta.append(_build(entry, gens, ctx))
    return Family(name, description, ctx, tuple(theta))


def _build(entry: Any, gens: Sequence[Any], ctx: Any) -> Any:
    """``entry``: ``None`` (zero), ``int`` (param index) or ``[(coef, (param indices...)), ...]``."""
    if entry is None:
        return ctx.from_dict({})
    if isinstance(entry, int):
        return gens[entry]
    out = ctx.from_dict({})
    for coef, idx in entry:
        term = ctx.from_dict({tuple(0 for _ in gens): coef})
        for i in idx:
            term = term * gens[i]
        out = out + term
    return out


def planted_families(arch: Architecture | str) -> list[tuple[int, int]]:
    """Layer pairs ``(l, m)`` (from 1) whose shared-hyperroot family is non-empty (1D, linear;
    none for a polynomial network, whose critical families are the zero layers).

    Examples
    --------
    >>> planted_families("3,2,2 s=2,2"), planted_families("3,2,2 s=2,2 r=2")
    ([(1, 2)], [])
    """
    arch = Architecture.coerce(arch)
    if arch.activation is not None:
        return []
    sizes = [f[0] for f in arch.filters]
    return [(l + 1, m + 1) for l, m, r in arch.layer_pairs() if sizes[l] - 1 >= r]


def candidate_families(mu: Any) -> list[Family]:
    """Structured filter families whose images may lie in ``Sing V``.

    * ``sparse l:j`` — weight ``j`` of layer ``l`` is zero;
    * ``lacunary l (r)`` — layer ``l`` is a polynomial in ``z^r`` (per axis in 2D), for the
      stride ratios ``r = t_{m-1}/t_{l-1} > 1`` of later layers ``m`` (1D; 2D per axis);
    * ``repeated l=m`` — two layers of the same shape carry the same filter;
    * ``separable l`` (2D) — layer ``l`` is a product ``a(x) b(y)``; ``separable all``;
    * ``hyperroot l,m`` (1D) — the planted shared-hyperroot family of :mod:`.critical`;
    * polynomial networks (``r ≥ 2``) also ``sparse l:j+m:i`` — two weights are zero (sub-networks
      whose functions can have several parameter orbits, candidates for nodes of ``V``).

    Examples
    --------
    >>> from lcnalg import Parameterization
    >>> [f.name for f in candidate_families(Parameterization("2,2 s=2"))]
    ['sparse 1:0', 'sparse 1:1', 'sparse 2:0', 'sparse 2:1', 'repeated 1=2']
    """
    arch = mu.architecture
    shapes = [tuple(f) for f in arch.filters]
    L = len(shapes)
    slices = mu.layer_slices
    t = arch.cumulative_strides
    fams: list[Family] = []

    def free_layer(l: int) -> Callable:
        size = slices[l][1] - slices[l][0]
        return lambda fresh: [fresh() for _ in range(size)]

    def indices(l: int) -> list[tuple[int, ...]]:
        return list(itertools.product(*(range(k) for k in shapes[l])))

    for l in range(L):
        for pos, j in enumerate(indices(l)):
            def zero_one(fresh: Callable, l: int = l, pos: int = pos) -> list:
                size = slices[l][1] - slices[l][0]
                return [None if i == pos else fresh() for i in range(size)]
            builders = [zero_one if i == l else free_layer(i) for i in range(L)]
            tag = ",".join(str(x) for x in j) if len(j) > 1 else str(j[0])
            fams.append(make_family(mu, f"sparse {l + 1}:{tag}",
                                f"weight {tag} of layer {l + 1} is zero", builders))
    if arch.activation is not None:
        flat = [(l, pos, j) for l in range(L) for pos, j in enumerate(indices(l))]
        for (l1, p1, j1), (l2, p2, j2) in itertools.combinations(flat, 2):
            def zero_two(l: int, fresh: Callable, a: tuple = (l1, p1), b: tuple = (l2, p2)) -> list:
                size = slices[l][1] - slices[l][0]
                return [None if (l, i) in (a, b) else fresh() for i in range(size)]
            builders = [(lambda fresh, l=l: zero_two(l, fresh)) for l in range(L)]
            t1 = ",".join(str(x) for x in j1)
            t2 = ",".join(str(x) for x in j2)
            fams.append(make_family(mu, f"sparse {l1 + 1}:{t1}+{l2 + 1}:{t2}",
                                f"weights {t1} of layer {l1 + 1} and {t2} of layer {l2 + 1} are zero", builders))
    for l in range(L):
        ratios = set()
        for m in range(l + 1, L):
            r = tuple(t[m][a] // t[l][a] for a in range(arch.ndim))
            if any(x > 1 for x in r):
                ratios.add(r)
        for r in sorted(ratios):
            idx = indices(l)
            keep = [all(j[a] % r[a] == 0 for a in range(len(r))) for j in idx]
            if all(keep) or sum(keep) < 2:
                continue

            def lac(fresh: Callable, keep: list = keep) -> list:
                return [fresh() if k else None for k in keep]
            builders = [lac if i == l else free_layer(i) for i in range(L)]
            rs = "x".join(str(x) for x in r)
            fams.append(make_family(mu, f"lacunary {l + 1} (r={rs})",
                                f"layer {l + 1} is a polynomial in z^{rs}", builders))
    if arch.ndim == 1:
        # layer l has a factor R(z^r) of the size of layer m: R and p_m can be swapped
        for l in range(L):
            for m in range(l + 1, L):
                r = t[m][0] // t[l][0]
                for dR in range(1, shapes[m][0]):
                    if r < 2 or r * dR > shapes[l][0] - 1:
                        continue
                    dq = shapes[l][0] - 1 - r * dR
                    if dq == 0:
                        continue   # layer l is then lacunary: that family is listed already
                    fams.append(_factor_family(mu, shapes, l, m, r, dR, dq, free_layer))
    for l in range(L):
        for m in range(l + 1, L):
            if shapes[l] != shapes[m]:
                continue
            size = slices[l][1] - slices[l][0]
            shared: list[int] = []

            def first(fresh: Callable, size: int = size, shared: list = shared) -> list:
                shared.extend(fresh() for _ in range(size))
                return list(shared)

            def second(fresh: Callable, shared: list = shared) -> list:
                return list(shared)
            builders = [first if i == l else second if i == m else free_layer(i) for i in range(L)]
            fams.append(make_family(mu, f"repeated {l + 1}={m + 1}",
                                f"layers {l + 1} and {m + 1} carry the same filter", builders))
    if arch.ndim == 2:
        def sep(fresh: Callable, shape: tuple) -> list:
            a = [fresh() for _ in range(shape[0])]
            b = [fresh() for _ in range(shape[1])]
            return [[(1, (a[i], b[j]))] for i in range(shape[0]) for j in range(shape[1])]
        # layers with a side of length 1 are separable already
        nontrivial = [l for l in range(L) if min(shapes[l]) > 1]
        subsets = [[l] for l in nontrivial] + ([nontrivial] if len(nontrivial) > 1 else [])
        for sub in subsets:
            builders = [(lambda fresh, s=shapes[i]: sep(fresh, s)) if i in sub else free_layer(i)
                        for i in range(L)]
            tag = "all" if len(sub) > 1 else str(sub[0] + 1)
            fams.append(make_family(mu, f"separable {tag}",
                                "layer(s) " + ", ".join(str(i + 1) for i in sub)
                                + " are products a(x) b(y) of univariate filters", builders))
    if arch.ndim == 1:
        ratio = {(a, b): r for a, b, r in arch.layer_pairs()}
        for pair in planted_families(arch):
            l, m = pair[0] - 1, pair[1] - 1
            r = ratio[(l, m)]
            beta: list[int] = []

            def hyper(fresh: Callable, k: int, step: int, beta: list = beta) -> list:
                # (y^step - beta) q(y), q of degree k - 1 - step
                if not beta:
                    beta.append(fresh())
                q = [fresh() for _ in range(k - step)]
                out: list[list] = [[] for _ in range(k)]
                for j, qj in enumerate(q):
                    out[j + step].append((1, (qj,)))
                    out[j].append((-1, (qj, beta[0])))
                return out
            builders = []
            for i in range(L):
                k = shapes[i][0]
                if i == l:
                    builders.append(lambda fresh, k=k, r=r: hyper(fresh, k, r))
                elif i == m:
                    builders.append(lambda fresh, k=k: hyper(fresh, k, 1))
                else:
                    builders.append(free_layer(i))
            fams.append(make_family(mu, f"hyperroot {pair[0]},{pair[1]}",
                                f"layers {pair[0]} and {pair[1]} share a hyperroot orbit: "
                                f"(y^{r} - b) | p_{pair[0]}(y) and p_{pair[1]}(b) = 0", builders))
    return fams


def _factor_family(mu: Any, shapes: list, l: int, m: int, r: int, dR: int, dq: int,
                   free_layer: Callable) -> Family:
    """Layer ``l`` = ``q(z) R(z^r)`` with ``deg_y R = dR``: ``R`` can trade places with a factor
    of layer ``m`` (another factorization of the same end-to-end filter)."""
    def fac(fresh: Callable) -> list:
        k = shapes[l][0]
        q = [fresh() for _ in range(dq + 1)]
        R = [fresh() for _ in range(dR + 1)]
        out: list[list] = [[] for _ in range(k)]
        for i, qi in enumerate(q):
            for j, Rj in enumerate(R):
                out[i + r * j].append((1, (qi, Rj)))
        return out
    builders = [fac if i == l else free_layer(i) for i in range(len(shapes))]
    return make_family(mu, f"factor {l + 1}<->{m + 1} (r={r}, deg {dR})",
                   f"layer {l + 1} has a factor R(z^{r}) of degree {dR} in z^{r}, "
                   f"exchangeable with a factor of layer {m + 1}", builders)


def jacobian_rank_at(jac: Sequence[Sequence[Any]], point: Sequence[int]) -> int:
    """Exact rank over Q of the symbolic Jacobian ``jac`` at an integer point.

    Examples
    --------
    >>> import flint
    >>> ctx = flint.fmpz_mpoly_ctx.get(("x", "y"), "degrevlex"); x, y = ctx.gens()
    >>> jacobian_rank_at([[2*x, 2*y]], [0, 0]), jacobian_rank_at([[2*x, 2*y]], [1, 0])
    (0, 1)
    """
    if not jac:
        return 0
    vals = [flint.fmpz(int(v)) for v in point]
    return flint.fmpq_mat([[int(e(*vals)) for e in row] for row in jac]).rank()


def image_rank(mu: Any, fam: Family, t0: Sequence[int]) -> int:
    """Exact rank of ``J(μ∘φ)`` at ``t0``: a lower bound on ``dim P`` (equal generically)."""
    vals = [flint.fmpz(v) for v in t0]
    theta0 = [int(p(*vals)) for p in fam.theta]
    jmu = mu.jacobian_at(theta0)
    a = fam.ctx.nvars()
    jphi = flint.fmpq_mat([[int(p.derivative(i)(*vals)) for i in range(a)] for p in fam.theta])
    return (jmu * jphi).rank()


def certify_family(mu: Any, jac: Sequence[Sequence[Any]], codim: int, fam: Family, *, seed: int,
                   max_terms: int | None = None, max_bordered: int | None = None,
                   limits: Limits | None = None, budget: Budget | None = None) -> dict[str, Any]:
    """Decide exactly whether the image of a family lies in ``Sing V``.

    Returns a dict: ``name``, ``description``, ``dimension`` (exact rank of ``J(μ∘φ)`` at a
    random point: a lower bound on ``dim P``, equal to it generically), ``jacobian_rank`` (rank of
    ``J_g`` at that point), ``in_singular_locus`` (True: certified by the bordered minors;
    False: certified by the point; None: not decided -- a bordered minor was non-zero (the
    point was special) or the certificate exceeded ``limits.max_certificate_terms`` (terms of
    one entry of ``G(t)``; overridden by ``max_terms``) or ``limits.max_bordered`` (overridden
    by ``max_bordered``), or the terms of the minors' expansion passed ``budget`` (by default
    ``limits.max_minor_terms``)), and ``sample`` (an integer point of ``P``).

    Examples
    --------
    >>> from lcnalg import Parameterization
    >>> from lcnalg.algebra.implicitization import implicit_equations
    >>> mu = Parameterization("3,3 s=2")
    >>> eqs = implicit_equations(mu).polynomials
    >>> jac = [[g.derivative(j) for j in range(7)] for g in eqs]
    >>> fam = [f for f in candidate_families(mu) if f.name.startswith("lacunary")][0]
    >>> r = certify_family(mu, jac, 2, fam, seed=0)
    >>> r["name"], r["dimension"], r["in_singular_locus"]
    ('lacunary 1 (r=2)', 4, True)
    """
    limits = Limits.coerce(limits, max_certificate_terms=max_terms, max_bordered=max_bordered)
    rng = random.Random(seed)
    a = fam.ctx.nvars()
    t0 = [rng.randint(-97, 97) or 1 for _ in range(a)]
    vals = [flint.fmpz(v) for v in t0]
    theta0 = [int(p(*vals)) for p in fam.theta]
    c0 = [int(x) for x in mu.evaluate(theta0)]
    out: dict[str, Any] = {"name": fam.name, "description": fam.description,
                           "dimension": image_rank(mu, fam, t0), "sample": tuple(c0)}
    cvals = [flint.fmpz(x) for x in c0]
    G0 = flint.fmpq_mat([[int(e(*cvals)) for e in row] for row in jac])
    rho = G0.rank()
    out["jacobian_rank"] = rho
    if rho >= codim:
        out["in_singular_locus"] = False
        out["certificate"] = f"rank J_g = {rho} = codim at an integer point of the family"
        return out
    # symbolic G(t) = J_g(mu(phi(t))), entries computed lazily
    coords = [c.compose(*fam.theta, ctx=fam.ctx) for c in mu.coordinates]
    entry = composed_entries(jac, coords, fam.ctx, limits, f"terms of one entry of J_g on the family {fam.name}")
    proved, why = rank_drop_certificate(entry, G0, rho, fam.ctx.from_dict({}), limits, budget)
    out["in_singular_locus"] = True if proved else None
    out["certificate"] = (f"all {why} bordered {rho + 1}-minors of J_g(mu(phi(t))) vanish identically in "
                          f"Z[t] (rank over Q(t) = {rho} < {codim})") if proved else why
    return out


def composed_entries(matrix: Sequence[Sequence[Any]], args: Sequence[Any], ctx: Any, limits: Limits,
                     what: str) -> Callable[[int, int], Any]:
    """``(i, j) ↦ matrix[i][j](args)`` in the ring ``ctx``, composed on first use and kept; each
    entry's terms are checked against ``limits.max_certificate_terms`` (``what`` names them)."""
    cache: dict[tuple[int, int], Any] = {}
    a = ctx.nvars()

    def entry(i: int, j: int) -> Any:
        if (i, j) not in cache:
            e = matrix[i][j]
            v = e.compose(*args, ctx=ctx) if not e.is_constant() else ctx.from_dict(
                {tuple([0] * a): int(e.coefficient(0))} if len(e) else {})
            limits.check("max_certificate_terms", what, len(v))
            cache[(i, j)] = v
        return cache[(i, j)]

    return entry


def rank_drop_certificate(entry: Callable[[int, int], Any], G0: Any, rho: int, zero: Any,
                          limits: Limits, budget: Budget | None = None) -> tuple[bool, str]:
    """Prove that a polynomial matrix ``G(t)`` has rank ``rho`` over ``Q(t)``, given ``G(t0)`` of rank ``rho``.

    Bordering theorem: with rows ``R`` and columns ``C`` of a non-zero ``rho × rho`` minor of
    ``G(t0)`` (so of ``G(t)``), ``rank G(t) = rho`` iff every ``(rho+1)``-minor of ``G(t)`` on
    ``R + {i}``, ``C + {j}`` vanishes; each is expanded exactly in ``Z[t]``, with the
    sub-minors on ``C`` shared between them (:func:`~lcnalg.polys.minors.bordered_minors`).
    ``entry(i, j)`` returns the polynomial entry (it may raise :class:`ResourceLimitError`).

    Returns
    -------
    (bool, str)
        ``(True, number of bordered minors)`` when proved; ``(False, why)`` when a bordered
        minor is non-zero (``t0`` was special) or ``limits.max_bordered``, an entry's bound,
        ``limits.max_subminors`` or the terms of the expansion (``budget``, by default
        ``limits.max_minor_terms``) refused the certificate.

    Examples
    --------
    >>> import flint
    >>> ctx = flint.fmpz_mpoly_ctx.get(("t",), "degrevlex"); t, = ctx.gens()
    >>> G = [[t, t**2], [1, t]]          # rank 1: the second row is the first divided by t
    >>> M = [[ctx.from_dict({(0,): 1}) * e for e in row] for row in G]
    >>> rank_drop_certificate(lambda i, j: M[i][j], flint.fmpq_mat([[2, 4], [1, 2]]), 1, ctx.from_dict({}),
    ...                       Limits())
    (True, '1')
    """
    m, n = G0.nrows(), G0.ncols()
    if (m - rho) * (n - rho) > limits.max_bordered:
        return False, f"not certified: {limits.refuse('max_bordered', 'bordered minors', (m - rho) * (n - rho))}"
    rows, cols = _nonsingular_block(G0, rho)
    try:
        for _, _, minor in bordered_minors(entry, (m, n), rows, cols, zero, limits=limits, budget=budget):
            if minor != 0:
                return False, (f"rank {rho} at one point, but a bordered {rho + 1}-minor is non-zero: "
                               "the point was special")
    except ResourceLimitError as err:
        return False, f"not certified: {err}"
    return True, str((m - rho) * (n - rho))


def _nonsingular_block(M: Any, rho: int) -> tuple[list[int], list[int]]:
    """Rows and columns of a non-zero ``rho × rho`` minor of an fmpq_mat of rank ``rho``: the
    first independent rows (the pivots of the echelon form of the transpose), then the first
    independent columns among them (two eliminations, whatever the size).

    Examples
    --------
    >>> _nonsingular_block(flint.fmpq_mat([[0, 0, 0], [1, 2, 3], [2, 4, 6], [0, 1, 1]]), 2)
    ([1, 3], [0, 1])
    """
    rows = _pivots(M.transpose())[:rho]
    sub = flint.fmpq_mat([[M[r, c] for c in range(M.ncols())] for r in rows])
    return rows, _pivots(sub)[:rho]


def _pivots(M: Any) -> list[int]:
    """The pivot columns of the reduced row echelon form of ``M``."""
    R, rank = M.rref()
    out: list[int] = []
    j = 0
    for i in range(rank):
        while R[i, j] == 0:
            j += 1
        out.append(j)
        j += 1
    return out


def section_upper_bound(eqs: Sequence[Any], codim: int, u: int, *, seed: int,
                        modulus: int = GF_PRIME, max_dets: int | None = None,
                        bound: int = 50, max_terms: int | None = None,
                        limits: Limits | None = None) -> tuple[bool, int]:
    """Try to prove ``dim Sing V ≤ u`` by a linear section (module docstring).

    Returns ``(proved, number of determinants used)``.  ``proved`` is exact whatever the
    random choices; False only means this attempt did not reach the bound.

    Raises
    ------
    ResourceLimitError
        When one determinant may have more than ``limits.max_section_terms`` terms (overridden
        by ``max_terms``; checked first), or the Macaulay matrices of the Gröbner basis of the
        section pass ``limits.max_section_entries`` entries in total.

    Examples
    --------
    >>> import flint
    >>> ctx = flint.fmpz_mpoly_ctx.get(("x", "y", "z"), "degrevlex"); x, y, z = ctx.gens()
    >>> section_upper_bound([x*y - z**2], 1, 0, seed=0)   # the quadric cone: Sing = {0}
    (True, 2)
    """
    limits = Limits.coerce(limits, max_section_terms=max_terms)
    n = eqs[0].context().nvars()
    s = n - u
    if s <= 0:
        return True, 0
    D = codim * max(g.total_degree() - 1 for g in eqs)
    est = math.comb(s + D - 1, D)
    limits.check("max_section_terms", f"terms of one projected {codim}x{codim} determinant on a linear "
                 f"section (degree {D} in {s} variables)", est)
    rng = random.Random(seed)
    ctx = integer_ring(tuple(f"y{i}" for i in range(s)))
    ys = ctx.gens()
    while True:   # L = M C^s must have dimension s (M injective), checked exactly
        M = [[rng.randint(-bound, bound) for _ in range(s)] for _ in range(n)]
        if flint.fmpq_mat(M).rank() == s:
            break
    lin = [sum((M[i][j] * ys[j] for j in range(s)), ctx.from_dict({})) for i in range(n)]
    gL = [g.compose(*lin, ctx=ctx) for g in eqs]
    jL = [[g.derivative(j).compose(*lin, ctx=ctx) for j in range(n)] for g in eqs]
    zero = ctx.from_dict({})
    m = len(eqs)
    polys = [g for g in gL if g != 0]
    max_dets = max_dets if max_dets is not None else s + 2
    for k in range(1, max_dets + 1):
        A = [[rng.randint(-bound, bound) for _ in range(m)] for _ in range(codim)]
        B = [[rng.randint(-bound, bound) for _ in range(codim)] for _ in range(n)]
        AJ = [[sum((A[i][r] * jL[r][j] for r in range(m)), zero) for j in range(n)] for i in range(codim)]
        AJB = [[sum((AJ[i][j] * B[j][q] for j in range(n)), zero) for q in range(codim)]
               for i in range(codim)]
        d = determinant(AJB, zero)
        comps: dict[int, dict] = {}
        for e, c in zip(d.monoms(), d.coeffs()):
            comps.setdefault(sum(e), {})[tuple(e)] = int(c)
        polys += [ctx.from_dict(v) for v in comps.values()]
        if k < min(s - 1, max_dets):
            continue   # fewer than s - 1 extra equations cannot cut the section to a point
        try:
            gb = groebner_basis(polys, "degrevlex", modulus=modulus, limits=limits,
                                max_total_entries=limits.max_section_entries)
        except ResourceLimitError as err:
            if err.limit != "max_total_entries":
                raise
            raise limits.refuse("max_section_entries", f"total Macaulay entries of the Groebner basis of "
                                f"a linear section in {s} variables", err.estimate) from None
        if gb.dimension() <= 0:
            return True, k
    return False, max_dets
