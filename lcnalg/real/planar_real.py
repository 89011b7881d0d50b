"""2D membership through the irreducible factorization over R (docs/theory.md#planar-factorization).

Used by :func:`lcnalg.real.planar.contains_2d` when no grouping of the Q-irreducible
factors fits and some Q-irreducible factor is not certified absolutely irreducible.

**The exact argument.**  ``c ∈ M`` iff ``p = Π_l H_l`` with ``H_l`` real and
``H_l ∈ R[x^{a_l}, y^{b_l}]`` inside the box ``deg_x ≤ a_l n_{l,1}``,
``deg_y ≤ b_l n_{l,2}`` (``(a_l, b_l)`` the cumulative strides).  ``R[x, y]`` is a
unique factorization domain, so every such ``H_l`` is a real constant times a product of
irreducible factors of ``p`` over R, and a real factorization exists iff the real
irreducible factors (with multiplicity) can be *grouped* into the layers so that every
group's product has the layer's sparse shape.  The real irreducible factors come from the
exact absolute factorization of every Q-irreducible factor
(:mod:`lcnalg.polys.bivariate`): real absolute factors, products ``g ḡ`` of conjugate
pairs, and the factors already certified absolutely irreducible.  The search over
groupings is exhaustive.  The shape test is exact:

* bidegrees and lowest exponents add under multiplication (exact integers);
* for a layer with stride ``(1, 1)`` nothing else is needed;
* for a strided layer every coefficient off the lattice ``a Z × b Z`` must vanish.  When
  the group's factors multiply to a rational polynomial (whole Galois classes) this is
  checked in Z[x, y]; otherwise the coefficient is an algebraic number: a certified ball
  that excludes 0 proves it non-zero, and a ball below the Liouville bound
  (:func:`lcnalg.polys.bivariate.liouville_bits`, after clearing denominators to
  algebraic integers) proves it zero.

A "yes" comes with real layer filters: exact rationals where the group is rational,
otherwise certified Arb balls (coefficients proven zero are written as 0), and lcnalg
checks that the product of the enclosures (stride substitution included) contains every
filter coefficient.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from typing import Any, Collection, Sequence

import flint

from lcnalg.architecture import Architecture
from lcnalg.errors import check
from lcnalg.limits import Limits
from lcnalg.parameterization import Parameterization
from lcnalg.polys.bivariate import (AbsoluteFactorization, RealFactor, absolute_factorization, liouville_bits,
                                    real_factors)
from lcnalg.real.decision import Decision, ball_text, number_text
from lcnalg.real.grouping import grouping_search
from lcnalg.results import Witness
from lcnalg.rings import integer_ring

__all__ = ["real_grouping", "check_grouping_size", "lattice_blocks"]

Poly = dict  # {(i, j): coefficient}


def _zpow(f: Poly, e: int) -> Any:
    """``f^e`` as an exact integer polynomial (FLINT ``fmpz_mpoly``)."""
    return integer_ring(("x", "y")).from_dict(f) ** e


def _mul(a: Poly, b: Poly, zero: Any) -> Poly:
    """Product of two polynomials with ball (``arb``/``acb``) coefficients; FLINT has no
    bivariate ball polynomials (exact products use ``fmpz_mpoly``, :func:`_zpow`)."""
    out: Poly = {}
    for (i, j), c in a.items():
        for (k, l), d in b.items():
            m = (i + k, j + l)
            out[m] = out.get(m, zero) + c * d
    return out


def _falling(n: int, m: int) -> int:
    return math.prod(range(n - m + 1, n + 1)) if m else 1


class _Sources:
    """The Q-irreducible factors, their real factors and cached numerics."""

    def __init__(self, atoms: list, certs: list, limits: Limits) -> None:
        self.f: list[Poly] = []
        self.e: list[int] = []
        self.af: list[AbsoluteFactorization | None] = []
        self.items: list[RealFactor] = []
        self.item_mult: list[int] = []
        for i, ((f, e), cert) in enumerate(zip(atoms, certs)):
            fd = {tuple(int(a) for a in m): int(c) for m, c in f.terms()}
            self.f.append(fd)
            self.e.append(int(e))
            af = None
            if cert is None:
                af = absolute_factorization(fd, limits=limits)
                rf = real_factors(af, i)
            else:
                degs = (max(m[0] for m in fd), max(m[1] for m in fd))
                lows = (min(m[0] for m in fd), min(m[1] for m in fd))
                rf = [RealFactor(i, "rational", (), degs, lows, f"factor {i + 1} ({cert})")]
            if len(rf) == 1:
                af = None  # the factor is irreducible over R: use it exactly
            self.af.append(af)
            for r in rf:
                self.items.append(r)
                self.item_mult.append(int(e))
        self._roots: dict = {}
        self._acb: dict = {}

    def multi(self, i: int) -> bool:
        return self.af[i] is not None

    def of_source(self, i: int) -> list[int]:
        return [k for k, r in enumerate(self.items) if r.source == i]

    def item_acb(self, k: int, prec: int) -> Poly:
        """The monic real factor ``k`` with acb coefficients at ``prec`` bits."""
        key = (k, prec)
        if key not in self._acb:
            r = self.items[k]
            af = self.af[r.source]
            check(af is not None, "ball product asked of a rational factor")
            rkey = (r.source, prec)
            if rkey not in self._roots:
                self._roots[rkey] = af.roots(prec)
            roots = self._roots[rkey]
            polys = [af.factor_at(j, roots) for j in r.roots]
            out = polys[0] if len(polys) == 1 else _mul(polys[0], polys[1], flint.acb(0))
            self._acb[key] = out
        return self._acb[key]

    def split(self, choice: tuple[int, ...]) -> tuple[Poly, Fraction, list[tuple[int, int]]]:
        """``(R, scale, irrational)``: the group's product is ``scale · R · Π item_k^{c_k}`` with
        ``R`` an integer polynomial (whole Galois classes, rational factors)."""
        product = integer_ring(("x", "y")).from_dict({(0, 0): 1})
        scale = Fraction(1)
        irr: list[tuple[int, int]] = []
        for i in range(len(self.f)):
            ks = self.of_source(i)
            cs = [choice[k] for k in ks]
            if not self.multi(i):
                if cs[0]:
                    product *= _zpow(self.f[i], cs[0])
                continue
            m = min(cs)
            if m:
                product *= _zpow(self.f[i], m)
                scale /= self.af[i].lc ** m  # type: ignore[union-attr]
            irr += [(k, c - m) for k, c in zip(ks, cs) if c > m]
        rational = {(int(e[0]), int(e[1])): int(c) for e, c in product.terms()}
        return rational, scale, irr

    def liouville(self, rational: Poly, irr: list[tuple[int, int]]) -> tuple[list[int], int]:
        """Scale per item (``d`` or ``d^2``) and the bits of the Liouville bound."""
        bound = sum(abs(c) for c in rational.values())
        scales = []
        used: dict[int, set] = {}
        for k, c in irr:
            r = self.items[k]
            d, n = self.af[r.source].bound()  # type: ignore[union-attr]
            if r.kind == "pair":
                d, n = d * d, n * n
            scales.append(d)
            bound *= n ** c
            used.setdefault(r.source, set()).update(r.roots)
        degree = math.prod(_falling(self.af[i].field_degree, len(js)) for i, js in used.items())  # type: ignore
        return scales, liouville_bits(bound, degree)

    def product_acb(self, rational: Poly, irr: list[tuple[int, int]], scales: list[int], prec: int) -> Poly:
        poly: Poly = {m: flint.acb(c) for m, c in rational.items()}
        for (k, c), d in zip(irr, scales):
            item = {m: v * d for m, v in self.item_acb(k, prec).items()}
            for _ in range(c):
                poly = _mul(poly, item, flint.acb(0))
        return poly


def _off_lattice(m: tuple[int, int], a: int, b: int) -> bool:
    return bool(m[0] % a or m[1] % b)


def _sparse_ok(src: _Sources, choice: tuple[int, ...], a: int, b: int, limits: Limits) -> bool:
    """Is the group's product a polynomial in ``x^a, y^b``?  Exact (see the module docstring).

    A non-zero off-lattice coefficient is usually excluded at low precision (64 to 1024 bits);
    proving the coefficients zero needs a ball below the Liouville bound, so the working
    precision then jumps to that bound (plus a margin), refused up front above
    ``limits.max_precision``."""
    rational, _, irr = src.split(choice)
    if not irr:
        return not any(_off_lattice(m, a, b) for m, c in rational.items() if c)
    scales, bits = src.liouville(rational, irr)
    prec = 64
    while True:
        with flint.ctx.workprec(prec):
            poly = src.product_acb(rational, irr, scales, prec)
            off = [c for m, c in poly.items() if _off_lattice(m, a, b)]
            if any(not c.contains(0) for c in off):
                return False
            limit = flint.arb(2) ** (-bits)
            if all(abs(c).upper() < limit for c in off):
                return True
        if prec < 1024:
            prec *= 2
            continue
        need = max(2 * prec, bits + 128 + 8 * len(irr))
        limits.check("max_precision", f"working precision (bits) for an exact zero test (Liouville bound "
                     f"{bits} bits)", need)
        prec = need


def lattice_blocks(atoms: list, certs: list, levels: Sequence[tuple[tuple[int, int], Collection[int]]],
                   limits: Limits | None = None
                   ) -> tuple[list[RealFactor], list[int], list[list[tuple[int, ...]]]]:
    """The real irreducible factors of ``F = Π f_i^{e_i}`` grouped, level by level, into the minimal
    products that are polynomials in ``x^a, y^b`` (docs/theory.md#polyphase-head-2d).

    For a real irreducible ``g ∈ R[u, v]`` other than ``u``, ``v``, ``g(x^a, y^b)`` is squarefree and the
    product of a set of real irreducible factors (its *block*); blocks of distinct ``g`` are disjoint, and
    a product of distinct factors lies in ``R[x^a, y^b]`` iff it is a union of blocks.  So the block of a
    factor is the smallest set of distinct factors containing it whose product lies in ``R[x^a, y^b]``,
    found by trying sets by size with the exact lattice test of the grouping search.  For strides
    ``(a_1, b_1) | (a_2, b_2) | …`` the blocks of a level are unions of those of the level before, which
    are the units tried.

    Parameters
    ----------
    atoms : list of (fmpz_mpoly, int)
        The Q-irreducible factors of ``F`` with multiplicities.
    certs : list of str or None
        Their absolute irreducibility certificates (None when not certified).
    levels : sequence of ((int, int), collection of int)
        Per level, the strides and the indices of the atoms whose real factors lie in blocks at that level
        (the caller knows them: the atoms dividing ``G(x^a, y^b)``, ``G`` the polyphase gcd; never ``x``
        or ``y``); each level's atoms among the previous level's.
    limits : Limits, optional
        ``max_nodes`` (sets tried), ``max_field_work``, ``max_precision``.

    Returns
    -------
    (list of RealFactor, list of int, list of list of tuple of int)
        The real irreducible factors, their multiplicities, and per level the blocks (indices into them).

    Raises
    ------
    ResourceLimitError
        When a bound is exceeded.
    ValueError
        When some factor of a listed atom lies in no block (the atom does not divide ``G(x^a, y^b)``).

    Examples
    --------
    >>> ctx = integer_ring(("x", "y"))
    >>> x, y = ctx.gens()
    >>> _, fac = (x**4 - 2).factor()                  # u^2 - 2 with u = x^2: x^2 - √2 and x^2 + √2
    >>> items, mult, blocks = lattice_blocks(list(fac), [None], [((2, 1), {0}), ((4, 1), {0})])
    >>> [sorted(tuple(items[k].kind for k in blk) for blk in level) for level in blocks]
    [[('pair',), ('real', 'real')], [('real', 'real', 'pair')]]
    """
    limits = Limits.coerce(limits)
    # up front: an atom of bidegree (d_x, d_y) has at most gcd(d_x, d_y) absolute (so real) factors, all of
    # bidegree (d_x, d_y)/r; the sets tried at a level are at most 2^(number of its factors)
    bound = [math.gcd(f.degrees()[0], f.degrees()[1]) for f, _ in atoms]
    limits.check("max_nodes", "sets of real factors tried for the blocks (sum over the levels of 2^(real factors))",
                 sum(2 ** sum(bound[i] for i in sources) for _, sources in levels))
    src = _Sources(atoms, certs, limits)
    items = src.items
    budget = limits.budget("max_nodes", "sets of real factors tried for the blocks of the polyphase gcds")
    units: list[tuple[int, ...]] = [(k,) for k in range(len(items))]
    out: list[list[tuple[int, ...]]] = []
    for (a, b), sources in levels:
        left = [u for u in units if items[u[0]].source in sources]
        blocks: list[tuple[int, ...]] = []
        while left:
            first, others = left[0], left[1:]
            found = None
            for size in range(len(others) + 1):
                for rest in itertools.combinations(others, size):
                    budget.spend()
                    group = first + tuple(k for u in rest for k in u)
                    dx = sum(items[j].bidegree[0] for j in group)
                    dy = sum(items[j].bidegree[1] for j in group)
                    ox = sum(items[j].order[0] for j in group)
                    oy = sum(items[j].order[1] for j in group)
                    if dx % a or dy % b or ox % a or oy % b:
                        continue
                    choice = tuple(1 if j in group else 0 for j in range(len(items)))
                    if _sparse_ok(src, choice, a, b, limits):
                        found = (first,) + rest
                        break
                if found is not None:
                    break
            if found is None:
                raise ValueError(f"{items[first[0]].text} lies in no product of factors that is a polynomial in "
                                 f"x^{a}, y^{b}")
            blocks.append(tuple(sorted(k for u in found for k in u)))
            left = [u for u in left if u not in found]
        out.append(blocks)
        units = blocks
    return items, list(src.item_mult), out


def check_grouping_size(counts: tuple[int, ...], num_layers: int, limits: Limits, what: str) -> None:
    """Refuse, before it starts, a grouping search of factors with multiplicities ``counts``
    into ``num_layers`` layers that may try more choices than ``limits.max_nodes``.

    Each node of :func:`~lcnalg.real.grouping.grouping_search` tries every choice of the
    factors for one layer, ``Π (multiplicity + 1)`` of them for the first; with no fitting
    grouping all are tried, so ``layers × Π (multiplicity + 1)`` bounds its work from below
    and is checked (cheap arithmetic on the multiplicities).

    Examples
    --------
    >>> check_grouping_size((1, 1, 2), 2, Limits(), "factors")
    >>> check_grouping_size((1,) * 198, 2, Limits(), "the real factors")
    Traceback (most recent call last):
    ...
    lcnalg.errors.ResourceLimitError: refused: choices of the grouping search of the real factors (layers x prod(multiplicity + 1)) estimated at about 2^199, above the bound 200000; to allow it, raise limits=Limits(max_nodes=...) (CLI: --max-nodes)
    """
    choices = math.prod(c + 1 for c in counts)
    limits.check("max_nodes", f"choices of the grouping search of {what} (layers x prod(multiplicity + 1))",
                 num_layers * choices if num_layers > 1 else 1)


def real_grouping(arch: Architecture, values: tuple[Fraction, ...], const: int, den: int, atoms: list,
                  certs: list, layers: list, limits: Limits | None = None) -> Decision:
    """Decide 2D membership by grouping the irreducible factors over R (module docstring).

    Parameters
    ----------
    arch : Architecture
    values : tuple of Fraction
        The filter, flat row-major.
    const, den : int
        ``p_c = const/den · Π f_i^{e_i}`` (FLINT's factorization of the cleared filter).
    atoms : list of (fmpz_mpoly, int)
        The Q-irreducible factors with multiplicities.
    certs : list of str or None
        Absolute irreducibility certificates (``None`` when not certified).
    layers : list
        ``((n_1, n_2), (a, b))`` per layer: box and cumulative strides.
    limits : Limits, optional
        ``max_nodes`` (grouping search), ``max_field_work`` (absolute factorization),
        ``max_precision`` (working precision in bits of the exact zero tests).

    Returns
    -------
    Decision
    """
    limits = Limits.coerce(limits)
    src = _Sources(atoms, certs, limits)
    items = src.items
    fit_cache: dict = {}

    def fits(l: int, choice: tuple[int, ...]) -> bool:
        (n1, n2), (a, b) = layers[l]
        dx = sum(c * items[k].bidegree[0] for k, c in enumerate(choice))
        dy = sum(c * items[k].bidegree[1] for k, c in enumerate(choice))
        if dx > a * n1 or dy > b * n2:
            return False
        if (a, b) == (1, 1):
            return True
        ox = sum(c * items[k].order[0] for k, c in enumerate(choice))
        oy = sum(c * items[k].order[1] for k, c in enumerate(choice))
        if dx % a or dy % b or ox % a or oy % b:
            return False
        key = (a, b, choice)
        if key not in fit_cache:
            fit_cache[key] = _sparse_ok(src, choice, a, b, limits)
        return fit_cache[key]

    check_grouping_size(tuple(src.item_mult), len(layers), limits, "the real factors")
    found = grouping_search(tuple(src.item_mult), len(layers), fits,
                            limits.budget("max_nodes", "nodes of the 2D real-factor grouping search"))
    data = _data(src, atoms)
    method = "FLINT factorization over Q, absolute factorization over Q(β) (sympy, Trager), Arb"
    if found is None:
        return Decision(False, method,
                    reason=("not a product of the required sparse shape: no grouping of the irreducible factors "
                            "over R (" + "; ".join(f"{r.text}: bidegree {r.bidegree}, multiplicity {m}"
                                                   for r, m in zip(items, src.item_mult))
                            + ") into the layers' shapes exists"),
                    argument=("unique factorization in R[x, y]: every real factorization into layers is a grouping "
                              "of the irreducible factors over R, which come from the exact absolute factorization "
                              "of each Q-irreducible factor (conjugates of a factor over Q(β), β a root of a "
                              "specialization; real classes and conjugate pairs); the exhaustive grouping search "
                              "tests bidegrees exactly and off-lattice coefficients of strided layers exactly "
                              "(rational arithmetic, certified non-zero balls, or the Liouville bound); none fits"),
                    data=data)
    witness, exact = _witness(arch, values, const, den, src, layers, found, limits)
    groups = "; ".join(f"layer {l + 1}: " + (", ".join(f"{items[k].text}^{c}" if c > 1 else items[k].text
                                                      for k, c in enumerate(ch) if c) or "constant")
                       for l, ch in enumerate(found))
    return Decision(True, method,
                witness=Witness(filter=tuple(number_text(v) for v in values), layers=witness, exact=exact),
                reason=f"a grouping of the irreducible factors over R has the required sparse shapes ({groups})",
                argument=("p factored over Q (FLINT); factors not certified absolutely irreducible factored "
                          "absolutely (over Q(β), conjugates separated by certified evaluation); the layers are "
                          "products of the real irreducible factors shown, off-lattice coefficients of strided "
                          "layers proven zero (exact, or Liouville bound), "
                          + ("the witness multiplies back exactly" if exact else
                             "and the product of the certified enclosures contains every filter coefficient")),
                data=data)


def _data(src: _Sources, atoms: list) -> dict:
    out: dict = {"factorization": [[str(f), int(e)] for f, e in atoms], "real_factors": []}
    for r, m in zip(src.items, src.item_mult):
        entry = {"factor": r.text, "kind": r.kind, "bidegree": list(r.bidegree), "multiplicity": m}
        af = src.af[r.source]
        if af is not None:
            entry["field_polynomial"] = " + ".join(f"{c}*b^{k}" for k, c in enumerate(af.phi) if c)
            entry["specialization"] = f"{'yx'[af.var]} = {af.point}"
        out["real_factors"].append(entry)
    return out


def _witness(arch: Architecture, values: tuple[Fraction, ...], const: int, den: int, src: _Sources,
             layers: list, found: list, limits: Limits) -> tuple[tuple[tuple[str, ...], ...], bool]:
    total = Fraction(const, den)
    for i in range(len(src.f)):
        if src.multi(i):
            total *= src.af[i].lc ** src.e[i]  # type: ignore[union-attr]
    parts = []
    for l, choice in enumerate(found):
        rational, scale, irr = src.split(choice)
        parts.append((rational, scale * (total if l == 0 else 1), irr))
    exact = all(not irr for _, _, irr in parts)

    def unstride(l: int, poly: dict, zero: Any) -> list:
        (n1, n2), (a, b) = layers[l]
        grid = [[zero] * (n2 + 1) for _ in range(n1 + 1)]
        for (i, j), c in poly.items():
            if i % a or j % b:
                continue  # proven zero (exactly, or by the Liouville bound in the search)
            grid[i // a][j // b] = c
        return [c for row in grid for c in row]

    if exact:
        witness = []
        for l, (rational, scale, _) in enumerate(parts):
            witness.append(tuple(number_text(c) for c in unstride(
                l, {m: Fraction(c) * scale for m, c in rational.items()}, Fraction(0))))
        back = Parameterization(arch).evaluate([[Fraction(x) for x in w] for w in witness])
        check(tuple(Fraction(x) for x in back) == values, "2D witness does not multiply back")
        return tuple(witness), True
    prec = 128
    nx, ny = arch.end_to_end_filter_shape
    while True:
        with flint.ctx.workprec(prec):
            witness, balls = [], []
            for l, (rational, scale, irr) in enumerate(parts):
                q = flint.fmpq(scale.numerator, scale.denominator)
                if not irr:
                    flat = unstride(l, {m: Fraction(c) * scale for m, c in rational.items()}, Fraction(0))
                    witness.append(tuple(number_text(c) for c in flat))
                    balls.append([flint.arb(flint.fmpq(c.numerator, c.denominator)) for c in flat])
                    continue
                poly = src.product_acb(rational, irr, [1] * len(irr), prec)
                flat = unstride(l, {m: (c * q).real for m, c in poly.items()}, flint.arb(0))
                witness.append(tuple(ball_text(c) for c in flat))
                balls.append(flat)
            prod: dict = {(0, 0): flint.arb(1)}
            for l, flat in enumerate(balls):
                (n1, n2), (a, b) = layers[l]
                spread = {(a * i, b * j): flat[i * (n2 + 1) + j] for i in range(n1 + 1) for j in range(n2 + 1)}
                prod = _mul(prod, spread, flint.arb(0))
            ok = all(prod.get((i, j), flint.arb(0)).contains(
                flint.arb(flint.fmpq(values[i * ny + j].numerator, values[i * ny + j].denominator)))
                for i in range(nx) for j in range(ny))
        if ok:
            return tuple(witness), False
        prec *= 2  # pragma: no cover - the enclosures shrink with the precision
        limits.check("max_precision", "working precision (bits) for the 2D witness", prec)  # pragma: no cover
