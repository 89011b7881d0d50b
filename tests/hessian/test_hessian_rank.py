"""hessian_rank: dense networks are certified by the SBH21 formula; inputs are checked."""

import pytest

from lcnalg import FunctionSpace
from lcnalg.errors import InputError
from lcnalg.hessian import dense_hessian_ranks, hessian_rank


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
