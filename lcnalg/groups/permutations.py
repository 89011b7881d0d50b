"""Permutations of ``{0, …, n−1}`` in one-line notation, and how they compose.

A permutation ``p`` is the tuple ``(p[0], …, p[n−1])`` of the images of ``0, …, n−1``.  The
product ``p q`` applies ``q`` first: ``(p q)[i] = p[q[i]]``, so that a group acts on the left,
``g · x = g[x]`` and ``(g h) · x = g · (h · x)``.  Every function here is exact and
elementary; :func:`as_permutation` is the one place where user input becomes a permutation.

Examples
--------
>>> from lcnalg.groups.permutations import compose, inverse
>>> p, q = (1, 2, 0), (1, 0, 2)
>>> compose(p, q), inverse(p)
((2, 1, 0), (2, 0, 1))
"""

from __future__ import annotations

import numbers
from typing import Sequence

from lcnalg.checks import short
from lcnalg.errors import InputError

__all__ = ["as_permutation", "compose", "inverse", "identity"]


def as_permutation(value: object, name: str = "permutation", degree: int | None = None) -> tuple[int, ...]:
    """``value`` as a permutation of ``{0, …, n−1}`` in one-line notation.

    Parameters
    ----------
    value : sequence of int
        The images ``value[i]`` of ``i = 0, …, n−1`` (Python, numpy or FLINT integers), each
        of ``0, …, n−1`` exactly once.
    name : str
        The field, for the message.
    degree : int, optional
        The required length ``n``.

    Returns
    -------
    tuple of int

    Raises
    ------
    InputError
        When ``value`` is not a list of distinct integers ``0, …, n−1`` (of length ``degree``).

    Examples
    --------
    >>> as_permutation([1, 0, 2])
    (1, 0, 2)
    >>> as_permutation([1, 1, 2], "generators[0]")
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: generators[0]: expected a permutation of 0..2 in one-line notation (each of 0..2 once), got [1, 1, 2]
    """
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence) and not hasattr(value, "tolist"):
        raise InputError(f"{name}: expected a permutation in one-line notation (a list of the integers "
                         f"0..n-1, each once), got {short(value, 40, quote=True)}")
    items = value.tolist() if hasattr(value, "tolist") else list(value)
    if not isinstance(items, list):
        raise InputError(f"{name}: expected a permutation in one-line notation (a list of the integers "
                         f"0..n-1, each once), got {short(value, 40, quote=True)}")
    n = len(items)
    if n == 0 or (degree is not None and n != degree):
        want = f"{degree} entries" if degree is not None else "at least one entry"
        raise InputError(f"{name}: expected a permutation in one-line notation with {want}, "
                         f"got {n} entries")
    out = []
    for v in items:
        if not isinstance(v, numbers.Integral) or isinstance(v, bool) or not 0 <= int(v) < n:
            raise InputError(f"{name}: expected a permutation of 0..{n - 1} in one-line notation "
                             f"(each of 0..{n - 1} once), got an entry {short(v, 20, quote=True)}")
        out.append(int(v))
    if len(set(out)) != n:
        raise InputError(f"{name}: expected a permutation of 0..{n - 1} in one-line notation "
                         f"(each of 0..{n - 1} once), got {short(out, 40)}")
    return tuple(out)


def compose(p: tuple[int, ...], q: tuple[int, ...]) -> tuple[int, ...]:
    """The product ``p q`` (``q`` first): ``(p q)[i] = p[q[i]]``.

    Examples
    --------
    >>> compose((1, 2, 0), (1, 2, 0))
    (2, 0, 1)
    """
    return tuple([p[i] for i in q])


def inverse(p: tuple[int, ...]) -> tuple[int, ...]:
    """The inverse permutation.

    Examples
    --------
    >>> inverse((2, 0, 1))
    (1, 2, 0)
    """
    out = [0] * len(p)
    for i, j in enumerate(p):
        out[j] = i
    return tuple(out)


def identity(n: int) -> tuple[int, ...]:
    """The identity of ``{0, …, n−1}``.

    Examples
    --------
    >>> identity(3)
    (0, 1, 2)
    """
    return tuple(range(n))
