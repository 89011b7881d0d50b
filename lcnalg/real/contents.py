"""2D membership through contents: at most one layer extends along both axes.

Call a layer *pure along x* (``y``) when its extent along ``y`` (``x``) is 1, *mixed*
otherwise, and let at most one layer ``q`` be mixed, of degrees ``(m_x, m_y)`` in
``(u, v) = (x^a, y^b)`` (its cumulative strides).  By unique factorization in ``C[x, y]``
(Gauss's lemma) every factorization of ``P`` reads ``P = A(x) · B(y) · r(x^a, y^b)`` with

* ``A = cont_y(P)`` (gcd of the coefficients of ``P`` as a polynomial in ``y``): the layers
  pure along ``x`` times the ``x``-content of ``q``,
* ``B = cont_x(P)``: the layers pure along ``y`` times the ``y``-content of ``q``,
* ``r`` the primitive part, of bidegree ``(m_x − e_x, m_y − e_y)`` in ``(u, v)``,

all three forced by ``P`` up to scalars (and real for real ``P``, since the gcds over Q and
over C agree).  Hence

``P ∈ M  ⇔  P = 0, or  r ∈ Q[x^a, y^b] fits the mixed layer (r constant without one),
A ∈ M(A^x_{e_x})  and  B ∈ M(A^y_{e_y})``

with ``A^x_e`` the 1D architecture of the layers pure along ``x`` plus a layer of size
``e + 1`` at ``q``'s stride (:func:`axis_architecture`), decided by the exact 1D test
:func:`~lcnalg.real.membership_1d.decide_1d`.  The contents and the primitive
part are computed exactly over Q with FLINT (univariate gcds and exact divisions).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Sequence

import flint

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, check
from lcnalg.limits import Limits
from lcnalg.parameterization import Parameterization
from lcnalg.polys.univariate import ball_contains_rational
from lcnalg.real.decision import Decision, ball_text, number_text, zero_decision
from lcnalg.real.membership_1d import decide_1d
from lcnalg.results import Witness
from lcnalg.checks import short

__all__ = ["PureLayerStructure", "pure_layer_structure", "axis_architecture", "content_member",
           "contains_by_contents"]


def axis_architecture(sizes_strides: list[tuple[int, int]]) -> Architecture | None:
    """The 1D architecture of the layers ``(size, cumulative stride)`` (in layer order) along
    one axis, with the strides divided by the first one (the polynomial is one in ``z^{t_1}``);
    ``None`` when no layer has size ≥ 2 (only constants).

    Examples
    --------
    >>> str(axis_architecture([(2, 1), (1, 2), (3, 2)]))
    '2,3 s=2'
    >>> axis_architecture([(1, 1)]) is None
    True
    """
    kept = [(k, t) for k, t in sizes_strides if k >= 2]
    if not kept:
        return None
    ts = [t for _, t in kept]
    strides = tuple((ts[i + 1] // ts[i],) for i in range(len(ts) - 1)) + ((1,),)
    return Architecture(tuple((k,) for k, _ in kept), strides)


@dataclass(frozen=True)
class PureLayerStructure:
    """The layers of a 2D architecture with at most one mixed layer."""

    mixed: int | None                       #: index of the mixed layer, if any
    degrees: tuple[int, int]                #: (m_x, m_y) of the mixed layer, (0, 0) without one
    strides: tuple[int, int]                #: its cumulative strides (a, b)
    pure: tuple[tuple[tuple[int, int, int], ...], tuple[tuple[int, int, int], ...]]
    #: per axis: (layer, size along the axis, cumulative stride along the axis)

    def axis_architecture(self, axis: int, e: int) -> tuple[Architecture | None, int]:
        """``A^axis_e`` and the cumulative stride ``t_1`` of its first layer (its variable is
        ``x^{t_1}``); ``(None, 1)`` when it has no layer of size ≥ 2."""
        kept = self.axis_layers(axis, e)
        if not kept:
            return None, 1
        return axis_architecture([(k, t) for _, k, t in kept]), kept[0][2]

    def axis_layers(self, axis: int, e: int) -> list[tuple[int, int, int]]:
        """The layers of ``A^axis_e`` in order: ``(layer, size, cumulative stride)``."""
        layers = list(self.pure[axis])
        if self.mixed is not None:
            layers.append((self.mixed, e + 1, self.strides[axis]))
        return sorted(l for l in layers if l[1] >= 2)


def pure_layer_structure(arch: Architecture) -> PureLayerStructure | None:
    """The structure, or None when two or more layers extend along both axes (or not 2D).

    Examples
    --------
    >>> s = pure_layer_structure(Architecture.parse("1x2,2x2,2x1"))
    >>> s.mixed, s.degrees, s.pure
    (1, (1, 1), (((2, 2, 1),), ((0, 2, 1),)))
    """
    if arch.ndim != 2 or arch.activation or arch.channels:
        return None
    mixed = [l for l, f in enumerate(arch.filters) if f[0] >= 2 and f[1] >= 2]
    if len(mixed) > 1:
        return None
    cum = arch.cumulative_strides
    q = mixed[0] if mixed else None
    pure = tuple(tuple((l, f[axis], cum[l][axis]) for l, f in enumerate(arch.filters)
                       if l != q and f[1 - axis] == 1 and f[axis] >= 2) for axis in (0, 1))
    if q is None:
        return PureLayerStructure(None, (0, 0), (1, 1), pure)
    fq = arch.filters[q]
    return PureLayerStructure(q, (fq[0] - 1, fq[1] - 1), tuple(cum[q]), pure)


def _fq(x: Fraction) -> flint.fmpq:
    return flint.fmpq(x.numerator, x.denominator)


def _gcd(polys: list[flint.fmpq_poly]) -> flint.fmpq_poly:
    g = flint.fmpq_poly(0)
    for p in polys:
        g = p if g == 0 else g.gcd(p)
    return g


def _decompose(arch: Architecture, st: PureLayerStructure, values: Sequence) -> dict:
    """Contents and primitive part of a non-zero filter, and the per-axis 1D problems.

    Returns ``{"reason": ...}`` when ``P`` is not on ``V`` (the reason in words), else
    ``A``, ``B`` (monic contents), ``r`` (``{(i, j): q}`` in ``x, y``, so ``P = A·B·r``
    exactly), ``du, dv`` (degrees of ``r`` in ``x^a, y^b``), ``words`` and ``axes``: per
    axis ``(content, e, one, t1, reduced)`` with ``reduced`` the content's coefficients in
    ``z = var^{t1}`` (``one`` is None when no layer along that axis has size ≥ 2)."""
    nx, ny = arch.end_to_end_filter_shape
    c = [Fraction(v) for v in values]
    cols = [flint.fmpq_poly([_fq(c[i * ny + j]) for i in range(nx)]) for j in range(ny)]   # in x, per y^j
    A = _gcd(cols)
    A = A / A.coeffs()[-1]
    rest = [p // A for p in cols]                                                             # exact
    rest_coeffs = [p.coeffs() for p in rest]
    rows = [flint.fmpq_poly([rc[i] if i < len(rc) else 0 for rc in rest_coeffs]) for i in range(nx)]  # per x^i
    B = _gcd(rows)
    B = B / B.coeffs()[-1]
    r = {(i, j): v for i, row in enumerate(rows) for j, v in enumerate((row // B).coeffs()) if v != 0}
    a, b = st.strides
    words = f"cont_y(P) = {A.str(var='x')}, cont_x(P) = {B.str(var='y')}, primitive part of bidegree " \
            f"({max(i for i, _ in r)}, {max(j for _, j in r)})"
    if any(i % a or j % b for i, j in r):
        return {"reason": f"not on V: the primitive part is not a polynomial in x^{a}, y^{b}; {words}"}
    du, dv = max(i for i, _ in r) // a, max(j for _, j in r) // b
    mx, my = st.degrees
    if (du or dv) and (st.mixed is None or du > mx or dv > my):
        return {"reason": (f"not on V: the primitive part (degrees {du}, {dv} in x^{a}, y^{b}) does not fit "
                           f"{'a mixed layer' if st.mixed is not None else 'any layer (no layer extends along both axes)'}"
                           f"; {words}")}
    axes = []
    for axis, (content, e) in enumerate(((A, mx - du), (B, my - dv))):
        one, t1 = st.axis_architecture(axis, e)
        var = "xy"[axis]
        cs = content.coeffs()
        if any(k % t1 and v != 0 for k, v in enumerate(cs)):
            return {"reason": f"not on V: the {var}-content is not a polynomial in {var}^{t1}; {words}"}
        reduced = [Fraction(int(cs[k].p), int(cs[k].q)) for k in range(0, len(cs), t1)]
        if one is None:
            if len(reduced) > 1:
                return {"reason": f"not on V: no layer carries the {var}-content {content.str(var=var)}; {words}"}
        elif len(reduced) > one.end_to_end_filter_shape[0]:
            return {"reason": f"not on V: the {var}-content has degree above that of {one}; {words}"}
        axes.append((content, e, one, t1, reduced))
    return dict(A=A, B=B, r=r, du=du, dv=dv, words=words, axes=axes)


def content_member(arch: Architecture, values: Sequence, limits: Limits | None = None) -> tuple[bool, str]:
    """``(P ∈ M, reason)`` through contents and primitive part (see the module docstring);
    ``limits`` as for :func:`contains_by_contents`.

    Examples
    --------
    >>> a = Architecture.parse("2x2,2x1")
    >>> content_member(a, [1, 0, 0, 0, 1, 0])[0]           # 1 + x^2: content has no real root
    False
    >>> content_member(a, [-1, 0, 0, 0, 1, 0])[0]          # x^2 − 1 = (x − 1)(x + 1)
    True
    """
    res = contains_by_contents(arch, values, limits)
    return bool(res.answer), res.reason


def _witness_layers(arch: Architecture, st: PureLayerStructure, dec: dict, subs: list) -> tuple[list, bool]:
    """The 2D layer filters (flat row-major) from the 1D witnesses of the contents: exact
    Fractions, or Arb balls when some 1D witness is an enclosure."""
    exact = all(res is None or res.witness.exact for res in subs)
    prec = 4 * max([64] + [len(w) for res in subs if res is not None for ws in res.witness.layers for w in ws])
    with flint.ctx.workprec(prec):
        conv = Fraction if exact else (lambda t: flint.arb(t))
        one, zero = conv("1"), conv("0")
        layers: list = [None] * arch.num_layers
        content: list = [[one], [one]]                      # the mixed layer's contents in u, v
        for axis, res in enumerate(subs):
            if res is None:
                continue
            for (l, k, _t), w in zip(st.axis_layers(axis, dec["axes"][axis][1]), res.witness.layers):
                vals = [conv(t) for t in w]
                if l == st.mixed:
                    content[axis] = vals
                else:
                    layers[l] = vals                       # shape k x 1 or 1 x k: row-major is the list
        a, b = st.strides
        if st.mixed is not None:
            mx, my = st.degrees
            rt = {(i // a, j // b): (Fraction(int(v.p), int(v.q)) if exact else flint.arb(flint.fmpq(v.p, v.q)))
                  for (i, j), v in dec["r"].items()}
            grid = [[zero] * (my + 1) for _ in range(mx + 1)]
            for i, cu in enumerate(content[0]):
                for j, cv in enumerate(content[1]):
                    for (u, v), cr in rt.items():
                        grid[i + u][j + v] = grid[i + u][j + v] + cu * cv * cr
            layers[st.mixed] = [x for row in grid for x in row]
        for l, f in enumerate(arch.filters):
            if layers[l] is None:
                layers[l] = [one] + [zero] * (math.prod(f) - 1)
        if st.mixed is None:                                # r is a constant: put it in layer 1
            cr = dec["r"][(0, 0)]
            cr = Fraction(int(cr.p), int(cr.q)) if exact else flint.arb(flint.fmpq(cr.p, cr.q))
            layers[0] = [x * cr for x in layers[0]]
    return layers, exact


def contains_by_contents(arch: Architecture, values: Sequence, limits: Limits | None = None, *,
                         max_nodes: int | None = None) -> Decision:
    """Decide membership through contents and primitive part, with a witness.

    ``limits`` (``max_nodes`` overrides its field) bounds the 1D decisions of the contents.
    A "yes"
    assembles the layers from the 1D witnesses of the contents (the mixed layer is its
    contents times the primitive part) and checks that they multiply back: exactly, or,
    with enclosures, that the product of the balls contains every filter coefficient.

    Returns
    -------
    Decision

    Raises
    ------
    InputError
        When two or more layers extend along both axes.

    Examples
    --------
    >>> r = contains_by_contents(Architecture.parse("2x2,2x1"), [-1, 0, 0, 0, 1, 0])
    >>> r.answer, r.witness.layers
    (True, (('-1', '0', '1', '0'), ('1', '1')))
    """
    limits = Limits.coerce(limits, max_nodes=max_nodes)
    st = pure_layer_structure(arch)
    if st is None:
        raise InputError(f"architecture {short(str(arch), 60)}: the contents route needs at most one layer extending along "
                         "both axes")
    method = "contents and primitive part over Q (FLINT gcds) + 1D membership of the contents"
    if not any(Fraction(v) for v in values):
        return zero_decision(arch)
    dec = _decompose(arch, st, values)
    argument = ("by unique factorization in C[x, y] every factorization is P = A(x)·B(y)·r(x^a, y^b) with the "
                "contents A, B and the primitive part r forced by P (exact gcds over Q); the mixed layer carries "
                "r, so P ∈ M iff r fits it and each content lies in the 1D function space of its axis")
    if "reason" in dec:
        return Decision(False, method, reason=dec["reason"], argument=argument, data={"contents": None})
    subs: list = []
    verdicts = []
    for axis, (content, e, one, t1, reduced) in enumerate(dec["axes"]):
        var = "xy"[axis]
        if one is None:
            subs.append(None)
            verdicts.append(f"{var}-content constant")
            continue
        size = one.end_to_end_filter_shape[0]
        res = decide_1d(one, tuple(reduced + [Fraction(0)] * (size - len(reduced))), limits)
        if not res.decided:   # pragma: no cover - the 1D decision always decides
            return Decision.undecided(method, f"the {var}-content's 1D membership in M({one}) is undecided: "
                                              f"{res.reason}", argument)
        if not res.answer:
            return Decision(False, method, argument=argument,
                            reason=f"the {var}-content is not in M({one}) (e = {e}): {res.reason}; {dec['words']}")
        subs.append(res)
        verdicts.append(f"{var}-content in M({one})")
    layers, exact = _witness_layers(arch, st, dec, subs)
    if exact:
        back = Parameterization(arch).evaluate([list(w) for w in layers])
        check(tuple(Fraction(x) for x in back) == tuple(Fraction(v) for v in values),
              "contents witness does not multiply back")
        witness = tuple(tuple(number_text(x) for x in w) for w in layers)
    else:
        check(_balls_contain(arch, layers, values), "contents witness enclosures do not contain the filter")
        witness = tuple(tuple(ball_text(x) for x in w) for w in layers)
    return Decision(True, method,
                witness=Witness(filter=tuple(number_text(v) for v in values), layers=witness, exact=exact),
                reason="; ".join(verdicts) + f"; {dec['words']}",
                argument=argument + ("; the witness multiplies back exactly" if exact else
                                     "; the product of the certified enclosures contains every filter coefficient"))


def _balls_contain(arch: Architecture, layers: list, values: Sequence) -> bool:
    nx, ny = arch.end_to_end_filter_shape
    prod: dict = {(0, 0): flint.arb(1)}
    for l, f in enumerate(arch.filters):
        a, b = arch.cumulative_strides[l]
        nxt: dict = {}
        for (i, j), c in prod.items():
            for p in range(f[0]):
                for q in range(f[1]):
                    key = (i + a * p, j + b * q)
                    nxt[key] = nxt.get(key, flint.arb(0)) + c * layers[l][p * f[1] + q]
        prod = nxt
    return all(ball_contains_rational(prod.get((i, j), flint.arb(0)), Fraction(values[i * ny + j]))
               for i in range(nx) for j in range(ny))
