"""Membership in the real function space of a polynomial network (activation ``t ↦ t^r``, ``r ≥ 2``).

A filter of such a network is the coefficient vector of its output form ``f`` of degree
``d = r^{L−1}`` in the inputs ``x_0, x_1, …`` (flat, row-major), in the order of
:attr:`~lcnalg.PolynomialParameterization.coordinate_names` (docs/theory.md#polynomial-networks).

The decision: peeling off the last layer
-----------------------------------------
Write the network as ``f = Σ_k v_k g_k^r``: ``v = w_L`` is the last filter, ``g`` the output
form of the first ``L − 1`` layers (degree ``e = r^{L−2}``), and ``g_k`` its copy moved to the
window of the last layer's tap ``k`` (input positions shifted by ``k · T``, ``T`` the product of
the strides of layers ``1, …, L−1``).  Order monomials lexicographically with ``x_0`` first
(the coordinate order).  A shift adds the same positive number to every flat index, so it
preserves this order, and every variable of ``g_{k'}`` comes after the first variable of
``g_k`` when the offset of ``k'`` exceeds that of ``k``.

Let ``f ≠ 0`` be in ``M`` with real weights, ``k_0`` the tap of least offset with
``v_{k_0} ≠ 0``, and ``m_0`` the leading monomial of ``g_{k_0}`` (``g ≠ 0`` since ``f ≠ 0``),
whose first variable is ``x_i``.  Every monomial of ``g_{k'}^r``, ``k'`` after ``k_0``,
avoids ``x_i``; so

* the leading monomial of ``f`` is ``r·m_0``, with coefficient ``v_{k_0} c_{m_0}^r``;
* for every monomial ``m <_lex m_0`` the coefficient of ``x^{(r−1)m_0 + m}`` in ``f`` comes
  from ``v_{k_0} g_{k_0}^r`` alone and equals ``v_{k_0}(r c_{m_0}^{r−1} c_m + P_m)``, where
  ``P_m`` involves only coefficients ``c_a`` with ``a >_lex m`` (``r`` factors summing to
  ``(r−1)m_0 + m``, each ``≤ m_0``, are ``r − 1`` copies of ``m_0`` and ``m``, or all exceed ``m``;
  the lexicographic order is a monomial order).

Rescaling (``g ↦ g/c_{m_0}``, ``v ↦ c_{m_0}^r v``, a real element of the rescaling torus;
the inner function space is a cone) makes ``c_{m_0} = 1``; then ``v_{k_0}`` is the leading
coefficient of ``f`` and the ``c_m`` follow one by one, in decreasing lexicographic order,
*rationally* from the coefficients of ``f``.  So, given the tap ``k_0``, the form ``g`` is
determined by ``f``, and ``f ∈ M`` iff for some tap ``k_0`` whose window holds ``m_0``:

1. the ``g`` so determined lies in the function space of the first ``L − 1`` layers (decided
   recursively; one layer: every linear form in its window), and
2. ``f = Σ_k v_k g_k^r`` has a solution ``v``: a linear system over Q, solvable over R iff over Q.

The search tries every tap (at most ``|k_L|`` per level).  Every step is exact rational
arithmetic (FLINT), so the answer is certified, never undecided; and a contained rational
filter has a *rational* witness, which is substituted into μ and checked to give the filter
exactly.  The same argument over C shows: a real filter in the complex image ``μ(C^N)`` has
real (indeed rational, if it is rational) preimages, i.e. ``M = μ(C^N) ∩ R^{N'}`` for these
networks: for ``r ≥ 2`` and one channel, real membership is complex membership, whatever the
parity of ``r``.

Work: per level and tap, one ``r``-th power of a partial ``g`` per coefficient of ``g`` and a
rank computation; the search spends ``limits.max_nodes`` (one node per coefficient solved).

References
----------
.. [SMK25] Shahverdi, Marchetti, Kohn, *On the geometry and optimization of polynomial
   convolutional networks*, AISTATS 2025.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction
from typing import Any

import flint

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, check
from lcnalg.limits import Budget, Limits
from lcnalg.polynomial_parameterization import PolynomialParameterization
from lcnalg.real.decision import Decision, number_text, zero_decision
from lcnalg.results import Witness
from lcnalg.rings import multi_indices, rational_ring

__all__ = ["decide_polynomial", "parse_polynomial_filter"]

Exp = tuple[int, ...]


# ------------------------------------------------------------------ input
def parse_polynomial_filter(value: Any, mu: PolynomialParameterization) -> tuple[Fraction, ...]:
    """Read a filter of a polynomial network: its coordinates, or the output form itself.

    Parameters
    ----------
    value : sequence, str or sympy expression
        The coefficients of ``f`` in the order of ``mu.coordinate_names`` (a flat sequence, or
        a comma-separated string like ``"1,2,-1/3,0,5"``), or the form as a polynomial in the
        inputs ``x0, x1, …`` (flat, row-major): a sympy expression or a string such as
        ``"x0**2 + 2*x1*x2"`` (``^`` is read as a power).
    mu : PolynomialParameterization

    Returns
    -------
    tuple of Fraction
        The coordinates.

    Raises
    ------
    InputError
        Wrong number of entries, non-exact numbers, an expression that is not a polynomial with
        rational coefficients in the inputs, or one with a monomial that is not a coordinate.

    Examples
    --------
    >>> mu = PolynomialParameterization("2,2 r=2")
    >>> parse_polynomial_filter("1,2,3,4,5", mu)[-1]
    Fraction(5, 1)
    >>> parse_polynomial_filter("x0^2 - x1*x2/2", mu)
    (Fraction(1, 1), Fraction(0, 1), Fraction(0, 1), Fraction(-1, 2), Fraction(0, 1))
    """
    names = mu.coordinate_names
    form = (f"{len(names)} coefficients in the order {', '.join(names[:6])}{', …' if len(names) > 6 else ''}, "
            f"or a polynomial in {', '.join(mu.input_names[:3])}{', …' if mu.num_inputs > 3 else ''}")
    if isinstance(value, str) and "x" in value or _is_sympy(value):
        return _parse_form(value, mu, form)
    if isinstance(value, str):
        text = value.strip()
        if not text:
            raise InputError(f"filter: empty; give {form}")
        flat: list = text.split(",")
    else:
        flat = checks.sequence(value, "filter", form)
    if len(flat) != len(names):
        raise InputError(f"filter: {len(flat)} entries given, {len(names)} needed ({form})")
    return tuple(checks.exact(x.strip() if isinstance(x, str) else x, f"filter (entry {i}, {names[i]})")
                 for i, x in enumerate(flat))


def _is_sympy(value: Any) -> bool:
    return type(value).__module__.startswith("sympy")


#: Characters of a form written as text: the inputs x0, x1, …, integers, + - * / ^ ( ).
_FORM_TEXT = re.compile(r"^[\sx0-9+\-*/^()]*$")
#: Longest form accepted as text, and largest exponent written in it.
_MAX_FORM_TEXT, _MAX_POWER = 100_000, 1_000


def _parse_form(value: Any, mu: PolynomialParameterization, form: str) -> tuple[Fraction, ...]:
    import sympy  # deferred: only a filter written as a polynomial needs sympy

    symbols = sympy.symbols(mu.input_names)
    if isinstance(value, str):
        # only these characters reach sympy's parser, which then builds the expression without
        # evaluating it; its degree is bounded from the tree before anything is expanded
        if len(value) > _MAX_FORM_TEXT or not _FORM_TEXT.match(value):
            raise InputError(f"filter: {checks.short(value, 40)!r} is not a polynomial in "
                             f"{', '.join(mu.input_names[:3])}{', …' if mu.num_inputs > 3 else ''} written with "
                             f"integers and + - * / ^ ( ) (at most {_MAX_FORM_TEXT} characters)")
        try:
            expr = sympy.parse_expr(value.replace("^", "**"), local_dict=dict(zip(mu.input_names, symbols)),
                                    evaluate=False)
        except Exception:  # sympy raises many types for malformed text
            raise InputError(f"filter: {checks.short(value, 40)!r} is not a polynomial; give {form}") from None
        degree = _degree_bound(expr, set(symbols), value)
        if degree > mu.degree:
            raise InputError(f"filter: {checks.short(value, 40)!r} is written with degree up to {degree}; the "
                             f"output of {mu.architecture} is a form of degree {mu.degree}")
    else:
        expr = value
    try:
        poly = sympy.Poly(sympy.expand(expr), *symbols, domain="QQ")
    except Exception:  # not a polynomial over Q in these inputs
        raise InputError(f"filter: {checks.short(str(value), 40)!r} is not a polynomial with rational "
                         f"coefficients in {', '.join(mu.input_names)}") from None
    index = {m: i for i, m in enumerate(mu.monomials)}
    out = [Fraction(0)] * len(mu.monomials)
    for exps, c in poly.terms():
        if exps not in index:
            raise InputError(f"filter: the monomial {_mono(exps)} is not a coordinate of {mu.architecture} (the "
                             f"output is a form of degree {mu.degree} in the monomials of "
                             f"{', '.join(mu.coordinate_names[:6])}{', …' if mu.ambient_dimension > 6 else ''})")
        out[index[exps]] = Fraction(int(c.p), int(c.q))
    return tuple(out)


def _degree_bound(expr: Any, inputs: set, text: str) -> int:
    """An upper bound on the degree of an unevaluated sympy expression in the inputs, read from
    its tree (sums: max, products: sum, powers: integer exponents up to ``_MAX_POWER``)."""
    def bad(why: str) -> InputError:
        return InputError(f"filter: {checks.short(text, 40)!r}: {why}")

    def deg(e: Any) -> int:
        if e.is_Symbol:
            if e not in inputs:
                raise bad(f"{e} is not an input (x0 … x{len(inputs) - 1})")
            return 1
        if e.is_Integer:
            return 0
        if e.is_Add:
            return max(deg(a) for a in e.args)
        if e.is_Mul:
            return sum(deg(a) for a in e.args)
        if e.is_Pow:
            base, ex = e.args
            if not ex.is_Integer or abs(int(ex)) > _MAX_POWER:
                raise bad(f"exponents are integers of at most {_MAX_POWER}")
            d = deg(base)
            if ex < 0 and d:
                raise bad("negative powers of the inputs are not polynomials")
            return d * max(int(ex), 0)
        raise bad("not a polynomial with integer or fraction coefficients")

    return deg(expr)


# ------------------------------------------------------------------ the decision
class _Network:
    """The first ``m`` layers of the architecture: their input grid, the offsets of the last
    layer's taps, and (for ``m ≥ 2``) the support of the inner output form."""

    def __init__(self, arch: Architecture, m: int, limits: Limits) -> None:
        self.m = m
        self.r = arch.activation
        sub = Architecture(arch.filters[:m], arch.strides[:m], arch.activation)
        self.mu = PolynomialParameterization(sub, limits=limits)
        self.shape = self.mu.input_shape
        self.filters = arch.filters[:m]
        self.ring = rational_ring(self.mu.input_names)
        self.monomials = set(self.mu.monomials)
        if m >= 2:
            period = [math.prod(s[a] for s in arch.strides[:m - 1]) for a in range(arch.ndim)]
            self.taps = tuple(multi_indices(arch.filters[m - 1]))
            self.offsets = tuple(tuple(k[a] * period[a] for a in range(arch.ndim)) for k in self.taps)

    def flat(self, position: tuple[int, ...]) -> int:
        out = 0
        for p, n in zip(position, self.shape):
            out = out * n + p
        return out

    def move(self, exps: Exp, inner: "_Network", offset: tuple[int, ...]) -> Exp:
        """An exponent vector over ``inner``'s inputs, moved to the window at ``offset``."""
        out = [0] * self.mu.num_inputs
        for i, e in enumerate(exps):
            if e:
                pos, rest = [], i
                for n in reversed(inner.shape):
                    pos.append(rest % n)
                    rest //= n
                pos.reverse()
                out[self.flat(tuple(p + o for p, o in zip(pos, offset)))] = e
        return tuple(out)


def _solve(net: list[_Network], m: int, f: dict[Exp, Fraction], budget: Budget) -> tuple[list | None, str]:
    """Weights of the first ``m`` layers whose output is ``f`` (a dict over their inputs), or
    ``(None, reason)``."""
    top = net[m - 1]
    if not f:
        return [[Fraction(0)] * math.prod(k) for k in top.filters], ""
    if m == 1:  # one linear layer: its output is the filter itself
        index = {e.index(1): e for e in top.mu.monomials}
        return [[f.get(index[i], Fraction(0)) for i in range(top.mu.num_inputs)]], ""
    inner, r = net[m - 2], top.r
    lead = max(f)
    if any(e % r for e in lead):
        return None, f"the leading monomial {_mono(lead)} of the form of layers 1..{m} is not an r-th power"
    m0 = tuple(e // r for e in lead)
    a = f[lead]
    reasons = []
    inner_monos = sorted(inner.mu.monomials, reverse=True)
    for k, offset in zip(top.taps, top.offsets):
        moved = {top.move(e, inner, offset): e for e in inner_monos}
        if m0 not in moved:
            continue
        # g_k with c_{m0} = 1, then c_m in decreasing lex order from the coefficients of f / a
        g = {m0: Fraction(1)}
        for mono in (x for x in moved if x < m0):
            budget.spend()
            target = tuple((r - 1) * p + q for p, q in zip(m0, mono))
            partial = _power(top.ring, g, r)
            c = (f.get(target, Fraction(0)) / a - partial.get(target, Fraction(0))) / r
            if c:
                g[mono] = c
        inner_form = {moved[e]: c for e, c in g.items()}
        weights, why = _solve(net, m - 1, inner_form, budget)
        if weights is None:
            reasons.append(f"tap {_tap(k)}: the form of layers 1..{m - 1} read off f is not in their "
                           f"function space ({why})")
            continue
        # the last filter: f = Σ_k v_k g_k^r, a linear system over Q
        columns = [_power(top.ring, {top.move(e, inner, off): c for e, c in inner_form.items()}, r)
                   for off in top.offsets]
        rows = sorted(set(f).union(*columns), reverse=True)
        A = flint.fmpq_mat([[_q(col.get(row, 0)) for col in columns] for row in rows])
        b = flint.fmpq_mat([[_q(f.get(row, 0))] for row in rows])
        v = _solve_linear(A, b)
        if v is None:
            reasons.append(f"tap {_tap(k)}: no layer-{m} filter v gives f = sum_k v_k g_k^{r} "
                           "(inconsistent linear system over Q)")
            continue
        return weights + [v], ""
    if not reasons:
        return None, (f"no tap of layer {m} has {_mono(m0)} (the r-th root of the leading monomial) among "
                      f"the monomials of its window")
    return None, "; ".join(reasons)


def _node_bound(net: list[_Network]) -> int:
    """Coefficients solved in the worst case: layer ``m`` is entered once per tap choice of the
    layers above, and solves at most one coefficient per inner monomial for each of its taps."""
    total, calls = 0, 1
    for m in range(len(net), 1, -1):
        taps = len(net[m - 1].taps)
        total += calls * taps * len(net[m - 2].monomials)
        calls *= taps
    return total


def _q(x: Fraction | int) -> Any:
    x = Fraction(x)
    return flint.fmpq(x.numerator, x.denominator)


def _power(ring: Any, g: dict[Exp, Fraction], r: int) -> dict[Exp, Fraction]:
    poly = ring.from_dict({e: flint.fmpq(c.numerator, c.denominator) for e, c in g.items()})
    return {tuple(e): Fraction(int(c.p), int(c.q)) for e, c in (poly ** r).to_dict().items()}


def _solve_linear(A: Any, b: Any) -> list[Fraction] | None:
    """A rational solution of ``A v = b`` (free unknowns 0), or None when inconsistent."""
    n = A.ncols()
    aug = flint.fmpq_mat(A.nrows(), n + 1, [A[i, j] if j < n else b[i, 0]
                                             for i in range(A.nrows()) for j in range(n + 1)])
    rref, rank = aug.rref()
    v = [Fraction(0)] * n
    for i in range(rank):
        pivot = next(j for j in range(n + 1) if rref[i, j] != 0)
        if pivot == n:
            return None
        c = rref[i, n]
        v[pivot] = Fraction(int(c.p), int(c.q))
    return v


def _mono(e: Exp) -> str:
    return "*".join(f"x{i}^{p}" if p > 1 else f"x{i}" for i, p in enumerate(e) if p) or "1"


def _tap(k: tuple[int, ...]) -> str:
    return "x".join(map(str, k)) if len(k) > 1 else str(k[0])


def decide_polynomial(arch: Architecture, values: tuple[Fraction, ...], limits: Limits) -> Decision:
    """Decide whether the coordinates ``values`` lie in the real function space of a polynomial
    network, with a rational witness or the reason (the algorithm of the module docstring).

    Parameters
    ----------
    arch : Architecture
        One channel, activation ``r ≥ 2``.
    values : tuple of Fraction
        The coordinates of ``f`` (:func:`parse_polynomial_filter`).
    limits : Limits
        ``max_coordinates`` (every sub-network's parameterization), ``max_nodes`` (coefficients
        solved in the search, checked up front against its worst case).

    Returns
    -------
    Decision
        Always decided; a witness gives every layer's filter exactly.

    Raises
    ------
    ResourceLimitError
        Beyond ``max_coordinates`` or ``max_nodes``.

    Examples
    --------
    >>> d = decide_polynomial(Architecture.parse("2,2 r=2"), tuple(map(Fraction, (3, 12, 17, 20, 20))), Limits())
    >>> d.answer, d.witness.layers
    (True, (('1', '2'), ('3', '5')))
    >>> decide_polynomial(Architecture.parse("2,2 r=2"), tuple(map(Fraction, (1, 0, 0, 0, 1))), Limits()).answer
    False
    """
    if all(v == 0 for v in values):
        return zero_decision(arch)
    net = [_Network(arch, m, limits) for m in range(1, arch.num_layers + 1)]
    limits.check("max_nodes", "coefficients solved by the layer-peeling search (worst case)", _node_bound(net))
    mu = net[-1].mu
    f = {e: v for e, v in zip(mu.monomials, values) if v}
    budget = limits.budget("max_nodes", "coefficients solved by the layer-peeling search")
    weights, why = _solve(net, arch.num_layers, f, budget)
    method = "layer peeling: leading coefficients of the output form, exact over Q (lcnalg.real.membership_polynomial)"
    argument = ("with c_{m0} = 1 the form of layers 1..L-1 is read off the top coefficients of f rationally, "
                "for each tap of layer L; the last filter solves a linear system over Q; recursively on the "
                "layers. Every real (indeed complex) preimage gives one of these, so a failure for every tap "
                "proves f outside M; M is the set of real points of the complex image")
    if weights is None:
        return Decision(False, method, reason=f"not in M: {why}", argument=argument)
    layers = tuple(tuple(number_text(x) for x in w) for w in weights)
    image = mu.evaluate([[x for x in w] for w in weights])
    check(tuple(Fraction(x) for x in image) == tuple(values),  # a proof step: the witness maps to f exactly
          "membership_polynomial: the witness does not map to the filter")
    witness = Witness(filter=tuple(number_text(v) for v in values), layers=layers, exact=True,
                      note="rational weights whose image under mu is the filter, checked exactly")
    return Decision(True, method, reason="the witness's output form is f (substituted into mu exactly)",
                    argument=argument, witness=witness)
