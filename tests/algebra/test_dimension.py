"""Dimension of the function space: the dimension formula of docs/theory.md#dimension is the oracle."""

from __future__ import annotations

from hypothesis import given, settings

from lcnalg import Architecture, FunctionSpace
from lcnalg.algebra.dimension import support

from tests.strategies import architectures


def formula_dimension(arch: Architecture) -> int:
    """docs/theory.md#dimension: Σ_l |k_l| − (L−1) (1D [KMST24]; D dims [derived])."""
    return sum(arch.filter_sizes) - (arch.num_layers - 1)


@settings(max_examples=300, deadline=None)
@given(architectures(max_layers=4, max_size=3, max_stride=3, max_ambient=80, reduced=True))
def test_dimension_equals_formula_on_random_reduced_architectures(arch):
    d = FunctionSpace(arch, seed=1).dimension
    assert d.value == formula_dimension(arch)
    assert d.certified and d.failure_probability is None
    assert d.lower_bound == d.value == d.upper_bound


@settings(max_examples=100, deadline=None)
@given(architectures(max_layers=3, max_size=3, max_stride=3, max_ambient=60))
def test_dimension_bounds_hold_on_any_architecture(arch):
    d = FunctionSpace(arch).dimension
    assert d.lower_bound <= d.value <= d.upper_bound <= arch.num_parameters
    assert d.value <= len(support(FunctionSpace(arch).parameterization))
    # non-reduced: the formula still holds for the reduced architecture
    assert d.value == formula_dimension(arch.reduced())


def test_probabilistic_label_when_bounds_do_not_meet(monkeypatch):
    """Force a rank below the upper bound: the result must be labelled probabilistic."""
    from lcnalg.algebra import dimension as dim_module
    from lcnalg.parameterization import Parameterization

    mu = Parameterization("3,2 s=2")
    monkeypatch.setattr(Parameterization, "jacobian_rank", lambda self, theta, modulus=None: 3)
    d = dim_module.function_space_dimension(mu, seed=0, trials=2)
    assert d.value == 3 and not d.certified
    assert 0 < d.failure_probability < 1e-30
    assert "minor" in d.how_to_certify and "probabilistic" in d.to_text()


def test_large_jacobians_are_refused_before_they_are_built(capsys):
    """info on huge architectures: one line naming the bound, at once (no FLINT abort, no
    MemoryError, no minutes inside one rank)."""
    import time

    from lcnalg.cli import main

    for arch, option in [("3000,3000", "--max-jacobian-entries"), ("10000,10000", "--max-jacobian-entries"),
                         ("100x100,100x100", "--max-jacobian-entries"),
                         ("10000,10000 s=10000", "--max-coordinates"),
                         ("1000,1000", "--max-symbolic-entries")]:
        start = time.perf_counter()
        assert main(["info", arch]) == 2
        out, err = capsys.readouterr()
        assert not out and len(err.strip().splitlines()) == 1 and option in err, (arch, err)
        assert time.perf_counter() - start < 20, arch


def test_jacobian_bound_is_a_limits_field():
    import pytest

    from lcnalg import Limits, Parameterization, ResourceLimitError
    from lcnalg.algebra.dimension import function_space_dimension

    mu = Parameterization("3,2 s=2", limits=Limits(max_jacobian_entries=24))
    with pytest.raises(ResourceLimitError) as err:
        function_space_dimension(mu)
    assert err.value.limit == "max_jacobian_entries" and err.value.estimate == 25
    assert function_space_dimension(mu, limits=Limits(max_jacobian_entries=25)).value == 4
