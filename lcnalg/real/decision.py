"""The typed answer of a real-geometry route, and the one text format of its numbers.

Every membership route (1D root orbits, 2D contents, 2D factor groupings, coordinate copies)
and every closedness route returns a :class:`Decision`; the public results
(:class:`~lcnalg.real.membership.ContainmentResult`,
:class:`~lcnalg.real.closedness.ClosednessResult`) are built from it.  Exact numbers are
written by :func:`number_text` and certified real balls by :func:`ball_text`, so a witness
reads the same whichever route found it.

This module is a leaf of :mod:`lcnalg.real`: it imports nothing from the other real modules.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import flint

from lcnalg.architecture import Architecture
from lcnalg.results import Witness

__all__ = ["Decision", "number_text", "ball_text", "zero_witness", "zero_decision", "ZERO_REASON", "ZERO_ARGUMENT"]

#: Why the zero filter is always in the function space.
ZERO_REASON = "the zero filter is the image of all-zero layers"
ZERO_ARGUMENT = "μ(0, …, 0) = 0"


@dataclass(frozen=True)
class Decision:
    """What one route decided: the yes/no answer (``None`` when undecided), how, and why.

    Attributes
    ----------
    answer : bool or None
        Contained / closed; ``None`` when the route could not decide.
    method : str
        How the answer was obtained.
    reason : str
        Why (not), with the data that prove it (or why undecided).
    argument : str
        The exact argument behind the answer.
    witness : Witness or None
        Layer filters multiplying to the filter (membership), or a filter in ``V(R) \\ M``
        with the complex layers multiplying to it (closedness).
    data : dict
        Supporting data (roots, factorizations, orbit counts).

    Examples
    --------
    >>> d = Decision(True, "zero filter", reason=ZERO_REASON)
    >>> d.decided, d.certified, Decision.undecided("none", "no route applies").decided
    (True, True, False)
    """

    answer: bool | None
    method: str
    reason: str = ""
    argument: str = ""
    witness: Witness | None = None
    data: dict = field(default_factory=dict)

    @property
    def decided(self) -> bool:
        """True when the route answered yes or no."""
        return self.answer is not None

    @property
    def certified(self) -> bool:
        """Every decided answer of a real-geometry route is proved by an exact argument."""
        return self.answer is not None

    @classmethod
    def undecided(cls, method: str, reason: str, argument: str = "", data: dict | None = None) -> "Decision":
        """No answer; ``reason`` says why."""
        return cls(None, method, reason=reason, argument=argument, data=dict(data or {}))


def number_text(x: Any) -> str:
    """An exact rational as text: ``3``, ``-2/5``.

    Examples
    --------
    >>> number_text(Fraction(-2, 6)), number_text(4)
    ('-1/3', '4')
    """
    if type(x) is int:
        return str(x)
    if type(x) is not Fraction:
        x = Fraction(x)
    return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"


def ball_text(x: Any) -> str:
    """A certified real ball as text: the integer when it is an exact integer, an exact
    rational as :func:`number_text`, otherwise ``[mid +/- rad]`` (at least 30 digits).

    Examples
    --------
    >>> ball_text(flint.arb(3)), ball_text(Fraction(1, 2))
    ('3', '1/2')
    >>> ball_text(flint.arb(2).sqrt()).startswith("[1.41421356")
    True
    """
    if isinstance(x, (int, Fraction)):
        return number_text(x)
    if x.is_exact() and x.unique_fmpz() is not None:
        return str(x.unique_fmpz())
    return x.str(max(30, flint.ctx.dps), radius=True)


def zero_witness(arch: Architecture) -> Witness:
    """All-zero layers: the witness that the zero filter is in ``M``.

    Examples
    --------
    >>> zero_witness(Architecture.parse("2,2")).layers
    (('0', '0'), ('0', '0'))
    """
    return Witness(filter=tuple("0" for _ in range(math.prod(arch.end_to_end_filter_shape))),
                   layers=tuple(tuple("0" for _ in range(math.prod(f))) for f in arch.filters),
                   exact=True, note=ZERO_REASON)


def zero_decision(arch: Architecture) -> Decision:
    """The decision "contained" for the zero filter, with the all-zero layers."""
    return Decision(True, "zero filter", reason=ZERO_REASON, argument=ZERO_ARGUMENT, witness=zero_witness(arch))

