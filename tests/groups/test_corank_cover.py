"""The corank cover (a necessary condition for membership from the real Wedderburn decomposition) against
independent routes: products of random layers are never obstructed (they are in M), and wherever the cover
proves f not in M the real points of the fibre (Groebner bases over Q, Hermite's count) never find f in M;
on networks whose fibre is finite both routes are run on the same designed points."""

from __future__ import annotations

import random
from fractions import Fraction

import flint
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg import InputError
from lcnalg.groups import GroupConvParameterization, group_algebra_product, group_conv_contains
from lcnalg.groups.corank_cover import corank_cover, cyclotomic_rank
from lcnalg.groups.fibre_membership import fibre_membership
from lcnalg.groups.wedderburn import real_wedderburn

SPECS = ["S3: 2,2", "S3: 3,2", "D4: 2,2", "D4: 3,2", "D4: 2,2,2", "S4: 3,3", "S4: 2,2,2", "A4: 3,2"]
MUS = {spec: GroupConvParameterization(spec) for spec in SPECS}
WEDDERBURN = {spec: real_wedderburn(mu.architecture.group) for spec, mu in MUS.items()}


def product(mu, layers):
    n = mu.architecture.order
    f = [Fraction(1)] + [Fraction(0)] * (n - 1)
    for positions, w in zip(mu.architecture.positions, layers):
        full = [Fraction(0)] * n
        for g, v in zip(positions, w):
            full[g] = Fraction(v)
        f = group_algebra_product(full, f, mu.table)
    return f


@pytest.mark.parametrize("spec", SPECS)
@settings(max_examples=12, deadline=None)
@given(seed=st.integers(0, 10**6))
def test_images_are_never_obstructed(spec, seed):
    """Small entries in {-1, 0, 1} make singular blocks frequent (e.g. 1 - s for an involution s)."""
    mu = MUS[spec]
    rng = random.Random(seed)
    layers = []
    for positions in mu.architecture.positions:
        w = [rng.choice([-1, 0, 1]) for _ in positions]
        if not any(w):
            w[0] = 1
        layers.append(w)
    f = product(mu, layers)
    if not any(f):
        return
    d = corank_cover(mu, f, wedderburn=WEDDERBURN[spec])
    assert not d.obstructed, d.reason


@pytest.mark.parametrize("spec", ["D4: 2,2", "Q8: 2,2", "S3: 3,2"])
def test_images_are_contained(spec):
    """group_conv_contains (with the cover as one step) never refuses an image, and finds it where it decides."""
    mu = GroupConvParameterization(spec)
    rng = random.Random(5)
    for _ in range(4):
        layers = [[rng.choice([-1, 0, 1, 2]) or 1 for _ in positions] for positions in mu.architecture.positions]
        f = product(mu, layers)
        assert group_conv_contains(mu, f).contained is not False


def designed_point(W, rng):
    """A rational f whose Wedderburn blocks are random integer matrices, some of reduced rank."""
    blocks = []
    for c in W.components:
        n = c.size
        M = [[rng.randint(-2, 2) for _ in range(n)] for _ in range(n)]
        r = rng.randrange(n + 1)
        if r < n and rng.random() < 0.7:
            for i in range(r, n):
                M[i] = [0] * n
        blocks.append(M)
    return list(W.inverse(blocks))


@pytest.mark.parametrize("spec", ["D4: 2,2", "D4: 3,2", "D4: 2,2,2", "S3: 3,2", "S4: 2,2,2"])
def test_obstructions_agree_with_the_fibre(spec):
    mu, W = MUS[spec], WEDDERBURN[spec]
    rng = random.Random(7)
    obstructed = 0
    for _ in range(8):
        f = designed_point(W, rng)
        if not any(f):
            continue
        d = corank_cover(mu, f, wedderburn=W)
        fibre = fibre_membership(mu, f)
        if d.obstructed:
            obstructed += 1
            assert fibre.contained is not True
        # the reported coranks: FLINT's rank of the rational blocks (S3, D4, S4 split over Q)
        blocks = W.transform(f)
        singular = [(c, comp.size - flint.fmpq_mat([[x.coeffs()[0] if x.coeffs() else 0 for x in row]
                                                    for row in B]).rank())
                    for c, (comp, B) in enumerate(zip(W.components, blocks))]
        assert [(c, k) for c, _, k in d.coranks] == [(c, k) for c, k in singular if k]
    if spec.startswith("D4"):
        assert obstructed >= 1


def test_one_plus_r_squared():
    """D4 with windows {1, r}: (a + b r)(c + d r) = ac + (ad + bc) r + bd r^2 equals 1 + r^2 only if
    d/c + c/d = 0, impossible over R; the 2-dimensional block of 1 + r^2 is zero, and a + b r has the
    block a I + b R_90 of determinant a^2 + b^2 > 0 (no real corank)."""
    mu = MUS["D4: 2,2"]
    f = [0] * 8
    f[0] = f[mu.table[1][1]] = 1
    d = corank_cover(mu, f)
    assert d.obstructed and d.coranks == ((4, "Mat_2(R)", 2),) and d.achievable == (((0,),), ((0,),))
    r = group_conv_contains(mu, f)
    assert r.contained is False and "corank cover" in r.method
    assert fibre_membership(mu, f).contained is False


def test_quaternion_component():
    """Q8 with windows {1, a} (a = i): 1 + a^2 = 1 + (-1) is zero in the H component, and x + y i is a
    non-zero quaternion (invertible) unless x = y = 0; every linear character is 2 at 1 + a^2, so only the
    H component (or the fibre) sees it."""
    mu = GroupConvParameterization("Q8: 2,2")
    f = [0] * 8
    f[0] = f[mu.table[1][1]] = 1
    d = corank_cover(mu, f)
    assert d.obstructed and [name for _, name, _ in d.coranks] == ["H"]
    assert group_conv_contains(mu, f).contained is False
    assert fibre_membership(mu, f).contained is False



def test_irrational_blocks_decided_by_norms():
    """D5 with windows {1, r}: the products (a + b r)(c + d r) are rotations only, so 1 + s (s a
    reflection) is not in M.  Its coranks: 1 in the sign character and in both Mat_2(R), whose
    matrices have entries in Q(sqrt 5); a layer a + b r has det(aI + bR_theta) = a^2 + 2ab cos theta + b^2,
    whose norm to Q has no real zero but 0, so no layer reaches corank 1 there: obstructed, with
    nothing assumed, as the fibre's real points say independently.  Windows {1, r, r^2} reach
    corank 1 (a + b e^{i theta} + c e^{2i theta} = 0 has real solutions): their vectors are assumed
    (a real zero of the norms), never refused, and images are never obstructed."""
    mu = GroupConvParameterization("D5: 2,2")
    n = mu.architecture.order
    reflections = [g for g in range(1, n) if mu.table[g][g] == 0]   # the elements of order 2
    assert len(reflections) == 5
    for g in reflections:
        f = [0] * n
        f[0] = f[g] = 1
        d = corank_cover(mu, f)
        assert d.obstructed and d.assumed == 0
        assert [name for _, name, k in d.coranks] == ["R", "Mat_2(R)", "Mat_2(R)"]
    f = [0] * n
    f[0] = f[reflections[0]] = 1
    assert fibre_membership(mu, f).contained is False
    wide = GroupConvParameterization("D5: 3,2")
    d = corank_cover(wide, f)
    assert not d.obstructed and d.assumed > 0 and "norms" in " ".join(d.notes)
    rng = random.Random(11)
    for spec in ("D5: 2,2", "D5: 3,2", "Q12: 2,2"):
        m = GroupConvParameterization(spec)
        for _ in range(6):
            layers = [[rng.choice([-1, 0, 1]) or 1 for _ in positions] for positions in m.architecture.positions]
            image = product(m, layers)
            if any(image):
                assert not corank_cover(m, image).obstructed

def test_cyclotomic_rank_against_flint():
    """Over Q(zeta_3) = Q[x]/(x^2 + x + 1): rows [1, x] and [x, x^2] are proportional; rational matrices
    agree with FLINT's rank."""
    phi = flint.fmpq_poly([1, 1, 1])
    x = flint.fmpq_poly([0, 1])
    assert cyclotomic_rank([[1, x], [x, x * x]], phi) == 1
    rng = random.Random(2)
    for _ in range(20):
        rows = [[rng.randint(-1, 1) for _ in range(4)] for _ in range(3)]
        assert cyclotomic_rank(rows, phi) == flint.fmpq_mat(rows).rank()


def test_bad_input():
    with pytest.raises(InputError, match="^f: expected a non-zero"):
        corank_cover("S3: 2,2", [0] * 6)
    with pytest.raises(InputError, match="^f"):
        corank_cover("S3: 2,2", [1, 2])
