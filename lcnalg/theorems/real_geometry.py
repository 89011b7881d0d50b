"""Statements about the real function space: the stride-one real-root criterion and the
closedness rules (docs/theory.md#stride-one, #two-layers, #polynomial-real).

The membership check builds two exact filters from the statement (one with the fewest real
roots a form of degree d can have, one with d real roots) and asks :meth:`FunctionSpace.contains`;
the closedness checks evaluate the rule from the filter sizes and strides and ask
:meth:`FunctionSpace.is_zariski_closed`.
"""

from __future__ import annotations

import random
from typing import Any

from lcnalg.architecture import Architecture
from lcnalg.function_space import FunctionSpace
from lcnalg.limits import Limits
from lcnalg.theorems.base import COUNTEREXAMPLE, HELD, UNDECIDED, Check, Theorem, linear_one_channel

__all__ = ["StrideOneRealRoots", "StrideOneClosedness", "ParityRule", "PolynomialClosedness", "OrbitDescription",
           "FactorizationPatterns", "conjugate_pair_filter", "polynomial_product"]


def polynomial_product(factors: list[list[int]]) -> list[int]:
    """Coefficients (constant first) of a product of integer polynomials.

    Examples
    --------
    >>> polynomial_product([[1, 0, 1], [0, 1]])   # (1 + z^2) z
    [0, 1, 0, 1]
    """
    out = [1]
    for f in factors:
        new = [0] * (len(out) + len(f) - 1)
        for i, a in enumerate(out):
            for j, b in enumerate(f):
                new[i + j] += a * b
        out = new
    return out


def _stride_one_1d(arch: Architecture) -> str | None:
    if (reason := linear_one_channel(arch)) is not None:
        return reason
    if arch.ndim != 1:
        return "D >= 2: the criterion is about binary forms (1D)"
    if any(s != (1,) for s in arch.strides[:-1]):
        return "a stride > 1 before the last layer: the criterion is for stride one"
    return None


class StrideOneRealRoots(Theorem):
    """1D stride one: M is the set of binary forms of degree d with at least m real roots
    (infinity included), m the number of even filter sizes ([KMMT22])."""

    name = "stride-one-real-roots"
    statement = ("For a 1D linear CNN with stride one, M is the set of real binary forms of degree d = k - 1 "
                 "with at least m real roots counted with multiplicity (infinity included), m = #{l : k_l even}.")
    latex = r"M = \{p \in \mathbb{R}[z]_{\le d} : \#\{\text{real roots of } p\} \ge m\},\ m = \#\{l : 2 \mid k_l\}"
    source = "[KMMT22]; docs/theory.md#stride-one"
    status = "proved"

    def hypotheses(self, arch: Architecture) -> str | None:
        return _stride_one_1d(arch)

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        d = sum(f[0] - 1 for f in arch.filters)
        m = sum(1 for f in arch.filters if f[0] % 2 == 0)
        few = polynomial_product([[1, 0, 1]] * (d // 2) + [[0, 1]] * (d % 2))  # d mod 2 real roots
        many = polynomial_product([[-j, 1] for j in range(1, d + 1)])          # d real roots
        fs = space
        for filt, real_roots in ((few, d % 2), (many, d)):
            predicted = real_roots >= m
            res = fs.contains(filt)
            if res.contained is None:
                return Check(self.name, str(arch), UNDECIDED, str(predicted), "undecided",
                             reason=f"membership of {filt} undecided: {res.limitations}")
            if res.contained != predicted:
                return Check(self.name, str(arch), COUNTEREXAMPLE, str(predicted), str(res.contained),
                             witness=f"filter {filt} ({real_roots} real roots, m = {m}): contains() says "
                                     f"{res.contained}, the criterion {predicted}")
        return Check(self.name, str(arch), HELD, "both filters as predicted", "both filters as predicted",
                     reason=f"exact membership of a filter with {d % 2} and one with {d} real roots (m = {m})")


def _closed_verdict(theorem: Theorem, arch: Architecture, predicted: bool, space: FunctionSpace,
                    rule: str) -> Check:
    res = space.is_zariski_closed()
    if res.closed is None:
        return Check(theorem.name, str(arch), UNDECIDED, str(predicted), "undecided",
                     reason=f"is_zariski_closed undecided: {res.limitations or res.method}")
    if res.closed == predicted:
        return Check(theorem.name, str(arch), HELD, str(predicted), str(res.closed), reason=rule)
    evidence = "" if res.evidence is None else f"; evidence {res.evidence}"
    return Check(theorem.name, str(arch), COUNTEREXAMPLE, str(predicted), str(res.closed),
                 witness=f"{arch}: is_zariski_closed() = {res.closed} ({res.method}), {rule} predicts "
                         f"{predicted}{evidence}")


class StrideOneClosedness(Theorem):
    """1D stride one: M = V(R) (= R^k) iff m <= 1 (docs/theory.md#stride-one)."""

    name = "closed-stride-one"
    statement = ("For a 1D linear CNN with stride one, M equals the real points of its Zariski closure "
                 "(then M = R^k) iff at most one filter size is even.")
    latex = r"M = V(\mathbb{R}) \iff m \le 1,\ m = \#\{l : 2 \mid k_l\}"
    source = "[KMMT22]; docs/theory.md#stride-one"
    status = "proved"

    def hypotheses(self, arch: Architecture) -> str | None:
        return _stride_one_1d(arch)

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        m = sum(1 for f in arch.filters if f[0] % 2 == 0)
        return _closed_verdict(self, arch, m <= 1, space, f"the rule m <= 1 (m = {m})")


class ParityRule(Theorem):
    """1D, two layers, stride s >= 2: M = V(R) iff n_2 is even or n_1 < s (docs/theory.md#two-layers)."""

    name = "closed-parity-rule"
    statement = ("For a 1D linear CNN with two layers and stride s >= 2, M = V(R) iff k_2 - 1 is even "
                 "or k_1 - 1 < s.")
    latex = r"M = V(\mathbb{R}) \iff 2 \mid n_2 \ \text{or}\ n_1 < s"
    source = "docs/theory.md#two-layers (proved here)"
    status = "proved"

    def hypotheses(self, arch: Architecture) -> str | None:
        if (reason := linear_one_channel(arch)) is not None:
            return reason
        if arch.ndim != 1 or arch.num_layers != 2:
            return "the rule is for two 1D layers"
        if arch.strides[0][0] < 2:
            return "stride 1: see the stride-one rule"
        return None

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        n1, n2, s = arch.filters[0][0] - 1, arch.filters[1][0] - 1, arch.strides[0][0]
        return _closed_verdict(self, arch, n2 % 2 == 0 or n1 < s, space,
                               f"the parity rule (n1 = {n1}, n2 = {n2}, s = {s})")


class PolynomialClosedness(Theorem):
    """With an activation r >= 2, M = V(R) (docs/theory.md#polynomial-real)."""

    name = "closed-polynomial"
    statement = "With a monomial activation t^r, r >= 2, the function space equals V(R)."
    latex = r"M = V(\mathbb{R})\quad (\sigma(t) = t^r,\ r \ge 2)"
    source = "docs/theory.md#polynomial-real (proved here)"
    status = "proved"

    def hypotheses(self, arch: Architecture) -> str | None:
        if arch.channels is not None:
            return "channels (c=)"
        if arch.activation is None:
            return "linear network: see the linear closedness rules"
        return None

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        return _closed_verdict(self, arch, True, space, "the rule for r >= 2")


def _description_agrees(theorem: Theorem, arch: Architecture, space: FunctionSpace, filters: list,
                        predict: Any, name: str, held: str) -> Check:
    """Compare a description's membership test ``predict`` with ``space.contains`` on ``filters``."""
    for filt in filters:
        predicted = predict(filt)
        res = space.contains(filt)
        if res.contained is None:
            return Check(theorem.name, str(arch), UNDECIDED, str(predicted), "undecided",
                         reason=f"membership of {filt} undecided: {res.limitations}")
        if res.contained != predicted:
            return Check(theorem.name, str(arch), COUNTEREXAMPLE, str(predicted), str(res.contained),
                         witness=f"filter {filt}: contains() says {res.contained}, {name} {predicted}")
    return Check(theorem.name, str(arch), HELD, "as described", "as described", reason=held)


class OrbitDescription(Theorem):
    """1D, any strides: membership is decided by the root-orbit type (docs/theory.md#orbit-description)."""

    name = "orbit-description"
    statement = ("For a 1D linear CNN with any strides, a real filter P != 0 lies in M iff (N, m) lies in the "
                 "Minkowski sum, over the blocks B of its root-orbit type, of the sets R(B) of (count vector, "
                 "real-root vector) of the conjugation-invariant coset tilings of B (and in V(R) iff N lies in the "
                 "sum of the complex count vectors C(B)).")
    latex = (r"P \in M \iff P = 0 \ \text{or}\ (N, m) \in \textstyle\sum_{B \in \kappa(P)} R(B),\quad "
             r"P \in V(\mathbb{R}) \iff P = 0 \ \text{or}\ N \in \textstyle\sum_{B \in \kappa(P)} C(B)")
    source = "docs/theory.md#orbit-description (proved here)"
    status = "proved"

    #: Filters tried per architecture: images of random layers, each also moved by one unit.
    TRIES = 6

    def hypotheses(self, arch: Architecture) -> str | None:
        if (reason := linear_one_channel(arch)) is not None:
            return reason
        if arch.ndim != 1:
            return "the root-orbit types are for 1D architectures"
        return None

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        from lcnalg.real.orbit_description import orbit_member  # deferred: the real-geometry stack is heavy

        rng = random.Random(seed)
        filters = []
        mu = space.parameterization
        for _ in range(self.TRIES):
            image = [int(c) for c in mu.evaluate([rng.randint(-3, 3) for _ in range(mu.num_parameters)])]
            moved = list(image)
            moved[rng.randrange(len(moved))] += rng.choice((-1, 1))
            filters += [image, moved]
        witness = space.is_zariski_closed().witness
        if witness is not None:
            filters.append(list(witness))
        return _description_agrees(
            self, arch, space, filters, lambda f: orbit_member(arch, f, limits).in_function_space,
            "the root-orbit description",
            f"{len(filters)} exact filters (images, moved images, the closedness witness if any): contains() "
            "(orbit distribution) agrees with the coset-tiling description")


def conjugate_pair_filter(arch: Architecture, rng: random.Random) -> list[int]:
    """A point of V(R): a Gaussian-integer layer q in one layer, its conjugate in another, real
    integer layers elsewhere (all at stride one)."""
    boxes = [(f[0] - 1, f[1] - 1) for f in arch.filters]
    l1, l2 = rng.sample(range(len(boxes)), 2)
    dx, dy = min(boxes[l1][0], boxes[l2][0]), min(boxes[l1][1], boxes[l2][1])
    q = {(i, j): complex(rng.randint(-3, 3), rng.randint(-3, 3)) for i in range(dx + 1) for j in range(dy + 1)}
    layers = []
    for k, (b1, b2) in enumerate(boxes):
        if k == l1:
            layers.append(q)
        elif k == l2:
            layers.append({m: c.conjugate() for m, c in q.items()})
        else:
            layers.append({(i, j): complex(rng.randint(-3, 3)) for i in range(b1 + 1) for j in range(b2 + 1)})
    prod = {(0, 0): complex(1)}
    for layer in layers:
        out: dict = {}
        for (i, j), c in prod.items():
            for (u, v), d in layer.items():
                out[(i + u, j + v)] = out.get((i + u, j + v), 0) + c * d
        prod = out
    nx, ny = arch.end_to_end_filter_shape
    return [int(round(prod.get((i, j), 0).real)) for i in range(nx) for j in range(ny)]  # small integers: exact


class FactorizationPatterns(Theorem):
    """2D stride one: M is the union of the pattern strata of Π_M (docs/theory.md#factorization-patterns)."""

    name = "factorization-patterns"
    statement = ("For a 2D linear CNN whose layers all sit at stride one, a real filter P != 0 lies in M iff the "
                 "pattern of its real irreducible factors (real absolutely irreducible factors R(d) and conjugate "
                 "pairs C(d), with bidegrees and multiplicities) lies in the finite set Π_M of patterns whose "
                 "factors can be shared out among the layers' boxes.")
    latex = r"M = \{0\} \cup \textstyle\bigcup_{\pi \in \Pi_M} S_\pi,\quad S_\pi = \{P : \pi(P) = \pi\}"
    source = "docs/theory.md#factorization-patterns (proved here)"
    status = "proved"

    #: Filters tried per architecture: images of random layers and conjugate-pair points of V(R).
    TRIES = 4

    def hypotheses(self, arch: Architecture) -> str | None:
        from lcnalg.real.patterns import stride_one_2d  # deferred: the real-geometry stack is heavy

        if (reason := linear_one_channel(arch)) is not None:
            return reason
        if not stride_one_2d(arch) or arch.num_layers < 2:
            return "the patterns are derived for 2D architectures of at least two layers at stride one"
        return None

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        from lcnalg.real.patterns import pattern_table  # deferred: the real-geometry stack is heavy

        rng = random.Random(seed)
        mu = space.parameterization
        filters = [list(mu.evaluate([rng.randint(-3, 3) for _ in range(mu.num_parameters)]))
                   for _ in range(self.TRIES)]
        filters += [conjugate_pair_filter(arch, rng) for _ in range(self.TRIES)]
        table = pattern_table(arch, limits)
        return _description_agrees(
            self, arch, space, filters, lambda f: table.contains(f, limits), "the pattern table",
            f"{len(filters)} exact filters (images and conjugate-pair points of V(R)): contains() (grouping "
            "search) agrees with the pattern table")
