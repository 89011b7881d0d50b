"""Bivariate polynomials with Gaussian-integer coefficients, for building real points of V from
complex layers (a layer q and its conjugate in two layers multiply to a real filter).

A polynomial is a dict ``{(i, j): (re, im)}``: the coefficient of ``x^i y^j``.
"""

from __future__ import annotations

import random


def gmul(a: dict, b: dict) -> dict:
    """The product (zero coefficients of the product are kept, so the keys are the full support box)."""
    out: dict = {}
    for (i, j), (p, q) in a.items():
        for (k, l), (r, s) in b.items():
            o = out.get((i + k, j + l), (0, 0))
            out[(i + k, j + l)] = (o[0] + p * r - q * s, o[1] + p * s + q * r)
    return out


def conj(a: dict) -> dict:
    """The complex conjugate."""
    return {m: (c[0], -c[1]) for m, c in a.items()}


def real_box(box: tuple[int, int], rng: random.Random) -> dict:
    """A random real polynomial of bidegree at most ``box``, coefficients in [-2, 2]."""
    return {(i, j): (rng.randint(-2, 2), 0) for i in range(box[0] + 1) for j in range(box[1] + 1)}


def gauss_box(box: tuple[int, int], rng: random.Random) -> dict:
    """A random Gaussian-integer polynomial of bidegree exactly ``box`` whose top coefficient is not real."""
    q = {(i, j): (rng.randint(-2, 2), rng.randint(-2, 2)) for i in range(box[0] + 1) for j in range(box[1] + 1)}
    q[tuple(box)] = (rng.randint(-2, 2), rng.choice([-1, 1]))
    return q
