"""Bounds on the dimension of the boundary of ``M`` relative to ``V(R)`` for layers ``1..k`` at stride one and the
others at one stride (docs/theory.md#polyphase-head-2d, the dimension of the relative boundary).

**Upper bound.**  ``d = dim V = N − L + 1`` (``N`` parameters, ``L`` layers): a nonzero filter has finitely many
factorizations up to the scalings (unique factorization), and the scalings act freely on tuples of nonzero
layers, so the generic fibre of the parameterization has dimension ``L − 1``.  ``∂_V M = M ∩ closure(V(R) \\ M)``
lies in the frontier of the semi-algebraic set ``V(R) \\ M``, of dimension ``< dim(V(R) \\ M) ≤ d``
(Bochnak–Coste–Roy, Prop. 2.8.13): ``dim ∂_V M ≤ d − 1``.

**Lower bound: families with forced monomials.**  Fix per layer a monomial ``x^{e_l} y^{f_l}`` (``u^{e_l} v^{f_l}``
in a strided layer) and let ``Θ`` be the linear space of parameters whose layer ``l`` is that monomial times any
polynomial ``s_l`` of the reduced box.  At an integer point ``θ_0 ∈ Θ`` the monomial limits of
:func:`~lcnalg.real.polyphase_head_2d.head_boundary_member` decide ``P(θ_0) ∈ ∂_V M`` from data (the real factor
types of ``P``, the blocks of its polyphase gcd ``G``, the exponents of ``u``, ``v`` in ``G``) that are constant
for ``θ`` near ``θ_0`` in ``Θ`` when (α) every head ``s_l`` whose reduced box has both sides ``≥ 1`` is absolutely
irreducible of that exact bidegree, the others of exact degree; (β) likewise every strided ``s_l`` with
``s_l(x^a, y^b)`` absolutely irreducible; (γ) ``R = Π_l s_l(π_l)`` is squarefree and prime to ``x`` and ``y``;
(δ) with ``A_s`` the part of the head product lying structurally in ``R[x^a, y^b]`` (the powers ``x^{a⌊E/a⌋}``,
``y^{b⌊F/b⌋}`` of its monomials and its univariate layers in a variable of stride one) and ``A_n`` the rest,
the polyphase gcd of ``A_n`` is 1.  Then a neighbourhood of ``θ_0`` in ``Θ`` maps into ``∂_V M``, so
``dim ∂_V M ≥ rank d(μ|Θ)(θ_0)``, computed exactly.  The families are tried by decreasing ``dim Θ`` until no later
one can do better.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import flint

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.limits import Limits
from lcnalg.polys.mpoly_factor import factor as mpoly_factor
from lcnalg.real.patterns import factor_types
from lcnalg.real.polyphase_2d import Polyphase2DShape, polyphase_gcd_2d
from lcnalg.real.polyphase_head_2d import head_2d_shape, head_boundary_member
from lcnalg.rings import integer_ring

__all__ = ["HeadBoundaryDimension", "head_boundary_dimension"]

Box = tuple[int, int]


@dataclass(frozen=True)
class HeadBoundaryDimension:
    """The bounds of :func:`head_boundary_dimension`.

    Attributes
    ----------
    lower : int or None
        A proved lower bound on ``dim ∂_V M`` (the rank of a certified monomial family), None when none was found.
    upper : int
        ``dim V − 1``.
    dim_v : int
        ``dim V = N − L + 1``.
    sample : tuple of Fraction
        A point of ``∂_V M`` at which the family of ``lower`` is certified (empty when none).
    family : str
        The forced monomials of that family, layer by layer.
    reason : str
    monomials : tuple of (int, int)
        The forced monomials ``(e_l, f_l)`` per layer (in ``u, v`` for a strided layer).
    layers : tuple of dict
        The free parts ``s_l`` at the sample, ``{(i, j): c}`` in each layer's own variables: the sample is
        ``Π_l (x^{e_l} y^{f_l} s_l)∘π_l``.
    """

    lower: int | None
    upper: int
    dim_v: int
    sample: tuple
    family: str
    reason: str
    monomials: tuple = ()
    layers: tuple = ()

    @property
    def exact(self) -> bool:
        """True when the bounds meet."""
        return self.lower == self.upper


def _poly(ctx: Any, d: dict) -> Any:
    return ctx.from_dict({m: c for m, c in d.items() if c})


def _composite(s: Any, a: int, b: int) -> Any:
    return integer_ring(("x", "y")).from_dict({(int(m[0]) * a, int(m[1]) * b): int(c) for m, c in s.terms()})


def _exact(s: Any, box: Box) -> bool:
    degs = s.degrees()
    return tuple(int(t) for t in degs) == tuple(box) if s != 0 else box == (0, 0)


def _absolutely_irreducible(f: Any, box: Box, limits: Limits) -> bool:
    types = factor_types(f, limits)
    return len(types) == 1 and types[0] == (("R",) + tuple(box), 1)


def _stable(shape: Any, mono: list, free: list, limits: Limits) -> bool:
    """Conditions (α)–(δ) of the module docstring at one point of a family."""
    a, b = shape.strides
    k = len(shape.head_boxes)
    boxes = shape.head_boxes + shape.boxes
    xy = integer_ring(("x", "y"))
    X, Y = xy.gens()
    rest = xy.from_dict({(0, 0): 1})
    irreducible = []
    for l, (s, box, m) in enumerate(zip(free, boxes, mono)):
        rb = (box[0] - m[0], box[1] - m[1])
        if not _exact(s, rb):
            return False
        comp = _composite(s, *((1, 1) if l < k else (a, b)))
        if rb[0] >= 1 and rb[1] >= 1:
            step = (1, 1) if l < k else (a, b)
            irreducible.append((comp, (step[0] * rb[0], step[1] * rb[1])))
        rest = rest * comp
    if rest.total_degree() > 0:
        _, fac = mpoly_factor(rest)
        if any(int(e) > 1 or f == X or f == Y for f, e in fac):
            return False
    # (δ): the head product less its structural part has polyphase gcd 1
    E = sum(m[0] for m in mono[:k])
    F = sum(m[1] for m in mono[:k])
    an = xy.from_dict({(E % a, F % b): 1})
    for l in range(k):
        rb = (boxes[l][0] - mono[l][0], boxes[l][1] - mono[l][1])
        structural = (rb[1] == 0 and a == 1) or (rb[0] == 0 and b == 1)
        if not structural:
            an = an * xy.from_dict({(int(t[0]), int(t[1])): int(c) for t, c in free[l].terms()})
    terms = {(int(t[0]), int(t[1])): int(c) for t, c in an.terms()}
    tx, ty = max(t[0] for t in terms), max(t[1] for t in terms)
    vals = [Fraction(terms.get((i, j), 0)) for i in range(tx + 1) for j in range(ty + 1)]
    g, _ = polyphase_gcd_2d(vals, Polyphase2DShape((0, 0), (a, b), (), (tx, ty)))
    return g == {(0, 0): 1} and all(_absolutely_irreducible(f, box, limits) for f, box in irreducible)


def _rank(shape: Any, mono: list, free: list) -> int:
    """The rank of the differential of ``μ`` restricted to the family at the point (exact)."""
    a, b = shape.strides
    k = len(shape.head_boxes)
    boxes = shape.head_boxes + shape.boxes
    xy = integer_ring(("x", "y"))
    polys = []
    for l, (s, m) in enumerate(zip(free, mono)):
        step = (1, 1) if l < k else (a, b)
        q = xy.from_dict({(int(t[0]) * step[0] + m[0] * step[0], int(t[1]) * step[1] + m[1] * step[1]): int(c)
                          for t, c in s.terms()})
        polys.append(q)
    nx, ny = shape.total[0] + 1, shape.total[1] + 1
    rows = []
    for l, (box, m) in enumerate(zip(boxes, mono)):
        other = xy.from_dict({(0, 0): 1})
        for j, p in enumerate(polys):
            if j != l:
                other = other * p
        step = (1, 1) if l < k else (a, b)
        for i in range(box[0] - m[0] + 1):
            for j in range(box[1] - m[1] + 1):
                col = other * xy.from_dict({((i + m[0]) * step[0], (j + m[1]) * step[1]): 1})
                d = {(int(t[0]), int(t[1])): int(c) for t, c in col.terms()}
                rows.append([d.get((p, q), 0) for p in range(nx) for q in range(ny)])
    return flint.fmpz_mat(rows).rank() if rows else 0


def head_boundary_dimension(arch: Architecture | str, limits: Limits | None = None, *, attempts: int = 2,
                            seed: int = 0) -> HeadBoundaryDimension:
    """Bounds on the dimension of the boundary of ``M`` relative to ``V(R)`` in the head case (module docstring).

    Parameters
    ----------
    arch : Architecture or str
        Layers ``1..k`` at stride ``(1, 1)``, the others at one stride ``(a, b) ≠ (1, 1)``.
    limits : Limits, optional
        ``max_nodes`` bounds the families tried (and, through them, the certificates run); the others as for
        :func:`~lcnalg.real.polyphase_head_2d.head_boundary_member`.
    attempts : int
        Integer points tried per family (coefficients from a generator seeded by ``seed``).
    seed : int

    Returns
    -------
    HeadBoundaryDimension

    Raises
    ------
    InputError
        When the architecture has another shape.
    ResourceLimitError
        When a bound of ``limits`` is exceeded.

    Examples
    --------
    >>> r = head_boundary_dimension("2x2,2x2,2x2 s=1x1,2x1")
    >>> r.dim_v, r.upper, r.lower is not None and r.lower <= r.upper
    (10, 9, True)
    """
    shape = head_2d_shape(arch)
    if shape is None:
        raise InputError(f"architecture {checks.short(str(arch), 60)}: the head boundary dimension needs a 2D "
                         "linear one-channel architecture with layers 1..k at stride 1x1 and the others at one "
                         "stride (e.g. 2x2,2x2,2x2 s=1x1,2x1)")
    attempts = checks.positive_int(attempts, "attempts")
    seed = checks.seed(seed)
    limits = Limits.coerce(limits)
    arch = Architecture.coerce(arch)
    a, b = shape.strides
    k = len(shape.head_boxes)
    boxes = shape.head_boxes + shape.boxes
    L = len(boxes)
    N = sum((n[0] + 1) * (n[1] + 1) for n in boxes)
    d = N - L + 1
    upper = d - 1
    choices = [[(e, f) for e in range(n[0] + 1) for f in range(n[1] + 1)] for n in boxes]
    families = sorted(itertools.product(*choices),
                      key=lambda mono: (-sum((n[0] - m[0] + 1) * (n[1] - m[1] + 1) for n, m in zip(boxes, mono)),
                                        mono))
    budget = limits.budget("max_nodes", "families with forced monomials tried for the relative boundary's dimension")
    rng = random.Random(seed)
    best: tuple | None = None
    xy, uv = integer_ring(("x", "y")), integer_ring(("u", "v"))
    nx, ny = shape.total[0] + 1, shape.total[1] + 1
    for mono in families:
        dim_theta = sum((n[0] - m[0] + 1) * (n[1] - m[1] + 1) for n, m in zip(boxes, mono))
        if best is not None and dim_theta - L + 1 <= best[0]:
            break
        # a monomial limit needs u (v) in the polyphase gcd with a ≥ 2 (b ≥ 2); under (δ) its exponent is that of
        # the strided layers' monomials plus ⌊E/a⌋ (⌊F/b⌋) from the head's
        gu = sum(m[0] for m in mono[k:]) + sum(m[0] for m in mono[:k]) // a
        gv = sum(m[1] for m in mono[k:]) + sum(m[1] for m in mono[:k]) // b
        if not ((a > 1 and gu) or (b > 1 and gv)):
            continue
        for _ in range(attempts):
            budget.spend()
            free = []
            for l, (n, m) in enumerate(zip(boxes, mono)):
                rb = (n[0] - m[0], n[1] - m[1])
                coef = {(i, j): rng.randint(-3, 3) for i in range(rb[0] + 1) for j in range(rb[1] + 1)}
                coef[rb] = rng.choice([-2, -1, 1, 2])
                free.append(_poly(xy if l < k else uv, coef))
            if not _stable(shape, list(mono), free, limits):
                continue
            P = xy.from_dict({(0, 0): 1})
            for l, (s, m) in enumerate(zip(free, mono)):
                step = (1, 1) if l < k else (a, b)
                P = P * xy.from_dict({(int(t[0]) * step[0] + m[0] * step[0], int(t[1]) * step[1] + m[1] * step[1]):
                                      int(c) for t, c in s.terms()})
            terms = {(int(t[0]), int(t[1])): int(c) for t, c in P.terms()}
            values = [Fraction(terms.get((i, j), 0)) for i in range(nx) for j in range(ny)]
            hb = head_boundary_member(arch, values, limits, monomial_only=True)
            if hb.on_boundary is not True or hb.factors[0][0] not in (0, 1):   # monomial limits only
                continue
            rank = _rank(shape, list(mono), free)
            if best is None or rank > best[0]:
                best = (rank, tuple(values), mono, hb.deformation,
                        tuple({(int(t[0]), int(t[1])): int(c) for t, c in f.terms()} for f in free))
            break
        if best is not None and best[0] >= upper:
            break
    if best is None:
        return HeadBoundaryDimension(None, upper, d, (), "", (
            f"dim ∂_V M ≤ {upper} = dim V − 1 (frontier of V(R) \\ M); no family with forced monomials was certified "
            "on it, so no lower bound is derived"))
    rank, values, mono, deformation, layers = best
    words = ", ".join(f"{'x' if l < k else 'u'}^{m[0]}{'y' if l < k else 'v'}^{m[1]}" for l, m in enumerate(mono))
    return HeadBoundaryDimension(rank, upper, d, values, words, (
        f"{rank} ≤ dim ∂_V M ≤ {upper}: upper dim V − 1 = N − L + 1 − 1 (frontier of V(R) \\ M); lower the rank of "
        f"the parameterization on the layers with forced monomials {words}, whose data (factor types, blocks of the "
        f"polyphase gcd) are constant near the certified point, so a neighbourhood of it in that family lies on "
        f"∂_V M (monomial limit {deformation})"), tuple(mono), layers)
