"""Gröbner bases over GF(p) and Q: an F4-style engine on FLINT ``nmod_mat``.

Algorithm
---------
*Over GF(p)* (``modulus=p``).  The input is made homogeneous for a positive integer grading
(the given ``grading=``, else the standard grading, the order's weights, or a positive grading
found from the input; if none exists the input is homogenized with one extra variable
``h``).  Then, degree by degree (weighted degree), all critical pairs of the lowest degree
and all input polynomials of that degree are put into one Macaulay matrix; symbolic
preprocessing adds one reducer (a monomial multiple of a basis element) for every monomial
divisible by a leading monomial; columns are ordered ``[reducer leads | other monomials]``,
each part from the largest monomial down, and the matrix is reduced with FLINT
``nmod_mat.rref``.  The rows whose pivots fall among the other monomials are the new basis
elements.  Pairs are managed with the Gebauer--Möller criteria (product and chain).  For
homogeneous input this yields the reduced Gröbner basis directly: an element of degree ``d``
never contains a monomial divisible by a leading monomial of degree ``> d``.  For
homogenized input the basis is dehomogenized (``h = 1``) and inter-reduced, which gives the
reduced basis of the original ideal for any monomial order (the order on ``k[x, h]`` compares
the ``x`` part first, so leading monomials dehomogenize to leading monomials).

*Over Q* (``modulus=None``).  Multi-modular: the homogeneous stage is run modulo 62-bit
primes; primes whose leading-monomial set differs from the majority are discarded; the
coefficients are combined by CRT and rational reconstruction until one more prime agrees.
The lifted set ``H`` is then **verified exactly over Q** (fmpq arithmetic):

1. every (homogenized) input generator top-reduces to 0 modulo ``H``
   (so ``J := <input> ⊆ <H>``);
2. every critical pair of ``H`` kept by the Gebauer--Möller criteria has an S-polynomial that
   top-reduces to 0 (Buchberger's criterion with the product/chain criteria, so ``H`` is a
   Gröbner basis of ``<H>``);
3. ``<H> ⊆ J``: by the Hilbert-function sandwich of MATH.md §8: ``J`` is homogeneous; for the
   prime ``p`` used, ``dim (J_p)_d <= dim J_d`` (a Macaulay matrix mod p has rank at most its
   rank over Q) and the mod-p basis computed above is a Gröbner basis of ``J_p`` with the same
   leading monomials as ``H``.  Hence ``HF(R/<LM H>) = HF(R/J_p) >= HF(R/J) >= HF(R/<H>) =
   HF(R/<LM H>)``, so ``J = <H>``.  This step trusts the exact mod-p computation; if an exact
   membership test is supplied (``ideal_test=``, e.g. "vanishes under the parameterization"
   for a graph ideal, MATH.md §8 (i)) every final element is also checked with it.

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

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from fractions import Fraction
from math import gcd, isqrt
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from flint import fmpq, fmpz, fmpz_mat, nmod_mat

from lcnalg.polys.hilbert import dimension_and_degree, hilbert_numerator, hilbert_series_of_monomials
from lcnalg.polys.modular import rational_reconstruction_bounded
from lcnalg.polys.monomials import MonomialOrder, as_order
from lcnalg.errors import InputError, ResourceLimitError

__all__ = ["GroebnerBasis", "groebner_basis", "DEFAULT_MAX_MATRIX_ENTRIES"]

DEFAULT_MAX_MATRIX_ENTRIES = 50_000_000
_FIELD = 20  # bits per packed exponent field (one guard bit): exponents < 2**19
_PRIME_START = 1 << 62

Exp = tuple[int, ...]


# ----------------------------------------------------------------------------------------
# packed monomials
# ----------------------------------------------------------------------------------------
class _Packer:
    """Exponent tuples packed into ints, ``_FIELD`` bits per variable (top bit = guard)."""

    def __init__(self, n: int, weights: Sequence[int], key: Callable[[Exp], int],
                 multigrading: Sequence[Sequence[int]] = ()) -> None:
        self.n = n
        self.w = tuple(weights)
        self.W = [tuple(v) for v in multigrading]
        self._mc: dict[int, tuple[int, ...]] = {}
        s = _FIELD
        self.fmask = (1 << (s - 1)) - 1
        self.guard = sum(1 << (i * s + s - 1) for i in range(n))
        self.allf = self.fmask * sum(1 << (i * s) for i in range(n))
        self.shifts = [i * s for i in range(n)]
        self._key = key
        self._kc: dict[int, int] = {}
        self._dc: dict[int, int] = {}

    def pack(self, e: Sequence[int]) -> int:
        m = 0
        for a, sh in zip(e, self.shifts):
            if a < 0 or a > self.fmask:
                raise InputError(f"exponent {a} out of range (0..{self.fmask})")
            m |= a << sh
        return m

    def unpack(self, m: int) -> Exp:
        f = self.fmask
        return tuple((m >> sh) & f for sh in self.shifts)

    def divides(self, a: int, b: int) -> bool:
        g = self.guard
        return ((b | g) - a) & g == g

    def lcm(self, a: int, b: int) -> int:
        d = ((b | self.guard) - a) & self.guard
        mask = (d >> (_FIELD - 1)) * self.fmask
        return (b & mask) | (a & ~mask & self.allf)

    def key(self, m: int) -> int:
        k = self._kc.get(m)
        if k is None:
            k = self._key(self.unpack(m))
            self._kc[m] = k
        return k

    def mdeg(self, m: int) -> tuple[int, ...]:
        """Multidegree for the gradings the input is homogeneous for (block label)."""
        d = self._mc.get(m)
        if d is None:
            e = self.unpack(m)
            d = tuple(sum(a * b for a, b in zip(e, v)) for v in self.W)
            self._mc[m] = d
        return d

    def deg(self, m: int) -> int:
        d = self._dc.get(m)
        if d is None:
            d = sum(a * b for a, b in zip(self.unpack(m), self.w))
            self._dc[m] = d
        return d


# a polynomial inside the engine: (mons, coefs), mons packed and sorted descending
_Poly = tuple[list[int], list[Any]]


def _gm_update(pk: _Packer, leads: list[int], active: list[bool], pairs: list[list[int]],
               h: int) -> list[list[int]]:
    """Gebauer--Möller update for the new element with index ``h``; returns the pair list.

    Pairs are ``[degree, lcm, i, j]``.
    """
    lh = leads[h]
    cand = [(pk.lcm(lh, leads[g]), g) for g in range(h) if active[g]]
    kept: list[tuple[int, int]] = []
    guard = pk.guard
    for idx, (l, g) in enumerate(cand):
        if l == lh + leads[g]:  # coprime leading monomials
            kept.append((l, g))
            continue
        lgd = l | guard
        if any((lgd - l2) & guard == guard for l2, _ in cand[idx + 1:]):
            continue
        if any((lgd - l2) & guard == guard for l2, _ in kept):
            continue
        kept.append((l, g))
    new_pairs = []
    for pr in pairs:
        l, i, j = pr[1], pr[2], pr[3]
        if pk.divides(lh, l) and pk.lcm(leads[i], lh) != l and pk.lcm(lh, leads[j]) != l:
            continue
        new_pairs.append(pr)
    for l, g in kept:
        if l != lh + leads[g]:
            new_pairs.append([pk.deg(l), l, g, h])
    for g in range(h):
        if active[g] and pk.divides(lh, leads[g]):
            active[g] = False
    return new_pairs


def _f4_homogeneous(gens: list[dict[int, int]], pk: _Packer, p: int, limits: tuple[float, float],
                    stats: dict[str, Any]) -> list[_Poly]:
    """Reduced Gröbner basis mod ``p`` of homogeneous polynomials (packed dicts mod p).

    ``limits = (entries of one Macaulay block, entries of all blocks of this prime)``."""
    max_entries, max_total = limits
    total = 0
    G: list[_Poly] = []
    leads: list[int] = []
    active: list[bool] = []
    pairs: list[list[int]] = []
    pending: dict[int, list[dict[int, int]]] = {}
    for f in gens:
        f = {m: c % p for m, c in f.items() if c % p}
        if f:
            pending.setdefault(pk.deg(next(iter(f))), []).append(f)
    key = pk.key
    while pairs or pending:
        d = min([pr[0] for pr in pairs] + list(pending))
        sel = [pr for pr in pairs if pr[0] == d]
        pairs = [pr for pr in pairs if pr[0] != d]
        inputs = pending.pop(d, [])
        piv: dict[int, tuple[int, int]] = {}
        srows: list[tuple[int, int]] = []
        seen: set[tuple[int, int]] = set()
        for pr in sel:
            l = pr[1]
            for gi in (pr[2], pr[3]):
                mult = l - leads[gi]
                if (mult, gi) in seen:
                    continue
                seen.add((mult, gi))
                if l in piv:
                    srows.append((mult, gi))
                else:
                    piv[l] = (mult, gi)
        explicit = [(list(f), list(f.values())) for f in inputs]
        # symbolic preprocessing
        cols: set[int] = set(piv)
        todo: list[int] = []
        for mult, gi in list(piv.values()) + srows:
            for m in G[gi][0]:
                t = mult + m
                if t not in cols:
                    cols.add(t)
                    todo.append(t)
        for mons, _ in explicit:
            for t in mons:
                if t not in cols:
                    cols.add(t)
                    todo.append(t)
        std: list[int] = []
        guard = pk.guard
        act = [(leads[i], i) for i in range(len(G)) if active[i]]
        while todo:
            m = todo.pop()
            if m in piv:
                continue
            mg = m | guard
            for lg, gi in act:
                if (mg - lg) & guard == guard:
                    mult = m - lg
                    piv[m] = (mult, gi)
                    for mm in G[gi][0]:
                        t = mult + mm
                        if t not in cols:
                            cols.add(t)
                            todo.append(t)
                    break
            else:
                std.append(m)
        nlow = len(srows) + len(explicit)
        if not std or nlow == 0:
            continue  # every row reduces to zero (no monomial outside the leading ideal)
        # the matrix is block diagonal by multidegree: one rref per block
        blocks: dict[tuple[int, ...], list[list[Any]]] = {}
        mdeg = pk.mdeg
        for m in piv:
            blocks.setdefault(mdeg(m), [[], [], [], []])[0].append(m)
        for m in std:
            blocks.setdefault(mdeg(m), [[], [], [], []])[1].append(m)
        for mult, gi in srows:
            blocks[mdeg(mult + leads[gi])][2].append((mult, G[gi]))
        for mons, coefs in explicit:
            blocks[mdeg(mons[0])][2].append((0, (mons, coefs)))
        new_elems: list[_Poly] = []
        for bkey in sorted(blocks):
            Lb, Nb, low, _ = blocks[bkey]
            if not Nb or not low:
                continue
            L = sorted(Lb, key=key, reverse=True)
            N = sorted(Nb, key=key, reverse=True)
            nA = len(L)
            nr, nc = nA + len(low), nA + len(N)
            if nr * nc > max_entries:
                raise ResourceLimitError(
                    f"entries of a degree-{d} Macaulay matrix block ({nr} x {nc})", nr * nc,
                    int(max_entries), "pass max_matrix_entries= to groebner_basis")
            total += nr * nc
            stats["total_entries"] = stats.get("total_entries", 0) + nr * nc
            if total > max_total:
                raise ResourceLimitError(
                    f"total entries of the Macaulay matrices up to degree {d}", total,
                    int(max_total), "pass max_total_entries= to groebner_basis")
            col = {m: i for i, m in enumerate(L)}
            col.update({m: nA + i for i, m in enumerate(N)})
            M = nmod_mat(nr, nc, p)
            r = 0
            for m in L:
                mult, gi = piv[m]
                gm, gc = G[gi]
                for mm, c in zip(gm, gc):
                    M[r, col[mult + mm]] = c
                r += 1
            for mult, (gm, gc) in low:
                for mm, c in zip(gm, gc):
                    M[r, col[mult + mm]] = c
                r += 1
            R, rk = M.rref()
            stats["matrices"] = stats.get("matrices", 0) + 1
            if nr * nc > stats.get("max_entries", 0):
                stats["max_entries"] = nr * nc
                stats["max_matrix"] = (nr, nc)
            for i in range(nA, rk):
                mons, coefs = [], []
                for j in range(nA, nc):
                    v = int(R[i, j])
                    if v:
                        mons.append(N[j - nA])
                        coefs.append(v)
                new_elems.append((mons, coefs))
        for el in new_elems:
            G.append(el)
            leads.append(el[0][0])
            active.append(True)
            pairs = _gm_update(pk, leads, active, pairs, len(G) - 1)
    return [G[i] for i in range(len(G)) if active[i]]


# ----------------------------------------------------------------------------------------
# sparse reduction (mod p or exact over Q with fmpq)
# ----------------------------------------------------------------------------------------
class _Reducer:
    """Division by a monic basis (packed polys) with ints mod p (``p``) or fmpq (``p=None``)."""

    def __init__(self, pk: _Packer, basis: list[_Poly], p: int | None) -> None:
        self.pk = pk
        self.basis = basis
        self.leads = [b[0][0] for b in basis]
        self.p = p
        self._div: dict[int, int] = {}

    def find(self, m: int) -> int:
        r = self._div.get(m)
        if r is None:
            r = -1
            for i, l in enumerate(self.leads):
                if self.pk.divides(l, m):
                    r = i
                    break
            self._div[m] = r
        return r

    def reduce(self, f: dict[int, Any], full: bool = True, skip: int = -1) -> dict[int, Any] | None:
        """Remainder of ``f`` (a dict, consumed).  With ``full=False`` stop at the first
        irreducible leading term and return None if one occurs (top-reduction test)."""
        pk, p = self.pk, self.p
        key = pk.key
        heap = [(-key(m), m) for m in f]
        heapq.heapify(heap)
        rem: dict[int, Any] = {}
        while heap:
            _, m = heapq.heappop(heap)
            c = f.pop(m, None)
            if c is None:
                continue
            gi = self.find(m)
            if gi == skip and gi >= 0:
                gi = -1
                for i, l in enumerate(self.leads):
                    if i != skip and pk.divides(l, m):
                        gi = i
                        break
            if gi < 0:
                if not full:
                    return None
                rem[m] = c
                continue
            mult = m - self.leads[gi]
            gm, gc = self.basis[gi]
            for mm, cc in zip(gm[1:], gc[1:]):
                t = mult + mm
                v = f.get(t)
                if p is None:
                    nv = -c * cc if v is None else v - c * cc
                else:
                    nv = (-c * cc if v is None else v - c * cc) % p
                if v is None:
                    if nv != 0:
                        f[t] = nv
                        heapq.heappush(heap, (-key(t), t))
                elif nv == 0:
                    del f[t]
                else:
                    f[t] = nv
        return rem


def _interreduce(pk: _Packer, polys: list[dict[int, Any]], p: int | None) -> list[_Poly]:
    """Reduced Gröbner basis from a Gröbner basis (dicts, any coefficients)."""
    key = pk.key
    items = []
    for f in polys:
        f = {m: c for m, c in f.items() if c != 0}
        if not f:
            continue
        lm = max(f, key=key)
        lc = f[lm]
        if p is None:
            inv = 1 / fmpq(lc)
            f = {m: fmpq(c) * inv for m, c in f.items()}
        else:
            inv = pow(int(lc), -1, p)
            f = {m: c * inv % p for m, c in f.items()}
        items.append((key(lm), lm, f))
    items.sort(key=lambda t: t[0])
    kept: list[tuple[int, dict[int, Any]]] = []
    for _, lm, f in items:
        if not any(pk.divides(l2, lm) for l2, _ in kept):
            kept.append((lm, f))
    basis = []
    for lm, f in kept:
        mons = sorted(f, key=key, reverse=True)
        basis.append((mons, [f[m] for m in mons]))
    red = _Reducer(pk, basis, p)
    out = []
    for i, (mons, coefs) in enumerate(basis):
        tail = dict(zip(mons[1:], coefs[1:]))
        rem = red.reduce(tail, full=True, skip=i)
        assert rem is not None
        ms = sorted(rem, key=key, reverse=True)
        out.append(([mons[0]] + ms, [coefs[0]] + [rem[m] for m in ms]))
    out.sort(key=lambda b: key(b[0][0]), reverse=True)
    return out


# ----------------------------------------------------------------------------------------
# input handling
# ----------------------------------------------------------------------------------------
def _to_fmpq(c: Any, where: str) -> fmpq:
    if isinstance(c, fmpq):
        return c
    if isinstance(c, (int, fmpz)) and not isinstance(c, bool):
        return fmpq(int(c))
    if isinstance(c, Fraction):
        return fmpq(c.numerator, c.denominator)
    if hasattr(c, "modulus") and hasattr(c, "__int__"):  # nmod / fmpz_mod
        return fmpq(int(c))
    raise InputError(f"{where}: coefficient {c!r} is not an int, fmpz, fmpq or Fraction")


def _parse(polys: Any, nvars: int | None) -> tuple[Any, int, list[dict[Exp, fmpq]], int | None]:
    """Return (flint ctx or None, nvars, polys as {exp: fmpq}, modulus of an nmod ctx)."""
    if isinstance(polys, Mapping) or hasattr(polys, "to_dict"):
        polys = [polys]
    try:
        polys = list(polys)
    except TypeError as exc:
        raise InputError("polys: expected a list of flint mpolys or of {exponent: coeff} dicts") from exc
    if not polys:
        raise InputError("polys: the list of generators is empty")
    ctx = None
    ctx_mod = None
    out: list[dict[Exp, fmpq]] = []
    for k, f in enumerate(polys):
        if hasattr(f, "to_dict") and hasattr(f, "context"):
            c = f.context()
            if ctx is None:
                if out:
                    raise InputError("polys: mixes flint polynomials with dicts")
                ctx = c
                if hasattr(c, "modulus"):
                    ctx_mod = int(c.modulus())
            elif c != ctx:
                raise InputError(f"polys[{k}]: not in the same flint context as polys[0]")
            n = c.nvars()
            if nvars is not None and nvars != n:
                raise InputError(f"nvars={nvars} but the flint context has {n} variables")
            nvars = n
            d = f.to_dict()
        elif isinstance(f, Mapping):
            if ctx is not None:
                raise InputError("polys: mixes flint polynomials with dicts")
            d = f
        else:
            raise InputError(f"polys[{k}]: {type(f).__name__} is neither a flint mpoly nor a dict")
        g: dict[Exp, fmpq] = {}
        for e, c in d.items():
            try:
                e = tuple(int(a) for a in e)
            except (TypeError, ValueError) as exc:
                raise InputError(f"polys[{k}]: key {e!r} is not an exponent tuple") from exc
            if nvars is None:
                nvars = len(e)
            if len(e) != nvars or any(a < 0 for a in e):
                raise InputError(f"polys[{k}]: exponent {e} does not have {nvars} non-negative entries")
            q = _to_fmpq(c, f"polys[{k}]")
            if q != 0:
                g[e] = g.get(e, fmpq(0)) + q
        out.append({e: c for e, c in g.items() if c != 0})
    if nvars is None:
        raise InputError("nvars: cannot infer the number of variables from zero polynomials; pass nvars=")
    return ctx, nvars, out, ctx_mod


def _primitive(f: Mapping[Exp, Any], key: Callable[[Exp], int] | None = None) -> dict[Exp, int]:
    """Primitive integer multiple (positive leading coefficient if ``key`` is given)."""
    den = 1
    for c in f.values():
        q = int(fmpq(c).q)
        den = den * q // gcd(den, q)
    ints = {e: int(fmpq(c).p) * (den // int(fmpq(c).q)) for e, c in f.items() if c != 0}
    g = 0
    for v in ints.values():
        g = gcd(g, v)
    if g == 0:
        return {}
    if key is not None and ints[max(ints, key=key)] < 0:
        g = -g
    return {e: v // g for e, v in ints.items()}


def _is_homogeneous(polys: list[dict[Exp, Any]], w: Sequence[int]) -> bool:
    for f in polys:
        degs = {sum(a * b for a, b in zip(e, w)) for e in f}
        if len(degs) > 1:
            return False
    return True


def _find_grading(polys: list[dict[Exp, Any]], n: int, order: MonomialOrder) -> tuple[int, ...] | None:
    cands = [tuple([1] * n)]
    if order.weights is not None:
        cands.append(tuple(order.weights))
    for w in cands:
        if _is_homogeneous(polys, w):
            return w
    # project the all-ones vector onto {w : w.(a - b) = 0 for monomials a, b of one poly}
    import sympy

    rows = set()
    for f in polys:
        es = list(f)
        for e in es[1:]:
            rows.add(tuple(a - b for a, b in zip(e, es[0])))
    if not rows or n == 0:
        return None
    A = sympy.Matrix(sorted(rows))
    ns = A.nullspace()
    if not ns:
        return None
    B = sympy.Matrix.hstack(*ns)
    ones = sympy.Matrix([1] * n)
    v = B * (B.T * B).LUsolve(B.T * ones)
    if not all(x > 0 for x in v):
        return None
    den = 1
    for x in v:
        den = sympy.ilcm(den, sympy.Rational(x).q)
    ints = [int(x * den) for x in v]
    g = 0
    for x in ints:
        g = gcd(g, x)
    w = tuple(x // g for x in ints)
    return w if _is_homogeneous(polys, w) else None


def _multigrading(polys: list[dict[Exp, int]], n: int) -> list[tuple[int, ...]]:
    """Integer basis of the gradings ``v`` with every polynomial ``v``-homogeneous."""
    rows = set()
    for f in polys:
        es = list(f)
        for e in es[1:]:
            rows.add(tuple(a - b for a, b in zip(e, es[0])))
    if not rows:
        return [tuple(1 if i == j else 0 for i in range(n)) for j in range(n)]
    X, nullity = fmpz_mat(sorted(rows)).nullspace()
    return [tuple(int(X[i, j]) for i in range(n)) for j in range(nullity)]


def _primes(start: int = _PRIME_START) -> Iterator[int]:
    q = start - 1
    while True:
        if fmpz(q).is_prime():
            yield q
        q -= 2 if q % 2 else 1


# ----------------------------------------------------------------------------------------
# the result object
# ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class GroebnerBasis:
    """A reduced Gröbner basis with the data needed to use and judge it.

    Attributes
    ----------
    terms : tuple
        The basis, one tuple of ``(exponent, coefficient)`` pairs per element, terms in
        decreasing order.  Over GF(p) monic with coefficients in ``0..p-1``; over Q primitive
        integer polynomials with positive leading coefficient.
    order : MonomialOrder
    modulus : int or None
        ``p`` for GF(p), None for Q.
    nvars : int
    leading_monomials : tuple of exponent tuples
    certified : bool
        Over Q: the exact verification (module docstring) passed.  Always False for a
        computation mod p (which is exact for GF(p) but says nothing over Q).
    method : str
        How the basis was obtained and verified.
    primes : tuple of int
        Primes whose results were combined (over Q) or the modulus.
    grading : tuple of int or None
        Weights for which the input is homogeneous, None if it is not (weighted-)homogeneous.
    ctx : flint context or None
        The context of the input polynomials, if any.

    Examples
    --------
    >>> gb = groebner_basis([{(2, 0): 1, (0, 2): -1}], "degrevlex", modulus=101)
    >>> gb.leading_monomials, gb.polys[0][(0, 2)]
    (((2, 0),), 100)
    """

    terms: tuple[tuple[tuple[Exp, int], ...], ...]
    order: MonomialOrder
    modulus: int | None
    nvars: int
    leading_monomials: tuple[Exp, ...]
    certified: bool
    method: str
    primes: tuple[int, ...] = ()
    grading: tuple[int, ...] | None = None
    ctx: Any = field(default=None, compare=False, repr=False)
    stats: Any = field(default=None, compare=False, repr=False)

    # -- access -----------------------------------------------------------------------
    @property
    def polys(self) -> list[dict[Exp, int]]:
        """The basis as a list of fresh ``{exponent: coefficient}`` dicts.

        Examples
        --------
        >>> groebner_basis([{(1,): 2, (0,): 4}], "lex").polys
        [{(1,): 1, (0,): 2}]
        """
        return [dict(t) for t in self.terms]

    def as_flint(self) -> list[Any]:
        """The basis as flint polynomials in the input's context.

        Raises
        ------
        InputError
            If the input was given as dicts (no context).

        Examples
        --------
        >>> import flint
        >>> ctx = flint.fmpz_mpoly_ctx.get(("x", "y"), "lex")
        >>> x, y = ctx.gens()
        >>> groebner_basis([x*y - 1, x - y]).as_flint()
        [y^2 - 1, x - y]
        """
        if self.ctx is None:
            raise InputError("as_flint: the input had no flint context; use .polys")
        return [self._to_ctx(dict(t)) for t in self.terms]

    def _to_ctx(self, d: Mapping[Exp, Any]) -> Any:
        ctx = self.ctx
        name = type(ctx).__name__
        if name.startswith("fmpz_mpoly"):
            if all(fmpq(c).q == 1 for c in d.values()):
                return ctx.from_dict({e: int(fmpq(c).p) for e, c in d.items()})
            return None
        if name.startswith("fmpq_mpoly"):
            return ctx.from_dict({e: fmpq(c) for e, c in d.items()})
        return ctx.from_dict({e: int(c) for e, c in d.items()})

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self) -> Iterator[dict[Exp, int]]:
        return iter(self.polys)

    # -- reduction --------------------------------------------------------------------
    def _reducer(self) -> tuple[_Packer, _Reducer]:
        w = self.grading or tuple([1] * self.nvars)
        pk = _Packer(self.nvars, w, self.order.key)
        basis = []
        for t in self.terms:
            mons = [pk.pack(e) for e, _ in t]
            if self.modulus is None:
                inv = 1 / fmpq(t[0][1])
                coefs = [fmpq(c) * inv for _, c in t]
            else:
                coefs = [int(c) for _, c in t]
            basis.append((mons, coefs))
        return pk, _Reducer(pk, basis, self.modulus)

    def normal_form(self, f: Any) -> Any:
        """Normal form (remainder of full reduction) of ``f`` modulo the basis.

        Parameters
        ----------
        f : flint mpoly or dict
            A polynomial in the same ring.

        Returns
        -------
        dict or flint mpoly
            A flint polynomial in the basis' context when ``f`` is a flint polynomial and the
            remainder fits the context (an ``fmpz_mpoly`` context cannot hold fractions);
            otherwise ``{exponent: coefficient}`` (``int`` mod p, ``fmpq`` over Q).

        Raises
        ------
        InputError
            If ``f`` is not a polynomial of this ring.

        Examples
        --------
        >>> gb = groebner_basis([{(2, 0): 1, (0, 1): -1}], "lex", nvars=2)
        >>> gb.normal_form({(3, 0): 2, (0, 0): 1})
        {(1, 1): 2, (0, 0): 1}
        """
        ctx, n, (g,), _ = _parse([f], self.nvars)
        if n != self.nvars:
            raise InputError(f"normal_form: {n} variables, the basis has {self.nvars}")
        if ctx is not None and self.ctx is not None and ctx != self.ctx:
            raise InputError("normal_form: f is in a different flint context")
        pk, red = self._reducer()
        p = self.modulus
        if p is None:
            h = {pk.pack(e): c for e, c in g.items()}
        else:
            h = {}
            for e, c in g.items():
                if int(c.q) % p == 0:
                    raise InputError(f"normal_form: a denominator is divisible by p = {p}")
                v = int(c.p) * pow(int(c.q), -1, p) % p
                if v:
                    h[pk.pack(e)] = v
        rem = red.reduce(h, full=True)
        assert rem is not None
        out = {pk.unpack(m): rem[m] for m in sorted(rem, key=pk.key, reverse=True)}
        if ctx is not None and self.ctx is not None:
            conv = self._to_ctx(out)
            if conv is not None:
                return conv
        return out

    def contains(self, f: Any) -> bool:
        """Ideal membership: whether ``f`` reduces to zero.

        Examples
        --------
        >>> gb = groebner_basis([{(1, 1): 1, (0, 0): -1}], "degrevlex")
        >>> gb.contains({(2, 1): 3, (1, 0): -3}), gb.contains({(1, 0): 1})
        (True, False)
        """
        nf = self.normal_form(f)
        if isinstance(nf, dict):
            return not nf
        return nf.is_zero()

    # -- invariants -------------------------------------------------------------------
    def hilbert_numerator(self, weights: Sequence[int] | None = None) -> list[int]:
        """Numerator of the Hilbert series of ``R/LM(I)`` for the given weights.

        Parameters
        ----------
        weights : sequence of int, optional
            Default: the grading of the input (all ones if the input was not homogeneous).

        Examples
        --------
        >>> groebner_basis([{(1, 1): 1}], nvars=2).hilbert_numerator()
        [1, 0, -1]
        """
        w = weights if weights is not None else (self.grading or [1] * self.nvars)
        return hilbert_numerator(self.leading_monomials, self.nvars, w)

    def hilbert_series(self, weights: Sequence[int] | None = None) -> Any:
        """Hilbert series of ``R/I`` as a sympy rational function of ``t`` (lowest terms).

        Parameters
        ----------
        weights : sequence of int, optional
            A grading for which the input is homogeneous (default: the detected one).

        Raises
        ------
        InputError
            If the input is not homogeneous for the grading.

        Examples
        --------
        >>> gb = groebner_basis([{(2, 0, 0): 1, (0, 1, 1): -1}])
        >>> gb.hilbert_series()
        (t + 1)/(1 - t)**2
        """
        w = tuple(weights) if weights is not None else self.grading
        if w is None:
            raise InputError("hilbert_series: the input is not (weighted-)homogeneous; "
                             "pass weights= for a grading it is homogeneous for")
        if not _is_homogeneous([dict(t) for t in self.terms], w):
            raise InputError(f"hilbert_series: the ideal is not homogeneous for weights {w}")
        return hilbert_series_of_monomials(self.leading_monomials, self.nvars, w)

    def dimension(self) -> int:
        """Krull dimension of ``R/I`` (``-1`` for the unit ideal).

        Examples
        --------
        >>> groebner_basis([{(1, 0, 0): 1, (0, 1, 0): -1}]).dimension()
        2
        """
        num = hilbert_numerator(self.leading_monomials, self.nvars)
        return dimension_and_degree(num, self.nvars)[0]

    def degree(self) -> int:
        """Degree of ``I``: of the projective scheme for standard-homogeneous input, else the
        affine degree (needs a degree-compatible order).

        Raises
        ------
        InputError
            For inhomogeneous input with an order that is not degree-compatible.

        Examples
        --------
        >>> groebner_basis([{(2, 0, 0): 1, (0, 1, 1): -1}]).degree()
        2
        """
        homog = self.grading is not None and all(x == 1 for x in self.grading)
        if not homog and not self.order.is_degree_compatible(self.nvars):
            raise InputError("degree: needs standard-homogeneous input or a degree-compatible "
                             "order (degrevlex, deglex); recompute with one of those")
        num = hilbert_numerator(self.leading_monomials, self.nvars)
        return dimension_and_degree(num, self.nvars)[1]

    def is_zero_dimensional(self) -> bool:
        """Whether ``R/I`` is finite-dimensional (every variable has a pure power as a lead).

        Examples
        --------
        >>> groebner_basis([{(2,): 1, (0,): -1}]).is_zero_dimensional()
        True
        """
        pure = set()
        for e in self.leading_monomials:
            nz = [i for i, a in enumerate(e) if a]
            if len(nz) == 1:
                pure.add(nz[0])
            elif not nz:
                return True
        return len(pure) == self.nvars

    def num_solutions(self) -> int:
        """``dim_k R/I`` for a zero-dimensional ideal: the number of affine solutions over the
        algebraic closure counted with multiplicity.

        Raises
        ------
        InputError
            If the ideal is not zero-dimensional.

        Examples
        --------
        >>> groebner_basis([{(2, 0): 1, (0, 0): -1}, {(0, 3): 1, (1, 0): -1}]).num_solutions()
        6
        """
        if not self.is_zero_dimensional():
            raise InputError("num_solutions: the ideal is not zero-dimensional "
                             f"(dimension {self.dimension()})")
        num = hilbert_numerator(self.leading_monomials, self.nvars)
        return dimension_and_degree(num, self.nvars)[1] if any(num) else 0

    def eliminate(self, k: int, drop_variables: bool = False) -> list[dict[Exp, int]]:
        """Basis elements free of the first ``k`` variables: a Gröbner basis of the
        elimination ideal ``I ∩ k[x_{k+1}, ..., x_n]``.

        Parameters
        ----------
        k : int
            Number of leading variables to eliminate; the order must eliminate them
            (``elimination(k)``, or ``lex``).
        drop_variables : bool
            Return exponent tuples of length ``nvars - k`` instead of ``nvars``.

        Returns
        -------
        list of dict

        Raises
        ------
        InputError
            If the order does not eliminate the first ``k`` variables.

        Examples
        --------
        >>> from lcnalg.polys.monomials import elimination
        >>> gb = groebner_basis([{(1, 0, 0): 1, (0, 1, 0): -1}, {(1, 0, 0): 1, (0, 0, 1): -1}],
        ...                     elimination(1))
        >>> gb.eliminate(1, drop_variables=True)
        [{(1, 0): 1, (0, 1): -1}]
        """
        if not isinstance(k, int) or not 0 <= k <= self.nvars:
            raise InputError(f"eliminate: k must be an int in 0..{self.nvars}")
        if not self.order.eliminates(k):
            raise InputError(f"eliminate: the order {self.order} does not eliminate the first "
                             f"{k} variables; use elimination({k})")
        out = []
        for t in self.terms:
            if all(not any(e[:k]) for e, _ in t):
                out.append({(e[k:] if drop_variables else e): c for e, c in t})
        return out

    def eliminate_flint(self, k: int) -> list[Any]:
        """Like :meth:`eliminate` but as flint polynomials in the input context.

        Examples
        --------
        >>> import flint
        >>> from lcnalg.polys.monomials import elimination
        >>> ctx = flint.fmpz_mpoly_ctx.get(("s", "a", "b"), "lex")
        >>> s, a, b = ctx.gens()
        >>> groebner_basis([a - s**2, b - s**3], elimination(1)).eliminate_flint(1)
        [a^3 - b^2]
        """
        if self.ctx is None:
            raise InputError("eliminate_flint: the input had no flint context")
        return [self._to_ctx(d) for d in self.eliminate(k)]


# ----------------------------------------------------------------------------------------
# driver
# ----------------------------------------------------------------------------------------
def _check_modulus(modulus: Any) -> int:
    if isinstance(modulus, bool) or not isinstance(modulus, int):
        raise InputError(f"modulus: expected a prime int or None, got {modulus!r}")
    if not 2 <= modulus < 1 << 63 or not fmpz(modulus).is_prime():
        raise InputError(f"modulus: {modulus} is not a word-size prime (2 <= p < 2**63)")
    return modulus


class _Setup:
    """Input prepared for the homogeneous engine (shared by all primes)."""

    def __init__(self, polys: list[dict[Exp, fmpq]], n: int, order: MonomialOrder,
                 grading: Sequence[int] | None) -> None:
        self.n = n
        self.order = order
        if grading is not None:
            w = tuple(int(x) for x in grading)
            if len(w) != n or any(x <= 0 for x in w):
                raise InputError(f"grading: expected {n} positive integers, got {grading!r}")
            self.grading: tuple[int, ...] | None = w if _is_homogeneous(polys, w) else None
            hw = w
        else:
            self.grading = _find_grading(polys, n, order)
            hw = self.grading or (tuple(order.weights) if order.weights else tuple([1] * n))
        self.homog = self.grading is not None
        okey = order.key
        if self.homog:
            self.hn = n
            self.weights = self.grading
            hpolys = polys
            self.hkey: Callable[[Exp], int] = okey
        else:
            self.hn = n + 1
            self.weights = tuple(hw) + (1,)
            hpolys = []
            for f in polys:
                degs = {e: sum(a * b for a, b in zip(e, hw)) for e in f}
                top = max(degs.values())
                hpolys.append({e + (top - degs[e],): c for e, c in f.items()})
            self.hkey = lambda e, _k=okey, _n=n: _k(e[:_n])
        # primitive integer generators of the (homogenized) ideal
        self.hint = [_primitive(f) for f in hpolys if f]
        self.multigrading = _multigrading(self.hint, self.hn)

    def packer(self) -> _Packer:
        return _Packer(self.hn, self.weights, self.hkey, self.multigrading)


def _modp_stage(setup: _Setup, p: int, max_entries: tuple[float, float], stats: dict[str, Any]
                ) -> tuple[_Packer, list[_Poly]]:
    pk = setup.packer()
    gens = []
    for f in setup.hint:
        gens.append({pk.pack(e): c % p for e, c in f.items() if c % p})
    return pk, _f4_homogeneous(gens, pk, p, max_entries, stats)


def _dehomogenize(setup: _Setup, pk: _Packer, H: list[_Poly], p: int | None
                  ) -> tuple[_Packer, list[_Poly]]:
    n = setup.n
    apk = _Packer(n, setup.weights[:n], setup.order.key)
    polys = []
    for mons, coefs in H:
        polys.append({apk.pack(pk.unpack(m)[:n]): c for m, c in zip(mons, coefs)})
    return apk, _interreduce(apk, polys, p)


def _gf_p(setup: _Setup, p: int, max_entries: tuple[float, float], stats: dict[str, Any]
          ) -> tuple[_Packer, list[_Poly]]:
    pk, H = _modp_stage(setup, p, max_entries, stats)
    if setup.homog:
        return pk, H
    return _dehomogenize(setup, pk, H, p)


def _verify_q(setup: _Setup, pk: _Packer, H: list[_Poly]) -> str | None:
    """Exact checks 1 and 2 of the module docstring; returns None or what failed."""
    red = _Reducer(pk, H, None)
    for k, f in enumerate(setup.hint):
        h = {pk.pack(e): fmpq(c) for e, c in f.items()}
        if red.reduce(h, full=False) is None:
            return f"input generator {k} does not reduce to 0"
    leads = [b[0][0] for b in H]
    order = sorted(range(len(H)), key=lambda i: (pk.deg(leads[i]), pk.key(leads[i])))
    oleads = [leads[i] for i in order]
    active = [True] * len(H)
    pairs: list[list[int]] = []
    for h in range(len(H)):
        pairs = _gm_update(pk, oleads, active, pairs, h)
    for _, l, i, j in pairs:
        gi, gj = H[order[i]], H[order[j]]
        s: dict[int, Any] = {}
        mi, mj = l - gi[0][0], l - gj[0][0]
        for m, c in zip(gi[0][1:], gi[1][1:]):
            s[mi + m] = c
        for m, c in zip(gj[0][1:], gj[1][1:]):
            t = mj + m
            v = s.get(t, 0) - c
            if v == 0:
                s.pop(t, None)
            else:
                s[t] = v
        if red.reduce(s, full=False) is None:
            return "an S-polynomial does not reduce to 0"
    return None


def _lift(results: list[tuple[int, list[_Poly]]]) -> list[_Poly] | None:
    """CRT + rational reconstruction of monic bases with equal leading monomials."""
    M = 1
    for p, _ in results:
        M *= p
    bound = isqrt(M // 2)
    out: list[_Poly] = []
    nb = len(results[0][1])
    for b in range(nb):
        allm: dict[int, None] = {}
        for _, H in results:
            for m in H[b][0]:
                allm.setdefault(m, None)
        vals = {m: 0 for m in allm}
        mod = 1
        for p, H in results:
            d = dict(zip(H[b][0], H[b][1]))
            inv = pow(mod, -1, p)
            for m in allm:
                r = vals[m]
                vals[m] = r + mod * (((d.get(m, 0) - r) * inv) % p)
            mod *= p
        den = 1
        mons, coefs = [], []
        for m in allm:
            a = vals[m]
            x = a * den % M
            if x > M // 2:
                x -= M
            if abs(x) <= bound and den <= bound:
                num, dd = x, 1
            else:
                rr = rational_reconstruction_bounded(x, M, bound)
                if rr is None:
                    return None
                num, dd = rr
            if num:
                mons.append(m)
                coefs.append(fmpq(num, dd * den))
            den *= dd
        out.append((mons, coefs))
    return out


def _groebner_q(setup: _Setup, max_entries: tuple[float, float], max_primes: int, stats: dict[str, Any],
                ideal_test: Callable[[dict[Exp, int]], bool] | None
                ) -> tuple[_Packer, list[_Poly], tuple[int, ...], str]:
    groups: dict[tuple[int, ...], list[tuple[int, list[_Poly]]]] = {}
    pk_ref: _Packer | None = None
    tried = 0
    failures: list[str] = []
    for p in _primes():
        if tried >= max_primes:
            break
        tried += 1
        pk, H = _modp_stage(setup, p, max_entries, stats)
        pk_ref = pk_ref or pk
        sig = tuple(sorted(b[0][0] for b in H))
        groups.setdefault(sig, []).append((p, H))
        best = max(groups.values(), key=len)
        if len(best) < 2 or best[-1][0] != p:
            continue
        lifted = _lift(best[:-1])
        if lifted is None:
            continue
        # stability: the newest prime must agree with the reconstruction
        ok = True
        newest = dict((b[0][0], dict(zip(b[0], b[1]))) for b in best[-1][1])
        for mons, coefs in lifted:
            d = newest[mons[0]]
            if len(d) > len(mons):
                ok = False
                break
            for m, c in zip(mons, coefs):
                q = int(c.q)
                if q % p == 0 or int(c.p) * pow(q, -1, p) % p != d.get(m, 0):
                    ok = False
                    break
            if not ok:
                break
        if not ok:
            continue
        # sort by leading monomial like the mod-p output, then verify exactly
        lifted.sort(key=lambda b: pk_ref.key(b[0][0]), reverse=True)
        why = _verify_q(setup, pk_ref, lifted)
        if why is not None:
            failures.append(why)
            continue
        primes = tuple(q for q, _ in best)
        apk, final = pk_ref, lifted
        if not setup.homog:
            apk, final = _dehomogenize(setup, pk_ref, lifted, None)
        method = ("F4 (Macaulay matrices, FLINT nmod_mat) mod %d primes, CRT + rational "
                  "reconstruction; verified over Q: inputs reduce to 0, Gebauer-Moeller "
                  "S-pairs reduce to 0, <H> in <input> by the Hilbert-function sandwich"
                  % len(primes))
        if not setup.homog:
            method += " (on the homogenization; dehomogenized and inter-reduced exactly)"
        if ideal_test is not None:
            for mons, coefs in final:
                intp = _primitive({apk.unpack(m): c for m, c in zip(mons, coefs)})
                if not ideal_test(intp):
                    raise InputError("ideal_test: a verified basis element fails the supplied "
                                     "membership test; the test does not describe this ideal")
            method += "; every element passes ideal_test"
        return apk, final, primes, method
    raise ResourceLimitError(
        "primes needed for the multi-modular lift" + (f" ({failures[-1]})" if failures else ""),
        f">{max_primes}", max_primes, "pass max_primes= to groebner_basis")


def groebner_basis(polys: Iterable[Any], order: Any = "degrevlex", modulus: int | None = None, *,
                   nvars: int | None = None, grading: Sequence[int] | None = None,
                   max_matrix_entries: float = DEFAULT_MAX_MATRIX_ENTRIES,
                   max_total_entries: float = float("inf"),
                   max_primes: int = 64,
                   ideal_test: Callable[[dict[Exp, int]], bool] | None = None) -> GroebnerBasis:
    """Reduced Gröbner basis of the ideal generated by ``polys``.

    Over GF(p) the result is exact; over Q it is computed modulo primes, lifted, and verified
    exactly (module docstring: inputs reduce to 0, all Gebauer--Möller S-pairs reduce to 0,
    and the lifted ideal is contained in the input ideal by the Hilbert-function sandwich,
    plus ``ideal_test`` when given).

    Parameters
    ----------
    polys : iterable of flint mpolys or dicts
        Generators: ``fmpz_mpoly``/``fmpq_mpoly``/``nmod_mpoly`` in one context, or dicts
        ``{exponent_tuple: int | fmpq | Fraction}``.
    order : str or MonomialOrder
        ``"degrevlex"`` (default), ``"deglex"``, ``"lex"``, or an order from
        :mod:`lcnalg.polys.monomials` (``weighted``, ``elimination``).
    modulus : int, optional
        A word-size prime ``p`` to compute over GF(p); None (default) for Q.  For
        ``nmod_mpoly`` input the context's modulus is used.
    nvars : int, optional
        Number of variables for dict input (inferred from the exponents otherwise).
    grading : sequence of positive int, optional
        Degrees of the variables; the input should be homogeneous for it (for example
        ``wt(w) = 1, wt(c) = L`` for a graph ideal).  Detected when omitted.
    max_matrix_entries : float
        Refuse (ResourceLimitError) a Macaulay matrix with more entries, before building it.
    max_total_entries : float
        Give up (ResourceLimitError) when the Macaulay matrices of one prime add up to more
        entries (a bound on the whole run, checked before each matrix is built).
    max_primes : int
        Give up the multi-modular lift after this many primes.
    ideal_test : callable, optional
        Exact membership test for the input ideal, called on each final element (a primitive
        integer dict); for example "vanishes under the parameterization" for a graph ideal.

    Returns
    -------
    GroebnerBasis

    Raises
    ------
    InputError
        For malformed polynomials, mixed contexts, a bad order or modulus.
    ResourceLimitError
        When a Macaulay matrix exceeds ``max_matrix_entries``, all of them exceed
        ``max_total_entries``, or the lift needs more than
        ``max_primes`` primes.

    Examples
    --------
    >>> gb = groebner_basis([{(2, 0): 1, (0, 1): -1}, {(1, 1): 1, (0, 0): -1}], "lex")
    >>> gb.polys
    [{(1, 0): 1, (0, 2): -1}, {(0, 3): 1, (0, 0): -1}]
    >>> groebner_basis(gb.polys, "lex", modulus=7).polys
    [{(1, 0): 1, (0, 2): 6}, {(0, 3): 1, (0, 0): 6}]
    """
    order = as_order(order)
    ctx, n, qpolys, ctx_mod = _parse(polys, nvars)
    order.validate(n)
    if ctx_mod is not None:
        if modulus is None:
            modulus = ctx_mod
        elif modulus != ctx_mod:
            raise InputError(f"modulus={modulus} but the flint context is mod {ctx_mod}")
    if modulus is not None:
        modulus = _check_modulus(modulus)
    if not isinstance(max_primes, int) or max_primes < 1:
        raise InputError("max_primes: expected a positive int")
    qpolys = [f for f in qpolys if f]
    stats: dict[str, Any] = {}
    if not qpolys:
        return GroebnerBasis((), order, modulus, n, (), modulus is None, "zero ideal",
                             () if modulus is None else (modulus,), tuple([1] * n), ctx, stats)
    if modulus is not None and any(int(c.q) % modulus == 0 for f in qpolys for c in f.values()):
        raise InputError(f"polys: a coefficient has a denominator divisible by p = {modulus}")
    setup = _Setup(qpolys, n, order, grading)
    okey = order.key
    if modulus is not None:
        p = modulus
        pk, B = _gf_p(setup, p, (max_matrix_entries, max_total_entries), stats)
        B = sorted(B, key=lambda b: pk.key(b[0][0]), reverse=True)
        terms = tuple(tuple((pk.unpack(m), int(c)) for m, c in zip(mons, coefs)) for mons, coefs in B)
        method = "F4 (Macaulay matrices, FLINT nmod_mat) over GF(%d)" % p
        if not setup.homog:
            method += " on the homogenization, dehomogenized and inter-reduced"
        return GroebnerBasis(terms, order, p, n, tuple(t[0][0] for t in terms), False, method,
                             (p,), setup.grading, ctx, stats)
    pk, B, primes, method = _groebner_q(setup, (max_matrix_entries, max_total_entries), max_primes,
                                        stats, ideal_test)
    terms_l = []
    for mons, coefs in B:
        intp = _primitive({pk.unpack(m): c for m, c in zip(mons, coefs)}, okey)
        terms_l.append(tuple((e, intp[e]) for e in sorted(intp, key=okey, reverse=True)))
    terms_l.sort(key=lambda t: okey(t[0][0]), reverse=True)
    terms = tuple(terms_l)
    return GroebnerBasis(terms, order, None, n, tuple(t[0][0] for t in terms), True, method,
                         primes, setup.grading, ctx, stats)
