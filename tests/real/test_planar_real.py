"""2D membership through the absolute factorization: checked against filters built from
known complex / real-irrational / rational layer factors and an independent numerical
regrouping (no absolute factorization), and against the 1D decision for 1D-like 2D filters."""

from __future__ import annotations

import itertools
from fractions import Fraction

import flint
import pytest
import sympy
from hypothesis import HealthCheck, assume, event, given, settings, strategies as st

from lcnalg import Architecture
from lcnalg.errors import ResourceLimitError
from lcnalg.real.membership import ContainmentResult, contains, parse_filter
from lcnalg.real.planar import contains_2d

X, Y = sympy.symbols("x y", real=True)
SQ2 = sympy.sqrt(2)

# box (n1, n2) of each layer, stride one
STRIDE_ONE = {"2x2,2x2": [(1, 1), (1, 1)], "3x3,2x2": [(2, 2), (1, 1)], "2x3,3x2": [(1, 2), (2, 1)],
              "2x2,2x2,2x2": [(1, 1), (1, 1), (1, 1)], "2x2,2x1": [(1, 1), (1, 0)]}


def factorization_route(a, filt) -> ContainmentResult:
    """contains() through the factorization over Q and R only (no contents shortcut), the
    route independent of :func:`lcnalg.real.contents.contains_by_contents`."""
    a = Architecture.parse(a) if isinstance(a, str) else a
    values = parse_filter(filt, a)
    res = contains_2d(a, values, route="factorization")
    return ContainmentResult.from_decision(a, values, res)


def _atom(draw, kind):
    """A bidegree <= (1, 1) polynomial a + b x + c y + d xy, absolutely irreducible."""
    unit = {"rational": 0, "complex": sympy.I, "irrational": SQ2}[kind]
    co = [draw(st.integers(-2, 2)) + (draw(st.integers(-2, 2)) * unit if kind != "rational" else 0)
          for _ in range(4)]
    a, b, c, d = co
    assume(any(sympy.simplify(v) != 0 for v in (b, c, d)))
    assume(sympy.expand(a * d - b * c) != 0 or d == 0)
    return a + b * X + c * Y + d * X * Y


def _conj(u, kind):
    if kind == "complex":
        return sympy.conjugate(u)
    if kind == "irrational":
        return u.subs(SQ2, -SQ2)
    return u


def _numeric_key(u):
    """Coefficients normalized by the first non-zero one (complex numbers)."""
    poly = sympy.Poly(sympy.expand(u), X, Y)
    co = {m: complex(sympy.N(c, 30)) for m, c in poly.as_dict().items()}
    lead = co[max(co)]
    return {m: c / lead for m, c in co.items() if abs(c) > 1e-12}


def _same(k1, k2):
    return set(k1) == set(k2) and all(abs(k1[m] - k2[m]) < 1e-9 for m in k1)


def _bideg(key):
    return max(m[0] for m in key), max(m[1] for m in key)


def _regroup_exists(keys, boxes):
    """Brute force: atoms to layers, each layer conjugation-closed (numerically) and in its box."""
    for assign in itertools.product(range(len(boxes)), repeat=len(keys)):
        ok = True
        for l, (n1, n2) in enumerate(boxes):
            mine = [keys[i] for i in range(len(keys)) if assign[i] == l]
            dx = sum(_bideg(k)[0] for k in mine)
            dy = sum(_bideg(k)[1] for k in mine)
            if dx > n1 or dy > n2:
                ok = False
                break
            rest = list(mine)
            for k in mine:
                ck = {m: c.conjugate() for m, c in k.items()}
                j = next((j for j, r in enumerate(rest) if _same(r, ck)), None)
                if j is None:
                    ok = False
                    break
                rest.pop(j)
            if not ok:
                break
        if ok:
            return True
    return False


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.sampled_from(sorted(STRIDE_ONE)), st.data())
def test_constructed_filters_against_regrouping(arch, data):
    boxes = STRIDE_ONE[arch]
    a = Architecture.parse(arch)
    cap = [list(b) for b in boxes]
    atoms = []
    placed = [sympy.Integer(1)] * len(boxes)

    def place(u):
        key = _numeric_key(u)
        dx, dy = _bideg(key)
        free = [l for l in range(len(boxes)) if cap[l][0] >= dx and cap[l][1] >= dy]
        if not free:
            return False
        l = data.draw(st.sampled_from(free))
        cap[l][0] -= dx
        cap[l][1] -= dy
        placed[l] *= u
        atoms.append(key)
        return True

    for _ in range(data.draw(st.integers(1, 3))):
        kind = data.draw(st.sampled_from(["complex", "complex", "irrational", "rational"]))
        u = _atom(data.draw, kind)
        snapshot = ([list(c) for c in cap], list(placed), len(atoms))
        if not place(u) or (kind != "rational" and not place(_conj(u, kind))):
            cap[:] = snapshot[0]
            placed[:] = snapshot[1]
            del atoms[snapshot[2]:]
    assume(atoms)
    p = sympy.Poly(sympy.expand(sympy.prod(placed)), X, Y)
    nx, ny = a.end_to_end_filter_shape
    filt = [0] * (nx * ny)
    for (i, j), c in p.as_dict().items():
        assert c.is_rational, c
        filt[i * ny + j] = int(c) if c.is_integer else Fraction(int(c.p), int(c.q))
    expected = _regroup_exists(atoms, boxes)
    for res in (contains(a, filt), factorization_route(a, filt)):
        assert res.decided and res.certified
        event(f"contained={res.contained}, absolute route={'absolute' in res.method}")
        assert res.contained is expected, (arch, filt, res.to_text())
        if res.contained:
            check_2d_witness(a, filt, res)


def check_2d_witness(a, filt, res):
    nx, ny = a.end_to_end_filter_shape
    prod = {(0, 0): flint.arb(1)}
    with flint.ctx.workprec(200):
        for w, (n1, n2), (sa, sb) in zip(res.witness, a.filters, a.cumulative_strides):
            vals = [flint.arb(x) if x.startswith("[") else flint.arb(flint.fmpq(*Fraction(x).as_integer_ratio()))
                    for x in w]
            nxt = {}
            for (i, j), c in prod.items():
                for r in range(n1):
                    for s in range(n2):
                        m = (i + sa * r, j + sb * s)
                        nxt[m] = nxt.get(m, flint.arb(0)) + c * vals[r * n2 + s]
            prod = nxt
        for i in range(nx):
            for j in range(ny):
                v = Fraction(filt[i * ny + j])
                assert prod.get((i, j), flint.arb(0)).contains(flint.arb(flint.fmpq(v.numerator, v.denominator)))


ONE_D = [("3x1,2x1 s=2x1", "3,2 s=2"), ("1x3,1x2 s=1x2", "3,2 s=2"), ("2x1,3x1 s=2x1", "2,3 s=2"),
         ("2x1,2x1,2x1 s=2x1,2x1", "2,2,2 s=2,2"), ("3x1,3x1 s=2x1", "3,3 s=2"), ("2x1,2x1 s=3x1", "2,2 s=3")]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ONE_D), st.data())
def test_one_dimensional_filters_agree_with_1d(pair, data):
    """Filters in one variable: the 2D route (absolute factorization, Liouville zero tests)
    and the 1D route (root orbits) decide the same; products of random real layers with
    roots like ±2^{1/4} included."""
    arch2, arch1 = pair
    a1 = Architecture.parse(arch1)
    n = a1.ambient_dimension
    mode = data.draw(st.sampled_from(["random", "binomial", "two binomials"]))
    if mode == "random":
        filt = data.draw(st.lists(st.integers(-3, 3), min_size=n, max_size=n))
    elif mode == "two binomials":
        # (x^{t1} - c1)(x^{t2} - c2): Q-irreducible binomials that may have to be split
        t1 = data.draw(st.integers(1, n - 2))
        t2 = data.draw(st.integers(1, n - 1 - t1))
        c1, c2 = (data.draw(st.sampled_from([-3, -2, 2, 3])) for _ in range(2))
        filt = [0] * n
        for e, c in ((0, c1 * c2), (t1, -c2), (t2, -c1)):
            filt[e] += c
        filt[t1 + t2] += 1
    else:
        # x^{2t} - c type filters times small real factors
        filt = [0] * n
        t = data.draw(st.sampled_from([2, 4]))
        t = min(t, n - 1)
        filt[0] = data.draw(st.sampled_from([-3, -2, 2, 3]))
        filt[t] = 1
        if t + 1 < n and data.draw(st.booleans()):
            r = data.draw(st.integers(-2, 2))
            filt = [(-r * filt[i] if i < len(filt) else 0) + (filt[i - 1] if i > 0 else 0) for i in range(n)]
    a2 = Architecture.parse(arch2)
    r1 = contains(a1, filt)
    for r2 in (factorization_route(a2, filt), contains(a2, filt)):
        event(f"contained={r2.contained}, absolute route={'absolute' in r2.method}")
        assert r2.decided and r1.contained is r2.contained, (arch2, filt, r2.to_text())
        if r2.contained:
            check_2d_witness(a2, filt, r2)


def test_examples_from_the_issue():
    r = contains("2x2,2x2", "1,0,1;0,4,0;1,0,1")       # (xy+1)^2 + (x+y)^2 = q conj(q)
    assert r.decided and r.contained is False and "irreducible factors over R" in r.reason
    r = contains("2x2,2x2", "1,0,1;0,0,0;1,0,1")       # (x^2+1)(y^2+1)
    assert r.decided and r.contained is False
    r = contains("2x2,2x2", "1,0,-2;0,0,0;0,0,0")      # 1 - 2y^2 = (1 - √2 y)(1 + √2 y)
    assert r.contained is True and not r.witness_exact
    check_2d_witness(Architecture.parse("2x2,2x2"), [1, 0, -2, 0, 0, 0, 0, 0, 0], r)


def test_resource_limit_is_raised_up_front():
    # a norm of a bidegree (2, 2) polynomial over a degree 4 field, with a tiny bound
    with pytest.raises(ResourceLimitError, match="absolute factorization"):
        contains("2x2,2x2", "1,0,1;0,4,0;1,0,1", max_field_work=5)


def test_strided_2d_with_irrational_layers():
    # 1 - 2y^4 = (1 - √2 y^2)(1 + √2 y^2) for 1x3,1x3 s=1x2 (layer 2 uses y^2)
    a = Architecture.parse("1x3,1x3 s=1x2")
    filt = [1, 0, 0, 0, -2, 0, 0]
    for route in (contains, factorization_route):
        r = route(a, filt)
        assert r.contained is True and r.decided
        check_2d_witness(a, filt, r)
        assert route("1x3,1x3 s=1x2", [1, 0, 0, 0, 2, 0, 0]).contained is True   # 1 + 2y^4, roots pair up
        assert route("2x2,2x2 s=2x2", "1,0,-2,0;0,0,0,0;0,0,0,0;0,0,0,0").contained is True


@pytest.mark.parametrize("arch2, arch1, expr", [
    ("3x1,3x1 s=2x1", "3,3 s=2", (X**4 - 2) * (X**2 - 3)),        # w2 = (X - √2)(X - 3), w1 = x^2 + √2
    ("3x1,3x1 s=2x1", "3,3 s=2", (X**4 + 2) * (X**2 - 3)),        # x^4 + 2 has no real orbit split
    ("2x1,2x1,2x1 s=2x1,2x1", "2,2,2 s=2,2", (X**4 - 2) * (X**3 + X**2 - X - 1 + 0)),
    ("1x3,1x3 s=1x2", "3,3 s=2", (Y**4 - 3) * (Y**2 + 1)),
    ("3x1,2x1 s=3x1", "3,2 s=3", (X**3 - 2) * (X**2 - 2)),
    ("3x1,2x1 s=3x1", "3,2 s=3", (X**3 - 2) * (X**2 + 1)),
])
def test_split_binomials_agree_with_1d(arch2, arch1, expr):
    a1, a2 = Architecture.parse(arch1), Architecture.parse(arch2)
    poly = sympy.Poly(sympy.expand(expr), X if "x" in str(expr) else Y)
    filt = [0] * a1.ambient_dimension
    for (e,), c in poly.as_dict().items():
        filt[e] = int(c)
    r1 = contains(a1, filt)
    for r2 in (factorization_route(a2, filt), contains(a2, filt)):
        assert r2.decided and r2.contained is r1.contained, r2.to_text()
        if r2.contained:
            check_2d_witness(a2, filt, r2)
