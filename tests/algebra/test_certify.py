"""The exact substitution check (docs/theory.md#exact-substitution): substituted into the
merged architecture's parameterization where layers are joined by stride one, it must agree
with the substitution into the architecture's own coordinates, on equations and on
non-equations alike."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lcnalg import Architecture, Parameterization
from lcnalg.algebra.certify import verify_equations
from lcnalg.algebra.implicitization import implicit_equations


def _product(a: list[int], b: list[int]) -> list[int]:
    """Coefficients of ``a(z) b(z)``."""
    out = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            out[i + j] += x * y
    return out


@st.composite
def joined_architectures(draw):
    """1D architectures of two or three layers with at least one joint at stride one."""
    layers = draw(st.integers(2, 3))
    sizes = [draw(st.integers(2, 3)) for _ in range(layers)]
    strides = [draw(st.integers(1, 2)) for _ in range(layers - 1)]
    if 1 not in strides:
        strides[draw(st.integers(0, layers - 2))] = 1
    return ",".join(map(str, sizes)) + " s=" + ",".join(map(str, strides))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(joined_architectures(), st.integers(0, 10**6))
def test_merged_substitution_agrees_with_the_architectures_own(arch, seed):
    mu = Parameterization(arch)
    merged = Architecture.parse(arch).merged_over_c()
    assert len(merged.filters) < len(mu.architecture.filters)
    # the merged parameterization at the merged filters is mu: same coordinates, same order
    rng = random.Random(seed)
    theta = [[rng.randint(-5, 5) for _ in range(k[0])] for k in mu.architecture.filters]
    joined, layer = [], 0
    for f in merged.filters:
        acc = theta[layer]
        while len(acc) < f[0]:   # joined to the next layer at stride one: a(z) b(z)
            layer += 1
            acc = _product(acc, theta[layer])
        joined.append(acc)
        layer += 1
    assert Parameterization(merged).evaluate(joined) == mu.evaluate(theta)
    # equations of low degree, their perturbations and random quadrics: the merged check is the
    # substitution into mu's own coordinates, polynomial by polynomial
    eqs = list(implicit_equations(mu, max_degree=3, certify=False).polynomials)
    gens = mu.coordinate_ring.gens()
    n = len(gens)
    polys = eqs + [g + gens[rng.randrange(n)] * gens[rng.randrange(n)] for g in eqs]
    polys += [sum((rng.randint(-2, 2) * gens[rng.randrange(n)] * gens[rng.randrange(n)] for _ in range(4)),
                  gens[0] * gens[n - 1])
              for _ in range(3)]
    direct = [g.compose(*mu.coordinates, ctx=mu.ring).is_zero() for g in polys]
    assert verify_equations(mu, polys) == direct
    assert direct[:len(eqs)] == [True] * len(eqs)


def test_merged_substitution_accepts_exactly_the_equations_of_the_image():
    # 2,2 at stride one has the real image of binary quadrics with a real root, but its Zariski
    # closure is every quadric: no equation, and no polynomial is accepted by either route
    mu = Parameterization("2,2")
    c0, c1, c2 = mu.coordinate_ring.gens()
    disc = c1 * c1 - 4 * c0 * c2
    assert verify_equations(mu, [disc, c0]) == [False, False]
    # 2,2,2 s=2,1 (its last two layers merged: 2,3 s=2) keeps the equations of its own image
    mu = Parameterization("2,2,2 s=2,1")
    r = implicit_equations(mu, certify=False)
    assert all(verify_equations(mu, list(r.polynomials)))
    assert r.polynomials and all(g.compose(*mu.coordinates, ctx=mu.ring).is_zero() for g in r.polynomials)
