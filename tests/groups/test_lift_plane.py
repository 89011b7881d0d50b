"""The plane of lifts (e = 1) of cyclic networks with wrap-around (lcnalg.groups.lift_plane), each verdict
against an independent route: lifts built from layers (multiplied here, reduced mod z^n - 1) must be found
with layers that multiply back; a "not contained" must survive a rational grid of (c0, c1) decided exactly
(and, for stride one, by Sturm counts), and agree with the Fourier zero that forbids it; where the stride-one
fill applies, the plane must agree with it. A plane of C4: 2,2,2,2,2 whose "no" needs the gcds over number
fields of degree up to 28 is decided within the default bounds."""

from __future__ import annotations

import time
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings, strategies as st

from lcnalg import FunctionSpace, Limits, ResourceLimitError
from lcnalg.architecture import Architecture
from lcnalg.groups import GroupConvParameterization, decide_lift, group_conv_contains
from lcnalg.groups.lift_plane import decide_plane
from lcnalg.real.orbit_tilings import orbit_model
from tests.groups.reference import ball_product_contains, real_roots_with_infinity, reduce_mod

SETTINGS = settings(max_examples=6, deadline=None)
#: e = K - n = 1 outside the stride-one fill (m > 2 odd layers, or strides)
PLANES = ["C2: 2,2,2", "C3: 2,2,2,2", "C3: 3,2 s=2"]
GRID = [Fraction(k, 2) for k in range(-4, 5)]


def product(layers, dilations, K):
    """prod_l w_l(z^{S_l}) by hand (coefficients 0..K)."""
    acc = [Fraction(1)]
    for w, S in zip(layers, dilations):
        nxt = [Fraction(0)] * (len(acc) + S * (len(w) - 1))
        for i, a in enumerate(acc):
            for j, x in enumerate(w):
                nxt[i + S * j] += a * x
        acc = nxt
    return acc + [Fraction(0)] * (K + 1 - len(acc))


def lift(f, n, c0, c1):
    F = [Fraction(v) for v in f] + [Fraction(0), Fraction(0)]
    for i, c in ((0, c0), (1, c1)):
        F[i] -= c
        F[n + i] += c
    return F


# ------------------------------------------------------------------ lifts built from layers are found
@SETTINGS
@given(spec=st.sampled_from(PLANES), data=st.data())
def test_a_lift_built_from_layers_is_found_with_layers_that_multiply_back(spec, data):
    mu = GroupConvParameterization(spec)
    arch = mu.architecture
    n, K = arch.order, arch.degree
    assert K - n == 1
    layers = [[Fraction(data.draw(st.integers(-3, 3))) for _ in range(k)] for k in arch.windows]
    F = product(layers, arch.dilations, K)
    f = reduce_mod(F, n)
    assume(any(f))
    start = time.process_time()
    d = decide_lift(spec, f)
    assert d.contained is True and d.case == "plane"
    if d.lift is not None:                                       # a rational cell point: exact lift and layers
        assert reduce_mod(d.lift, n) == f and len(d.h) == 2
        assert FunctionSpace(arch.lcn_text).contains(list(d.lift)).contained
        assert ball_product_contains(mu, d.ordinary.witness, f)
        assert not ball_product_contains(mu, d.ordinary.witness, [v + 1 for v in f])   # the check can fail
    else:
        assert d.algebraic_c["root_type"]
    assert time.process_time() - start < 4


# ------------------------------------------------------------------ "not contained" against the grid
@pytest.mark.parametrize("f", [[1, 1, 1], [-2, -2, -2]])
def test_no_lift_where_a_fourier_zero_forbids_it_and_the_grid_agrees(f):
    # f = a (1 + z + z^2) vanishes at omega = e^{2 pi i/3}: every lift does, so has <= 2 real roots of the 4 needed
    d = decide_lift("C3: 2,2,2,2", f)
    assert d.contained is False and d.case == "plane" and d.data["cells"] > 0
    for c0 in GRID:
        for c1 in GRID:
            F = lift(f, 3, c0, c1)
            assert not FunctionSpace("2,2,2,2").contains(F).contained
            assert real_roots_with_infinity(F) <= 2
    assert group_conv_contains("C3: 2,2,2,2", f).contained is False


def test_no_lift_decided_on_the_curves_over_a_number_field_and_the_grid_agrees():
    # 2 + 2z + z^2 on C3: 2,2,2,2 has no Fourier zero, and no rational cell point has 4 real roots: the "no" needs
    # the special points of the curves over irrational projection roots, decided exactly over Q(alpha)
    f = [2, 2, 1]
    d = decide_lift("C3: 2,2,2,2", f)
    assert d.contained is False and d.data["algebraic_cells"] > 0
    for c0 in GRID:
        for c1 in GRID:
            F = lift(f, 3, c0, c1)
            assert real_roots_with_infinity(F) < 4
            assert not FunctionSpace("2,2,2,2").contains(F).contained
    assert group_conv_contains("C3: 2,2,2,2", f).contained is False


@SETTINGS
@given(spec=st.sampled_from(PLANES), data=st.data())
def test_the_grid_never_finds_a_lift_the_decision_missed(spec, data):
    mu = GroupConvParameterization(spec)
    n, lcn = mu.architecture.order, mu.architecture.lcn_text
    f = data.draw(st.lists(st.integers(-2, 2), min_size=n, max_size=n))
    assume(any(f))
    try:
        d = decide_lift(spec, f)
    except ResourceLimitError as err:          # an algebraic cell point of high degree: refused up front
        assert "--max-root-work" in str(err)
        return
    assert d.case == "plane" and d.contained is not None
    stride_one = "s=" not in spec
    m = sum((k - 1) % 2 for k in mu.architecture.windows)
    hits = False
    for c0 in GRID[::2]:
        for c1 in GRID[::2]:
            F = lift(f, n, c0, c1)
            inside = FunctionSpace(lcn).contains(F).contained
            if stride_one:
                assert inside == (real_roots_with_infinity(F) >= m)      # Sturm, independently
            hits = hits or inside
    if hits:
        assert d.contained is True
    assert group_conv_contains(mu, f, tries=4).contained == d.contained     # its cheaper steps first, then this


@pytest.mark.slow
def test_the_plane_of_c4_is_decided_within_the_default_bound_and_the_grid_agrees():
    # 1 + 2z + 3z^2 + 4z^3 on C4: 2,2,2,2,2 (m = 5 real roots needed): no rational cell point holds, and the special
    # points of the curves over 10 irrational projection roots (fields of degree up to 28) are found by gcds over
    # Q(alpha); the decision fits the default bounds, and no lift on the grid has 5 real roots (Sturm) or is in the
    # ordinary space (its own exact decision)
    f = [1, 2, 3, 4]
    d = decide_lift("C4: 2,2,2,2,2", f)
    assert d.contained is False and d.case == "plane" and d.data["algebraic_cells"] > 0
    for c0 in GRID[::2]:
        for c1 in GRID[::2]:
            F = lift(f, 4, c0, c1)
            assert real_roots_with_infinity(F) < 5
            assert not FunctionSpace("2,2,2,2,2").contains(F).contained


@pytest.mark.slow
@settings(max_examples=2, deadline=None)
@given(f=st.lists(st.integers(-3, 3), min_size=4, max_size=4))
def test_planes_of_c4_agree_with_the_grid_and_sturm(f):
    # stride one: a lift is in the ordinary space of 2,2,2,2,2 iff it has 5 real roots counted with those at
    # infinity; a grid point that is must make the decision "contained", and a lift it returns must be one
    assume(any(f))
    try:
        d = decide_lift("C4: 2,2,2,2,2", f)
    except ResourceLimitError as err:          # refused up front, naming the option
        assert "--max-root-work" in str(err)
        return
    assert d.case == "plane" and d.contained is not None
    hits = False
    for c0 in GRID[::2]:
        for c1 in GRID[::2]:
            F = lift(f, 4, c0, c1)
            inside = FunctionSpace("2,2,2,2,2").contains(F).contained
            assert inside == (real_roots_with_infinity(F) >= 5)
            hits = hits or inside
    if hits:
        assert d.contained is True
    if d.contained and d.lift is not None:
        assert reduce_mod(d.lift, 4) == f and real_roots_with_infinity(list(d.lift)) >= 5
    elif d.contained:
        assert d.algebraic_c["root_type"]


def test_the_points_on_the_curves_matter():
    # 3,2 s=2 is thin (dimension 4 of 5): its lifts of 1 + 2z + 3z^2 lie on curves of the plane; the cell point
    # that holds is on a critical curve (here (0, 0): F = f itself, degree 2, two roots at infinity)
    d = decide_lift("C3: 3,2 s=2", [1, 2, 3])
    assert d.contained is True and "critical curves" in d.reason
    assert FunctionSpace("3,2 s=2").contains(list(d.lift)).contained
    c0, c1 = d.h
    F = lift([1, 2, 3], 3, c0, c1)
    assert F == list(d.lift)
    off = lift([1, 2, 3], 3, c0 + Fraction(1, 7), c1 + Fraction(1, 11))      # a nearby point off the curves
    assert not FunctionSpace("3,2 s=2").contains(off).contained


# ------------------------------------------------------------------ agreement with the fill
@SETTINGS
@given(data=st.data())
def test_the_plane_agrees_with_the_fill(data):
    # C3: 3,2,2 has e = 1 and m = 2 <= e + 1: the fill says every f is in M; the plane must find a lift too
    spec, lcn = "C3: 3,2,2", "3,2,2"
    f = [Fraction(data.draw(st.integers(-3, 3))) for _ in range(3)]
    assume(any(f))
    assert decide_lift(spec, f).case == "fill"
    d = decide_plane(lcn, orbit_model(Architecture.parse(lcn)), tuple(f), 3, Limits())
    assert d.contained is True
    if d.lift is not None:
        assert reduce_mod(d.lift, 3) == f and FunctionSpace(lcn).contains(list(d.lift)).contained


# ------------------------------------------------------------------ agreement with the pencil (e = 0)
@SETTINGS
@given(f=st.lists(st.integers(-3, 3), min_size=3, max_size=3))
def test_the_line_c1_zero_is_the_pencil_of_one_layer_less(f):
    # stride one: a lift of degree <= n of C3: 2,2,2,2 (K = 4, m = 4) has a root at infinity, so it is in the
    # ordinary space iff it has 3 real roots, i.e. iff it is in that of 2,2,2 (K = 3 = n): the pencil of C3: 2,2,2
    # is the line c1 = 0 of the plane of C3: 2,2,2,2. So pencil "yes" => plane "yes", plane "no" => pencil "no".
    assume(any(f))
    pencil = decide_lift("C3: 2,2,2", f)
    plane = decide_lift("C3: 2,2,2,2", f)
    assert pencil.case == "pencil" and plane.case == "plane"
    if pencil.contained:
        assert plane.contained is True
    if pencil.lift is not None:                    # the pencil's lift, with a root at infinity, is a plane lift
        F = list(pencil.lift) + [Fraction(0)]
        assert FunctionSpace("2,2,2,2").contains(F).contained


# ------------------------------------------------------------------ bounds
def test_a_large_plane_is_refused_up_front_naming_the_option():
    # C5: 2,2,2,2,2,2 with a 61-bit coefficient: the gcds over Q(alpha) at 23 irrational projection roots (fields of
    # degree up to 54 with 1,695-bit coefficients) and the exact types are estimated together at about 8 * 10^6
    # (minutes; the whole decision runs for more than a quarter of an hour), above the default bound
    start = time.process_time()
    with pytest.raises(ResourceLimitError, match="max-root-work"):
        decide_lift("C5: 2,2,2,2,2,2", [1, 2 ** 60, 3, 4, 5])
    assert time.process_time() - start < 5


def test_a_plane_whose_special_points_are_too_large_is_refused_before_their_types_run():
    # C5: 2,2,2,2,2,2 at 1 + 2z + 3z^2 + 4z^3 + 5z^4: no rational cell point holds; the gcds over Q(alpha) at the
    # irrational projection roots (computed before any exact type, once per minimal polynomial) find points over
    # a field of degree 54 whose exact types are estimated far above the default bound: refused before the exact
    # types of the other algebraic cells run (those took about 10 s of CPU before the refusal came)
    start = time.process_time()
    with pytest.raises(ResourceLimitError, match="max-root-work"):
        decide_lift("C5: 2,2,2,2,2,2", [1, 2, 3, 4, 5])
    assert time.process_time() - start < 5
