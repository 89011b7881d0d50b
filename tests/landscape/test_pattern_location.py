"""Where a μ-critical real critical point lies for 2D stride one: the factor list of a product of
filters over a real number field Q(τ), against the rational route (FLINT factorization and the
absolute factorization over Q) on products of rational filters, against hand-built filters over
Q(√2) and Q(2^(1/3)) whose factors are known, against the 1D parity rule for filters along one
axis, and end to end at the real critical points of small architectures."""

from __future__ import annotations

import functools
import random
import re

import flint
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, UndecidedError
from lcnalg.landscape import QuadraticLoss
from lcnalg.landscape.real_critical_points import real_critical_points
from lcnalg.limits import Limits
from lcnalg.polys.real_algebraic import RealAlgebraicPoint
from lcnalg.real.algebraic_factor_list import algebraic_factor_list
from lcnalg.real.pattern_boundary import factors_boundary_member, pattern_boundary_member
from lcnalg.real.patterns import factors_representative, pattern_table

SQRT2 = RealAlgebraicPoint.from_root(flint.fmpq_poly([-2, 0, 1]), flint.arb("1.41 +/- 0.01"),
                                     [flint.fmpq_poly([0, 1])])          # Q(√2), s = √2
CUBIC = RealAlgebraicPoint.from_root(flint.fmpq_poly([-2, 0, 0, 1]), flint.arb("1.26 +/- 0.01"),
                                     [flint.fmpq_poly([0, 1])])          # Q(2^(1/3)), s = 2^(1/3)
ARCHS = ["2x2,2x2", "2x2,2x1", "2x1,1x2,2x2", "2x1,2x1,1x2", "3x1,2x1,2x1", "3x2,2x1", "3x3,2x2"]


@functools.lru_cache(maxsize=None)
def table(arch: str):
    return pattern_table(arch)


def boxes(arch: str) -> list[tuple[int, int]]:
    return [(f[0] - 1, f[1] - 1) for f in Architecture.parse(arch).filters]


def pmul(a: dict, b: dict) -> dict:
    out: dict = {}
    for (i, j), c in a.items():
        for (k, l), d in b.items():
            out[(i + k, j + l)] = out.get((i + k, j + l), 0) + c * d
    return {m: c for m, c in out.items() if c}


def bideg(f: dict) -> tuple[int, int]:
    return max(m[0] for m in f), max(m[1] for m in f)


def flat(p: dict, arch: str) -> list[int]:
    nx, ny = table(arch).total[0] + 1, table(arch).total[1] + 1
    return [p.get((i, j), 0) for i in range(nx) for j in range(ny)]


def atom(rng: random.Random, room: tuple[int, int]) -> dict | None:
    """A random small integer polynomial fitting in ``room``: linear in x or y, x^2 + k, y^2 + k
    (irreducible over Q or not, real roots or not), a (1,1) or a dense (2,2) or (2,1) polynomial."""
    kinds = []
    if room[0] >= 1:
        kinds += ["x", "x"]
    if room[1] >= 1:
        kinds += ["y"]
    if room[0] >= 2:
        kinds += ["xx"]
    if room[1] >= 2:
        kinds += ["yy"]
    if room[0] >= 1 and room[1] >= 1:
        kinds += ["xy", "xy"]
    if room[0] >= 2 and room[1] >= 1:
        kinds += ["xxy"]
    if room[0] >= 2 and room[1] >= 2:
        kinds += ["dense"]
    if not kinds:
        return None
    kind = rng.choice(kinds)
    c = lambda: rng.choice([-3, -2, -1, 1, 2, 3])  # noqa: E731
    if kind == "x":
        return {(1, 0): c(), (0, 0): rng.randint(-2, 2)}
    if kind == "y":
        return {(0, 1): c(), (0, 0): rng.randint(-2, 2)}
    if kind in ("xx", "yy"):
        e = (2, 0) if kind == "xx" else (0, 2)
        return {e: 1, (0, 0): rng.choice([-4, -2, -1, 1, 2])}
    if kind == "xy":
        return {m: v for m, v in {(0, 0): rng.randint(-2, 2), (1, 0): rng.randint(-2, 2), (0, 1): c(),
                                  (1, 1): c()}.items() if v}
    top = (2, 2) if kind == "dense" else (2, 1)
    f = {(i, j): rng.randint(-2, 2) for i in range(top[0] + 1) for j in range(top[1] + 1)}
    f[top] = c()
    f[(2, 0)] = c()
    f[(0, top[1])] = c()
    return {m: v for m, v in f.items() if v}


def random_layers(rng: random.Random, arch: str) -> list[dict]:
    """Integer layers with shared factors and repeated filters: each layer is filled with atoms
    from a pool that later layers draw from again, sometimes a copy of an earlier layer."""
    pool: list[dict] = []
    layers: list[dict] = []
    for box in boxes(arch):
        same = [w for w, b in zip(layers, boxes(arch)) if b == box]
        if same and rng.random() < 0.3:
            layers.append(dict(rng.choice(same)))
            continue
        w = {(0, 0): rng.choice([1, -1, 2])}
        for _ in range(rng.randint(0, 3)):
            d = bideg(w)
            room = (box[0] - d[0], box[1] - d[1])
            fits = [a for a in pool if bideg(a)[0] <= room[0] and bideg(a)[1] <= room[1]]
            a = rng.choice(fits) if fits and rng.random() < 0.6 else atom(rng, room)
            if a is None:
                break
            pool.append(a)
            w = pmul(w, a)
        layers.append(w)
    return layers


def over_sqrt2(w: dict, scale: dict) -> dict:
    """The rational filter ``w`` times an element ``scale`` of Q(√2), as polynomials in s = √2."""
    return {m: {e: c * k for e, k in scale.items()} for m, c in w.items()}


def shift(w: dict, alpha: dict, beta: dict) -> dict:
    """``w(x + α, y + β)`` for ``w`` over Q(√2) and ``α``, ``β`` in Q(√2) (as ``{(e,): c}``): the
    factor list is unchanged (an affine change of coordinates keeps bidegrees, irreducibility and
    reality), the coefficients become irrational."""
    out: dict = {}
    x, y = {(1, 0): {(0,): 1}, (0, 0): alpha}, {(0, 1): {(0,): 1}, (0, 0): beta}
    for (i, j), c in w.items():
        term = {(0, 0): c}
        for _ in range(i):
            term = kmul(term, x)
        for _ in range(j):
            term = kmul(term, y)
        out = kadd(out, term)
    return out


def canon(factors) -> list:
    return sorted(factors) if factors is not None else None


# ------------------------------------------------------------------ (1) rational products
@settings(max_examples=25, deadline=None)
@given(st.sampled_from(ARCHS), st.integers(0, 10**6))
def test_factor_list_over_a_number_field_agrees_with_the_rational_route(arch, seed):
    """Products of rational filters (shared factors, repeated filters), each layer scaled by a
    non-zero element of Q(√2) and all shifted by x -> x + α, y -> y + β with α, β in Q(√2): the
    factor list from the layers over Q(√2) equals the one FLINT and the absolute factorization
    give for the unshifted rational product, and so does the boundary decision."""
    rng = random.Random(seed)
    layers = random_layers(rng, arch)
    scales = [rng.choice([{(0,): 1}, {(1,): 1}, {(0,): 1, (1,): 1}, {(0,): -3, (1,): 2}]) for _ in layers]
    alpha, beta = ({k: v for k, v in {(0,): rng.randint(-1, 1), (1,): rng.randint(-1, 1)}.items() if v}
                   for _ in range(2))
    ours = algebraic_factor_list(SQRT2, [shift(over_sqrt2(w, s), alpha, beta) for w, s in zip(layers, scales)])
    product = {(0, 0): 1}
    for w in layers:
        product = pmul(product, w)
    rational = pattern_boundary_member(arch, flat(product, arch), table=table(arch))
    assert canon(ours) == canon(rational.factors), (layers, ours, rational.factors)
    ours_member = factors_boundary_member(arch, ours, table=table(arch))
    assert ours_member.in_function_space and rational.in_function_space
    assert ours_member.on_boundary == rational.on_boundary


# ------------------------------------------------------------------ (2) filters over Q(√2), Q(τ)
def lay(d: dict) -> dict:
    """``{(i, j): c}`` with ``c`` rational or ``(a, b)`` for ``a + b s``."""
    return {m: ({(0,): c[0], (1,): c[1]} if isinstance(c, tuple) else {(0,): c}) for m, c in d.items()}


def kmul(a: dict, b: dict) -> dict:
    """Product of polynomials ``{position: {(e,): c}}`` with coefficients ``Σ c s^e`` in Q(√2)
    (``s^2 = 2``; positions are tuples, added componentwise)."""
    out: dict = {}
    for m, p in a.items():
        for n, q in b.items():
            acc = out.setdefault(tuple(x + y for x, y in zip(m, n)), {})
            for (e,), c in p.items():
                for (f,), d in q.items():
                    key = ((e + f) % 2,)
                    acc[key] = acc.get(key, 0) + c * d * 2 ** ((e + f) // 2)
    return {m: {k: v for k, v in c.items() if v} for m, c in out.items()}


def kadd(a: dict, b: dict) -> dict:
    out = {m: dict(c) for m, c in a.items()}
    for m, c in b.items():
        acc = out.setdefault(m, {})
        for k, v in c.items():
            acc[k] = acc.get(k, 0) + v
    return out


def pattern_in_v(arch: str, rho) -> bool:
    counts: dict = {}
    for t, e in rho:
        counts[t] = counts.get(t, 0) + e
    return table(arch).in_v(tuple(sorted(counts.items(), key=lambda te: table(arch).types.index(te[0]))))


def test_square_of_an_irrational_11_factor_is_on_the_boundary():
    """P = w^2 with w = 1 + √2 x + y + 3xy real and absolutely irreducible of bidegree (1,1)
    (degree 1 in y): on 2x2,2x2 it is the limit of q q̄ = w^2 + ε^2 x^2 with q = w + iεx, points
    of V(R) \\ M (one pair C(1,1), found so over Q(√2) by the discriminant criterion), so it is on
    the boundary; w v with a second such factor is in no closure (a C-slot needs every real
    factor twice): interior."""
    w = lay({(0, 0): 1, (1, 0): (0, 1), (0, 1): 1, (1, 1): 3})
    rho = algebraic_factor_list(SQRT2, [w, w])
    assert rho == ((("R", 1, 1), 2),)
    assert factors_boundary_member("2x2,2x2", rho).on_boundary
    v = lay({(0, 0): 2, (1, 0): (0, 1), (0, 1): 1, (1, 1): 1})
    rho2 = algebraic_factor_list(SQRT2, [w, v])
    assert rho2 == ((("R", 1, 1), 1), (("R", 1, 1), 1))
    assert factors_boundary_member("2x2,2x2", rho2).in_function_space
    assert not factors_boundary_member("2x2,2x2", rho2).on_boundary
    for eps in (1, 3, 100):
        near = kadd(kmul(w, w), {(2, 0): {(0,): eps * eps}})
        rho3 = algebraic_factor_list(SQRT2, [near])
        assert rho3 == ((("C", 1, 1), 1),)
        assert not factors_boundary_member("2x2,2x2", rho3).in_function_space and pattern_in_v("2x2,2x2", rho3)


def test_shared_linear_factor_against_a_nearby_rational_point():
    """P = a^2 b c with a = x − √2, b = y + √2, c = y − 1 on 2x2,2x2 (layers ab and ac): the
    factor list R(1,0)^2 R(0,1) R(0,1) over Q(√2); the rational route at the nearby rational
    point (x − 7/5)^2 (y + 7/5)(y − 1) gives the same list and the same answer (boundary: the
    limit of (y + b)(y + c)|x + a + iε|^2, pattern R(0,1)^2 C(1,0) outside M)."""
    a, b, c = lay({(1, 0): 1, (0, 0): (0, -1)}), lay({(0, 1): 1, (0, 0): (0, 1)}), lay({(0, 1): 1, (0, 0): -1})
    ab, ac = kmul(a, b), kmul(a, c)
    rho = algebraic_factor_list(SQRT2, [ab, ac])
    assert rho == ((("R", 0, 1), 1), (("R", 0, 1), 1), (("R", 1, 0), 2))
    near = pmul(pmul({(1, 0): 5, (0, 0): -7}, {(1, 0): 5, (0, 0): -7}), pmul({(0, 1): 5, (0, 0): 7},
                                                                            {(0, 1): 1, (0, 0): -1}))
    rational = pattern_boundary_member("2x2,2x2", flat(near, "2x2,2x2"), table=table("2x2,2x2"))
    assert canon(rational.factors) == canon(rho)
    assert factors_boundary_member("2x2,2x2", rho).on_boundary == rational.on_boundary is True


def test_univariate_parts_split_by_real_root_counts():
    """Over Q(2^(1/3)) = Q(τ): x^2 − τ has the two real roots ±√τ, x^2 + τ a conjugate pair, x − τ
    in two layers the real root τ twice, y^2 − 2y + τ (discriminant 4 − 4τ < 0) a pair in y:
    C(0,1) C(1,0) R(1,0) R(1,0) R(1,0)^2, counted per multiplicity over Q(τ)."""
    t = {(1,): 1}
    layers = [{(2, 0): {(0,): 1}, (0, 0): {(1,): -1}},                 # x^2 − τ
              {(2, 0): {(0,): 1}, (0, 0): t},                           # x^2 + τ
              {(1, 0): {(0,): 1}, (0, 0): {(1,): -1}},                  # x − τ
              {(1, 0): {(0,): 1}, (0, 0): {(1,): -1}},                  # x − τ
              {(0, 2): {(0,): 1}, (0, 1): {(0,): -2}, (0, 0): t}]       # y^2 − 2y + τ
    assert algebraic_factor_list(CUBIC, layers) == (
        (("C", 0, 1), 1), (("C", 1, 0), 1), (("R", 1, 0), 1), (("R", 1, 0), 1), (("R", 1, 0), 2))
    # x^2 − τ^2 = (x − τ)(x + τ) against x − τ: the root τ is shared (exponent 2), −τ is not
    shared = [{(2, 0): {(0,): 1}, (0, 0): {(2,): -1}}, {(1, 0): {(0,): 1}, (0, 0): {(1,): -1}}]
    assert algebraic_factor_list(CUBIC, shared) == ((("R", 1, 0), 1), (("R", 1, 0), 2))


def test_quadratic_factors_irreducible_over_the_field_split_by_the_discriminant():
    """Factors of degree 2 in a variable, irreducible over Q(√2): (xy + 1)^2 − 3(x + y)^2 splits
    over R (discriminant in x: 12 (y^2 − 1)^2, a positive constant times a square) into two
    R(1,1); (xy + 1)^2 + 2(x + y)^2 is a pair C(1,1) (discriminant −8 (y^2 − 1)^2); a dense (2,2)
    factor with a simple root of its discriminant is R(2,2): the rational ones agree with the
    rational route (absolute factorization over Q).  Over Q(√2) proper, (xy + 1)^2 ∓ √2 (x + y)^2
    = (xy + 1 − 2^(1/4)(x + y))(xy + 1 + 2^(1/4)(x + y)) (two real factors) or a conjugate pair."""
    real_pair = {(2, 2): 1, (1, 1): -4, (0, 0): 1, (2, 0): -3, (0, 2): -3}
    complex_pair = {(2, 2): 1, (1, 1): 6, (0, 0): 1, (2, 0): 2, (0, 2): 2}
    dense = {(2, 2): 1, (2, 1): 1, (1, 1): 2, (0, 2): 1, (2, 0): 1, (0, 0): -1, (1, 0): 1}
    for f, expected in ((real_pair, ((("R", 1, 1), 1), (("R", 1, 1), 1))), (complex_pair, ((("C", 1, 1), 1),)),
                        (dense, ((("R", 2, 2), 1),))):
        assert algebraic_factor_list(SQRT2, [lay(f)]) == expected
        assert canon(table("3x3,1x1").factors_of(flat(f, "3x3,1x1"))) == canon(expected)
    # (xy + 1)^2 − √2 (x + y)^2: irreducible over Q(√2), discriminant lc √2 > 0 -> two real factors
    irrational = lay({(2, 2): 1, (1, 1): (2, -2), (0, 0): 1, (2, 0): (0, -1), (0, 2): (0, -1)})
    assert algebraic_factor_list(SQRT2, [irrational]) == ((("R", 1, 1), 1), (("R", 1, 1), 1))
    negative = lay({(2, 2): 1, (1, 1): (2, 2), (0, 0): 1, (2, 0): (0, 1), (0, 2): (0, 1)})   # + √2 (x + y)^2
    assert algebraic_factor_list(SQRT2, [negative]) == ((("C", 1, 1), 1),)
    # squared over two layers of 3x3,3x3: one K-irreducible factor with exponent 2
    assert algebraic_factor_list(SQRT2, [irrational, irrational]) == ((("R", 1, 1), 2), (("R", 1, 1), 2))


def test_undecided_factor_names_its_reason():
    """A factor of degree 3 in both variables with the square Newton polygon [0,3]^2, irreducible
    over Q(√2), support gcd 3: not certified, the location stays undecided with the reason."""
    f = lay({(3, 3): 1, (0, 0): (1, 1), (3, 0): 1, (0, 3): 1, (1, 1): 1, (2, 2): 1})
    with pytest.raises(UndecidedError, match=r"bidegree \(3, 3\).*support gcd 3"):
        algebraic_factor_list(SQRT2, [f])


def test_zero_layer_and_bad_input():
    assert algebraic_factor_list(SQRT2, [lay({(0, 0): 1}), {(0, 0): {(1,): 0}}]) is None
    assert factors_boundary_member("2x2,2x2", None).on_boundary      # 0 is on the boundary when M != V(R)
    for bad in ("x", [{(0, 0, 1): {(0,): 1}}], [{(0, -1): {(0,): 1}}], [[1, 2]], 5):
        with pytest.raises(InputError, match="^layers"):
            algebraic_factor_list(SQRT2, bad)
    with pytest.raises(InputError, match="^point"):
        algebraic_factor_list("sqrt2", [lay({(0, 0): 1})])
    for bad in ("R(1,1)", [(("Q", 1, 1), 1)], [(("R", 2, 0), 1)], [(("R", 1, 1), 0)], [("R", 1)], 3):
        with pytest.raises(InputError, match="^factors"):
            factors_boundary_member("2x2,2x2", bad)


# ------------------------------------------------------------------ filters along one axis: the parity rule
@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["2x1,2x1", "3x1,2x1,2x1", "2x1,2x1,2x1", "3x1,3x1"]), st.integers(0, 10**6))
def test_filters_along_one_axis_against_the_parity_rule(arch, seed):
    """For layers along x only, M is the 1D stride-one function space (V(R) = R^k): a point is
    interior iff its real roots of odd multiplicity, the root at infinity included, number at
    least the count m of layers of odd degree (docs/theory.md#loss-location, an independent
    route).  Random layers over Q(√2) with shared roots, quadratic factors and degree drops."""
    rng = random.Random(seed)
    sizes = [k for k, _ in Architecture.parse(arch).filters]
    roots = [(rng.randint(-2, 2), rng.randint(-1, 1)) for _ in range(3)]           # a + b √2
    layers, product = [], {(0,): {(0,): 1}}
    for k in sizes:
        w = {(0,): {(0,): rng.choice([1, -2])}}
        degree = 0
        while degree < k - 1:
            r = rng.random()
            if r < 0.2 and degree + 2 <= k - 1:                                      # x^2 + 1, x^2 − 2
                w = kmul(w, {(2,): {(0,): 1}, (0,): {(0,): rng.choice([1, -2])}})
                degree += 2
            elif r < 0.35:
                degree += 1                                                          # a degree drop
            else:
                a, b = rng.choice(roots)
                w = kmul(w, {(1,): {(0,): 1}, (0,): {(0,): -a, (1,): -b}})
                degree += 1
        layers.append({(i, 0): c for (i,), c in w.items() if c})
        product = kmul(product, w)
    rho = algebraic_factor_list(SQRT2, layers)
    member = factors_boundary_member(arch, rho, table=table(arch))
    assert member.in_function_space
    total = sum(k - 1 for k in sizes)
    coeffs = [product.get((i,), {}) for i in range(total + 1)]
    odd = SQRT2.real_roots(coeffs, odd=True)
    drop = next(i for i, c in enumerate(reversed(coeffs)) if SQRT2.sign(c) != 0)
    m = sum(1 for k in sizes if (k - 1) % 2)
    assert member.on_boundary == (odd + drop % 2 < m), (layers, rho)


# ------------------------------------------------------------------ (3) end to end
def parse_factors(text: str) -> tuple:
    """``R(0,1)*R(1,0)^2`` -> ((("R", 0, 1), 1), (("R", 1, 0), 2))."""
    out = []
    for kind, i, j, e in re.findall(r"([RC])\((\d+),(\d+)\)(?:\^(\d+))?", text):
        out.append(((kind, int(i), int(j)), int(e or 1)))
    return tuple(out)


def test_real_critical_points_of_a_2d_stride_one_architecture_are_located():
    """2x1,2x1,1x2 with Q = I: every μ-critical real critical point (fields of degree 6) gets
    interior or boundary relative to V(R); the rational route at an integer filter with the same
    factor list (factors_representative, factored by FLINT) gives the same answer."""
    arch = "2x1,2x1,1x2"
    res = real_critical_points(arch, QuadraticLoss.identity(n=6, seed=0), limits=Limits(max_real_critical_solutions=1000))
    critical = [p for p in res.points if p.mu_critical]
    assert critical and "not decided at" not in res.limitations
    for p in critical:
        assert p.location.startswith(("mu critical, interior of M (relative to V(R))",
                                      "mu critical, boundary of M (relative to V(R))")), p.location
        rho = parse_factors(p.factors)
        assert rho and sum(e for _, e in rho) >= 2                # a shared factor
        rep = factors_representative(rho)
        rational = pattern_boundary_member(arch, flat(rep, arch), table=table(arch))
        assert canon(rational.factors) == canon(rho)
        assert rational.on_boundary == ("boundary of M" in p.location)


def test_2d_along_one_axis_matches_the_1d_parity_rule_at_critical_points():
    """2x1,2x1 is the 1D architecture 2,2 written in 2D: at the same loss the real critical points
    coincide, and each μ-critical one is placed alike (1D: parity rule; 2D: factor list over its
    number field and the slot search)."""
    loss = QuadraticLoss.identity([3, -1, 4])
    one = real_critical_points("2,2", loss)
    two = real_critical_points("2x1,2x1", loss)
    assert [p.loss for p in one.points] == [p.loss for p in two.points]
    assert any(p.mu_critical for p in two.points)
    for a, b in zip(one.points, two.points):
        assert a.mu_critical == b.mu_critical
        if b.mu_critical:
            assert b.location == a.location + " (relative to V(R))", (a.location, b.location)


def test_a_target_with_a_shared_factor_is_a_boundary_critical_point():
    """2x2,2x1 with Q = I and the target u = (1 + x)^2 (2 + y), the image of the layers
    (1 + x)(2 + y) and 1 + x: the loss 0 is attained at a μ-critical point, placed on the
    boundary, and an explicit sequence of V(R) \\\\ M tends to it: ((1 + x)^2 + ε^2)(2 + y) is in
    V (the absolute factors 1 + x ± iε go to different layers) and not in M (rational route)."""
    arch = "2x2,2x1"
    u = {(0, 0): 2, (0, 1): 1, (1, 0): 4, (1, 1): 2, (2, 0): 2, (2, 1): 1}
    res = real_critical_points(arch, QuadraticLoss.identity(flat(u, arch)), limits=Limits(max_real_critical_solutions=243))
    zero = [p for p in res.points if p.loss == "0"]
    assert len(zero) == 1 and zero[0].mu_critical and zero[0].field_degree == 1
    assert zero[0].location.startswith("mu critical, boundary of M (relative to V(R))")
    assert parse_factors(zero[0].factors) == ((("R", 0, 1), 1), (("R", 1, 0), 2))
    for k in (1, 10, 1000):                     # ε = 1/k, scaled by k^2: ((1 + x)^2 k^2 + 1)(2 + y)
        p_eps = pmul({(2, 0): k * k, (1, 0): 2 * k * k, (0, 0): k * k + 1}, {(0, 1): 1, (0, 0): 2})
        member = pattern_boundary_member(arch, flat(p_eps, arch), table=table(arch))
        assert not member.in_function_space and pattern_in_v(arch, member.factors)
    for p in res.points:
        if p.mu_critical:
            rational = pattern_boundary_member(arch, flat(factors_representative(parse_factors(p.factors)), arch))
            assert rational.on_boundary == ("boundary of M" in p.location)
