"""Early termination for zero-dimensional ideals: the commuting-matrices certificate.

While F4 runs, a zero-dimensional ideal usually has its final staircase long before the last
critical pairs are shown to reduce to zero, and those last reductions (large Macaulay blocks
whose rows all reduce to 0) can dominate the run.  :func:`border_certificate` proves, from the
current basis and without those reductions, that the basis is already complete.

Algorithm
---------
Let ``G ⊂ I`` be the current (affine) elements, ``S`` the monomials outside ``⟨LM(G)⟩`` (an
order ideal, assumed finite, of size ``D``) and ``∂S = {x_k s : s ∈ S} \\ S`` its border.  A
linear map ``N`` from monomials to ``span(S)`` is built in increasing monomial order: ``N(s) =
s`` on ``S``; for a minimal generator ``b`` of ``⟨LM(G)⟩`` with element ``g = b − tail``,
``N(b) = N(tail)``; for any other ``m`` in the leading ideal, ``m = x_k m'`` with ``m'`` in the
leading ideal and ``N(m) = Σ_s c_s N(x_k s)`` where ``N(m') = Σ_s c_s s``.  Every term used is
smaller than ``m``, and by induction ``m − N(m) ∈ I``.  The border prebasis ``{b − N(b) : b ∈
∂S}`` defines the formal multiplication matrices ``M_k`` (column ``s``: ``N(x_k s)``).

*Theorem* (Mourrain 1999; Kreuzer--Robbiano, *Computational Commutative Algebra 2*, Thm.
6.4.30).  A border prebasis is a border basis of the ideal it generates iff its formal
multiplication matrices commute pairwise.  Then ``J = ⟨b − N(b)⟩ ⊆ I`` has ``dim k[x]/J = D``;
if moreover every generator ``f`` of ``I`` has ``N(f) = f(M)·1 = 0`` then ``I ⊆ J``, so
``I = J``.  Every term of ``N(b)`` is smaller than ``b``, so ``LM(I) ⊇ ⟨∂S⟩`` and, counting
dimensions, the standard monomials of ``I`` are exactly ``S``: the elements ``b − N(b)`` for the
minimal generators ``b`` form the reduced Gröbner basis of ``I``.

All vectors are FLINT ``nmod_mat`` columns and the checks are exact matrix identities mod
``p``; nothing is probabilistic.  When a check fails the caller simply goes on with F4.
"""

from __future__ import annotations

from typing import Any, Sequence

from flint import fmpq, fmpq_mat, nmod_mat

from lcnalg.polys.groebner._packed import Exp
from lcnalg.polys.monomials import divides

__all__ = ["standard_set", "NormalFormTable", "border_certificate", "MAX_CERTIFICATE_DIMENSION"]

#: Largest staircase for which the certificate is tried (its matrices are ``D x D``).
MAX_CERTIFICATE_DIMENSION = 1500


def standard_set(leads: Sequence[Exp], n: int, bound: int) -> list[Exp] | None:
    """The monomials in ``n`` variables outside the monomial ideal of ``leads``, or None when
    that set is infinite (some variable has no pure power among the leads) or larger than
    ``bound``."""
    if any(sum(e) == 0 for e in leads):
        return []
    for k in range(n):
        if not any(all((a == 0) == (i != k) for i, a in enumerate(e)) for e in leads):
            return None
    # a lead dividing x_k e with e standard has k-th exponent exactly e_k + 1: index them so
    by_power: dict[tuple[int, int], list[Exp]] = {}
    for l in leads:
        for k in range(n):
            if l[k]:
                by_power.setdefault((k, l[k]), []).append(l)
    seen = {tuple([0] * n)}
    frontier = [tuple([0] * n)]
    while frontier:
        nxt = []
        for e in frontier:
            for k in range(n):
                f = e[:k] + (e[k] + 1,) + e[k + 1:]
                if f in seen or any(divides(l, f) for l in by_power.get((k, f[k]), ())):
                    continue
                seen.add(f)
                if len(seen) > bound:
                    return None
                nxt.append(f)
        frontier = nxt
    return list(seen)


class NormalFormTable:
    """The linear map ``N`` of the module docstring and the formal multiplication matrices.

    Parameters
    ----------
    basis : sequence of (monomials, coefficients)
        Elements of the ideal, leading monomial first (the rest in decreasing order); only
        the first element with a given leading monomial is used.
    S : list of exponent tuples
        The monomials outside the ideal of the leading monomials (finite, closed under
        division), in increasing ``key`` order.
    n : int
        Number of variables.
    key : callable
        The monomial order's sort key.
    modulus : int or None
        ``p`` for ``nmod_mat`` vectors over GF(p); None for ``fmpq_mat`` over Q.
    extra : iterable of exponent tuples
        Further monomials whose ``N`` is wanted (for example the terms of the input).

    Attributes
    ----------
    matrices : list
        ``M_k`` (``D x D``): column ``s`` is ``N(x_k s)``.  When ``basis`` is a Gröbner basis
        these are the multiplication matrices of the quotient algebra.
    """

    def __init__(self, basis: Sequence[tuple[Sequence[Exp], Sequence[Any]]], S: list[Exp], n: int, key: Any,
                 modulus: int | None, extra: Any = ()) -> None:
        self.S, self.n, self.key, self.modulus = S, n, key, modulus
        self.index = index = {s: i for i, s in enumerate(S)}
        self.dim = D = len(S)
        elems: dict[Exp, tuple[Sequence[Exp], Sequence[Any]]] = {}
        for mons, coefs in basis:
            if mons and mons[0] not in elems:
                elems[mons[0]] = (mons, coefs)
        self.elems = elems
        leads = list(elems)
        self.minimal = minimal = {b for b in leads if not any(l != b and divides(l, b) for l in leads)}
        unit = [tuple(1 if i == k else 0 for i in range(n)) for k in range(n)]
        # the rule of each monomial needed: None for a minimal generator (its element's tail),
        # (k, m') for m = x_k m' with m' in the leading ideal
        rule: dict[Exp, tuple[int, Exp] | None] = {}

        def needs(m: Exp) -> list[Exp]:
            if m in index or m in rule:
                return []
            if m in minimal:
                rule[m] = None
                return [t for t in elems[m][0][1:] if t not in index]
            for k in range(n):
                if m[k]:
                    mp = m[:k] + (m[k] - 1,) + m[k + 1:]
                    if mp not in index:
                        rule[m] = (k, mp)  # every x_k s (s in S) outside S is in the border, queued
                        return [mp]
            raise ArithmeticError("a monomial outside the staircase is not in the leading ideal")

        border = {tuple(a + b for a, b in zip(s, unit[k])) for s in S for k in range(n)} - set(index)
        self.border = border
        todo = list(border) + list(extra)
        while todo:
            todo.extend(needs(todo.pop()))
        mats = [self._zero(D, D) for _ in range(n)]
        columns: dict[Exp, list[tuple[int, int]]] = {}
        for s, i in index.items():
            for k in range(n):
                t = tuple(a + b for a, b in zip(s, unit[k]))
                j = index.get(t)
                if j is not None:
                    mats[k][j, i] = 1
                else:
                    columns.setdefault(t, []).append((k, i))
        self.matrices = mats
        self.values: dict[Exp, Any] = {}
        for m in sorted(rule, key=key):
            r = rule[m]
            if r is None:
                mons, coefs = elems[m]
                inv = self._inverse(coefs[0])
                acc = self._zero(D, 1)
                for t, c in zip(mons[1:], coefs[1:]):
                    acc = acc - self.vector(t) * self._scalar(c * inv)
            else:
                k, mp = r
                acc = mats[k] * self.vector(mp)
            self.values[m] = acc
            for k, i in columns.get(m, ()):
                col = mats[k]
                for j, v in enumerate(acc.entries()):
                    if v != 0:
                        col[j, i] = v

    def _zero(self, r: int, c: int) -> Any:
        return fmpq_mat(r, c) if self.modulus is None else nmod_mat(r, c, self.modulus)

    def _inverse(self, c: Any) -> Any:
        return 1 / fmpq(c) if self.modulus is None else pow(int(c), -1, self.modulus)

    def _scalar(self, c: Any) -> Any:
        return fmpq(c) if self.modulus is None else int(c) % self.modulus

    def vector(self, m: Exp) -> Any:
        """``N(m)`` as a ``D x 1`` matrix (``m`` standard or one of the monomials computed)."""
        v = self.values.get(m)
        if v is None:
            v = self._zero(self.dim, 1)
            v[self.index[m], 0] = 1
        return v

    def of(self, f: dict[Exp, Any]) -> Any:
        """``N(f)`` for a polynomial whose terms all have ``N`` computed (``extra``)."""
        acc = self._zero(self.dim, 1)
        for m, c in f.items():
            acc = acc + self.vector(m) * self._scalar(c)
        return acc

    def commute(self) -> bool:
        """Whether the formal multiplication matrices commute pairwise."""
        mats = self.matrices
        return all(mats[a] * mats[b] == mats[b] * mats[a]
                   for a in range(self.n) for b in range(a + 1, self.n))

    def reduced_basis(self) -> list[tuple[list[Exp], list[Any]]]:
        """``b − N(b)`` for the minimal generators ``b``, largest first (monic, terms decreasing)."""
        out = []
        D = self.dim
        for b in sorted(self.minimal, key=self.key, reverse=True):
            v = list(self.values[b].entries())
            tail = [(self.S[j], v[j]) for j in range(D - 1, -1, -1) if v[j] != 0]
            if self.modulus is None:
                out.append(([b] + [t for t, _ in tail], [fmpq(1)] + [-c for _, c in tail]))
            else:
                out.append(([b] + [t for t, _ in tail], [1] + [(-int(c)) % self.modulus for _, c in tail]))
        return out


def border_certificate(basis: Sequence[tuple[Sequence[Exp], Sequence[int]]], inputs: Sequence[dict[Exp, int]],
                       n: int, key: Any, p: int, bound: int = MAX_CERTIFICATE_DIMENSION,
                       tables: list | None = None) -> list[tuple[list[Exp], list[int]]] | None:
    """The reduced Gröbner basis of the ideal of ``inputs`` mod ``p``, proved from ``basis``
    (elements of that ideal, leading term first, any coefficients mod ``p``) by the
    commuting-matrices certificate of the module docstring; None when the staircase of
    ``basis`` is infinite or larger than ``bound``, or a check fails (``basis`` is not yet
    complete).

    When ``tables`` (a list) is given, the proved :class:`NormalFormTable` is appended to it:
    its matrices are the multiplication matrices on the standard monomials.

    Returns
    -------
    list of (monomials, coefficients) or None
        Monic, leading monomial first, the rest in decreasing ``key`` order.

    Examples
    --------
    >>> from lcnalg.polys.monomials import degrevlex
    >>> p = 101   # I = <x^2 - y, y^2 - 1>: four points, and these two elements already prove it
    >>> inputs = [{(2, 0): 1, (0, 1): p - 1}, {(0, 2): 1, (0, 0): p - 1}]
    >>> border_certificate([([(0, 2), (0, 0)], [1, p - 1]), ([(2, 0), (0, 1)], [1, p - 1])],
    ...                    inputs, 2, degrevlex().key, p)
    [([(2, 0), (0, 1)], [1, 100]), ([(0, 2), (0, 0)], [1, 100])]
    """
    leads = [mons[0] for mons, _ in basis if mons]
    S = standard_set(leads, n, bound)
    if S is None:
        return None
    if not S:
        return [([tuple([0] * n)], [1])]
    S.sort(key=key)
    table = NormalFormTable(basis, S, n, key, p, extra=[m for f in inputs for m in f])
    if not table.commute():
        return None
    for f in inputs:
        if any(int(v) for v in table.of(f).entries()):
            return None
    if tables is not None:
        tables.append(table)
    return table.reduced_basis()
