"""Architecture: parsing, writing back, derived data, reduction, bad input."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings, strategies as st

from lcnalg import Architecture, ArchitectureError, LCNAlgError

from tests.strategies import architectures


@st.composite
def any_architecture(draw) -> Architecture:
    d = draw(st.integers(1, 3))
    layers = draw(st.integers(1, 5))
    filters = tuple(tuple(draw(st.integers(1, 6)) for _ in range(d)) for _ in range(layers))
    strides = tuple(tuple(draw(st.integers(1, 4)) for _ in range(d)) for _ in range(layers))
    r = draw(st.one_of(st.none(), st.integers(1, 5)))
    c = draw(st.one_of(st.none(), st.lists(st.integers(1, 4), min_size=layers + 1, max_size=layers + 1)))
    return Architecture(filters, strides, r, c)


@given(any_architecture())
def test_round_trip(arch):
    assert Architecture.parse(str(arch)) == arch
    assert hash(Architecture.parse(str(arch))) == hash(arch)
    assert str(Architecture.parse(str(arch))) == str(arch)


@pytest.mark.parametrize(
    "text, filters, strides, r",
    [
        ("3,2 s=2", ((3,), (2,)), ((2,), (1,)), None),
        ("2x2,2x2", ((2, 2), (2, 2)), ((1, 1), (1, 1)), None),
        ("2x3,3x2 s=1x1", ((2, 3), (3, 2)), ((1, 1), (1, 1)), None),
        ("2,2,2 s=2,2 r=2", ((2,), (2,), (2,)), ((2,), (2,), (1,)), 2),
        ("2x3,3x2 s=1x1,1x1", ((2, 3), (3, 2)), ((1, 1), (1, 1)), None),
        ("3,2 s=2,5", ((3,), (2,)), ((2,), (5,)), None),
        ("3 r=1", ((3,),), ((1,),), None),
    ],
)
def test_parse_examples(text, filters, strides, r):
    a = Architecture.parse(text)
    assert (a.filters, a.strides, a.activation) == (filters, strides, r)


def test_normal_form():
    assert str(Architecture.parse("2x3,3x2 s=1x1,1x1")) == "2x3,3x2"
    assert str(Architecture.parse("3,2 s=2,5")) == "3,2 s=2,5"
    assert str(Architecture.parse("3 , 2 s = 2 ")) == "3,2 s=2"


def test_stride_rule_example():
    # docs/theory.md#stride-rule: k = 1 + Σ (k_l - 1) t_{l-1}
    a = Architecture.parse("2,2,2 s=3,2")
    assert a.cumulative_strides == ((1,), (3,), (6,), (6,))
    assert a.end_to_end_filter_shape == (1 + 1 + 3 + 6,)
    assert Architecture.parse("2x3,3x2 s=2x1").end_to_end_filter_shape == (1 + 1 + 2 * 2, 1 + 2 + 1)


@given(any_architecture())
def test_derived_quantities(arch):
    t = arch.cumulative_strides
    assert len(t) == arch.num_layers + 1 and t[0] == (1,) * arch.ndim
    for a in range(arch.ndim):
        assert t[-1][a] == math.prod(s[a] for s in arch.strides)
        assert arch.end_to_end_filter_shape[a] == 1 + sum(
            (f[a] - 1) * t[l][a] for l, f in enumerate(arch.filters))
    ch = arch.channels or (1,) * (arch.num_layers + 1)
    assert arch.num_parameters == sum(
        ch[l] * ch[l + 1] * math.prod(f) for l, f in enumerate(arch.filters))


@given(architectures(max_layers=4))
def test_reduced_keeps_the_end_to_end_support(arch):
    """Dropping single-entry layers keeps the function space (up to the s_1 embedding)."""
    from lcnalg import Parameterization
    from lcnalg.algebra.dimension import support

    red = arch.reduced()
    assert red.is_reduced or red.num_layers == 1
    assert Architecture.parse(str(red)) == red
    # Same end-to-end support once a leading 1-layer's stride is divided out.
    lead = [1] * arch.ndim
    for f, s in zip(arch.filters, arch.strides):
        if math.prod(f) != 1:
            break
        lead = [a * b for a, b in zip(lead, s)]
    sup = support(Parameterization(arch))
    sup_red = support(Parameterization(red))
    shape = arch.end_to_end_filter_shape
    shape_red = red.end_to_end_filter_shape

    def unflat(i, sh):
        out = []
        for n in reversed(sh):
            out.append(i % n)
            i //= n
        return tuple(reversed(out))

    mapped = {tuple(x * m for x, m in zip(unflat(i, shape_red), lead)) for i in sup_red}
    assert mapped == {unflat(i, shape) for i in sup}


def test_reduced_refuses_activation_networks():
    with pytest.raises(ArchitectureError, match="reduced"):
        Architecture.parse("3,1,2 r=2").reduced()


@pytest.mark.parametrize(
    "text, field",
    [
        ("", "architecture"),
        ("   ", "architecture"),
        ("3,,2", "filters"),
        ("0,2", "filters"),
        ("-1,2", "filters"),
        ("2x2,3", "mixed dimensions"),
        ("3,2 s=2,2,2", "strides"),
        ("3,2 s=2x2", "strides"),
        ("2x2,2x2 s=2", "got 2 (1 axis)"),
        ("2.5,2", "filters"),
        ("3 r=0", "activation"),
        ("3 r=-2", "activation"),
        ("3,2 c=1,2", "channels"),
        ("3 q=1", "options"),
        ("3 s=2 s=2", "twice"),
        ("99999999999", "bound"),
        ("s=2", "filters"),
        ("3,2 s=0", "strides"),
        ("1x1x1x1x1x1x1x1x1", "axes"),
    ],
)
def test_bad_strings_name_the_field(text, field):
    with pytest.raises(ArchitectureError) as info:
        Architecture.parse(text)
    message = str(info.value)
    assert field in message and "accepted form" in message and "\n" not in message


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(filters=()),
        dict(filters=((0,),)),
        dict(filters=((2.0,),)),
        dict(filters=((True,),)),
        dict(filters="3,2"),
        dict(filters=((2,), (2,)), strides=((1, 1), (1, 1))),
        dict(filters=((2,),), activation=0),
        dict(filters=((2,),), activation=1.5),
        dict(filters=((2,),), channels=(1,)),
        dict(filters=((2,),), channels=(1, 0)),
        dict(filters=((10_000,),) * 20, strides=((10_000,),) * 20),
    ],
)
def test_bad_fields(kwargs):
    with pytest.raises(ArchitectureError):
        Architecture(**kwargs)


@settings(max_examples=300)
@given(st.text(max_size=30))
def test_garbage_strings_raise_only_lcnalg_errors(text):
    try:
        arch = Architecture.parse(text)
    except LCNAlgError as err:
        assert "\n" not in str(err)
    else:
        assert Architecture.parse(str(arch)) == arch


def test_non_string_is_refused():
    with pytest.raises(ArchitectureError, match="expected a string"):
        Architecture.parse(32)


def test_coerce_and_layer_pairs():
    from lcnalg import InputError

    a = Architecture.parse("3,2,2 s=2,2")
    assert Architecture.coerce(a) is a and Architecture.coerce("3,2,2 s=2,2") == a
    with pytest.raises(InputError, match="architecture"):
        Architecture.coerce(3)
    assert a.layer_pairs() == ((0, 1, 2), (0, 2, 4), (1, 2, 2))
    assert Architecture.parse("2,2,2").layer_pairs() == ((0, 1, 1), (0, 2, 1), (1, 2, 1))
