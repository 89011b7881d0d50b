"""Result objects: the answer, how it was obtained, and how sure it is.

Every computation of lcnalg returns a frozen :class:`Result`.  It carries the
answer, the ``method``, the ``seed`` and ``primes`` used, whether the answer is
``certified`` (proved by an exact computation) and, when it is not, the
``failure_probability`` bound of the randomized argument together with how to
certify it.  The CLI only formats these objects: ``to_text()``, ``to_json()``,
``to_latex()``; notebooks show ``_repr_latex_()``.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from lcnalg.export.latex import function_space_symbol

__all__ = ["Result", "DimensionResult", "jsonable"]


def jsonable(value: Any) -> Any:
    """Convert a value to plain JSON types (exact numbers become ints or strings).

    Examples
    --------
    >>> from fractions import Fraction
    >>> jsonable({"a": (1, Fraction(1, 2))})
    {'a': [1, '1/2']}
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, (int, float, str)):
        return value
    if isinstance(value, Fraction):
        return str(value) if value.denominator != 1 else value.numerator
    return str(value)


@dataclass(frozen=True, kw_only=True)
class Result:
    """Base of every result.

    Attributes
    ----------
    architecture : str
        The normalised architecture string the result is about.
    method : str
        How the answer was obtained, in words a reader can check.
    certified : bool
        True when an exact argument proves the answer.
    failure_probability : float or None
        For an uncertified answer, a proved upper bound on the probability that it
        is wrong (over the random choices); ``None`` when certified.
    how_to_certify : str
        For an uncertified answer, what exact computation would certify it.
    seed : int or None
        Seed of the random choices, if any.
    primes : tuple of int
        Primes used in modular steps.
    seconds : float
        Wall time of the computation.
    """

    architecture: str
    method: str
    certified: bool
    failure_probability: float | None = None
    how_to_certify: str = ""
    seed: int | None = None
    primes: tuple[int, ...] = ()
    seconds: float = 0.0

    #: Short name of the answer, used by ``to_text``.
    title = "result"

    @property
    def status(self) -> str:
        """``"certified"`` or ``"probabilistic"`` (subclasses may refine)."""
        return "certified" if self.certified else "probabilistic"

    def answer(self) -> Any:
        """The answer itself (subclasses override)."""
        raise TypeError(f"{type(self).__name__} has no single answer")

    def to_dict(self) -> dict[str, Any]:
        """All fields as JSON-ready data, plus ``status``."""
        data = jsonable(self)
        data["status"] = self.status
        return data

    def to_json(self, indent: int | None = 2) -> str:
        """One JSON object with every field (exact numbers as ints or strings)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def provenance(self) -> str:
        """One line: status, method, and the failure bound when probabilistic."""
        if self.certified:
            return f"certified ({self.method})"
        return (
            f"probabilistic ({self.method}); wrong with probability at most "
            f"{self.failure_probability:.3g}; to certify: {self.how_to_certify}"
        )

    def to_text(self) -> str:
        """Plain text for a terminal (subclasses override)."""
        return f"{self.title}: {self.answer()}  [{self.provenance()}]"

    def to_latex(self) -> str:
        """LaTeX, ready to paste (subclasses override)."""
        return str(self.answer())

    def _repr_latex_(self) -> str:
        return "$" + self.to_latex() + "$"

    def __str__(self) -> str:
        return self.to_text()


@dataclass(frozen=True, kw_only=True)
class DimensionResult(Result):
    """Dimension of the function space, with the bounds that prove or support it.

    Attributes
    ----------
    value : int
        The dimension (the largest Jacobian rank found).
    lower_bound : int
        A proved lower bound: the exact rank of the Jacobian at a point.
    upper_bound : int
        A proved upper bound: parameters minus the ``L-1`` rescaling directions, and at
        most the number of coordinates that are not identically zero.
    ambient_dimension : int
        Number of entries of the end-to-end filter.

    Examples
    --------
    >>> from lcnalg import FunctionSpace
    >>> d = FunctionSpace("2x2,2x2").dimension
    >>> d.value, d.certified, int(d) == 7
    (7, True, True)
    """

    value: int
    lower_bound: int
    upper_bound: int
    ambient_dimension: int

    title = "dimension"

    def answer(self) -> int:
        return self.value

    def __int__(self) -> int:
        return self.value

    def __index__(self) -> int:
        return self.value

    def to_latex(self) -> str:
        return rf"\dim {function_space_symbol(self.architecture)} = {self.value}"

    def to_text(self) -> str:
        return f"{self.value}  [{self.provenance()}]"
