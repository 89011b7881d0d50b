"""Critical locus of mu: the shared-(hyper)root description against exact ranks, the
minors' decomposition against the planted families."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from lcnalg import Architecture, Limits, Parameterization
from lcnalg.errors import ResourceLimitError
from lcnalg.singularities.critical import (critical_locus, is_critical, planted_families,
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


def test_critical_locus_refuses():
    with pytest.raises(ResourceLimitError):
        critical_locus("3,3,3 s=2,2", max_minors=10)


def test_image_dimensions_by_rank():
    # stride one: the shared-root image is the discriminant hypersurface of M = R^k
    assert shared_root_image_dimension("2,2,2", (1, 3), seed=3) == (5, 3)
    # 3,2 s=2: family of dimension 3 = N - r, image of dimension 2
    assert shared_root_image_dimension("3,2 s=2", (1, 2), seed=3) == (3, 2)


def test_result_protocol_and_status():
    import json

    from lcnalg import Limits

    for arch, status in (("2,2", "certified"), ("3,2 s=2", "bounds 0..3")):
        r = critical_locus(arch)
        assert r.status == status
        data = json.loads(r.to_json())
        assert data["status"] == status and "minors" not in data
        assert status in r.provenance() and r.to_text() and r._repr_latex_().startswith("$")
        assert r.to_latex().startswith(r"\begin{tabular}")
    r = critical_locus("2,2")
    assert r.components[0].equation == "w1_1*w2_0 - w1_0*w2_1" and r.components[0].image_dimension == 2
    # the dimension may be handed in; the bound is a Limits field
    assert critical_locus("2,2", dimension=3).dimension == 3
    with pytest.raises(ResourceLimitError) as err:
        critical_locus("3,3,3 s=2,2", limits=Limits(max_minors=10))
    assert err.value.limit == "max_minors"


def test_oversized_critical_loci_are_refused_up_front(capsys):
    """Minors counted before the symbolic Jacobian is built (9x9,9x9,9x9 aborted in FLINT),
    the Laplace expansion estimated before it runs (3,2,31 ran for minutes), its terms
    counted as they are formed (5,5,5 grew past 16 GB)."""
    import time

    from lcnalg.cli import main

    for argv, option in [(["9x9,9x9,9x9"], "--max-minors"), (["3,2,31"], "--max-subminors"),
                         (["5,5,5", "--max-minor-terms", "1000000"], "--max-minor-terms")]:
        start = time.perf_counter()
        assert main(["critical-locus"] + argv) == 2
        out, err = capsys.readouterr()
        assert not out and len(err.strip().splitlines()) == 1 and option in err, (argv, err)
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
    r = critical_locus("3,2 s=2", limits=Limits(max_locus_entries=1))
    assert not r.residual_computed and r.residual_dimension == 3 == r.dimension
    assert r.status == "bounds 0..3" and "--max-locus-entries" in r.status.reason
    full = critical_locus("3,2 s=2")
    assert full.residual_computed and full.dimension == 3 and "max_locus_entries" not in full.limitations
