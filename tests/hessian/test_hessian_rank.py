"""hessian_rank: dense networks are certified by the SBH21 formula; inputs are checked."""

import random

import pytest

from lcnalg import FunctionSpace
from lcnalg.errors import InputError, ResourceLimitError
from lcnalg.hessian import dense_hessian_ranks, hessian_rank
from lcnalg.hessian.convolution import check_hessian_entries, convolution_hessian, convolution_layers
from lcnalg.hessian.rank import seeded_data, seeded_point
from lcnalg.limits import Limits


def test_dense_architecture_meets_the_formula():
    # first filter covers the whole input, the last has size 1: a dense 1 x 3 then 1 x 1 network
    r = hessian_rank("3,1", samples=5, seed=2)
    f = dense_hessian_ranks(r.data_rank, 1, [1])
    assert (r.rank_outer, r.rank_functional, r.rank_loss) == (f["outer"], f["functional"], f["loss"])
    assert r.certified


@pytest.mark.parametrize("arch", ["2,2,2", "3,2 s=2", "2x2,2x2", "2x3,2x1 s=1x2,1x1"])
def test_ranks_within_bounds(arch):
    r = FunctionSpace(arch, seed=5).hessian_rank()
    for part in ("loss", "outer", "functional"):
        assert getattr(r, f"rank_{part}") <= r.bounds["toeplitz"][part] <= r.num_parameters
    # H_o = 2 DF^T (Sigma x I) DF: its rank is at most the function space's dimension
    assert r.rank_outer <= r.bounds["function_space"]["outer"] == FunctionSpace(arch).dimension.value


def test_bad_data():
    with pytest.raises(InputError, match="samples"):
        hessian_rank("2,2", samples=0)
    with pytest.raises(InputError, match="inputs"):
        hessian_rank("2,2", inputs=[[1, 2]], targets=[[1]])
    with pytest.raises(InputError, match="inputs"):
        hessian_rank("2,2", inputs=[], targets=[])
    with pytest.raises(InputError, match="targets"):
        hessian_rank("2,2", inputs=[[1, 2, 3]], targets=[[1, 2]])
    with pytest.raises(InputError, match="non-finite"):
        hessian_rank("2,2", inputs=[[1, float("inf"), 3]], targets=[[1]])



@pytest.mark.parametrize("arch, bound, method", [("2,2", 15, "sketch"), ("2,2", 25, "sketch"), ("3,2 s=2", 40, "sketch"),
                                                 ("2,2,2", 30, "sketch"), ("2,3 s=2", 50, "sketch"),
                                                 ("2,2 c=1,2,1", 50, "sketch")])
def test_size_bounds_refuse_before_the_data_with_the_message_of_the_hessian(arch, bound, method):
    """hessian_rank checks the bounds of the Hessian before it draws its random data: the
    refusal is the one convolution_hessian gives on the same layers with those data (either
    bound: the entries stored, or those of the assembly)."""
    limits = Limits(max_hessian_entries=bound)
    with pytest.raises(ResourceLimitError) as early:
        hessian_rank(arch, method=method, limits=limits)
    layers = convolution_layers(arch)
    rng = random.Random(0)
    inputs, targets = seeded_data(layers, layers[0].cols + 1, rng)
    with pytest.raises(ResourceLimitError) as late:
        convolution_hessian(layers, seeded_point(layers, rng), [list(c) for c in zip(*inputs)],
                            [list(c) for c in zip(*targets)], limits=limits)
    assert str(early.value) == str(late.value)
    check_hessian_entries(layers, layers[0].cols + 1, Limits(max_hessian_entries=bound * 10**6))
