"""Critical locus of mu: the shared-(hyper)root description against exact ranks, the
minors' decomposition against the planted families."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from lcnalg import Architecture, Limits, Parameterization
from lcnalg.errors import ResourceLimitError
from lcnalg.polys.minors import count_minors
from lcnalg.singularities.critical import (coprime_minors, critical_locus, is_critical, planted_families,
                                           shared_root_image_dimension, shared_root_point,
                                           shares_hyperroot)

STRIDE_ONE = ["2,2", "3,2", "2,3", "2,2,2", "3,3", "4,2", "2,2,3"]
STRIDED = ["3,2 s=2", "3,3 s=2", "2,2,2 s=2,2", "3,3 s=3", "4,2 s=2", "3,2,2 s=2,2", "4,3 s=3"]


@st.composite
def stride_one_points(draw):
    arch = draw(st.sampled_from(STRIDE_ONE))
    a = Architecture.parse(arch)
    ints = st.integers(-4, 4)
    layers = [draw(st.lists(ints, min_size=f[0], max_size=f[0])) for f in a.filters]
    if draw(st.booleans()):   # plant a common root (possibly at infinity)
        l, m = draw(st.sampled_from([(i, j) for i in range(len(layers)) for j in range(i + 1, len(layers))]))
        root = draw(st.sampled_from([None, -2, -1, 0, 1, 3]))
        for i in (l, m):
            q = draw(st.lists(ints, min_size=len(layers[i]) - 1, max_size=len(layers[i]) - 1))
            layers[i] = ([0] + q) if root is None else [(q[j - 1] if j else 0) - root * (q[j] if j < len(q) else 0)
                                                         for j in range(len(q) + 1)]
            if root is None:   # root at infinity: top coefficient zero
                layers[i] = q + [0]
    return arch, layers


@settings(max_examples=150, deadline=None)
@given(stride_one_points())
def test_stride_one_critical_iff_shared_root(data):
    arch, theta = data
    assert is_critical(arch, theta) == shares_hyperroot(arch, theta)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(STRIDED), st.integers(0, 10**6), st.booleans())
def test_strided_planted_hyperroots_are_critical(arch, seed, plant):
    fams = planted_families(arch)
    if plant and fams:
        pair = fams[seed % len(fams)]
        theta, _ = shared_root_point(arch, pair, seed)
        assert shares_hyperroot(arch, theta) and is_critical(arch, theta)
    else:
        theta = Parameterization(arch).random_point(seed, bound=20)
        assert is_critical(arch, theta) == shares_hyperroot(arch, theta)


def test_zero_layers():
    assert is_critical("2,2,2", [[0, 0], [1, 2], [3, 1]])
    assert shares_hyperroot("2,2,2", [[0, 0], [1, 2], [3, 1]])
    assert not is_critical("2,1", [[1, 2], [3]])


@pytest.mark.parametrize("arch", STRIDE_ONE[:5])
def test_stride_one_hypersurface_is_resultants(arch):
    r = critical_locus(arch)
    if Architecture.parse(arch).num_layers >= 2:
        assert r.matches_hyperroots is True
        assert r.dimension == r.num_parameters - 1


@pytest.mark.parametrize("arch", ["3,2 s=2", "3,3 s=2", "2,2,2 s=2,2", "3,3 s=3", "3,2,2 s=2,2"])
def test_strided_locus_dimension_independent(arch):
    """Dimension mod p of the minors ideal vs exact ranks of the planted families' maps."""
    r = critical_locus(arch)
    assert r.matches_hyperroots is True
    fam = max(f.dimension for f in r.families)
    assert r.dimension == fam
    # the locus is a proper subset: generic points are not critical
    mu = Parameterization(arch)
    assert not is_critical(arch, mu.random_point(1))


@pytest.mark.parametrize("arch", ["3,2 r=2", "2,1,2 r=2", "2,2 r=3", "2x1,1x2 r=2", "3,2 s=2 r=2"])
def test_polynomial_networks_beyond_the_minors_bound_get_their_zero_layers_bounds(arch):
    """A polynomial network whose maximal minors are refused: the critical zero layers' lower
    bound (decided without minors) and the upper bound of a few minors contain the dimension
    that all the minors give."""
    full = critical_locus(arch, max_minors=10**6)
    cut = critical_locus(arch, max_minors=1)
    assert full.minors_formed and not cut.minors_formed
    assert cut.lower_bound <= full.dimension <= cut.dimension <= cut.num_parameters - 1
    assert {f.layers for f in cut.families if f.critical} <= {f.layers for f in full.families if f.critical}
    assert cut.certified == (cut.lower_bound == cut.dimension)


@pytest.mark.parametrize("arch", ["2,2,2 s=2,2", "3,2,2 s=2,2", "2,2,2", "2,3,2 s=1,2", "2,2,2 s=1,2"])
def test_refused_minors_give_the_families_bounds(arch):
    """Three layers with the maximal minors refused: the certified families' lower bound and an
    upper bound, between which the minors' dimension lies: N - 2 when a few maximal minors have
    no common factor, which happens exactly when all of them have none (no hypersurface factor
    in the answer from all the minors), else N - 1 (a proper closed subset of C^N)."""
    full = critical_locus(arch)
    cut = critical_locus(arch, max_minors=1)
    N = Parameterization(arch).num_parameters
    assert full.minors_formed and not cut.minors_formed and cut.num_minors == 0
    assert cut.lower_bound <= full.dimension <= cut.dimension
    assert cut.dimension == (N - 1 if full.hypersurface_factors else N - 2)
    assert cut.certified == (cut.lower_bound == cut.dimension)
    assert "--max-minors" in cut.limitations
    assert cut.certified or "proved bounds" in cut.to_text()
    if not cut.certified:
        assert str(cut.status) == f"bounds {cut.lower_bound}..{cut.dimension}"


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sizes=st.lists(st.integers(1, 3), min_size=3, max_size=3), strides=st.lists(st.integers(1, 3), min_size=2,
                                                                                     max_size=2), seed=st.integers(0, 99))
def test_coprime_minors_only_where_all_minors_have_no_common_factor(sizes, strides, seed):
    """Soundness of the upper bound N - 2: whenever a few maximal minors have a constant gcd, the
    gcd of all of them (formed, factored over Q) is a constant too, and the minors' dimension of
    the locus is at most N - 2."""
    arch = f"{','.join(map(str, sizes))} s={','.join(map(str, strides))}"
    mu = Parameterization(arch)
    full = critical_locus(arch)
    found = coprime_minors(mu, full.dimension_of_function_space, seed=seed)
    if found is not None:
        assert found >= 1 and not full.hypersurface_factors, arch
        assert full.dimension <= mu.num_parameters - 2, arch
    if full.hypersurface_factors:
        assert found is None, arch


def test_image_dimensions_by_rank():
    # stride one: the shared-root image is the discriminant hypersurface of M = R^k
    assert shared_root_image_dimension("2,2,2", (1, 3), seed=3) == (5, 3)
    # 3,2 s=2: family of dimension 3 = N - r, image of dimension 2
    assert shared_root_image_dimension("3,2 s=2", (1, 2), seed=3) == (3, 2)


def test_result_protocol_and_status():
    import json

    from lcnalg import Limits

    # without its families (refused by max_family_work) 3,2 s=2 keeps the minors' bounds
    for arch, status, limits in (("2,2", "certified", None), ("3,2 s=2", "bounds 0..3", Limits(max_family_work=1))):
        r = critical_locus(arch, limits=limits)
        assert r.status == status
        data = json.loads(r.to_json())
        assert data["status"] == status and "minors" not in data
        assert status in r.provenance() and r.to_text() and r._repr_latex_().startswith("$")
        assert r.to_latex().startswith(r"\begin{tabular}")
    r = critical_locus("2,2")
    assert r.components[0].equation == "w1_1*w2_0 - w1_0*w2_1" and r.components[0].image_dimension == 2
    # the dimension may be handed in; the bound is a Limits field
    assert critical_locus("2,2", dimension=3).dimension == 3
    cut = critical_locus("3,3 r=2", limits=Limits(max_minors=1))   # the bound met is named
    assert not cut.minors_formed and "max_minors" in cut.limitations


def test_oversized_critical_loci_end_at_once(capsys):
    """Minors counted before the symbolic Jacobian is built (9x9,9x9,9x9 aborted in FLINT),
    the Laplace expansion estimated before it runs (3,2,31 ran for minutes), its terms
    counted as they are formed (5,5,5 grew past 16 GB): each stops within seconds, refused
    or, for three layers, answered by the certified families' bounds."""
    import time

    from lcnalg.cli import main

    for argv, option in [(["9x9,9x9,9x9"], "--max-minors"), (["3,2,31"], "--max-subminors"),
                         (["5,5,5", "--max-minor-terms", "1000000"], "--max-minor-terms")]:
        start = time.perf_counter()
        code = main(["critical-locus"] + argv)
        out, err = capsys.readouterr()
        if argv[0] == "9x9,9x9,9x9":   # even the families are beyond their bound: refused
            assert code == 2 and not out and len(err.strip().splitlines()) == 1 and option in err, (argv, err)
        else:   # three layers: the families' proved bounds, naming the bound the minors met
            assert code == 0 and "proved bounds" in out and option in out, (argv, out[-600:], err)
        assert time.perf_counter() - start < 20, argv


@pytest.mark.parametrize("arch, factors", [("1,5", {"w1_0"}), ("1,2,2", {"w1_0", "w2_1*w3_0 - w2_0*w3_1"}),
                                           ("1,1,2", {"w1_0", "w2_0"})])
def test_single_entry_layers_are_answered(arch, factors):
    """A single-entry layer has no root to share: its resultant factor is a component (the
    layer is zero) without a planted shared-root family, and the locus is answered."""
    r = critical_locus(arch)
    assert set(r.hypersurface_factors) == factors and r.dimension == r.num_parameters - 1
    assert r.certified and r.matches_hyperroots
    assert all(c.shared_hyperroot_layers == () for c in r.components if c.equation.startswith("w1_0"))


def test_residual_groebner_basis_bounded():
    """The residual minors' Groebner basis is bounded by limits.max_locus_entries: beyond it
    the dimension of V(minors/gcd) is bounded by N - 2 and the status says which bound."""
    r = critical_locus("3,2 s=2", limits=Limits(max_locus_entries=1, max_family_work=1))
    assert not r.residual_computed and r.residual_dimension == 3 == r.dimension
    assert r.status == "bounds 0..3" and "--max-locus-entries" in r.status.reason
    assert "--max-family-work" in r.status.reason
    full = critical_locus("3,2 s=2", limits=Limits(max_family_work=1))
    assert full.residual_computed and full.dimension == 3 and "max_locus_entries" not in full.limitations
    # two layers: the families prove the dimension, so the bounded residual does not matter
    two = critical_locus("3,2 s=2", limits=Limits(max_locus_entries=1))
    assert not two.residual_computed and two.certified and two.dimension == 3


def _minors_dimension(arch: str) -> int:
    """dim Crit mu from the maximal minors alone: ``N - 1`` when they have a common factor, else
    the dimension of their Groebner basis mod p (an upper bound over Q, equal for all but
    finitely many p)."""
    from functools import reduce

    from lcnalg.algebra.dimension import function_space_dimension
    from lcnalg.polys.groebner import groebner_basis
    from lcnalg.singularities.critical import jacobian_minors

    mu = Parameterization(arch)
    minors = jacobian_minors(mu.jacobian, function_space_dimension(mu).value, mu.ring.from_dict({}), Limits(),
                             "minors")
    g = reduce(lambda a, b: a.gcd(b), minors)
    if not g.is_constant():
        return mu.num_parameters - 1
    return groebner_basis(minors, "degrevlex", modulus=2147483647).dimension()


@st.composite
def two_layer_architectures(draw):
    if draw(st.booleans()):
        k1, k2 = draw(st.integers(1, 5)), draw(st.integers(1, 4))
        return f"{k1},{k2} s={draw(st.integers(1, 3))}"
    k1 = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    k2 = (draw(st.integers(1, 2)), draw(st.integers(1, 3)))
    s = (draw(st.integers(1, 2)), draw(st.integers(1, 2)))
    return f"{k1[0]}x{k1[1]},{k2[0]}x{k2[1]} s={s[0]}x{s[1]}"


@settings(max_examples=25, deadline=None)
@given(two_layer_architectures())
def test_two_layer_families_equal_the_minors(arch):
    """Two layers: the dimension proved by the families (no minor) equals the dimension of the
    maximal-minor ideal, and every family's sample point is critical while a random point is not."""
    from lcnalg.algebra.dimension import function_space_dimension
    from lcnalg.singularities.critical import family_critical_bounds

    mu = Parameterization(arch)
    if mu.num_parameters > 10 or count_minors(mu.ambient_dimension, mu.num_parameters, mu.num_parameters - 1) > 5000:
        return
    rdim = function_space_dimension(mu).value
    out = family_critical_bounds(mu, rdim)
    assert out["dimension"] is not None
    assert out["dimension"] == _minors_dimension(arch)
    assert critical_locus(arch).dimension == out["dimension"] and critical_locus(arch).certified
    assert not is_critical(arch, mu.random_point(5))


@pytest.mark.parametrize("arch, dim", [("4,4 s=3", 5), ("2x2,2x2 s=2x2", 4)])
def test_refused_minors_answered_by_the_families(arch, dim):
    """Two-layer networks whose maximal minors pass limits.max_minors (here 5,000 against their
    13,728 and 11,440 x 8) are answered, certified, from the families; Singular's
    dim(std(minor(jacob(F), N-1))) over GF(32003) gives 5 and 4."""
    r = critical_locus(arch, limits=Limits(max_minors=5000))
    assert r.certified and r.dimension == dim and not r.minors_formed and r.num_minors == 0
    assert "--max-minors" in r.limitations and "maximal minors not formed" in r.to_text()
    # with the bound raised the minors are formed and agree (4,4 s=3 only: the other is slow)
    if arch == "4,4 s=3":
        full = critical_locus(arch, limits=Limits(max_minors=20000))
        assert full.minors_formed and full.certified and full.dimension == dim


def test_three_layers_lower_bound_from_certified_families():
    """Three layers: the critical zero layers (rank J mu = the layer's size) and the shared-factor
    families proved critical in Z[t] raise the lower bound to the minors' dimension."""
    from lcnalg.singularities.critical import family_critical_bounds

    r = critical_locus("3,2,2 s=2,2")
    assert r.certified and r.lower_bound == r.dimension == 5
    out = family_critical_bounds(Parameterization("3,2,2 s=2,2"), 5)
    assert out["dimension"] is None and out["lower"] == 5
    mu = Parameterization("3,2,2 s=2,2")
    for fam in out["families"]:
        if fam.kind == "zero layer":
            (l,) = fam.layers
            lo, hi = mu.layer_slices[l - 1]
            theta = list(mu.random_point(2))
            theta[lo:hi] = [0] * (hi - lo)
            assert mu.jacobian_rank(theta) == hi - lo < 5
