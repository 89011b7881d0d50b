"""2D membership through contents and primitive part (at most one layer along both axes),
against the independent route through the factorization over Q and R."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import HealthCheck, given, settings, strategies as st

from lcnalg import Architecture, Parameterization
from lcnalg.real.membership import contains
from tests.real.test_planar_real import check_2d_witness, factorization_route


_SHAPES = [(1, 2), (2, 1), (1, 3), (3, 1), (2, 2), (2, 3), (3, 2), (1, 1)]


@st.composite
def _one_mixed_architectures(draw):
    """2D architectures with at most one layer along both axes, any strides in {1, 2}."""
    n = draw(st.integers(2, 3))
    shapes = draw(st.lists(st.sampled_from(_SHAPES), min_size=n, max_size=n)
                  .filter(lambda fs: sum(f[0] > 1 and f[1] > 1 for f in fs) <= 1))
    strides = draw(st.lists(st.tuples(st.integers(1, 2), st.integers(1, 2)), min_size=n - 1, max_size=n - 1))
    return Architecture.parse(",".join(f"{a}x{b}" for a, b in shapes) + " s="
                              + ",".join(f"{a}x{b}" for a, b in strides))


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_one_mixed_architectures(), st.data())
def test_contents_route_agrees_with_factorization_route(a, data):
    """At most one layer along both axes: contains() decides through contents and primitive
    part (gcds over Q, 1D membership of the contents); the factorization over Q and R with
    grouping into the layers' shapes is an independent route.  Points: images of integer
    layers, images with one layer x^2 − 2 type (irrational real roots, enclosure witnesses)
    or x^2 + 1 type, and images moved by ±1 in one coordinate."""
    layers = []
    for f in a.filters:
        n = f[0] * f[1]
        w = data.draw(st.lists(st.integers(-3, 3), min_size=n, max_size=n))
        layers.append(w)
    kind = data.draw(st.sampled_from(["image", "quadratic", "moved"]))
    if kind == "quadratic":
        long = [l for l, f in enumerate(a.filters) if max(f) >= 3]
        if long:
            l = data.draw(st.sampled_from(long))
            f = a.filters[l]
            c = data.draw(st.sampled_from([-3, -2, 2, 3]))
            w = [0] * (f[0] * f[1])
            w[0], w[2 if f[1] >= 3 else 2 * f[1]] = c, 1          # c + y^2 (or c + x^2) in the layer's variables
            layers[l] = w
    filt = list(Parameterization(a).evaluate(layers))
    if kind == "moved":
        i = data.draw(st.integers(0, len(filt) - 1))
        filt[i] += data.draw(st.sampled_from([-1, 1]))
    res = contains(a, filt)
    other = factorization_route(a, filt)
    assert res.decided and other.decided
    assert res.contained is other.contained, (str(a), filt, res.reason, other.reason)
    if kind != "moved":
        assert res.contained is True
    if res.contained:
        if res.witness_exact:
            assert Parameterization(a).evaluate([[Fraction(x) for x in w] for w in res.witness]) == tuple(
                Fraction(x) for x in filt)
        else:
            check_2d_witness(a, filt, res)


def test_ball_witness_of_small_coefficients_multiplies_back():
    """A filter with coefficients of very different sizes (about 1e-6 next to 2): the 1D witness
    of the content is a product of balls computed at high precision, and its check must compare
    the filter's rationals exactly with those balls (rounding 1/500000 to the default
    precision gives a ball wider than the product's)."""
    arch = "3x1,3x1,1x1 s=1x1,1x2"
    values = ["-1/500000", "1/250000", "-999999/500000", "999999/250000", "-1000001/500000"]
    r = contains(arch, values)
    assert r.answer() is True and "+/-" in r.witness[0][0]   # certified balls
    # the same polynomial in one variable: the same verdict by the 1D decision
    assert contains("3,3", values).answer() is True
    # scaled to integers: exact 1D and contents routes agree
    scaled = [Fraction(v) * 500000 for v in values]
    assert contains(arch, scaled).answer() is contains("3,3", scaled).answer() is True
