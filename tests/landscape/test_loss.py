"""The squared loss on function space equals the loss computed through the network matrices."""

from __future__ import annotations

import math
import random
from fractions import Fraction

import flint
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg import InputError, Parameterization
from lcnalg.landscape import Dataset, QuadraticLoss
from lcnalg.limits import Limits

from tests.strategies import architectures, points
from tests.test_parameterization import network_matrix


def _fq(x: Fraction) -> flint.fmpq:
    return flint.fmpq(x.numerator, x.denominator)


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_loss_through_network_matrices_equals_function_space_form(data):
    arch = data.draw(architectures(max_layers=3, max_size=3, max_stride=3, max_ambient=12))
    n = arch.ambient_dimension
    out = tuple(data.draw(st.integers(1, 2)) for _ in range(arch.ndim))
    positions = math.prod(out)
    # enough patches for a non-singular Q (generically) on all coordinates, or only on those the
    # architecture reaches (strides leave gaps: Q is then singular, the loss on M is not)
    reached = len(Parameterization(arch).support)
    samples = -(-(data.draw(st.sampled_from([n, reached])) + 1) // positions)
    rng = random.Random(data.draw(st.integers(0, 10**6)))
    t = arch.cumulative_strides[-1]
    in_shape = tuple(ti * (o - 1) + ki for ti, o, ki in zip(t, out, arch.end_to_end_filter_shape))
    xs = [[Fraction(rng.randint(-9, 9), rng.randint(1, 3)) for _ in range(math.prod(in_shape))]
          for _ in range(samples)]
    ys = [[Fraction(rng.randint(-9, 9)) for _ in range(positions)] for _ in range(samples)]
    nest = Dataset.from_arrays  # flat rows are reshaped below
    def shaped(flat, shape):
        if len(shape) == 1:
            return flat
        step = math.prod(shape[1:])
        return [shaped(flat[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]
    dataset = nest([shaped(x, in_shape) for x in xs], [shaped(y, out) for y in ys])
    try:
        loss = QuadraticLoss.from_data(arch, dataset)
    except InputError as exc:  # degenerate random data: said clearly
        assert str(exc).startswith("data:")
        return
    theta = data.draw(points(arch))
    W, in_shape2 = network_matrix(arch, theta, out)
    assert in_shape2 == in_shape
    direct = Fraction(0)
    for x, y in zip(xs, ys):
        v = W * flint.fmpq_mat(len(x), 1, [_fq(e) for e in x])
        for i in range(positions):
            diff = v[i, 0] - _fq(y[i])
            direct += Fraction(int((diff * diff).p), int((diff * diff).q))
    assert loss.loss(Parameterization(arch).evaluate(theta)) == direct


def test_data_induced_loss_is_positive_definite_and_centred():
    d = Dataset.random("3,2 s=2", 8, seed=4)
    loss = QuadraticLoss.from_data("3,2 s=2", d)
    assert loss.is_positive_definite() and loss.kind == "data"
    assert loss.loss(loss.u) == loss.constant >= 0


def test_singular_q_names_data():
    d = Dataset.from_arrays([[1, 2, 3, 4], [2, 4, 6, 8]], [1, 2])
    with pytest.raises(InputError, match=r"^data: the patch matrix Q has rank 1 < 4"):
        QuadraticLoss.from_data("2,2 s=2", d)


def test_unreached_coordinates_do_not_make_q_singular():
    # 2,2,2 s=3,2 reaches 8 of its 11 coordinates: 10 one-output samples leave Q of rank 10 < 11,
    # yet the loss on M has a unique centre; the loss is the data's on images of weights
    arch = "2,2,2 s=3,2"
    d = Dataset.random(arch, 10, seed=3)
    loss = QuadraticLoss.from_data(arch, d)
    reach = Parameterization(arch).support
    assert len(reach) == 8 and "8 coordinates the architecture reaches" in loss.description
    assert all(loss.u[m] == 0 and loss.Q[m][m] == 1 for m in range(11) if m not in reach)
    assert loss.is_positive_definite()
    rng = random.Random(5)
    for _ in range(3):
        theta = [Fraction(rng.randint(-5, 5), rng.randint(1, 3)) for _ in range(6)]
        w = Parameterization(arch).evaluate(theta)
        direct = sum((sum(Fraction(x) * w[j] for j, x in enumerate(xs)) - Fraction(ys[0])) ** 2
                     for xs, ys in zip(d.inputs, d.targets))
        assert loss.loss(w) == direct
    with pytest.raises(InputError, match=r"^data: the patch matrix Q has rank 7 < 8 on the 8 coordinates"):
        QuadraticLoss.from_data(arch, Dataset.random(arch, 7, seed=3))


def test_loss_work_is_bounded():
    d = Dataset.random("2,2 s=2", 5, seed=0)
    with pytest.raises(Exception, match="max-loss-work"):
        QuadraticLoss.from_data("2,2 s=2", d, limits=Limits(max_loss_work=10))


@pytest.mark.parametrize("Q, u, message", [
    ([[1, 0], [0]], [0, 0], "^Q: row 1"),
    ([[1, 2], [3, 4]], [0, 0], "^Q: not symmetric"),
    ([[1.5]], [0], "^Q: 1.5"),
    ([[1]], [0, 1], "^u: 2 entries"),
    ([], [], "^Q: empty"),
])
def test_bad_quadratic_forms(Q, u, message):
    with pytest.raises(InputError, match=message):
        QuadraticLoss(Q, u)


def test_constructors_are_seeded():
    assert QuadraticLoss.generic(4, seed=2) == QuadraticLoss.generic(4, seed=2)
    assert QuadraticLoss.generic(4, seed=2) != QuadraticLoss.generic(4, seed=3)
    assert QuadraticLoss.identity(n=3, seed=1).is_positive_definite()
    with pytest.raises(InputError, match="^u:"):
        QuadraticLoss.identity()
