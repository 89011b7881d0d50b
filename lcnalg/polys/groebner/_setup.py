"""Input handling: parsing, gradings, homogenization, the per-prime stage."""

from __future__ import annotations

import operator
from fractions import Fraction
from itertools import chain
from math import gcd
from typing import Any, Callable, Mapping, Sequence

import numpy as np
from flint import fmpq, fmpq_mat, fmpz, fmpz_mat

from lcnalg import checks
from lcnalg.errors import InputError
from lcnalg.limits import Limits
from lcnalg.polys.groebner._f4 import f4_homogeneous, interreduce
from lcnalg.polys.groebner._packed import Exp, Packer, Poly
from lcnalg.polys.modmat import integer_nullspace
from lcnalg.polys.monomial_ideals import minimal_monomial_generators
from lcnalg.polys.monomials import MonomialOrder

__all__ = ["to_fmpq", "plain_integer_terms", "parse_polys", "primitive", "is_homogeneous", "find_grading", "multigrading",
           "check_modulus", "Setup", "modp_stage", "dehomogenize", "gf_p"]


# ----------------------------------------------------------------------------------------
# input handling
# ----------------------------------------------------------------------------------------
def plain_integer_terms(f: Mapping[Any, Any], nvars: int | None = None) -> bool:
    """Whether the terms of ``f`` are in the common form its callers build: exponent tuples of
    non-negative ints (of length ``nvars`` when given) and int coefficients, checked at C speed
    (sets of types, a minimum over all exponents) instead of term by term.

    >>> plain_integer_terms({(1, 0): 2, (0, 3): -1}, 2), plain_integer_terms({(1, -1): 2})
    (True, False)
    """
    return (set(map(type, f)) <= {tuple} and set(map(type, f.values())) <= {int}
            and (nvars is None or set(map(len, f)) <= {nvars})
            and set(map(type, chain.from_iterable(f))) <= {int}
            and min(map(min, filter(None, f)), default=0) >= 0)


def to_fmpq(c: Any, where: str) -> fmpq:
    if isinstance(c, fmpq):
        return c
    if isinstance(c, (int, fmpz)) and not isinstance(c, bool):
        return fmpq(int(c))
    if isinstance(c, Fraction):
        return fmpq(c.numerator, c.denominator)
    if hasattr(c, "modulus") and hasattr(c, "__int__"):  # nmod / fmpz_mod
        return fmpq(int(c))
    raise InputError(f"{where}: coefficient {c!r} is not an int, fmpz, fmpq or Fraction")


def parse_polys(polys: Any, nvars: int | None) -> tuple[Any, int, list[dict[Exp, fmpq]], int | None]:
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
            # a flint polynomial has distinct non-negative exponent tuples of length n and
            # non-zero coefficients: only the conversion is needed
            out.append({tuple(map(int, e)): fmpq(int(c)) if hasattr(c, "modulus") else fmpq(c)
                        for e, c in f.to_dict().items()})
            continue
        elif isinstance(f, Mapping):
            if ctx is not None:
                raise InputError("polys: mixes flint polynomials with dicts")
            d = f
        else:
            raise InputError(f"polys[{k}]: {type(f).__name__} is neither a flint mpoly nor a dict")
        g: dict[Exp, fmpq] = {}
        if nvars is None and d:
            nvars = len(next(iter(d)))
        if plain_integer_terms(d, nvars):   # the common case: one fmpq per non-zero coefficient
            out.append({e: fmpq(c) for e, c in d.items() if c})
            continue
        for e, c in d.items():
            try:
                e = tuple(int(a) for a in e)
            except (TypeError, ValueError) as exc:
                raise InputError(f"polys[{k}]: key {e!r} is not an exponent tuple") from exc
            if nvars is None:
                nvars = len(e)
            if len(e) != nvars or any(a < 0 for a in e):
                raise InputError(f"polys[{k}]: exponent {e} does not have {nvars} non-negative entries")
            q = to_fmpq(c, f"polys[{k}]")
            if q != 0:
                g[e] = g.get(e, fmpq(0)) + q
        out.append({e: c for e, c in g.items() if c != 0})
    if nvars is None:
        raise InputError("nvars: cannot infer the number of variables from zero polynomials; pass nvars=")
    return ctx, nvars, out, ctx_mod


def primitive(f: Mapping[Exp, Any], key: Callable[[Exp], int] | None = None) -> dict[Exp, int]:
    """Primitive integer multiple (positive leading coefficient if ``key`` is given)."""
    if all(type(c) is fmpq and c.q == 1 for c in f.values()):  # integers: the common case
        ints = {e: int(c.p) for e, c in f.items() if c != 0}
    else:
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


def is_homogeneous(polys: list[dict[Exp, Any]], w: Sequence[int]) -> bool:
    standard = all(a == 1 for a in w)
    for f in polys:
        degs = {sum(e) for e in f} if standard else {sum(a * b for a, b in zip(e, w)) for e in f}
        if len(degs) > 1:
            return False
    return True


def find_grading(polys: list[dict[Exp, Any]], n: int, order: MonomialOrder) -> tuple[int, ...] | None:
    cands = [tuple([1] * n)]
    if order.weights is not None:
        cands.append(tuple(order.weights))
    for w in cands:
        if is_homogeneous(polys, w):
            return w
    # project the all-ones vector onto {w : w.(a - b) = 0 for monomials a, b of one poly}
    rows = set()
    for f in polys:
        es = list(f)
        for e in es[1:]:
            rows.add(tuple(a - b for a, b in zip(e, es[0])))
    if not rows or n == 0:
        return None
    ns = integer_nullspace([list(r) for r in sorted(rows)], n)
    if not ns:
        return None
    # v = B (B^T B)^{-1} B^T 1 for a basis B of the nullspace (exact, over Q)
    B = fmpq_mat(n, len(ns), [ns[j][i] for i in range(n) for j in range(len(ns))])
    ones = fmpq_mat(n, 1, [1] * n)
    v = B * (B.transpose() * B).solve(B.transpose() * ones)
    vals = [v[i, 0] for i in range(n)]
    if not all(x > 0 for x in vals):
        return None
    den = 1
    for x in vals:
        q = int(x.q)
        den = den * q // gcd(den, q)
    ints = [int(x * den) for x in vals]
    g = 0
    for x in ints:
        g = gcd(g, x)
    w = tuple(x // g for x in ints)
    return w if is_homogeneous(polys, w) else None


def multigrading(polys: list[dict[Exp, int]], n: int) -> list[tuple[int, ...]]:
    """Integer basis of the gradings ``v`` with every polynomial ``v``-homogeneous."""
    diffs = [np.array(list(f), dtype=np.int64).reshape(len(f), n) for f in polys if len(f) > 1]
    diffs = [E[1:] - E[0] for E in diffs]
    if not diffs:
        return [tuple(1 if i == j else 0 for i in range(n)) for j in range(n)]
    rows = sorted(set(map(tuple, np.concatenate(diffs).tolist())))
    X, nullity = fmpz_mat(rows).nullspace()
    return [tuple(int(X[i, j]) for i in range(n)) for j in range(nullity)]


def check_modulus(modulus: Any) -> int:
    if isinstance(modulus, bool) or not isinstance(modulus, int):
        raise InputError(f"modulus: expected a prime int or None, got {modulus!r}")
    if not 2 <= modulus < 1 << 63 or not fmpz(modulus).is_prime():
        raise InputError(f"modulus: {modulus} is not a word-size prime (2 <= p < 2**63)")
    return modulus


def _fine_rows(fine_grading: Sequence[Sequence[int]] | None, n: int, polys: list[dict[Exp, fmpq]],
               hilbert_function: Callable[[Any], int] | None) -> tuple[tuple[int, ...], ...]:
    """The rows of ``fine_grading`` checked: non-negative integers, ``n`` per row, every input
    polynomial homogeneous for each row, and a ``hilbert_function`` to use them with."""
    if fine_grading is None:
        return ()
    try:
        fine = tuple(tuple(operator.index(a) for a in r) for r in fine_grading)
    except TypeError:
        fine = ()
    if not fine or any(len(r) != n or min(r) < 0 for r in fine):
        raise InputError(f"fine_grading: expected rows of {n} non-negative integers (one per variable), got "
                         f"{checks.short(fine_grading, 80)}")
    if hilbert_function is None:
        raise InputError("fine_grading: refines the multidegrees of hilbert_function, which is not given")
    if not all(is_homogeneous(polys, r) for r in fine):
        raise InputError("fine_grading: needs input homogeneous for every row (it refines the grading of "
                         "hilbert_function)")
    return fine


class Setup:
    """Input prepared for the homogeneous engine (shared by all primes)."""

    def __init__(self, polys: list[dict[Exp, fmpq]], n: int, order: MonomialOrder,
                 grading: Sequence[int] | Sequence[Sequence[int]] | None,
                 hilbert_function: Callable[[Any], int] | None = None,
                 fine_grading: Sequence[Sequence[int]] | None = None) -> None:
        self.n = n
        self.order = order
        rows: tuple[tuple[int, ...], ...] | None = None
        if grading is not None and len(grading) and isinstance(grading[0], Sequence):  # a multigrading
            rows = tuple(tuple(int(a) for a in r) for r in grading)  # type: ignore[union-attr]
            if any(len(r) != n for r in rows):
                raise InputError(f"grading: expected rows of {n} entries (one per variable), got {grading!r}")
            grading = tuple(sum(c) for c in zip(*rows))
            if hilbert_function is not None and not all(is_homogeneous(polys, r) for r in rows):
                raise InputError("hilbert_function: needs input homogeneous for every row of the given "
                                 "grading= (it is the Hilbert function for that multigrading)")
        if grading is not None:
            w = tuple(int(x) for x in grading)
            if len(w) != n or any(x <= 0 for x in w):
                raise InputError(f"grading: expected {n} positive integers, got {grading!r}")
            self.grading: tuple[int, ...] | None = w if is_homogeneous(polys, w) else None
            hw = w
        else:
            self.grading = find_grading(polys, n, order)
            hw = self.grading or (tuple(order.weights) if order.weights else tuple([1] * n))
        self.homog = self.grading is not None
        if hilbert_function is not None and (grading is None or not self.homog):
            raise InputError("hilbert_function: needs input homogeneous for the given grading= (it is "
                             "the Hilbert function for that grading)")
        fine = _fine_rows(fine_grading, n, polys, hilbert_function)
        #: the Hilbert function of the quotient as ``(A, HF, k)``: the multigrading ``A`` (an
        #: ``r x n`` array, its first ``k`` rows adding up to ``grading``, the others those of
        #: ``fine_grading``) and ``HF`` on multidegrees (tuples of ``r`` ints);
        #: :func:`f4_homogeneous` skips the pairs of a multidegree whose standard monomials it
        #: already matches.  None without ``hilbert_function``.
        self.hilbert: tuple[np.ndarray, Callable[[tuple[int, ...]], int], int] | None = None
        if hilbert_function is not None:
            if rows is None and not fine:
                self.hilbert = (np.array([self.grading], dtype=np.int64),
                                lambda a, _hf=hilbert_function: _hf(a[0]), 1)
            else:
                coarse = rows if rows is not None else (self.grading,)
                self.hilbert = (np.array(coarse + fine, dtype=np.int64), hilbert_function, len(coarse))
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
        self.hint = [primitive(f) for f in hpolys if f]
        self.multigrading = multigrading(self.hint, self.hn)

    def packer(self) -> Packer:
        rows = self.order.matrix(self.n)
        if not self.homog:  # the order ignores the homogenizing variable
            rows = [r + [0] for r in rows]
        return Packer(self.hn, self.weights, self.hkey, self.multigrading, rows)


def modp_stage(setup: Setup, p: int, limits: Limits, max_total: float, stats: dict[str, Any],
               saturate: bool = False, max_degree: int | None = None,
               progress: Callable[[int], Any] | None = None) -> tuple[Packer, list[Poly]]:
    """The homogeneous basis mod ``p``; with ``saturate`` (homogenized input only) of an ideal
    between the homogenized generators' ideal and its saturation by the extra variable;
    truncated at ``max_degree`` when given; ``progress`` as for
    :func:`~lcnalg.polys.groebner._f4.f4_homogeneous`."""
    pk = setup.packer()
    gens = []
    for f in setup.hint:
        gens.append({pk.pack(e): c % p for e, c in f.items() if c % p})
    var = setup.n if saturate and not setup.homog else None
    return pk, f4_homogeneous(gens, pk, p, limits, max_total, stats, saturate=var,
                              hilbert=setup.hilbert, max_degree=max_degree, progress=progress)


def dehomogenize(setup: Setup, pk: Packer, H: list[Poly], p: int | None
                  ) -> tuple[Packer, list[Poly]]:
    n = setup.n
    apk = Packer(n, setup.weights[:n], setup.order.key)
    polys = []
    for mons, coefs in H:
        polys.append({apk.pack(pk.unpack(m)[:n]): c for m, c in zip(mons, coefs)})
    return apk, interreduce(apk, polys, p)


def gf_p(setup: Setup, p: int, limits: Limits, max_total: float, stats: dict[str, Any],
         max_degree: int | None = None, progress: Callable[[int], Any] | None = None
         ) -> tuple[Packer, list[Poly], tuple | None]:
    """The reduced basis mod ``p`` of the (affine) input.

    Homogenized input runs the saturating engine (``saturate``) and, once the staircase of the
    dehomogenized basis is finite, tries the commuting-matrices certificate
    (:func:`~lcnalg.polys.groebner.border.border_certificate`) after each step: a proved
    early end for zero-dimensional ideals.  Returns the packer, the basis (packed), and None;
    or, when the certificate ended the run, None, the basis with exponent tuples (largest
    leading monomial first) and the proved multiplication matrices.  ``max_degree`` (homogeneous
    input only) truncates the basis at that degree; ``progress`` as for
    :func:`~lcnalg.polys.groebner._f4.f4_homogeneous`."""
    if setup.homog:
        return (*modp_stage(setup, p, limits, max_total, stats, max_degree=max_degree, progress=progress), None)
    # deferred: only affine input tries the border certificate (start-up of small requests)
    from lcnalg.polys.groebner.border import NormalFormTable, border_certificate

    pk = setup.packer()
    n = setup.n
    inputs = [{e[:n]: c % p for e, c in f.items() if c % p} for f in setup.hint]
    tried: list[set] = []
    proved: list[NormalFormTable] = []

    def finish(G: list[Poly]) -> list[tuple[list[Exp], list[int]]] | None:
        leads = [pk.unpack(mons[0])[:n] for mons, _ in G]
        pure = {k for e in leads for k in range(n) if e[k] and sum(e) == e[k]}
        if len(pure) < n:
            return None
        minimal = set(minimal_monomial_generators(leads))
        if minimal in tried:  # this staircase failed before: wait for a new leading monomial
            return None
        tried.append(minimal)
        stats["certificate_attempts"] = len(tried)
        # only one element per minimal leading monomial is used (its tail)
        affine, seen = [], set()
        for (mons, coefs), lead in zip(G, leads):
            if lead in minimal and lead not in seen:
                seen.add(lead)
                affine.append(([pk.unpack(m)[:n] for m in mons], coefs))
        basis = border_certificate(affine, inputs, n, setup.order.key, p, tables=proved)
        if basis is None:
            return None
        return basis

    gens = [{pk.pack(e): c % p for e, c in f.items() if c % p} for f in setup.hint]
    H = f4_homogeneous(gens, pk, p, limits, max_total, stats, saturate=n, finish=finish, progress=progress)
    if stats.get("finished_early"):  # H is the certificate's reduced basis, as exponent tuples
        return None, H, tuple(proved[-1].matrices)
    return (*dehomogenize(setup, pk, H, p), None)
