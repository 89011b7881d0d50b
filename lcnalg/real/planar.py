"""2D membership: groupings of irreducible factors (MATH.md §1, D = 2).

When at most one layer extends along both axes, :func:`contains_2d` first takes the shorter
exact route of :mod:`lcnalg.real.contents` (contents and primitive part are forced by ``P``;
30–400x faster, no absolute factorization).  Otherwise, or with ``route="factorization"``:

``c ∈ M`` iff ``p_c(x, y) = Π_l q_l(x^{a_l}, y^{b_l})`` with real ``q_l`` supported in the
box ``[0, k_{l,1} − 1] × [0, k_{l,2} − 1]`` (``(a_l, b_l)`` the cumulative strides).

* Factor ``p`` over Q (FLINT ``fmpz_mpoly.factor``).  Any grouping of the Q-irreducible
  factors into layers whose products have the sparse shape is a real (even rational)
  factorization: **contained**, with an exact witness.
* Conversely, if every Q-irreducible factor is *absolutely* irreducible, then by unique
  factorization in ``C[x, y]`` every real factorization is such a grouping (times real
  constants), so an exhaustive search over groupings decides: **not contained**.
  Absolute irreducibility is certified by one of: total degree 1; degree 1 in one
  variable (``f = a·x + b`` with ``gcd(a, b) = 1`` over Q, hence over C); Gao's criterion
  (an integrally indecomposable Newton polygon, checked exactly over the edge vectors).
* Otherwise a factor might split over R into factors that could be shared out
  differently: lcnalg computes the exact absolute factorization of every such factor
  (:mod:`lcnalg.real.absolute`) and searches the groupings of the irreducible factors over
  R (:mod:`lcnalg.real.planar_real`), which decides exactly.
"""

from __future__ import annotations

import math
from collections import Counter
from fractions import Fraction
from typing import Any

import flint

from lcnalg.architecture import Architecture
from lcnalg.errors import ResourceLimitError
from lcnalg.real.absolute import DEFAULT_MAX_FIELD_WORK
from lcnalg.rings import integer_ring

__all__ = ["contains_2d", "absolutely_irreducible_certificate", "newton_polygon_indecomposable"]


def _hull(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def newton_polygon_indecomposable(points: list[tuple[int, int]]) -> bool:
    """Is the lattice polygon ``conv(points)`` integrally indecomposable? (exact)

    Edges ``e_i = g_i v_i`` (``v_i`` primitive, counter-clockwise).  A proper Minkowski
    summand corresponds to integers ``0 ≤ h_i ≤ g_i`` with ``Σ h_i v_i = 0``, ``h ≠ 0``,
    ``h ≠ g`` (Gao 2001); lcnalg searches all of them.

    Examples
    --------
    >>> newton_polygon_indecomposable([(0, 0), (2, 0), (0, 3)])    # x^2 + y^3 + 1
    True
    >>> newton_polygon_indecomposable([(0, 0), (2, 0), (0, 2)])    # could be (x+y+1)(x+y+2)
    False
    """
    hull = _hull(points)
    if len(hull) == 1:
        return False
    edges = []
    for i in range(len(hull)):
        a, b = hull[i], hull[(i + 1) % len(hull)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        g = math.gcd(dx, dy)
        edges.append((dx // g, dy // g, g))
    states = {(0, 0, False, True)}   # (sum x, sum y, some h > 0, all h = g so far)
    for vx, vy, g in edges:
        nxt = set()
        for sx, sy, pos, full in states:
            for h in range(g + 1):
                nxt.add((sx + h * vx, sy + h * vy, pos or h > 0, full and h == g))
        states = nxt
    return not any(sx == 0 and sy == 0 and pos and not full for sx, sy, pos, full in states)


def absolutely_irreducible_certificate(f: Any) -> str | None:
    """A reason why a Q-irreducible bivariate ``f`` is absolutely irreducible, or ``None``.

    Examples
    --------
    >>> R = integer_ring(("x", "y")); x, y = R.gens()
    >>> absolutely_irreducible_certificate(x**2 + y**3 + 1)
    'Gao: integrally indecomposable Newton polygon'
    >>> absolutely_irreducible_certificate(x**2 + 1) is None
    True
    """
    if f.total_degree() == 1:
        return "total degree 1"
    degs = f.degrees()
    for v in range(2):
        if degs[v] == 1 and degs[1 - v] >= 0:
            return f"degree 1 in {'xy'[v]}, coprime coefficients (f is Q-irreducible)"
    if newton_polygon_indecomposable([tuple(e) for e in f.monoms()]):
        return "Gao: integrally indecomposable Newton polygon"
    return None


def contains_2d(arch: Architecture, values: tuple[Fraction, ...], max_nodes: int,
                max_field_work: int = DEFAULT_MAX_FIELD_WORK, max_precision: int | None = None,
                route: str = "auto") -> dict:
    """The 2D decision (see the module docstring); returns the fields of a ContainmentResult.

    ``route="auto"`` decides architectures where at most one layer extends along both axes
    through contents and primitive part (:func:`lcnalg.real.contents.contains_by_contents`,
    exact gcds over Q, no absolute factorization); ``"factorization"`` always uses the
    factorization over Q and over R (the independent route the tests compare with)."""
    from lcnalg.real.membership import _fmt, _zero_witness

    nx, ny = arch.end_to_end_filter_shape
    if all(v == 0 for v in values):
        return dict(contained=True, certified=True, witness=_zero_witness(arch), witness_exact=True,
                    reason="the zero filter is the image of all-zero layers", argument="μ(0, …, 0) = 0",
                    method="zero filter")
    if route not in ("auto", "factorization"):
        raise ValueError(f"route: {route!r} is not 'auto' or 'factorization'")
    if route == "auto":
        from lcnalg.real.contents import contains_by_contents, pure_layer_structure

        if pure_layer_structure(arch) is not None:
            return contains_by_contents(arch, values, max_nodes)
    den = math.lcm(*(v.denominator for v in values))
    ctx = integer_ring(("x", "y"))
    p = ctx.from_dict({(i, j): int(values[i * ny + j] * den) for i in range(nx) for j in range(ny)
                       if values[i * ny + j] != 0})
    const, fac = p.factor()
    atoms = [(f, int(e)) for f, e in fac]
    t = arch.cumulative_strides
    layers = [((f[0] - 1, f[1] - 1), t[l]) for l, f in enumerate(arch.filters)]
    nodes = [0]

    def fits(g: Any, l: int) -> bool:
        (n1, n2), (a, b) = layers[l]
        for e in g.monoms():
            if e[0] % a or e[1] % b or e[0] // a > n1 or e[1] // b > n2:
                return False
        return True

    memo: dict = {}

    def rec(l: int, remaining: tuple[int, ...]) -> list | None:
        key = (l, remaining)
        if key in memo:
            return memo[key]
        nodes[0] += 1
        if nodes[0] > max_nodes:
            raise ResourceLimitError("nodes of the 2D factor-grouping search", nodes[0], max_nodes,
                                     "pass max_nodes= to contains (CLI: --max-nodes)")
        if l == len(layers) - 1:
            g = ctx.from_dict({(0, 0): 1})
            for (f, _), c in zip(atoms, remaining):
                g *= f ** c
            out = [remaining] if fits(g, l) else None
            memo[key] = out
            return out
        for choice in _sub_multisets(remaining):
            g = ctx.from_dict({(0, 0): 1})
            for (f, _), c in zip(atoms, choice):
                g *= f ** c
            if not fits(g, l):
                continue
            rest = rec(l + 1, tuple(r - c for r, c in zip(remaining, choice)))
            if rest is not None:
                memo[key] = [choice] + rest
                return memo[key]
        memo[key] = None
        return None

    found = rec(0, tuple(e for _, e in atoms))
    factor_text = [[str(f), e] for f, e in atoms]
    if found is not None:
        witness = []
        for l, choice in enumerate(found):
            g = ctx.from_dict({(0, 0): 1})
            for (f, _), c in zip(atoms, choice):
                g *= f ** c
            (n1, n2), (a, b) = layers[l]
            coeff = [[Fraction(0)] * (n2 + 1) for _ in range(n1 + 1)]
            for e, c in g.terms():
                coeff[e[0] // a][e[1] // b] = Fraction(int(c))
            if l == 0:
                scale = Fraction(int(const)) / den
                coeff = [[c * scale for c in row] for row in coeff]
            witness.append(tuple(_fmt(c) for row in coeff for c in row))
        from lcnalg.parameterization import Parameterization

        check = Parameterization(arch).evaluate([[Fraction(x) for x in w] for w in witness])
        if tuple(Fraction(x) for x in check) != values:
            raise RuntimeError("2D witness does not multiply back")  # pragma: no cover
        return dict(contained=True, certified=True, witness=tuple(witness), witness_exact=True,
                    reason="a grouping of the irreducible factors over Q has the required sparse shape",
                    argument="exact factorization over Q (FLINT); the witness multiplies back exactly",
                    data={"factorization": factor_text}, method="FLINT bivariate factorization over Q")
    missing = [(str(f), absolutely_irreducible_certificate(f)) for f, _ in atoms]
    unsure = [f for f, cert in missing if cert is None]
    if unsure:
        from lcnalg.real.planar_real import real_grouping

        return real_grouping(arch, values, int(const), den, atoms, [c for _, c in missing], layers,
                             max_nodes, max_field_work,
                             **({} if max_precision is None else {"max_precision": max_precision}))
    return dict(contained=False, certified=True,
                reason=("not a product of the required sparse shape: no grouping of the irreducible factors "
                        f"{', '.join(str(f) for f, _ in atoms)} into the layers' shapes exists"),
                argument=("every Q-irreducible factor is absolutely irreducible ("
                          + "; ".join(f"{f}: {c}" for f, c in missing)
                          + "), so by unique factorization in C[x, y] every real factorization is a grouping "
                            "of them; the exhaustive grouping search found none"),
                data={"factorization": factor_text}, method="FLINT bivariate factorization over Q")


def _sub_multisets(counts: tuple[int, ...]):
    ranges = [range(c, -1, -1) for c in counts]
    import itertools

    yield from itertools.product(*ranges)
