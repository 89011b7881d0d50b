"""Filters in a fixed basis: the restricted map, its dimension and equations, against the unrestricted network."""

from __future__ import annotations

import math

import pytest
import sympy
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lcnalg import (BasisParameterization, FilterBasis, FunctionSpace, InputError, Parameterization, basis_equations,
                    compare_basis, function_space_dimension, implicit_equations)
from lcnalg.rings import to_sympy
from tests.strategies import architectures

FAST = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def bases(draw, arch):
    """A random integer basis of random rank for every layer of ``arch`` (independent vectors)."""
    layers = []
    for f in arch.filters:
        k = math.prod(f)
        r = draw(st.integers(1, k))
        rows = [[draw(st.integers(-3, 3)) for _ in range(k)] for _ in range(r)]
        assume(sympy.Matrix(rows).rank() == r)
        layers.append(rows)
    return FilterBasis(arch, layers)


def _small(draw_arch=architectures(max_layers=2, max_size=3, max_ambient=9)):
    return draw_arch


@FAST
@given(arch=_small(), data=st.data())
def test_parameterization_is_the_substitution(arch, data):
    """Independent route: sympy substitution of w_l = B_l a_l into the unrestricted coordinates."""
    basis = data.draw(bases(arch))
    mu = BasisParameterization(arch, basis)
    U = Parameterization(arch)
    a = sympy.symbols(mu.parameter_names)
    w = sympy.symbols(U.parameter_names)
    subs = {}
    for (lo, _), (wlo, _), vecs in zip(mu.layer_slices, U.layer_slices, basis.integer_vectors()):
        for j in range(len(vecs[0])):
            subs[w[wlo + j]] = sum(v[j] * a[lo + i] for i, v in enumerate(vecs))
    for mine, theirs in zip(mu.to_sympy(), U.to_sympy()):
        assert sympy.expand(mine - theirs.subs(subs, simultaneous=True)) == 0
    point = data.draw(st.lists(st.integers(-5, 5), min_size=mu.num_parameters, max_size=mu.num_parameters))
    values = dict(zip(a, point))
    assert list(mu.evaluate(point)) == [c.subs(values) for c in mu.to_sympy()]
    p = 101
    assert mu.evaluate_mod(point, p) == tuple(int(c.subs(values)) % p for c in mu.to_sympy())
    jac = sympy.Matrix(mu.to_sympy()).jacobian(a).subs(values)
    assert mu.jacobian_at(point).tolist() == jac.tolist()


@FAST
@given(arch=_small(), data=st.data())
def test_dimension_is_the_jacobian_rank_and_at_most_the_unrestricted(arch, data):
    basis = data.draw(bases(arch))
    mu = BasisParameterization(arch, basis)
    d = function_space_dimension(mu)
    assert d.certified
    a = sympy.symbols(mu.parameter_names)
    generic = sympy.Matrix(mu.to_sympy()).jacobian(a).rank()  # symbolic rank: the generic rank
    assert d.value == generic
    assert d.value <= min(sum(basis.ranks) - (arch.num_layers - 1), arch.ambient_dimension)
    assert d.value <= function_space_dimension(Parameterization(arch)).value


@FAST
@given(arch=architectures(max_layers=2, max_size=3, max_ambient=6, ndim=1))
def test_identity_basis_is_the_unrestricted_function_space(arch):
    mu = BasisParameterization(arch, FilterBasis.identity(arch))
    r = basis_equations(mu, max_degree=2)
    u = implicit_equations(Parameterization(arch), max_degree=2, certify=False)
    assert r.dimension == u.dimension
    assert r.degrees == u.degrees
    # the same ideal up to degree 2: each side's generators vanish on the other parameterization
    from lcnalg.algebra.certify import verify_equations
    assert all(verify_equations(Parameterization(arch), list(r.polynomials)))
    assert all(verify_equations(mu, list(u.polynomials)))
    c = compare_basis(mu)
    assert c.proper is False and c.added_equations == ()


@FAST
@given(arch=architectures(max_layers=2, max_size=3, max_ambient=6), data=st.data())
def test_every_equation_vanishes_on_the_parameterization(arch, data):
    basis = data.draw(bases(arch))
    mu = BasisParameterization(arch, basis)
    r = basis_equations(mu, max_degree=2)
    coords = dict(zip(sympy.symbols(mu.coordinate_names), mu.to_sympy()))
    for poly in r.polynomials:
        assert sympy.expand(to_sympy(poly).subs(coords, simultaneous=True)) == 0
    c = compare_basis(mu)
    # proper exactly when the dimension drops; an added equation is not in the unrestricted ideal
    assert c.proper == (c.dimension < c.unrestricted_dimension)
    ucoords = dict(zip(sympy.symbols(mu.coordinate_names), Parameterization(arch).to_sympy()))
    for text in c.added_equations:
        assert sympy.expand(sympy.sympify(text).subs(ucoords, simultaneous=True)) != 0
    if not c.proper:
        assert c.added_equations == ()


def test_separable_basis_for_2d_filters():
    """Separable 2x2 basis of a 3x3 layer: computed dimension against the count of coefficients."""
    arch = "3x3,2x2"
    sep = FilterBasis.family("separable", arch, 2)
    assert sep.ranks == (4, 4)
    # every vector is an outer product u (x) v: a 3x3 matrix of rank 1
    for v in sep.vectors[0]:
        assert sympy.Matrix(3, 3, list(v)).rank() == 1
    c = compare_basis(BasisParameterization(arch, sep), max_degree=1)
    assert c.dimension == function_space_dimension(BasisParameterization(arch, sep)).value
    assert c.dimension <= 4 + 4 - 1 < c.unrestricted_dimension
    assert c.proper is True
    # a full separable basis (size 3) spans everything: the same function space
    full = compare_basis(BasisParameterization(arch, FilterBasis.family("separable", arch, 3)), max_degree=1)
    assert full.proper is False and full.dimension == full.unrestricted_dimension


def test_families():
    haar = FilterBasis.family("haar", "8", 8).vectors[0]
    # Haar system: pairwise orthogonal
    for i, u in enumerate(haar):
        for v in haar[:i]:
            assert sum(x * y for x, y in zip(u, v)) == 0
    poly = FilterBasis.family("polynomial", "4x4", 2).vectors[0]
    assert len(poly) == 3  # 1, i, j
    assert FilterBasis.family("polynomial", "3,5", 4).ranks == (3, 4)  # size capped by each filter


@pytest.mark.parametrize("layers, field", [
    ([[[1, 2]], [[1, 0]]], r"basis.layers\[0\]\[0\]: a basis vector of 2 entries; the layer's filter has 3"),
    ([[[1, 2, 3], [2, 4, 6]], [[1, 0]]], r"basis.layers\[0\]: the 2 vectors have rank 1"),
    ([[[1, 0.1, 3]], [[1, 0]]], None),  # a finite float is read exactly
    ([[[1, float("nan"), 3]], [[1, 0]]], r"basis.layers\[0\]\[0\]: non-finite"),
    ([[[1, "x", 3]], [[1, 0]]], r"basis.layers\[0\]\[0\]: 'x' is not an integer"),
    ([[[1, 2, 3]]], r"basis.layers: 1 layers given"),
    ([[], [[1, 0]]], r"basis.layers\[0\]: expected at least one"),
    ([[[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]], [[1, 0]]], r"basis.layers\[0\]: 4 vectors of length 3"),
])
def test_bad_bases_are_one_line_errors_naming_the_field(layers, field):
    if field is None:
        assert FilterBasis("3,2", layers).ranks == (1, 1)
        return
    with pytest.raises(InputError, match=field) as err:
        FilterBasis("3,2", layers)
    assert "\n" not in str(err.value)


def test_function_space_with_a_basis():
    fs = FunctionSpace("3,2 s=2", basis={"family": "haar", "size": 2})
    assert fs.dimension.value == 3 and fs.summary().num_parameters == 4
    with pytest.raises(InputError, match="^basis: contains"):
        fs.contains([1, 0, 0, 0, 0])
    # every method but those listed refuses basis= (none computes the unrestricted answer silently)
    allowed = {"ambient_dimension", "compare_basis", "dimension", "implicit_equations", "is_filling",
               "parameterization", "summary"}
    import inspect
    for name, _ in inspect.getmembers(FunctionSpace):
        if name.startswith("_") or name in allowed:
            continue
        arguments = {"filt": [1, 0, 0, 0, 0]} if name == "contains" else {}
        with pytest.raises(InputError, match="^basis: "):
            value = getattr(fs, name)  # a property (degree) refuses when read
            value(**arguments)
    with pytest.raises(InputError, match="^basis: filters in a fixed basis cover linear"):
        FunctionSpace("2,2 r=2", basis={"family": "haar", "size": 1})
    with pytest.raises(InputError, match="^basis: compare_basis"):
        FunctionSpace("2,2").compare_basis()


def test_cli(tmp_path, capsys):
    from lcnalg.cli import main
    good = tmp_path / "b.json"
    good.write_text('{"layers": [[[1, 1, 1], [0, 1, 2]], [[1, 1]]]}')
    assert main(["equations", "3,2", "--basis", str(good), "--compare", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"proper": true' in out
    bad = tmp_path / "bad.json"
    bad.write_text('{"layers": [[[1, 1]], [[1, 1]]]}')
    assert main(["info", "3,2", "--basis", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "--basis" in err and "basis.layers[0][0]" in err
    assert main(["strata", "3,2", "--basis", str(good)]) == 2
    assert main(["equations", "3,2", "--compare"]) == 2


def test_whole_ideal_certificate_fails_without_the_cubic():
    """2x2,2x2 with the polynomial basis of size 2: three linear equations and one cubic generate
    the ideal (certified by elimination); without the cubic (degree <= 2) the certificate must fail."""
    mu = BasisParameterization("2x2,2x2", FilterBasis.family("polynomial", "2x2,2x2", 2))
    full = basis_equations(mu, max_degree=3, certify=True)
    assert full.certified and full.degrees == (1, 1, 1, 3)
    cut = basis_equations(mu, max_degree=2, certify=True)
    assert not cut.certified and cut.degrees == (1, 1, 1)
    assert str(cut.status) == "complete up to degree 2"
