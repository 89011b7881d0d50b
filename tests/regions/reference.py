"""Independent references for the region tests: the network evaluated by definition (exact
fractions, straight from its JSON form, convolutions as sums over windows) and the activation
patterns it produces."""

from __future__ import annotations

from fractions import Fraction


def _q(v) -> Fraction:
    return Fraction(v) if not isinstance(v, str) else Fraction(v)


def preactivations(net: dict, x) -> list[list[Fraction]]:
    """The pre-activations of every hidden layer at ``x`` (a flat list), by definition."""
    shape = list(net["input"])
    h = [Fraction(v) for v in x]
    out = []
    layers = net["layers"]
    for index, layer in enumerate(layers):
        if layer["type"] == "dense":
            z = [sum((_q(w) * v for w, v in zip(row, h)), Fraction(0)) + _q(b)
                 for row, b in zip(layer["weights"], layer.get("bias", [0] * len(layer["weights"])))]
            shape = [len(z)]
        elif len(shape) == 1:
            f, s, b = [_q(w) for w in layer["filter"]], layer.get("stride", 1), _q(layer.get("bias", 0))
            count = (shape[0] - len(f)) // s + 1
            z = [sum((f[j] * h[s * i + j] for j in range(len(f))), Fraction(0)) + b for i in range(count)]
            shape = [count]
        else:
            f = [[_q(w) for w in row] for row in layer["filter"]]
            s = layer.get("stride", 1)
            s1, s2 = (s, s) if isinstance(s, int) else s
            rows, cols = (shape[0] - len(f)) // s1 + 1, (shape[1] - len(f[0])) // s2 + 1
            b = _q(layer.get("bias", 0))
            z = [sum((f[a][c] * h[(s1 * i + a) * shape[1] + s2 * k + c] for a in range(len(f))
                      for c in range(len(f[0]))), Fraction(0)) + b for i in range(rows) for k in range(cols)]
            shape = [rows, cols]
        if index == len(layers) - 1:
            break
        out.append(z)
        h = [max(v, Fraction(0)) for v in z]
    return out


def pattern(net: dict, x, strict: bool = False) -> str | None:
    """The activation pattern at ``x`` as the library writes it (``"101|01"``: a unit is active
    when its pre-activation is positive); with ``strict``, ``None`` when some pre-activation is
    exactly zero (``x`` may be on a boundary between regions)."""
    layers = preactivations(net, x)
    if strict and any(v == 0 for z in layers for v in z):
        return None
    return "|".join("".join("1" if v > 0 else "0" for v in z) for z in layers)


#: Distinct primes: a point with coordinates p_k / PRIMES[k] (p_k not divisible by them) makes no
#: affine function with integer coefficients below them vanish unless it is identically zero.
PRIMES = (10007, 10009, 10037, 10039, 10061, 10067, 10069, 10079, 10091)


def generic_point(rng, n: int, scale: int = 3) -> list[Fraction]:
    """A random point of [-scale, scale]^n on no hyperplane with small integer coefficients."""
    point = []
    for k in range(n):
        while True:
            p = rng.randint(-scale * PRIMES[k], scale * PRIMES[k])
            if p % PRIMES[k]:
                break
        point.append(Fraction(p, PRIMES[k]))
    return point
