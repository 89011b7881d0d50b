"""Absolute factorization of a Q-irreducible bivariate polynomial: the modular FLINT route
against sympy's factorization over ``Q(β)``.

Each case is a Q-irreducible ``f ∈ Z[x, y]`` (a norm ``N_{K/Q}(h)`` of a bivariate ``h`` over a
field ``K`` of degree 2 to 6, a product ``q · conj(q)`` of Gaussian-integer polynomials as in the
2D membership tests, or an absolutely irreducible ``f`` without a cheap certificate).
:func:`lcnalg.polys.bivariate.absolute_factorization` runs with ``method="flint"`` and
``method="sympy"``; the two results must be equal (the same dataclass), and the table gives the
best of ``--repeat`` wall times of each and their ratio.

Run from the repository root::

    python benchmarks/absolute_factorization.py
    python benchmarks/absolute_factorization.py --repeat 1 --skip-sympy-above 20
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import flint  # noqa: E402

from lcnalg.polys.bivariate import absolute_factorization  # noqa: E402
from lcnalg.polys.mpoly_factor import factor  # noqa: E402


def _norm_case(psi: tuple[int, ...], terms: dict) -> dict:
    """The Q-irreducible factor of largest degree of ``Res_t(ψ(t), h(x, y, t))``."""
    ctx = flint.fmpz_mpoly_ctx.get(("x", "y", "t"), "lex")
    t = ctx.gens()[2]
    h = ctx.from_dict(terms)
    psi_t = sum((c * t**e for e, c in enumerate(psi)), ctx.from_dict({}))
    _, fac = factor(psi_t.resultant(h, "t"))
    q = max((q for q, _ in fac), key=lambda q: q.total_degree())
    return {(int(m[0]), int(m[1])): int(c) for m, c in q.to_dict().items()}


def _gauss_case(re: dict, im: dict) -> dict:
    """``q · conj(q) = a^2 + b^2`` for ``q = a + i b``."""
    ctx = flint.fmpz_mpoly_ctx.get(("x", "y"), "lex")
    a, b = ctx.from_dict(re), ctx.from_dict(im)
    p = a * a + b * b
    _, fac = factor(p)
    q = max((q for q, _ in fac), key=lambda q: q.total_degree())
    return {(int(m[0]), int(m[1])): int(c) for m, c in q.to_dict().items()}


def cases() -> list[tuple[str, dict]]:
    out = [
        ("x^2 - 2y^2", {(2, 0): 1, (0, 2): -2}),
        ("x^3 - 2y^3", {(3, 0): 1, (0, 3): -2}),
        ("(xy+1)^2 + (x+y)^2", {(2, 2): 1, (2, 0): 1, (1, 1): 4, (0, 2): 1, (0, 0): 1}),
        ("x^4 - 10x^2y^2 + y^4", {(4, 0): 1, (2, 2): -10, (0, 4): 1}),
        ("q conj q, q bideg (1,1)", _gauss_case({(1, 1): 2, (1, 0): -1, (0, 1): 1, (0, 0): 2},
                                               {(1, 1): 1, (0, 1): -2, (0, 0): 1})),
        ("q conj q, q bideg (2,1)", _gauss_case({(2, 1): 1, (1, 0): -2, (0, 1): 2, (0, 0): 1},
                                               {(2, 0): 2, (1, 1): -1, (0, 0): 2})),
        ("q conj q, q bideg (2,2)", _gauss_case({(2, 2): 1, (2, 0): -2, (1, 1): 1, (0, 2): 2, (0, 0): -1},
                                               {(2, 1): 2, (1, 2): -1, (1, 0): 1, (0, 0): 2})),
        ("N Q(sqrt 3), h bideg (2,2)", _norm_case((-3, 0, 1), {(2, 2, 0): 1, (1, 1, 1): 2, (2, 0, 1): -1,
                                                               (0, 2, 0): 1, (0, 0, 1): 3, (1, 0, 0): 1})),
        ("N Q(2^(1/3)), h bideg (1,1)", _norm_case((-2, 0, 0, 1), {(1, 1, 0): 1, (1, 0, 1): 1, (0, 1, 2): -1,
                                                                  (0, 0, 1): 1, (0, 0, 0): 2})),
        ("N Q(2^(1/3)), h bideg (2,1)", _norm_case((-2, 0, 0, 1), {(2, 1, 0): 1, (1, 0, 1): 2, (0, 1, 2): -1,
                                                                  (1, 1, 1): 1, (0, 0, 0): 1})),
        ("N Q(2^(1/4)), h bideg (1,1)", _norm_case((-2, 0, 0, 0, 1), {(1, 1, 0): 1, (1, 0, 1): 1, (0, 1, 3): -1,
                                                                     (0, 0, 2): 1, (0, 0, 0): 1})),
        ("N Q(zeta5), h bideg (1,1)", _norm_case((1, 1, 1, 1, 1), {(1, 1, 0): 1, (1, 0, 1): 1, (0, 1, 2): -1,
                                                                  (0, 0, 3): 1, (0, 0, 0): 2})),
        ("N x^5-x-1 (S5), h bideg (1,1)", _norm_case((-1, -1, 0, 0, 0, 1), {(1, 1, 0): 1, (1, 0, 1): 1,
                                                                           (0, 1, 0): 2, (0, 0, 2): 1})),
        ("N x^6-x-1 (S6), h bideg (1,1)", _norm_case((-1, -1, 0, 0, 0, 0, 1), {(1, 1, 0): 1, (1, 0, 1): 1,
                                                                               (0, 1, 0): 2, (0, 0, 2): 1})),
        ("N x^7-x-1 (S7), h bideg (1,1)", _norm_case((-1, -1, 0, 0, 0, 0, 0, 1), {(1, 1, 0): 1, (1, 0, 1): 1,
                                                                                  (0, 1, 0): 2, (0, 0, 2): 1})),
        ("abs. irreducible x^4 + x^2y^2 + y^4 + 7", {(4, 0): 1, (2, 2): 1, (0, 4): 1, (0, 0): 7}),
        ("abs. irreducible x^2y^2 + x^2 + y^2 - 1 ...", {(2, 2): 1, (2, 0): 1, (0, 2): 1, (1, 1): 3, (0, 0): -1}),
        ("abs. irreducible (x^2+y^2)^2 + x y - 1", {(4, 0): 1, (2, 2): 2, (0, 4): 1, (1, 1): 1, (0, 0): -1}),
    ]
    return out


def _best(f: dict, method: str, repeat: int) -> tuple[float, object]:
    best, res = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        res = absolute_factorization(f, method=method, max_field_work=10**9)
        best = min(best, time.perf_counter() - t)
    return best, res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-sympy-above", type=int, default=2_000,
                    help="skip sympy where deg(field)^2 (deg_x f + 1)(deg_y f + 1) exceeds this")
    args = ap.parse_args(argv)
    absolute_factorization({(2, 0): 1, (0, 2): -2}, method="sympy")     # import sympy once
    print("| case | field degree | bidegree | work | flint (s) | sympy (s) | sympy / flint |")
    print("|---|---|---|---|---|---|---|")
    for name, f in cases():
        new_t, new = _best(f, "flint", args.repeat)
        degs = (max(m[0] for m in f), max(m[1] for m in f))
        work = new.field_degree ** 2 * (degs[0] + 1) * (degs[1] + 1)
        if work > args.skip_sympy_above:
            print(f"| {name} | {new.field_degree} | {degs} | {work} | {new_t:.4f} | skipped | |")
            continue
        old_t, old = _best(f, "sympy", args.repeat)
        assert old == new, name
        print(f"| {name} | {new.field_degree} | {degs} | {work} | {new_t:.4f} | {old_t:.3f} | {old_t / new_t:.0f} |",
              flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
