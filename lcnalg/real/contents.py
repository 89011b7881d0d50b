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
``e + 1`` at ``q``'s stride (:func:`lcnalg.real.closedness._axis_architecture`), decided by
the exact 1D test :func:`~lcnalg.real.membership.contains`.  The contents and the primitive
part are computed exactly over Q with FLINT (univariate gcds and exact divisions).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Sequence

import flint

from lcnalg.architecture import Architecture

__all__ = ["PureLayerStructure", "pure_layer_structure", "content_member"]


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
        from lcnalg.real.closedness import _axis_architecture

        layers = list(self.pure[axis])
        if self.mixed is not None:
            layers.append((self.mixed, e + 1, self.strides[axis]))
        kept = sorted(l for l in layers if l[1] >= 2)
        if not kept:
            return None, 1
        return _axis_architecture([(k, t) for _, k, t in kept]), kept[0][2]


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


def content_member(arch: Architecture, values: Sequence) -> tuple[bool, str]:
    """``(P ∈ M, reason)`` through contents and primitive part (see the module docstring).

    Examples
    --------
    >>> a = Architecture.parse("2x2,2x1")
    >>> content_member(a, [1, 0, 0, 0, 1, 0])[0]           # 1 + x^2: content has no real root
    False
    >>> content_member(a, [-1, 0, 0, 0, 1, 0])[0]          # x^2 − 1 = (x − 1)(x + 1)
    True
    """
    from lcnalg.real.membership import contains

    st = pure_layer_structure(arch)
    if st is None:
        raise ValueError(f"{arch}: two or more layers extend along both axes")
    nx, ny = arch.end_to_end_filter_shape
    c = [Fraction(v) for v in values]
    if not any(c):
        return True, "the zero filter"
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
        return False, f"not on V: the primitive part is not a polynomial in x^{a}, y^{b}; {words}"
    du, dv = max(i for i, _ in r) // a, max(j for _, j in r) // b
    mx, my = st.degrees
    if (du or dv) and (st.mixed is None or du > mx or dv > my):
        return False, (f"not on V: the primitive part (degrees {du}, {dv} in x^{a}, y^{b}) does not fit "
                       f"{'a mixed layer' if st.mixed is not None else 'any layer (all layers lie along one axis)'}; "
                       f"{words}")
    verdicts = []
    for axis, (content, e) in enumerate(((A, mx - du), (B, my - dv))):
        one, t1 = st.axis_architecture(axis, e)
        var = "xy"[axis]
        cs = content.coeffs()
        if any(k % t1 and v != 0 for k, v in enumerate(cs)):
            return False, f"not on V: the {var}-content is not a polynomial in {var}^{t1}; {words}"
        reduced = [Fraction(int(cs[k].p), int(cs[k].q)) for k in range(0, len(cs), t1)]
        if one is None:
            if len(reduced) > 1:
                return False, f"not on V: no layer carries the {var}-content {content.str(var=var)}; {words}"
            verdicts.append(f"{var}-content constant")
            continue
        size = one.end_to_end_filter_shape[0]
        if len(reduced) > size:
            return False, f"not on V: the {var}-content has degree above that of {one}; {words}"
        res = contains(one, reduced + [Fraction(0)] * (size - len(reduced)))
        if not res.contained:
            return False, f"the {var}-content is not in M({one}) (e = {e}): {res.reason}; {words}"
        verdicts.append(f"{var}-content in M({one})")
    return True, "; ".join(verdicts) + f"; {words}"
