r"""Layers of a filter whose coefficients lie in a real number field: exact over ``Q(τ)`` where possible.

:func:`lcnalg.real.algebraic_root_type.algebraic_root_type` decides the root-orbit type of a
filter ``P ∈ K[z]``, ``K = Q(τ) ⊂ R``, and so whether ``P`` lies in the ordinary function space
``M`` of a 1D architecture; this module produces the layers ``q_l`` with
``P = Π_l q_l(z^{t_l})`` (``t_l`` the cumulative strides), each given *exactly* over ``K``
when its share of the roots allows it and otherwise as certified real balls.

Algorithm
---------
1. *Roots of P, exactly.*  As in ``algebraic_root_type``: ``P = lc(P) z^{μ_0} Π_e h_e^e``
   (Yun over ``K``), the norm ``N = res_T(φ, Π_e h_e)`` is factored over Z and its roots
   isolated; for each ``e`` and each irreducible factor ``f`` of ``N`` the *K-factor*
   ``g = gcd_K(h_e, f)`` (a monic polynomial over ``K``, a real polynomial since ``K ⊂ R``)
   has as roots exactly the roots of ``f`` that are roots of ``h_e``; its ``deg g`` root balls
   are those on which ``g`` (enclosed at a ball of ``τ``) is not certified non-zero, refined
   until exactly ``deg g`` remain.  So each root of ``P`` is known with its multiplicity and
   its K-factor, and ``P = lc(P) z^{μ_0} Π g^e``.
2. *Distribution.*  As in :mod:`lcnalg.real.membership_1d`: the layers with the same
   cumulative stride ``t`` form a group; a group ``t > 1`` takes a conjugation-closed multiset
   of complete orbits ``{ζρ : ζ^t = 1}`` (grouped exactly by the classes ``ρ^t`` of the roots
   of ``N``, :meth:`~lcnalg.polys.univariate.RootData.orbits`) with ``#pairs ≤ Σ ⌊n_l/2⌋``
   and ``#w ≤ Σ n_l``, and the rest must fit the group ``t = 1`` within the same two bounds.
   An exhaustive memoized search over the orbit counts finds a distribution iff one exists
   (then ``P ∈ M``).
3. *Exact layers.*  Within a group a K-factor ``g`` whose roots are complete units of the
   group (orbits for ``t > 1``, real roots and conjugate pairs for ``t = 1``) is placed whole
   into a layer with room for it, when the rest still fits (the two capacity bounds).  A layer
   made only of whole K-factors (and of the root ``0``) is the exact polynomial
   ``Π g^{a}`` of ``K[z]``: its roots are closed under ``ζ_t`` so it is a polynomial in
   ``z^t``, deflated to ``q_l(w)``.  Likewise a unit whose roots are exactly the roots of some
   K-factors (e.g. the orbit ``{1, −1}`` of the K-factors ``z − 1`` and ``z + 1``) contributes the
   exact product of those K-factors (each root once, as one copy of the unit).  Layer 1 also
   takes ``lc(P) ∈ K``.  The remaining units of a layer are certified real balls (``w − a``
   for a real class, ``w² − 2 Re a w + |a|²`` for a pair), and such a layer is given by balls.
4. *Check.*  When every layer is exact, ``Π_l q_l(z^{t_l})`` is multiplied out in ``K[z]``
   and compared with ``P`` exactly; otherwise each coefficient of the product of the
   enclosures must contain the enclosure of ``P``'s coefficient, and the precision is doubled
   until it does (the true product is ``P``: the roots and leading coefficient match).

References
----------
.. [KMST24] Kohn, Montúfar, Shahverdi, Trager, *Function Space and Critical Points of Linear
   Convolutional Networks*, SIAGA 8 (2024) (root distribution among the layers).
.. [Tra76] B. M. Trager, *Algebraic factoring and rational function integration*, SYMSAC 1976.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Mapping, Sequence

import flint

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, check
from lcnalg.limits import Limits
from lcnalg.polys.number_field import KPoly, ball_value, enclose, gcd, monic, mul, norm, squarefree, trim
from lcnalg.polys.real_algebraic import RealAlgebraicPoint
from lcnalg.polys.univariate import RootData, ball_contains_rational
from lcnalg.real.decision import ball_text
from lcnalg.real.membership_1d import layers_1d

__all__ = ["AlgebraicLayers", "algebraic_layers"]


@dataclass(frozen=True)
class AlgebraicLayers:
    """Layers of a filter over a real number field ``Q(τ)`` (module docstring).

    Attributes
    ----------
    found : bool
        False when the roots admit no distribution (the filter is not in ``M``).
    exact : bool
        True when every layer is exact over ``Q(τ)``.
    minimal_polynomial : str
        ``φ``, the minimal polynomial of ``τ`` (variable ``x``).
    root : str
        An isolating ball of ``τ``.
    layers : tuple of tuple of str
        Layer filters, layer 1 first: each entry a polynomial in ``x = τ`` (exact layers) or a
        certified ball ``[mid +/- rad]``.
    layers_exact : tuple of bool
        Per layer: exact over ``Q(τ)``.
    balls : tuple of tuple of str
        Certified ball enclosures of every entry (also of the exact ones).
    exact_layers : tuple
        Per layer: the coefficients as ``fmpq_poly`` in ``τ`` (reduced modulo ``φ``), or None.
    product : tuple
        The coefficients of ``Π_l q_l(z^{t_l})``: ``fmpq_poly`` in ``τ`` when exact, else ``arb`` balls.
    """

    found: bool
    exact: bool = False
    minimal_polynomial: str = ""
    root: str = ""
    layers: tuple = ()
    layers_exact: tuple = ()
    balls: tuple = ()
    exact_layers: tuple = ()
    product: tuple = ()

    def reduces_to(self, values: Sequence[Any], n: int, phi: Any = None) -> bool:
        """Whether the product, reduced modulo ``z^n − 1``, is the rational filter ``values``: exactly when
        every layer is exact (``phi`` the minimal polynomial), by ball containment otherwise.

        Examples
        --------
        >>> x = RealAlgebraicPoint.from_root(flint.fmpq_poly([-2, 0, 1]), flint.arb("1.41 +/- 0.01"),
        ...                                  [flint.fmpq_poly([0, 1])])
        >>> w = algebraic_layers(Architecture.parse("2,2"), x, [{(0,): -2}, {}, {(0,): 1}])
        >>> w.reduces_to([-1, 0], 2, x.minimal_polynomial)      # z^2 - 2 = -1 mod z^2 - 1
        True
        """
        vals = [Fraction(checks.exact(v, "values")) for v in values]
        if len(vals) != n or not self.found:
            return False
        if self.exact and phi is not None:
            acc = [flint.fmpq_poly([]) for _ in range(n)]
            for i, c in enumerate(self.product):
                acc[i % n] += c
            return all((a - flint.fmpq(v.numerator, v.denominator)) % phi == 0 for a, v in zip(acc, vals))
        acc = [flint.arb(0) for _ in range(n)]
        for i, c in enumerate(self.product):
            acc[i % n] += c if isinstance(c, flint.arb) else flint.arb(0)
        return all(ball_contains_rational(a, v) for a, v in zip(acc, vals))

    def to_dict(self) -> dict[str, Any]:
        """Plain data.

        Examples
        --------
        >>> AlgebraicLayers(False).to_dict()["found"]
        False
        """
        return {"found": self.found, "exact": self.exact, "minimal_polynomial": self.minimal_polynomial,
                "root": self.root, "layers": [list(w) for w in self.layers],
                "layers_exact": list(self.layers_exact), "balls": [list(w) for w in self.balls]}


def algebraic_layers(arch: Architecture, point: RealAlgebraicPoint, coefficients: Sequence[Mapping[Any, Any]],
                     limits: Limits | None = None) -> AlgebraicLayers:
    """Layers ``q_l`` with ``P = Π_l q_l(z^{t_l})`` for ``P`` with coefficients in ``Q(τ)`` (module docstring).

    Parameters
    ----------
    arch : Architecture
        A 1D linear architecture (formal degree ``D``).
    point : RealAlgebraicPoint
        The number field ``Q(τ)`` and the coordinates the coefficients are polynomials in.
    coefficients : sequence of dict
        ``P_0, …, P_D``, each ``{exponent: coefficient}`` in the point's coordinates.
    limits : Limits, optional
        ``max_root_work`` (norm, factorization, isolation), ``max_precision``, ``max_nodes`` (the search).

    Returns
    -------
    AlgebraicLayers

    Raises
    ------
    InputError
        For a wrong number of coefficients or malformed ones.
    ResourceLimitError
        When a bound is exceeded.

    Examples
    --------
    >>> x = RealAlgebraicPoint.from_root(flint.fmpq_poly([-2, 0, 1]), flint.arb("1.41 +/- 0.01"),
    ...                                  [flint.fmpq_poly([0, 1])])                   # x = √2
    >>> # z^3 - √2 z^2 - z + √2 = (z - √2)(z^2 - 1): layer 2 (stride 2) takes w - 1, layer 1 takes z - √2
    >>> w = algebraic_layers(Architecture.parse("2,2 s=2"), x, [{(1,): 1}, {(0,): -1}, {(1,): -1}, {(0,): 1}])
    >>> w.exact, w.layers
    (True, (('-x', '1'), ('-1', '1')))
    >>> w = algebraic_layers(Architecture.parse("2,2"), x, [{(1,): 1}, {}, {(0,): 1}])     # z^2 + √2: no real root
    >>> w.found
    False
    """
    limits = Limits.coerce(limits)
    if not isinstance(arch, Architecture):
        raise InputError(f"arch: expected an Architecture, got {checks.short(arch)}")
    if not isinstance(point, RealAlgebraicPoint):
        raise InputError(f"point: expected a RealAlgebraicPoint, got {checks.short(point)}")
    if isinstance(coefficients, (str, bytes, Mapping)) or not hasattr(coefficients, "__iter__"):
        raise InputError("coefficients: expected a sequence of polynomials {exponent: coefficient} in the point's "
                         f"coordinates, got {checks.short(coefficients)}")
    coefficients = list(coefficients)
    layers = layers_1d(arch)
    D = sum(nl * t for nl, t in layers)
    if len(coefficients) != D + 1:
        raise InputError(f"coefficients: expected {D + 1} (formal degree {D} of {arch}), got {len(coefficients)}")
    phi = point.minimal_polynomial
    elems = [point.element(c) % phi for c in coefficients]
    common = {"minimal_polynomial": str(phi), "root": str(point.root)}
    nonzero = [j for j, c in enumerate(elems) if c != 0]
    if not nonzero:
        zero = tuple(tuple(flint.fmpq_poly([]) for _ in range(nl + 1)) for nl, _ in layers)
        return _result(True, zero, [None] * len(layers), layers, elems, point, phi, common, 64)
    mu0, top = nonzero[0], nonzero[-1]
    lc = elems[top]
    p0 = elems[mu0:top + 1]
    parts = squarefree(monic(p0, phi), phi) if len(p0) > 1 else []
    sqf: KPoly = [flint.fmpq_poly([1])]
    for h, _ in parts:
        sqf = mul(sqf, h, phi)
    limits.check("max_root_work", "work (degree^2/8) of the norm of a filter over its number field",
                 ((len(sqf) - 1) * int(phi.degree())) ** 2 // 8)
    rd = RootData(norm(sqf, phi) if len(sqf) > 1 else flint.fmpz_poly([1, 1]), limits)
    kfactors = []        # (g, e): the K-factors, g monic over K
    for h, e in parts:
        for f, _ in rd.factors:
            g = gcd(h, [flint.fmpq_poly([c]) for c in f.coeffs()], phi)
            if len(g) > 1:
                kfactors.append((g, e))
    groups: dict[int, list[int]] = defaultdict(list)
    for l, (_, t) in enumerate(layers):
        groups[t].append(l)
    search_budget = limits.budget("max_nodes", "nodes of the root-orbit distribution search over a number field")
    while True:
        roots_of = _identify(rd, kfactors, point, phi)
        if roots_of is None:
            rd.refine()
            continue
        mult = [0] * len(rd.roots)
        for (g, e), hits in zip(kfactors, roots_of):
            for i in hits:
                mult[i] += e
        plan = _plan(rd, mult, mu0, layers, groups, search_budget)
        if plan is None:
            return AlgebraicLayers(False, **common)
        exact_l, loose_l = _place(plan, kfactors, roots_of, layers, groups, phi)
        out = []
        for l, (nl, t) in enumerate(layers):
            q = exact_l[l]
            if l == 0:
                q = [(c * lc) % phi for c in q]
            out.append(q)
        result = _result(True, out, loose_l, layers, elems, point, phi, common, rd.prec)
        if result is not None:
            return result
        rd.refine()


# ------------------------------------------------------------------ step 1
def _identify(rd: RootData, kfactors: list, point: RealAlgebraicPoint, phi: Any) -> list | None:
    """For each K-factor, the indices of its roots among ``rd.roots`` (None: refine)."""
    tau = point.enclosure(flint.fmpq_poly([0, 1]), rd.prec)
    out = []
    with flint.ctx.workprec(rd.prec):
        for g, _ in kfactors:
            gc = [enclose(c, tau) for c in g]
            hits = [i for i, r in enumerate(rd.roots) if ball_value(gc, r).contains(0)]
            if len(hits) != len(g) - 1:
                return None
            out.append(hits)
    taken = [i for hits in out for i in hits]
    if len(set(taken)) != len(taken):
        return None              # K-factors are coprime: overlapping hits need more precision
    return out


# ------------------------------------------------------------------ step 2: the search over orbit counts
@dataclass(frozen=True, eq=False)
class _Unit:
    kind: str                    # "zero", "real", "pair"
    members: tuple[int, ...]     # root indices (an orbit, two conjugate orbits, one root or a conjugate pair)
    value: Any                   # the class value (acb) for the ball layer


def _plan(rd: RootData, mult: list[int], zeros: int, layers: list, groups: dict, budget: Any) -> dict | None:
    """``{t: [(unit, count)]}`` distributing the roots of ``P`` among the groups, or None when impossible."""
    strided = sorted((t for t in groups if t > 1), reverse=True)
    cap = {t: (sum(layers[l][0] for l in groups[t]), sum(layers[l][0] // 2 for l in groups[t])) for t in groups}
    units: dict[int, list[_Unit]] = {}
    for t in strided:
        lab = rd.orbits(t)
        members: dict[int, list[int]] = defaultdict(list)
        for i, j in enumerate(lab.label):
            members[j].append(i)
        us = [_Unit("zero", (), 0)] if zeros >= t else []
        for j in sorted(members):
            if len(members[j]) != t or not all(mult[i] for i in members[j]):
                continue
            if lab.real[j]:
                us.append(_Unit("real", tuple(members[j]), lab.values[j]))
            elif lab.conj[j] > j and len(members.get(lab.conj[j], [])) == t \
                    and all(mult[i] for i in members[lab.conj[j]]):
                us.append(_Unit("pair", tuple(members[j] + members[lab.conj[j]]), lab.values[j]))
        units[t] = us
    memo: dict = {}

    def rest_fits(ms: tuple, z: int) -> list | None:
        reals = z + sum(m for i, m in enumerate(ms) if rd.real[i])
        pairs = sum(m for i, m in enumerate(ms) if not rd.real[i]) // 2
        c, p = cap.get(1, (0, 0))
        if pairs > p or reals + 2 * pairs > c:
            return None
        out = [(_Unit("zero", (), 0), z)] if z else []
        for i, m in enumerate(ms):
            if m and rd.real[i]:
                out.append((_Unit("real", (i,), rd.roots[i]), m))
            elif m and rd.conj[i] > i:
                out.append((_Unit("pair", (i, rd.conj[i]), rd.roots[i]), m))
        return out

    def rec(gi: int, ms: tuple, z: int) -> dict | None:
        key = (gi, ms, z)
        if key in memo:
            return memo[key]
        budget.spend()
        if gi == len(strided):
            r = rest_fits(ms, z)
            memo[key] = None if r is None else {1: r}
            return memo[key]
        t = strided[gi]
        us = units[t]
        chosen: list = []

        def choose(ui: int, ms: tuple, z: int, deg: int, pairs: int) -> dict | None:
            if ui == len(us):
                r = rec(gi + 1, ms, z)
                return None if r is None else {**r, t: [(u, c) for u, c in zip(us, chosen) if c]}
            budget.spend()
            u = us[ui]
            avail = z // t if u.kind == "zero" else min(ms[i] for i in u.members)
            cost = 2 if u.kind == "pair" else 1
            top = min(avail, deg // cost, pairs if u.kind == "pair" else avail)
            for c in range(top, -1, -1):
                chosen.append(c)
                if u.kind == "zero":
                    m2, z2 = ms, z - c * t
                else:
                    lst = list(ms)
                    for i in u.members:
                        lst[i] -= c
                    m2, z2 = tuple(lst), z
                found = choose(ui + 1, m2, z2, deg - c * cost, pairs - (c if u.kind == "pair" else 0))
                chosen.pop()
                if found is not None:
                    return found
            return None

        out = choose(0, ms, z, *cap[t])
        memo[key] = out
        return out

    return rec(0, tuple(mult), zeros)


# ------------------------------------------------------------------ step 3: whole K-factors first
def _place(plan: dict, kfactors: list, roots_of: list, layers: list, groups: dict, phi: Any) -> tuple[dict, dict]:
    """``(exact, loose)``: per layer the exact part (a monic polynomial in ``w`` over ``K``) and the loose units."""
    exact: dict[int, KPoly] = {}
    loose: dict[int, list] = {}
    left = [list(roots_of[k]) for k in range(len(kfactors))]
    copies = [e for _, e in kfactors]
    for t, items in plan.items():
        ls = groups[t]
        free = {l: layers[l][0] for l in ls}
        ex: dict[int, KPoly] = {l: [flint.fmpq_poly([1])] for l in ls}
        counts = {u: c for u, c in items}

        def feasible() -> bool:
            pend_pairs = sum(c for u, c in counts.items() if u.kind == "pair")
            pend = sum(c * (2 if u.kind == "pair" else 1) for u, c in counts.items())
            return pend_pairs <= sum(v // 2 for v in free.values()) and pend <= sum(free.values())

        for u in list(counts):                           # the root 0: exact w^c
            if u.kind == "zero":
                while counts[u]:
                    l = next((l for l in ls if free[l] >= 1), None)
                    check(l is not None, "the distribution of the root 0 does not fit")
                    free[l] -= 1
                    ex[l] = mul(ex[l], [flint.fmpq_poly([]), flint.fmpq_poly([1])], phi)
                    counts[u] -= 1
        for k, (g, _) in sorted(enumerate(kfactors), key=lambda kv: -len(kv[1][0])):
            roots = set(left[k])
            mine = [u for u in counts if u.kind != "zero" and set(u.members) <= roots and counts[u] > 0]
            if sorted(i for u in mine for i in u.members) != sorted(roots):
                continue                                 # not a union of this group's units
            cost = sum(2 if u.kind == "pair" else 1 for u in mine)
            while copies[k] > 0 and all(counts[u] > 0 for u in mine):
                placed = False
                for l in ls:
                    if free[l] < cost:
                        continue
                    free[l] -= cost
                    for u in mine:
                        counts[u] -= 1
                    if feasible():
                        ex[l] = mul(ex[l], _deflate(g, t, phi), phi)
                        copies[k] -= 1
                        placed = True
                        break
                    free[l] += cost
                    for u in mine:
                        counts[u] += 1
                if not placed:
                    break
        lo: dict[int, list] = {l: [] for l in ls}
        for kind, cost in (("pair", 2), ("real", 1)):
            for u in counts:
                while counts[u] > 0 and u.kind == kind:
                    l = next(l for l in ls if free[l] >= cost)
                    free[l] -= cost
                    counts[u] -= 1
                    cover = [k for k in range(len(kfactors)) if set(roots_of[k]) <= set(u.members)]
                    if sorted(i for k in cover for i in roots_of[k]) == sorted(u.members):
                        g: KPoly = [flint.fmpq_poly([1])]       # the unit is a union of K-factors: exact
                        for k in cover:
                            g = mul(g, kfactors[k][0], phi)
                        ex[l] = mul(ex[l], _deflate(g, t, phi), phi)
                    else:
                        lo[l].append(u)
        exact.update(ex)
        loose.update(lo)
    return exact, loose


def _deflate(g: KPoly, t: int, phi: Any) -> KPoly:
    """``g(z) = G(z^t)`` → ``G`` (``g``'s roots are unions of ``t``-orbits)."""
    check(all(c == 0 for i, c in enumerate(g) if i % t), "a K-factor of a strided layer is not a polynomial in z^t")
    return trim([g[i] for i in range(0, len(g), t)], phi)


# ------------------------------------------------------------------ step 4: the layers and the check
def _result(found: bool, exact: Any, loose: Any, layers: list, elems: list, point: RealAlgebraicPoint, phi: Any,
            common: dict, prec: int) -> AlgebraicLayers | None:
    prec = max(prec, 64) + 30
    tau = point.enclosure(flint.fmpq_poly([0, 1]), prec)
    texts, balls, exacts, flags = [], [], [], []
    with flint.ctx.workprec(prec):
        ball_total = flint.arb_poly([1])
        exact_total: KPoly | None = [flint.fmpq_poly([1])]
        for l, (nl, t) in enumerate(layers):
            q = list(exact[l]) + [flint.fmpq_poly([])] * (nl + 1 - len(exact[l]))
            ball = flint.arb_poly([enclose(c, tau) for c in q])
            for u in (loose[l] or []):
                v = u.value
                ball *= (flint.arb_poly([-v.real, 1]) if u.kind == "real" else
                         flint.arb_poly([v.real * v.real + v.imag * v.imag, -2 * v.real, 1]))
            coeffs = list(ball.coeffs()) + [flint.arb(0)] * (nl + 1 - ball.length())
            balls.append(tuple(ball_text(c) for c in coeffs[:nl + 1]))
            if loose[l]:
                flags.append(False)
                exacts.append(None)
                texts.append(balls[-1])
                exact_total = None
            else:
                flags.append(True)
                exacts.append(tuple(q[:nl + 1]))
                texts.append(tuple(_element_text(c) for c in q[:nl + 1]))
                if exact_total is not None:
                    exact_total = mul(exact_total, _inflate(q, t), phi)
            ball_total *= flint.arb_poly(_inflate(coeffs[:nl + 1], t))
        if exact_total is not None:
            got = list(exact_total) + [flint.fmpq_poly([])] * (len(elems) - len(exact_total))
            check(len(got) == len(elems) and all((a - b) % phi == 0 for a, b in zip(got, elems)),
                  "the exact layers over the number field do not multiply back to the filter")
            product: tuple = tuple(got)
        else:
            got = list(ball_total.coeffs()) + [flint.arb(0)] * (len(elems) - ball_total.length())
            if len(got) != len(elems) or not all(a.contains(enclose(b, tau)) for a, b in zip(got, elems)):
                return None
            product = tuple(got)
    return AlgebraicLayers(found, exact=exact_total is not None, layers=tuple(texts), layers_exact=tuple(flags),
                           balls=tuple(balls), exact_layers=tuple(exacts), product=product, **common)


def _inflate(coeffs: list, t: int) -> list:
    out = [0 * coeffs[0]] * ((len(coeffs) - 1) * t + 1) if coeffs else []
    for e, c in enumerate(coeffs):
        out[e * t] = c
    return out


def _element_text(c: Any) -> str:
    """An element of ``Q(τ)`` as a polynomial in ``x = τ``, constant first (``0`` for zero)."""
    terms = []
    for k, q in enumerate(flint.fmpq_poly(c).coeffs()):
        if q == 0:
            continue
        num = str(q)
        if k == 0:
            terms.append(num)
        else:
            mono = "x" if k == 1 else f"x^{k}"
            terms.append(mono if q == 1 else f"-{mono}" if q == -1 else f"{num}*{mono}")
    return " + ".join(terms).replace("+ -", "- ") or "0"
