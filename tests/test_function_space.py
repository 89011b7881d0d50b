"""FunctionSpace basics: known cases, filling, exports, bad input (the dimension algorithm's
own tests are in tests/algebra/test_dimension.py)."""

from __future__ import annotations

import json
import sys

import pytest
from hypothesis import given, settings

import lcnalg
from lcnalg import FunctionSpace, InputError, Limits

from tests.strategies import architectures


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
    """docs/theory.md#filling [KMMT22, KMST24]: reduced 1D is filling iff t_{L-1} = 1."""
    assert FunctionSpace(arch).is_filling == (arch.cumulative_strides[-2] == (1,))


@settings(max_examples=60, deadline=None)
@given(architectures(ndim=2, max_layers=3, max_size=3, max_stride=2, max_ambient=60, reduced=True))
def test_2d_filling_only_in_degenerate_cases(arch):
    """docs/theory.md#filling: filling in 2D only with one non-trivial layer or all along one axis."""
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


def test_bad_seed_and_arch():
    with pytest.raises(InputError):
        FunctionSpace("3,2", seed="x")
    with pytest.raises(InputError):
        FunctionSpace(3)


def test_seed_zero_is_not_the_default_and_limits_are_checked():
    assert FunctionSpace("3,2", seed=0).seed == 0 and FunctionSpace("3,2", seed=5).seed == 5
    with pytest.raises(InputError):
        FunctionSpace("3,2", limits={"max_minors": 3})


# The façade computes each shared input once and hands it down; its seed reaches every
# random choice.

ARCH = "2x2,2x2 s=2x2"


def _spy(monkeypatch, name: str, calls: list) -> None:
    """Wrap the function ``name`` wherever an lcnalg module holds it, recording each call."""
    original = None
    for mod in list(sys.modules.values()):
        if (getattr(mod, "__name__", "") or "").startswith("lcnalg") and callable(getattr(mod, name, None)):
            original = getattr(mod, name)
            if getattr(original, "__module__", "").startswith("lcnalg"):
                break
    assert original is not None, name

    def wrapper(*args, **kwargs):
        calls.append((args, kwargs))
        return original(*args, **kwargs)

    for mod in list(sys.modules.values()):
        if (getattr(mod, "__name__", "") or "").startswith("lcnalg") and getattr(mod, name, None) is original:
            monkeypatch.setattr(mod, name, wrapper)


@pytest.fixture
def loaded():
    # import every module that may hold the spied functions before patching them
    import lcnalg.plot  # noqa: F401
    import lcnalg.real  # noqa: F401
    import lcnalg.singularities  # noqa: F401


def test_stratification_computes_equations_and_dimension_once(monkeypatch, loaded):
    eq_calls: list = []
    dim_calls: list = []
    _spy(monkeypatch, "implicit_equations", eq_calls)
    _spy(monkeypatch, "function_space_dimension", dim_calls)
    fs = FunctionSpace(ARCH)
    s = fs.stratification()
    assert len(eq_calls) == 1 and len(dim_calls) == 1
    # cached: asking again, or for the pieces, computes nothing new
    assert fs.stratification() is s
    fs.implicit_equations()
    fs.dimension  # noqa: B018
    assert len(eq_calls) == 1 and len(dim_calls) == 1
    # the singular locus reuses them too
    fs.singular_locus()
    assert len(eq_calls) == 1 and len(dim_calls) == 1


@pytest.mark.parametrize("seed", [0, 7])
def test_the_seed_reaches_every_random_choice(monkeypatch, loaded, seed):
    calls: dict[str, list] = {}
    for name in ("function_space_dimension", "implicit_equations", "singular_locus", "boundary",
                 "certify_family"):
        calls[name] = []
        _spy(monkeypatch, name, calls[name])
    FunctionSpace(ARCH, seed=seed).stratification()
    for name in ("function_space_dimension", "implicit_equations", "singular_locus", "boundary"):
        assert calls[name], name
        assert all(kw.get("seed") == seed for _, kw in calls[name]), name
    assert all(kw.get("seed") == seed for _, kw in calls["certify_family"])


def test_different_seeds_give_the_same_answers():
    a, b = FunctionSpace(ARCH, seed=0), FunctionSpace(ARCH, seed=7)
    assert a.stratification().strata() == b.stratification().strata()
    assert a.implicit_equations().equations == b.implicit_equations().equations
    assert FunctionSpace("3,2 s=2", seed=0).critical_locus().dimension == FunctionSpace("3,2 s=2", seed=7).critical_locus().dimension


def test_limits_reach_the_algorithms():
    # a polynomial network beyond the bound: its zero layers' bounds, naming it
    cut = FunctionSpace("3,3 r=2", limits=Limits(max_minors=1)).critical_locus()
    assert not cut.minors_formed and "--max-minors" in cut.limitations
    # a linear network beyond the bound: its families' bounds, naming it; a method's own
    # keyword overrides the field
    assert FunctionSpace("2,2,2 s=2,2").critical_locus().minors_formed
    for r in (FunctionSpace("2,2,2 s=2,2", limits=Limits(max_minors=10)).critical_locus(),
              FunctionSpace("2,2,2 s=2,2").critical_locus(max_minors=10)):
        assert not r.minors_formed and "--max-minors" in r.limitations


def test_flat_public_api():
    for name in ("Architecture", "Parameterization", "FunctionSpace", "Limits", "InputError",
                 "ResourceLimitError", "InternalError", "function_space_dimension", "implicit_equations",
                 "contains", "inequalities", "boundary", "is_zariski_closed", "critical_locus",
                 "singular_locus", "stratification"):
        assert callable(getattr(lcnalg, name)), name
        assert name in lcnalg.__all__
    assert lcnalg.singular_locus("2,2 s=2").dimension == 0
