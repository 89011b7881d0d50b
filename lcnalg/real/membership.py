"""Membership in the real function space, with a witness or a reason (docs/theory.md#root-distribution).

:func:`contains` reads the filter and dispatches to the route that decides it; every route
returns a :class:`~lcnalg.real.decision.Decision`, from which the
:class:`ContainmentResult` is built:

* the zero filter: always contained (all-zero layers);
* 1D: the root-orbit decision of :mod:`lcnalg.real.membership_1d`;
* 2D: :func:`lcnalg.real.planar.contains_2d` (contents and primitive part, or groupings of
  irreducible factors over Q and over R);
* 3D and up: a coordinate copy of a 1D or 2D function space (:mod:`lcnalg.real.embedding`).

The 1D decision (root orbits, exact data, witnesses as exact rationals or certified balls)
is described in :mod:`lcnalg.real.membership_1d`.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, UndecidedError
from lcnalg.limits import Limits
from lcnalg.printing import function_space_symbol, latex_escape
from lcnalg.real.decision import Decision, number_text, zero_decision
from lcnalg.real.embedding import coordinate_embedding
from lcnalg.polynomial_parameterization import PolynomialParameterization
from lcnalg.real.membership_1d import decide_1d
from lcnalg.real.membership_polynomial import decide_polynomial, parse_polynomial_filter
from lcnalg.real.planar import contains_2d
from lcnalg.results import Result, Status, Witness
from lcnalg.rings import coordinate_names

__all__ = ["ContainmentResult", "contains", "parse_filter"]


# ------------------------------------------------------------------ input
def parse_filter(value: Any, arch: Architecture, *, limits: Limits | None = None) -> tuple[Fraction, ...]:
    """Read an end-to-end filter: a flat row-major sequence, nested rows, or a string.

    With an activation ``r ≥ 2`` the filter is the output form instead: its coefficients in the
    order of :attr:`lcnalg.PolynomialParameterization.coordinate_names`, or the form as a
    polynomial in ``x0, x1, …`` (:func:`lcnalg.real.membership_polynomial.parse_polynomial_filter`;
    ``limits.max_coordinates`` bounds the parameterization built to name them).

    Strings are comma-separated integers or fractions, 2D rows separated by ``;``.  Entries
    are read by :func:`lcnalg.checks.exact`: integers (numpy integers and integer arrays
    included), fractions, text whose length is checked before it is converted.

    Raises
    ------
    InputError
        Wrong number of entries, wrong row lengths, non-exact numbers, numbers of more than
        :data:`lcnalg.checks.MAX_DIGITS` digits, mappings, sets, scalars and 0-d arrays.

    Examples
    --------
    >>> parse_filter("1,0,-2/3", Architecture.parse("2,2"))
    (Fraction(1, 1), Fraction(0, 1), Fraction(-2, 3))
    >>> parse_filter("1,2;3,4", Architecture.parse("2x1,1x2"))
    (Fraction(1, 1), Fraction(2, 1), Fraction(3, 1), Fraction(4, 1))
    >>> import numpy as np
    >>> parse_filter(np.array([[1, 2], [3, 4]]), Architecture.parse("2x1,1x2"))
    (Fraction(1, 1), Fraction(2, 1), Fraction(3, 1), Fraction(4, 1))
    >>> parse_filter("x0^2 + x2^2", Architecture.parse("2,2 r=2"))
    (Fraction(1, 1), Fraction(0, 1), Fraction(0, 1), Fraction(0, 1), Fraction(1, 1))
    """
    if arch.activation is not None and arch.channels is None:
        return parse_polynomial_filter(value, PolynomialParameterization(arch, limits=limits))
    shape = arch.end_to_end_filter_shape
    size = math.prod(shape)
    if isinstance(value, str):
        text = value.strip()
        if not text:
            raise InputError(f"filter: empty; give {size} comma-separated numbers like 1,0,-2/3")
        rows = [r for r in text.split(";")]
        if len(rows) > 1:
            if len(shape) != 2:
                raise InputError(f"filter: ';' separates rows of a 2D filter, but {checks.short(str(arch), 60)} is {len(shape)}D")
            if len(rows) != shape[0]:
                raise InputError(f"filter: {len(rows)} rows given, {shape[0]} needed (shape {shape[0]}x{shape[1]})")
            nested = [r.split(",") for r in rows]
            for i, r in enumerate(nested):
                if len(r) != shape[1]:
                    raise InputError(f"filter: row {i} has {len(r)} entries, {shape[1]} needed")
            flat: list = [x for r in nested for x in r]
        else:
            flat = text.split(",")
    else:
        items = checks.sequence(value, "filter", f"a sequence of {size} numbers")
        nested = [hasattr(x, "__iter__") and not isinstance(x, (str, bytes)) and getattr(x, "ndim", None) != 0
                  for x in items]
        if any(nested):
            if len(shape) != 2 or not all(nested):
                raise InputError(f"filter: nested rows are only for 2D filters of shape {shape}; give a flat list")
            rows = [checks.sequence(r, f"filter (row {i})", f"a row of {shape[1]} numbers")
                    for i, r in enumerate(items)]
            if len(rows) != shape[0] or any(len(r) != shape[1] for r in rows):
                raise InputError(f"filter: needs {shape[0]} rows of {shape[1]} entries")
            flat = [x for r in rows for x in r]
        else:
            flat = items
    if len(flat) != size:
        shape_text = "x".join(map(str, shape))
        raise InputError(f"filter: {len(flat)} entries given, {size} needed (end-to-end shape {shape_text})")
    return tuple(checks.exact(x.strip() if isinstance(x, str) else x, f"filter (entry {i})")
                 for i, x in enumerate(flat))


# ------------------------------------------------------------------ result
@dataclass(frozen=True, kw_only=True)
class ContainmentResult(Result):
    """Whether a filter lies in the real function space, with a witness or a reason.

    Attributes
    ----------
    filter : tuple of str
        The end-to-end filter, flat row-major, exact.
    contained : bool or None
        The answer; ``None`` when undecided.
    evidence : Witness or None
        When contained: one filter per layer in ``evidence.layers`` (layer 1 first), exact
        rationals or certified real balls ``"[mid +/- rad]"`` when irrational
        (``evidence.exact`` says which); their product (with the stride substitution) is
        the filter ``evidence.filter``.
    reason : str
        Why (not) contained, in words, with the data that prove it.
    argument : str
        The exact argument behind the verdict and the witness.
    data : dict
        Supporting data (roots, multiplicities, orbits, factorizations).

    ``decided``, ``witness`` (the layer filters) and ``witness_exact`` are read from these.
    """

    filter: tuple[str, ...]
    contained: bool | None
    evidence: Witness | None = None
    reason: str = ""
    data: dict = field(default_factory=dict)

    title = "contains"

    @classmethod
    def from_decision(cls, arch: Architecture | str, values: tuple[Fraction, ...], decision: Decision,
                      seconds: float = 0.0) -> "ContainmentResult":
        """The result of a route's :class:`~lcnalg.real.decision.Decision` on ``values``.

        Examples
        --------
        >>> a = Architecture.parse("2,2")
        >>> r = ContainmentResult.from_decision(a, (Fraction(0),) * 3, zero_decision(a))
        >>> r.contained, r.witness, str(r.status)
        (True, (('0', '0'), ('0', '0')), 'certified')
        """
        return cls(architecture=str(arch), filter=tuple(number_text(v) for v in values),
                   contained=decision.answer, certified=decision.certified, method=decision.method,
                   evidence=decision.witness, reason=decision.reason, argument=decision.argument,
                   data=decision.data, seconds=seconds,
                   limitations="" if decision.decided else decision.reason)

    @property
    def decided(self) -> bool:
        """False when lcnalg could not decide (then ``reason`` says why)."""
        return self.contained is not None

    @property
    def witness(self) -> tuple[tuple[str, ...], ...] | None:
        """The layer filters of the witness (layer 1 first), or None."""
        return self.evidence.layers if self.evidence is not None else None

    @property
    def witness_exact(self) -> bool:
        """True when every witness entry is rational."""
        return self.evidence is not None and self.evidence.exact

    @property
    def status(self) -> Status:
        """Certified when decided, else undecided with the reason."""
        if self.decided and self.certified:
            return Status.certified()
        return Status.undecided(self.reason or "membership undecided")

    def answer(self) -> bool | None:
        return self.contained

    def __bool__(self) -> bool:
        if not self.decided:
            raise UndecidedError(f"membership undecided: {self.reason}")
        return bool(self.contained)

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["decided"] = self.decided
        data["witness"] = [list(w) for w in self.witness] if self.witness is not None else None
        data["witness_exact"] = self.witness_exact
        return data

    def to_text(self) -> str:
        head = {True: "contained", False: "not contained", None: "undecided"}[self.contained]
        lines = [f"{head}: filter ({', '.join(self.filter)}) in M[{self.architecture}]"]
        if self.witness is not None:
            kind = "exact" if self.witness_exact else "certified enclosures"
            lines.append(f"witness ({kind}), layer 1 first:")
            for l, w in enumerate(self.witness, 1):
                lines.append(f"  layer {l}: ({', '.join(w)})")
        lines.append(f"reason: {self.reason}")
        if self.argument:
            lines.append(f"argument: {self.argument}")
        lines.append(f"[{self.provenance()}]")
        return "\n".join(lines)

    def to_latex(self) -> str:
        sym = function_space_symbol(self.architecture)
        vec = r"\left(" + ", ".join(_latex_num(x) for x in self.filter) + r"\right)"
        if self.contained is None:
            return rf"{vec} \in {sym}\ \text{{undecided: {latex_escape(self.reason)}}}"
        rel = r"\in" if self.contained else r"\notin"
        out = rf"{vec} {rel} {sym}"
        if self.witness is not None:
            layers = ", ".join(r"\left(" + ", ".join(_latex_num(x) for x in w) + r"\right)"
                               for w in self.witness)
            out += rf",\quad \text{{witness }} {layers}"
        return out


def _latex_num(x: str) -> str:
    if x.startswith("["):
        return r"\text{" + x.replace("+/-", r"$\pm$") + "}"
    if "/" in x:
        n, d = x.split("/")
        sign = "-" if n.startswith("-") else ""
        return rf"{sign}\tfrac{{{n.lstrip('-')}}}{{{d}}}"
    return x


# ------------------------------------------------------------------ dispatch
def _route_zero(arch: Architecture, values: tuple[Fraction, ...], limits: Limits) -> Decision | None:
    return zero_decision(arch) if all(v == 0 for v in values) else None


def _route_1d(arch: Architecture, values: tuple[Fraction, ...], limits: Limits) -> Decision | None:
    return decide_1d(arch, values, limits) if arch.ndim == 1 else None


def _route_2d(arch: Architecture, values: tuple[Fraction, ...], limits: Limits) -> Decision | None:
    return contains_2d(arch, values, limits) if arch.ndim == 2 else None


def _route_embedded(arch: Architecture, values: tuple[Fraction, ...], limits: Limits) -> Decision:
    """3D and up: decided when ``M`` is a coordinate copy of a 1D or 2D function space
    (axes of extent 1, single-entry layers; :mod:`lcnalg.real.embedding`)."""
    emb = coordinate_embedding(arch)
    if emb is None or emb.inner.ndim > 2:
        return Decision.undecided("none", (
            f"{arch.ndim}D filters are handled only when M is a coordinate copy of a 1D or 2D "
            "function space (every layer of extent 1 along all but two axes)"))
    how = f"M is a coordinate copy of M[{emb.inner}] ({emb.reason})"
    sub = emb.restrict(values)
    if sub is None:
        kept = set(emb.positions)
        i = next(i for i, v in enumerate(values) if v != 0 and i not in kept)
        return Decision(False, "coordinate embedding (lcnalg.real.embedding)",
                        reason=(f"not on V: the coordinate {coordinate_names(arch)[i]} vanishes on M but is "
                                f"{number_text(values[i])} here"), argument=how)
    inner = contains(emb.inner, list(sub), limits=limits)
    witness = None
    if inner.evidence is not None:
        witness = Witness(filter=tuple(number_text(v) for v in values),
                          layers=emb.embed_layers(inner.evidence.layers), exact=inner.evidence.exact)
    return Decision(inner.contained, f"coordinate copy of {emb.inner} (lcnalg.real.embedding); {inner.method}",
                    reason=inner.reason, argument=f"{how}; in its coordinates: {inner.argument}",
                    witness=witness, data=inner.data)


#: The membership routes, in order: ``(name, decide)``; ``decide`` returns a Decision, or
#: None when the route does not apply.  The last route applies to every architecture.
ROUTES: tuple[tuple[str, Callable[..., Decision | None]], ...] = (
    ("zero filter", _route_zero),
    ("1D root orbits", _route_1d),
    ("2D factorization", _route_2d),
    ("coordinate copy", _route_embedded),
)


def contains(arch: Architecture | str, filt: Any, *, limits: Limits | None = None, max_nodes: int | None = None,
             max_field_work: int | None = None, max_precision: int | None = None) -> ContainmentResult:
    """Decide whether an exact filter lies in the real function space ``M``.

    Parameters
    ----------
    arch : Architecture or str
        A linear architecture (1D or 2D, any strides; 3D and up when every layer has extent 1
        along all but at most two common axes, through :mod:`lcnalg.real.embedding`), or a
        one-channel network with an activation ``r ≥ 2`` (any dimension and strides, through
        :mod:`lcnalg.real.membership_polynomial`).
    filt : sequence or str
        The end-to-end filter: flat row-major, nested rows, or a string
        ``"1,0,-2/3"`` (2D rows separated by ``;``).  With an activation: the coefficients of
        the output form in the order of ``PolynomialParameterization(arch).coordinate_names``
        (a flat sequence or a comma-separated string), or the form as a polynomial in
        ``x0, x1, …`` (a string like ``"x0^2 + 2*x1*x2"`` or a sympy expression).
    limits : Limits, optional
        The resource bounds: ``max_nodes`` (the search: 1D strides, 2D groupings),
        ``max_field_work`` (2D: one absolute factorization,
        ``deg(field)^2 · (deg_x + 1)(deg_y + 1)``), ``max_precision`` (working precision in
        bits of a root separation or of one exact zero test of an algebraic coefficient),
        ``max_root_work`` (1D: the factorization, ``deg²/8``, checked before it starts, and
        every root isolation, ``deg² × precision/64``), so the time of a test is bounded too.
        With an activation: ``max_coordinates`` (the parameterizations of the first layers)
        and ``max_nodes`` (coefficients solved).
    max_nodes, max_field_work, max_precision : int, optional
        Override the same fields of ``limits``.

    Returns
    -------
    ContainmentResult

    Raises
    ------
    InputError
        Malformed filter, or an architecture with channels.
    ResourceLimitError
        When the search, the root separation or the work of factoring and isolating the roots
        exceeds its bound.

    Examples
    --------
    >>> r = contains("2,2,2", [1, 0, 0, 1])          # z^3 + 1: one real root, needs 3
    >>> r.contained, r.reason
    (False, 'needs at least 3 real roots counted with multiplicity (roots at infinity included), has 1')
    >>> r = contains("3,2 s=2", "4,8,17,10,15")      # (1+2z+3z^2)(4+5z^2)
    >>> r.contained, r.witness_exact
    (True, True)
    >>> contains("3,2 s=2", [1, 0, 0, 0, 1]).contained   # z^4 + 1
    False
    >>> r = contains("2,2 r=2", "x0^2 + 2*x0*x1 - 2*x1*x2 - x2^2")   # (x0 + x1)^2 - (x1 + x2)^2
    >>> r.contained, r.witness
    (True, (('1', '1'), ('1', '-1')))
    >>> contains("2,2 r=2", "x0^2 + x2^2").reason        # doctest: +ELLIPSIS
    'not in M: tap 0: no layer-2 filter v gives f = sum_k v_k g_k^2 ...'
    """
    start = time.perf_counter()
    if isinstance(arch, str):
        arch = Architecture.parse(arch)
    if not isinstance(arch, Architecture):
        raise InputError(f"architecture: expected an Architecture or a string, got {type(arch).__name__}")
    if arch.channels is not None:
        raise InputError(f"architecture {checks.short(str(arch), 60)}: contains() covers networks with one channel (drop c=)")
    limits = Limits.coerce(limits, max_nodes=max_nodes, max_field_work=max_field_work, max_precision=max_precision)
    values = parse_filter(filt, arch, limits=limits)
    if arch.activation is not None:
        return ContainmentResult.from_decision(arch, values, decide_polynomial(arch, values, limits),
                                               seconds=time.perf_counter() - start)
    for _name, decide in ROUTES:
        decision = decide(arch, values, limits)
        if decision is not None:
            break
    return ContainmentResult.from_decision(arch, values, decision, seconds=time.perf_counter() - start)
