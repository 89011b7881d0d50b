"""The exhaustive search that groups irreducible factors into layers (2D membership).

Both 2D routes reduce membership to the same question: can the factors of ``p`` (with
multiplicities ``counts``) be shared out among the layers so that every layer's share has
that layer's shape?  :func:`grouping_search` answers it exhaustively, memoised on
``(layer, remaining multiplicities)``; the routes supply the shape test ``fits``.
"""

from __future__ import annotations

import itertools
from typing import Callable

from lcnalg.limits import Budget

__all__ = ["grouping_search"]


def grouping_search(counts: tuple[int, ...], num_layers: int, fits: Callable[[int, tuple[int, ...]], bool],
                    budget: Budget) -> list[tuple[int, ...]] | None:
    """A grouping of the factors into ``num_layers`` layers that fits, or None if none does.

    Parameters
    ----------
    counts : tuple of int
        Multiplicity of each factor.
    num_layers : int
        The layers; the last one takes every factor left.
    fits : callable
        ``fits(l, choice)``: does layer ``l`` take the factors with multiplicities ``choice``?
    budget : Budget
        Counts the search nodes (one per distinct ``(layer, remaining)`` state).

    Returns
    -------
    list of tuple of int or None
        Per layer, the multiplicity of each factor it takes.

    Examples
    --------
    >>> from lcnalg.limits import Limits
    >>> b = Limits().budget("max_nodes", "nodes")
    >>> grouping_search((2,), 2, lambda l, ch: sum(ch) <= 1, b)     # one factor twice, one per layer
    [(1,), (1,)]
    >>> grouping_search((3,), 2, lambda l, ch: sum(ch) <= 1, b) is None
    True
    """
    memo: dict = {}

    def rec(l: int, remaining: tuple[int, ...]) -> list | None:
        key = (l, remaining)
        if key in memo:
            return memo[key]
        budget.spend()
        out = None
        if l == num_layers - 1:
            out = [remaining] if fits(l, remaining) else None
        else:
            for choice in itertools.product(*[range(c, -1, -1) for c in remaining]):
                if not fits(l, choice):
                    continue
                rest = rec(l + 1, tuple(r - c for r, c in zip(remaining, choice)))
                if rest is not None:
                    out = [choice] + rest
                    break
        memo[key] = out
        return out

    return rec(0, tuple(counts))
