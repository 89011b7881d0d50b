"""FunctionSpace basics: the dimension formula of MATH.md §2 is the oracle."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings, strategies as st

from lcnalg import Architecture, FunctionSpace, InputError
from lcnalg.algebra.dimension import support

from tests.strategies import architectures


def formula_dimension(arch: Architecture) -> int:
    """MATH.md §2: Σ_l |k_l| − (L−1) (1D [KMST24]; D dims [derived])."""
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


@pytest.mark.parametrize(
    "text, dim, ambient, filling",
    [
        ("3,2", 4, 4, True),
        ("3,2 s=2", 4, 5, False),
        ("2,2,2 s=1,2", 4, 5, False),
        ("2,2,2 s=2,2", 4, 8, False),
        ("2x2,2x2", 7, 9, False),
        ("2x1,1x2", 3, 4, False),
        ("2x2,2x2 s=2x2", 7, 16, False),
        ("1x3,1x2", 4, 4, True),
        ("3x1,2x1", 4, 4, True),
        ("2x2,1x1", 4, 4, True),
        ("2x2x2,2x2x2", 15, 27, False),
        ("4", 4, 4, True),
    ],
)
def test_known_cases(text, dim, ambient, filling):
    fs = FunctionSpace(text)
    assert (fs.dimension.value, fs.ambient_dimension, fs.is_filling) == (dim, ambient, filling)


@settings(max_examples=100, deadline=None)
@given(architectures(ndim=1, max_layers=4, max_size=4, max_stride=3, max_ambient=60, reduced=True))
def test_filling_in_1d_iff_strides_before_last_layer_are_one(arch):
    """MATH.md §2 [KMMT22, KMST24]: reduced 1D is filling iff t_{L-1} = 1."""
    assert FunctionSpace(arch).is_filling == (arch.cumulative_strides[-2] == (1,))


@settings(max_examples=60, deadline=None)
@given(architectures(ndim=2, max_layers=3, max_size=3, max_stride=2, max_ambient=60, reduced=True))
def test_2d_filling_only_in_degenerate_cases(arch):
    """MATH.md §2: filling in 2D only with one non-trivial layer or all along one axis."""
    along_one_axis = any(all(f[b] == 1 for f in arch.filters) for b in range(2))
    if FunctionSpace(arch).is_filling:
        assert arch.num_layers == 1 or along_one_axis


def test_result_object_exports():
    d = FunctionSpace("3,2 s=2").dimension
    data = json.loads(d.to_json())
    assert data["value"] == 4 and data["certified"] is True and data["status"] == "certified"
    assert data["architecture"] == "3,2 s=2" and data["primes"]
    assert r"\dim" in d.to_latex() and d._repr_latex_().startswith("$")
    assert "certified" in str(d)
    with pytest.raises(Exception):
        d.value = 3  # frozen


def test_probabilistic_label_when_bounds_do_not_meet(monkeypatch):
    """Force a rank below the upper bound: the result must be labelled probabilistic."""
    from lcnalg import dimension as dim_module
    from lcnalg.parameterization import Parameterization

    mu = Parameterization("3,2 s=2")
    monkeypatch.setattr(Parameterization, "jacobian_rank", lambda self, theta, modulus=None: 3)
    d = dim_module.function_space_dimension(mu, seed=0, trials=2)
    assert d.value == 3 and not d.certified
    assert 0 < d.failure_probability < 1e-30
    assert "minor" in d.how_to_certify and "probabilistic" in d.to_text()


def test_bad_seed_and_arch():
    with pytest.raises(InputError):
        FunctionSpace("3,2", seed="x")
    with pytest.raises(InputError):
        FunctionSpace(3)
