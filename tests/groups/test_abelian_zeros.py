"""Fourier zeros of abelian non-cyclic group networks (group_conv_contains, step 5(a) for abelian G):
the refusal is compared with a brute force over every assignment of the zeros to the layers with
numerical ranks (SVD) of the character submatrices, and products of layers are never refused."""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
from hypothesis import given, settings, strategies as st

from lcnalg.groups import GroupConvParameterization, abelian_characters, group_conv_contains

SPECS = ["C2xC2: 2,3", "C2xC2: 2,2,3", "C3xC2: 3,2,2", "C3xC2: 3,3", "C2xC2xC2: 4,3,2", "C4xC2: 5,3"]
METHOD = "Fourier zeros at the characters"


def brute_force_cover(mu, f) -> bool:
    """Can the zeros of f^ be split among the layers so that each layer (a non-zero real vector on its
    window) vanishes on its part?  Numerical DFT and SVD ranks; every assignment of every character."""
    m, chars = abelian_characters(mu)
    table = np.exp(2j * np.pi * np.array(chars) / m)                 # table[chi, h]
    fhat = table @ np.array([float(v) for v in f])
    zeros = [i for i in range(len(chars)) if abs(fhat[i]) < 1e-9]
    positions = mu.architecture.positions
    for assignment in itertools.product(range(len(positions)), repeat=len(zeros)):
        ok = True
        for l, pos in enumerate(positions):
            rows = [z for z, a in zip(zeros, assignment) if a == l]
            conj = {int(np.argmin([abs(table[j] - table[i].conj()).sum() for j in range(len(chars))])) for i in rows}
            rows = sorted(set(rows) | conj)
            if not rows:
                continue
            A = table[np.ix_(rows, list(pos))]
            real = np.vstack([A.real, A.imag])                        # a real layer: real and imaginary parts
            if np.linalg.matrix_rank(real, tol=1e-9) >= len(pos):
                ok = False
                break
        if ok:
            return True
    return False


def subgroup_indicators(mu):
    """Indicators of the cyclic subgroups (their transforms vanish off the annihilator), and all-ones."""
    N = mu.architecture.order
    out = [[1] * N]
    for g in range(1, N):
        members, h = {0}, g
        while h != 0:
            members.add(h)
            h = mu.table[g][h]
        out.append([1 if i in members else 0 for i in range(N)])
    return out


def test_refusals_are_exactly_the_brute_force_ones():
    refused = 0
    for spec in SPECS:
        mu = GroupConvParameterization(spec)
        for f in subgroup_indicators(mu) + [[1, -1] * (mu.architecture.order // 2)]:
            r = group_conv_contains(mu, f, equations=None)
            if r.method.startswith(METHOD):
                assert r.contained is False and not brute_force_cover(mu, f), (spec, f)
                refused += 1
            elif r.contained is not True and "no product of the windows" not in r.reason:
                assert brute_force_cover(mu, f), (spec, f, r.reason)
    assert refused >= 2


def test_a_refusal_by_hand():
    # C3xC2 = <a> x <b>, windows {e, a, b}, {e, a}, {e, a}: x + y a vanishes only where chi(a) = 1, so the
    # two pairs chi(a) = w, w^2 of 1 + a + a^2 + b + ab + a^2 b fall to layer 1, whose 4 x 3 system has rank 3
    r = group_conv_contains("C3xC2: 3,2,2", [1] * 6)
    assert r.contained is False and r.method.startswith(METHOD)


@settings(max_examples=15, deadline=None)
@given(spec=st.sampled_from(SPECS), data=st.data())
def test_products_are_never_refused(spec, data):
    mu = GroupConvParameterization(spec)
    layers = [data.draw(st.lists(st.sampled_from([-1, 0, 1, 1, 2]), min_size=k, max_size=k))
              for k in mu.architecture.windows]
    f = mu.evaluate([[Fraction(x) for x in w] for w in layers])
    if any(f):
        assert group_conv_contains(mu, f).contained is not False
