"""Membership through the real points of the fibre (lcnalg.groups.fibre_membership), each verdict
against an independent route: real preimages multiplied back exactly (or in ball arithmetic), the
ordinary decision for cyclic groups without wrap-around, the cyclic subgroup of a window {e, g}
(the cyclic decisions), the exact pencil of lifts for cyclic groups with wrap-around, and the
complex fibre point a 'not contained' answer must have (the counts see it, none real)."""

from __future__ import annotations

import json
from fractions import Fraction

import flint
import pytest
from hypothesis import assume, given, settings, strategies as st

from lcnalg import InputError, Limits, ResourceLimitError
from lcnalg.cli import main
from lcnalg.groups import GroupConvParameterization, decide_lift, group_algebra_product, group_conv_contains
from lcnalg.groups.fibre_membership import chart_work, fibre_membership, has_real_point, lagrange_points
from lcnalg.real.membership import contains

SETTINGS = settings(max_examples=12, deadline=None)

#: Architectures whose generic fibre is finite modulo the rescalings (dim M = N - (L - 1)).
FINITE = ["S3: 3,2", "S3: 3,3", "D4: 2,3", "C3xC2: 2,2", "A4: 2,2", "A4: 3,2", "D4: 3,3", "S3: 2,3,2",
          "C6: 3,3 s=2", "C6: 4,2 s=3", "C8: 4,4 s=2"]


def _ball(x: str):
    if x.startswith("["):
        return flint.arb(x.strip("[]"))
    q = Fraction(x)
    return flint.arb(q.numerator) / q.denominator


def multiplies_back(mu: GroupConvParameterization, layers, f, exact: bool) -> bool:
    """The product w_L ... w_1 of the witness layers is f: exactly (mu.evaluate), or its balls
    (multiplied over the multiplication table by hand) contain f."""
    if exact:
        return tuple(Fraction(v) for v in mu.evaluate([x for layer in layers for x in layer])) == tuple(
            Fraction(v) for v in f)
    n = mu.architecture.order
    current = None
    for layer, positions in zip(layers, mu.architecture.positions):
        w = [flint.arb(0)] * n
        for g, x in zip(positions, layer):
            w[g] = _ball(x)
        if current is None:
            current = w
            continue
        out = [flint.arb(0)] * n
        for a in range(n):
            for b in range(n):
                out[mu.table[a][b]] += w[a] * current[b]
        current = out
    return all(c.contains(_ball(str(Fraction(v)))) for c, v in zip(current, f))


# ------------------------------------------------------------------ real preimages
@SETTINGS
@given(spec=st.sampled_from(FINITE), data=st.data())
def test_real_preimages_are_contained_and_the_witness_multiplies_back(spec, data):
    mu = GroupConvParameterization(spec)
    w = data.draw(st.lists(st.integers(-4, 4), min_size=mu.num_parameters, max_size=mu.num_parameters))
    f = mu.evaluate(w)
    assume(any(f))
    d = fibre_membership(mu, f)
    assert d.contained is not False                    # a real preimage exists
    if d.contained:
        assert multiplies_back(mu, d.witness, f, d.witness_exact)
        assert d.charts[-1].real >= 1 and all(not c.real for c in d.charts[:-1])
    else:
        assert d.positive_dimensional                  # undecided only through a positive-dimensional chart
    r = group_conv_contains(mu, f)
    assert r.contained is not False
    if r.contained:
        assert multiplies_back(mu, r.witness, f, r.witness_exact)


def test_an_irrational_witness_is_given_as_certified_balls():
    mu = GroupConvParameterization("C3xC2: 2,2")       # window {e, g}, g of order 3: (a + b g)(c + d g)
    g2 = mu.table[1][1]
    f = [0] * 6
    f[0], f[g2] = -2, 1                                # g^2 - 2 = (g - sqrt 2)(g + sqrt 2)
    d = fibre_membership(mu, f)
    assert d.contained is True and not d.witness_exact and d.minimal_polynomial
    assert multiplies_back(mu, d.witness, f, False)
    r = group_conv_contains(mu, f)
    assert r.contained is True and r.data["fibre"]["method"] == "fibre"
    assert multiplies_back(mu, r.witness, f, r.witness_exact)


# ------------------------------------------------------------------ cyclic without wrap-around
@SETTINGS
@given(spec=st.sampled_from(["C5: 2,2", "C6: 3,2", "C7: 2,2,2", "C6: 2,3", "C8: 3,2 s=2", "C7: 3,3"]),
       data=st.data())
def test_cyclic_without_wrap_agrees_with_the_ordinary_decision(spec, data):
    mu = GroupConvParameterization(spec)
    arch = mu.architecture
    K, n = arch.degree, arch.order
    head = data.draw(st.lists(st.integers(-4, 4), min_size=K + 1, max_size=K + 1))
    assume(any(head))
    f = head + [0] * (n - K - 1)
    d = fibre_membership(mu, f)
    expected = contains(arch.lcn_text, head).contained
    assert d.contained is expected
    if expected:
        assert multiplies_back(mu, d.witness, f, d.witness_exact)


# ------------------------------------------------------------------ conjugate layers in a window {e, g}
def _powers(mu: GroupConvParameterization) -> list[int]:
    """The indices of 1, g, g^2, ... for the second enumerated element g."""
    out = [0]
    while True:
        nxt = mu.table[1][out[-1]]
        if nxt == 0:
            return out
        out.append(nxt)


@SETTINGS
@given(spec=st.sampled_from(["C3xC2: 2,2", "A4: 2,2", "D4: 2,2", "D5: 2,2", "D4: 2,2,2"]), data=st.data())
def test_conjugate_layers_agree_with_the_cyclic_subgroup(spec, data):
    # w_1 = u + i v and w_2 = u - i v on the window {e, g} commute, so f = (u - iv)(u + iv) = u u + v v is real
    # (times a real third layer q); M lies in R[<g>], where C_m: 2,2(,2) decides independently
    mu = GroupConvParameterization(spec)
    arch = mu.architecture
    n = arch.order
    ints = st.integers(-3, 3)
    u, v = ([data.draw(ints), data.draw(ints)] for _ in range(2))
    assume(any(v) and (u[0] * v[1] != u[1] * v[0]))     # w_1 not a real multiple of a real layer
    U = [Fraction(x) for x in u] + [Fraction(0)] * (n - 2)
    V = [Fraction(x) for x in v] + [Fraction(0)] * (n - 2)
    f = [a + b for a, b in zip(group_algebra_product(U, U, mu.table), group_algebra_product(V, V, mu.table))]
    if arch.num_layers == 3:
        q = [Fraction(data.draw(ints)), Fraction(data.draw(ints))] + [Fraction(0)] * (n - 2)
        f = group_algebra_product(q, f, mu.table)
    assume(any(f))
    powers = _powers(mu)
    assert all(not f[h] for h in range(n) if h not in powers)
    cyclic = f"C{len(powers)}: " + ",".join(["2"] * arch.num_layers)
    expected = group_conv_contains(cyclic, [f[h] for h in powers]).contained
    assert expected is not None
    d = fibre_membership(mu, f)
    assert d.contained is expected
    if expected:
        assert multiplies_back(mu, d.witness, f, d.witness_exact)
    else:
        # the complex fibre point (u + iv, u - iv(, q)) is seen by the counts; no chart has a real point
        assert all(c.status != "positive-dimensional" and not c.real for c in d.charts)
        assert sum(c.distinct or 0 for c in d.charts) >= 1
    assert group_conv_contains(mu, f).contained is expected


# ------------------------------------------------------------------ cyclic with wrap-around: the pencil
def _on_hypersurface(spec: str, draw) -> list[Fraction] | None:
    """A real rational point of the closure of M for C6: 3,3 s=2 or C6: 4,2 s=3 (its one equation, solved
    for c4, in which it is linear)."""
    c = [Fraction(draw(st.integers(-4, 4))) for _ in range(6)]
    if spec == "C6: 3,3 s=2":
        # c1 c2 c3 - c0 c3^2 - c1^2 c4 + c0 c1 c5 + c3 c4 c5 - c2 c5^2 = 0
        lead = c[3] * c[5] - c[1] ** 2
        rest = c[1] * c[2] * c[3] - c[0] * c[3] ** 2 + c[0] * c[1] * c[5] - c[2] * c[5] ** 2
    else:
        # c2 c4 - c1 c5 = 0
        lead, rest = c[2], -c[1] * c[5]
    if lead == 0:
        return None
    c[4] = -rest / lead
    return c


@SETTINGS
@given(spec=st.sampled_from(["C6: 3,3 s=2", "C6: 4,2 s=3"]), data=st.data())
def test_wrap_around_agrees_with_the_pencil_of_lifts(spec, data):
    f = _on_hypersurface(spec, data.draw)
    assume(f is not None and any(f))
    lift = decide_lift(spec, f)
    assert lift.case == "pencil" and lift.contained is not None
    d = fibre_membership(spec, f)
    if d.contained is None:                            # a positive-dimensional chart: the fibre is not finite
        assert d.positive_dimensional
        return
    assert d.contained is lift.contained
    if d.contained:
        assert multiplies_back(GroupConvParameterization(spec), d.witness, f, d.witness_exact)
    else:
        assert all(not c.real for c in d.charts)


def test_a_strided_wrap_around_case_the_lifts_leave_open_is_decided():
    # e = K - n = 2 with strides: the lift decision states the remaining question; the fibre decides
    mu = GroupConvParameterization("C8: 5,4 s=2")
    w = [1, 2, 3, -1, 2, 1, 1, 2, 3]
    f = mu.evaluate(w)
    r = group_conv_contains(mu, f)
    assert r.contained is True and r.data["fibre"]["method"] == "fibre"
    assert multiplies_back(mu, r.witness, f, r.witness_exact)


# ------------------------------------------------------------------ results, bad input, refusals
def test_result_data_text_and_json():
    r = group_conv_contains("S3: 3,2", "3,0,-3,0,6,0")
    fibre = r.data["fibre"]
    assert r.contained is True and fibre["charts"][0]["status"] == "finite" and fibre["witness_exact"]
    assert "fibre" in r.method and "witness (exact)" in r.to_text()
    assert json.loads(r.to_json())["data"]["fibre"]["num_charts"] == 3


def test_cli_reports_the_fibre(capsys):
    assert main(["group-conv", "S3: 3,2", "--contains", "3,0,-3,0,6,0", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["membership"]["contained"] is True
    assert out["membership"]["data"]["fibre"]["method"] == "fibre"


def test_bad_input_names_the_field():
    with pytest.raises(InputError, match="^f: expected 6"):
        fibre_membership("S3: 3,2", [1, 2])
    with pytest.raises(InputError, match="^f:"):
        fibre_membership("S3: 3,2", [0.5, 0, 0, 0, 0, 0])
    with pytest.raises(InputError, match="^mu:"):
        fibre_membership(3, [1])
    with pytest.raises(InputError, match="seed"):
        fibre_membership("S3: 3,2", [1, 0, 0, 0, 0, 0], seed="x")


def test_refusals_name_the_bound_and_the_option(capsys):
    f = [3, 0, -3, 0, 6, 0]
    assert chart_work("S3: 3,2") == 10
    with pytest.raises(ResourceLimitError, match="max_fibre_chart_work.*--max-fibre-chart-work"):
        fibre_membership("S3: 3,2", f, limits=Limits(max_fibre_chart_work=9))
    r = group_conv_contains("S3: 3,2", f, limits=Limits(max_fibre_chart_work=9))
    assert r.contained is None and "--max-fibre-chart-work" in r.reason
    mu = GroupConvParameterization("A4: 2,2")
    g = mu.evaluate([1, 2, 3, 5])
    with pytest.raises(ResourceLimitError, match="max_quotient_dimension"):
        fibre_membership(mu, g, limits=Limits(max_quotient_dimension=1))
    assert main(["group-conv", "S3: 3,2", "--contains", "3,0,-3,0,6,0", "--max-fibre-chart-work", "0"]) != 0
    assert "--max-fibre-chart-work" in capsys.readouterr().err
    assert main(["group-conv", "S3: 3,2", "--contains", "3,0,-3,0,6,0", "--max-fibre-chart-work", "9",
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)["membership"]
    assert out["contained"] is None and "--max-fibre-chart-work" in out["reason"]


def test_zero_filter_and_positive_dimensional_fibres():
    d = fibre_membership("S3: 3,2", [0] * 6)
    assert d.contained is True and d.witness == (("0", "0", "0"), ("0", "0"))
    # S3: 2,2 is (a + b s)(c + d s) in R[<s>], s a transposition: N - (L - 1) = 3 > dim M = 2, so the chart a = 1
    # is a curve; a slice of it has a real point
    mu = GroupConvParameterization("S3: 2,2")
    d = fibre_membership(mu, [1, 5, 0, 0, 0, 0])
    assert d.contained is True and d.positive_dimensional == ((0,),) and d.charts[0].real_point is True
    assert multiplies_back(mu, d.witness, [1, 5, 0, 0, 0, 0], d.witness_exact)


def test_the_formerly_open_curve_of_s3_is_contained_for_every_seed():
    # f = (-2 + 2 g_2)(1 + g_1) (g_i the enumerated elements): a curve (a line) on the chart w1_0 = 1, which the
    # zero-dimensional route left open; the known factorization is the independent real preimage
    mu = GroupConvParameterization("S3: 3,3")
    f = mu.evaluate([1, 1, 0, -2, 0, 2])
    for seed in (0, 1, 2):
        d = fibre_membership(mu, f, seed=seed)
        assert d.contained is True and d.positive_dimensional == ((0,),) and not d.undecided
        assert multiplies_back(mu, d.witness, f, d.witness_exact)
    r = group_conv_contains(mu, f)
    assert r.contained is True and multiplies_back(mu, r.witness, f, r.witness_exact)


@pytest.mark.parametrize("f, expected", [([1, 1, 1], False), ([2, 1, 2], False), ([-1, -1, 0], True)])
def test_a_complete_intersection_curve_is_decided_by_the_critical_points(f, expected):
    # C3: 2,2,2 wraps around (dim M < N - (L - 1)): the chart w1_0 = w2_0 = 1 is a curve cut out by its three
    # equations; the cyclic decisions (Fourier zeros, the pencil of lifts) decide independently, and two
    # points a of the squared distance (seeds) give the same verdict
    mu = GroupConvParameterization("C3: 2,2,2")
    assert group_conv_contains(mu, f).contained is expected
    for seed in (0, 1):
        d = fibre_membership(mu, f, seed=seed)
        assert d.contained is expected and d.positive_dimensional and not d.undecided
        if expected:
            assert multiplies_back(mu, d.witness, f, d.witness_exact)
        else:
            chart = next(c for c in d.charts if c.choice == (0, 0))
            assert chart.real_point is False and chart.distinct and not chart.real
            assert "critical" in chart.route and "no real point" in d.reason


#: Windows where special filters have positive-dimensional charts (zero divisors, wrap-around).
SPECIAL = ["S3: 3,2", "S3: 3,3", "D4: 3,3", "S3: 2,3,2", "C6: 3,3 s=2", "C6: 4,2 s=3", "C3: 2,3", "C4: 3,3"]


@SETTINGS
@given(spec=st.sampled_from(SPECIAL), data=st.data())
def test_sparse_real_preimages_are_never_refuted_and_their_witnesses_multiply_back(spec, data):
    # weights in {-1, 0, 1}: many filters with a positive-dimensional fibre; a real preimage exists, so the
    # answer is never 'not contained', and a witness multiplies back to f
    mu = GroupConvParameterization(spec)
    w = data.draw(st.lists(st.sampled_from([-1, 0, 0, 1]), min_size=mu.num_parameters, max_size=mu.num_parameters))
    f = mu.evaluate(w)
    assume(any(f))
    d = fibre_membership(mu, f, seed=data.draw(st.integers(0, 3)))
    assert d.contained is not False
    if d.contained:
        assert multiplies_back(mu, d.witness, f, d.witness_exact)
    else:
        assert d.undecided


def _cone_system(p, A, extra):
    """The 2x2 minors of [[u0, u1, u2], [u1, u2, u3]] (the cone over the twisted cubic: three equations in
    codimension 2) in u = A (x - p), and ``extra(u)``, as fmpq_mpolys in x."""
    ctx = flint.fmpq_mpoly_ctx.get(("x0", "x1", "x2", "x3"), "degrevlex")
    x = ctx.gens()
    u = [sum((A[i][j] * (x[j] - p[j]) for j in range(4)), 0 * x[0]) for i in range(4)]
    cone = [u[0] * u[2] - u[1] ** 2, u[0] * u[3] - u[1] * u[2], u[1] * u[3] - u[2] ** 2]
    return cone + [extra(u)], ctx


def test_a_system_with_more_equations_than_its_codimension_is_decided():
    # the cone over the twisted cubic (three quadrics in codimension 2) and one more equation: a curve with four
    # equations in codimension 3, where the critical points need c = 3 combinations and the chart's points on
    # the other components of their zero set
    identity = [[int(i == j) for j in range(4)] for i in range(4)]
    # no real point: u0^2 + u1^2 + 1 > 0 on R^4
    polys, _ = _cone_system([0] * 4, identity, lambda u: u[0] ** 2 + u[1] ** 2 + 1)
    real, route = has_real_point(polys)
    assert real is False and "combinations" in route
    # a real point: (u0, u1, u2, u3) = (1, 2, 4, 8) is on the cone and on (u0 - 1)^2 + (u1 - 2)^2 = 0
    polys, _ = _cone_system([0] * 4, identity, lambda u: (u[0] - 1) ** 2 + (u[1] - 2) ** 2)
    assert all(q(1, 2, 4, 8) == 0 for q in polys)
    assert has_real_point(polys)[0] is True


INVERTIBLE = st.lists(st.lists(st.integers(-2, 2), min_size=4, max_size=4), min_size=4, max_size=4).filter(
    lambda A: flint.fmpz_mat(A).det() != 0)


@settings(max_examples=5, deadline=None)
@given(p=st.lists(st.integers(-3, 3), min_size=4, max_size=4), A=INVERTIBLE,
       s=st.lists(st.integers(-3, 3), min_size=4, max_size=4), real=st.booleans(), seed=st.integers(0, 3))
def test_systems_beyond_complete_intersections_agree_with_their_construction(p, A, s, real, seed):
    # in coordinates u = A (x - p): the cone over the twisted cubic and either (s.u)^2 + u0^2 (the real point
    # x = p lies on it, and is on the cone: u = 0) or (s.u)^2 + u0^2 + 1 (positive on R^4): the answer is known
    # by construction, never 'open' beyond these
    def extra(u):
        lin = sum((c * v for c, v in zip(s, u)), 0 * u[0])
        return lin ** 2 + u[0] ** 2 + (0 if real else 1)
    polys, _ = _cone_system(p, A, extra)
    found, route = has_real_point(polys, seed=seed)
    if real:
        assert all(q(*p) == 0 for q in polys)
    assert found is real, route


def test_a_positive_dimensional_singular_locus_is_decided_by_recursion():
    ctx = flint.fmpq_mpoly_ctx.get(("w", "x", "y", "z"), "degrevlex")
    w, x, y, z = ctx.gens()
    # (x + w)^2 + (y + z)^2 = 0: two complex hyperplanes whose real points are their singular plane
    # x = -w, y = -z; the critical locus of the squared distance contains that plane, and it is decided
    # as a system of its own
    real, route = has_real_point([(x + w) ** 2 + (y + z) ** 2])
    assert real is True and "critical and singular points" in route and "dimension 2" in route
    # x^2 + y^2 leaves w and z free: decided in x and y alone, where its zero set is a point
    real, route = has_real_point([x ** 2 + y ** 2])
    assert real is True and "critical" not in route
    # in three variables with z^2 + 1 + x = 0: a real point has x = y = 0, then z^2 = -1: none
    ctx3 = flint.fmpq_mpoly_ctx.get(("x", "y", "z"), "degrevlex")
    u, v, t = ctx3.gens()
    assert has_real_point([u ** 2 + v ** 2, t ** 2 + 1 + u])[0] is False
    # (x^2 + y^2)(z^2 + 1) = w (x^2 + y^2 + 1) = 0: the real points are the line x = y = w = 0
    polys = [(x ** 2 + y ** 2) * (z ** 2 + 1), w * (x ** 2 + y ** 2 + 1)]
    assert all(q(0, 0, 0, 5) == 0 for q in polys) and has_real_point(polys)[0] is True


def test_a_lagrange_system_is_estimated_before_its_minors():
    # C3: 2,2,2, f = 1 + g + g^2: the chart w1_0 = w2_0 = 1 has equations of degrees 3, 2, 3 in 4 weights,
    # estimate 3 * 2 * 3 * (1 + 2 + 1 + 2) = 108 (the terms of total degree <= 4 - 3 = 1 in the ED-degree sum)
    assert lagrange_points([3, 2, 3], 4) == 108
    with pytest.raises(ResourceLimitError, match="estimated at 108.*--max-lagrange-points"):
        fibre_membership("C3: 2,2,2", [1, 1, 1], limits=Limits(max_lagrange_points=107))
    assert fibre_membership("C3: 2,2,2", [1, 1, 1], limits=Limits(max_lagrange_points=108)).contained is False
    # the bound of a general complete intersection against a direct count: a plane conic has 4 critical points
    # of the squared distance to a generic point (2 (1 + 1)), a generic plane curve of degree d has d^2
    for d in range(1, 6):
        assert lagrange_points([d], 2) == d * d
    with pytest.raises(InputError):
        lagrange_points([0], 2)


@pytest.mark.parametrize("f", [[1, -2, 0, 1, 0, 0], [0, -1, 0, -1, 0, 0], [2, 3, 0, 3, 0, 0]])
def test_positive_dimensional_fibres_are_solved_by_group_conv_contains(f):
    # C3xC2: 2,2,2 has dim M < N - (L - 1): every non-empty chart is positive-dimensional, and these filters are
    # left open by the steps before the fibre; the fibre's witness multiplies back, and another seed agrees
    mu = GroupConvParameterization("C3xC2: 2,2,2")
    r = group_conv_contains(mu, f)
    assert r.contained is True and "fibre" in r.method
    assert multiplies_back(mu, r.witness, f, r.witness_exact)
    d = fibre_membership(mu, f, seed=1)
    assert d.contained is True and multiplies_back(mu, d.witness, f, d.witness_exact)


@settings(max_examples=8, deadline=None)
@given(spec=st.sampled_from(["C3xC2: 2,2,2", "S3: 2,2", "S3: 2,2,2"]), data=st.data())
def test_images_in_wide_fibres_are_never_refuted(spec, data):
    # architectures with dim M < N - (L - 1): an image of real weights is never 'not contained', and a witness
    # multiplies back
    mu = GroupConvParameterization(spec)
    w = data.draw(st.lists(st.sampled_from([-1, 0, 1, 2]), min_size=mu.num_parameters, max_size=mu.num_parameters))
    f = mu.evaluate(w)
    assume(any(f))
    r = group_conv_contains(mu, f)
    assert r.contained is not False
    if r.contained:
        assert multiplies_back(mu, r.witness, f, r.witness_exact)
