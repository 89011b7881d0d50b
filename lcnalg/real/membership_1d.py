"""Membership in the real function space of a 1D architecture: the root-orbit decision.

Write ``n_l = k_l − 1`` and ``t_l = t_{l−1}`` (layer ``l``'s cumulative stride).  A filter
``c`` lies in ``M`` iff ``p_c(z) = Π_l q_l(z^{t_l})`` with real ``q_l`` of degree ``≤ n_l``
(the parameterization itself: a layer whose top coefficients vanish has roots at
infinity, which is exactly "degree below ``n_l``"; no degree has to match).
For ``p ≠ 0`` this is a statement about the multiset of complex roots of ``p``:

* the roots of ``q(z^t)`` are the orbits ``{ζρ : ζ^t = 1}`` of the ``t``-th roots of the
  roots ``w`` of ``q`` (``w = 0`` gives ``t`` zeros), with the multiplicity of ``w``;
* ``q`` is real iff its root multiset is closed under conjugation; the orbit over ``w``
  is self-conjugate iff ``w`` is real;
* layers with the same ``t`` form a *group*; real ``w``'s and conjugate pairs can be shared
  out among the group's layers iff ``#pairs ≤ Σ ⌊n_l/2⌋`` and ``#w ≤ Σ n_l`` (a layer takes
  ``r`` reals and ``c`` pairs iff ``r + 2c ≤ n_l``).

So ``c ∈ M`` iff the roots of ``p`` can be distributed: each group ``t > 1`` takes a
conjugation-closed multiset of *complete* orbits within the two capacity bounds, and
what remains goes to the group ``t = 1`` (layer 1 is always there) within its bounds.
:func:`decide_1d` decides this by an exhaustive search over the complete orbits, on exact
data: ``p`` is factored over Z (FLINT), the roots of every irreducible factor are isolated
in disjoint certified balls (real roots certified real), and orbits are found exactly
(:meth:`lcnalg.polys.univariate.RootData.orbits`).  Stride one only: the condition is the
count "at least ``m`` real roots with multiplicity, roots at infinity included".

The witness gives each layer exactly (rational coefficients) when its share of roots is
a union of full root sets of irreducible factors, and otherwise as certified real balls;
the product of the witness (with the stride substitution) is checked to contain the
filter coefficient by coefficient, and the exact argument is the root distribution.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import flint

from lcnalg.architecture import Architecture
from lcnalg.errors import check
from lcnalg.limits import Budget, Limits
from lcnalg.polys.univariate import RootData, ball_contains_rational, to_fmpz_poly
from lcnalg.real.decision import Decision, ball_text, number_text, zero_decision
from lcnalg.results import Witness

__all__ = ["decide_1d", "layers_1d"]


# ------------------------------------------------------------------ the search
@dataclass(frozen=True)
class _Unit:
    kind: str          # "zero", "real", "pair"
    labels: tuple[int, ...]
    members: tuple[int, ...]   # indices of distinct roots of p (one orbit, or two for a pair)


@dataclass
class _Group:
    t: int
    layers: list[int]
    cap: int
    pair_cap: int
    units: list[_Unit] = field(default_factory=list)


def _search(rd: RootData, groups: list[_Group], final: _Group, budget: Budget) -> tuple[list | None, tuple]:
    """Depth-first search over unit counts of the strided groups; memoized on the state."""
    memo: dict = {}
    best: list = [None]

    def leftover_ok(mults: tuple[int, ...], zeros: int) -> bool:
        r = zeros + sum(m for i, m in enumerate(mults) if rd.real[i])
        c2 = sum(m for i, m in enumerate(mults) if not rd.real[i])
        c = c2 // 2
        score = (max(0, c - final.pair_cap), max(0, r + 2 * c - final.cap), c, r)
        if best[0] is None or score < best[0]:
            best[0] = score
        return c <= final.pair_cap and r + 2 * c <= final.cap

    def rec(gi: int, mults: tuple[int, ...], zeros: int) -> list | None:
        key = (gi, mults, zeros)
        if key in memo:
            return memo[key]
        budget.spend()
        if gi == len(groups):
            out = [] if leftover_ok(mults, zeros) else None
            memo[key] = out
            return out
        g = groups[gi]
        counts = [0] * len(g.units)

        def choose(ui: int, mults: tuple[int, ...], zeros: int, deg: int, pairs: int) -> list | None:
            if ui == len(g.units):
                rest = rec(gi + 1, mults, zeros)
                return None if rest is None else [list(counts)] + rest
            budget.spend()
            u = g.units[ui]
            if u.kind == "zero":
                avail = zeros // g.t
            else:
                avail = min(mults[i] for i in u.members)
            cost = 2 if u.kind == "pair" else 1
            top = min(avail, deg // cost, pairs if u.kind == "pair" else avail)
            for c in range(top, -1, -1):
                counts[ui] = c
                if u.kind == "zero":
                    m2, z2 = mults, zeros - c * g.t
                else:
                    lst = list(mults)
                    for i in u.members:
                        lst[i] -= c
                    m2, z2 = tuple(lst), zeros
                found = choose(ui + 1, m2, z2, deg - c * cost, pairs - (c if u.kind == "pair" else 0))
                if found is not None:
                    return found
            counts[ui] = 0
            return None

        out = choose(0, mults, zeros, g.cap, g.pair_cap)
        memo[key] = out
        return out

    found = rec(0, tuple(rd.multiplicity), rd.zero_multiplicity)
    return found, best[0]


# ------------------------------------------------------------------ witness
@dataclass
class _Item:
    cls: Any            # key of the Galois class (irreducible factor) or None
    kind: str           # "real" or "pair"
    value: Any          # acb (or 0 for the zero root)
    count: int


def _distribute(items: list[_Item], classes: dict, layers: list[int], caps: dict[int, int]) -> dict:
    """Share items among the layers of one group; keep whole Galois classes where possible.

    ``classes[key] = (poly, reals, pairs)``: the irreducible polynomial of the class and the
    numbers of its real roots and conjugate pairs; a class all of whose roots are present
    ``a`` times can go whole into a layer as ``poly^a`` (exact).
    Returns ``{layer: (exact fmpz_poly, [items])}``.
    """
    free = {l: caps[l] for l in layers}
    exact = {l: flint.fmpz_poly([1]) for l in layers}
    loose = {l: [] for l in layers}

    def feasible(pending_pairs: int, pending_reals: int) -> bool:
        return (pending_pairs <= sum(v // 2 for v in free.values())
                and pending_reals + 2 * pending_pairs <= sum(free.values()))

    pend_pairs = sum(it.count for it in items if it.kind == "pair")
    pend_reals = sum(it.count for it in items if it.kind == "real")
    by_class = defaultdict(list)
    for it in items:
        by_class[it.cls].append(it)
    for key, (poly, reals, pairs) in sorted(classes.items(), key=lambda kv: -kv[1][0].degree()):
        its = by_class.get(key, [])
        nroots = reals + pairs
        if len(its) != nroots or nroots == 0:
            continue
        copies = min(it.count for it in its)
        for _ in range(copies):
            placed = False
            for l in layers:
                if reals + 2 * pairs <= free[l]:
                    free[l] -= reals + 2 * pairs
                    if feasible(pend_pairs - pairs, pend_reals - reals):
                        exact[l] *= poly
                        for it in its:
                            it.count -= 1
                        pend_pairs -= pairs
                        pend_reals -= reals
                        placed = True
                        break
                    free[l] += reals + 2 * pairs
            if not placed:
                break
    for kind, cost in (("pair", 2), ("real", 1)):
        for it in items:
            while it.count > 0 and it.kind == kind:
                l = next(l for l in layers if free[l] >= cost)
                free[l] -= cost
                loose[l].append(_Item(it.cls, it.kind, it.value, 1))
                it.count -= 1
    return {l: (exact[l], loose[l]) for l in layers}


def layers_1d(arch: Architecture) -> list[tuple[int, int]]:
    """``(n_l, t_l)`` per layer: degree ``k_l − 1`` and cumulative stride.

    Examples
    --------
    >>> layers_1d(Architecture.parse("3,2 s=2"))
    [(2, 1), (1, 2)]
    """
    t = arch.cumulative_strides
    return [(f[0] - 1, t[l][0]) for l, f in enumerate(arch.filters)]


def decide_1d(arch: Architecture, values: tuple[Fraction, ...], limits: Limits | None = None) -> Decision:
    """Decide whether the 1D filter ``values`` lies in ``M`` (see the module docstring).

    Parameters
    ----------
    arch : Architecture
        A 1D linear architecture.
    values : tuple of Fraction
        The end-to-end filter (coefficient ``j`` of ``z^j``).
    limits : Limits, optional
        ``max_nodes`` bounds the orbit search, ``max_precision`` the root separation,
        ``max_root_work`` the factorization and every isolation pass (one budget for the
        whole decision, precision raises included).

    Returns
    -------
    Decision

    Raises
    ------
    ResourceLimitError
        When the search, the root separation or the root-isolation work exceeds its bound.

    Examples
    --------
    >>> d = decide_1d(Architecture.parse("3,2 s=2"), tuple(map(Fraction, (4, 8, 17, 10, 15))))
    >>> d.answer, d.witness.layers, d.witness.exact
    (True, (('1', '2', '3'), ('4', '5')), True)
    """
    limits = Limits.coerce(limits)
    layers = layers_1d(arch)
    d = len(values) - 1
    if all(v == 0 for v in values):
        return zero_decision(arch)
    p, scale = to_fmpz_poly(values)
    groups_map: dict[int, list[int]] = defaultdict(list)
    for l, (n, t) in enumerate(layers):
        groups_map[t].append(l)
    stride_one = set(groups_map) == {1}
    prec = 64
    rd = RootData(p, limits)          # one budget of max_root_work for every pass below
    while True:
        if prec > rd.prec:
            rd.prec = prec
            rd._isolate()
        final = _Group(1, groups_map[1], sum(layers[l][0] for l in groups_map[1]),
                       sum(layers[l][0] // 2 for l in groups_map[1]))
        groups: list[_Group] = []
        labels = {}
        for t in sorted((t for t in groups_map if t > 1), reverse=True):
            g = _Group(t, groups_map[t], sum(layers[l][0] for l in groups_map[t]),
                       sum(layers[l][0] // 2 for l in groups_map[t]))
            lab = rd.orbits(t)
            labels[t] = lab
            members: dict[int, list[int]] = defaultdict(list)
            for i, j in enumerate(lab.label):
                members[j].append(i)
            if rd.zero_multiplicity >= t:
                g.units.append(_Unit("zero", (), ()))
            for j in sorted(members):
                if len(members[j]) != t:
                    continue
                if lab.real[j]:
                    g.units.append(_Unit("real", (j,), tuple(members[j])))
                elif lab.conj[j] > j and len(members.get(lab.conj[j], [])) == t:
                    g.units.append(_Unit("pair", (j, lab.conj[j]), tuple(members[j] + members[lab.conj[j]])))
            groups.append(g)
        found, best = _search(rd, groups, final,
                              limits.budget("max_nodes", "nodes of the root-orbit distribution search"))
        data = _root_data(rd, d, labels)
        if found is None:
            return _no_1d(arch, rd, d, final, groups, best, stride_one, data)
        try:
            witness, exact, check = _witness_1d(arch, layers, rd, values, p, scale, groups, final, found, labels)
        except _PrecisionTooLow:
            prec = max(prec, rd.prec) * 2
            limits.check("max_precision", "working precision (bits) for the witness", prec)
            continue
        if stride_one:
            m = sum(1 for n, _ in layers if n % 2 == 1)
            reason = (f"has {d - 2 * _pairs(rd)} real roots counted with multiplicity (roots at infinity "
                      f"included), at least {m} needed")
        else:
            reason = ("the roots split into conjugation-closed complete orbits {ζρ : ζ^t = 1} for the "
                      "strided layers, and the rest fits the stride-one layers")
        argument = (
            "p factored over Z (FLINT); roots of each irreducible factor isolated in disjoint certified "
            "balls (real roots certified real); orbits grouped exactly via ρ^t ∈ roots of res_z(f, w − z^t); "
            "layer l receives a conjugation-closed multiset of t_l-orbits with r + 2c ≤ k_l − 1, so "
            "Π_l q_l(z^{t_l}) has the root multiset of p and its leading coefficient, hence equals p"
            + ("; every layer is a product of irreducible factors over Q, and the product was checked exactly"
               if exact else "; the product of the enclosures was checked to contain every filter coefficient")
        )
        return Decision(True, reason=reason, argument=argument, data=data,
                        witness=Witness(filter=tuple(number_text(v) for v in values), layers=witness, exact=exact),
                            method=("exact real-root count (Sturm) and FLINT factorization" if stride_one else
                                "FLINT factorization, certified root isolation (Arb), exact orbit search"))


class _PrecisionTooLow(Exception):
    pass


def _pairs(rd: RootData) -> int:
    return sum(m for i, m in enumerate(rd.multiplicity) if not rd.real[i]) // 2


def _root_data(rd: RootData, d: int, labels: dict) -> dict:
    with flint.ctx.workprec(rd.prec):
        roots = [{"value": str(r), "multiplicity": m, "real": re_}
                 for r, m, re_ in zip(rd.roots, rd.multiplicity, rd.real)]
    out = {
        "degree": rd.degree,
        "roots_at_infinity": d - rd.degree,
        "zero_multiplicity": rd.zero_multiplicity,
        "factorization": [[str(f), e] for f, e in rd.factors],
        "roots": roots,
        # certified by the isolation (a real root's ball has exactly zero imaginary part)
        "real_roots_with_multiplicity": (rd.zero_multiplicity + d - rd.degree
                                         + sum(m for m, re_ in zip(rd.multiplicity, rd.real) if re_)),
    }
    if labels:
        out["complete_orbits"] = {}
        for t, lab in labels.items():
            cnt = defaultdict(int)
            for j in lab.label:
                cnt[j] += 1
            out["complete_orbits"][str(t)] = sum(1 for j, c in cnt.items() if c == t)
    return out


def _no_1d(arch, rd, d, final, groups, best, stride_one, data) -> Decision:
    if stride_one:
        m = d - 2 * final.pair_cap
        have = d - 2 * _pairs(rd)
        reason = f"needs at least {m} real roots counted with multiplicity (roots at infinity included), has {have}"
        argument = ("stride one: M = binary forms of degree k−1 with at least m = #{l : k_l even} real roots "
                    "counted with multiplicity; real roots counted exactly (squarefree decomposition + Sturm)")
        method = "exact real-root count (Sturm) and FLINT factorization"
    else:
        excess_pairs, excess_deg, c, r = best
        orbit_text = ", ".join(f"t={g.t}: {sum(1 for u in g.units if u.kind != 'zero')} complete "
                               f"conjugation-closed orbit classes" for g in groups)
        reason = (
            f"no conjugation-closed choice of complete root orbits for the strided layers ({orbit_text}) "
            f"leaves a remainder the stride-one layers can take (they take at most {final.pair_cap} "
            f"non-real root pairs and {final.cap} roots); the best choice leaves {c} non-real pairs and "
            f"{r} real roots"
        )
        argument = ("exhaustive search over the conjugation-closed multisets of complete orbits "
                    "{ζρ : ζ^t = 1} per stride group, on exact data (FLINT factorization, certified isolation, "
                    "exact orbit grouping); the search is complete, so no real factorization exists")
        method = "FLINT factorization, certified root isolation (Arb), exact orbit search"
    return Decision(False, method, reason=reason, argument=argument, data=data)


def _witness_1d(arch, layers, rd, values, p, scale, groups, final, found, labels):
    polys: dict[int, tuple] = {}
    remaining = list(rd.multiplicity)
    zeros = rd.zero_multiplicity
    wx = flint.fmpz_poly([0, 1])
    for g, counts in zip(groups, found):
        lab = labels[g.t]
        items: list[_Item] = []
        cls: dict = {}
        for u, c in zip(g.units, counts):
            if c == 0:
                continue
            if u.kind == "zero":
                zeros -= c * g.t
                items.append(_Item("zero", "real", 0, c))
                cls["zero"] = (wx, 1, 0)
                continue
            for i in u.members:
                remaining[i] -= c
            key = lab.factor[u.labels[0]]
            h = lab.factors[key]
            nreal = sum(1 for j in range(len(lab.values)) if lab.factor[j] == key and lab.real[j])
            cls[key] = (h, nreal, (h.degree() - nreal) // 2)
            items.append(_Item(key, u.kind, lab.values[u.labels[0]], c))
        polys.update(_distribute(items, cls, g.layers, {l: layers[l][0] for l in g.layers}))
    items = []
    cls = {}
    if zeros:
        items.append(_Item("zero", "real", 0, zeros))
        cls["zero"] = (wx, 1, 0)
    for i, m in enumerate(remaining):
        if m == 0 or (not rd.real[i] and rd.conj[i] < i):
            continue
        key = rd.factor_of[i]
        f = rd.factors[key][0]
        nreal = sum(1 for j in range(len(rd.roots)) if rd.factor_of[j] == key and rd.real[j])
        cls[key] = (f, nreal, (f.degree() - nreal) // 2)
        items.append(_Item(key, "real" if rd.real[i] else "pair", rd.roots[i], m))
    polys.update(_distribute(items, cls, final.layers, {l: layers[l][0] for l in final.layers}))
    # leading coefficient: loose parts are monic
    lc_p = Fraction(str(p.coeffs()[-1])) * scale
    prod_lc = Fraction(1)
    for l in polys:
        prod_lc *= Fraction(str(polys[l][0].coeffs()[-1]))
    factor0 = lc_p / prod_lc
    exact = all(not polys[l][1] for l in polys)
    witness = []
    total = flint.fmpq_poly([1])
    with flint.ctx.workprec(max(rd.prec, 64) + 30):
        arb_total = flint.arb_poly([1])
        for l, (n, t) in enumerate(layers):
            ex, loose = polys[l]
            q = flint.fmpq_poly(ex) * (flint.fmpq(factor0.numerator, factor0.denominator) if l == 0 else 1)
            if not loose:
                coeffs = [Fraction(str(c)) for c in q.coeffs()]
                coeffs += [Fraction(0)] * (n + 1 - len(coeffs))
                witness.append(tuple(number_text(c) for c in coeffs))
                total *= flint.fmpq_poly(_inflate([flint.fmpq(c.numerator, c.denominator) for c in coeffs], t))
                arb_total *= flint.arb_poly(_inflate([flint.arb(flint.fmpq(c.numerator, c.denominator))
                                                      for c in coeffs], t))
                continue
            ball = flint.arb_poly([flint.arb(c) for c in q.coeffs()])
            for it in loose:
                v = it.value
                if it.kind == "real":
                    ball *= flint.arb_poly([-v.real, 1])
                else:
                    ball *= flint.arb_poly([v.real * v.real + v.imag * v.imag, -2 * v.real, 1])
            coeffs = list(ball.coeffs()) + [flint.arb(0)] * (n + 1 - ball.length())
            witness.append(tuple(ball_text(c) for c in coeffs))
            arb_total *= flint.arb_poly(_inflate(coeffs, t))
        if exact:
            check([Fraction(str(c)) for c in total.coeffs()] + [Fraction(0)] * (len(values) - total.length())
                  == list(values), "exact witness does not multiply back")
        else:
            got = list(arb_total.coeffs()) + [flint.arb(0)] * (len(values) - arb_total.length())
            for c, v in zip(got, values):
                if not ball_contains_rational(c, v):
                    raise _PrecisionTooLow()
    return tuple(witness), exact, True


def _inflate(coeffs: list, t: int) -> list:
    out = [0 * coeffs[0]] * ((len(coeffs) - 1) * t + 1) if coeffs else []
    for e, c in enumerate(coeffs):
        out[e * t] = c
    return out
