"""The exception family of lcnalg.

Every error lcnalg raises on purpose derives from :class:`LCNAlgError`, itself a
:class:`ValueError`, so ``except ValueError`` catches bad input too.  Messages are
one line, name the offending field, and say what form is accepted.
"""

from __future__ import annotations

__all__ = ["LCNAlgError", "ArchitectureError", "InputError", "ResourceLimitError", "UndecidedError",
           "InternalError", "check"]


class LCNAlgError(ValueError):
    """Root of every error raised by lcnalg on purpose.

    Examples
    --------
    >>> from lcnalg import Architecture, LCNAlgError
    >>> try:
    ...     Architecture.parse("3,,2")
    ... except LCNAlgError as err:
    ...     print(type(err).__name__)
    ArchitectureError
    """


class ArchitectureError(LCNAlgError):
    """A malformed or nonsensical architecture (string or fields)."""


class InputError(LCNAlgError):
    """A filter, point or data array of the wrong shape, type or value."""


class ResourceLimitError(LCNAlgError):
    """A request estimated to exceed a configured bound; refused before it starts.

    Parameters
    ----------
    what : str
        What was estimated (for example ``"terms of the parameterization"``).
    estimate : int or float
        The estimate for this request.
    bound : int or float
        The configured bound it exceeds.
    how_to_raise : str
        How the user raises the bound (a keyword argument or CLI flag).
    limit : str, optional
        The field of :class:`~lcnalg.limits.Limits` that holds the bound.

    Examples
    --------
    >>> err = ResourceLimitError("monomials in one graded piece", 10**7, 10**6,
    ...                          "pass max_monomials= or --max-monomials")
    >>> print(err)
    refused: monomials in one graded piece estimated at 10000000, above the bound 1000000; to allow it, pass max_monomials= or --max-monomials
    """

    def __init__(self, what: str, estimate: float, bound: float, how_to_raise: str,
                 limit: str | None = None) -> None:
        self.what = what
        self.limit = limit
        self.estimate = estimate
        self.bound = bound
        self.how_to_raise = how_to_raise
        super().__init__(
            f"refused: {what} estimated at {estimate}, above the bound {bound}; "
            f"to allow it, {how_to_raise}"
        )


class UndecidedError(LCNAlgError):
    """A yes/no question was asked of a result that could not decide it (for example
    ``bool()`` of an undecided membership result)."""


class InternalError(LCNAlgError):
    """A broken internal invariant: a bug in lcnalg, never the user's input.

    Examples
    --------
    >>> print(InternalError("rank dropped after lifting"))
    internal error: rank dropped after lifting; this is a bug in lcnalg, please report it with the command or call that triggered it
    """

    def __init__(self, message: str) -> None:
        super().__init__(f"internal error: {message}; this is a bug in lcnalg, please report it "
                         "with the command or call that triggered it")


def check(condition: object, message: str) -> None:
    """Raise :class:`InternalError` unless ``condition`` holds (an ``assert`` that survives
    ``python -O``).

    Examples
    --------
    >>> check(1 + 1 == 2, "arithmetic")
    """
    if not condition:
        raise InternalError(message)
