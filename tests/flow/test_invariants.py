"""Conserved quantities of gradient flow: exact identities by independent routes, and their number."""

from __future__ import annotations

import random
from fractions import Fraction

import flint
import pytest
import sympy
from hypothesis import given, settings, strategies as st

from lcnalg import parameterize
from lcnalg.flow import conserved_quantities, invariants, lie_algebra_rank
from lcnalg.flow.invariants import euler_identities_hold, orthogonality_holds

CASES = ["2,2", "3,2,2", "2,2 s=2", "3,3 s=2", "2x2,2x2", "2x1,1x2", "2x2,2x2 s=2x2",
         "2,2 r=2", "3,2 r=3", "2,2,2 r=2", "2,2 s=2 r=2", "2x2,2x2 r=2", "2,2,2 s=2,1 r=2", "2x1,1x2 s=2x1 r=3"]


@pytest.mark.parametrize("arch", CASES)
def test_conserved_by_every_loss_sympy_route(arch):
    """Independent of flint's derivatives: sympy differentiates the sympy coordinates and checks
    <grad delta_l, grad mu_m> = 0, and that the constant r is the only one that works."""
    mu = parameterize(arch)
    r = mu.architecture.activation or 1
    names = sympy.symbols(mu.parameter_names)
    coords = [sympy.sympify(str(c).replace("^", "**")) for c in mu.coordinates]
    norms = [sum(names[j] ** 2 for j in range(lo, hi)) for lo, hi in mu.layer_slices]
    for l, delta in enumerate(conserved_quantities(mu)):
        expected = r * norms[l + 1] - norms[l]
        assert sympy.expand(sympy.sympify(str(delta).replace("^", "**")) - expected) == 0
        for c in coords:
            assert sympy.expand(sum(sympy.diff(expected, v) * sympy.diff(c, v) for v in names)) == 0
        if r > 1:  # the other constant (r ||w_l||^2 - ||w_{l+1}||^2) is not conserved
            wrong = r * norms[l] - norms[l + 1]
            assert any(sympy.expand(sum(sympy.diff(wrong, v) * sympy.diff(c, v) for v in names)) != 0
                       for c in coords)


@pytest.mark.parametrize("arch", CASES)
def test_rescaling_generator_identity_at_rational_points(arch):
    """<grad_{w_l} F, w_l> = r <grad_{w_{l+1}} F, w_{l+1}> for F = l∘mu, with the exact
    forward-mode Jacobian (not the symbolic one) and a random quadratic loss."""
    mu = parameterize(arch)
    r = mu.architecture.activation or 1
    rng = random.Random(7)
    theta = [Fraction(rng.randint(-9, 9), rng.randint(1, 5)) for _ in range(mu.num_parameters)]
    J = mu.jacobian_at(theta)
    m = J.nrows()
    v = [flint.fmpq(rng.randint(-9, 9), rng.randint(1, 4)) for _ in range(m)]  # = grad l at mu(theta)
    grad = [sum((v[i] * J[i, j] for i in range(m)), flint.fmpq(0)) for j in range(mu.num_parameters)]
    inner = [sum((grad[j] * flint.fmpq(theta[j].numerator, theta[j].denominator) for j in range(lo, hi)),
                 flint.fmpq(0)) for lo, hi in mu.layer_slices]
    for l in range(len(inner) - 1):
        assert inner[l] == r * inner[l + 1]


@pytest.mark.parametrize("arch", CASES)
def test_count_is_layers_minus_one(arch):
    res = invariants(parameterize(arch), seed=3)
    L = parameterize(arch).architecture.num_layers
    assert res.euler_identities and res.orthogonality
    assert res.num_independent == L - 1 == res.lower == res.upper
    assert res.status == "certified"
    assert len(res.invariants) == L - 1


@settings(max_examples=15, deadline=None)
@given(st.integers(1, 2), st.lists(st.integers(1, 3), min_size=1, max_size=3), st.integers(1, 2),
       st.sampled_from(["", " r=2", " r=3"]))
def test_count_random_architectures(ndim, sizes, stride, act):
    if act == " r=3" and len(sizes) == 3:
        act = " r=2"
    if ndim == 1:
        arch = ",".join(map(str, sizes)) + f" s={','.join([str(stride)] * len(sizes))}" + act
    else:
        arch = ",".join(f"{k}x{3 - k if k < 3 else 1}" for k in sizes) + act
    mu = parameterize(arch)
    res = invariants(mu, seed=1)
    assert res.num_independent == mu.architecture.num_layers - 1


@pytest.mark.parametrize("D", [2, 3, 4, 5])
def test_product_map_has_D_minus_one(D):
    """[MGP23]: the product x_1 ... x_D has D - 1 independent conserved functions; the Lie bound
    gives D - 1 and the x_i^2 - x_{i+1}^2 are D - 1 independent ones."""
    R = flint.fmpz_mpoly_ctx.get(tuple(f"x{i}" for i in range(D)), "degrevlex")
    x = R.gens()
    prod = x[0]
    for v in x[1:]:
        prod *= v
    lie = lie_algebra_rank([prod], [3, -5, 7, 11, 2][:D], max_depth=4)
    assert lie.conserved_upper_bound == D - 1


def test_matrix_factorization_needs_brackets():
    """[MGP23]: for mu(U, V) = U V^T with 2 x 2 factors the conserved functions are the 3 entries
    of U^T U - V^T V; the Jacobian alone bounds the count by 4, brackets bring it to 3."""
    names = [f"u{i}{k}" for i in range(2) for k in range(2)] + [f"v{j}{k}" for j in range(2) for k in range(2)]
    R = flint.fmpz_mpoly_ctx.get(tuple(names), "degrevlex")
    g = R.gens()
    U = [[g[2 * i + k] for k in range(2)] for i in range(2)]
    V = [[g[4 + 2 * j + k] for k in range(2)] for j in range(2)]
    coords = [U[i][0] * V[j][0] + U[i][1] * V[j][1] for i in range(2) for j in range(2)]
    pt = [-66, 45, 95, -84, -35, -70, 26, 94]
    assert lie_algebra_rank(coords, pt, max_depth=1).conserved_upper_bound == 4
    assert lie_algebra_rank(coords, pt, max_depth=3).conserved_upper_bound == 3


def test_flint_checks_detect_a_false_quantity():
    mu = parameterize("3,2 r=2")
    x = mu.ring.gens()
    assert euler_identities_hold(mu)
    assert not orthogonality_holds(mu, [x[3] ** 2 - x[0] ** 2])
