"""Inequalities, boundary and Zariski closedness: compared with contains() and with docs/theory.md#stride-one."""

from __future__ import annotations

import random
from fractions import Fraction

import flint
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from lcnalg import Architecture, FunctionSpace
from lcnalg.polys.univariate import real_root_count
from lcnalg.real.boundary import boundary
from lcnalg.real.closedness import is_zariski_closed
from lcnalg.real.inequalities import inequalities
from lcnalg.real.membership import contains

STRIDE_ONE = ["2,2", "2,2,2", "3,3", "2,3", "3,2", "2,2,2,2", "4,2", "2,2,3", "3,3,3", "4,4", "2,4,2"]


def test_everything_iff_at_most_one_even_size():
    """docs/theory.md#stride-one: stride one, M = R^k iff at most one filter size is even."""
    for sizes in [(2,), (3,), (2, 2), (2, 3), (3, 3), (2, 2, 2), (2, 2, 3), (3, 4, 5), (4, 4, 3), (2, 3, 4, 5),
                  (5, 5), (2, 5, 5)]:
        arch = ",".join(map(str, sizes))
        evens = sum(1 for k in sizes if k % 2 == 0)
        assert inequalities(arch).everything is (evens <= 1), arch
        assert boundary(arch).everything is (evens <= 1)
        assert is_zariski_closed(arch).closed is (evens <= 1)


@pytest.mark.parametrize("arch", STRIDE_ONE)
def test_inequalities_agree_with_contains_on_random_filters(arch):
    ineq = inequalities(arch)
    size = Architecture.parse(arch).ambient_dimension
    rng = random.Random(hash(arch) % 1000)
    for _ in range(300):
        c = [rng.randint(-6, 6) for _ in range(size)]
        if rng.random() < 0.3:                      # roots at infinity
            c[-1] = 0
            if rng.random() < 0.5:
                c[-2] = 0
        assert ineq.holds_at(c) == contains(arch, c).contained, (arch, c)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(STRIDE_ONE), st.lists(st.sampled_from([[1, 0, 1], [-1, 1], [1, 1], [0, 1], [2, 0, 1],
                                                              [-2, 0, 1], [1, 2, 1]]), max_size=5), st.data())
def test_degenerate_filters(arch, factors, data):
    """Repeated roots, roots at 0 and at infinity: description, contains and boundary agree."""
    size = Architecture.parse(arch).ambient_dimension
    p = flint.fmpz_poly([data.draw(st.sampled_from([1, -3]))])
    for f in factors:
        if p.degree() + len(f) - 1 <= size - 1:
            p *= flint.fmpz_poly(f)
    c = [int(x) for x in p.coeffs()] + [0] * (size - 1 - p.degree())
    ineq, bd = inequalities(arch), boundary(arch)
    inside = contains(arch, c).contained
    assert ineq.holds_at(c) == inside
    if bd.is_boundary_point(c):
        assert inside
        # a boundary point has a repeated root (or is 0): the homogeneous discriminant vanishes
        assert bd.everything or flint.fmpz_poly(c).degree() < size - 2 or flint.fmpz_poly(c).discriminant() == 0


def test_generic_sign_rule_matches_sturm():
    """On the generic chart the count is d − 2 Var(s_d..s_0) (symbolic s_j evaluated)."""
    rng = random.Random(3)
    for d in range(1, 6):
        ineq = inequalities(",".join(["2"] * d))
        import sympy

        exprs = [sympy.sympify(s) for s in ineq.sturm_habicht]
        syms = sympy.symbols(f"c0:{d + 1}")
        for _ in range(25):
            c = [rng.randint(-5, 5) for _ in range(d)] + [rng.choice([-2, -1, 1, 3])]
            point = dict(zip(syms, map(sympy.Integer, c)))     # every symbol a number: xreplace evaluates as subs
            vals = [e.xreplace(point) for e in exprs]
            if any(v == 0 for v in vals):
                continue
            var = sum(1 for a, b in zip(vals, vals[1:]) if (a > 0) != (b > 0))
            assert d - 2 * var == real_root_count(flint.fmpz_poly(c))


def test_not_closed_thin_boundary_is_m():
    """The Euclidean boundary of a thin, closed M is M itself: images of random layers are
    boundary points, the closedness witness (in V(R) but not in M) and a point off V are not;
    the boundary relative to V(R) is derived in 1D (root orbits) and in 2D stride one (factorization
    patterns), and reported not derived in 2D with a strided layer."""
    rng = random.Random(3)
    for arch in ["4,4,4 s=2,2", "2x2,2x2", "3x3,2x2", "2,3,2 s=2,2"]:
        one_d = "x" not in arch
        # the implicit equations of V are not asserted here (tests/algebra checks them)
        r = inequalities(arch, equations=False)
        assert r.closed is False and r.decided
        assert r.family == ("root orbits" if one_d else "2D factorization patterns")
        b = boundary(arch, equations=False)
        assert b.decided and b.thin and b.closed is False
        assert b.relative_family == ("root orbits" if one_d else "2D factorization patterns")
        assert not b.relative.startswith("not derived")
        fs = FunctionSpace(arch)
        assert fs.dimension.value < fs.ambient_dimension
        mu = fs.parameterization
        image = list(mu.evaluate([rng.randint(-3, 3) for _ in range(mu.num_parameters)]))
        assert b.is_boundary_point(image)
        witness = is_zariski_closed(arch).witness
        if witness is not None:
            assert not b.is_boundary_point(list(witness))
        image[0] += 1
        assert b.is_boundary_point(image) is contains(arch, image).contained


EMBEDDED = [("1,2,2 s=2,1", "2,2"), ("2x1,2x1", "2,2"), ("1x2,1x3,1x2", "2,3,2"), ("2,1,2,2 s=1,2,1", "2,2,2 s=2,1"),
            ("1,3,3 s=2,2", "3,3 s=2"), ("1x1,2x1,3x1 s=2x3,1x1", "2,3"), ("1,2,2,2 s=3,1,2", "2,2,2 s=1,2"),
            ("1x2,1x1,1x2 s=1x2,1x1", "2,2 s=2"), ("1,2,2 s=3,2", "2,2 s=2")]


@pytest.mark.parametrize("outer, inner", EMBEDDED)
def test_coordinate_copies(outer, inner):
    """Architectures with single-entry layers, or 2D along one axis, are coordinate copies of a
    smaller model; the model is found, and the carried-back description and boundary agree with
    contains() on the outer architecture (images, images moved off, points of the model's
    description moved into a vanishing coordinate)."""
    from lcnalg.real.embedding import coordinate_embedding

    a = Architecture.parse(outer)
    emb = coordinate_embedding(a)
    assert str(emb.inner) == inner
    assert FunctionSpace(outer).dimension.value == FunctionSpace(inner).dimension.value
    r, b = inequalities(outer, equations=False), boundary(outer, equations=False)
    assert r.embedded_architecture == inner and b.embedded_architecture == inner
    assert r.closed is is_zariski_closed(outer).closed          # decided on the outer architecture
    assert b.decided
    if emb.proper:
        assert b.thin and not b.everything
    rng = random.Random(11)
    mu = FunctionSpace(outer).parameterization
    for trial in range(12):
        c = list(mu.evaluate([rng.randint(-3, 3) for _ in range(mu.num_parameters)]))
        if trial % 3 == 1:
            c[rng.randrange(len(c))] += 1
        elif trial % 3 == 2 and emb.proper:
            c[next(i for i in range(len(c)) if i not in emb.positions)] = 1
        inside = contains(outer, c).contained
        if r.decided:
            assert r.holds_at(c) is inside, (outer, c)
        if emb.proper:
            assert b.is_boundary_point(c) is inside
    if r.decided and r.closed and not r.everything:
        # the carried-back equations (renamed, plus the vanishing coordinates) generate the ideal
        # computed directly for the outer architecture
        eq = inequalities(outer)
        assert eq.equations_status == "certified"
        assert set(eq.equations) == set(FunctionSpace(outer).implicit_equations().equations)
    if r.decided and r.sturm_habicht:
        names = set(FunctionSpace(outer).parameterization.coordinate_names)
        import re

        assert set(re.findall(r"c\d+(?:_\d+)*", " ".join(r.sturm_habicht))) <= names


CLOSED = ["2,2 s=2", "3,3 s=2", "2,2,2 s=2,2", "3,3,3 s=2,1", "2,3,3 s=2,2", "1x2,2x1,1x3", "1x3,2x2", "2x2,2x1 s=2x2",
          "2x2,3x1 s=1x2", "1x3,1x3 s=1x2", "3x2,1x3"]
_DESCRIPTIONS: dict = {}


def _described(arch):
    if arch not in _DESCRIPTIONS:
        _DESCRIPTIONS[arch] = (inequalities(arch), boundary(arch))
    return _DESCRIPTIONS[arch]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CLOSED), st.integers(0, 2**32), st.sampled_from(["image", "moved", "random"]))
def test_closed_descriptions_agree_with_contains(arch, seed, kind):
    """Where M = V(R) is proved, the description is 'the implicit equations vanish' (no
    inequality): evaluating them must agree with contains() (root orbits / absolute
    factorization) on images of random weights, on images moved off V, and on random filters;
    the boundary of a thin closed M is M itself."""
    ineq, bd = _described(arch)
    assert ineq.decided and ineq.closed and ineq.equations_status == "certified"
    fs = FunctionSpace(arch)
    assert ineq.everything is False and len(ineq.equations) > 0 and fs.dimension.value < fs.ambient_dimension
    rng = random.Random(seed)
    mu = fs.parameterization
    c = list(mu.evaluate([rng.randint(-3, 3) for _ in range(mu.num_parameters)]))
    if kind == "moved":
        c[rng.randrange(len(c))] += rng.choice([-1, 1])
    elif kind == "random":
        c = [rng.randint(-2, 2) for _ in c]
    inside = contains(arch, c).contained
    assert ineq.holds_at(c) is inside, (arch, c)
    assert bd.is_boundary_point(c) is inside
    if kind == "image":
        assert inside
    scaled = [Fraction(x, 3) for x in c]                  # rational filters: denominators cleared
    assert ineq.holds_at(scaled) is inside


def test_closed_description_outputs():
    r = inequalities("1x3,2x2")
    assert r.closed and "no inequality" in r.description and len(r.equations) == 5
    assert r"\begin{align*}" in r.to_latex() and "f_{5}" in r.to_latex()
    data = r.to_dict()
    assert data["equations"] and "polynomials" not in data and data["equations_status"] == "certified"
    r = inequalities("2,2 s=2", equations=False)
    assert r.closed and r.equations == () and r.equations_status == "not computed"
    assert r.holds_at([1, 2, 3, 6]) and not r.holds_at([1, 2, 3, 5])    # decided by contains()
    r = inequalities("2,2,2 s=2,2", max_degree=1)         # closed (Segre); ideal only up to degree 1
    assert r.closed and r.equations_status == "complete up to degree 1" and "certified" in r.limitations
    b = boundary("2x1,1x2 s=2x1")
    assert b.closed and "∂M = M" in b.description


def test_results_render():
    for res in [inequalities("2,2"), inequalities("3,2"), inequalities("3,2 s=2"), boundary("2,2,2"),
                boundary("3,2"), boundary("2,2 s=2"), is_zariski_closed("3,2 s=2"), is_zariski_closed("2x2,2x2")]:
        assert res.to_text() and res.to_latex() and res.to_json()


LAST_STRIDED = ["3,2 s=2", "4,2 s=3", "2,2,2 s=1,2", "3,2,2 s=1,2", "2,3,2 s=1,3", "2,2,2,3 s=1,1,2", "4,4 s=2",
                "3,3 s=2", "5,3 s=2", "2,4 s=2", "3,2 s=4"]


def _point_from_roots(arch: str, rng: random.Random) -> list[int]:
    """A real point of V (often outside M): q(z^s) from Gaussian-integer, real and infinite roots,
    the conjugates of non-real ones put into the stride-one part when they fit."""
    import sympy

    z = sympy.symbols("z")
    a = Architecture.parse(arch)
    n, s = a.filters[-1][0] - 1, a.strides[-2][0]
    budget = sum(f[0] - 1 for f in a.filters[:-1])
    q, rest = sympy.Integer(1), sympy.Integer(1)
    for _ in range(n):
        r = rng.choice([rng.randint(-1, 1) + sympy.I * rng.randint(1, 2), rng.randint(-2, 2), None])
        if r is None:
            continue                                      # a root at infinity
        q *= z ** s - r
        if sympy.im(r) != 0:
            if budget >= s:
                rest *= z ** s - sympy.conjugate(r)
                budget -= s
            else:
                q *= z ** s - sympy.conjugate(r)          # may overflow: then retried by the caller
    while budget > 0:
        if budget >= 2 and rng.random() < 0.5:
            rest *= (z - rng.randint(-1, 1)) ** 2 + rng.randint(1, 2) ** 2
            budget -= 2
        else:
            rest *= 1 if rng.random() < 0.2 else z - rng.randint(-2, 2)
            budget -= 1
    coeffs = sympy.Poly(sympy.expand(q * rest), z).all_coeffs()[::-1]
    D = a.end_to_end_filter_shape[0] - 1
    if len(coeffs) > D + 1 or any(sympy.im(c) != 0 for c in coeffs):
        return []
    return [int(c) for c in coeffs] + [0] * (D + 1 - len(coeffs))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(LAST_STRIDED), st.integers(0, 2**32), st.sampled_from(["roots", "random", "image"]))
def test_polyphase_description_agrees_with_contains(arch, seed, kind):
    """1D with only the last stride > 1: the polyphase-gcd description (gcd of the polyphase
    components, sign-split real-root counts) against contains() (root-orbit search on P's
    roots), on real points of V built from complex roots (inside and outside M), random filters
    and images; its V-test against the certified implicit equations."""
    rng = random.Random(seed)
    a = Architecture.parse(arch)
    if kind == "roots":
        c = _point_from_roots(arch, rng)
        if not c:
            return
    elif kind == "random":
        c = [rng.randint(-2, 2) for _ in range(a.ambient_dimension)]
    else:
        mu = FunctionSpace(arch).parameterization
        c = list(mu.evaluate([rng.randint(-2, 2) for _ in range(mu.num_parameters)]))
    from lcnalg.real.polyphase import polyphase_member

    in_m, in_v, reason = polyphase_member(a, c)
    assert in_m == contains(arch, c).contained, (arch, c, reason)
    if kind != "random":
        assert in_v or kind == "roots" and not in_v
    if arch in ("3,2 s=2", "2,2,2 s=1,2", "4,2 s=3", "3,3 s=2"):
        eq = _equations(arch)
        assert in_v == all(p(*c) == 0 for p in eq), (arch, c, reason)
    r = _described_ineq(arch)
    assert r.holds_at(c) == in_m


_EQS: dict = {}


def _equations(arch):
    if arch not in _EQS:
        e = FunctionSpace(arch).implicit_equations()
        assert e.certified
        _EQS[arch] = e.polynomials
    return _EQS[arch]


_WITHOUT_EQUATIONS: dict = {}


def _described_ineq(arch):
    if arch not in _WITHOUT_EQUATIONS:
        _WITHOUT_EQUATIONS[arch] = inequalities(arch, equations=False)
    return _WITHOUT_EQUATIONS[arch]


def test_polyphase_family_outputs():
    r = inequalities("3,2 s=2")
    assert r.decided and r.family == "last layer strided" and r.closed is False
    assert "gcd" in r.to_text() and r.to_latex() and r.to_dict()["family"] == "last layer strided"
    b = boundary("3,2 s=2")                            # thin and not closed: ∂M = M
    assert b.decided and b.thin and b.relative_family == "root orbits"
    assert b.is_boundary_point([4, 8, 17, 10, 15]) and not b.is_boundary_point([1, 0, 0, 0, 1])


CONTENTS_2D = ["2x2,2x1", "1x2,1x2,2x1,2x1", "2x1,1x2,2x2,2x1", "3x1,2x2 s=2x1", "1x2,3x3,1x2", "1x2,2x2",
               "3x3,2x1,2x1 s=2x2,2x2", "2x1,2x2 s=1x2", "3x3,1x2 s=2x1"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CONTENTS_2D), st.integers(0, 2**32), st.sampled_from(["complex", "image", "random"]))
def test_contents_description_agrees_with_2d_contains(arch, seed, kind):
    """2D with at most one layer along both axes, not closed: the description by contents and
    primitive part (univariate gcds over Q + 1D membership of the contents) against contains()
    (factorization over R and grouping into the layers' shapes), on real points of V from
    complex layers q, conj(q), on images and on random filters."""
    import math

    import sympy

    a = Architecture.parse(arch)
    r = _described_ineq(arch)
    assert r.decided and r.family == "2D contents" and r.closed is False
    rng = random.Random(seed)
    nx, ny = a.end_to_end_filter_shape
    if kind == "random":
        filt = [rng.randint(-2, 2) for _ in range(nx * ny)]
    elif kind == "image":
        mu = FunctionSpace(arch).parameterization
        filt = list(mu.evaluate([rng.randint(-2, 2) for _ in range(mu.num_parameters)]))
    else:
        x, y = sympy.symbols("x y", real=True)
        boxes = [(f[0] - 1, f[1] - 1) for f in a.filters]
        cum = a.cumulative_strides
        l, l2 = rng.sample(range(len(boxes)), 2)
        A = math.lcm(cum[l][0], cum[l2][0])
        B = math.lcm(cum[l][1], cum[l2][1])
        dx = min(boxes[l][0] * cum[l][0], boxes[l2][0] * cum[l2][0]) // A
        dy = min(boxes[l][1] * cum[l][1], boxes[l2][1] * cum[l2][1]) // B
        q = sum((rng.randint(-2, 2) + sympy.I * rng.randint(-2, 2)) * x ** (A * i) * y ** (B * j)
                for i in range(dx + 1) for j in range(dy + 1))
        layers = [sympy.Integer(1)] * len(boxes)
        layers[l], layers[l2] = q, sympy.conjugate(q)
        for k, (b1, b2) in enumerate(boxes):
            if k not in (l, l2):
                layers[k] = sum(rng.randint(-2, 2) * x ** (i * cum[k][0]) * y ** (j * cum[k][1])
                                for i in range(b1 + 1) for j in range(b2 + 1))
        p = sympy.Poly(sympy.expand(sympy.prod(layers)), x, y)
        filt = [0] * (nx * ny)
        for (i, j), c in p.as_dict().items():
            filt[i * ny + j] = int(c)
    from lcnalg.real.membership import parse_filter
    from lcnalg.real.planar import contains_2d

    inside = contains_2d(a, parse_filter(filt, a), route="factorization").answer
    assert r.holds_at(filt) is inside, (arch, filt)
    assert contains(arch, filt).contained is inside
    if kind == "image":
        assert inside


def test_given_inputs_are_used_and_the_seed_reaches_every_random_choice(monkeypatch):
    """inequalities()/boundary() take dimension=, equations=, closedness= from the caller
    instead of recomputing them, and hand seed= to the dimension and the equations."""
    import sys

    import lcnalg.real.description as dmod
    from lcnalg import Parameterization
    from lcnalg.algebra.implicitization import implicit_equations

    arch = "2,2 s=2"
    eq = implicit_equations(Parameterization(Architecture.parse(arch)))
    closed = is_zariski_closed(arch)

    def recomputed(*args, **kwargs):
        raise AssertionError("recomputed an input the caller gave")

    with monkeypatch.context() as m:
        for name in ("implicit_equations", "function_space_dimension", "is_zariski_closed"):
            m.setattr(dmod, name, recomputed)
        r = inequalities(arch, dimension=3, equations=eq, closedness=closed)
        assert r.closed and r.equations == eq.equations and r.equations_status == "certified"
        b = boundary(arch, dimension=3, equations=eq, closedness=closed)
        assert b.closed and b.equations == eq.equations
    bmod = sys.modules["lcnalg.real.boundary"]      # the package attribute is the function boundary()
    seeds = []
    real_dim, real_eq = dmod.function_space_dimension, dmod.implicit_equations
    monkeypatch.setattr(dmod, "function_space_dimension", lambda mu, seed=0: seeds.append(("dim", seed))
                        or real_dim(mu, seed=seed))
    monkeypatch.setattr(bmod, "function_space_dimension", lambda mu, seed=0: seeds.append(("dim", seed))
                        or real_dim(mu, seed=seed))
    monkeypatch.setattr(dmod, "implicit_equations", lambda mu, **kw: seeds.append(("eq", kw["seed"]))
                        or real_eq(mu, **kw))
    inequalities(arch, seed=7)
    boundary("3,2 s=2", seed=7, equations=False)        # not closed: the thin-boundary dimension
    assert seeds and all(s == 7 for _, s in seeds) and {k for k, _ in seeds} == {"dim", "eq"}
