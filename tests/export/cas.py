"""Helpers of the script-writer tests: the expected ideals, an exact parser of CAS
polynomial text, the exact substitution check c ↦ μ(w), and a runner of a live CAS."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter

import flint
import pytest

from lcnalg.parameterization import parameterize

HAVE_SINGULAR = shutil.which("Singular") is not None
HAVE_M2 = shutil.which("M2") is not None
needs_singular = pytest.mark.skipif(not HAVE_SINGULAR, reason="Singular not installed")
needs_m2 = pytest.mark.skipif(not HAVE_M2, reason="Macaulay2 not installed")

# architecture -> (degree histogram of minimal generators, dim, degree) [docs/theory.md#measured-invariants]
EXPECTED = {
    "2,2 s=2": ({2: 1}, 3, 2),
    "3,2 s=2": ({3: 1}, 4, 3),
    "2,3 s=3": ({1: 2, 2: 3}, 4, 3),
}

# Minimal generators as printed by Singular 4.3 (singular_script, eliminate); checked
# exactly below whether or not a CAS is installed.
RECORDED = {
    "2,2 s=2": ["c1*c2-c0*c3"],
    "3,2 s=2": ["c1*c2*c3-c0*c3^2-c1^2*c4"],
    "2,3 s=3": ["c5", "c2", "c4*c6-c3*c7", "c1*c6-c0*c7", "c1*c3-c0*c4"],
}

ARCHS = list(EXPECTED) + ["2x2,2x2", "2,2,2 s=2,2", "2x3,3x2 s=1x1"]

_TERM = re.compile(r"([+-]?)([^+-]+)")


def parse_poly(text: str, ctx: flint.fmpz_mpoly_ctx) -> flint.fmpz_mpoly:
    """Exact parse of a CAS polynomial string (``2*c0^2*c1-c3``) into ``ctx``."""
    names = {str(n): i for i, n in enumerate(ctx.names())}
    terms: dict[tuple[int, ...], int] = {}
    text = text.replace(" ", "")
    assert text, "empty polynomial"
    for sign, body in _TERM.findall(text):
        coeff, exps = 1, [0] * len(names)
        for factor in body.split("*"):
            base, _, power = factor.partition("^")
            e = int(power) if power else 1
            if base.isdigit():
                coeff *= int(base) ** e
            else:
                exps[names[base]] += e
        key = tuple(exps)
        terms[key] = terms.get(key, 0) + (-coeff if sign == "-" else coeff)
    return ctx.from_dict({k: v for k, v in terms.items() if v})


def assert_vanishes(arch: str, gens: list[str]) -> None:
    """Each generator is zero after substituting c_m ↦ μ_m(w), exactly in Z[w] (linear or
    polynomial network)."""
    mu = parameterize(arch)
    assert gens
    for g in gens:
        poly = parse_poly(g, mu.coordinate_ring)
        assert poly != 0
        assert poly.compose(*mu.coordinates, ctx=mu.ring) == 0, g


def run(cmd: list[str], script: str, tmp_path, suffix: str) -> dict:
    path = tmp_path / f"job{suffix}"
    path.write_text(script)
    proc = subprocess.run(cmd + [str(path)], capture_output=True, text=True, timeout=600,
                          cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out: dict = {}
    for line in proc.stdout.splitlines():
        parts = line.split(None, 2)
        if len(parts) >= 2 and parts[0] == "LCNALG":
            out[parts[1]] = parts[2] if len(parts) > 2 else ""
    assert set(out) == {"ngens", "degrees", "dim", "degree", "gens"}, proc.stdout
    return out


def check_output(arch: str, out: dict) -> None:
    hist, dim, degree = EXPECTED[arch]
    degs = [int(d) for d in out["degrees"].split(",")]
    gens = out["gens"].split(",")
    assert int(out["ngens"]) == len(degs) == len(gens) == sum(hist.values())
    assert dict(Counter(degs)) == hist
    assert int(out["dim"]) == dim
    assert int(out["degree"]) == degree
    assert_vanishes(arch, gens)
